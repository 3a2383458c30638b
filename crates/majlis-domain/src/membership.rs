//! Memberships: a person holds a role in a body for a period.

use crate::error::DomainResult;
use crate::person::parse_date;
use crate::validation::Checker;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A role key. The built-in ones are below; an admin may add others, which
/// never carry management rights.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Role(pub String);

impl Role {
    pub const CHAIR: &'static str = "chair";
    pub const DEPUTY_CHAIR: &'static str = "deputy_chair";
    pub const SECRETARY: &'static str = "secretary";
    pub const TREASURER: &'static str = "treasurer";
    pub const MEMBER: &'static str = "member";
    /// Built-in roles in display order.
    pub const BUILTIN: [&'static str; 5] = [
        Self::CHAIR,
        Self::DEPUTY_CHAIR,
        Self::SECRETARY,
        Self::TREASURER,
        Self::MEMBER,
    ];

    pub fn new(key: &str) -> Self {
        Self(key.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Chairs, deputy chairs and secretaries manage their body's memberships.
    pub fn manages(&self) -> bool {
        matches!(
            self.0.as_str(),
            Self::CHAIR | Self::DEPUTY_CHAIR | Self::SECRETARY
        )
    }

    /// A role key an admin may create: lowercase ASCII words joined by `_`.
    pub fn is_valid_key(key: &str) -> bool {
        (2..=40).contains(&key.len())
            && key.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && !key.starts_with('_')
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    pub id: Uuid,
    pub person_id: Uuid,
    pub body_id: Uuid,
    pub role: Role,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
}

impl Membership {
    /// Current on `today`: started, and not ended before today.
    pub fn is_current(&self, today: NaiveDate) -> bool {
        is_current(self.starts_on, self.ends_on, today)
    }
}

pub fn is_current(starts_on: NaiveDate, ends_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    starts_on <= today && ends_on.is_none_or(|end| end >= today)
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct MembershipInput {
    pub person_id: String,
    pub body_id: String,
    pub role: String,
    #[serde(default)]
    pub starts_on: Option<String>,
    #[serde(default)]
    pub ends_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidMembership {
    pub person_id: Uuid,
    pub body_id: Uuid,
    pub role: Role,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

impl MembershipInput {
    /// Validates; a missing start date means `today`.
    pub fn validate(&self, today: NaiveDate) -> DomainResult<ValidMembership> {
        let mut c = Checker::new();
        let person_id = Uuid::parse_str(self.person_id.trim()).ok();
        if person_id.is_none() {
            c.fail("person_id", "required");
        }
        let body_id = Uuid::parse_str(self.body_id.trim()).ok();
        if body_id.is_none() {
            c.fail("body_id", "required");
        }
        let role = self.role.trim();
        if !Role::is_valid_key(role) {
            c.fail("role", "invalid_choice");
        }
        let starts_on = parse_date(&mut c, "starts_on", self.starts_on.as_deref()).unwrap_or(today);
        let ends_on = parse_date(&mut c, "ends_on", self.ends_on.as_deref());
        if let Some(end) = ends_on
            && end < starts_on
        {
            c.fail("ends_on", "end_before_start");
        }
        c.into_result(ValidMembership {
            person_id: person_id.unwrap_or_default(),
            body_id: body_id.unwrap_or_default(),
            role: Role::new(role),
            starts_on,
            ends_on,
        })
    }
}

/// Ending a membership: `on` is its last day. Not already ended, and not
/// before it started — except the day before its start, which cancels a
/// membership that had not begun yet.
pub fn check_end(
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    on: NaiveDate,
) -> DomainResult<()> {
    if ends_on.is_some() {
        return Err(crate::DomainError::invalid("ends_on", "already_ended"));
    }
    if starts_on
        .pred_opt()
        .is_some_and(|day_before| on < day_before)
    {
        return Err(crate::DomainError::invalid("ends_on", "end_before_start"));
    }
    Ok(())
}
#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn current_periods() {
        assert!(is_current(d(2016, 1, 1), None, d(2016, 12, 19)));
        assert!(is_current(
            d(2016, 1, 1),
            Some(d(2016, 12, 19)),
            d(2016, 12, 19)
        ));
        assert!(!is_current(
            d(2016, 1, 1),
            Some(d(2016, 12, 18)),
            d(2016, 12, 19)
        ));
        assert!(!is_current(d(2017, 1, 1), None, d(2016, 12, 19)));
    }

    #[test]
    fn end_before_start_is_refused() {
        let i = MembershipInput {
            person_id: uuid::Uuid::now_v7().to_string(),
            body_id: uuid::Uuid::now_v7().to_string(),
            role: "member".into(),
            starts_on: Some("2017-01-07".into()),
            ends_on: Some("2016-12-19".into()),
        };
        assert!(i.validate(d(2016, 12, 19)).is_err());
        assert!(check_end(d(2017, 1, 7), None, d(2016, 1, 1)).is_err());
        assert!(check_end(d(2017, 1, 7), Some(d(2017, 2, 1)), d(2017, 3, 1)).is_err());
        assert!(check_end(d(2017, 1, 7), None, d(2017, 3, 1)).is_ok());
        // Ending "yesterday" a membership that starts today cancels it.
        assert!(check_end(d(2017, 1, 7), None, d(2017, 1, 6)).is_ok());
        assert!(check_end(d(2017, 1, 7), None, d(2017, 1, 5)).is_err());
    }

    #[test]
    fn roles() {
        assert!(Role::new("chair").manages());
        assert!(Role::new("secretary").manages());
        assert!(!Role::new("treasurer").manages());
        assert!(!Role::new("member").manages());
        assert!(Role::is_valid_key("spokesperson"));
        assert!(!Role::is_valid_key("Bad Key"));
    }
}
