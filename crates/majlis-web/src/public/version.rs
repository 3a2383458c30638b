//! The site's version, read for every public request without one database
//! read per request. Requests that arrive together share a read, but only a
//! read that *started after they arrived*: a request waits for the read in
//! progress to end and for the next one, which all the requests that came
//! in meanwhile share. So each request still sees every change committed
//! before it arrived — by this process or any other on the same database —
//! while 64 readers at once cost a handful of reads, not 64.
//!
//! On SQLite, the read is skipped altogether while the database's change
//! mark (`Store::change_mark`, which every commit of any process moves)
//! is the one seen before the last read.

use crate::error::WebError;
use majlis_store::Store;
use majlis_store::service::site::WAL_HEADER;
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

/// Least time between the starts of two reads in a row.
const READ_GAP: std::time::Duration = std::time::Duration::from_micros(500);

/// Outcome of read number `n`: the version, or why it could not be read.
type Outcome = (u64, Result<i64, Failure>);

#[derive(Clone, Debug)]
enum Failure {
    Busy,
    Unavailable,
    Internal(String),
}

impl From<Failure> for WebError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Busy => WebError::Busy,
            Failure::Unavailable => WebError::Unavailable,
            Failure::Internal(m) => WebError::Internal(m),
        }
    }
}

#[derive(Default)]
struct Reads {
    /// Number of the latest read started.
    started: u64,
    /// A read is in progress.
    running: bool,
    /// Someone arrived during it: one more read when it ends.
    again: bool,
}

/// Shared reads of the site's version (one per process).
pub struct VersionReads {
    reads: Mutex<Reads>,
    /// SQLite: the change mark seen before a read, and the version read.
    marked: Mutex<Option<([u8; WAL_HEADER], i64)>>,
    done: watch::Sender<Outcome>,
}

impl Default for VersionReads {
    fn default() -> Self {
        Self {
            reads: Mutex::default(),
            marked: Mutex::default(),
            done: watch::Sender::new((0, Ok(0))),
        }
    }
}

impl VersionReads {
    /// The site's version as of a moment after this call began.
    pub async fn current(self: &Arc<Self>, store: &Store) -> Result<i64, WebError> {
        // Taken before the read: the version read after it holds at least
        // every commit the mark reflects.
        let mark = store.change_mark();
        if let Some(mark) = mark {
            let marked = *self.marked.lock().map_err(|_| poisoned())?;
            if let Some((m, v)) = marked
                && m == mark
            {
                return Ok(v);
            }
        }
        let version = self.read(store).await?;
        if let Some(mark) = mark {
            *self.marked.lock().map_err(|_| poisoned())? = Some((mark, version));
        }
        Ok(version)
    }

    /// A read that started after this call began, shared with the others
    /// waiting for it.
    async fn read(self: &Arc<Self>, store: &Store) -> Result<i64, WebError> {
        let mut seen = self.done.subscribe();
        let (wanted, start) = {
            let mut r = self.reads.lock().map_err(|_| poisoned())?;
            if r.running {
                r.again = true;
                (r.started + 1, false)
            } else {
                r.running = true;
                r.started += 1;
                (r.started, true)
            }
        };
        if start {
            // A task of its own, so that a client going away cannot leave
            // the others waiting for a read nobody finishes.
            tokio::spawn(Arc::clone(self).read_until_nobody_waits(store.clone()));
        }
        loop {
            {
                let (n, outcome) = &*seen.borrow_and_update();
                if *n >= wanted {
                    return outcome.clone().map_err(WebError::from);
                }
            }
            seen.changed().await.map_err(|_| poisoned())?;
        }
    }

    /// Reads until a read ends with nobody waiting for another. The caller
    /// counted the first read; each next one is counted when it starts, so
    /// that requests arriving before that moment share it.
    async fn read_until_nobody_waits(self: Arc<Self>, store: Store) {
        let Ok(mut n) = self.reads.lock().map(|r| r.started) else {
            return;
        };
        loop {
            let began = tokio::time::Instant::now();
            let outcome = store.site_version().await.map_err(|e| match e.into() {
                WebError::Busy => Failure::Busy,
                WebError::Internal(m) => Failure::Internal(m),
                _ => Failure::Unavailable,
            });
            let _previous = self.done.send_replace((n, outcome));
            match self.reads.lock() {
                Ok(mut r) if !r.again => {
                    r.running = false;
                    return;
                }
                Ok(_) => {}
                Err(_) => return,
            }
            // Reads in a row under a crowd are spaced a little, which
            // gathers more requests in each (they wait, but do not work).
            tokio::time::sleep_until(began + READ_GAP).await;
            let Ok(mut r) = self.reads.lock() else { return };
            r.again = false;
            r.started += 1;
            n = r.started;
        }
    }
}

fn poisoned() -> WebError {
    WebError::Internal("site version reads poisoned".into())
}
