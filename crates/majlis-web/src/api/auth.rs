use super::ApiJson;
use super::dto::{AccountDto, ErrorBody, LoginRequest, LoginResponse};
use crate::auth::{Ctx, DEVICE_COOKIE, SESSION_COOKIE, cookie, login_client, removal};
use crate::error::{ApiError, WebError};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use majlis_domain::DomainError;
use majlis_store::service::accounts::SESSION_DAYS;
use majlis_store::service::login::LoginFailure;

/// Opens a session (cookie) for an API client.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let result = state
        .store
        .authenticate_from(&req.login, &req.password, &login_client(&ctx, &jar))
        .await?;
    let logged_in = match result {
        Ok(a) => a,
        Err(LoginFailure::Throttled { retry_after }) => {
            return Err(ctx.api_err(WebError::Locked(retry_after)));
        }
        Err(LoginFailure::InvalidCredentials) => {
            return Err(ctx.api_err(WebError::Domain(DomainError::Unauthenticated)));
        }
    };
    let account = logged_in.account;
    if let Some(old) = ctx.user.as_ref().and_then(|u| u.session_token.as_deref()) {
        state.store.delete_session(old).await?;
    }
    let (token, csrf) = state.store.create_session(account.id).await?;
    let jar = jar
        .add(cookie(&state, SESSION_COOKIE, token, Some(SESSION_DAYS)))
        .add(cookie(&state, DEVICE_COOKIE, logged_in.device, Some(365)));
    Ok((
        jar,
        Json(LoginResponse {
            account: AccountDto::from(&account),
            csrf_token: csrf,
        }),
    )
        .into_response())
}

/// Closes the session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses((status = 204), (status = 403, body = ErrorBody)))]
pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
) -> Result<Response, ApiError> {
    if let Some(user) = &ctx.user {
        ctx.check_csrf(None)?;
        if let Some(t) = &user.session_token {
            state.store.delete_session(t).await?;
        }
    }
    Ok((
        jar.remove(removal(&state, SESSION_COOKIE)),
        StatusCode::NO_CONTENT,
    )
        .into_response())
}
