//! When a campaign reminds its target bodies: 7 and 2 days before the due
//! date, on the day, then every 3 days after the last day (due date and
//! grace), at most 5 times; each at 09:00, organization time. Reminders
//! whose time has passed when the campaign is launched are not sent late.

use super::board::last_day;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// Days between two reminders of an overdue body.
pub const REMIND_EVERY_OVERDUE: i64 = 3;
/// Most reminders after the last day.
pub const MAX_OVERDUE_REMINDERS: i64 = 5;
/// The local hour reminders are sent.
pub const REMINDER_HOUR: u32 = 9;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignReminderKind {
    /// Before the due date.
    Before,
    /// On the due date.
    DueDay,
    /// After the last day: the parent body's secretariat is told too.
    Overdue,
    /// «Remind the missing», asked by the issuing body.
    Manual,
}

impl CampaignReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Before => "before",
            Self::DueDay => "due_day",
            Self::Overdue => "overdue",
            Self::Manual => "manual",
        }
    }

    /// Whether the parent bodies hear of their late children.
    pub fn escalates(self) -> bool {
        self == Self::Overdue
    }
}

/// The reminders of a campaign due on `due_on` with `grace_days`, launched
/// at `now` (local): each kind with its local time, in order.
pub fn reminder_schedule(
    due_on: NaiveDate,
    grace_days: i64,
    now: NaiveDateTime,
) -> Vec<(CampaignReminderKind, NaiveDateTime)> {
    let at =
        |d: NaiveDate| d.and_time(NaiveTime::from_hms_opt(REMINDER_HOUR, 0, 0).unwrap_or_default());
    let last = last_day(due_on, grace_days);
    let mut out = vec![
        (CampaignReminderKind::Before, at(due_on - Duration::days(7))),
        (CampaignReminderKind::Before, at(due_on - Duration::days(2))),
        (CampaignReminderKind::DueDay, at(due_on)),
    ];
    out.extend((1..=MAX_OVERDUE_REMINDERS).map(|i| {
        (
            CampaignReminderKind::Overdue,
            at(last + Duration::days(i * REMIND_EVERY_OVERDUE)),
        )
    }));
    out.retain(|(_, t)| *t >= now);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use CampaignReminderKind::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        let y = if m == 12 { 2016 } else { 2017 };
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_seed_campaign_reminds_on_these_days() {
        // Launched the evening of 19 December 2016, due 7 January 2017.
        let now = d(12, 19).and_hms_opt(21, 45, 0).unwrap();
        let days: Vec<(CampaignReminderKind, NaiveDate)> = reminder_schedule(d(1, 7), 0, now)
            .into_iter()
            .map(|(k, t)| (k, t.date()))
            .collect();
        assert_eq!(
            days,
            vec![
                (Before, d(12, 31)),
                (Before, d(1, 5)),
                (DueDay, d(1, 7)),
                (Overdue, d(1, 10)),
                (Overdue, d(1, 13)),
                (Overdue, d(1, 16)),
                (Overdue, d(1, 19)),
                (Overdue, d(1, 22)),
            ]
        );
        assert!(
            reminder_schedule(d(1, 7), 0, now)
                .iter()
                .all(|(_, t)| t.time() == NaiveTime::from_hms_opt(9, 0, 0).unwrap())
        );
    }

    #[test]
    fn overdue_counts_from_the_grace_period_and_past_ones_are_dropped() {
        // Launched on 4 January at 10:00: the reminders of 31 December and
        // of 09:00 that day are gone; a 2-day grace moves the overdue ones.
        let now = d(1, 5).and_hms_opt(10, 0, 0).unwrap();
        let s = reminder_schedule(d(1, 7), 2, now);
        assert_eq!(s[0], (DueDay, d(1, 7).and_hms_opt(9, 0, 0).unwrap()));
        assert_eq!(s[1].1.date(), d(1, 12));
        assert_eq!(s.len(), 6);
        assert!(Overdue.escalates() && !Before.escalates() && !Manual.escalates());
    }
}
