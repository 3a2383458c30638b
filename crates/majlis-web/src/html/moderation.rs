//! Moderating the public's comments: every comment waiting on the
//! communiqués of the bodies the moderator writes for, the flagged ones
//! marked, approved, rejected or marked as spam in bulk. No e-mail address
//! is shown: none is kept.

use super::layout::{Chrome, clean};
use super::{FormData, PageResult, render, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use majlis_store::service::comments::CommentState;

pub struct HeldLine {
    pub id: String,
    pub communique: String,
    pub communique_id: String,
    pub name: String,
    pub text: String,
    pub flagged: bool,
    pub at: String,
}

#[derive(Template)]
#[template(path = "moderation.html")]
struct Page {
    chrome: Chrome,
    items: Vec<HeldLine>,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/comments") {
        return Ok(r);
    }
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let items = state
        .store
        .held_comments(ctx.actor()?, 500)
        .await?
        .into_iter()
        .map(|c| {
            let l = c.created_at.with_timezone(&tz);
            HeldLine {
                id: c.id.to_string(),
                communique: clean(&c.communique_title),
                communique_id: c.communique_id.to_string(),
                name: clean(&c.name),
                text: clean(&c.text),
                flagged: c.flagged,
                at: format!("{} {}", dates.date(l.date_naive()), l.format("%H:%M")),
            }
        })
        .collect();
    Ok(render(&Page {
        chrome: Chrome::new(&ctx, lang.t("moderation-title"), "communiques", "/comments"),
        items,
    }))
}

/// Approves, rejects or marks as spam the ticked comments.
pub async fn moderate(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let to = match form.get("decision") {
        Some("approve") => CommentState::Approved,
        Some("reject") => CommentState::Rejected,
        Some("spam") => CommentState::Spam,
        _ => return Err(ctx.page_err(WebError::BadRequest)),
    };
    let ids = form
        .list("ids")
        .into_iter()
        .map(uuid::Uuid::parse_str)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| ctx.page_err(WebError::BadRequest))?;
    state
        .store
        .moderate_comments(ctx.actor()?, &ids, to)
        .await?;
    Ok(see_other("/comments"))
}
