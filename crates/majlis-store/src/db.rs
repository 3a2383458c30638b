//! Connecting: the backend is picked from the URL. SQLite gets WAL, foreign
//! keys, a busy timeout and `synchronous=FULL` on every connection: a write
//! acknowledged to a user has been fsynced and survives `kill -9` and power
//! loss. PostgreSQL keeps its own (durable) defaults.

use crate::error::StoreResult;
use crate::migration::Migrator;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use sea_orm_migration::MigratorTrait;
use sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database handle every service runs on. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    pub(crate) db: DatabaseConnection,
    backend: Backend,
}

impl Store {
    /// Connects to `sqlite://path?mode=rwc` or `postgres://…`.
    pub async fn connect(url: &str) -> StoreResult<Self> {
        let mut opts = ConnectOptions::new(url.to_string());
        opts.sqlx_logging(false)
            .acquire_timeout(Duration::from_secs(5))
            .connect_timeout(Duration::from_secs(5));
        let backend = if url.starts_with("postgres") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        match backend {
            Backend::Sqlite => {
                opts.max_connections(8)
                    .min_connections(1)
                    .map_sqlx_sqlite_opts(|o| {
                        o.journal_mode(SqliteJournalMode::Wal)
                            .synchronous(SqliteSynchronous::Full)
                            .foreign_keys(true)
                            .busy_timeout(Duration::from_secs(5))
                            .create_if_missing(true)
                    });
            }
            Backend::Postgres => {
                opts.max_connections(32).min_connections(1);
            }
        }
        let db = Database::connect(opts).await?;
        Ok(Self { db, backend })
    }

    /// Applies every pending migration.
    pub async fn migrate(&self) -> StoreResult<()> {
        Migrator::up(&self.db, None).await?;
        crate::service::roles::ensure_builtin(self).await?;
        crate::service::settings::ensure_row(self).await?;
        Ok(())
    }

    /// Applies only the next `steps` migrations (tests of old schemas).
    pub async fn migrate_steps(&self, steps: u32) -> StoreResult<()> {
        Migrator::up(&self.db, Some(steps)).await?;
        Ok(())
    }

    /// Inserts a person with a plain INSERT that only uses the first schema's
    /// columns, as an old majlis would have (tests of forward migrations).
    pub async fn insert_raw_person_for_tests(&self, name_ar: &str, latin: &str) -> StoreResult<()> {
        use sea_orm::{ActiveModelTrait, Set};
        let now = crate::now();
        crate::entity::person::ActiveModel {
            id: Set(uuid::Uuid::now_v7()),
            full_name_ar: Set(name_ar.into()),
            full_name_latin: Set(Some(latin.into())),
            gender: Set("female".into()),
            member_number: Set(None),
            email: Set(None),
            phone: Set(None),
            joined_on: Set(None),
            archived: Set(false),
            search: Set(majlis_text::normalize_for_search(name_ar)),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&self.db)
        .await?;
        Ok(())
    }

    /// Names of the migrations applied, in order.
    pub async fn applied_migrations(&self) -> StoreResult<Vec<String>> {
        let applied = Migrator::get_applied_migrations(&self.db).await?;
        Ok(applied.into_iter().map(|m| m.name().to_string()).collect())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Checks that the database answers (for health checks).
    pub async fn ping(&self) -> StoreResult<()> {
        self.db.ping().await?;
        Ok(())
    }

    /// Creates a PostgreSQL database (for tests and `majlis init`).
    pub async fn create_pg_database(admin_url: &str, name: &str) -> StoreResult<()> {
        let admin = Store::connect(admin_url).await?;
        admin
            .db
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await?;
        admin.close().await
    }

    /// Closes the pool cleanly (checkpoints the SQLite WAL).
    pub async fn close(self) -> StoreResult<()> {
        self.db.close().await?;
        Ok(())
    }
}
