//! A session's program as a document (printable page and PDF), workshop
//! outcomes, and people named by member number in planning forms.

use super::{PageResult, parse_id, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::extract::{Path, State};
use majlis_domain::DomainError;
use majlis_store::PeopleQuery;
use uuid::Uuid;

pub async fn set_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: super::LongFormData,
) -> PageResult {
    ctx.check_csrf(form.0.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let session = form
        .0
        .get("session")
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    state
        .store
        .set_workshop_outcome(actor, id, &form.0.text("outcome"))
        .await?;
    Ok(see_other(&format!("/sessions/{session}#workshops")))
}

/// The printable program of a session.
pub async fn print(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/sessions/{id}/program")) {
        return Ok(r);
    }
    let doc = program_document(&state, &ctx, &id).await?;
    Ok(super::print::page(
        &ctx,
        doc,
        &format!("/sessions/{id}/program.pdf"),
    ))
}

/// The program of a session as PDF.
pub async fn pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/sessions/{id}/program")) {
        return Ok(r);
    }
    let doc = program_document(&state, &ctx, &id).await?;
    super::print::pdf(doc, "program")
        .await
        .map_err(|e| ctx.page_err(e))
}

async fn program_document(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<majlis_pdf::Document, WebError> {
    let id = parse_id(id)?;
    let actor = ctx.actor()?;
    let program = state.store.session_program(actor, id).await?;
    Ok(crate::documents::program(state, actor.into(), ctx.lang, &program).await?)
}

/// The people a form names: those ticked in a person picker (`picked`, at
/// most `max`) and, from elsewhere, by the member numbers typed in
/// `numbers`; each once.
pub async fn picked_people(
    state: &AppState,
    actor: &majlis_domain::Actor,
    form: &super::FormData,
    picked: &'static str,
    numbers: &'static str,
    max: usize,
) -> Result<Vec<Uuid>, WebError> {
    let mut people = form
        .list(picked)
        .into_iter()
        .take(max)
        .map(|p| {
            Uuid::parse_str(p)
                .map_err(|_| WebError::Domain(DomainError::invalid(picked, "invalid_choice")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    for p in people_by_numbers(state, actor, &form.text(numbers), numbers).await? {
        if !people.contains(&p) {
            people.push(p);
        }
    }
    Ok(people)
}

/// People by the member numbers typed in a field («PPS-000012, PPS-000031»),
/// at most ten; an unknown number is the field's error.
pub async fn people_by_numbers(
    state: &AppState,
    actor: &majlis_domain::Actor,
    text: &str,
    field: &'static str,
) -> Result<Vec<Uuid>, WebError> {
    let mut people = Vec::new();
    for number in text
        .split([',', '،', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .take(10)
    {
        let q = PeopleQuery {
            q: number.into(),
            page: 1,
            per_page: 5,
            include_archived: false,
        };
        let found = state.store.directory(actor, &q).await?;
        let p = found
            .items
            .into_iter()
            .find(|p| p.member_number.as_deref() == Some(number))
            .ok_or(WebError::Domain(DomainError::invalid(
                field,
                "unknown_member_number",
            )))?;
        people.push(p.id);
    }
    Ok(people)
}

/// A council member signs up for a workshop (capacity permitting).
pub async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: super::FormData,
) -> PageResult {
    membership(state, ctx, id, form, true).await
}

/// A participant leaves a workshop.
pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: super::FormData,
) -> PageResult {
    membership(state, ctx, id, form, false).await
}

async fn membership(
    state: AppState,
    ctx: Ctx,
    id: String,
    form: super::FormData,
    join: bool,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let person = actor
        .person_id
        .ok_or_else(|| ctx.page_err(WebError::Domain(DomainError::Forbidden)))?;
    let session = form
        .get("session")
        .and_then(|s| Uuid::parse_str(s).ok())
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    let done = if join {
        state
            .store
            .set_workshop_person(
                actor,
                id,
                person,
                majlis_domain::session::WorkshopRole::Participant,
            )
            .await
    } else {
        state.store.leave_workshop(actor, id, person).await
    };
    done?;
    Ok(see_other(&format!("/sessions/{session}#workshops")))
}
