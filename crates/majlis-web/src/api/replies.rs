//! Answers to convocations over the API: a convened member says "attend" or
//! "apologies"; those who see the meeting read the answers.

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use majlis_domain::DomainError;
use majlis_domain::reply::Reply;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct ReplyRequest {
    /// `attend` or `apologies`
    pub reply: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReplyDto {
    pub person_id: Uuid,
    /// `attend` or `apologies`
    pub reply: String,
}

/// Answers the convocation of a meeting for the signed-in member (before
/// the meeting starts; answering again replaces the answer).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/reply", tag = "meetings", request_body = ReplyRequest,
    responses((status = 200, body = ReplyDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ReplyRequest>,
) -> ApiResult<ReplyDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let answer = Reply::parse(&r.reply).ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "reply",
            "invalid_choice",
        )))
    })?;
    let person_id = actor
        .person_id
        .ok_or_else(|| ctx.api_err(WebError::Domain(DomainError::Forbidden)))?;
    state.store.reply_to_meeting(actor, id, answer).await?;
    Ok(Json(ReplyDto {
        person_id,
        reply: answer.as_str().into(),
    }))
}

/// The answers to a meeting's convocation.
#[utoipa::path(get, path = "/api/v1/meetings/{id}/replies", tag = "meetings",
    responses((status = 200, body = Vec<ReplyDto>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<ReplyDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let mut out: Vec<ReplyDto> = state
        .store
        .replies(actor, id)
        .await?
        .into_iter()
        .map(|(person_id, r)| ReplyDto {
            person_id,
            reply: r.as_str().into(),
        })
        .collect();
    out.sort_by_key(|r| r.person_id);
    Ok(Json(out))
}
