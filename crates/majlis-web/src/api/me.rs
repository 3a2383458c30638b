use super::dto::{
    AccountDto, AuditEventDto, ErrorBody, MeDto, NewTokenDto, RoleDto, RoleInfoDto, TokenDto,
    TokenRequest,
};
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use majlis_domain::{DomainError, permissions};

/// The authenticated account and its current roles.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", responses((status = 200, body = MeDto), (status = 401, body = ErrorBody)))]
pub async fn me(ctx: Ctx) -> ApiResult<MeDto> {
    let user = ctx.user()?;
    let roles = user
        .actor
        .roles
        .iter()
        .map(|r| RoleDto {
            body_id: r.body_id,
            body_kind: r.body_kind.as_str().into(),
            role: r.role.0.clone(),
        })
        .collect();
    Ok(Json(MeDto {
        account: AccountDto::from(&user.account),
        roles,
    }))
}

/// My API tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/me/tokens", tag = "accounts", responses((status = 200, body = [TokenDto])))]
pub async fn tokens(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<TokenDto>> {
    let user = ctx.user()?;
    let list = state.store.api_tokens(user.account.id).await?;
    Ok(Json(list.into_iter().map(TokenDto::from).collect()))
}

/// Creates a personal API token; the secret is returned once.
#[utoipa::path(post, path = "/api/v1/me/tokens", tag = "accounts", request_body = TokenRequest,
    responses((status = 200, body = NewTokenDto), (status = 422, body = ErrorBody)))]
pub async fn create_token(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<TokenRequest>,
) -> ApiResult<NewTokenDto> {
    super::session_writable(&ctx)?;
    let user = ctx.user()?;
    let (t, secret) = state
        .store
        .create_api_token(user.account.id, &req.name)
        .await?;
    Ok(Json(NewTokenDto {
        token: t.into(),
        secret: secret.0,
    }))
}

/// Revokes one of my tokens.
#[utoipa::path(delete, path = "/api/v1/me/tokens/{id}", tag = "accounts", responses((status = 200, body = TokenDto), (status = 404, body = ErrorBody)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<TokenDto> {
    writable(&ctx)?;
    let user = ctx.user()?;
    let id = parse_id(&ctx, &id)?;
    let t = state.store.revoke_api_token(user.account.id, id).await?;
    Ok(Json(t.into()))
}

/// The roles that can be held in a body.
#[utoipa::path(get, path = "/api/v1/roles", tag = "memberships", responses((status = 200, body = [RoleInfoDto])))]
pub async fn roles(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<RoleInfoDto>> {
    ctx.user()?;
    let roles = state.store.roles().await?;
    Ok(Json(
        roles
            .into_iter()
            .map(|r| RoleInfoDto {
                key: r.key,
                name_ar: r.name_ar,
                name_ar_female: r.name_ar_female,
                name_fr: r.name_fr,
                name_en: r.name_en,
                builtin: r.builtin,
                manages: r.manages,
            })
            .collect(),
    ))
}

/// The audit log of an entity (body, person, membership, account, api_token), admins only.
#[utoipa::path(get, path = "/api/v1/audit/{kind}/{id}", tag = "audit", responses((status = 200, body = [AuditEventDto]), (status = 403, body = ErrorBody)))]
pub async fn audit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((kind, id)): Path<(String, String)>,
) -> ApiResult<Vec<AuditEventDto>> {
    let actor = ctx.actor()?;
    if !permissions::can_view_audit(actor) {
        return Err(ctx.api_err(WebError::Domain(DomainError::Forbidden)));
    }
    let id = parse_id(&ctx, &id)?;
    let events = state.store.audit_for(actor, &kind, id, 500).await?;
    Ok(Json(
        events
            .into_iter()
            .map(|e| AuditEventDto {
                id: e.id,
                at: e.at,
                actor_id: e.actor_id,
                action: e.action,
                entity_type: e.entity_type,
                entity_id: e.entity_id,
                before: e.before,
                after: e.after,
            })
            .collect(),
    ))
}
