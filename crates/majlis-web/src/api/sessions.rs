//! Council sessions over the API: list and open sessions, read a program,
//! move a working paper through its workflow.

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use chrono::{NaiveDate, NaiveDateTime};
use majlis_domain::DomainError;
use majlis_domain::session::{PaperAction, SessionInput};
use majlis_store::service::sessions::CouncilSession;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct SessionDto {
    pub id: Uuid,
    pub body_id: Uuid,
    pub number: i32,
    /// «الدورة الثامنة», «8e session», «8th session» in the asked language.
    pub title: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub venue: Option<String>,
    pub city: Option<String>,
}

pub(crate) fn session_dto(ctx: &Ctx, s: CouncilSession, body_name: &str) -> SessionDto {
    SessionDto {
        title: crate::present::session_title(ctx.lang, &s, body_name),
        id: s.id,
        body_id: s.body_id,
        number: s.number,
        first_day: s.first_day,
        last_day: s.last_day,
        venue: s.venue,
        city: s.city,
    }
}

#[derive(Deserialize, ToSchema)]
pub struct SessionRequest {
    /// The session's number; the next one when absent.
    #[serde(default)]
    pub number: Option<i32>,
    /// YYYY-MM-DD
    pub first_day: String,
    pub last_day: String,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SlotDto {
    pub id: Uuid,
    /// opening, workshop, break, plenary or closing
    pub kind: String,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub room: Option<String>,
    pub workshop_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct WorkshopPersonDto {
    pub person_id: Uuid,
    pub full_name_ar: String,
    /// facilitator, rapporteur or participant
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct PaperDto {
    pub id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    /// assigned, draft, submitted, approved, returned or circulated
    pub state: String,
    pub assignees: Vec<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct WorkshopDto {
    pub id: Uuid,
    pub ordinal: i32,
    pub title: String,
    pub themes: Vec<String>,
    pub questions: Vec<String>,
    pub capacity: Option<i32>,
    pub people: Vec<WorkshopPersonDto>,
    pub papers: Vec<PaperDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgramDto {
    pub session: SessionDto,
    pub slots: Vec<SlotDto>,
    pub workshops: Vec<WorkshopDto>,
    /// Meetings of the parallel program.
    pub parallel: Vec<Uuid>,
    /// Program warnings (person or room twice, facilitator not a member).
    pub conflicts: Vec<serde_json::Value>,
}

#[derive(Deserialize, ToSchema)]
pub struct PaperActionRequest {
    /// submit, approve, return or circulate (versions are added with
    /// `POST /api/v1/papers/{id}/versions`)
    pub action: String,
    /// Comments for the assignees (when returning a paper).
    #[serde(default)]
    pub comment: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PaperStateDto {
    pub state: String,
}

/// A council's sessions, the latest first.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/sessions", tag = "sessions", responses((status = 200, body = [SessionDto]), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<SessionDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let (body, _) = state.store.visible_body(actor, id).await?;
    let name = body.name(ctx.lang.code()).to_string();
    let list = state.store.body_sessions(actor, id).await?;
    Ok(Json(
        list.into_iter()
            .map(|s| session_dto(&ctx, s, &name))
            .collect(),
    ))
}

/// Opens a council's next (or a given) numbered session — the national executive.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/sessions", tag = "sessions", request_body = SessionRequest,
    responses((status = 200, body = SessionDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<SessionRequest>,
) -> ApiResult<SessionDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = SessionInput {
        number: r.number.map(|n| n.to_string()),
        first_day: r.first_day,
        last_day: r.last_day,
        venue: r.venue,
        city: r.city,
    };
    let s = state
        .store
        .create_council_session(actor, id, &input)
        .await?;
    let (body, _) = state.store.visible_body(actor, id).await?;
    Ok(Json(session_dto(&ctx, s, body.name(ctx.lang.code()))))
}

/// A session's whole program: slots, workshops with their people and papers,
/// parallel meetings and warnings.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", tag = "sessions", responses((status = 200, body = ProgramDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn program(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<ProgramDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let p = state.store.session_program(actor, id).await?;
    let (body, _) = state.store.visible_body(actor, p.session.body_id).await?;
    let slots = p
        .slots
        .into_iter()
        .map(|s| SlotDto {
            id: s.id,
            kind: s.kind.as_str().into(),
            title: s.title,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            room: s.room,
            workshop_id: s.workshop_id,
        })
        .collect();
    let workshops = p
        .workshops
        .into_iter()
        .map(|w| WorkshopDto {
            id: w.id,
            ordinal: w.ordinal,
            title: w.title,
            themes: w.themes,
            questions: w.questions,
            capacity: w.capacity,
            people: w
                .people
                .into_iter()
                .map(|(person, role)| WorkshopPersonDto {
                    person_id: person.id,
                    full_name_ar: person.full_name_ar,
                    role: role.as_str().into(),
                })
                .collect(),
            papers: w
                .papers
                .into_iter()
                .map(|x| PaperDto {
                    id: x.id,
                    title: x.title,
                    due_on: x.due_on,
                    state: x.state.as_str().into(),
                    assignees: x.assignees.into_iter().map(|a| a.id).collect(),
                })
                .collect(),
        })
        .collect();
    let conflicts = p
        .conflicts
        .iter()
        .filter_map(|c| serde_json::to_value(c).ok())
        .collect();
    Ok(Json(ProgramDto {
        session: session_dto(&ctx, p.session, body.name(ctx.lang.code())),
        slots,
        workshops,
        parallel: p.parallel.into_iter().map(|m| m.id).collect(),
        conflicts,
    }))
}

/// Moves a working paper through its workflow (assignees save and submit;
/// the executive approves, returns and circulates).
#[utoipa::path(post, path = "/api/v1/papers/{id}/action", tag = "sessions", request_body = PaperActionRequest,
    responses((status = 200, body = PaperStateDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn paper_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<PaperActionRequest>,
) -> ApiResult<PaperStateDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let action = PaperAction::parse(&r.action).ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "action",
            "invalid_choice",
        )))
    })?;
    let s = state
        .store
        .paper_action(actor, id, action, r.comment.as_deref())
        .await?;
    Ok(Json(PaperStateDto {
        state: s.as_str().into(),
    }))
}
