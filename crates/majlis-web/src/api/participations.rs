//! The participation log over the API: a body's representatives at
//! national and international events, with their reports.

use super::dto::ErrorBody;
use super::papers::{FileDto, UploadDto, decode_upload};
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use chrono::NaiveDate;
use majlis_domain::participation::ParticipationInput;
use majlis_store::service::participations::Participation;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct ParticipationRequest {
    pub event: String,
    pub organizer: String,
    /// national or international
    pub scope: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    /// YYYY-MM-DD
    pub first_day: String,
    #[serde(default)]
    pub last_day: Option<String>,
    /// Who went.
    pub people: Vec<Uuid>,
    /// The written report.
    #[serde(default)]
    pub report: Option<String>,
    /// Or a report document.
    #[serde(default)]
    pub report_file: Option<UploadDto>,
}

#[derive(Serialize, ToSchema)]
pub struct ParticipationDto {
    pub id: Uuid,
    pub body_id: Uuid,
    pub event: String,
    pub organizer: String,
    pub scope: String,
    pub country: Option<String>,
    pub city: Option<String>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub people: Vec<Uuid>,
    pub report: Option<String>,
    pub report_file: Option<FileDto>,
}

fn participation_dto(p: Participation) -> ParticipationDto {
    ParticipationDto {
        id: p.id,
        body_id: p.body_id,
        event: p.event,
        organizer: p.organizer,
        scope: p.scope.as_str().into(),
        country: p.country,
        city: p.city,
        first_day: p.first_day,
        last_day: p.last_day,
        people: p.people.iter().map(|x| x.id).collect(),
        report: p.report,
        report_file: p.report_file.map(FileDto::from),
    }
}

/// Records a participation of the body's representatives in an event.
#[utoipa::path(post, path = "/api/v1/bodies/{id}/participations", tag = "participations", request_body = ParticipationRequest,
    responses((status = 200, body = ParticipationDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_participation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(mut r): ApiJson<ParticipationRequest>,
) -> ApiResult<ParticipationDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = match r.report_file.take() {
        Some(f) => Some(decode_upload(&ctx, f)?),
        None => None,
    };
    let p = state
        .store
        .create_participation(
            actor,
            id,
            &input(r),
            upload.as_ref(),
            state.config.limits.max_upload,
        )
        .await?;
    Ok(Json(participation_dto(p)))
}

/// A body's participation log, the latest first.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/participations", tag = "participations",
    responses((status = 200, body = [ParticipationDto]), (status = 403, body = ErrorBody)))]
pub async fn body_participations(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<ParticipationDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let list = state.store.body_participations(actor, id, 200).await?;
    Ok(Json(list.into_iter().map(participation_dto).collect()))
}

/// The participations of a person (whom the caller may see).
#[utoipa::path(get, path = "/api/v1/people/{id}/participations", tag = "participations",
    responses((status = 200, body = [ParticipationDto]), (status = 403, body = ErrorBody)))]
pub async fn person_participations(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<ParticipationDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    state.store.visible_person(actor, id).await?;
    let list = state.store.person_participations(actor, id).await?;
    Ok(Json(list.into_iter().map(participation_dto).collect()))
}

/// Corrects a participation (a new report document replaces the old one).
#[utoipa::path(patch, path = "/api/v1/participations/{id}", tag = "participations", request_body = ParticipationRequest,
    responses((status = 200, body = ParticipationDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_participation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(mut r): ApiJson<ParticipationRequest>,
) -> ApiResult<ParticipationDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = match r.report_file.take() {
        Some(f) => Some(decode_upload(&ctx, f)?),
        None => None,
    };
    let p = state
        .store
        .update_participation(
            actor,
            id,
            &input(r),
            upload.as_ref(),
            state.config.limits.max_upload,
        )
        .await?;
    Ok(Json(participation_dto(p)))
}

/// Deletes a participation recorded by mistake (not one a meeting heard).
#[utoipa::path(delete, path = "/api/v1/participations/{id}", tag = "participations",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn delete_participation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<axum::http::StatusCode, crate::error::ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    state.store.delete_participation(actor, id).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

fn input(r: ParticipationRequest) -> ParticipationInput {
    ParticipationInput {
        event: r.event,
        organizer: r.organizer,
        scope: r.scope,
        country: r.country,
        city: r.city,
        first_day: r.first_day,
        last_day: r.last_day,
        people: r.people,
        report: r.report,
    }
}
