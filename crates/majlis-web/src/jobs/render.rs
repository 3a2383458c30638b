//! The texts of e-mails: convocations (with the agenda and the `.ics`) and
//! reminders about working papers, in the organization's language.

use crate::i18n::Lang;
use crate::present::clean;
use crate::state::AppState;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::Viewer;
use majlis_domain::jobs::ReminderKind;
use majlis_domain::session::PaperState;
use majlis_store::StoreResult;
use majlis_store::service::jobs::{InvitationReason, NewJob, OutgoingMail};
use uuid::Uuid;

fn lang_of(state_lang: &str) -> Lang {
    Lang::parse(state_lang).unwrap_or(Lang::Ar)
}

/// The parts of a convocation that depend on the reader's language.
struct Convocation {
    subject: String,
    when: String,
    venue: String,
    body_name: String,
    title: String,
    agenda: String,
    ics: String,
}

/// One e-mail per invitee with an address: the convocation of a meeting, in
/// the invitee's chosen language (the organization's for the others).
pub async fn invitation(
    state: &AppState,
    meeting_id: Uuid,
    reason: InvitationReason,
) -> StoreResult<Vec<(NewJob, Option<Uuid>)>> {
    let settings = state.store.settings().await?;
    let default = lang_of(&settings.default_locale);
    let tz = majlis_store::service::meetings::zone(&settings.time_zone);
    let (m, body, _) = state
        .store
        .visible_meeting(Viewer::System, meeting_id)
        .await?;
    let agenda = state.store.agenda(Viewer::System, meeting_id).await?;
    let recipients = state
        .store
        .invitation_recipients(Viewer::System, meeting_id)
        .await?;
    let people: Vec<Uuid> = recipients
        .iter()
        .filter_map(|r| r.person.as_ref().map(|p| p.id))
        .collect();
    let locales = state.store.locales_of(&people).await?;
    let sequence = state
        .store
        .invitation_count(Viewer::System, meeting_id)
        .await?
        .saturating_sub(1) as u32;
    let key = match reason {
        InvitationReason::Convocation => "mail-invitation",
        InvitationReason::Changed => "mail-invitation-changed",
        InvitationReason::Cancelled => "mail-invitation-cancelled",
    };
    let method = if reason == InvitationReason::Cancelled {
        "CANCEL"
    } else {
        "REQUEST"
    };
    let link = format!(
        "{}/meetings/{meeting_id}",
        state.config.public_url.trim_end_matches('/')
    );
    let mut parts: std::collections::HashMap<&'static str, Convocation> = Default::default();
    let mut out = Vec::new();
    for r in recipients {
        let lang = r
            .person
            .as_ref()
            .and_then(|p| locales.get(&p.id))
            .and_then(|l| Lang::parse(l))
            .unwrap_or(default);
        let c = parts.entry(lang.code()).or_insert_with(|| {
            let dates = state.dates(lang.code(), &settings);
            let title = clean(&m.title);
            let body_name = clean(body.name(lang.code()));
            let mut agenda_text = String::new();
            for (i, item) in agenda.iter().enumerate() {
                agenda_text.push_str(&format!("{}. {}\n", i + 1, clean(&item.title)));
            }
            let description = format!(
                "{body_name} — {}",
                lang.t(&format!("meeting-kind-{}", m.kind.as_str()))
            );
            let event = crate::ics::meeting_event(&m, &description, tz, sequence);
            Convocation {
                subject: lang.t_args(
                    &format!("{key}-subject"),
                    &[("title", FluentValue::from(title.clone()))],
                ),
                when: crate::present::when(lang, &dates, &m),
                venue: [m.venue.as_deref(), m.city.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(clean)
                    .collect::<Vec<_>>()
                    .join(lang.comma()),
                body_name,
                title,
                agenda: agenda_text,
                ics: crate::ics::calendar(&m.title, Some(method), vec![event]),
            }
        });
        let text = lang.t_args(
            &format!("{key}-text"),
            &[
                (
                    "name",
                    FluentValue::from(match &r.person {
                        Some(p) => crate::present::name(lang, p),
                        None => clean(&r.name),
                    }),
                ),
                (
                    "gender",
                    crate::present::gender_arg(r.person.as_ref().map(|p| p.gender)),
                ),
                ("body", FluentValue::from(c.body_name.clone())),
                ("title", FluentValue::from(c.title.clone())),
                ("when", FluentValue::from(c.when.clone())),
                ("venue", FluentValue::from(c.venue.clone())),
                ("agenda", FluentValue::from(c.agenda.clone())),
                ("link", FluentValue::from(link.clone())),
            ],
        );
        out.push((
            NewJob::of(&OutgoingMail {
                to: r.email,
                to_name: Some(r.name),
                subject: c.subject.clone(),
                text,
                ics: Some(c.ics.clone()),
                ics_method: Some(method.into()),
            })?,
            Some(meeting_id),
        ));
    }
    Ok(out)
}

/// The reminder e-mails of a paper, to its assignees with an address; none
/// when the paper was submitted meanwhile (or no longer exists).
pub async fn paper_reminder(
    state: &AppState,
    paper_id: Uuid,
    reminder: ReminderKind,
) -> StoreResult<Vec<(NewJob, Option<Uuid>)>> {
    let Some((paper, people, session)) = state.store.paper_for_reminder(paper_id).await? else {
        return Ok(Vec::new());
    };
    let paper_state = PaperState::parse(&paper.state).ok_or_else(|| {
        majlis_store::StoreError::Internal(format!(
            "paper {paper_id}: unknown state {}",
            paper.state
        ))
    })?;
    if !matches!(
        paper_state,
        PaperState::Assigned | PaperState::Draft | PaperState::Returned
    ) {
        return Ok(Vec::new());
    }
    let settings = state.store.settings().await?;
    let default = lang_of(&settings.default_locale);
    let (council, _) = state
        .store
        .visible_body(Viewer::System, session.body_id)
        .await?;
    let program = state
        .store
        .council_session(Viewer::System, session.id)
        .await?;
    let ids: Vec<Uuid> = people.iter().map(|p| p.id).collect();
    let locales = state.store.locales_of(&ids).await?;
    let key = match reminder {
        ReminderKind::Before => "mail-reminder-before",
        ReminderKind::Overdue => "mail-reminder-overdue",
    };
    let title = clean(&paper.title);
    let link = format!(
        "{}/papers/{paper_id}",
        state.config.public_url.trim_end_matches('/')
    );
    let mut out = Vec::new();
    for p in people {
        let Some(email) = p.email.clone() else {
            continue;
        };
        // In the assignee's chosen language, the organization's otherwise.
        let lang = locales
            .get(&p.id)
            .and_then(|l| Lang::parse(l))
            .unwrap_or(default);
        let dates = state.dates(lang.code(), &settings);
        let session_title =
            crate::present::session_title(lang, &program, council.name(lang.code()));
        let text = lang.t_args(
            &format!("{key}-text"),
            &[
                ("name", FluentValue::from(crate::present::name(lang, &p))),
                ("gender", crate::present::gender_arg(Some(p.gender))),
                ("title", FluentValue::from(title.clone())),
                ("session", FluentValue::from(session_title)),
                ("due", FluentValue::from(dates.date(paper.due_on))),
                ("link", FluentValue::from(link.clone())),
            ],
        );
        out.push((
            NewJob::of(&OutgoingMail {
                to: email,
                to_name: Some(p.full_name_ar.clone()),
                subject: lang.t_args(
                    &format!("{key}-subject"),
                    &[("title", FluentValue::from(title.clone()))],
                ),
                text,
                ics: None,
                ics_method: None,
            })?,
            Some(paper_id),
        ));
    }
    Ok(out)
}
