//! Connecting: the backend is picked from the URL. SQLite gets WAL, foreign
//! keys, a busy timeout and `synchronous=FULL` on every connection: a write
//! acknowledged to a user has been fsynced and survives `kill -9` and power
//! loss. PostgreSQL keeps its own (durable) defaults.
//!
//! Writers on SQLite wait their turn: SQLite takes one writer at a time, and a
//! deferred transaction that reads first and then writes fails at once with
//! SQLITE_BUSY when another writer got there first (the busy timeout cannot
//! help: waiting would deadlock). So every write transaction of this process
//! first takes an async, first-come-first-served write permit — waiting for it
//! holds no connection, so readers keep the pool — and then opens the
//! transaction with `BEGIN IMMEDIATE`, which takes SQLite's write lock at once
//! and lets the busy timeout cover writers of other processes (the command
//! line while `serve` runs). Reads stay concurrent on the WAL. PostgreSQL needs
//! none of it: its writers run side by side.

use crate::error::StoreError;
use crate::error::StoreResult;
use crate::kept::{Epoch, Kept};
use crate::migration::Migrator;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, ExecResult, QueryResult, SqliteTransactionMode, Statement, TransactionOptions,
    TransactionTrait,
};
use sea_orm_migration::MigratorTrait;
use sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

/// How long a writer waits for its turn before the request is answered
/// "unavailable, retry" (503 with `Retry-After`).
const WRITE_WAIT: Duration = Duration::from_secs(20);

/// How long the totals of lists and the body tree are kept without a write
/// of this process (what another process wrote shows after at most this).
pub const KEPT_TTL: Duration = Duration::from_secs(1);

/// How long the organization's settings are kept in memory between reads.
pub const SETTINGS_TTL: Duration = Duration::from_secs(2);

type SettingsCache =
    Arc<std::sync::Mutex<Option<(std::time::Instant, majlis_domain::OrgSettings)>>>;

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
    /// SQLite only: the permit every write transaction of this process holds.
    writer: Option<Arc<Mutex<()>>>,
    pub(crate) hashing: crate::service::passwords::Hashing,
    settings: SettingsCache,
    /// Moved by every committed write of this process.
    pub(crate) epoch: crate::kept::Epoch,
    pub(crate) identities: Arc<crate::kept::Kept<crate::service::identity::Identity>>,
    /// Totals of lists (the people directory, bodies), kept for a moment.
    pub(crate) totals: Arc<crate::kept::Kept<u64>>,
    /// The body tree, kept for a moment.
    pub(crate) tree: Arc<crate::kept::Kept<Arc<crate::service::tree::BodyTree>>>,
    /// Meetings read by id (permission checks of reads), kept for a moment.
    pub(crate) meetings: Arc<crate::kept::Kept<majlis_domain::meeting::Meeting>>,
    /// SQLite on a file: its WAL index (`-shm`), whose header moves with
    /// every commit of any process (see `Store::change_mark`).
    pub(crate) wal_index: Option<Arc<std::path::PathBuf>>,
}

/// A write transaction: on SQLite it holds the process's write permit until
/// it is committed or dropped (dropping rolls back).
pub struct WriteTx {
    tx: DatabaseTransaction,
    _permit: Option<OwnedMutexGuard<()>>,
    /// Moved on commit: values kept before are not used again.
    epoch: crate::kept::Epoch,
}

impl WriteTx {
    pub async fn commit(self) -> Result<(), DbErr> {
        let epoch = self.epoch.clone();
        let done = self.tx.commit().await;
        epoch.advance();
        done
    }

    /// The transaction itself (for helpers typed on it).
    pub fn inner(&self) -> &DatabaseTransaction {
        &self.tx
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for WriteTx {
    fn get_database_backend(&self) -> DbBackend {
        self.tx.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        self.tx.execute_raw(stmt).await
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        self.tx.execute_unprepared(sql).await
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        self.tx.query_one_raw(stmt).await
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        self.tx.query_all_raw(stmt).await
    }
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
                crate::sqlite_config::configure();
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
        let wal_index = (backend == Backend::Sqlite)
            .then(|| crate::service::site::wal_index_path(url))
            .flatten()
            .map(Arc::new);
        let epoch = Epoch::default();
        let writer = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Self {
            db,
            backend,
            writer,
            hashing: crate::service::passwords::Hashing::for_this_machine(),
            settings: SettingsCache::default(),
            identities: Arc::new(Kept::new(
                &epoch,
                crate::service::identity::IDENTITY_TTL,
                crate::service::identity::MAX_KEPT,
            )),
            totals: Arc::new(Kept::new(&epoch, KEPT_TTL, 1_000)),
            tree: Arc::new(Kept::new(&epoch, KEPT_TTL, 4)),
            meetings: Arc::new(Kept::new(&epoch, KEPT_TTL, 10_000)),
            epoch,
            wal_index,
        })
    }

    /// Opens a write transaction; on SQLite, after this process's earlier
    /// writers (see the module's notes).
    pub(crate) async fn write(&self) -> StoreResult<WriteTx> {
        let Some(lock) = &self.writer else {
            return Ok(WriteTx {
                tx: self.db.begin().await?,
                _permit: None,
                epoch: self.epoch.clone(),
            });
        };
        let permit = tokio::time::timeout(WRITE_WAIT, lock.clone().lock_owned())
            .await
            .map_err(|_| StoreError::Unavailable("waited too long for the write lock".into()))?;
        let tx = self
            .db
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await?;
        Ok(WriteTx {
            tx,
            _permit: Some(permit),
            epoch: self.epoch.clone(),
        })
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

    /// Runs one SQL statement as is (tests that damage a stored value).
    pub async fn execute_raw_for_tests(&self, sql: &str) -> StoreResult<()> {
        use sea_orm::ConnectionTrait;
        self.db.execute_unprepared(sql).await?;
        self.epoch.advance();
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
        self.epoch.advance();
        Ok(())
    }

    /// Names of the migrations applied, in order.
    pub async fn applied_migrations(&self) -> StoreResult<Vec<String>> {
        let applied = Migrator::get_applied_migrations(&self.db).await?;
        Ok(applied.into_iter().map(|m| m.name().to_string()).collect())
    }

    pub(crate) fn cached_settings(&self) -> Option<majlis_domain::OrgSettings> {
        let guard = self.settings.lock().ok()?;
        guard
            .as_ref()
            .filter(|(at, _)| at.elapsed() < SETTINGS_TTL)
            .map(|(_, s)| s.clone())
    }

    /// Keeps (or, with `None`, forgets) the settings just read or written.
    pub(crate) fn cache_settings(&self, s: Option<majlis_domain::OrgSettings>) {
        if let Ok(mut guard) = self.settings.lock() {
            *guard = s.map(|s| (std::time::Instant::now(), s));
        }
    }

    /// Counts every statement this handle (and its clones made afterwards)
    /// runs, for tests that hold pages to a fixed number of queries.
    pub fn count_statements(&mut self) -> Arc<std::sync::atomic::AtomicU64> {
        let counter = Arc::new(std::sync::atomic::AtomicU64::new(0));
        let c = counter.clone();
        self.db.set_metric_callback(move |_| {
            c.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        counter
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
