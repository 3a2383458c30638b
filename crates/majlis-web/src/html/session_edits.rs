//! Planners' pages to change or remove what a session holds: the session's
//! days and venue, a program slot, a workshop with its facilitators and
//! rapporteurs (chosen with the person picker among the council's members).

use super::layout::{Chrome, FormState, clean};
use super::sessions::{candidates, slot_draft, slot_kinds, workshop_draft, workshop_options};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::present::{name, session_title, workshop_heading};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::session::{SessionInput, WorkshopRole};
use majlis_domain::{DomainError, permissions};
use uuid::Uuid;

/// Only planners open these pages.
fn planner(ctx: &Ctx) -> Result<&majlis_domain::Actor, WebError> {
    let actor = ctx.actor()?;
    if permissions::can_plan_sessions(actor) {
        Ok(actor)
    } else {
        Err(WebError::Domain(DomainError::Forbidden))
    }
}

/// A form error is shown on the form (422); anything else is an error page.
fn shown_on_form(e: &WebError) -> bool {
    matches!(
        e,
        WebError::Domain(DomainError::Invalid(_) | DomainError::Conflict { .. })
    )
}

#[derive(Template)]
#[template(path = "session_edit.html")]
struct SessionEditPage {
    chrome: Chrome,
    id: String,
    back: String,
    form: FormState,
}

async fn session_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: Option<FormState>,
) -> Result<SessionEditPage, WebError> {
    let actor = planner(ctx)?;
    let lang = ctx.lang;
    let s = state.store.council_session(actor, id).await?;
    let (body, _) = state.store.visible_body(actor, s.body_id).await?;
    let title = session_title(lang, &s, &clean(body.name(lang.code())));
    let form = form.unwrap_or_else(|| {
        FormState::new()
            .with("number", s.number.to_string())
            .with("first_day", s.first_day.to_string())
            .with("last_day", s.last_day.to_string())
            .with("venue", s.venue.clone().unwrap_or_default())
            .with("city", s.city.clone().unwrap_or_default())
    });
    Ok(SessionEditPage {
        chrome: Chrome::new(
            ctx,
            format!("{} — {}", lang.t("action-edit"), title),
            "bodies",
            format!("/sessions/{id}/edit"),
        ),
        id: id.to_string(),
        back: format!("/sessions/{id}"),
        form,
    })
}

pub async fn edit_session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/sessions/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(&session_page(&state, &ctx, id, None).await?))
}

pub async fn update_session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    let input = SessionInput {
        number: form.opt("number"),
        first_day: form.text("first_day"),
        last_day: form.text("last_day"),
        venue: form.opt("venue"),
        city: form.opt("city"),
    };
    match state.store.update_council_session(actor, id, &input).await {
        Ok(_) => Ok(see_other(&format!("/sessions/{id}"))),
        Err(e) => {
            let e = WebError::from(e);
            if !shown_on_form(&e) {
                return Err(ctx.page_err(e));
            }
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            let p = session_page(&state, &ctx, id, Some(fs)).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

pub async fn delete_session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    match state.store.delete_council_session(actor, id).await {
        Ok(body) => Ok(see_other(&format!("/bodies/{body}#sessions"))),
        Err(e) => {
            let e = WebError::from(e);
            if !shown_on_form(&e) {
                return Err(ctx.page_err(e));
            }
            let fs = FormState::new().with_error(&e, ctx.lang);
            let p = session_page(&state, &ctx, id, Some(fs)).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

#[derive(Template)]
#[template(path = "slot_edit.html")]
struct SlotEditPage {
    chrome: Chrome,
    id: String,
    back: String,
    form: FormState,
    slot_kinds: Vec<(String, String)>,
    workshop_options: Vec<(String, String)>,
}

async fn slot_page(
    state: &AppState,
    ctx: &Ctx,
    slot_id: Uuid,
    form: Option<FormState>,
) -> Result<SlotEditPage, WebError> {
    let actor = planner(ctx)?;
    let lang = ctx.lang;
    let session = state.store.slot_session(actor, slot_id).await?;
    let program = state.store.session_program(actor, session).await?;
    let slot = program
        .slots
        .iter()
        .find(|s| s.id == slot_id)
        .ok_or(DomainError::NotFound)?;
    let form = form.unwrap_or_else(|| {
        FormState::new()
            .with("kind", slot.kind.as_str())
            .with("slot_title", slot.title.clone())
            .with(
                "starts_at",
                slot.starts_at.format("%Y-%m-%dT%H:%M").to_string(),
            )
            .with("ends_at", slot.ends_at.format("%Y-%m-%dT%H:%M").to_string())
            .with("room", slot.room.clone().unwrap_or_default())
            .with(
                "workshop_id",
                slot.workshop_id.map(|w| w.to_string()).unwrap_or_default(),
            )
    });
    let workshop_options = workshop_options(lang, &program.workshops);
    Ok(SlotEditPage {
        chrome: Chrome::new(
            ctx,
            format!("{} — {}", lang.t("action-edit"), clean(&slot.title)),
            "bodies",
            format!("/slots/{slot_id}/edit"),
        ),
        id: slot_id.to_string(),
        back: format!("/sessions/{session}#program"),
        form,
        slot_kinds: slot_kinds(lang),
        workshop_options,
    })
}

pub async fn edit_slot(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/slots/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(&slot_page(&state, &ctx, id, None).await?))
}

pub async fn update_slot(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    let result = match slot_draft(&form) {
        Ok(d) => state
            .store
            .update_slot(actor, id, &d)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(session) => Ok(see_other(&format!("/sessions/{session}#program"))),
        Err(e) => {
            let e = super::sessions::rename_title(e, "slot_title");
            if !shown_on_form(&e) {
                return Err(ctx.page_err(e));
            }
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            let p = slot_page(&state, &ctx, id, Some(fs)).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

pub async fn delete_slot(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    let session = state.store.delete_slot(actor, id).await?;
    Ok(see_other(&format!("/sessions/{session}#program")))
}

/// A person of a workshop with a role, as the workshop page lists them.
pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "workshop_edit.html")]
struct WorkshopEditPage {
    chrome: Chrome,
    id: String,
    back: String,
    form: FormState,
    people_form: FormState,
    people: Vec<PersonRow>,
    candidates: Vec<(String, String, String)>,
    roles: Vec<(String, String)>,
}

async fn workshop_page(
    state: &AppState,
    ctx: &Ctx,
    workshop_id: Uuid,
    form: Option<FormState>,
    people_form: FormState,
) -> Result<WorkshopEditPage, WebError> {
    let actor = planner(ctx)?;
    let lang = ctx.lang;
    let session = state.store.workshop_session(actor, workshop_id).await?;
    let program = state.store.session_program(actor, session).await?;
    let w = program
        .workshops
        .iter()
        .find(|w| w.id == workshop_id)
        .ok_or(DomainError::NotFound)?;
    let form = form.unwrap_or_else(|| {
        FormState::new()
            .with("title", w.title.clone())
            .with("themes", w.themes.join("\n"))
            .with("questions", w.questions.join("\n"))
            .with(
                "capacity",
                w.capacity.map(|c| c.to_string()).unwrap_or_default(),
            )
    });
    let mut people: Vec<PersonRow> = w
        .people
        .iter()
        .map(|(p, r)| PersonRow {
            id: p.id.to_string(),
            name: name(lang, p),
            role: lang.t(&format!("workshop-role-{}", r.as_str())),
        })
        .collect();
    people.sort_by(|a, b| a.role.cmp(&b.role).then(a.name.cmp(&b.name)));
    let taken: Vec<Uuid> = w.people.iter().map(|(p, _)| p.id).collect();
    let candidates = candidates(state, ctx, program.session.body_id)
        .await?
        .into_iter()
        .filter(|c| !taken.iter().any(|t| t.to_string() == c.0))
        .collect();
    Ok(WorkshopEditPage {
        chrome: Chrome::new(
            ctx,
            format!("{}: {}", workshop_heading(lang, w.ordinal), clean(&w.title)),
            "bodies",
            format!("/workshops/{workshop_id}/edit"),
        ),
        id: workshop_id.to_string(),
        back: format!("/sessions/{session}#workshops"),
        form,
        people_form,
        people,
        candidates,
        roles: [
            WorkshopRole::Facilitator,
            WorkshopRole::Rapporteur,
            WorkshopRole::Participant,
        ]
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                lang.t(&format!("workshop-role-{}", r.as_str())),
            )
        })
        .collect(),
    })
}

pub async fn edit_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/workshops/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(
        &workshop_page(&state, &ctx, id, None, FormState::new()).await?,
    ))
}

async fn workshop_invalid(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: Option<FormState>,
    people_form: FormState,
) -> PageResult {
    let p = workshop_page(state, ctx, id, form, people_form).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
}

pub async fn update_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    let result = match workshop_draft(&form) {
        Ok(d) => state
            .store
            .update_workshop(actor, id, &d)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(session) => Ok(see_other(&format!("/sessions/{session}#workshops"))),
        Err(e) if shown_on_form(&e) => {
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            workshop_invalid(&state, &ctx, id, Some(fs), FormState::new()).await
        }
        Err(e) => Err(ctx.page_err(e)),
    }
}

pub async fn delete_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    match state.store.delete_workshop(actor, id).await {
        Ok(session) => Ok(see_other(&format!("/sessions/{session}#workshops"))),
        Err(e) => {
            let e = WebError::from(e);
            if !shown_on_form(&e) {
                return Err(ctx.page_err(e));
            }
            let fs = FormState::new().with_error(&e, ctx.lang);
            workshop_invalid(&state, &ctx, id, Some(fs), FormState::new()).await
        }
    }
}

/// Gives a council member a role in the workshop (facilitator, rapporteur or
/// participant), chosen with the picker.
pub async fn add_person(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    let err = |f: &'static str, c: &'static str| WebError::Domain(DomainError::invalid(f, c));
    let result = async {
        let person = Uuid::parse_str(form.get("person_id").unwrap_or(""))
            .map_err(|_| err("person_id", "required"))?;
        let role = WorkshopRole::parse(form.get("role").unwrap_or(""))
            .ok_or(err("role", "invalid_choice"))?;
        state
            .store
            .set_workshop_person(actor, id, person, role)
            .await
            .map_err(WebError::from)
    }
    .await;
    match result {
        Ok(()) => Ok(see_other(&format!("/workshops/{id}/edit#people"))),
        Err(e) if shown_on_form(&e) => {
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            workshop_invalid(&state, &ctx, id, None, fs).await
        }
        Err(e) => Err(ctx.page_err(e)),
    }
}

/// Takes a person out of the workshop, whatever their role.
pub async fn remove_person(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, person)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = planner(&ctx)?;
    let id = parse_id(&id)?;
    let person = parse_id(&person)?;
    state.store.leave_workshop(actor, id, person).await?;
    Ok(see_other(&format!("/workshops/{id}/edit#people")))
}
