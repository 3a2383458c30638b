//! Deadlines on the organization's calendar: lateness, a target body's
//! standing on the compliance board, reminder days.

use super::ReportState;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The last day a report counts as on time: the due date plus the grace.
pub fn last_day(due_on: NaiveDate, grace_days: i64) -> NaiveDate {
    due_on + chrono::Duration::days(grace_days)
}

/// Days after the due date (0 when on time or within the grace period),
/// counted on the organization's calendar.
pub fn days_late(due_on: NaiveDate, grace_days: i64, day: NaiveDate) -> i64 {
    if day > last_day(due_on, grace_days) {
        (day - due_on).num_days()
    } else {
        0
    }
}

/// How a target body stands on the compliance board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoardStatus {
    NotStarted,
    Draft,
    SubmittedOnTime,
    SubmittedLate,
    Returned,
    Accepted,
    /// Nothing submitted and the deadline (with its grace) has passed.
    Missing,
}

impl BoardStatus {
    pub const ALL: [BoardStatus; 7] = [
        Self::NotStarted,
        Self::Draft,
        Self::SubmittedOnTime,
        Self::SubmittedLate,
        Self::Returned,
        Self::Accepted,
        Self::Missing,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::Draft => "draft",
            Self::SubmittedOnTime => "submitted_on_time",
            Self::SubmittedLate => "submitted_late",
            Self::Returned => "returned",
            Self::Accepted => "accepted",
            Self::Missing => "missing",
        }
    }
    /// The body did its part (a report is in).
    pub fn done(self) -> bool {
        matches!(
            self,
            Self::SubmittedOnTime | Self::SubmittedLate | Self::Accepted
        )
    }
}

/// A target body's report as the board needs it: its state and the day
/// (organization calendar) it was first submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportFacts {
    pub state: ReportState,
    pub first_submitted_on: Option<NaiveDate>,
}

/// A target body's status on `today`, and its days late (when it submitted
/// late, or is missing).
pub fn board_status(
    report: Option<ReportFacts>,
    due_on: NaiveDate,
    grace_days: i64,
    today: NaiveDate,
) -> (BoardStatus, i64) {
    let overdue = today > last_day(due_on, grace_days);
    match report {
        None if overdue => (BoardStatus::Missing, days_late(due_on, grace_days, today)),
        None => (BoardStatus::NotStarted, 0),
        Some(r) => {
            let late = r
                .first_submitted_on
                .map_or(0, |d| days_late(due_on, grace_days, d));
            match r.state {
                ReportState::Draft if overdue => {
                    (BoardStatus::Missing, days_late(due_on, grace_days, today))
                }
                ReportState::Draft => (BoardStatus::Draft, 0),
                ReportState::Returned => (BoardStatus::Returned, late),
                ReportState::Accepted => (BoardStatus::Accepted, late),
                ReportState::Submitted if late > 0 => (BoardStatus::SubmittedLate, late),
                ReportState::Submitted => (BoardStatus::SubmittedOnTime, 0),
            }
        }
    }
}

/// The day a board counts lateness to: today while the campaign runs, the
/// day it was closed once closed (a missing report stops counting then).
pub fn counted_until(today: NaiveDate, closed_on: Option<NaiveDate>) -> NaiveDate {
    closed_on.map_or(today, |c| c.min(today))
}

/// The median of some day counts (the board's «median days late»).
pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

/// Reminder days of a campaign: before the due date (7 and 2 days), on the
/// day, then every `every` days overdue, at most `max` overdue reminders.
pub fn reminder_days(due_on: NaiveDate, every: i64, max: usize) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = [7, 2, 0]
        .iter()
        .map(|d| due_on - chrono::Duration::days(*d))
        .collect();
    let every = every.max(1);
    days.extend((1..=max as i64).map(|i| due_on + chrono::Duration::days(i * every)));
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_campaign_stops_counting() {
        let due = d(2017, 1, 7);
        let today = d(2026, 12, 3);
        assert_eq!(counted_until(today, None), today);
        let closed = d(2017, 1, 20);
        let (status, late) = board_status(None, due, 0, counted_until(today, Some(closed)));
        assert_eq!((status, late), (BoardStatus::Missing, 13));
        // A close date in the future (a clock set back) never counts ahead.
        assert_eq!(counted_until(d(2017, 1, 10), Some(closed)), d(2017, 1, 10));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_seed_deadline_and_its_lateness() {
        // Due Saturday 7 January 2017, no grace.
        let due = d(2017, 1, 7);
        assert_eq!(days_late(due, 0, d(2017, 1, 7)), 0);
        assert_eq!(days_late(due, 0, d(2017, 1, 9)), 2);
        // With two days of grace, the 9th is still on time; the 10th is 3 late.
        assert_eq!(days_late(due, 2, d(2017, 1, 9)), 0);
        assert_eq!(days_late(due, 2, d(2017, 1, 10)), 3);
        let submitted = |state, on| {
            Some(ReportFacts {
                state,
                first_submitted_on: on,
            })
        };
        let today = d(2017, 1, 11);
        assert_eq!(
            board_status(None, due, 0, d(2017, 1, 6)),
            (BoardStatus::NotStarted, 0)
        );
        assert_eq!(board_status(None, due, 0, today), (BoardStatus::Missing, 4));
        assert_eq!(
            board_status(submitted(ReportState::Draft, None), due, 0, today),
            (BoardStatus::Missing, 4)
        );
        assert_eq!(
            board_status(submitted(ReportState::Draft, None), due, 0, d(2017, 1, 5)),
            (BoardStatus::Draft, 0)
        );
        assert_eq!(
            board_status(
                submitted(ReportState::Submitted, Some(d(2017, 1, 6))),
                due,
                0,
                today
            ),
            (BoardStatus::SubmittedOnTime, 0)
        );
        assert_eq!(
            board_status(
                submitted(ReportState::Submitted, Some(d(2017, 1, 9))),
                due,
                0,
                today
            ),
            (BoardStatus::SubmittedLate, 2)
        );
        // Returned after an on-time submission: returned, not late.
        assert_eq!(
            board_status(
                submitted(ReportState::Returned, Some(d(2017, 1, 5))),
                due,
                0,
                today
            ),
            (BoardStatus::Returned, 0)
        );
        assert_eq!(
            board_status(
                submitted(ReportState::Accepted, Some(d(2017, 1, 8))),
                due,
                0,
                today
            ),
            (BoardStatus::Accepted, 1)
        );
    }

    #[test]
    fn medians_and_reminder_days() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3, 1, 2]), Some(2.0));
        assert_eq!(median(&mut [4, 1, 2, 3]), Some(2.5));
        let days = reminder_days(d(2017, 1, 7), 3, 2);
        assert_eq!(
            days,
            [
                d(2016, 12, 31),
                d(2017, 1, 5),
                d(2017, 1, 7),
                d(2017, 1, 10),
                d(2017, 1, 13)
            ]
        );
    }
}
