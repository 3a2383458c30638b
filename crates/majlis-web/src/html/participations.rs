//! The participation log of a body (مشاركات): who represented it at which
//! event, with their report; recorded by the body's secretariat.

use super::layout::{Chrome, FormState, clean};
use super::upload::UploadForm;
use super::{PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::participation::ParticipationInput;
use majlis_domain::{DomainError, permissions};
use majlis_store::service::participations::Participation;
use majlis_text::DateFormatter;
use uuid::Uuid;

pub struct ParticipationView {
    pub id: String,
    pub event: String,
    pub organizer: String,
    pub scope: String,
    pub place: String,
    pub days: String,
    pub people: String,
    pub report: Option<String>,
    pub file: Option<(String, String)>,
}

pub fn views(
    lang: Lang,
    dates: &DateFormatter,
    list: Vec<Participation>,
) -> Vec<ParticipationView> {
    list.into_iter()
        .map(|p| ParticipationView {
            id: p.id.to_string(),
            event: clean(&p.event),
            organizer: clean(&p.organizer),
            scope: lang.t(&format!("participation-scope-{}", p.scope.as_str())),
            place: [p.city.as_deref(), p.country.as_deref()]
                .into_iter()
                .flatten()
                .map(clean)
                .collect::<Vec<_>>()
                .join(lang.comma()),
            days: dates.day_range(p.first_day, p.last_day),
            people: p
                .people
                .iter()
                .map(|x| super::sessions::name(lang, x))
                .collect::<Vec<_>>()
                .join(lang.comma()),
            report: p.report.as_deref().map(clean),
            file: p
                .report_file
                .map(|f| (format!("/participations/{}/report", p.id), clean(&f.name))),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "participations.html")]
struct ParticipationsPage {
    chrome: Chrome,
    body_id: String,
    body_name: String,
    items: Vec<ParticipationView>,
    can_manage: bool,
    form: FormState,
    scopes: Vec<(String, String)>,
    /// Where the form posts: a new participation, or the one being edited.
    form_action: String,
    /// The body's current members, for the person picker.
    candidates: Vec<(String, String, String)>,
    editing: bool,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    body_id: Uuid,
    form: FormState,
    editing: Option<Uuid>,
) -> Result<ParticipationsPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let (body, lineage) = state.store.visible_body(actor, body_id).await?;
    let dates = state.dates(lang.code(), &ctx.settings);
    let list = state.store.body_participations(actor, body_id, 200).await?;
    Ok(ParticipationsPage {
        chrome: Chrome::new(
            ctx,
            lang.t("participations-title"),
            "bodies",
            format!("/bodies/{body_id}/participations"),
        ),
        body_id: body_id.to_string(),
        body_name: clean(body.name(lang.code())),
        items: views(lang, &dates, list),
        can_manage: permissions::can_manage_meetings(actor, &lineage),
        form,
        form_action: match editing {
            Some(p) => format!("/participations/{p}/edit"),
            None => format!("/bodies/{body_id}/participations"),
        },
        editing: editing.is_some(),
        candidates: if permissions::can_manage_meetings(actor, &lineage) {
            super::session_forms::candidates(state, ctx, body_id).await?
        } else {
            Vec::new()
        },
        scopes: ["national", "international"]
            .iter()
            .map(|s| (s.to_string(), lang.t(&format!("participation-scope-{s}"))))
            .collect(),
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/bodies/{id}/participations")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let p = page(
        &state,
        &ctx,
        id,
        FormState::new().with("scope", "national"),
        None,
    )
    .await?;
    Ok(render(&p))
}

fn input(up: &UploadForm, people: Vec<Uuid>) -> ParticipationInput {
    ParticipationInput {
        event: up.form.text("event"),
        organizer: up.form.text("organizer"),
        scope: up.form.text("scope"),
        country: up.form.opt("country"),
        city: up.form.opt("city"),
        first_day: up.form.text("first_day"),
        last_day: up.form.opt("last_day"),
        people,
        report: up.form.opt("report"),
    }
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let result = async {
        let people =
            super::program::picked_people(&state, actor, &up.form, "people", "people_numbers", 30)
                .await?;
        let input = input(&up, people);
        let file = up.upload()?;
        state
            .store
            .create_participation(actor, id, &input, file, state.config.limits.max_upload)
            .await
            .map_err(WebError::from)
    }
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/bodies/{id}/participations"))),
        Err(e) => {
            if !matches!(e, WebError::Domain(DomainError::Invalid(_))) {
                return Err(ctx.page_err(e));
            }
            let fs = FormState::from_values(up.form.0).with_error(&e, ctx.lang);
            let p = page(&state, &ctx, id, fs, None).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

pub async fn report(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let f = state.store.participation_file(actor, id).await?;
    Ok(crate::download::download(f))
}

/// The participation's form, filled, on its body's page.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/participations/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let p = state.store.participation(actor, id).await?;
    // The body's members ticked in the picker, the others by number.
    let members: std::collections::HashSet<String> =
        super::session_forms::candidates(&state, &ctx, p.body_id)
            .await?
            .into_iter()
            .map(|c| c.0)
            .collect();
    let (ticked, others): (Vec<_>, Vec<_>) = p
        .people
        .iter()
        .partition(|x| members.contains(&x.id.to_string()));
    let ticked: Vec<String> = ticked.iter().map(|x| x.id.to_string()).collect();
    let numbers: Vec<String> = others
        .iter()
        .filter_map(|x| x.member_number.clone())
        .collect();
    let form = FormState::new()
        .with("event", p.event.clone())
        .with("organizer", p.organizer.clone())
        .with("scope", p.scope.as_str())
        .with("country", p.country.clone().unwrap_or_default())
        .with("city", p.city.clone().unwrap_or_default())
        .with("first_day", p.first_day.to_string())
        .with("last_day", p.last_day.to_string())
        .with("people", ticked.join(","))
        .with("people_numbers", numbers.join(", "))
        .with("report", p.report.clone().unwrap_or_default());
    let page = page(&state, &ctx, p.body_id, form, Some(id)).await?;
    Ok(render(&page))
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let result = async {
        let people =
            super::program::picked_people(&state, actor, &up.form, "people", "people_numbers", 30)
                .await?;
        let file = up.upload()?;
        state
            .store
            .update_participation(
                actor,
                id,
                &input(&up, people),
                file,
                state.config.limits.max_upload,
            )
            .await
            .map_err(WebError::from)
    }
    .await;
    match result {
        Ok(p) => Ok(see_other(&format!("/bodies/{}/participations", p.body_id))),
        Err(e) => {
            if !matches!(e, WebError::Domain(DomainError::Invalid(_))) {
                return Err(ctx.page_err(e));
            }
            let body = state.store.participation(actor, id).await?.body_id;
            let fs = FormState::from_values(up.form.0).with_error(&e, ctx.lang);
            let p = page(&state, &ctx, body, fs, Some(id)).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: super::FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let body = state.store.delete_participation(actor, id).await?;
    Ok(see_other(&format!("/bodies/{body}/participations")))
}
