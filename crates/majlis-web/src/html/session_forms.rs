//! What the session forms share: the person picker's candidates (a
//! council's current members), the select options, and reading a slot or a
//! workshop from a submitted form.

use super::FormData;
use super::layout::clean;
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::present::{name, workshop_heading};
use crate::state::AppState;
use majlis_domain::DomainError;
use majlis_domain::meeting::parse_local;
use majlis_domain::session::{SlotDraft, SlotKind, WorkshopDraft};
use uuid::Uuid;

/// The current members of a council, as the person picker offers them:
/// id, name in the reader's language, member number.
pub async fn candidates(
    state: &AppState,
    ctx: &Ctx,
    council: Uuid,
) -> Result<Vec<(String, String, String)>, WebError> {
    let today = ctx.today();
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(String, String, String)> = state
        .store
        .body_members(ctx.actor()?, council)
        .await?
        .into_iter()
        .filter(|m| m.membership.is_current(today) && seen.insert(m.person.id))
        .map(|m| {
            (
                m.person.id.to_string(),
                name(ctx.lang, &m.person),
                m.person.member_number.clone().unwrap_or_default(),
            )
        })
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// The kinds of program slot, as a select offers them.
pub fn slot_kinds(lang: Lang) -> Vec<(String, String)> {
    SlotKind::ALL
        .iter()
        .map(|k| {
            (
                k.as_str().to_string(),
                lang.t(&format!("slot-kind-{}", k.as_str())),
            )
        })
        .collect()
}

/// A session's workshops as a select offers them, after "none".
pub fn workshop_options(
    lang: Lang,
    workshops: &[majlis_store::service::sessions::Workshop],
) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), "—".to_string())];
    options.extend(workshops.iter().map(|w| {
        (
            w.id.to_string(),
            format!("{}: {}", workshop_heading(lang, w.ordinal), clean(&w.title)),
        )
    }));
    options
}

/// A program slot as a form describes it.
pub fn slot_draft(form: &FormData) -> Result<SlotDraft, WebError> {
    let err = |f: &'static str, c: &'static str| WebError::Domain(DomainError::invalid(f, c));
    let kind =
        SlotKind::parse(form.get("kind").unwrap_or("")).ok_or(err("kind", "invalid_choice"))?;
    let start = parse_local(&form.text("starts_at")).ok_or(err("starts_at", "invalid_datetime"))?;
    let end = parse_local(&form.text("ends_at")).ok_or(err("ends_at", "invalid_datetime"))?;
    let workshop_id = match form.get("workshop_id").filter(|s| !s.is_empty()) {
        None => None,
        Some(w) => Some(Uuid::parse_str(w).map_err(|_| err("workshop_id", "invalid_choice"))?),
    };
    Ok(SlotDraft {
        kind,
        title: form.text("slot_title"),
        start,
        end,
        room: form.opt("room"),
        workshop_id,
    })
}

/// A workshop as a form describes it (the capacity a whole number, or empty).
pub fn workshop_draft(form: &FormData) -> Result<WorkshopDraft, WebError> {
    let capacity =
        match form
            .get("capacity")
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(c) => Some(c.parse::<i32>().map_err(|_| {
                WebError::Domain(DomainError::invalid("capacity", "invalid_choice"))
            })?),
        };
    Ok(WorkshopDraft {
        title: form.text("title"),
        themes: form.text("themes"),
        questions: form.text("questions"),
        capacity,
    })
}
