//! Communiqués over the JSON API: for the secretariat, the list, a draft
//! from a meeting's record, create, edit (an erratum once published), the
//! steps of their life and the moderation of comments; for everyone, the
//! public read API — published communiqués and approved comments, never an
//! e-mail or a client address (none is kept).

use super::dto::ErrorBody;
use super::{ApiJson, ApiQuery, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use majlis_domain::DomainError;
use majlis_domain::communique::{CommuniqueAction, CommuniqueInput};
use majlis_store::service::comments::{CommentState, PublicComment};
use majlis_store::service::communiques::Communique;
use majlis_store::service::public_site::PublicFilter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Serialize, ToSchema)]
pub struct CommuniqueDto {
    pub id: Uuid,
    pub body_id: Uuid,
    pub meeting_id: Option<Uuid>,
    /// shared with its translations
    pub group_id: Uuid,
    pub lang: String,
    pub title: String,
    pub slug: String,
    /// Markdown
    pub body: String,
    pub tags: Vec<String>,
    /// draft, in_review, approved, scheduled, published, corrected or withdrawn
    pub state: String,
    pub publish_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub corrected_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawal_note: Option<String>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

fn dto(c: Communique) -> CommuniqueDto {
    CommuniqueDto {
        id: c.id,
        body_id: c.body_id,
        meeting_id: c.meeting_id,
        group_id: c.group_id,
        lang: c.lang,
        title: c.title,
        slug: c.slug,
        body: c.body,
        tags: c.tags,
        state: c.state.as_str().into(),
        publish_at: c.publish_at,
        published_at: c.published_at,
        corrected_at: c.corrected_at,
        withdrawn_at: c.withdrawn_at,
        withdrawal_note: c.withdrawal_note,
        version: c.version,
        updated_at: c.updated_at,
    }
}

/// The communiqués of the bodies the caller may see, the latest changed first.
#[utoipa::path(get, path = "/api/v1/communiques", tag = "communiques",
    responses((status = 200, body = [CommuniqueDto]), (status = 401, body = ErrorBody)))]
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<CommuniqueDto>> {
    let list = state.store.communiques(ctx.actor()?, 200).await?;
    Ok(Json(list.into_iter().map(dto).collect()))
}

#[derive(Deserialize, ToSchema)]
pub struct CommuniqueRequest {
    /// the issuing body (on POST)
    #[serde(default)]
    pub body_id: Option<Uuid>,
    #[serde(default)]
    pub meeting_id: Option<Uuid>,
    /// the communiqué this one translates (on POST)
    #[serde(default)]
    pub translation_of: Option<Uuid>,
    pub title: String,
    pub body: String,
    /// ar, fr or en (ar by default)
    #[serde(default)]
    pub lang: String,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// the version read (on PUT); a communiqué changed since answers 409
    #[serde(default)]
    pub version: Option<i32>,
    /// what an erratum corrects (on PUT of a published communiqué)
    #[serde(default)]
    pub note: Option<String>,
}

fn input(r: &CommuniqueRequest) -> CommuniqueInput {
    CommuniqueInput {
        title: r.title.clone(),
        body: r.body.clone(),
        lang: r.lang.clone(),
        slug: r.slug.clone(),
        tags: r.tags.clone(),
    }
}

/// A new draft in the name of a body (those who run it).
#[utoipa::path(post, path = "/api/v1/communiques", tag = "communiques", request_body = CommuniqueRequest,
    responses((status = 200, body = CommuniqueDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(r): ApiJson<CommuniqueRequest>,
) -> ApiResult<CommuniqueDto> {
    let actor = writable(&ctx)?;
    let body = r.body_id.ok_or_else(|| {
        ctx.api_err(WebError::Domain(DomainError::invalid(
            "body_id", "required",
        )))
    })?;
    let c = state
        .store
        .create_communique(actor, body, r.meeting_id, r.translation_of, &input(&r))
        .await?;
    Ok(Json(dto(c)))
}

/// One communiqué, for those who may see its body.
#[utoipa::path(get, path = "/api/v1/communiques/{id}", tag = "communiques",
    responses((status = 200, body = CommuniqueDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_one(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<CommuniqueDto> {
    let id = parse_id(&ctx, &id)?;
    let (c, _, _) = state.store.communique(ctx.actor()?, id).await?;
    Ok(Json(dto(c)))
}

/// Edits a communiqué: freely while a draft or in review, as an erratum
/// (`note` required, chair or secretary) once published.
#[utoipa::path(put, path = "/api/v1/communiques/{id}", tag = "communiques", request_body = CommuniqueRequest,
    responses((status = 200, body = CommuniqueDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<CommuniqueRequest>,
) -> ApiResult<CommuniqueDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let c = state
        .store
        .edit_communique(actor, id, &input(&r), r.version, r.note.as_deref())
        .await?;
    Ok(Json(dto(c)))
}

#[derive(Deserialize, ToSchema, Default)]
pub struct ActionRequest {
    /// when to publish (schedule)
    #[serde(default)]
    pub publish_at: Option<DateTime<Utc>>,
    /// why it is withdrawn (withdraw)
    #[serde(default)]
    pub note: Option<String>,
}

/// A step: submit, reject, approve, publish, schedule, unschedule or withdraw.
#[utoipa::path(post, path = "/api/v1/communiques/{id}/{action}", tag = "communiques", request_body = ActionRequest,
    responses((status = 200, body = CommuniqueDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, action)): Path<(String, String)>,
    ApiJson(r): ApiJson<ActionRequest>,
) -> ApiResult<CommuniqueDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let action = CommuniqueAction::parse(&action)
        .ok_or_else(|| ctx.api_err(WebError::Domain(DomainError::NotFound)))?;
    let c = state
        .store
        .communique_action(actor, id, action, r.publish_at, r.note.as_deref())
        .await?;
    Ok(Json(dto(c)))
}

#[derive(Deserialize, ToSchema)]
pub struct ModerateRequest {
    pub ids: Vec<Uuid>,
    /// approve, reject or spam
    pub decision: String,
}

#[derive(Serialize, ToSchema)]
pub struct ModeratedDto {
    pub changed: u64,
}

/// Approves, rejects or marks as spam comments in bulk (at most 200).
#[utoipa::path(post, path = "/api/v1/comments/moderate", tag = "communiques", request_body = ModerateRequest,
    responses((status = 200, body = ModeratedDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn moderate(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(r): ApiJson<ModerateRequest>,
) -> ApiResult<ModeratedDto> {
    let actor = writable(&ctx)?;
    let to = match r.decision.as_str() {
        "approve" => CommentState::Approved,
        "reject" => CommentState::Rejected,
        "spam" => CommentState::Spam,
        _ => {
            return Err(ctx.api_err(WebError::Domain(DomainError::invalid(
                "decision",
                "invalid_choice",
            ))));
        }
    };
    let changed = state.store.moderate_comments(actor, &r.ids, to).await?;
    Ok(Json(ModeratedDto { changed }))
}

/// A published communiqué for the public.
#[derive(Serialize, ToSchema)]
pub struct PublicCommuniqueDto {
    pub slug: String,
    pub lang: String,
    pub title: String,
    /// Markdown
    pub body: String,
    pub tags: Vec<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub corrected_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawal_note: Option<String>,
    /// the slugs of its public translations
    pub translations: Vec<String>,
}

fn public_dto(c: Communique, translations: Vec<String>) -> PublicCommuniqueDto {
    PublicCommuniqueDto {
        slug: c.slug,
        lang: c.lang,
        title: c.title,
        body: c.body,
        tags: c.tags,
        published_at: c.published_at,
        corrected_at: c.corrected_at,
        withdrawn_at: c.withdrawn_at,
        withdrawal_note: c.withdrawal_note,
        translations,
    }
}

#[derive(Deserialize, IntoParams)]
pub struct PublicQuery {
    /// from 1
    page: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct PublicPageDto {
    pub items: Vec<PublicCommuniqueDto>,
    pub total: u64,
    pub page: u64,
}

/// Published communiqués, the latest first, 20 a page (no account needed).
#[utoipa::path(get, path = "/api/v1/public/communiques", tag = "public", params(PublicQuery),
    responses((status = 200, body = PublicPageDto)))]
pub async fn public_list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<PublicQuery>,
) -> ApiResult<PublicPageDto> {
    let page = q.page.unwrap_or(1).clamp(1, 10_000);
    let (list, total) = state
        .store
        .public_communiques(Utc::now(), &PublicFilter::default(), page, 20)
        .await?;
    Ok(Json(PublicPageDto {
        items: list
            .into_iter()
            .map(|c| public_dto(c, Vec::new()))
            .collect(),
        total,
        page,
    }))
}

/// One published communiqué by its slug (no account needed).
#[utoipa::path(get, path = "/api/v1/public/communiques/{slug}", tag = "public",
    responses((status = 200, body = PublicCommuniqueDto), (status = 404, body = ErrorBody)))]
pub async fn public_one(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> ApiResult<PublicCommuniqueDto> {
    let (c, translations) = state.store.public_communique(Utc::now(), &slug).await?;
    Ok(Json(public_dto(
        c,
        translations.into_iter().map(|t| t.slug).collect(),
    )))
}

#[derive(Serialize, ToSchema)]
pub struct PublicCommentDto {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PublicCommentsDto {
    pub items: Vec<PublicCommentDto>,
    pub total: u64,
    pub page: u64,
}

fn comment_dto(c: PublicComment) -> PublicCommentDto {
    PublicCommentDto {
        id: c.id,
        parent_id: c.parent_id,
        name: c.name,
        text: c.text,
        created_at: c.created_at,
    }
}

/// The approved comments of a published communiqué, 50 a page (no account
/// needed; names and texts only).
#[utoipa::path(get, path = "/api/v1/public/communiques/{slug}/comments", tag = "public", params(PublicQuery),
    responses((status = 200, body = PublicCommentsDto), (status = 404, body = ErrorBody)))]
pub async fn public_comments(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    ApiQuery(q): ApiQuery<PublicQuery>,
) -> ApiResult<PublicCommentsDto> {
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let (c, _) = state.store.public_communique(Utc::now(), &slug).await?;
    let (list, total) = state.store.public_comments(c.id, page).await?;
    Ok(Json(PublicCommentsDto {
        items: list.into_iter().map(comment_dto).collect(),
        total,
        page,
    }))
}
