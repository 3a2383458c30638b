//! Campaigns over the API: report templates (versioned), campaigns and
//! their launch and close, target bodies' reports and their workflow, the
//! compliance board and the synthesis as JSON.

use super::dto::ErrorBody;
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::DomainError;
use majlis_domain::campaign::{CampaignAction, CampaignInput, ReportAction, TargetRule};
use majlis_domain::report_template::{Answers, TemplateDef};
use majlis_store::service::campaigns::{Campaign, Template};
use majlis_store::service::reports::{BoardRow, Report, ReportEvent};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct TemplateRequest {
    /// lowercase letters, digits, - and _; a known key gets a new version
    pub key: String,
    /// {name, fields: [{key, label, type, required, …}], sections: [{key, title, guidance, required}]}
    #[schema(value_type = Object)]
    pub definition: serde_json::Value,
}

#[derive(Serialize, ToSchema)]
pub struct TemplateDto {
    pub id: Uuid,
    pub key: String,
    pub version: i32,
    #[schema(value_type = Object)]
    pub definition: TemplateDef,
    pub created_at: DateTime<Utc>,
}

fn template_dto(t: Template) -> TemplateDto {
    TemplateDto {
        id: t.id,
        key: t.key,
        version: t.version,
        definition: t.definition,
        created_at: t.created_at,
    }
}

/// Report templates, the latest version of each.
#[utoipa::path(get, path = "/api/v1/templates", tag = "campaigns",
    responses((status = 200, body = [TemplateDto]), (status = 401, body = ErrorBody)))]
pub async fn templates(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<TemplateDto>> {
    let actor = ctx.actor()?;
    let list = state.store.templates(actor).await?;
    Ok(Json(list.into_iter().map(template_dto).collect()))
}

/// Writes a template: version 1 of a new key, or the next version of a
/// known one (versions in use never change).
#[utoipa::path(post, path = "/api/v1/templates", tag = "campaigns", request_body = TemplateRequest,
    responses((status = 200, body = TemplateDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_template(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(r): ApiJson<TemplateRequest>,
) -> ApiResult<TemplateDto> {
    let actor = writable(&ctx)?;
    let def: TemplateDef = serde_json::from_value(r.definition).map_err(|_| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "definition",
            "invalid_template",
        )))
    })?;
    let t = state.store.save_template(actor, &r.key, def).await?;
    Ok(Json(template_dto(t)))
}

#[derive(Deserialize, ToSchema)]
pub struct CampaignRequest {
    pub issuing_body_id: Uuid,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// YYYY-MM-DD
    pub due_on: String,
    #[serde(default)]
    pub grace_days: Option<i64>,
    /// periodic, special, extraordinary or thematic: a meeting to hold
    #[serde(default)]
    pub meeting_kind: Option<String>,
    /// a template key: a report to submit
    #[serde(default)]
    pub template: Option<String>,
    /// {kinds: [provincial…], within: body id, bodies: [ids]}
    #[serde(default)]
    #[schema(value_type = Object)]
    pub targets: TargetRule,
    #[serde(default)]
    pub decision_id: Option<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct CampaignDto {
    pub id: Uuid,
    pub issuing_body_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    pub template_id: Option<Uuid>,
    pub meeting_kind: Option<String>,
    pub due_on: NaiveDate,
    pub grace_days: i64,
    /// draft, launched or closed
    pub state: String,
    #[schema(value_type = Object)]
    pub targets: TargetRule,
    pub launched_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

fn campaign_dto(c: Campaign) -> CampaignDto {
    CampaignDto {
        id: c.id,
        issuing_body_id: c.issuing_body_id,
        decision_id: c.decision_id,
        title: c.title,
        description: c.description,
        template_id: c.template_id,
        meeting_kind: c.meeting_kind.map(|k| k.as_str().into()),
        due_on: c.due_on,
        grace_days: c.grace_days,
        state: c.state.as_str().into(),
        targets: c.rule,
        launched_at: c.launched_at,
        closed_at: c.closed_at,
    }
}

/// The campaigns the caller may read, the latest deadline first.
#[utoipa::path(get, path = "/api/v1/campaigns", tag = "campaigns",
    responses((status = 200, body = [CampaignDto]), (status = 401, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<CampaignDto>> {
    let actor = ctx.actor()?;
    let list = state.store.campaigns_for(actor, 200).await?;
    Ok(Json(list.into_iter().map(campaign_dto).collect()))
}

/// A draft campaign in the name of a body its caller runs.
#[utoipa::path(post, path = "/api/v1/campaigns", tag = "campaigns", request_body = CampaignRequest,
    responses((status = 200, body = CampaignDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(r): ApiJson<CampaignRequest>,
) -> ApiResult<CampaignDto> {
    let actor = writable(&ctx)?;
    let input = CampaignInput {
        title: r.title,
        description: r.description,
        due_on: r.due_on,
        grace_days: r.grace_days,
        meeting_kind: r.meeting_kind,
        template: r.template,
        targets: r.targets,
        decision_id: r.decision_id,
    };
    let c = state
        .store
        .create_campaign(actor, r.issuing_body_id, &input)
        .await?;
    Ok(Json(campaign_dto(c)))
}

#[derive(Serialize, ToSchema)]
pub struct CampaignDetailDto {
    #[serde(flatten)]
    pub campaign: CampaignDto,
    /// The target bodies (frozen at launch).
    pub target_ids: Vec<Uuid>,
}

/// A campaign with its target bodies.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "campaigns",
    responses((status = 200, body = CampaignDetailDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<CampaignDetailDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let c = state.store.campaign(actor, id).await?;
    let target_ids = state.store.campaign_targets(id).await?;
    Ok(Json(CampaignDetailDto {
        campaign: campaign_dto(c),
        target_ids,
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct CampaignActionRequest {
    /// launch or close
    pub action: String,
}

/// Launches (the targets are frozen) or closes a campaign.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/action", tag = "campaigns", request_body = CampaignActionRequest,
    responses((status = 200, body = CampaignDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<CampaignActionRequest>,
) -> ApiResult<CampaignDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let action = match r.action.as_str() {
        "launch" => CampaignAction::Launch,
        "close" => CampaignAction::Close,
        _ => {
            return Err(ctx.api_err(WebError::Domain(DomainError::invalid(
                "action",
                "invalid_choice",
            ))));
        }
    };
    let c = state.store.campaign_action(actor, id, action).await?;
    Ok(Json(campaign_dto(c)))
}

#[derive(Deserialize, ToSchema)]
pub struct TargetsRequest {
    pub body_ids: Vec<Uuid>,
}

#[derive(Serialize, ToSchema)]
pub struct TargetsDto {
    /// bodies added (those already targets are not counted)
    pub added: usize,
}

/// Adds bodies to a running campaign's targets.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/targets", tag = "campaigns", request_body = TargetsRequest,
    responses((status = 200, body = TargetsDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_targets(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<TargetsRequest>,
) -> ApiResult<TargetsDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    if r.body_ids.len() > 5_000 {
        return Err(ctx.api_err(WebError::Domain(DomainError::invalid(
            "body_ids", "too_many",
        ))));
    }
    let added = state
        .store
        .add_campaign_targets(actor, id, &r.body_ids)
        .await?;
    Ok(Json(TargetsDto { added }))
}

/// Removes a body from a running campaign's targets (refused when it has a report).
#[utoipa::path(delete, path = "/api/v1/campaigns/{id}/targets/{body_id}", tag = "campaigns",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn remove_target(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, body)): Path<(String, String)>,
) -> Result<axum::http::StatusCode, crate::error::ApiError> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let body = parse_id(&ctx, &body)?;
    state.store.remove_campaign_target(actor, id, body).await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct RemindDto {
    /// when the reminder was queued (it goes out within seconds)
    pub queued_at: DateTime<Utc>,
}

/// «Remind the missing»: a reminder now to the chair and the secretary of
/// every target body that has not reported yet (once a minute at most).
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/remind", tag = "campaigns",
    responses((status = 200, body = RemindDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn remind(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<RemindDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let queued_at = state.store.remind_missing(actor, id).await?;
    state.jobs_wakeup.notify_one();
    Ok(Json(RemindDto { queued_at }))
}

#[derive(Serialize, ToSchema)]
pub struct BoardRowDto {
    pub body_id: Uuid,
    pub body_kind: String,
    pub region_id: Option<Uuid>,
    /// not_started, draft, submitted_on_time, submitted_late, returned, accepted or missing
    pub status: String,
    pub report_id: Option<Uuid>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub days_late: i64,
    /// whether the required meeting was held (absent when none is required)
    pub meeting_held: Option<bool>,
}

fn board_dto(r: BoardRow) -> BoardRowDto {
    BoardRowDto {
        body_id: r.body_id,
        body_kind: r.kind.as_str().into(),
        region_id: r.region_id,
        status: r.status.as_str().into(),
        report_id: r.report_id,
        submitted_at: r.submitted_at,
        days_late: r.days_late,
        meeting_held: r.meeting_held,
    }
}

/// The compliance board: one row per target body the caller may see.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/board", tag = "campaigns",
    responses((status = 200, body = [BoardRowDto]), (status = 403, body = ErrorBody)))]
pub async fn board(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<BoardRowDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let (_, rows) = state.store.campaign_board(actor, id).await?;
    Ok(Json(rows.into_iter().map(board_dto).collect()))
}

/// The synthesis of the submitted and accepted reports (the issuing body).
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/synthesis", tag = "campaigns",
    responses((status = 200, body = Object), (status = 403, body = ErrorBody)))]
pub async fn synthesis(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<serde_json::Value> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let (_, s) = state.store.campaign_synthesis(actor, id).await?;
    Ok(Json(serde_json::to_value(s).map_err(|e| {
        ctx.api_err(WebError::Internal(format!("synthesis: {e}")))
    })?))
}

#[derive(Deserialize, ToSchema)]
pub struct ReportRequest {
    /// The target body (on POST; a PUT keeps the report's).
    #[serde(default)]
    pub body_id: Option<Uuid>,
    /// {fields: {key: value}, sections: {key: text}}
    #[serde(default)]
    #[schema(value_type = Object)]
    pub answers: Answers,
    /// The meeting that evaluated (the campaign's required meeting).
    #[serde(default)]
    pub meeting_id: Option<Uuid>,
    /// The version read; a report changed since answers 409.
    #[serde(default)]
    pub version: Option<i32>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportEventDto {
    pub at: DateTime<Utc>,
    pub action: String,
    /// who acted, by name
    pub actor: Option<String>,
    pub comment: Option<String>,
    /// notes on fields and sections (`fields.<key>`, `sections.<key>`)
    pub notes: BTreeMap<String, String>,
}

#[derive(Serialize, ToSchema)]
pub struct ReportDto {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub body_id: Uuid,
    /// draft, submitted, returned or accepted
    pub state: String,
    #[schema(value_type = Object)]
    pub answers: Answers,
    pub meeting_id: Option<Uuid>,
    pub version: i32,
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// the issuing body's general comment when it returned the report
    pub review: Option<String>,
    /// its notes on fields and sections (`fields.<key>`, `sections.<key>`)
    pub review_notes: BTreeMap<String, String>,
    pub history: Vec<ReportEventDto>,
}

fn report_dto(r: Report, history: Vec<ReportEvent>) -> ReportDto {
    ReportDto {
        id: r.id,
        campaign_id: r.campaign_id,
        body_id: r.body_id,
        state: r.state.as_str().into(),
        answers: r.answers,
        meeting_id: r.meeting_id,
        version: r.version,
        first_submitted_at: r.first_submitted_at,
        submitted_at: r.submitted_at,
        review: r.review.as_ref().and_then(|v| v.comment.clone()),
        review_notes: r.review.map(|v| v.notes).unwrap_or_default(),
        history: history
            .into_iter()
            .map(|e| {
                let review = e.review.unwrap_or_default();
                ReportEventDto {
                    at: e.at,
                    action: e.action,
                    actor: e.actor,
                    comment: review.comment,
                    notes: review.notes,
                }
            })
            .collect(),
    }
}

/// A target body's report: created on first save, then saved as a draft.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/reports", tag = "campaigns", request_body = ReportRequest,
    responses((status = 200, body = ReportDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ReportRequest>,
) -> ApiResult<ReportDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let body = r.body_id.ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "body_id", "required",
        )))
    })?;
    let saved = state
        .store
        .save_report(actor, id, body, &r.answers, r.meeting_id, r.version)
        .await?;
    let (report, history) = state.store.report(actor, saved.id).await?;
    Ok(Json(report_dto(report, history)))
}

/// The reports of a campaign the caller may read.
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/reports", tag = "campaigns",
    responses((status = 200, body = [BoardRowDto]), (status = 403, body = ErrorBody)))]
pub async fn reports(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<BoardRowDto>> {
    board(State(state), ctx, Path(id)).await
}

/// A report with its history.
#[utoipa::path(get, path = "/api/v1/reports/{id}", tag = "campaigns",
    responses((status = 200, body = ReportDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<ReportDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let (r, history) = state.store.report(actor, id).await?;
    Ok(Json(report_dto(r, history)))
}

/// Saves a draft (or a returned report) again.
#[utoipa::path(put, path = "/api/v1/reports/{id}", tag = "campaigns", request_body = ReportRequest,
    responses((status = 200, body = ReportDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn put_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<ReportRequest>,
) -> ApiResult<ReportDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let (current, _) = state.store.report(actor, id).await?;
    let saved = state
        .store
        .save_report(
            actor,
            current.campaign_id,
            current.body_id,
            &r.answers,
            r.meeting_id,
            r.version,
        )
        .await?;
    let (report, history) = state.store.report(actor, saved.id).await?;
    Ok(Json(report_dto(report, history)))
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewRequest {
    /// a comment or a note is required to return a report
    #[serde(default)]
    pub comment: Option<String>,
    /// notes on fields and sections, keyed `fields.<key>` or `sections.<key>`
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// Submits (the target body), accepts or returns (the issuing body) a report.
#[utoipa::path(post, path = "/api/v1/reports/{id}/{action}", tag = "campaigns", request_body = ReviewRequest,
    params(("action" = String, Path, description = "submit, accept or return")),
    responses((status = 200, body = ReportDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn report_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, action)): Path<(String, String)>,
    body: axum::body::Bytes,
) -> ApiResult<ReportDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let Some(action) = ReportAction::parse(&action) else {
        return Err(ctx.api_err(WebError::not_found()));
    };
    // The body is optional: a submit or an accept needs none.
    let review = if body.iter().all(u8::is_ascii_whitespace) {
        ReviewRequest {
            comment: None,
            notes: BTreeMap::new(),
        }
    } else {
        serde_json::from_slice::<ReviewRequest>(&body)
            .map_err(|_| ctx.api_err(WebError::BadRequest))?
    };
    state
        .store
        .report_action(actor, id, action, review.comment.as_deref(), &review.notes)
        .await?;
    let (r, history) = state.store.report(actor, id).await?;
    Ok(Json(report_dto(r, history)))
}
