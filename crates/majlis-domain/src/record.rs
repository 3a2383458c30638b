//! The record of a meeting: when it stops changing, and how a meeting that
//! was never recorded as held is shown.

use crate::error::{DomainError, DomainResult};
use crate::meeting::MeetingStatus;
use chrono::NaiveDateTime;

/// The record of a meeting — agenda, attendance, guests, the texts of its
/// decisions, the reports it heard — stays open until its minutes are
/// approved; from then on it is what the approved minutes say. (Following a
/// decision up is tracking, not the record: it stays open.)
pub fn check_record_open(minutes: Option<crate::minutes::MinutesStatus>) -> DomainResult<()> {
    if minutes == Some(crate::minutes::MinutesStatus::Approved) {
        return Err(DomainError::invalid("meeting", "record_locked"));
    }
    Ok(())
}

/// A planned (or postponed) meeting whose end has passed was not recorded as
/// held: it is shown so rather than as "planned".
pub fn not_recorded_as_held(
    status: MeetingStatus,
    ends_at: NaiveDateTime,
    now: NaiveDateTime,
) -> bool {
    matches!(status, MeetingStatus::Planned | MeetingStatus::Postponed) && ends_at < now
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

    const NOW: NaiveDateTime = match NaiveDate::from_ymd_opt(2026, 12, 2) {
        Some(d) => match d.and_hms_opt(12, 0, 0) {
            Some(t) => t,
            None => panic!(),
        },
        None => panic!(),
    };

    #[test]
    fn approved_minutes_lock_the_record() {
        use crate::minutes::MinutesStatus;
        assert!(check_record_open(None).is_ok());
        assert!(check_record_open(Some(MinutesStatus::Draft)).is_ok());
        assert_eq!(
            check_record_open(Some(MinutesStatus::Approved)),
            Err(DomainError::invalid("meeting", "record_locked"))
        );
    }
    #[test]
    fn past_planned_meetings_were_not_recorded_as_held() {
        let end = at(19, 21);
        assert!(not_recorded_as_held(MeetingStatus::Planned, end, NOW));
        assert!(not_recorded_as_held(MeetingStatus::Postponed, end, NOW));
        assert!(!not_recorded_as_held(
            MeetingStatus::Planned,
            end,
            at(19, 20)
        ));
        assert!(!not_recorded_as_held(MeetingStatus::Held, end, NOW));
        assert!(!not_recorded_as_held(MeetingStatus::Cancelled, end, NOW));
    }
}
