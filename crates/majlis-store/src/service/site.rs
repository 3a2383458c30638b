//! The public site's version: one number bumped in the same transaction as
//! every change the public can see (a communiqué published, corrected or
//! withdrawn, a comment approved). Each process keeps rendered public
//! pages with the version they were made at and reads the number (one
//! primary-key read) before serving one, so a change made through one
//! process is seen by the next request to any other.
//!
//! On SQLite a read can often be skipped: every commit, by any process,
//! rewrites the header of the WAL index (the `-shm` file beside the
//! database: change counter, last frame, salts), before the committing
//! process answers anyone. While those bytes stay as they were when the
//! version was last read, nothing was committed since, so the version read
//! then still holds (`Store::change_mark`).

use crate::Store;
use crate::entity::site_state;
use crate::error::StoreResult;
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, Set};

impl Store {
    /// Bumps the site's version in the caller's transaction.
    pub(crate) async fn touch_site<C: ConnectionTrait>(&self, c: &C) -> StoreResult<()> {
        use sea_orm::ColumnTrait;
        use sea_orm::sea_query::{Expr, ExprTrait};
        let done = site_state::Entity::update_many()
            .col_expr(
                site_state::Column::Version,
                Expr::col(site_state::Column::Version).add(1),
            )
            .filter(site_state::Column::Id.eq(1))
            .exec(c)
            .await?;
        if done.rows_affected == 0 {
            // The row is made by the migration; a database restored from
            // an older backup gets it here.
            site_state::Entity::insert(site_state::ActiveModel {
                id: Set(1),
                version: Set(1),
            })
            .on_conflict(
                sea_orm::sea_query::OnConflict::column(site_state::Column::Id)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(c)
            .await?;
        }
        Ok(())
    }

    /// On SQLite in WAL mode, the header of the WAL index as it is now:
    /// bytes that change with every commit of any process on this database
    /// file. `None` on PostgreSQL, in memory, or when it cannot be read (the
    /// caller then reads the version).
    pub fn change_mark(&self) -> Option<[u8; WAL_HEADER]> {
        use std::os::unix::fs::FileExt;
        let path = self.wal_index.as_deref()?;
        // Opened each time: SQLite may remove the file and make a new one
        // when the last connection of every process closes.
        let file = std::fs::File::open(path).ok()?;
        let mut header = [0u8; WAL_HEADER];
        file.read_exact_at(&mut header, 0).ok()?;
        (header != [0u8; WAL_HEADER]).then_some(header)
    }

    /// The site's current version (0 before any change).
    /// Read for public requests under a crowd: one plain statement, no
    /// query built.
    pub async fn site_version(&self) -> StoreResult<i64> {
        let row = self
            .db
            .query_one_raw(sea_orm::Statement::from_string(
                self.db.get_database_backend(),
                "SELECT version FROM site_state WHERE id = 1",
            ))
            .await?;
        Ok(match row {
            Some(r) => r.try_get::<i64>("", "version")?,
            None => 0,
        })
    }
}

/// The first copy of the WAL index header (SQLite's `WalIndexHdr`: version,
/// change counter, page size, last valid frame, database size, checksums
/// and salts).
pub const WAL_HEADER: usize = 48;

/// The WAL index file of an SQLite database URL (`sqlite://path?…`), or
/// `None` for an in-memory database.
pub(crate) fn wal_index_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next()?;
    if path.is_empty() || path.contains(":memory:") || rest.contains("mode=memory") {
        return None;
    }
    Some(std::path::PathBuf::from(format!("{path}-shm")))
}

#[cfg(test)]
mod tests {
    use super::wal_index_path;

    #[test]
    fn the_wal_index_sits_beside_a_database_file_only() {
        assert_eq!(
            wal_index_path("sqlite:///var/lib/majlis/majlis.sqlite?mode=rwc"),
            Some("/var/lib/majlis/majlis.sqlite-shm".into())
        );
        assert_eq!(wal_index_path("sqlite::memory:"), None);
        assert_eq!(wal_index_path("sqlite://x.db?mode=memory"), None);
        assert_eq!(wal_index_path("postgres://h/db"), None);
    }
}
