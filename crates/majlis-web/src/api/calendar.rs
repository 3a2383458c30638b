//! Calendars over the API: the meetings and sessions of a range of days, and
//! the account's secret feed addresses.

use super::dto::ErrorBody;
use super::meetings::MeetingDto;
use super::sessions::SessionDto;
use super::{ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::{ApiError, WebError};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use majlis_domain::DomainError;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Deserialize, IntoParams)]
pub struct RangeQuery {
    /// First day, YYYY-MM-DD
    pub from: String,
    /// Day after the last, YYYY-MM-DD (at most 400 days after `from`)
    pub to: String,
    /// One body instead of all the caller's bodies.
    pub body: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct CalendarDto {
    pub meetings: Vec<MeetingDto>,
    pub sessions: Vec<SessionDto>,
    /// campaign deadlines of these bodies (as targets or issuers)
    pub deadlines: Vec<DeadlineDto>,
}

#[derive(Serialize, ToSchema)]
pub struct DeadlineDto {
    pub campaign_id: Uuid,
    pub title: String,
    pub due_on: chrono::NaiveDate,
    /// the body of the calendar it concerns
    pub body_id: Uuid,
}

/// Meetings starting and sessions held in a range of days.
#[utoipa::path(get, path = "/api/v1/calendar", tag = "calendar", params(RangeQuery),
    responses((status = 200, body = CalendarDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn range(
    State(state): State<AppState>,
    ctx: Ctx,
    super::ApiQuery(q): super::ApiQuery<RangeQuery>,
) -> ApiResult<CalendarDto> {
    let actor = ctx.actor()?;
    let day = |field: &'static str, v: &str| {
        NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| {
            ctx.api_err(WebError::Domain(DomainError::invalid(
                field,
                "invalid_date",
            )))
        })
    };
    let from = day("from", &q.from)?;
    let to = day("to", &q.to)?;
    if to <= from || to - from > Duration::days(400) {
        return Err(ctx.api_err(WebError::Domain(DomainError::invalid(
            "to",
            "invalid_range",
        ))));
    }
    let r = state.store.calendar(actor, q.body, from, to).await?;
    Ok(Json(CalendarDto {
        meetings: r.meetings.into_iter().map(|(m, _)| m.into()).collect(),
        sessions: r
            .sessions
            .into_iter()
            .map(|(s, name)| super::sessions::session_dto(&ctx, s, &name))
            .collect(),
        deadlines: r
            .deadlines
            .into_iter()
            .map(|(c, body_id, _)| DeadlineDto {
                campaign_id: c.id,
                title: c.title,
                due_on: c.due_on,
                body_id,
            })
            .collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct FeedRequest {
    /// One body; all the caller's bodies when absent.
    #[serde(default)]
    pub body_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct FeedDto {
    pub id: Uuid,
    pub body_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Only in the answer to its creation.
    pub url: Option<String>,
}

/// A new secret iCalendar feed address (shown once).
#[utoipa::path(post, path = "/api/v1/me/feeds", tag = "calendar", request_body = FeedRequest,
    responses((status = 200, body = FeedDto), (status = 403, body = ErrorBody)))]
pub async fn create_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    super::ApiJson(r): super::ApiJson<FeedRequest>,
) -> ApiResult<FeedDto> {
    let actor = writable(&ctx)?;
    let (f, secret) = state.store.create_feed(actor, r.body_id).await?;
    Ok(Json(FeedDto {
        id: f.id,
        body_id: f.body_id,
        created_at: f.created_at,
        revoked_at: f.revoked_at,
        url: Some(format!(
            "{}/feeds/{secret}.ics",
            state.config.public_url.trim_end_matches('/')
        )),
    }))
}

/// The caller's feed addresses (without their secrets).
#[utoipa::path(get, path = "/api/v1/me/feeds", tag = "calendar", responses((status = 200, body = [FeedDto])))]
pub async fn feeds(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<FeedDto>> {
    let actor = ctx.actor()?;
    let list = state.store.feeds(actor.account_id).await?;
    Ok(Json(
        list.into_iter()
            .map(|f| FeedDto {
                id: f.id,
                body_id: f.body_id,
                created_at: f.created_at,
                revoked_at: f.revoked_at,
                url: None,
            })
            .collect(),
    ))
}

/// Revokes a feed address: it stops working at once.
#[utoipa::path(delete, path = "/api/v1/me/feeds/{id}", tag = "calendar",
    responses((status = 204), (status = 404, body = ErrorBody)))]
pub async fn revoke_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    state.store.revoke_feed(actor.account_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
