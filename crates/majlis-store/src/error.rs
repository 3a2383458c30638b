//! Store errors. Domain refusals pass through unchanged; database trouble is
//! split into "unavailable" (locked, lost, timed out: the caller may retry, 503)
//! and internal errors (logged, never shown).

use majlis_domain::DomainError;
use sea_orm::{DbErr, RuntimeErr, SqlErr};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// Too much work of one kind at once (password hashing): retry shortly.
    #[error("busy")]
    Busy,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Which field a unique index protects, from the index name in the message.
fn unique_field(message: &str) -> &'static str {
    for (needle, field) in [
        ("member_number", "member_number"),
        ("username", "username"),
        ("accounts.email", "email"),
        ("ix_accounts_email", "email"),
        ("token_hash", "token"),
        ("roles.key", "key"),
        ("roles_pkey", "key"),
    ] {
        if message.contains(needle) {
            return field;
        }
    }
    "id"
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        if let Some(SqlErr::UniqueConstraintViolation(msg)) = err.sql_err() {
            return StoreError::Domain(DomainError::Conflict {
                field: unique_field(&msg),
            });
        }
        let text = err.to_string();
        let lower = text.to_lowercase();
        let unavailable = matches!(
            err,
            DbErr::ConnectionAcquire(_) | DbErr::Conn(RuntimeErr::SqlxError(_))
        ) || lower.contains("database is locked")
            || lower.contains("database is busy")
            || lower.contains("pool timed out")
            || lower.contains("connection refused")
            || lower.contains("connection reset")
            || lower.contains("broken pipe")
            || lower.contains("terminating connection")
            || lower.contains("closed");
        if unavailable {
            StoreError::Unavailable(text)
        } else {
            StoreError::Internal(text)
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(err: serde_json::Error) -> Self {
        StoreError::Internal(err.to_string())
    }
}
