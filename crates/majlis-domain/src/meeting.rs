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
/// are final; a planned or postponed meeting may be held once it has started
/// (`now` on the organization's clock), cancelled, or postponed (again) to a
/// later, well-ordered date.
pub fn transition(
    from: MeetingStatus,
    current_start: NaiveDateTime,
    change: StatusChange,
    now: NaiveDateTime,
) -> DomainResult<MeetingStatus> {
    if matches!(from, MeetingStatus::Held | MeetingStatus::Cancelled) {
        return Err(DomainError::invalid("status", "meeting_closed"));
    }
    Ok(match change {
        StatusChange::Hold if now < current_start => {
            return Err(DomainError::invalid("status", "meeting_not_started"));
        }
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
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Present => "present",
            Self::Excused => "excused",
            Self::Absent => "absent",
        }
    }

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

impl QuorumRule {
    pub fn as_string(self) -> String {
        match self {
            Self::Majority => "majority".into(),
            Self::TwoThirds => "two_thirds".into(),
            Self::Fixed(n) => format!("fixed:{n}"),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "" | "majority" => Some(Self::Majority),
            "two_thirds" => Some(Self::TwoThirds),
            other => other
                .strip_prefix("fixed:")
                .unwrap_or(other)
                .parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .map(Self::Fixed),
        }
    }
}

/// A stored meeting; times are in the organization's time zone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meeting {
    pub id: uuid::Uuid,
    pub body_id: uuid::Uuid,
    pub kind: MeetingKind,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub theme: Option<String>,
    pub status: MeetingStatus,
    pub quorum: QuorumRule,
}

/// What a secretary submits to plan a meeting (local times as
/// `YYYY-MM-DDTHH:MM`, the format of `<input type="datetime-local">`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MeetingInput {
    pub kind: String,
    pub title: String,
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub quorum: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidMeeting {
    pub kind: MeetingKind,
    pub title: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub theme: Option<String>,
    pub quorum: QuorumRule,
}

/// Parses `YYYY-MM-DDTHH:MM` (or with seconds, or a space instead of `T`).
pub fn parse_local(value: &str) -> Option<NaiveDateTime> {
    let v = value.trim();
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(v, f).ok())
}

impl MeetingInput {
    pub fn validate(&self) -> DomainResult<ValidMeeting> {
        use crate::validation::{Checker, MAX_NAME, MAX_SHORT};
        let mut c = Checker::new();
        let kind = MeetingKind::parse(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", "invalid_choice");
        }
        let title = c.required("title", &self.title, MAX_NAME);
        let start = parse_local(&self.starts_at);
        if start.is_none() {
            c.fail("starts_at", "invalid_datetime");
        }
        let end = parse_local(&self.ends_at);
        if end.is_none() {
            c.fail("ends_at", "invalid_datetime");
        }
        if let (Some(s), Some(e)) = (start, end)
            && let Err(DomainError::Invalid(errs)) = check_times(s, e)
        {
            for f in errs {
                c.fail(f.field.clone(), f.code);
            }
        }
        let venue = c.optional("venue", self.venue.as_deref(), MAX_NAME);
        let city = c.optional("city", self.city.as_deref(), MAX_SHORT);
        let theme = c.optional("theme", self.theme.as_deref(), MAX_NAME);
        let kind = kind.unwrap_or(MeetingKind::Periodic);
        if kind == MeetingKind::Thematic && theme.is_none() {
            c.fail("theme", "required");
        }
        let quorum = QuorumRule::parse(self.quorum.as_deref().unwrap_or(""));
        if quorum.is_none() {
            c.fail("quorum", "invalid_choice");
        }
        let fallback = NaiveDateTime::default();
        c.into_result(ValidMeeting {
            kind,
            title,
            start: start.unwrap_or(fallback),
            end: end.unwrap_or(fallback),
            venue,
            city,
            theme,
            quorum: quorum.unwrap_or(QuorumRule::Majority),
        })
    }
}

/// An agenda item as submitted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AgendaInput {
    pub title: String,
    #[serde(default)]
    pub presenter_id: Option<String>,
    #[serde(default)]
    pub planned_minutes: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidAgendaItem {
    pub title: String,
    pub presenter_id: Option<uuid::Uuid>,
    pub planned_minutes: Option<i32>,
    pub description: Option<String>,
}

impl AgendaInput {
    pub fn validate(&self) -> DomainResult<ValidAgendaItem> {
        use crate::validation::{Checker, MAX_NAME};
        let mut c = Checker::new();
        let title = c.required("title", &self.title, MAX_NAME);
        let presenter_id = match self
            .presenter_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(s) => uuid::Uuid::parse_str(s)
                .map_err(|_| c.fail("presenter_id", "invalid_choice"))
                .ok(),
        };
        let planned_minutes = match self
            .planned_minutes
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(s) => match s.parse::<i32>() {
                Ok(n) if (1..=600).contains(&n) => Some(n),
                _ => {
                    c.fail("planned_minutes", "invalid_duration");
                    None
                }
            },
        };
        let description = c.optional_text("description", self.description.as_deref(), 5_000);
        c.into_result(ValidAgendaItem {
            title,
            presenter_id,
            planned_minutes,
            description,
        })
    }
}

pub use crate::decision::{DecisionInput, DecisionKind, DecisionStatus, ValidDecision};
pub use crate::record::{check_record_open, not_recorded_as_held};

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

    /// Well after the meetings of these tests.
    const NOW: NaiveDateTime = at_const();

    const fn at_const() -> NaiveDateTime {
        match NaiveDate::from_ymd_opt(2026, 12, 2) {
            Some(d) => match d.and_hms_opt(12, 0, 0) {
                Some(t) => t,
                None => panic!(),
            },
            None => panic!(),
        }
    }

    #[test]
    fn a_meeting_is_held_only_once_it_started() {
        let start = at(19, 18);
        assert_eq!(
            transition(
                MeetingStatus::Planned,
                start,
                StatusChange::Hold,
                at(19, 17)
            ),
            Err(DomainError::invalid("status", "meeting_not_started"))
        );
        assert_eq!(
            transition(MeetingStatus::Planned, start, StatusChange::Hold, start),
            Ok(MeetingStatus::Held)
        );
        // Cancelling or postponing ahead of time is fine.
        assert!(
            transition(
                MeetingStatus::Planned,
                start,
                StatusChange::Cancel,
                at(1, 0)
            )
            .is_ok()
        );
    }

    #[test]
    fn status_machine() {
        let start = at(19, 18);
        assert_eq!(
            transition(MeetingStatus::Planned, start, StatusChange::Hold, NOW),
            Ok(MeetingStatus::Held)
        );
        assert_eq!(
            transition(MeetingStatus::Planned, start, StatusChange::Cancel, NOW),
            Ok(MeetingStatus::Cancelled)
        );
        let later = StatusChange::Postpone {
            start: at(26, 18),
            end: at(26, 21),
        };
        assert_eq!(
            transition(MeetingStatus::Planned, start, later, NOW),
            Ok(MeetingStatus::Postponed)
        );
        assert_eq!(
            transition(
                MeetingStatus::Postponed,
                at(26, 18),
                StatusChange::Hold,
                NOW
            ),
            Ok(MeetingStatus::Held)
        );
        assert!(transition(MeetingStatus::Held, start, StatusChange::Cancel, NOW).is_err());
        assert!(transition(MeetingStatus::Cancelled, start, StatusChange::Hold, NOW).is_err());
        let earlier = StatusChange::Postpone {
            start: at(12, 18),
            end: at(12, 20),
        };
        assert!(transition(MeetingStatus::Planned, start, earlier, NOW).is_err());
        let inverted = StatusChange::Postpone {
            start: at(27, 18),
            end: at(27, 10),
        };
        assert!(transition(MeetingStatus::Planned, start, inverted, NOW).is_err());
    }

    #[test]
    fn meeting_input() {
        let ok = MeetingInput {
            kind: "periodic".into(),
            title: "الاجتماع الدوري للمكتب السياسي".into(),
            starts_at: "2016-12-19T18:00".into(),
            ends_at: "2016-12-19T21:30".into(),
            ..Default::default()
        };
        let v = ok.validate().unwrap();
        assert_eq!(v.start, at(19, 18));
        assert_eq!(v.quorum, QuorumRule::Majority);
        let bad = MeetingInput {
            ends_at: "2016-12-19T17:00".into(),
            kind: "thematic".into(),
            quorum: Some("x".into()),
            ..ok.clone()
        };
        let DomainError::Invalid(errs) = bad.validate().unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = errs.iter().map(|e| (e.field.as_ref(), e.code)).collect();
        assert_eq!(
            fields,
            [
                ("ends_at", "end_before_start"),
                ("theme", "required"),
                ("quorum", "invalid_choice")
            ]
        );
        assert_eq!(QuorumRule::parse("fixed:7"), Some(QuorumRule::Fixed(7)));
        assert_eq!(
            QuorumRule::parse(&QuorumRule::TwoThirds.as_string()),
            Some(QuorumRule::TwoThirds)
        );
    }

    #[test]
    fn agenda_and_decisions() {
        let a = AgendaInput {
            title: "التحضير للدورة الثامنة".into(),
            planned_minutes: Some("45".into()),
            ..Default::default()
        };
        assert_eq!(a.validate().unwrap().planned_minutes, Some(45));
        let bad = AgendaInput {
            title: "x".into(),
            planned_minutes: Some("-3".into()),
            presenter_id: Some("nope".into()),
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        let d = DecisionInput {
            kind: "measure".into(),
            text: "عقد اجتماعات الهيئات الإقليمية".into(),
            due_on: Some("2017-01-07".into()),
            ..Default::default()
        };
        let v = d.validate().unwrap();
        assert_eq!(v.kind, DecisionKind::Measure);
        assert_eq!(v.due_on, chrono::NaiveDate::from_ymd_opt(2017, 1, 7));
        assert!(
            DecisionInput {
                kind: "wish".into(),
                text: " ".into(),
                ..Default::default()
            }
            .validate()
            .is_err()
        );
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
        assert_eq!(Attendance::parse("excused"), Some(Attendance::Excused));
    }
}
