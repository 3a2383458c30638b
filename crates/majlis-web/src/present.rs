//! Presentation: the wording of states, dates and counts that every output
//! (pages, JSON, e-mails, documents) shares. Nothing here reads the database;
//! the page modules and the API import from here, never the other way round.

use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use majlis_domain::meeting::{MeetingStatus, not_recorded_as_held};
use majlis_domain::session::{Lateness, PaperState, lateness};

/// The stable code of a meeting's status as shown: a planned meeting whose
/// end has passed shows as `not_recorded` ("not recorded as held").
pub fn meeting_status_code(
    status: MeetingStatus,
    ends_at: NaiveDateTime,
    now: NaiveDateTime,
) -> &'static str {
    if not_recorded_as_held(status, ends_at, now) {
        "not_recorded"
    } else {
        status.as_str()
    }
}

/// A meeting's status in words, judged on the organization's clock.
pub fn meeting_status(
    lang: Lang,
    status: MeetingStatus,
    ends_at: NaiveDateTime,
    now: NaiveDateTime,
) -> String {
    lang.t(&format!(
        "meeting-status-{}",
        meeting_status_code(status, ends_at, now)
    ))
}

/// A working paper's lateness in words, or nothing when it is on time.
pub fn paper_lateness(
    lang: Lang,
    state: PaperState,
    due: NaiveDate,
    today: NaiveDate,
    session_last_day: NaiveDate,
) -> Option<String> {
    match lateness(state, due, today, session_last_day) {
        Lateness::OnTime => None,
        Lateness::Late { days } => Some(lang.count("count-days-late", days as u64)),
        Lateness::NotSubmittedByDue => Some(lang.t("paper-not-submitted-by-due")),
    }
}
