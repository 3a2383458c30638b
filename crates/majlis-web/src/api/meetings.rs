//! Meetings over the API: the same services and permission checks as the pages.

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use chrono::{NaiveDate, NaiveDateTime};
use majlis_domain::DomainError;
use majlis_domain::meeting::{
    AgendaInput, Attendance, DecisionInput, DecisionStatus, Meeting, MeetingInput, StatusChange,
    parse_local,
};
use majlis_store::service::meetings::{AgendaItem, Decision};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub id: Uuid,
    pub body_id: Uuid,
    /// periodic, special, extraordinary or thematic
    pub kind: String,
    pub title: String,
    /// Local time in the organization's time zone.
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub theme: Option<String>,
    /// planned, held, cancelled or postponed
    pub status: String,
    /// majority, two_thirds or fixed:N
    pub quorum: String,
}

impl From<Meeting> for MeetingDto {
    fn from(m: Meeting) -> Self {
        Self {
            id: m.id,
            body_id: m.body_id,
            kind: m.kind.as_str().into(),
            title: m.title,
            starts_at: m.starts_at,
            ends_at: m.ends_at,
            venue: m.venue,
            city: m.city,
            theme: m.theme,
            status: m.status.as_str().into(),
            quorum: m.quorum.as_string(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct MeetingRequest {
    pub kind: String,
    pub title: String,
    /// YYYY-MM-DDTHH:MM, local time
    pub starts_at: String,
    pub ends_at: String,
    #[serde(default)]
    pub venue: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub theme: Option<String>,
    #[serde(default)]
    pub quorum: Option<String>,
}

impl From<MeetingRequest> for MeetingInput {
    fn from(r: MeetingRequest) -> Self {
        MeetingInput {
            kind: r.kind,
            title: r.title,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            venue: r.venue,
            city: r.city,
            theme: r.theme,
            quorum: r.quorum,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AgendaItemDto {
    pub id: Uuid,
    pub position: i32,
    pub title: String,
    pub presenter_id: Option<Uuid>,
    pub planned_minutes: Option<i32>,
    pub description: Option<String>,
}

impl From<AgendaItem> for AgendaItemDto {
    fn from(i: AgendaItem) -> Self {
        Self {
            id: i.id,
            position: i.position,
            title: i.title,
            presenter_id: i.presenter_id,
            planned_minutes: i.planned_minutes,
            description: i.description,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DecisionDto {
    pub id: Uuid,
    pub meeting_id: Uuid,
    /// decision or measure
    pub kind: String,
    pub text: String,
    pub responsible_person_id: Option<Uuid>,
    pub responsible_body_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    /// open, done or dropped
    pub status: String,
}

impl From<Decision> for DecisionDto {
    fn from(d: Decision) -> Self {
        Self {
            id: d.id,
            meeting_id: d.meeting_id,
            kind: d.kind.as_str().into(),
            text: d.text,
            responsible_person_id: d.responsible_person_id,
            responsible_body_id: d.responsible_body_id,
            due_on: d.due_on,
            status: d.status.as_str().into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct AttendanceDto {
    pub person_id: Uuid,
    pub full_name_ar: String,
    /// present, excused, absent, or null when not recorded
    pub status: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingDetailDto {
    pub meeting: MeetingDto,
    pub agenda: Vec<AgendaItemDto>,
    pub attendance: Vec<AttendanceDto>,
    pub present: u32,
    pub members: u32,
    pub quorum_needed: u32,
    pub quorum_reached: bool,
    pub decisions: Vec<DecisionDto>,
    /// False once the minutes are approved: the record no longer changes.
    pub record_open: bool,
    /// The status as shown: `not_recorded` for a planned meeting whose end
    /// has passed, else the stored status.
    pub status_shown: String,
}

#[derive(Deserialize, ToSchema)]
pub struct StatusRequest {
    /// hold, cancel or postpone
    pub action: String,
    /// New local start and end, for postpone.
    #[serde(default)]
    pub starts_at: Option<String>,
    #[serde(default)]
    pub ends_at: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct AttendanceRequest {
    pub marks: Vec<AttendanceMark>,
}

#[derive(Deserialize, ToSchema)]
pub struct AttendanceMark {
    pub person_id: Uuid,
    /// present, excused or absent
    pub status: String,
}

#[derive(Deserialize, ToSchema)]
pub struct AgendaRequest {
    pub title: String,
    #[serde(default)]
    pub presenter_id: Option<String>,
    #[serde(default)]
    pub planned_minutes: Option<i32>,
    #[serde(default)]
    pub description: Option<String>,
}

impl From<AgendaRequest> for AgendaInput {
    fn from(r: AgendaRequest) -> Self {
        AgendaInput {
            title: r.title,
            presenter_id: r.presenter_id,
            planned_minutes: r.planned_minutes.map(|n| n.to_string()),
            description: r.description,
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionRequest {
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub responsible_person_id: Option<String>,
    #[serde(default)]
    pub responsible_body_id: Option<String>,
    #[serde(default)]
    pub due_on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionStatusRequest {
    /// open, done or dropped
    pub status: String,
}

/// A body's meetings, latest first.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/meetings", tag = "meetings", responses((status = 200, body = [MeetingDto]), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<MeetingDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    state.store.visible_body(actor, id).await?;
    let list = state
        .store
        .body_meetings(actor, id, majlis_store::MAX_PAGE_SIZE)
        .await?;
    Ok(Json(list.into_iter().map(MeetingDto::from).collect()))
}

/// Plans a meeting of the body (its chair or secretary, or the national executive).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/meetings", tag = "meetings", request_body = MeetingRequest,
    responses((status = 200, body = MeetingDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<MeetingRequest>,
) -> ApiResult<MeetingDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = MeetingInput::from(r);
    let m = state.store.create_meeting(actor, id, &input).await?;
    Ok(Json(m.into()))
}

/// A meeting with its agenda, attendance, quorum and decisions.
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "meetings", responses((status = 200, body = MeetingDetailDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<MeetingDetailDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let d = state.store.meeting_detail(actor, id).await?;
    let record_open = d.record_open();
    let status_shown =
        crate::present::meeting_status_code(d.meeting.status, d.meeting.ends_at, ctx.now_local())
            .to_string();
    let sheet = d.attendance;
    let attendance = sheet
        .rows
        .into_iter()
        .map(|(p, s)| AttendanceDto {
            person_id: p.id,
            full_name_ar: p.full_name_ar,
            status: s.map(|a| a.as_str().to_string()),
        })
        .collect();
    Ok(Json(MeetingDetailDto {
        meeting: d.meeting.into(),
        agenda: d.agenda.into_iter().map(AgendaItemDto::from).collect(),
        attendance,
        present: sheet.present,
        members: sheet.members,
        quorum_needed: sheet.needed,
        quorum_reached: sheet.reached,
        decisions: d.decisions.into_iter().map(DecisionDto::from).collect(),
        record_open,
        status_shown,
    }))
}

/// Holds, cancels or postpones a meeting.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/status", tag = "meetings", request_body = StatusRequest,
    responses((status = 200, body = MeetingDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<StatusRequest>,
) -> ApiResult<MeetingDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let bad = |f: &'static str| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            f,
            "invalid_datetime",
        )))
    };
    let change = match r.action.as_str() {
        "hold" => StatusChange::Hold,
        "cancel" => StatusChange::Cancel,
        "postpone" => StatusChange::Postpone {
            start: parse_local(r.starts_at.as_deref().unwrap_or(""))
                .ok_or_else(|| bad("starts_at"))?,
            end: parse_local(r.ends_at.as_deref().unwrap_or("")).ok_or_else(|| bad("ends_at"))?,
        },
        _ => {
            return Err(ctx.api_err(WebError::Domain(DomainError::invalid(
                "action",
                "invalid_choice",
            ))));
        }
    };
    let m = state.store.change_meeting_status(actor, id, change).await?;
    Ok(Json(m.into()))
}

/// Adds an item at the end of the agenda.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/agenda", tag = "meetings", request_body = AgendaRequest,
    responses((status = 200, body = AgendaItemDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<AgendaRequest>,
) -> ApiResult<AgendaItemDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = AgendaInput::from(r);
    let item = state.store.add_agenda_item(actor, id, &input).await?;
    Ok(Json(item.into()))
}

/// Records attendance of invitees (all or nothing).
#[utoipa::path(put, path = "/api/v1/meetings/{id}/attendance", tag = "meetings", request_body = AttendanceRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<AttendanceRequest>,
) -> Result<axum::http::StatusCode, crate::error::ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let mut marks = Vec::with_capacity(r.marks.len());
    for m in r.marks.iter().take(2_000) {
        let s = Attendance::parse(&m.status).ok_or_else(|| {
            ctx.api_err(WebError::Domain(DomainError::invalid(
                "status",
                "invalid_choice",
            )))
        })?;
        marks.push((m.person_id, s));
    }
    state.store.record_attendances(actor, id, &marks).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Adds a decision or measure.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/decisions", tag = "meetings", request_body = DecisionRequest,
    responses((status = 200, body = DecisionDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<DecisionRequest>,
) -> ApiResult<DecisionDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = DecisionInput {
        kind: r.kind,
        text: r.text,
        responsible_person_id: r.responsible_person_id,
        responsible_body_id: r.responsible_body_id,
        due_on: r.due_on,
    };
    let d = state.store.add_decision(actor, id, &input).await?;
    Ok(Json(d.into()))
}

/// Sets a decision's status.
#[utoipa::path(post, path = "/api/v1/decisions/{id}/status", tag = "meetings", request_body = DecisionStatusRequest,
    responses((status = 200, body = DecisionDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_decision_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<DecisionStatusRequest>,
) -> ApiResult<DecisionDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let status = DecisionStatus::parse(&r.status).ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "status",
            "invalid_choice",
        )))
    })?;
    let d = state.store.set_decision_status(actor, id, status).await?;
    Ok(Json(d.into()))
}

/// A body's open decisions and measures ("decisions to follow").
#[utoipa::path(get, path = "/api/v1/bodies/{id}/decisions", tag = "meetings", responses((status = 200, body = [DecisionDto]), (status = 403, body = ErrorBody)))]
pub async fn to_follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<DecisionDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let list = state.store.open_decisions(actor, id).await?;
    Ok(Json(list.into_iter().map(DecisionDto::from).collect()))
}
