//! Minutes (محضر) of a meeting: one text per agenda item and an overall text,
//! edited by the body's secretariat until approved, then locked.

use crate::error::{DomainError, DomainResult};
use crate::meeting::MeetingStatus;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest text of one part of the minutes, in characters (a long meeting's
/// overall minutes fit in well under this).
pub const MAX_MINUTES_TEXT: usize = 200_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesStatus {
    Draft,
    Approved,
}

impl MinutesStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Self::Draft),
            "approved" => Some(Self::Approved),
            _ => None,
        }
    }
}

/// Minutes as submitted: the version the editor started from, the overall
/// text and one text per agenda item.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MinutesInput {
    pub version: i32,
    #[serde(default)]
    pub overall: Option<String>,
    #[serde(default)]
    pub items: Vec<ItemMinutes>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct ItemMinutes {
    pub agenda_item_id: Uuid,
    pub text: Option<String>,
}

/// A text of the minutes, cleaned (line breaks kept), `None` when empty.
fn minutes_text(field: &'static str, value: Option<&str>) -> DomainResult<Option<String>> {
    let v: String = value
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .replace("\r\n", "\n");
    let v = v.trim().to_string();
    if v.chars().count() > MAX_MINUTES_TEXT {
        return Err(DomainError::invalid(field, "too_long"));
    }
    Ok((!v.is_empty()).then_some(v))
}

impl MinutesInput {
    /// Cleans the texts; every item must be one of the meeting's agenda items.
    pub fn validate(&self, agenda: &[Uuid]) -> DomainResult<(Option<String>, Vec<ItemMinutes>)> {
        let overall = minutes_text("overall", self.overall.as_deref())?;
        let mut items = Vec::with_capacity(self.items.len());
        for i in &self.items {
            if !agenda.contains(&i.agenda_item_id) {
                return Err(DomainError::invalid("items", "invalid_choice"));
            }
            items.push(ItemMinutes {
                agenda_item_id: i.agenda_item_id,
                text: minutes_text("items", i.text.as_deref())?,
            });
        }
        Ok((overall, items))
    }
}

/// Minutes are edited until approved, and an edit must start from the latest
/// version (optimistic locking: the second of two concurrent saves is refused).
pub fn check_minutes_edit(
    status: MinutesStatus,
    expected_version: i32,
    current_version: i32,
) -> DomainResult<()> {
    if status == MinutesStatus::Approved {
        return Err(DomainError::invalid("minutes", "minutes_locked"));
    }
    if expected_version != current_version {
        return Err(DomainError::Stale);
    }
    Ok(())
}

/// Minutes are approved once, after the meeting was held — recorded as held
/// and started by the organization's clock (`now`) —, from the version the
/// approver read, and only when something was written.
pub fn check_approve(
    meeting: MeetingStatus,
    meeting_start: chrono::NaiveDateTime,
    now: chrono::NaiveDateTime,
    status: MinutesStatus,
    expected_version: i32,
    current_version: i32,
    has_text: bool,
) -> DomainResult<()> {
    if meeting != MeetingStatus::Held || now < meeting_start {
        return Err(DomainError::invalid("minutes", "meeting_not_held"));
    }
    check_minutes_edit(status, expected_version, current_version)?;
    if !has_text {
        return Err(DomainError::invalid("minutes", "minutes_empty"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32) -> chrono::NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap()
    }

    fn start() -> chrono::NaiveDateTime {
        at(2016, 12, 19)
    }

    fn now() -> chrono::NaiveDateTime {
        at(2026, 12, 2)
    }

    #[test]
    fn minutes_state_machine() {
        use MinutesStatus::*;
        assert!(check_minutes_edit(Draft, 3, 3).is_ok());
        assert_eq!(check_minutes_edit(Draft, 2, 3), Err(DomainError::Stale));
        assert_eq!(
            check_minutes_edit(Approved, 3, 3),
            Err(DomainError::invalid("minutes", "minutes_locked"))
        );
        assert!(check_approve(MeetingStatus::Held, start(), now(), Draft, 1, 1, true).is_ok());
        assert_eq!(
            check_approve(MeetingStatus::Planned, start(), now(), Draft, 1, 1, true),
            Err(DomainError::invalid("minutes", "meeting_not_held"))
        );
        assert_eq!(
            check_approve(MeetingStatus::Held, start(), now(), Draft, 1, 1, false),
            Err(DomainError::invalid("minutes", "minutes_empty"))
        );
        assert_eq!(
            check_approve(MeetingStatus::Held, start(), now(), Draft, 0, 1, true),
            Err(DomainError::Stale)
        );
        assert!(check_approve(MeetingStatus::Held, start(), now(), Approved, 1, 1, true).is_err());
        assert_eq!(MinutesStatus::parse("approved"), Some(Approved));
        // Held on record but not yet begun by the clock: not approvable.
        assert_eq!(
            check_approve(MeetingStatus::Held, now(), start(), Draft, 1, 1, true),
            Err(DomainError::invalid("minutes", "meeting_not_held"))
        );
    }

    #[test]
    fn texts_are_cleaned_and_items_checked() {
        let a = Uuid::now_v7();
        let input = MinutesInput {
            version: 0,
            overall: Some("  سطر\r\nثان\u{0007} ".into()),
            items: vec![ItemMinutes {
                agenda_item_id: a,
                text: Some("   ".into()),
            }],
        };
        let (overall, items) = input.validate(&[a]).unwrap();
        assert_eq!(overall.as_deref(), Some("سطر\nثان"));
        assert_eq!(items[0].text, None);
        assert!(input.validate(&[Uuid::now_v7()]).is_err());
        let long = MinutesInput {
            overall: Some("م".repeat(MAX_MINUTES_TEXT + 1)),
            ..Default::default()
        };
        assert_eq!(
            long.validate(&[]).unwrap_err(),
            DomainError::invalid("overall", "too_long")
        );
    }
}
