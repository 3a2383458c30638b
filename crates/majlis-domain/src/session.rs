//! Council sessions (دورات): their program's conflicts, and the workflow of
//! working papers (أوراق العمل). Pure rules for the sessions capability.

use crate::error::{DomainError, DomainResult};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A session's days are in order; it lasts at most two weeks.
pub fn check_session_days(first: NaiveDate, last: NaiveDate) -> DomainResult<()> {
    if last < first {
        return Err(DomainError::invalid("last_day", "days_out_of_order"));
    }
    if (last - first).num_days() > 14 {
        return Err(DomainError::invalid("last_day", "too_long"));
    }
    Ok(())
}

/// A program slot lies within its session's days and ends after it starts.
pub fn check_slot(
    first: NaiveDate,
    last: NaiveDate,
    start: NaiveDateTime,
    end: NaiveDateTime,
) -> DomainResult<()> {
    if end <= start {
        return Err(DomainError::invalid("ends_at", "end_before_start"));
    }
    if start.date() < first || end.date() > last {
        return Err(DomainError::invalid("starts_at", "outside_session"));
    }
    Ok(())
}

/// What the program planner needs to know about a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotPlan {
    pub id: Uuid,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub room: Option<String>,
    /// Facilitators, rapporteurs and participants.
    pub people: Vec<Uuid>,
}

/// A warning on a session's program (shown, not blocking).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflict {
    /// The same person in two overlapping slots.
    PersonTwice { person: Uuid, slots: (Uuid, Uuid) },
    /// The same room booked twice at once.
    RoomTwice { room: String, slots: (Uuid, Uuid) },
    /// A facilitator who is not a member of the council (allowed, flagged).
    FacilitatorNotMember { person: Uuid, slot: Uuid },
}

fn overlap(a: &SlotPlan, b: &SlotPlan) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every conflict among the slots, in a stable order.
pub fn conflicts(slots: &[SlotPlan]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, a) in slots.iter().enumerate() {
        for b in &slots[i + 1..] {
            if !overlap(a, b) {
                continue;
            }
            if let (Some(ra), Some(rb)) = (&a.room, &b.room)
                && ra.trim().eq_ignore_ascii_case(rb.trim())
                && !ra.trim().is_empty()
            {
                out.push(Conflict::RoomTwice {
                    room: ra.trim().to_string(),
                    slots: (a.id, b.id),
                });
            }
            for p in &a.people {
                if b.people.contains(p) {
                    out.push(Conflict::PersonTwice {
                        person: *p,
                        slots: (a.id, b.id),
                    });
                }
            }
        }
    }
    out
}

/// Facilitators who are not current members of the council.
pub fn facilitators_not_members(
    slot: Uuid,
    facilitators: &[Uuid],
    council_members: &[Uuid],
) -> Vec<Conflict> {
    facilitators
        .iter()
        .filter(|f| !council_members.contains(f))
        .map(|f| Conflict::FacilitatorNotMember { person: *f, slot })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaperState {
    Assigned,
    Draft,
    Submitted,
    Approved,
    Returned,
    Circulated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperAction {
    /// An assignee saves a version.
    SaveVersion,
    Submit,
    Approve,
    /// Back to the assignees, with comments.
    Return,
    Circulate,
}

/// The working paper workflow: assigned → draft → submitted → approved (or
/// returned with comments, then draft again) → circulated.
pub fn paper_transition(from: PaperState, action: PaperAction) -> DomainResult<PaperState> {
    use PaperAction as A;
    use PaperState as S;
    match (from, action) {
        (S::Assigned | S::Draft | S::Returned, A::SaveVersion) => Ok(S::Draft),
        (S::Draft, A::Submit) => Ok(S::Submitted),
        (S::Submitted, A::Approve) => Ok(S::Approved),
        (S::Submitted, A::Return) => Ok(S::Returned),
        (S::Approved, A::Circulate) => Ok(S::Circulated),
        (S::Approved | S::Circulated, A::SaveVersion | A::Submit) => {
            Err(DomainError::invalid("state", "paper_approved"))
        }
        _ => Err(DomainError::invalid("state", "invalid_transition")),
    }
}

/// Days a paper is late on `today` (0 when on time or done).
pub fn days_late(state: PaperState, due: NaiveDate, today: NaiveDate) -> i64 {
    match state {
        PaperState::Approved | PaperState::Circulated | PaperState::Submitted => 0,
        _ => (today - due).num_days().max(0),
    }
}

/// How a working paper stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    OnTime,
    /// Not in yet, this many days after the due date, while the session is
    /// still ahead.
    Late {
        days: i64,
    },
    /// The session it was for is over and it never came in: "not submitted by
    /// its due date", not a count of days that grows for ever.
    NotSubmittedByDue,
}

/// A paper's lateness on `today`, judged against its session's clock: past
/// the session's last day a missing paper is no longer "n days late".
pub fn lateness(
    state: PaperState,
    due: NaiveDate,
    today: NaiveDate,
    session_last_day: NaiveDate,
) -> Lateness {
    match days_late(state, due, today) {
        0 => Lateness::OnTime,
        _ if today > session_last_day => Lateness::NotSubmittedByDue,
        days => Lateness::Late { days },
    }
}

/// A session as submitted: its days (YYYY-MM-DD), venue and city.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SessionInput {
    /// The session's number; the next one when absent. Councils adopting
    /// majlis mid-history start at their current number.
    #[serde(default)]
    pub number: Option<String>,
    pub first_day: String,
    pub last_day: String,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidSession {
    pub number: Option<i32>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub venue: Option<String>,
    pub city: Option<String>,
}

impl SessionInput {
    pub fn validate(&self) -> DomainResult<ValidSession> {
        use crate::validation::{Checker, MAX_NAME, MAX_SHORT};
        let mut c = Checker::new();
        let first = crate::person::parse_date(&mut c, "first_day", Some(&self.first_day));
        let last = crate::person::parse_date(&mut c, "last_day", Some(&self.last_day));
        if first.is_none() {
            c.fail("first_day", "required");
        }
        if last.is_none() {
            c.fail("last_day", "required");
        }
        if let (Some(f), Some(l)) = (first, last)
            && let Err(DomainError::Invalid(errs)) = check_session_days(f, l)
        {
            for e in errs {
                c.fail(e.field.clone(), e.code);
            }
        }
        let venue = c.optional("venue", self.venue.as_deref(), MAX_NAME);
        let city = c.optional("city", self.city.as_deref(), MAX_SHORT);
        let number = match self
            .number
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            None => None,
            Some(n) => match n.parse::<i32>() {
                Ok(n) if (1..=10_000).contains(&n) => Some(n),
                _ => {
                    c.fail("number", "invalid_choice");
                    None
                }
            },
        };
        c.into_result(ValidSession {
            number,
            first_day: first.unwrap_or_default(),
            last_day: last.unwrap_or_default(),
            venue,
            city,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// جلسة افتتاحية
    Opening,
    Workshop,
    Break,
    Plenary,
    /// جلسة ختامية
    Closing,
}

impl SlotKind {
    pub const ALL: [SlotKind; 5] = [
        Self::Opening,
        Self::Workshop,
        Self::Break,
        Self::Plenary,
        Self::Closing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Opening => "opening",
            Self::Workshop => "workshop",
            Self::Break => "break",
            Self::Plenary => "plenary",
            Self::Closing => "closing",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkshopRole {
    Facilitator,
    Rapporteur,
    Participant,
}

impl WorkshopRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Facilitator => "facilitator",
            Self::Rapporteur => "rapporteur",
            Self::Participant => "participant",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Facilitator, Self::Rapporteur, Self::Participant]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

impl PaperState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assigned => "assigned",
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::Returned => "returned",
            Self::Circulated => "circulated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Assigned,
            Self::Draft,
            Self::Submitted,
            Self::Approved,
            Self::Returned,
            Self::Circulated,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

impl PaperAction {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "save_version" => Some(Self::SaveVersion),
            "submit" => Some(Self::Submit),
            "approve" => Some(Self::Approve),
            "return" => Some(Self::Return),
            "circulate" => Some(Self::Circulate),
            _ => None,
        }
    }

    /// Assignees write and submit; the executive approves, returns, circulates.
    pub fn by_assignee(self) -> bool {
        matches!(self, Self::SaveVersion | Self::Submit)
    }
}

/// A program slot as planned (local times).
#[derive(Debug, Clone, PartialEq)]
pub struct SlotDraft {
    pub kind: SlotKind,
    pub title: String,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    pub room: Option<String>,
    pub workshop_id: Option<Uuid>,
}

/// Lines of a multi-line field, trimmed, without empty ones (themes, questions).
pub fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// A workshop as its planners describe it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkshopDraft {
    pub title: String,
    /// Themes, one a line.
    pub themes: String,
    /// Guiding questions, one a line.
    pub questions: String,
    pub capacity: Option<i32>,
}

/// Longest themes or questions text of a workshop, in characters.
pub const MAX_WORKSHOP_TEXT: usize = 5_000;

impl WorkshopDraft {
    /// Title and themes required, capacity between 1 and 5,000 when set.
    pub fn validate(&self) -> DomainResult<WorkshopDraft> {
        use crate::validation::{Checker, MAX_NAME};
        let mut c = Checker::new();
        let title = c.required("title", &self.title, MAX_NAME);
        let themes = c.required_text("themes", &self.themes, MAX_WORKSHOP_TEXT);
        let questions = c
            .optional_text("questions", Some(&self.questions), MAX_WORKSHOP_TEXT)
            .unwrap_or_default();
        if self.capacity.is_some_and(|n| !(1..=5_000).contains(&n)) {
            c.fail("capacity", "invalid_choice");
        }
        c.into_result(WorkshopDraft {
            title,
            themes,
            questions,
            capacity: self.capacity,
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lateness_is_judged_against_the_session_clock() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let (due, last) = (d(2017, 1, 25), d(2017, 2, 5));
        use PaperState::*;
        assert_eq!(lateness(Draft, due, d(2017, 1, 20), last), Lateness::OnTime);
        assert_eq!(
            lateness(Draft, due, d(2017, 1, 28), last),
            Lateness::Late { days: 3 }
        );
        assert_eq!(
            lateness(Assigned, due, d(2026, 12, 2), last),
            Lateness::NotSubmittedByDue
        );
        assert_eq!(
            lateness(Approved, due, d(2026, 12, 2), last),
            Lateness::OnTime
        );
        assert_eq!(
            lateness(Submitted, due, d(2017, 1, 28), last),
            Lateness::OnTime
        );
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn slot(h1: u32, h2: u32, room: &str, people: &[Uuid]) -> SlotPlan {
        SlotPlan {
            id: Uuid::now_v7(),
            start: d(2017, 2, 4).and_hms_opt(h1, 0, 0).unwrap(),
            end: d(2017, 2, 4).and_hms_opt(h2, 0, 0).unwrap(),
            room: Some(room.into()),
            people: people.to_vec(),
        }
    }

    #[test]
    fn the_seed_session_days() {
        assert!(check_session_days(d(2017, 2, 4), d(2017, 2, 5)).is_ok());
        assert!(check_session_days(d(2017, 2, 5), d(2017, 2, 4)).is_err());
        let t = |day, h| d(2017, 2, day).and_hms_opt(h, 0, 0).unwrap();
        assert!(check_slot(d(2017, 2, 4), d(2017, 2, 5), t(4, 10), t(4, 12)).is_ok());
        assert_eq!(
            check_slot(d(2017, 2, 4), d(2017, 2, 5), t(6, 10), t(6, 12)),
            Err(DomainError::invalid("starts_at", "outside_session"))
        );
    }

    #[test]
    fn program_conflicts() {
        let amina = Uuid::now_v7();
        let karim = Uuid::now_v7();
        let w1 = slot(10, 13, "Salle 1", &[amina]);
        let w2 = slot(10, 13, "salle 1 ", &[karim, amina]);
        let w3 = slot(13, 14, "Salle 1", &[amina]);
        let found = conflicts(&[w1.clone(), w2.clone(), w3]);
        assert_eq!(
            found,
            vec![
                Conflict::RoomTwice {
                    room: "Salle 1".into(),
                    slots: (w1.id, w2.id)
                },
                Conflict::PersonTwice {
                    person: amina,
                    slots: (w1.id, w2.id)
                },
            ]
        );
        let out = facilitators_not_members(w1.id, &[amina, karim], &[amina]);
        assert_eq!(
            out,
            vec![Conflict::FacilitatorNotMember {
                person: karim,
                slot: w1.id
            }]
        );
    }

    #[test]
    fn session_input_and_kinds() {
        let ok = SessionInput {
            number: Some("8".into()),
            first_day: "2017-02-04".into(),
            last_day: "2017-02-05".into(),
            venue: Some("المقر الوطني".into()),
            city: Some("الرباط".into()),
        };
        assert_eq!(ok.validate().unwrap().last_day, d(2017, 2, 5));
        let bad = SessionInput {
            first_day: "2017-02-05".into(),
            last_day: "2017-02-04".into(),
            ..Default::default()
        };
        assert_eq!(
            bad.validate(),
            Err(DomainError::invalid("last_day", "days_out_of_order"))
        );
        for k in SlotKind::ALL {
            assert_eq!(SlotKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(PaperAction::parse("return"), Some(PaperAction::Return));
        assert!(!PaperAction::Approve.by_assignee());
        assert_eq!(lines(" أ \n\n ب"), vec!["أ", "ب"]);
    }

    #[test]
    fn paper_workflow() {
        use PaperAction as A;
        use PaperState as S;
        let mut s = S::Assigned;
        for (a, expect) in [
            (A::SaveVersion, S::Draft),
            (A::Submit, S::Submitted),
            (A::Return, S::Returned),
            (A::SaveVersion, S::Draft),
            (A::Submit, S::Submitted),
            (A::Approve, S::Approved),
            (A::Circulate, S::Circulated),
        ] {
            s = paper_transition(s, a).unwrap();
            assert_eq!(s, expect);
        }
        assert_eq!(
            paper_transition(S::Approved, A::Submit),
            Err(DomainError::invalid("state", "paper_approved"))
        );
        assert!(paper_transition(S::Assigned, A::Approve).is_err());
        assert_eq!(days_late(S::Draft, d(2017, 1, 20), d(2017, 1, 25)), 5);
        assert_eq!(days_late(S::Approved, d(2017, 1, 20), d(2017, 1, 25)), 0);
        assert_eq!(days_late(S::Assigned, d(2017, 1, 20), d(2017, 1, 10)), 0);
    }

    #[test]
    fn workshop_drafts_are_checked() {
        let ok = WorkshopDraft {
            title: "  التنظيم  ".into(),
            themes: "الهيكلة\nالتكوين".into(),
            questions: String::new(),
            capacity: Some(40),
        };
        let v = ok.validate().expect("valid");
        assert_eq!(v.title, "التنظيم");
        assert!(
            WorkshopDraft {
                themes: " ".into(),
                ..ok.clone()
            }
            .validate()
            .is_err()
        );
        assert!(
            WorkshopDraft {
                capacity: Some(0),
                ..ok
            }
            .validate()
            .is_err()
        );
    }
}
