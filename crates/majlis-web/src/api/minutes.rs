//! Minutes over the API: read (drafts only for those who run the body's
//! meetings), save from a version (409 `stale_record` when someone saved
//! meanwhile), approve.

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use majlis_domain::minutes::{ItemMinutes, MinutesInput};
use majlis_store::service::minutes::Minutes;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct ItemMinutesDto {
    pub agenda_item_id: Uuid,
    pub title: String,
    pub text: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MinutesDto {
    pub meeting_id: Uuid,
    /// draft or approved
    pub status: String,
    /// Send it back when saving: a save from an older version is refused.
    pub version: i32,
    pub overall: Option<String>,
    pub items: Vec<ItemMinutesDto>,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    /// The PDF of approved minutes.
    pub pdf_url: Option<String>,
}

fn dto(m: Minutes) -> MinutesDto {
    let id = m.meeting.id;
    MinutesDto {
        meeting_id: id,
        status: m.status.as_str().into(),
        version: m.version,
        pdf_url: m.approved().then(|| format!("/meetings/{id}/minutes.pdf")),
        overall: m.overall,
        items: m
            .items
            .into_iter()
            .map(|i| ItemMinutesDto {
                agenda_item_id: i.id,
                title: i.title,
                text: i.minutes,
            })
            .collect(),
        approved_by: m.approved_by,
        approved_at: m.approved_at,
    }
}

/// A meeting's minutes.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/minutes", tag = "meetings",
    responses((status = 200, body = MinutesDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<MinutesDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let m = state.store.minutes(actor, id).await?;
    Ok(Json(dto(m)))
}

#[derive(Deserialize, ToSchema)]
pub struct ItemMinutesRequest {
    pub agenda_item_id: Uuid,
    pub text: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub struct MinutesRequest {
    /// The version the text was written from (0 for new minutes).
    pub version: i32,
    #[serde(default)]
    pub overall: Option<String>,
    /// Items left out keep their text.
    #[serde(default)]
    pub items: Vec<ItemMinutesRequest>,
}

/// Saves the minutes (until approved).
#[utoipa::path(put, path = "/api/v1/meetings/{id}/minutes", tag = "meetings", request_body = MinutesRequest,
    responses((status = 200, body = MinutesDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<MinutesRequest>,
) -> ApiResult<MinutesDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = MinutesInput {
        version: r.version,
        overall: r.overall,
        items: r
            .items
            .into_iter()
            .map(|i| ItemMinutes {
                agenda_item_id: i.agenda_item_id,
                text: i.text,
            })
            .collect(),
    };
    let m = state.store.save_minutes(actor, id, &input).await?;
    Ok(Json(dto(m)))
}

#[derive(Deserialize, ToSchema)]
pub struct ApproveRequest {
    /// The version the approver read.
    pub version: i32,
}

/// Approves the minutes: locked from then on, readable by the body's members.
#[utoipa::path(post, path = "/api/v1/meetings/{id}/minutes/approve", tag = "meetings", request_body = ApproveRequest,
    responses((status = 200, body = MinutesDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ApproveRequest>,
) -> ApiResult<MinutesDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let m = state.store.approve_minutes(actor, id, r.version).await?;
    Ok(Json(dto(m)))
}
