//! Around a meeting over the API: edits of a planned meeting, the
//! convocation (send, and its e-mails' state), guests, reports heard,
//! carry-over of agenda items.

use super::dto::ErrorBody;
use super::papers::{Created, FileDto, UploadDto, decode_upload};
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::{ApiError, WebError};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::DomainError;
use majlis_domain::meeting::{Attendance, MeetingInput};
use majlis_domain::participation::GuestInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

/// Changes a planned meeting (a convocation already sent is re-sent when
/// the date, time or venue changes).
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "meetings", request_body = super::meetings::MeetingRequest,
    responses((status = 200, body = super::meetings::MeetingDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<super::meetings::MeetingRequest>,
) -> ApiResult<super::meetings::MeetingDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = MeetingInput::from(r);
    let m = state.store.update_meeting(actor, id, &input).await?;
    state.wake_jobs();
    Ok(Json(m.into()))
}

/// Queues the convocation: one e-mail per invitee with an address.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/invitations", tag = "meetings",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    state.store.send_invitations(actor, id).await?;
    state.wake_jobs();
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct MailStateDto {
    /// E-mails delivered to the SMTP server.
    pub sent: u64,
    /// Queued or being retried.
    pub waiting: u64,
    /// Given up.
    pub failed: u64,
    /// The last error of a retried e-mail (the server is down, say).
    pub last_error: Option<String>,
    /// Invitees with an address.
    pub recipients: usize,
}

/// The state of a meeting's convocation e-mails (for its secretariat).
#[utoipa::path(get, path = "/api/v1/meetings/{id}/invitations", tag = "meetings",
    responses((status = 200, body = MailStateDto), (status = 403, body = ErrorBody)))]
pub async fn mail_state(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<MailStateDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let c = state.store.mail_counts(actor, id).await?;
    let jobs = state.store.jobs_about(actor, id, 200).await?;
    let last_error = jobs.iter().find_map(|j| {
        (j.status == majlis_domain::jobs::JobStatus::Pending)
            .then(|| j.last_error.clone())
            .flatten()
    });
    let recipients = state.store.invitation_recipients(actor, id).await?.len();
    Ok(Json(MailStateDto {
        sent: c.done,
        waiting: c.pending + c.retrying,
        failed: c.failed,
        last_error,
        recipients,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct GuestRequest {
    pub name: String,
    #[serde(default)]
    pub quality: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// A speaker of the meeting.
    #[serde(default)]
    pub speaker: bool,
    /// female or male, when known
    #[serde(default)]
    pub gender: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct GuestDto {
    pub id: Uuid,
    pub name: String,
    pub quality: Option<String>,
    /// present, excused or absent
    pub attendance: Option<String>,
    pub speaker: bool,
    /// female or male, when known
    pub gender: Option<String>,
}

/// A meeting's guests (their addresses are not returned).
#[utoipa::path(get, path = "/api/v1/meetings/{id}/guests", tag = "meetings",
    responses((status = 200, body = [GuestDto]), (status = 403, body = ErrorBody)))]
pub async fn guests(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<GuestDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    if !state.store.can_see_meeting(actor, id).await? {
        return Err(ctx.api_err(WebError::Domain(DomainError::Forbidden)));
    }
    let list = state.store.guests(actor, id).await?;
    Ok(Json(
        list.into_iter()
            .map(|g| GuestDto {
                id: g.id,
                name: g.name,
                quality: g.quality,
                attendance: g.attendance.map(|a| a.as_str().into()),
                speaker: g.speaker,
                gender: g.gender.map(|g| g.as_str().into()),
            })
            .collect(),
    ))
}

/// Invites a guest (convocations sent later include them).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/guests", tag = "meetings", request_body = GuestRequest,
    responses((status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_guest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<GuestRequest>,
) -> ApiResult<Created> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let g = state
        .store
        .add_guest(
            actor,
            id,
            &GuestInput {
                name: r.name,
                quality: r.quality,
                email: r.email,
                speaker: r.speaker,
                gender: r.gender,
            },
        )
        .await?;
    Ok(Json(Created { id: g.id }))
}

#[derive(Deserialize, ToSchema)]
pub struct GuestAttendanceRequest {
    /// present, excused or absent
    pub status: String,
}

/// Records whether a guest came.
#[utoipa::path(put, path = "/api/v1/guests/{id}/attendance", tag = "meetings", request_body = GuestAttendanceRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn guest_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<GuestAttendanceRequest>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let s = Attendance::parse(&r.status).ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "status",
            "invalid_choice",
        )))
    })?;
    state.store.record_guest_attendance(actor, id, s).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct ReportRequest {
    pub title: String,
    #[serde(default)]
    pub participation_id: Option<Uuid>,
    #[serde(default)]
    pub file: Option<UploadDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportDto {
    pub id: Uuid,
    pub title: String,
    pub participation_id: Option<Uuid>,
    pub file: Option<FileDto>,
}

/// Records a report the meeting heard.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/reports", tag = "meetings", request_body = ReportRequest,
    responses((status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ReportRequest>,
) -> ApiResult<Created> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = match r.file {
        Some(f) => Some(decode_upload(&ctx, f)?),
        None => None,
    };
    let rid = state
        .store
        .add_meeting_report(
            actor,
            id,
            &r.title,
            r.participation_id,
            upload.as_ref(),
            state.config.limits.max_upload,
        )
        .await?;
    Ok(Json(Created { id: rid }))
}

/// The reports a meeting heard.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/reports", tag = "meetings",
    responses((status = 200, body = [ReportDto]), (status = 403, body = ErrorBody)))]
pub async fn reports(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<ReportDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    if !state.store.can_see_meeting(actor, id).await? {
        return Err(ctx.api_err(WebError::Domain(DomainError::Forbidden)));
    }
    let list = state.store.meeting_reports(actor, id).await?;
    Ok(Json(
        list.into_iter()
            .map(|r| ReportDto {
                id: r.id,
                title: r.title,
                participation_id: r.participation.map(|p| p.id),
                file: r.file.map(FileDto::from),
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct CarryOverRequest {
    /// A later planned meeting of the same body.
    pub meeting_id: Uuid,
}

/// Carries an agenda item over to a later meeting.
#[utoipa::path(post, path = "/api/v1/agenda/{id}/carry-over", tag = "meetings", request_body = CarryOverRequest,
    responses((status = 200, body = Created), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn carry_over(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<CarryOverRequest>,
) -> ApiResult<Created> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let item = state.store.carry_over_item(actor, id, r.meeting_id).await?;
    Ok(Json(Created { id: item.id }))
}

/// Corrects an agenda item of a planned meeting.
#[utoipa::path(patch, path = "/api/v1/agenda/{id}", tag = "meetings", request_body = super::meetings::AgendaRequest,
    responses((status = 200, body = super::meetings::AgendaItemDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<super::meetings::AgendaRequest>,
) -> ApiResult<super::meetings::AgendaItemDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let item = state.store.update_agenda_item(actor, id, &r.into()).await?;
    Ok(Json(item.into()))
}

/// Removes an agenda item of a planned meeting.
#[utoipa::path(delete, path = "/api/v1/agenda/{id}", tag = "meetings",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn remove_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    state.store.remove_agenda_item(actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
