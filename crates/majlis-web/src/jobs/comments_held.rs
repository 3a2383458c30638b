//! The moderators' notice: comments wait under a communiqué. One e-mail to
//! each of the issuing body's chair and secretary who has an address, in
//! their language, with the number waiting and the moderation page's link
//! — never a commenter's address (none is kept). One found more than two
//! days late is dropped.

use super::registry::{Outcome, Runs};
use crate::i18n::Lang;
use crate::present::clean;
use crate::state::AppState;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_store::StoreResult;
use majlis_store::service::comment_notices::CommentsHeld;
use majlis_store::service::jobs::{NewJob, OutgoingMail};
use uuid::Uuid;

pub struct CommentNotices;

impl Runs for CommentNotices {
    type Payload = CommentsHeld;

    async fn run(&self, state: &AppState, p: CommentsHeld) -> Outcome {
        // A notice found days later (a server down, comments recorded after
        // the fact) is not sent: the moderation page says it all.
        if majlis_store::now() - p.at > chrono::Duration::days(2) {
            return Outcome::Done(Vec::new());
        }
        match mails(state, &p).await {
            Ok(m) => Outcome::Done(m),
            Err(e) => Outcome::Retry(e.to_string()),
        }
    }
}

async fn mails(state: &AppState, p: &CommentsHeld) -> StoreResult<Vec<(NewJob, Option<Uuid>)>> {
    let (c, held, people) = state.store.comment_moderators(p.communique_id).await?;
    if held == 0 {
        return Ok(Vec::new());
    }
    let settings = state.store.settings().await?;
    let default = Lang::parse(&settings.default_locale).unwrap_or(Lang::Ar);
    let ids: Vec<Uuid> = people.iter().map(|p| p.id).collect();
    let locales = state.store.locales_of(&ids).await?;
    let base = state.config.public_url.trim_end_matches('/').to_string();
    let mut out = Vec::new();
    for person in people.iter().filter(|p| p.email.is_some()) {
        let lang = locales
            .get(&person.id)
            .and_then(|l| Lang::parse(l))
            .unwrap_or(default);
        let count = FluentValue::from(lang.count("mail-comments-count", held));
        let title = FluentValue::from(clean(&c.title));
        let subject = lang.t_args("mail-comments-subject", &[("count", count.clone())]);
        let text = lang.t_args(
            "mail-comments-text",
            &[
                (
                    "name",
                    FluentValue::from(crate::present::name(lang, person)),
                ),
                ("count", count),
                ("title", title),
                ("link", FluentValue::from(format!("{base}/comments"))),
            ],
        );
        out.push((
            NewJob::of(&OutgoingMail {
                to: person.email.clone().unwrap_or_default(),
                to_name: Some(person.full_name_ar.clone()),
                subject,
                text,
                ics: None,
                ics_method: None,
            })?,
            Some(c.id),
        ));
    }
    Ok(out)
}
