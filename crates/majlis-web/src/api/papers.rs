//! Working papers over the API: a paper with its versions and history, new
//! versions (text, or a document sent as base64), the files of versions; and
//! the planning calls of a session's program (workshops, slots, papers,
//! outcomes).

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::{ApiError, WebError};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::DomainError;
use majlis_domain::meeting::parse_local;
use majlis_domain::session::{SlotDraft, SlotKind, WorkshopRole};
use majlis_store::service::files::{FileInfo, Upload};
use majlis_store::service::papers::PaperDetail;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct FileDto {
    pub id: Uuid,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
}

impl From<FileInfo> for FileDto {
    fn from(f: FileInfo) -> Self {
        Self {
            id: f.id,
            name: f.name,
            media_type: f.media_type,
            size: f.size,
            sha256: f.sha256,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VersionDto {
    pub number: i32,
    pub author: Option<String>,
    pub file: Option<FileDto>,
    /// Where the file is downloaded.
    pub file_url: Option<String>,
    pub text: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PaperEventDto {
    pub action: String,
    pub comment: Option<String>,
    pub by: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PaperDetailDto {
    pub id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub state: String,
    pub workshop_id: Uuid,
    pub session_id: Uuid,
    pub assignees: Vec<Uuid>,
    pub versions: Vec<VersionDto>,
    pub events: Vec<PaperEventDto>,
}

fn detail_dto(d: PaperDetail) -> PaperDetailDto {
    let id = d.id;
    PaperDetailDto {
        id,
        title: d.title,
        due_on: d.due_on,
        state: d.state.as_str().into(),
        workshop_id: d.workshop_id,
        session_id: d.session_id,
        assignees: d.assignees.iter().map(|p| p.id).collect(),
        versions: d
            .versions
            .into_iter()
            .map(|v| VersionDto {
                number: v.number,
                author: v.author,
                file_url: v
                    .file
                    .as_ref()
                    .map(|_| format!("/api/v1/papers/{id}/versions/{}/file", v.number)),
                file: v.file.map(FileDto::from),
                text: v.text,
                created_at: v.created_at,
            })
            .collect(),
        events: d
            .events
            .into_iter()
            .map(|e| PaperEventDto {
                action: e.action,
                comment: e.comment,
                by: e.by,
                at: e.at,
            })
            .collect(),
    }
}

/// A working paper, with its versions and history (assignees and the
/// executive; the council once it is circulated).
#[utoipa::path(get, path = "/api/v1/papers/{id}", tag = "sessions",
    responses((status = 200, body = PaperDetailDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<PaperDetailDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let d = state.store.paper(actor, id).await?;
    Ok(Json(detail_dto(d)))
}

#[derive(Deserialize, ToSchema)]
pub struct UploadDto {
    /// The file's name (its extension is replaced by the detected type's).
    pub name: String,
    /// The content, base64 (PDF, DOCX, ODT or Markdown; checked by content).
    pub content_base64: String,
}

#[derive(Deserialize, ToSchema)]
pub struct VersionRequest {
    /// Text written in majlis (Markdown).
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub file: Option<UploadDto>,
}

#[derive(Serialize, ToSchema)]
pub struct VersionCreated {
    pub number: i32,
}

/// Decodes an uploaded file sent as base64.
pub(crate) fn decode_upload(ctx: &Ctx, u: UploadDto) -> Result<Upload, ApiError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(u.content_base64.trim())
        .map_err(|_| {
            ctx.api_err(WebError::Domain(DomainError::invalid(
                "file",
                "invalid_input",
            )))
        })?;
    Ok(Upload {
        name: u.name,
        bytes,
    })
}

/// Saves a new version of a paper (its assignees; not once approved).
#[utoipa::path(post, path = "/api/v1/papers/{id}/versions", tag = "sessions", request_body = VersionRequest,
    responses((status = 200, body = VersionCreated), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_version(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<VersionRequest>,
) -> ApiResult<VersionCreated> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = match r.file {
        Some(f) => Some(decode_upload(&ctx, f)?),
        None => None,
    };
    let number = state
        .store
        .add_paper_version(
            actor,
            id,
            upload.as_ref(),
            r.text.as_deref(),
            state.config.limits.max_upload,
        )
        .await?;
    Ok(Json(VersionCreated { number }))
}

/// The file of one version of a paper.
#[utoipa::path(get, path = "/api/v1/papers/{id}/versions/{number}/file", tag = "sessions",
    responses((status = 200, description = "the document"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn version_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, i32)>,
) -> Result<Response, ApiError> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let f = state.store.paper_file(actor, id, number).await?;
    Ok(crate::download::download(f))
}

#[derive(Deserialize, ToSchema)]
pub struct WorkshopRequest {
    pub title: String,
    /// One theme per line.
    pub themes: String,
    /// One guiding question per line.
    #[serde(default)]
    pub questions: String,
    #[serde(default)]
    pub capacity: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct Created {
    pub id: Uuid,
}

/// Adds a workshop to a session (the executive).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/workshops", tag = "sessions", request_body = WorkshopRequest,
    responses((status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<WorkshopRequest>,
) -> ApiResult<Created> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let w = state
        .store
        .add_workshop(actor, id, &r.title, &r.themes, &r.questions, r.capacity)
        .await?;
    Ok(Json(Created { id: w }))
}

#[derive(Deserialize, ToSchema)]
pub struct WorkshopPersonRequest {
    pub person_id: Uuid,
    /// facilitator, rapporteur or participant
    pub role: String,
}

/// Puts a person in a workshop as facilitator, rapporteur or participant.
#[utoipa::path(post, path = "/api/v1/workshops/{id}/people", tag = "sessions", request_body = WorkshopPersonRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_workshop_person(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<WorkshopPersonRequest>,
) -> Result<axum::http::StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let role = WorkshopRole::parse(&r.role).ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "role",
            "invalid_choice",
        )))
    })?;
    state
        .store
        .set_workshop_person(actor, id, r.person_id, role)
        .await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct OutcomeRequest {
    /// The workshop's recommendations.
    pub outcome: String,
}

/// Records a workshop's outcome (recommendations).
#[utoipa::path(put, path = "/api/v1/workshops/{id}/outcome", tag = "sessions", request_body = OutcomeRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_outcome(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<OutcomeRequest>,
) -> Result<axum::http::StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    state
        .store
        .set_workshop_outcome(actor, id, &r.outcome)
        .await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct SlotRequest {
    /// opening, workshop, break, plenary or closing
    pub kind: String,
    pub title: String,
    /// Local time, YYYY-MM-DDTHH:MM
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub room: Option<String>,
    #[serde(default)]
    pub workshop_id: Option<Uuid>,
}

/// Adds a slot to a session's program (inside the session's days).
#[utoipa::path(post, path = "/api/v1/sessions/{id}/slots", tag = "sessions", request_body = SlotRequest,
    responses((status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_slot(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<SlotRequest>,
) -> ApiResult<Created> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let err = |f: &'static str, c: &'static str| {
        ctx.api_err(WebError::Domain(DomainError::invalid(f, c)))
    };
    let draft = SlotDraft {
        kind: SlotKind::parse(&r.kind).ok_or_else(|| err("kind", "invalid_choice"))?,
        title: r.title,
        start: parse_local(&r.starts_at).ok_or_else(|| err("starts_at", "invalid_datetime"))?,
        end: parse_local(&r.ends_at).ok_or_else(|| err("ends_at", "invalid_datetime"))?,
        room: r.room,
        workshop_id: r.workshop_id,
    };
    let s = state.store.add_slot(actor, id, &draft).await?;
    Ok(Json(Created { id: s }))
}

#[derive(Deserialize, ToSchema)]
pub struct PaperRequest {
    pub title: String,
    /// YYYY-MM-DD
    pub due_on: String,
    pub assignees: Vec<Uuid>,
}

/// Assigns a working paper of a workshop (reminders are queued).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/papers", tag = "sessions", request_body = PaperRequest,
    responses((status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_paper(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<PaperRequest>,
) -> ApiResult<Created> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let due = NaiveDate::parse_from_str(r.due_on.trim(), "%Y-%m-%d").map_err(|_| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "due_on",
            "invalid_date",
        )))
    })?;
    let p = state
        .store
        .add_paper(actor, id, &r.title, due, &r.assignees)
        .await?;
    state.wake_jobs();
    Ok(Json(Created { id: p }))
}

/// The caller signs up for a workshop as a participant (members of the
/// council, capacity permitting).
#[utoipa::path(post, path = "/api/v1/workshops/{id}/join", tag = "sessions",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn join(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let me = actor
        .person_id
        .ok_or_else(|| ctx.api_err(WebError::Domain(DomainError::Forbidden)))?;
    state
        .store
        .set_workshop_person(actor, id, me, WorkshopRole::Participant)
        .await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The caller leaves a workshop they signed up for.
#[utoipa::path(delete, path = "/api/v1/workshops/{id}/join", tag = "sessions",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn leave(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<axum::http::StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let me = actor
        .person_id
        .ok_or_else(|| ctx.api_err(WebError::Domain(DomainError::Forbidden)))?;
    state.store.leave_workshop(actor, id, me).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Attaches a document to an agenda item (the body's secretariat).
#[utoipa::path(post, path = "/api/v1/agenda/{id}/attachments", tag = "meetings", request_body = UploadDto,
    responses((status = 200, body = FileDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn attach(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<UploadDto>,
) -> ApiResult<FileDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = decode_upload(&ctx, r)?;
    let f = state
        .store
        .attach_to_agenda_item(actor, id, &upload, state.config.limits.max_upload)
        .await?;
    Ok(Json(f.into()))
}
