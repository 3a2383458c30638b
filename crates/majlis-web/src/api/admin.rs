//! Administration over the API: accounts, organization settings, roles.

use super::dto::{AccountDto, ErrorBody, RoleInfoDto};
use super::{ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use majlis_domain::{Digits, DomainError, OrgSettings};
use majlis_store::NewAccount;
use majlis_store::service::roles::RoleInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Deserialize, ToSchema)]
pub struct AccountRequest {
    pub username: String,
    #[serde(default)]
    pub email: Option<String>,
    pub password: String,
    #[serde(default)]
    pub person_id: Option<Uuid>,
    #[serde(default)]
    pub is_admin: bool,
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordRequest {
    pub password: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct SettingsDto {
    pub name_ar: String,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub short_name: String,
    /// ar, fr or en
    pub default_locale: String,
    /// ar-MA, ar-DZ, ar-TN, ar-EG, ar-SY, ar-LB, ar-SA or ar
    pub date_locale: String,
    /// western or arabic_indic
    pub digits: String,
    /// IANA zone, e.g. Africa/Casablanca
    pub time_zone: String,
    pub show_hijri: bool,
    /// The organization's colour, `#rrggbb` (dark enough for white text on
    /// it); absent or empty for majlis's green.
    #[serde(default)]
    pub brand_color: Option<String>,
    /// The logo's address (read only; set on the settings page).
    #[serde(default)]
    pub logo_url: Option<String>,
}

impl From<OrgSettings> for SettingsDto {
    fn from(s: OrgSettings) -> Self {
        Self {
            name_ar: s.name_ar,
            name_fr: s.name_fr,
            name_en: s.name_en,
            short_name: s.short_name,
            default_locale: s.default_locale,
            date_locale: s.date_locale,
            digits: s.digits.as_str().into(),
            time_zone: s.time_zone,
            show_hijri: s.show_hijri,
            brand_color: s.brand_color,
            logo_url: s.logo.map(|id| format!("/logo/{id}")),
        }
    }
}

#[derive(Deserialize, ToSchema)]
pub struct RoleRequest {
    /// lowercase letters and `_`
    pub key: String,
    pub name_ar: String,
    #[serde(default)]
    pub name_ar_female: Option<String>,
    pub name_fr: String,
    pub name_en: String,
}

/// Every account (admins only).
#[utoipa::path(get, path = "/api/v1/accounts", tag = "admin", responses((status = 200, body = [AccountDto]), (status = 403, body = ErrorBody)))]
pub async fn accounts(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Vec<AccountDto>> {
    let list = state.store.accounts(ctx.actor()?).await?;
    Ok(Json(list.iter().map(AccountDto::from).collect()))
}

/// Creates an account (admins only).
#[utoipa::path(post, path = "/api/v1/accounts", tag = "admin", request_body = AccountRequest,
    responses((status = 200, body = AccountDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_account(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<AccountRequest>,
) -> ApiResult<AccountDto> {
    let actor = super::session_writable(&ctx)?;
    let new = NewAccount {
        username: req.username,
        email: req.email,
        password: req.password,
        person_id: req.person_id,
        is_admin: req.is_admin,
    };
    let a = state.store.create_account(Some(actor), new).await?;
    Ok(Json(AccountDto::from(&a)))
}

/// Disables (`disable`) or re-enables (`enable`) an account; disabling closes its sessions.
#[utoipa::path(post, path = "/api/v1/accounts/{id}/{action}", tag = "admin",
    responses((status = 200, body = AccountDto), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn toggle_account(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, action)): Path<(String, String)>,
) -> ApiResult<AccountDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let disabled = match action.as_str() {
        "disable" => true,
        "enable" => false,
        _ => return Err(ctx.api_err(WebError::not_found())),
    };
    let a = state.store.set_disabled(Some(actor), id, disabled).await?;
    Ok(Json(AccountDto::from(&a)))
}

/// Sets an account's password (admins only); its sessions are closed.
#[utoipa::path(put, path = "/api/v1/accounts/{id}/password", tag = "admin", request_body = PasswordRequest,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn reset_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<PasswordRequest>,
) -> Result<axum::http::StatusCode, crate::error::ApiError> {
    let actor = super::session_writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    state
        .store
        .reset_password(Some(actor), id, &req.password)
        .await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// The organization's settings.
#[utoipa::path(get, path = "/api/v1/settings", tag = "admin", responses((status = 200, body = SettingsDto)))]
pub async fn settings(ctx: Ctx) -> ApiResult<SettingsDto> {
    ctx.user()?;
    Ok(Json(ctx.settings.clone().into()))
}

/// Replaces the organization's settings (admins only).
#[utoipa::path(put, path = "/api/v1/settings", tag = "admin", request_body = SettingsDto,
    responses((status = 200, body = SettingsDto), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<SettingsDto>,
) -> ApiResult<SettingsDto> {
    let actor = writable(&ctx)?;
    let Some(digits) = Digits::parse(&req.digits) else {
        return Err(ctx.api_err(WebError::Domain(DomainError::invalid(
            "digits",
            "invalid_choice",
        ))));
    };
    let input = OrgSettings {
        name_ar: req.name_ar,
        name_fr: req.name_fr,
        name_en: req.name_en,
        short_name: req.short_name,
        default_locale: req.default_locale,
        date_locale: req.date_locale,
        digits,
        time_zone: req.time_zone,
        show_hijri: req.show_hijri,
        brand_color: req.brand_color,
        logo: None,
    };
    let s = state.store.update_settings(actor, input).await?;
    Ok(Json(s.into()))
}

/// Adds a role that can be held in bodies (admins only). Added roles never
/// carry management rights.
#[utoipa::path(post, path = "/api/v1/roles", tag = "admin", request_body = RoleRequest,
    responses((status = 200, body = RoleInfoDto), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_role(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(req): ApiJson<RoleRequest>,
) -> ApiResult<RoleInfoDto> {
    let actor = writable(&ctx)?;
    let input = RoleInput {
        key: req.key,
        name_ar: req.name_ar,
        name_ar_female: req.name_ar_female,
        name_fr: req.name_fr,
        name_en: req.name_en,
    };
    let r = state.store.add_role(actor, input).await?;
    Ok(Json(RoleInfoDto {
        key: r.key,
        name_ar: r.name_ar,
        name_ar_female: r.name_ar_female,
        name_fr: r.name_fr,
        name_en: r.name_en,
        builtin: r.builtin,
        manages: r.manages,
    }))
}
