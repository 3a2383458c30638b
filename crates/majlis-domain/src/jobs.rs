//! Rules of the durable job queue: retry backoff and when reminders about a
//! working paper fall due. Times here are local wall-clock times; the store
//! converts them with the organization's time zone.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// After this many failed attempts a job is given up (and shown as failed).
pub const MAX_ATTEMPTS: i32 = 12;
/// The longest wait between two attempts.
pub const MAX_BACKOFF_SECONDS: i64 = 6 * 3600;
/// Reminders are sent this many days before a paper's due date.
pub const REMINDER_DAYS_BEFORE: i64 = 3;
/// Reminders whose time passed longer ago than this are not scheduled (a
/// paper recorded after the fact, the seed's 2017 papers).
pub const STALE_REMINDER_DAYS: i64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Pending,
    Done,
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Done => "done",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending" => Some(Self::Pending),
            "done" => Some(Self::Done),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// The wait before attempt `attempts + 1` after `attempts` failures:
/// `base`, doubled each time, capped at [`MAX_BACKOFF_SECONDS`].
pub fn backoff(attempts: i32, base_seconds: i64) -> Duration {
    let exp = attempts.clamp(1, 30) - 1;
    let secs = base_seconds
        .max(1)
        .saturating_mul(1_i64 << exp.min(20))
        .min(MAX_BACKOFF_SECONDS);
    Duration::seconds(secs)
}

/// What happens after a failed attempt: retry at a later time, or give up
/// after `max_attempts` (a kind's own, [`MAX_ATTEMPTS`] by default).
pub fn after_failure(attempts: i32, base_seconds: i64, max_attempts: i32) -> Option<Duration> {
    (attempts < max_attempts).then(|| backoff(attempts, base_seconds))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A few days before the due date.
    Before,
    /// The day after the due date, when the paper is still not submitted.
    Overdue,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Before => "before",
            Self::Overdue => "overdue",
        }
    }
}

/// When the reminders of a paper due on `due` are sent (09:00 local), seen
/// from `now`: a "before" time already past is moved to `now` until the due
/// date has passed; an "overdue" time past by less than
/// [`STALE_REMINDER_DAYS`] is moved to `now`, older ones are dropped.
pub fn paper_reminders(due: NaiveDate, now: NaiveDateTime) -> Vec<(ReminderKind, NaiveDateTime)> {
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let before = (due - Duration::days(REMINDER_DAYS_BEFORE)).and_time(nine);
    let overdue = (due + Duration::days(1)).and_time(nine);
    let mut out = Vec::new();
    for (kind, at) in [
        (ReminderKind::Before, before),
        (ReminderKind::Overdue, overdue),
    ] {
        if at >= now {
            out.push((kind, at));
            continue;
        }
        let still_useful = match kind {
            // Before the due date, however late the paper was assigned.
            ReminderKind::Before => now.date() <= due,
            ReminderKind::Overdue => now - at <= Duration::days(STALE_REMINDER_DAYS),
        };
        if still_useful {
            out.push((kind, now));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1, 30), Duration::seconds(30));
        assert_eq!(backoff(2, 30), Duration::seconds(60));
        assert_eq!(backoff(4, 30), Duration::seconds(240));
        assert_eq!(backoff(30, 30), Duration::seconds(MAX_BACKOFF_SECONDS));
        assert_eq!(backoff(0, 0), Duration::seconds(1));
        assert!(after_failure(MAX_ATTEMPTS - 1, 30, MAX_ATTEMPTS).is_some());
        assert_eq!(after_failure(MAX_ATTEMPTS, 30, MAX_ATTEMPTS), None);
        assert_eq!(after_failure(3, 30, 3), None);
        assert_eq!(JobStatus::parse("failed"), Some(JobStatus::Failed));
    }

    #[test]
    fn reminders_fall_before_and_after_the_due_date() {
        let due = NaiveDate::from_ymd_opt(2017, 1, 7).unwrap();
        assert_eq!(
            paper_reminders(due, at("2016-12-19 18:00")),
            vec![
                (ReminderKind::Before, at("2017-01-04 09:00")),
                (ReminderKind::Overdue, at("2017-01-08 09:00")),
            ]
        );
        // Assigned two days before the due date: reminded at once.
        assert_eq!(
            paper_reminders(due, at("2017-01-05 10:00")),
            vec![
                (ReminderKind::Before, at("2017-01-05 10:00")),
                (ReminderKind::Overdue, at("2017-01-08 09:00")),
            ]
        );
        // Assigned the day before the due date: reminded at once.
        assert_eq!(
            paper_reminders(due, at("2017-01-06 20:00")),
            vec![
                (ReminderKind::Before, at("2017-01-06 20:00")),
                (ReminderKind::Overdue, at("2017-01-08 09:00")),
            ]
        );
        // Already overdue: only the overdue reminder, now.
        assert_eq!(
            paper_reminders(due, at("2017-01-09 08:00")),
            vec![(ReminderKind::Overdue, at("2017-01-09 08:00"))]
        );
        // Recorded long after the fact: nothing.
        assert!(paper_reminders(due, at("2026-11-29 10:00")).is_empty());
    }
}
