//! A member's answer to a convocation: "I will attend" or "I send my
//! apologies". The secretary sees the answers beside the attendance sheet;
//! they announce, the attendance recorded at the meeting says what happened.

use crate::error::{DomainError, DomainResult};
use crate::meeting::MeetingStatus;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    Attend,
    Apologies,
}

impl Reply {
    pub const ALL: [Reply; 2] = [Reply::Attend, Reply::Apologies];

    pub fn as_str(self) -> &'static str {
        match self {
            Reply::Attend => "attend",
            Reply::Apologies => "apologies",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// A convocation is answered while the meeting is planned (or postponed) and
/// has not started, by one of those it convenes.
pub fn check_reply(
    status: MeetingStatus,
    starts_at: NaiveDateTime,
    now: NaiveDateTime,
    convened: bool,
) -> DomainResult<()> {
    if !convened {
        return Err(DomainError::Forbidden);
    }
    if !matches!(status, MeetingStatus::Planned | MeetingStatus::Postponed) {
        return Err(DomainError::invalid("reply", "meeting_closed"));
    }
    if starts_at <= now {
        return Err(DomainError::invalid("reply", "reply_too_late"));
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
    fn a_convened_member_answers_before_the_start() {
        assert_eq!(
            check_reply(MeetingStatus::Planned, at(19, 18), at(18, 9), true),
            Ok(())
        );
        assert_eq!(
            check_reply(MeetingStatus::Postponed, at(19, 18), at(18, 9), true),
            Ok(())
        );
    }

    #[test]
    fn too_late_closed_or_not_convened_is_refused() {
        assert_eq!(
            check_reply(MeetingStatus::Planned, at(19, 18), at(19, 18), true),
            Err(DomainError::invalid("reply", "reply_too_late"))
        );
        for s in [MeetingStatus::Held, MeetingStatus::Cancelled] {
            assert_eq!(
                check_reply(s, at(19, 18), at(18, 9), true),
                Err(DomainError::invalid("reply", "meeting_closed"))
            );
        }
        assert_eq!(
            check_reply(MeetingStatus::Planned, at(19, 18), at(18, 9), false),
            Err(DomainError::Forbidden)
        );
    }

    #[test]
    fn replies_read_back() {
        for r in Reply::ALL {
            assert_eq!(Reply::parse(r.as_str()), Some(r));
        }
        assert_eq!(Reply::parse("maybe"), None);
    }
}
