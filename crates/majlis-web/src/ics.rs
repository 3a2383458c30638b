//! iCalendar building blocks shared by the `.ics` downloads, the secret
//! calendar feeds and the e-mailed convocations: stable UIDs (so that a
//! re-sent convocation updates the event instead of adding one), times in
//! UTC, Arabic text as is.
//!
//! No text can rewrite a calendar: every value goes through [`line`] (one
//! line: any line break or control becomes a space) or [`lines`] (several:
//! line breaks normalized to the `\n` that the writer escapes), then the
//! writer's RFC 5545 escaping and folding. `NAME`, which the `icalendar`
//! crate writes unescaped, is escaped here.

use chrono::NaiveDate;
use chrono_tz::Tz;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use majlis_domain::meeting::{Meeting, MeetingStatus};
use majlis_store::service::meetings::to_utc;
use majlis_store::service::sessions::Slot;

/// A single-line text value: line breaks (CR, LF, U+2028…) and other
/// controls become spaces, invisible formatting characters go.
pub fn line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{0085}') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !majlis_domain::validation::is_invisible_format(*c))
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A text of several lines: CR LF and lone CR become LF; other controls go.
pub fn lines(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}', '\u{0085}'], "\n")
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// RFC 5545 TEXT escaping, for the properties the writer leaves raw.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}

/// The UID of a meeting's event.
pub fn meeting_uid(id: uuid::Uuid) -> String {
    format!("meeting-{id}@majlis")
}

/// A meeting as an event; `sequence` grows with each re-sent convocation.
pub fn meeting_event(m: &Meeting, description: &str, tz: Tz, sequence: u32) -> Event {
    let location = [m.venue.as_deref(), m.city.as_deref()]
        .into_iter()
        .flatten()
        .map(line)
        .collect::<Vec<_>>()
        .join("، ");
    let mut e = Event::new();
    e.uid(&meeting_uid(m.id))
        .summary(&line(&m.title))
        .description(&lines(description))
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
        .summary(&line(&format!("{} — {}", slot.title, session_title)))
        .starts(to_utc(tz, slot.starts_at))
        .ends(to_utc(tz, slot.ends_at));
    if let Some(room) = &slot.room {
        e.location(&line(room));
    }
    e.done()
}

/// A council session as an all-day event over its days.
pub fn session_event(id: uuid::Uuid, title: &str, first: NaiveDate, last: NaiveDate) -> Event {
    Event::new()
        .uid(&format!("session-{id}@majlis"))
        .summary(&line(title))
        .all_day(first)
        .ends(last + chrono::Duration::days(1))
        .done()
}

/// A campaign's deadline as an all-day event.
pub fn deadline_event(id: uuid::Uuid, title: &str, day: NaiveDate) -> Event {
    Event::new()
        .uid(&format!("deadline-{id}@majlis"))
        .summary(&line(title))
        .all_day(day)
        .ends(day + chrono::Duration::days(1))
        .done()
}

/// A calendar of events, as text.
pub fn calendar(name: &str, method: Option<&str>, events: Vec<Event>) -> String {
    let mut cal = Calendar::new();
    let name = line(name);
    cal.append_property(icalendar::Property::new("NAME", escape(&name)));
    cal.append_property(icalendar::Property::new("X-WR-CALNAME", name));
    if let Some(m) = method {
        cal.append_property(icalendar::Property::new("METHOD", m));
    }
    for e in events {
        cal.push(e);
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use icalendar::CalendarComponent;
    use majlis_domain::meeting::MeetingKind;

    fn hostile_meeting(title: &str, venue: &str) -> Meeting {
        let day = NaiveDate::from_ymd_opt(2016, 12, 19).unwrap();
        Meeting {
            id: uuid::Uuid::now_v7(),
            body_id: uuid::Uuid::now_v7(),
            kind: MeetingKind::Periodic,
            title: title.into(),
            starts_at: day.and_hms_opt(18, 0, 0).unwrap(),
            ends_at: day.and_hms_opt(21, 0, 0).unwrap(),
            venue: Some(venue.into()),
            city: Some("الرباط;\r\nX-EVIL:1".into()),
            theme: None,
            status: MeetingStatus::Planned,
            quorum: majlis_domain::meeting::QuorumRule::Majority,
        }
    }

    const PAYLOADS: [&str; 6] = [
        "A\nBEGIN:VEVENT\nUID:meeting-00000000-0000-0000-0000-000000000000@majlis\nSUMMARY:fake\nEND:VEVENT",
        "A\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x@majlis",
        "A\rBEGIN:VEVENT\rUID:y@majlis\rEND:VEVENT",
        "A\u{2028}BEGIN:VEVENT\u{2029}UID:z",
        "A\\nB, C; D:E",
        "عنوان\u{202E}\u{200B}\nMETHOD:CANCEL",
    ];

    /// Parses a calendar back and returns its events' UIDs and summaries.
    fn events(text: &str) -> Vec<(String, String)> {
        let cal: Calendar = text.parse().expect("parses");
        cal.components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some((
                    e.get_uid().unwrap_or_default().to_string(),
                    e.get_summary().unwrap_or_default().to_string(),
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn hostile_titles_venues_and_names_add_no_event() {
        let tz: Tz = "Africa/Casablanca".parse().unwrap();
        for p in PAYLOADS {
            let m = hostile_meeting(p, p);
            let text = calendar(p, Some("REQUEST"), vec![meeting_event(&m, p, tz, 0)]);
            let content: Vec<&str> = text.split("\r\n").collect();
            let starting = |prefix: &str| content.iter().filter(|l| l.starts_with(prefix)).count();
            assert_eq!(starting("BEGIN:VEVENT"), 1, "{p:?}\n{text}");
            assert_eq!(starting("METHOD:"), 1, "{p:?}\n{text}");
            assert_eq!(starting("UID:"), 1, "{p:?}\n{text}");
            assert_eq!(starting("X-EVIL"), 0, "{p:?}\n{text}");
            for l in text.split("\r\n") {
                assert!(
                    !l.contains('\r') && !l.contains('\n'),
                    "bare line break in {l:?}"
                );
            }
            let evs = events(&text);
            assert_eq!(evs.len(), 1, "{p:?}");
            assert_eq!(evs[0].0, meeting_uid(m.id));
            assert_eq!(evs[0].1, line(p), "the summary reads back as one line");
            let slot = Slot {
                id: uuid::Uuid::now_v7(),
                kind: majlis_domain::session::SlotKind::Plenary,
                title: p.into(),
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                room: Some(p.into()),
                workshop_id: None,
            };
            let s = session_event(m.id, p, m.starts_at.date(), m.starts_at.date());
            let text = calendar(p, None, vec![slot_event(&slot, p, tz), s]);
            assert_eq!(events(&text).len(), 2, "{p:?}\n{text}");
        }
    }
}
