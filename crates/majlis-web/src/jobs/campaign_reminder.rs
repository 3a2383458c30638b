//! A campaign's reminder: one e-mail to the chair and the secretary of each
//! target body still to report, in their language; once overdue, one more
//! to the parent body's chair and secretary listing its late bodies. A
//! reminder found more than two days after its time is not sent.

use super::registry::{Outcome, Runs};
use crate::i18n::Lang;
use crate::present::clean;
use crate::state::AppState;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::Viewer;
use majlis_store::StoreResult;
use majlis_store::service::campaign_reminders::CampaignReminder;
use majlis_store::service::jobs::{NewJob, OutgoingMail};
use std::collections::BTreeMap;
use uuid::Uuid;

/// A reminder this late is dropped.
const STALE_DAYS: i64 = 2;

pub struct CampaignReminders;

impl Runs for CampaignReminders {
    type Payload = CampaignReminder;

    async fn run(&self, state: &AppState, p: CampaignReminder) -> Outcome {
        if majlis_store::now() - p.at > chrono::Duration::days(STALE_DAYS) {
            return Outcome::Done(Vec::new());
        }
        match mails(state, &p).await {
            Ok(m) => Outcome::Done(m),
            Err(e) => Outcome::Retry(e.to_string()),
        }
    }
}

async fn mails(state: &AppState, p: &CampaignReminder) -> StoreResult<Vec<(NewJob, Option<Uuid>)>> {
    let (c, stragglers) = state
        .store
        .campaign_stragglers(p.campaign_id, p.reminder.escalates())
        .await?;
    if stragglers.is_empty() {
        return Ok(Vec::new());
    }
    let settings = state.store.settings().await?;
    let default = Lang::parse(&settings.default_locale).unwrap_or(Lang::Ar);
    let ids = stragglers
        .iter()
        .flat_map(|s| std::iter::once(s.body_id).chain(s.parent.as_ref().map(|p| p.0)));
    let bodies = state
        .store
        .visible_bodies_by_id(Viewer::System, ids)
        .await?;
    let people: Vec<Uuid> = stragglers
        .iter()
        .flat_map(|s| {
            s.officers
                .iter()
                .chain(s.parent.iter().flat_map(|p| p.1.iter()))
                .map(|p| p.id)
        })
        .collect();
    let locales = state.store.locales_of(&people).await?;
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let body_name = |b: Uuid, lang: Lang| {
        bodies
            .get(&b)
            .map_or_else(String::new, |b| clean(b.name(lang.code())))
    };
    let mail = |to: &majlis_domain::Person, subject: String, text: String| {
        NewJob::of(&OutgoingMail {
            to: to.email.clone().unwrap_or_default(),
            to_name: Some(to.full_name_ar.clone()),
            subject,
            text,
            ics: None,
            ics_method: None,
        })
        .map(|j| (j, Some(c.id)))
    };
    let key = format!("mail-campaign-{}", p.reminder.as_str().replace('_', "-"));
    let mut out = Vec::new();
    let mut by_parent: BTreeMap<Uuid, (Vec<majlis_domain::Person>, Vec<usize>)> = BTreeMap::new();
    for (i, s) in stragglers.iter().enumerate() {
        if let Some((parent, officers)) = &s.parent {
            by_parent
                .entry(*parent)
                .or_insert_with(|| (officers.clone(), Vec::new()))
                .1
                .push(i);
        }
        for person in s.officers.iter().filter(|p| p.email.is_some()) {
            let lang = locales
                .get(&person.id)
                .and_then(|l| Lang::parse(l))
                .unwrap_or(default);
            let dates = state.dates(lang.code(), &settings);
            let text = lang.t_args(
                &format!("{key}-text"),
                &[
                    (
                        "name",
                        FluentValue::from(crate::present::name(lang, person)),
                    ),
                    ("gender", crate::present::gender_arg(Some(person.gender))),
                    ("body", FluentValue::from(body_name(s.body_id, lang))),
                    ("title", FluentValue::from(clean(&c.title))),
                    ("due", FluentValue::from(dates.date(c.due_on))),
                    (
                        "status",
                        FluentValue::from(lang.t(&format!("board-status-{}", s.status.as_str()))),
                    ),
                    (
                        "days",
                        FluentValue::from(lang.count("board-late-days", s.days_late.max(0) as u64)),
                    ),
                    (
                        "link",
                        FluentValue::from(format!(
                            "{base}/campaigns/{}/bodies/{}/report",
                            c.id, s.body_id
                        )),
                    ),
                ],
            );
            let subject = lang.t_args(
                "mail-campaign-subject",
                &[
                    ("title", FluentValue::from(clean(&c.title))),
                    ("due", FluentValue::from(dates.date(c.due_on))),
                ],
            );
            out.push(mail(person, subject, text)?);
        }
    }
    for (parent, (officers, late)) in by_parent {
        for person in officers.iter().filter(|p| p.email.is_some()) {
            let lang = locales
                .get(&person.id)
                .and_then(|l| Lang::parse(l))
                .unwrap_or(default);
            let dates = state.dates(lang.code(), &settings);
            let lines: Vec<String> = late
                .iter()
                .map(|i| {
                    let s = &stragglers[*i];
                    format!(
                        "- {} — {} ({})",
                        body_name(s.body_id, lang),
                        lang.t(&format!("board-status-{}", s.status.as_str())),
                        lang.count("board-late-days", s.days_late.max(0) as u64)
                    )
                })
                .collect();
            let text = lang.t_args(
                "mail-campaign-escalation-text",
                &[
                    (
                        "name",
                        FluentValue::from(crate::present::name(lang, person)),
                    ),
                    ("gender", crate::present::gender_arg(Some(person.gender))),
                    ("body", FluentValue::from(body_name(parent, lang))),
                    ("title", FluentValue::from(clean(&c.title))),
                    ("due", FluentValue::from(dates.date(c.due_on))),
                    ("bodies", FluentValue::from(lines.join("\n"))),
                    (
                        "link",
                        FluentValue::from(format!("{base}/campaigns/{}", c.id)),
                    ),
                ],
            );
            let subject = lang.t_args(
                "mail-campaign-escalation-subject",
                &[
                    ("title", FluentValue::from(clean(&c.title))),
                    ("count", FluentValue::from(late.len().to_string())),
                ],
            );
            out.push(mail(person, subject, text)?);
        }
    }
    Ok(out)
}
