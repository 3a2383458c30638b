use super::dto::{
    EndRequest, ErrorBody, MembershipDto, MembershipRequest, PeoplePageDto, PersonDto,
    PersonMembershipDto, PersonRequest,
};
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use majlis_domain::{DomainError, MembershipInput, permissions};
use majlis_store::PeopleQuery;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
pub struct PeopleParams {
    /// Search in names and member number (Arabic normalized).
    q: Option<String>,
    /// 1-based page number.
    page: Option<u64>,
    /// Page size, at most 200 (default 50).
    per_page: Option<u64>,
}

/// The directory: everyone for the national executive, else the people of the caller's bodies.
#[utoipa::path(get, path = "/api/v1/people", tag = "people", params(PeopleParams),
    responses((status = 200, body = PeoplePageDto), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    super::ApiQuery(p): super::ApiQuery<PeopleParams>,
) -> ApiResult<PeoplePageDto> {
    let actor = ctx.actor()?;
    let national = permissions::can_list_all_people(actor);
    let q = PeopleQuery {
        q: p.q.unwrap_or_default().chars().take(200).collect(),
        page: p.page.unwrap_or(1).clamp(1, 1_000_000),
        per_page: p.per_page.unwrap_or(50),
        include_archived: false,
    };
    let page = state.store.directory(actor, &q).await?;
    let items = page
        .items
        .into_iter()
        .map(|person| {
            let contact = national || actor.person_id == Some(person.id);
            PersonDto::new(person, contact)
        })
        .collect();
    Ok(Json(PeoplePageDto {
        items,
        page: page.page,
        per_page: page.per_page,
        total: page.total,
    }))
}

/// Registers a person.
#[utoipa::path(post, path = "/api/v1/people", tag = "people", request_body = PersonRequest,
    responses((status = 200, body = PersonDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<PersonRequest>,
) -> ApiResult<PersonDto> {
    let actor = writable(&ctx)?;
    let p = state.store.create_person(actor, &req.into()).await?;
    Ok(Json(PersonDto::new(p, true)))
}

/// One person; contact fields only for those allowed.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "people",
    responses((status = 200, body = PersonDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<PersonDto> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    let (p, lineages) = state.store.visible_person(actor, id).await?;
    Ok(Json(PersonDto::new(
        p,
        permissions::can_see_contact(actor, id, &lineages),
    )))
}

/// Replaces a person's fields.
#[utoipa::path(patch, path = "/api/v1/people/{id}", tag = "people", request_body = PersonRequest,
    responses((status = 200, body = PersonDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<PersonRequest>,
) -> ApiResult<PersonDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let p = state.store.update_person(actor, id, &req.into()).await?;
    Ok(Json(PersonDto::new(p, true)))
}

/// Archives a person.
#[utoipa::path(post, path = "/api/v1/people/{id}/archive", tag = "people",
    responses((status = 200, body = PersonDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<PersonDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let p = state.store.archive_person(actor, id).await?;
    Ok(Json(PersonDto::new(p, true)))
}

/// A person's bodies and roles, current and past.
#[utoipa::path(get, path = "/api/v1/people/{id}/memberships", tag = "memberships",
    responses((status = 200, body = [PersonMembershipDto]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn memberships(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<PersonMembershipDto>> {
    let actor = ctx.actor()?;
    let id = parse_id(&ctx, &id)?;
    state.store.visible_person(actor, id).await?;
    let rows = state.store.person_memberships(actor, id).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| PersonMembershipDto {
                membership: r.membership.into(),
                body: r.body.into(),
            })
            .collect(),
    ))
}

/// Assigns a role in a body for a period.
#[utoipa::path(post, path = "/api/v1/memberships", tag = "memberships", request_body = MembershipRequest,
    responses((status = 200, body = MembershipDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_membership(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<MembershipRequest>,
) -> ApiResult<MembershipDto> {
    let actor = writable(&ctx)?;
    let input = MembershipInput {
        person_id: req.person_id,
        body_id: req.body_id,
        role: req.role,
        starts_on: req.starts_on,
        ends_on: req.ends_on,
    };
    let m = state
        .store
        .add_membership(actor, &input, ctx.today())
        .await?;
    Ok(Json(m.into()))
}

/// Ends a membership (it stays on record as a past membership).
#[utoipa::path(post, path = "/api/v1/memberships/{id}/end", tag = "memberships", request_body = EndRequest,
    responses((status = 200, body = MembershipDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn end_membership(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<MembershipDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    // The body is optional: empty means "ends now".
    let req: EndRequest = if body.iter().all(u8::is_ascii_whitespace) {
        EndRequest::default()
    } else {
        serde_json::from_slice(&body).map_err(|_| ctx.api_err(WebError::BadRequest))?
    };
    let on = match req.on.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
            ctx.api_err(WebError::Domain(DomainError::invalid("on", "invalid_date")))
        })?,
        None => ctx.today().pred_opt().unwrap_or_else(|| ctx.today()),
    };
    let m = state.store.end_membership(actor, id, on).await?;
    Ok(Json(m.into()))
}
