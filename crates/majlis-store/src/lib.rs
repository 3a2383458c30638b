//! majlis persistence: one code path for SQLite and PostgreSQL (SeaORM), the
//! migrations, the audit log, and the services that run a domain rule and its
//! store writes in one transaction together with their audit event.

pub mod audit;
pub mod backup;
pub mod bulk;
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
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}
