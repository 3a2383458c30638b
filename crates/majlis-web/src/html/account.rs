//! My account: preferred language and personal API tokens.

use super::layout::{Chrome, FormState, clean};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::{Ctx, LANG_COOKIE, cookie};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum_extra::extract::CookieJar;

pub struct TokenView {
    pub id: String,
    pub name: String,
    pub created: String,
    pub state: String,
    pub live: bool,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    form: FormState,
    username: String,
    locales: Vec<(String, String)>,
    tokens: Vec<TokenView>,
    new_secret: Option<String>,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    form: FormState,
    new_secret: Option<String>,
) -> Result<AccountPage, WebError> {
    let user = ctx.user()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tokens = state
        .store
        .api_tokens(user.account.id)
        .await?
        .into_iter()
        .map(|t| TokenView {
            id: t.id.to_string(),
            name: clean(&t.name),
            created: dates.date(t.created_at.date_naive()),
            state: lang.t(if t.revoked_at.is_some() {
                "account-token-revoked"
            } else {
                "account-token-live"
            }),
            live: t.revoked_at.is_none(),
        })
        .collect();
    let mut locales = vec![(String::new(), lang.t("account-locale-auto"))];
    locales.extend(
        Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), l.native_name().to_string())),
    );
    let form = if form.value("locale").is_empty() {
        form.with("locale", user.account.locale.clone().unwrap_or_default())
    } else {
        form
    };
    Ok(AccountPage {
        chrome: Chrome::new(ctx, lang.t("account-title"), "account", "/account"),
        form,
        username: user.account.username.clone(),
        locales,
        tokens,
        new_secret,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/account") {
        return Ok(r);
    }
    Ok(render(&page(&state, &ctx, FormState::new(), None).await?))
}

pub async fn set_locale(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    form: FormData,
) -> PageResult {
    let user = ctx.user()?;
    ctx.check_csrf(form.csrf())?;
    let locale = form.get("locale").filter(|l| !l.is_empty());
    state.store.set_locale(user.account.id, locale).await?;
    let jar = match locale.and_then(Lang::parse) {
        Some(l) => jar.add(cookie(&state, LANG_COOKIE, l.code().into(), Some(365))),
        None => jar.remove(crate::auth::removal(&state, LANG_COOKIE)),
    };
    Ok((jar, see_other("/account")).into_response())
}

pub async fn create_token(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    let user = ctx.user()?;
    ctx.check_csrf(form.csrf())?;
    match state
        .store
        .create_api_token(user.account.id, &form.text("name"))
        .await
    {
        // The secret is shown once, in this response, and never stored.
        Ok((_, secret)) => Ok(render(
            &page(&state, &ctx, FormState::new(), Some(secret.0)).await?,
        )),
        Err(e) => {
            let e: WebError = e.into();
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page(&state, &ctx, fs, None).await?,
            ))
        }
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    let user = ctx.user()?;
    ctx.check_csrf(form.csrf())?;
    state
        .store
        .revoke_api_token(user.account.id, parse_id(&id)?)
        .await?;
    Ok(see_other("/account"))
}
