//! majlis persistence: one code path for SQLite and PostgreSQL (SeaORM), the
//! migrations, the audit log, and the services that run a domain rule and its
//! store writes in one transaction together with their audit event.

pub mod audit;
pub mod backup;
pub mod bulk;
pub mod bulk_reports;
mod convert;
mod db;
pub mod entity;
mod error;
mod kept;
pub mod migration;
pub mod service;
mod sqlite_config;
pub mod testing;

pub use db::{Backend, Store, WriteTx};
pub use error::{StoreError, StoreResult};
pub use service::accounts::{Account, NewAccount};
pub use service::people::{PeoplePage, PeopleQuery};

/// The page size limit for every list.
pub const MAX_PAGE_SIZE: u64 = 200;

/// The current time at microsecond precision, the finest both backends keep,
/// so that a value reads back equal on SQLite and PostgreSQL.
/// Within [`clock::at`], the time that scope set instead.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    clock::fixed()
        .unwrap_or_else(chrono::Utc::now)
        .trunc_subsecs(6)
}

/// A clock that one task can set: the demo records the seed's story on its
/// own dates (a report submitted on 5 January 2017) and tests move time
/// forward. It never leaks into other tasks or requests.
pub mod clock {
    use chrono::{DateTime, Utc};
    use std::cell::Cell;

    tokio::task_local! {
        static CLOCK: Cell<Option<DateTime<Utc>>>;
    }

    /// Runs `f` with [`crate::now`] answering `start` (until [`set`]).
    pub async fn at<F: std::future::Future>(start: DateTime<Utc>, f: F) -> F::Output {
        CLOCK.scope(Cell::new(Some(start)), f).await
    }

    /// Moves the time of the current [`at`] scope (outside one: nothing).
    pub fn set(t: DateTime<Utc>) {
        let _ = CLOCK.try_with(|c| c.set(Some(t)));
    }

    pub(crate) fn fixed() -> Option<DateTime<Utc>> {
        CLOCK.try_with(Cell::get).ok().flatten()
    }
}
