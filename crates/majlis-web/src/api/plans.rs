//! Action plans over the JSON API: list, create, read with progress rolled
//! up; objectives and tasks added; a task's status and progress updated.

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::plan::{ObjectiveInput, PlanInput, TaskChange, TaskInput};
use majlis_store::service::plans::Plan;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct PlanSummaryDto {
    pub id: Uuid,
    pub owner_body_id: Uuid,
    pub title: String,
    /// 0 to 100, rolled up from the tasks
    pub progress: f64,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedDto {
    pub id: Uuid,
}

#[derive(Deserialize, ToSchema)]
pub struct PlanRequest {
    pub owner_body_id: Uuid,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// the decisions it carries out
    #[serde(default)]
    pub decision_ids: Vec<Uuid>,
}

#[derive(Deserialize, ToSchema)]
pub struct ObjectiveRequest {
    pub title: String,
    #[serde(default)]
    pub target_value: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    /// YYYY-MM-DD
    #[serde(default)]
    pub target_date: Option<String>,
    /// 1 to 100 (1 by default)
    #[serde(default)]
    pub weight: Option<i32>,
}

#[derive(Deserialize, ToSchema)]
pub struct TaskRequest {
    pub title: String,
    #[serde(default)]
    pub responsible_person_id: Option<Uuid>,
    #[serde(default)]
    pub responsible_body_id: Option<Uuid>,
    /// YYYY-MM-DD
    #[serde(default)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub weight: Option<i32>,
    /// a campaign whose completion rate is the task's progress
    #[serde(default)]
    pub campaign_id: Option<Uuid>,
}

#[derive(Deserialize, ToSchema)]
pub struct TaskChangeRequest {
    /// todo, in_progress, blocked or done
    pub status: String,
    /// 0 to 100
    #[serde(default)]
    pub progress: Option<i32>,
    #[serde(default)]
    pub note: Option<String>,
    /// the version read; a task changed since answers 409
    #[serde(default)]
    pub version: Option<i32>,
}

/// The plans of the bodies the caller may see.
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans",
    responses((status = 200, body = [PlanSummaryDto]), (status = 401, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<PlanSummaryDto>> {
    let actor = ctx.actor()?;
    let plans = state.store.plans(actor, 200).await?;
    Ok(Json(
        plans
            .into_iter()
            .map(|p| PlanSummaryDto {
                id: p.id,
                owner_body_id: p.owner_body_id,
                title: p.title,
                progress: p.progress,
            })
            .collect(),
    ))
}

/// A new plan of a body the caller runs.
#[utoipa::path(post, path = "/api/v1/plans", tag = "plans", request_body = PlanRequest,
    responses((status = 200, body = CreatedDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(r): ApiJson<PlanRequest>,
) -> ApiResult<CreatedDto> {
    let actor = writable(&ctx)?;
    let input = PlanInput {
        title: r.title,
        description: r.description,
        decision_ids: r.decision_ids,
    };
    let id = state
        .store
        .create_plan(actor, r.owner_body_id, &input)
        .await?;
    Ok(Json(CreatedDto { id }))
}

/// A plan: objectives, tasks, progress (task → objective → plan, weighted)
/// and its timeline.
#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans",
    responses((status = 200, body = Object), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Plan> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    Ok(Json(state.store.plan(actor, id).await?))
}

/// Adds an objective to a plan.
#[utoipa::path(post, path = "/api/v1/plans/{id}/objectives", tag = "plans", request_body = ObjectiveRequest,
    responses((status = 200, body = CreatedDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_objective(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ObjectiveRequest>,
) -> ApiResult<CreatedDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = ObjectiveInput {
        title: r.title,
        target_value: r.target_value.map(|v| v.to_string()),
        unit: r.unit,
        target_date: r.target_date,
        weight: r.weight.map(|w| w.to_string()),
    };
    let id = state.store.add_objective(actor, id, &input).await?;
    Ok(Json(CreatedDto { id }))
}

/// Adds a task to an objective.
#[utoipa::path(post, path = "/api/v1/objectives/{id}/tasks", tag = "plans", request_body = TaskRequest,
    responses((status = 200, body = CreatedDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_task(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<TaskRequest>,
) -> ApiResult<CreatedDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let input = TaskInput {
        title: r.title,
        responsible_person_id: r.responsible_person_id.map(|v| v.to_string()),
        responsible_body_id: r.responsible_body_id.map(|v| v.to_string()),
        due_on: r.due_on,
        weight: r.weight.map(|w| w.to_string()),
        campaign_id: r.campaign_id.map(|v| v.to_string()),
    };
    let id = state.store.add_task(actor, id, &input).await?;
    Ok(Json(CreatedDto { id }))
}

/// Records a task's status, progress and what was done.
#[utoipa::path(post, path = "/api/v1/tasks/{id}", tag = "plans", request_body = TaskChangeRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change_task(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<TaskChangeRequest>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let change = TaskChange {
        status: r.status,
        progress: r.progress.map(|p| p.to_string()),
        note: r.note,
        version: r.version,
    };
    state.store.change_task(actor, id, &change).await?;
    Ok(StatusCode::NO_CONTENT)
}
