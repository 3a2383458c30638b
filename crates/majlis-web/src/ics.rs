//! iCalendar building blocks shared by the `.ics` downloads, the secret
//! calendar feeds and the e-mailed convocations: stable UIDs (so that a
//! re-sent convocation updates the event instead of adding one), times in
//! UTC, Arabic text as is.

use chrono::NaiveDate;
use chrono_tz::Tz;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use majlis_domain::meeting::{Meeting, MeetingStatus};
use majlis_store::service::meetings::to_utc;
use majlis_store::service::sessions::Slot;

/// The UID of a meeting's event.
pub fn meeting_uid(id: uuid::Uuid) -> String {
    format!("meeting-{id}@majlis")
}

/// A meeting as an event; `sequence` grows with each re-sent convocation.
pub fn meeting_event(m: &Meeting, description: &str, tz: Tz, sequence: u32) -> Event {
    let location = [m.venue.as_deref(), m.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("، ");
    let mut e = Event::new();
    e.uid(&meeting_uid(m.id))
        .summary(&m.title)
        .description(description)
        .starts(to_utc(tz, m.starts_at))
        .ends(to_utc(tz, m.ends_at))
        .sequence(sequence);
    if !location.is_empty() {
        e.location(&location);
    }
    match m.status {
        MeetingStatus::Cancelled => {
            e.status(EventStatus::Cancelled);
        }
        MeetingStatus::Held => {
            e.status(EventStatus::Confirmed);
        }
        _ => {}
    }
    e.done()
}

/// A program slot of a session as an event.
pub fn slot_event(slot: &Slot, session_title: &str, tz: Tz) -> Event {
    let mut e = Event::new();
    e.uid(&format!("slot-{}@majlis", slot.id))
        .summary(&format!("{} — {}", slot.title, session_title))
        .starts(to_utc(tz, slot.starts_at))
        .ends(to_utc(tz, slot.ends_at));
    if let Some(room) = &slot.room {
        e.location(room);
    }
    e.done()
}

/// A council session as an all-day event over its days.
pub fn session_event(id: uuid::Uuid, title: &str, first: NaiveDate, last: NaiveDate) -> Event {
    Event::new()
        .uid(&format!("session-{id}@majlis"))
        .summary(title)
        .all_day(first)
        .ends(last + chrono::Duration::days(1))
        .done()
}

/// A calendar of events, as text.
pub fn calendar(name: &str, method: Option<&str>, events: Vec<Event>) -> String {
    let mut cal = Calendar::new();
    cal.name(name);
    if let Some(m) = method {
        cal.append_property(icalendar::Property::new("METHOD", m));
    }
    for e in events {
        cal.push(e);
    }
    cal.done().to_string()
}
