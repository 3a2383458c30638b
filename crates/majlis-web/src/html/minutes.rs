//! Minutes (محضر) pages: read, edit with optimistic locking (a save from an
//! outdated version is refused and the writer's text is kept), approve, and
//! the approved minutes as a printable page and a PDF.

use super::layout::{Chrome, clean};
use super::{LongFormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::DomainError;
use majlis_domain::meeting::MeetingStatus;
use majlis_domain::minutes::{ItemMinutes, MinutesInput};
use majlis_domain::permissions;
use majlis_store::service::minutes::Minutes;
use uuid::Uuid;

pub struct ItemView {
    pub id: String,
    pub number: usize,
    pub title: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "minutes.html")]
struct MinutesPage {
    chrome: Chrome,
    id: String,
    meeting_title: String,
    when: String,
    approved: bool,
    approval: Option<String>,
    can_edit: bool,
    can_approve: bool,
    version: i32,
    overall: String,
    items: Vec<ItemView>,
    /// After a refused save: what is saved now, above the writer's text.
    conflict: Option<(String, Vec<ItemView>)>,
    error: Option<String>,
    updated: Option<String>,
}

fn item_views(m: &Minutes, texts: Option<&LongFormData>) -> Vec<ItemView> {
    m.items
        .iter()
        .enumerate()
        .map(|(i, it)| ItemView {
            id: it.id.to_string(),
            number: i + 1,
            title: clean(&it.title),
            text: match texts {
                Some(f) => f.0.text(&format!("item-{}", it.id)),
                None => it.minutes.clone().unwrap_or_default(),
            },
        })
        .collect()
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    m: Minutes,
    submitted: Option<&LongFormData>,
    error: Option<&WebError>,
) -> Result<MinutesPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let (_, lineage) = state.store.visible_body(actor, m.meeting.body_id).await?;
    let can_manage = permissions::can_manage_meetings(actor, &lineage);
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let approval = match (&m.approved_by, m.approved_at) {
        (Some(by), Some(at)) => Some(lang.t_args(
            "minutes-approved-by",
            &[
                ("name", FluentValue::from(clean(by))),
                (
                    "date",
                    FluentValue::from(dates.date(at.with_timezone(&tz).date_naive())),
                ),
            ],
        )),
        _ => None,
    };
    let stale = matches!(error, Some(WebError::Domain(DomainError::Stale)));
    let conflict = stale.then(|| {
        (
            m.overall.clone().map(|s| clean(&s)).unwrap_or_default(),
            item_views(&m, None),
        )
    });
    let overall = match submitted {
        Some(f) => f.0.text("overall"),
        None => m.overall.clone().unwrap_or_default(),
    };
    let updated = m.updated_at.map(|at| {
        let local = at.with_timezone(&tz);
        lang.t_args(
            "minutes-saved-at",
            &[
                ("date", FluentValue::from(dates.date(local.date_naive()))),
                ("time", FluentValue::from(local.format("%H:%M").to_string())),
                ("version", FluentValue::from(m.version.to_string())),
            ],
        )
    });
    Ok(MinutesPage {
        chrome: Chrome::new(
            ctx,
            lang.t("minutes-title"),
            "bodies",
            format!("/meetings/{}/minutes", m.meeting.id),
        ),
        id: m.meeting.id.to_string(),
        meeting_title: clean(&m.meeting.title),
        when: super::meetings::when(lang, &dates, &m.meeting),
        approved: m.approved(),
        approval,
        can_edit: can_manage && !m.approved(),
        can_approve: can_manage && !m.approved() && m.meeting.status == MeetingStatus::Held,
        version: m.version,
        overall,
        items: item_views(&m, submitted),
        conflict,
        error: error.map(|e| e.message(lang)),
        updated,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/meetings/{id}/minutes")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let m = state.store.minutes(actor, id).await?;
    let p = page(&state, &ctx, m, None, None).await?;
    Ok(render(&p))
}

fn input(form: &LongFormData, m: &Minutes) -> MinutesInput {
    MinutesInput {
        version: form
            .0
            .get("version")
            .and_then(|v| v.parse().ok())
            .unwrap_or(-1),
        overall: form.0.opt("overall"),
        items: m
            .items
            .iter()
            .filter_map(|i| {
                form.0.get(&format!("item-{}", i.id)).map(|t| ItemMinutes {
                    agenda_item_id: i.id,
                    text: Some(t.to_string()),
                })
            })
            .collect(),
    }
}

pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: LongFormData,
) -> PageResult {
    ctx.check_csrf(form.0.csrf())?;
    let actor = ctx.actor()?;
    let id: Uuid = parse_id(&id)?;
    let current = state.store.minutes(actor, id).await?;
    let result = state
        .store
        .save_minutes(actor, id, &input(&form, &current))
        .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}/minutes#saved"))),
        Err(e) => refused(&state, &ctx, id, e.into(), Some(&form)).await,
    }
}

/// A refused save or approval: 409 when someone saved meanwhile, 422 for
/// invalid or locked minutes — the page shows what is saved now, and keeps
/// the writer's text in the form.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    e: WebError,
    form: Option<&LongFormData>,
) -> PageResult {
    let Some(status) = e.form_status() else {
        return Err(ctx.page_err(e));
    };
    let actor = ctx.actor()?;
    let now = state.store.minutes(actor, id).await?;
    let p = page(state, ctx, now, form, Some(&e)).await?;
    Ok(render_status(status, &p))
}

pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: LongFormData,
) -> PageResult {
    ctx.check_csrf(form.0.csrf())?;
    let actor = ctx.actor()?;
    let id: Uuid = parse_id(&id)?;
    let version = form
        .0
        .get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1);
    match state.store.approve_minutes(actor, id, version).await {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}/minutes"))),
        Err(e) => refused(&state, &ctx, id, e.into(), None).await,
    }
}

/// Approved minutes, or "not approved yet" (422).
async fn approved(state: &AppState, ctx: &Ctx, id: &str) -> Result<Minutes, WebError> {
    let id = parse_id(id)?;
    let m = state.store.minutes(ctx.actor()?, id).await?;
    if !m.approved() {
        return Err(WebError::Domain(DomainError::invalid(
            "minutes",
            "minutes_not_approved",
        )));
    }
    Ok(m)
}

pub async fn print(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/meetings/{id}/minutes/print")) {
        return Ok(r);
    }
    let m = approved(&state, &ctx, &id).await?;
    let doc = crate::documents::minutes(&state, ctx.actor()?.into(), ctx.lang, &m).await?;
    Ok(super::print::page(
        &ctx,
        doc,
        &format!("/meetings/{id}/minutes.pdf"),
    ))
}

pub async fn pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/meetings/{id}/minutes/print")) {
        return Ok(r);
    }
    let m = approved(&state, &ctx, &id).await?;
    let doc = crate::documents::minutes(&state, ctx.actor()?.into(), ctx.lang, &m).await?;
    let name = format!("minutes-{}", m.meeting.starts_at.date());
    super::print::pdf(doc, &name)
        .await
        .map_err(|e| ctx.page_err(e))
}
