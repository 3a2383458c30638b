//! The audit log of one entity (admins only).

use super::layout::{Chrome, clean};
use super::{PageResult, parse_id, render, require_login};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use std::collections::{BTreeSet, HashMap};

pub struct EventView {
    pub action: String,
    pub at: String,
    pub actor: String,
    pub changes: Vec<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    chrome: Chrome,
    back: String,
    events: Vec<EventView>,
}

/// The entity types whose history can be read, and where their page is.
pub fn entity_page(kind: &str, id: &str) -> Option<String> {
    match kind {
        "body" => Some(format!("/bodies/{id}")),
        "person" => Some(format!("/people/{id}")),
        "account" => Some("/admin/accounts".into()),
        "membership" => Some("/bodies".into()),
        "meeting" => Some(format!("/meetings/{id}")),
        "agenda_item" | "decision" => Some("/bodies".into()),
        _ => None,
    }
}

fn show_value(v: Option<&serde_json::Value>) -> String {
    match v {
        None | Some(serde_json::Value::Null) => "—".into(),
        Some(serde_json::Value::String(s)) => clean(s),
        Some(other) => clean(&other.to_string()),
    }
}

/// Field-by-field differences between two JSON records.
pub fn changes(
    before: Option<&serde_json::Value>,
    after: Option<&serde_json::Value>,
) -> Vec<(String, String, String)> {
    let empty = serde_json::Map::new();
    let b = before.and_then(|v| v.as_object()).unwrap_or(&empty);
    let a = after.and_then(|v| v.as_object()).unwrap_or(&empty);
    let keys: BTreeSet<&String> = b.keys().chain(a.keys()).collect();
    keys.into_iter()
        .filter(|k| !matches!(k.as_str(), "updated_at" | "created_at" | "search"))
        .filter(|k| b.get(*k) != a.get(*k))
        .map(|k| (k.clone(), show_value(b.get(k)), show_value(a.get(k))))
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, id)): Path<(String, String)>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/audit/{kind}/{id}")) {
        return Ok(r);
    }
    let actor = ctx.actor()?;
    let back = entity_page(&kind, &id).ok_or_else(|| ctx.page_err(WebError::not_found()))?;
    let uuid = parse_id(&id)?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let events = state.store.audit_for(actor, &kind, uuid, 500).await?;
    let mut names: HashMap<uuid::Uuid, String> = HashMap::new();
    for a in state.store.accounts(actor).await? {
        names.insert(a.id, a.username);
    }
    let tz: chrono_tz::Tz = ctx
        .settings
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Africa::Casablanca);
    let events = events
        .into_iter()
        .map(|e| {
            let local = e.at.with_timezone(&tz);
            EventView {
                action: lang.t(&format!("audit-action-{}", e.action)),
                at: format!(
                    "{} {}",
                    dates.date(local.date_naive()),
                    local.format("%H:%M")
                ),
                actor: e
                    .actor_id
                    .and_then(|a| names.get(&a).cloned())
                    .map_or_else(|| lang.t("audit-system"), |n| clean(&n)),
                changes: changes(e.before.as_ref(), e.after.as_ref()),
            }
        })
        .collect();
    let page = AuditPage {
        chrome: Chrome::new(
            &ctx,
            lang.t("audit-title"),
            "",
            format!("/audit/{kind}/{id}"),
        ),
        back,
        events,
    };
    Ok(render(&page))
}
