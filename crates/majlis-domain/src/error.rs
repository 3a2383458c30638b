//! The domain error: what a rule refuses, with stable snake_case codes that the
//! web layer translates and maps to HTTP statuses.

use serde::Serialize;
use std::borrow::Cow;

/// One invalid field: the field's name and a stable code for the message.
/// Most fields are named in code; a report's fields are named by their
/// template (`fields.turnout`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: Cow<'static, str>,
    pub code: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, code: &'static str) -> Self {
        Self {
            field: Cow::Borrowed(field),
            code,
        }
    }

    /// A field named at run time (a template's field).
    pub fn dynamic(field: String, code: &'static str) -> Self {
        Self {
            field: Cow::Owned(field),
            code,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// The input breaks one or more rules; nothing was changed.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The actor may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Not authenticated.
    #[error("unauthenticated")]
    Unauthenticated,
    /// The record does not exist (or the actor may not know it exists).
    #[error("not found")]
    NotFound,
    /// A unique value is already taken; the field is named.
    #[error("conflict on {field}")]
    Conflict { field: &'static str },
    /// The record changed since it was read (optimistic locking).
    #[error("stale record")]
    Stale,
    /// Too many of these from the same sender: seconds to wait.
    #[error("rate limited")]
    RateLimited(i64),
}

impl DomainError {
    pub fn invalid(field: &'static str, code: &'static str) -> Self {
        Self::Invalid(vec![FieldError::new(field, code)])
    }

    /// The stable code of this error, used in the JSON API and as a message key.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Invalid(_) => "invalid_input",
            Self::Forbidden => "forbidden",
            Self::Unauthenticated => "unauthenticated",
            Self::NotFound => "not_found",
            Self::Conflict { .. } => "conflict",
            Self::Stale => "stale_record",
            Self::RateLimited(_) => "rate_limited",
        }
    }
}

pub type DomainResult<T> = Result<T, DomainError>;
