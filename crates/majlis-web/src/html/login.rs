//! Logging in and out, and switching the interface language.

use super::layout::{Chrome, FormState};
use super::{FormData, PageResult, render, render_status, safe_next, see_other};
use crate::auth::{
    Ctx, DEVICE_COOKIE, LANG_COOKIE, PRE_CSRF_COOKIE, SESSION_COOKIE, cookie, login_client, removal,
};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum_extra::extract::CookieJar;
use majlis_store::service::accounts::{SESSION_DAYS, random_token};
use majlis_store::service::login::LoginFailure;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: Chrome,
    form: FormState,
    error: Option<String>,
    next: String,
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

fn page(ctx: &Ctx, csrf: String, login: &str, error: Option<String>, next: String) -> LoginPage {
    let mut chrome = Chrome::new(ctx, ctx.lang.t("login-title"), "login", "/login");
    chrome.csrf = csrf;
    LoginPage {
        chrome,
        form: FormState::new().with("login", login),
        error,
        next,
    }
}

pub async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Query(q): Query<NextQuery>,
) -> PageResult {
    let next = safe_next(q.next.as_deref());
    if ctx.user.is_some() {
        return Ok(see_other(&next));
    }
    let csrf = ctx
        .pre_csrf
        .clone()
        .filter(|c| c.len() == 64)
        .unwrap_or_else(|| random_token(32));
    let jar = jar.add(cookie(&state, PRE_CSRF_COOKIE, csrf.clone(), None));
    Ok((jar, render(&page(&ctx, csrf, "", None, next))).into_response())
}

pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    form: FormData,
) -> PageResult {
    let next = safe_next(form.get("next"));
    let login = form.text("login");
    ctx.check_csrf(form.csrf())?;
    let password = form.text("password");
    let result = state
        .store
        .authenticate_from(&login, &password, &login_client(&ctx, &jar))
        .await?;
    let logged_in = match result {
        Ok(a) => a,
        Err(failure) => {
            let csrf = ctx.pre_csrf.clone().unwrap_or_default();
            let (status, message, retry) = match failure {
                LoginFailure::InvalidCredentials => {
                    (StatusCode::UNAUTHORIZED, ctx.lang.t("login-failed"), None)
                }
                LoginFailure::Throttled { retry_after } => {
                    let e = WebError::Locked(retry_after);
                    (e.status(), e.message(ctx.lang), Some(retry_after))
                }
            };
            let mut res = render_status(status, &page(&ctx, csrf, &login, Some(message), next));
            if let Some(s) = retry
                && let Ok(v) = axum::http::HeaderValue::from_str(&s.to_string())
            {
                res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
            return Ok(res);
        }
    };
    let account = logged_in.account;
    // A new session id on every login (no fixation); the old one is closed.
    if let Some(old) = ctx.user.as_ref().and_then(|u| u.session_token.as_deref()) {
        state.store.delete_session(old).await?;
    }
    let (token, _csrf) = state.store.create_session(account.id).await?;
    let mut jar = jar
        .add(cookie(&state, SESSION_COOKIE, token, Some(SESSION_DAYS)))
        .add(cookie(&state, DEVICE_COOKIE, logged_in.device, Some(365)))
        .remove(removal(&state, PRE_CSRF_COOKIE));
    if let Some(l) = account.locale.as_deref().and_then(Lang::parse) {
        jar = jar.add(cookie(&state, LANG_COOKIE, l.code().into(), Some(365)));
    }
    Ok((jar, see_other(&next)).into_response())
}

pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    form: FormData,
) -> PageResult {
    if let Some(user) = &ctx.user {
        ctx.check_csrf(form.csrf())?;
        if let Some(t) = &user.session_token {
            state.store.delete_session(t).await?;
        }
    }
    Ok((
        jar.remove(removal(&state, SESSION_COOKIE)),
        see_other("/login"),
    )
        .into_response())
}

/// The language switcher: a cookie, nothing else (safe as a GET).
/// Switches the interface language (a POST from the header's buttons: it
/// sets a cookie, so it is no link that another site could make one follow).
pub async fn switch_lang(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    form: FormData,
) -> PageResult {
    if ctx.user.is_some() {
        ctx.check_csrf(form.csrf())?;
    }
    let lang = Lang::parse(&form.text("code")).ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    let jar = jar.add(cookie(&state, LANG_COOKIE, lang.code().into(), Some(365)));
    Ok((jar, see_other(&safe_next(form.get("next")))).into_response())
}
