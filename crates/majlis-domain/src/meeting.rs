//! Meetings (اجتماعات) of bodies: kinds, the status machine, quorum,
//! attendance, minutes locking. Pure rules for the meetings capability.

use crate::error::{DomainError, DomainResult};
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// دوري
    Periodic,
    /// خاص
    Special,
    /// استثنائي
    Extraordinary,
    /// موضوعاتي
    Thematic,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 4] = [
        Self::Periodic,
        Self::Special,
        Self::Extraordinary,
        Self::Thematic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Periodic => "periodic",
            Self::Special => "special",
            Self::Extraordinary => "extraordinary",
            Self::Thematic => "thematic",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Planned,
    Held,
    Cancelled,
    Postponed,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::Held => "held",
            Self::Cancelled => "cancelled",
            Self::Postponed => "postponed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Planned, Self::Held, Self::Cancelled, Self::Postponed]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// A change of status; postponing carries the new start and end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    Hold,
    Cancel,
    Postpone {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// The status after `change`, or the refusal: held and cancelled meetings
/// are final; a planned or postponed meeting may be held, cancelled or
/// postponed (again) to a later, well-ordered date.
pub fn transition(
    from: MeetingStatus,
    current_start: NaiveDateTime,
    change: StatusChange,
) -> DomainResult<MeetingStatus> {
    if matches!(from, MeetingStatus::Held | MeetingStatus::Cancelled) {
        return Err(DomainError::invalid("status", "meeting_closed"));
    }
    Ok(match change {
        StatusChange::Hold => MeetingStatus::Held,
        StatusChange::Cancel => MeetingStatus::Cancelled,
        StatusChange::Postpone { start, end } => {
            check_times(start, end)?;
            if start <= current_start {
                return Err(DomainError::invalid("starts_at", "postpone_not_later"));
            }
            MeetingStatus::Postponed
        }
    })
}

/// A meeting ends after it starts, and lasts at most a week.
pub fn check_times(start: NaiveDateTime, end: NaiveDateTime) -> DomainResult<()> {
    if end <= start {
        return Err(DomainError::invalid("ends_at", "end_before_start"));
    }
    if end - start > chrono::Duration::days(7) {
        return Err(DomainError::invalid("ends_at", "too_long"));
    }
    Ok(())
}

/// How many members must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuorumRule {
    /// More than half of the members (the default).
    Majority,
    /// At least two thirds.
    TwoThirds,
    /// A fixed number.
    Fixed(u32),
}

impl QuorumRule {
    /// Members needed among `members`.
    pub fn needed(self, members: u32) -> u32 {
        match self {
            Self::Majority => members / 2 + 1,
            Self::TwoThirds => (members * 2).div_ceil(3),
            Self::Fixed(n) => n.min(members.max(1)),
        }
        .min(members.max(1))
    }

    pub fn reached(self, present: u32, members: u32) -> bool {
        members > 0 && present >= self.needed(members)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    Excused,
    Absent,
}

impl Attendance {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "present" => Some(Self::Present),
            "excused" => Some(Self::Excused),
            "absent" => Some(Self::Absent),
            _ => None,
        }
    }
}

/// Attendance is recorded for invitees only, and not for a cancelled meeting.
pub fn check_attendance(status: MeetingStatus, invited: bool) -> DomainResult<()> {
    if status == MeetingStatus::Cancelled {
        return Err(DomainError::invalid("status", "meeting_cancelled"));
    }
    if !invited {
        return Err(DomainError::invalid("person_id", "not_invited"));
    }
    Ok(())
}

/// Minutes are edited until approved, and an edit must start from the latest
/// version (optimistic locking: the second of two concurrent saves is refused).
pub fn check_minutes_edit(
    approved: bool,
    expected_version: i32,
    current_version: i32,
) -> DomainResult<()> {
    if approved {
        return Err(DomainError::invalid("minutes", "minutes_locked"));
    }
    if expected_version != current_version {
        return Err(DomainError::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2016, 12, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn status_machine() {
        let start = at(19, 18);
        assert_eq!(
            transition(MeetingStatus::Planned, start, StatusChange::Hold),
            Ok(MeetingStatus::Held)
        );
        assert_eq!(
            transition(MeetingStatus::Planned, start, StatusChange::Cancel),
            Ok(MeetingStatus::Cancelled)
        );
        let later = StatusChange::Postpone {
            start: at(26, 18),
            end: at(26, 21),
        };
        assert_eq!(
            transition(MeetingStatus::Planned, start, later),
            Ok(MeetingStatus::Postponed)
        );
        assert_eq!(
            transition(MeetingStatus::Postponed, at(26, 18), StatusChange::Hold),
            Ok(MeetingStatus::Held)
        );
        assert!(transition(MeetingStatus::Held, start, StatusChange::Cancel).is_err());
        assert!(transition(MeetingStatus::Cancelled, start, StatusChange::Hold).is_err());
        let earlier = StatusChange::Postpone {
            start: at(12, 18),
            end: at(12, 20),
        };
        assert!(transition(MeetingStatus::Planned, start, earlier).is_err());
        let inverted = StatusChange::Postpone {
            start: at(27, 18),
            end: at(27, 10),
        };
        assert!(transition(MeetingStatus::Planned, start, inverted).is_err());
    }

    #[test]
    fn times() {
        assert!(check_times(at(19, 18), at(19, 21)).is_ok());
        assert!(check_times(at(19, 18), at(19, 18)).is_err());
        assert!(check_times(at(19, 18), at(1, 18)).is_err());
    }

    #[test]
    fn quorum() {
        assert_eq!(QuorumRule::Majority.needed(21), 11);
        assert_eq!(QuorumRule::Majority.needed(20), 11);
        assert!(QuorumRule::Majority.reached(11, 21));
        assert!(!QuorumRule::Majority.reached(10, 21));
        assert_eq!(QuorumRule::TwoThirds.needed(151), 101);
        assert_eq!(QuorumRule::Fixed(7).needed(21), 7);
        assert_eq!(QuorumRule::Fixed(70).needed(21), 21);
        assert!(!QuorumRule::Majority.reached(0, 0));
    }

    #[test]
    fn attendance_and_minutes() {
        assert!(check_attendance(MeetingStatus::Held, true).is_ok());
        assert_eq!(
            check_attendance(MeetingStatus::Held, false),
            Err(DomainError::invalid("person_id", "not_invited"))
        );
        assert!(check_attendance(MeetingStatus::Cancelled, true).is_err());
        assert!(check_minutes_edit(false, 3, 3).is_ok());
        assert_eq!(check_minutes_edit(false, 2, 3), Err(DomainError::Stale));
        assert!(check_minutes_edit(true, 3, 3).is_err());
        assert_eq!(Attendance::parse("excused"), Some(Attendance::Excused));
    }
}
