//! SQLite's process-wide configuration, set once before the first connection.
//!
//! The bundled SQLite counts every allocation it makes (memory statistics)
//! under one global mutex. With several connections reading at once — the
//! pool serving a crowd — the threads queue on that mutex: measured on the
//! bodies list, more than half of the process's CPU went to waking and
//! putting to sleep the threads that wait for it. majlis reads no memory
//! statistics, so they are turned off (`SQLITE_CONFIG_MEMSTATUS`, 0), which
//! SQLite allows only before it is initialized — hence here, before the
//! first connection of the process is opened.
#![allow(unsafe_code)]

use std::sync::Once;

static CONFIGURED: Once = Once::new();

/// Applies the configuration; later calls do nothing.
pub(crate) fn configure() {
    CONFIGURED.call_once(|| {
        // SAFETY: sqlite3_config is called before any other SQLite function
        // of this process (every connection is opened after this `Once`),
        // with an option that takes one int, as its documentation requires.
        let rc =
            unsafe { libsqlite3_sys::sqlite3_config(libsqlite3_sys::SQLITE_CONFIG_MEMSTATUS, 0) };
        if rc != libsqlite3_sys::SQLITE_OK {
            tracing::warn!(rc, "SQLite memory statistics could not be turned off");
        }
    });
}
