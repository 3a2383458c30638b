//! Memberships: adding a person to a body with a role, ending a membership.

use super::layout::{Chrome, FormState, clean};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use majlis_domain::{Body, DomainError, MembershipInput, permissions};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "member_form.html")]
struct MemberForm {
    chrome: Chrome,
    form: FormState,
    body_id: String,
    body_name: String,
    q: String,
    candidates: Vec<(String, String, String)>,
    roles: Vec<(String, String)>,
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    body: &Body,
    q: &str,
    form: FormState,
) -> Result<MemberForm, WebError> {
    let lang = ctx.lang;
    let mut candidates = Vec::new();
    if !q.trim().is_empty() {
        let found = state
            .store
            .member_candidates(ctx.actor()?, body.id, q, 20)
            .await?;
        candidates = found
            .into_iter()
            .map(|p| {
                let extra = [p.full_name_latin.as_deref(), p.member_number.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                (p.id.to_string(), clean(&p.full_name_ar), clean(&extra))
            })
            .collect();
    }
    let roles = state
        .store
        .roles()
        .await?
        .into_iter()
        .map(|r| (r.key.clone(), r.title(lang.code(), false).to_string()))
        .collect();
    Ok(MemberForm {
        chrome: Chrome::new(
            ctx,
            lang.t("member-new-title"),
            "bodies",
            format!("/bodies/{}/members/new", body.id),
        ),
        form,
        body_id: body.id.to_string(),
        body_name: clean(body.name(lang.code())),
        q: q.to_string(),
        candidates,
        roles,
    })
}

async fn load(state: &AppState, ctx: &Ctx, id: &str) -> Result<Body, WebError> {
    let id = parse_id(id)?;
    let (body, lineage) = state.store.visible_body(ctx.actor()?, id).await?;
    if !permissions::can_manage_memberships(ctx.actor()?, &lineage) {
        return Err(WebError::Domain(DomainError::Forbidden));
    }
    Ok(body)
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<SearchQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/bodies/{id}/members/new")) {
        return Ok(r);
    }
    let body = load(&state, &ctx, &id).await?;
    let q: String = q.q.unwrap_or_default().chars().take(200).collect();
    let form = FormState::new()
        .with("role", "member")
        .with("starts_on", ctx.today().to_string());
    Ok(render(&page(&state, &ctx, &body, &q, form).await?))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let actor = ctx.actor()?;
    ctx.check_csrf(form.csrf())?;
    let body = load(&state, &ctx, &id).await?;
    let input = MembershipInput {
        person_id: form.text("person_id"),
        body_id: body.id.to_string(),
        role: form.text("role"),
        starts_on: form.opt("starts_on"),
        ends_on: form.opt("ends_on"),
    };
    match state.store.add_membership(actor, &input, ctx.today()).await {
        Ok(_) => Ok(see_other(&format!("/bodies/{}#members", body.id))),
        Err(e) => {
            let e: WebError = e.into();
            if !matches!(
                e,
                WebError::Domain(DomainError::Invalid(_) | DomainError::Conflict { .. })
            ) {
                return Err(ctx.page_err(e));
            }
            let q = form.text("q");
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            let p = page(&state, &ctx, &body, &q, fs).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

pub async fn end(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let actor = ctx.actor()?;
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    // Without a date, the membership's last day was yesterday: it ends now.
    let on = form
        .get("on")
        .filter(|s| !s.is_empty())
        .map(|s| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map_err(|_| WebError::Domain(DomainError::invalid("ends_on", "invalid_date")))
        })
        .transpose()?
        .unwrap_or_else(|| ctx.today().pred_opt().unwrap_or_else(|| ctx.today()));
    let m = state.store.end_membership(actor, id, on).await?;
    Ok(see_other(&format!("/bodies/{}#members", m.body_id)))
}
