//! The French draft: the same record in French (names and dates in
//! French; the record's own texts quoted as they were written).

use super::{Draft, RecordFacts, Sentence, Source, s};
use crate::meeting::{DecisionKind, MeetingKind};
use majlis_text::DateFormatter;

/// The French draft (names and dates in French; texts of the record
/// quoted as they were written).
pub fn draft_fr(f: &RecordFacts, dates: &DateFormatter) -> Draft {
    let body = &f.body;
    let date = dates.date(f.date);
    let title = format!("Communiqué sur la réunion du {body} du {date}");
    let kind = match f.kind {
        MeetingKind::Periodic => "sa réunion ordinaire",
        MeetingKind::Special => "sa rencontre spéciale",
        MeetingKind::Extraordinary => "sa réunion extraordinaire",
        MeetingKind::Thematic => "sa rencontre thématique",
    };
    let mut paragraphs = Vec::new();
    let mut opening = format!(
        "Le {body} du {} a consacré {kind} du {date}",
        f.organization
    );
    let mut sources = vec![Source::Meeting(f.meeting_id)];
    if let Some(first) = f.agenda.iter().find(|i| !i.title.contains("قضايا مختلفة")) {
        opening.push_str(&format!(" à « {} »", first.title));
        sources.push(Source::AgendaItem(first.id));
    }
    let mut first = vec![s(format!("{opening}."), sources)];
    for sess in &f.sessions {
        let place = match (&sess.venue, &sess.city) {
            (Some(v), Some(c)) => format!(", {v}, à {c}"),
            (None, Some(c)) => format!(", à {c}"),
            (Some(v), None) => format!(", {v}"),
            (None, None) => String::new(),
        };
        first.push(s(
            format!(
                "La {} du {} se tiendra le {}{place}.",
                majlis_text::ordinal::french_session(sess.number),
                sess.council,
                dates.day_range(sess.first_day, sess.last_day)
            ),
            vec![Source::Session(sess.id)],
        ));
    }
    paragraphs.push(first);
    let mut decided: Vec<Sentence> = f
        .decisions
        .iter()
        .map(|d| {
            let lead = match d.kind {
                DecisionKind::Decision => "Il a décidé",
                DecisionKind::Measure => "Il a pris la mesure suivante",
            };
            let due = d
                .due_on
                .map(|x| format!(" (échéance : {})", dates.date(x)))
                .unwrap_or_default();
            s(
                format!("{lead} : « {} »{due}.", d.text.trim_end_matches('.')),
                vec![Source::Decision(d.id)],
            )
        })
        .collect();
    for c in &f.campaigns {
        decided.push(s(
            format!(
                "{} instances ont jusqu’au {} pour « {} ».",
                c.targets,
                dates.date(c.due_on),
                c.title
            ),
            vec![Source::Campaign(c.id)],
        ));
    }
    if !decided.is_empty() {
        paragraphs.push(decided);
    }
    for sess in f.sessions.iter().filter(|x| !x.workshops.is_empty()) {
        let mut p = vec![s(
            format!(
                "Outre les séances d’ouverture et de clôture, les travaux de la session s’organiseront en {} ateliers.",
                sess.workshops.len()
            ),
            vec![Source::Session(sess.id)],
        )];
        for (k, w) in sess.workshops.iter().enumerate() {
            p.push(s(
                format!("Atelier {} : « {} ».", k + 1, w.title.trim_end_matches('.')),
                vec![Source::Workshop(w.id)],
            ));
        }
        paragraphs.push(p);
    }
    if !f.thematic.is_empty() {
        let parts: Vec<String> = f
            .thematic
            .iter()
            .map(|t| format!("à {} le {} sur « {} »", t.city, dates.date(t.date), t.theme))
            .collect();
        paragraphs.push(vec![s(
            format!(
                "Il a arrêté le programme des rencontres thématiques : {}.",
                parts.join(" ; ")
            ),
            f.thematic.iter().map(|t| Source::Thematic(t.id)).collect(),
        )]);
    }
    let mut closing =
        "En fin de réunion, il a examiné diverses questions et pris les mesures nécessaires"
            .to_string();
    let mut sources = vec![Source::Meeting(f.meeting_id)];
    if f.reports_heard > 0 {
        closing.push_str(", et entendu des comptes rendus de la participation de représentants de la direction nationale à des activités nationales et internationales");
        sources.push(Source::Reports);
    }
    paragraphs.push(vec![s(format!("{closing}."), sources)]);
    Draft { title, paragraphs }
}
