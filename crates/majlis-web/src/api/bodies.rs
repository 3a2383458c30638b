use super::dto::{
    BodiesPageDto, BodyDto, BodyRequest, ErrorBody, MemberDto, MembershipDto, PersonDto,
};
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use majlis_domain::permissions;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct BodyQuery {
    /// Search in names and city (Arabic normalized).
    q: Option<String>,
    /// Include archived bodies.
    include_archived: Option<bool>,
    /// Page number, from 1.
    page: Option<u64>,
    /// Bodies a page (50 by default, at most 200).
    per_page: Option<u64>,
}

/// Bodies the caller may see (every body for the national executive), a page at a time.
#[utoipa::path(get, path = "/api/v1/bodies", tag = "bodies", params(BodyQuery),
    responses((status = 200, body = BodiesPageDto), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    super::ApiQuery(q): super::ApiQuery<BodyQuery>,
) -> ApiResult<BodiesPageDto> {
    let actor = ctx.actor()?;
    let query: String = q.q.unwrap_or_default().chars().take(200).collect();
    let page = state
        .store
        .visible_bodies_page(
            actor,
            &query,
            q.include_archived.unwrap_or(false),
            q.page.unwrap_or(1).clamp(1, 1_000_000),
            q.per_page.unwrap_or(50),
        )
        .await?;
    Ok(Json(BodiesPageDto {
        items: page.items.into_iter().map(BodyDto::from).collect(),
        page: page.page,
        per_page: page.per_page,
        total: page.total,
    }))
}

/// Creates a body (national executive and admins).
#[utoipa::path(post, path = "/api/v1/bodies", tag = "bodies", request_body = BodyRequest,
    responses((status = 200, body = BodyDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<BodyRequest>,
) -> ApiResult<BodyDto> {
    let actor = writable(&ctx)?;
    let b = state.store.create_body(actor, &req.into()).await?;
    Ok(Json(b.into()))
}

/// One body.
#[utoipa::path(get, path = "/api/v1/bodies/{id}", tag = "bodies",
    responses((status = 200, body = BodyDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<BodyDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let (body, _) = state.store.visible_body(actor, id).await?;
    Ok(Json(body.into()))
}

/// Replaces a body's fields (moving it in the tree is for the national executive).
#[utoipa::path(patch, path = "/api/v1/bodies/{id}", tag = "bodies", request_body = BodyRequest,
    responses((status = 200, body = BodyDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<BodyRequest>,
) -> ApiResult<BodyDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let b = state.store.update_body(actor, id, &req.into()).await?;
    Ok(Json(b.into()))
}

/// Archives a body (refused while it has active sub-bodies).
#[utoipa::path(post, path = "/api/v1/bodies/{id}/archive", tag = "bodies",
    responses((status = 200, body = BodyDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<BodyDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let b = state.store.archive_body(actor, id).await?;
    Ok(Json(b.into()))
}

/// Current and past members of a body.
#[utoipa::path(get, path = "/api/v1/bodies/{id}/members", tag = "memberships",
    responses((status = 200, body = [MemberDto]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn members(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<MemberDto>> {
    let id = parse_id(&ctx, &id)?;
    let actor = ctx.actor()?;
    let (_, lineage) = state.store.visible_body(actor, id).await?;
    let contact = permissions::can_manage_memberships(actor, &lineage);
    let rows = state.store.body_members(actor, id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| {
                let own = actor.person_id == Some(r.person.id);
                MemberDto {
                    membership: MembershipDto::from(r.membership),
                    person: PersonDto::new(r.person, contact || own),
                }
            })
            .collect(),
    ))
}

/// A campaign as one body sees it.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct BodyCampaignDto {
    pub campaign_id: uuid::Uuid,
    pub title: String,
    pub issuing_body_id: uuid::Uuid,
    /// The body issued it; otherwise it is one of its targets (a measure
    /// asked of it).
    pub issued: bool,
    /// launched or closed
    pub state: String,
    /// YYYY-MM-DD
    pub due_on: chrono::NaiveDate,
    pub grace_days: i64,
    /// The kind of meeting the body must hold, if any.
    pub meeting_kind: Option<String>,
    pub report_required: bool,
    /// The body's own report: draft, submitted, returned or accepted (none
    /// before its first save; always none for the issuer).
    pub report_state: Option<String>,
}

/// One body's view across its campaigns: those it issued and those asking
/// it for a meeting or a report, the latest deadline first (at most 20).
#[utoipa::path(get, path = "/api/v1/bodies/{id}/campaigns", tag = "campaigns",
    responses((status = 200, body = [BodyCampaignDto]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn campaigns(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<BodyCampaignDto>> {
    let id = parse_id(&ctx, &id)?;
    let list = state.store.body_campaigns(ctx.actor()?, id).await?;
    Ok(Json(
        list.into_iter()
            .map(|bc| BodyCampaignDto {
                campaign_id: bc.campaign.id,
                title: bc.campaign.title,
                issuing_body_id: bc.campaign.issuing_body_id,
                issued: bc.issued,
                state: bc.campaign.state.as_str().into(),
                due_on: bc.campaign.due_on,
                grace_days: bc.campaign.grace_days,
                meeting_kind: bc.campaign.meeting_kind.map(|k| k.as_str().into()),
                report_required: bc.campaign.template_id.is_some(),
                report_state: bc.report.map(|s| s.as_str().into()),
            })
            .collect(),
    ))
}
