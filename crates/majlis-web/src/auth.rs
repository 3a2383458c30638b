//! Who is asking, and in which language: the request context.
//!
//! Sessions are rows in the database (cookie value hashed), so several majlis
//! processes can serve the same users. Cookies are `HttpOnly`, `SameSite=Lax`
//! and `Secure` unless explicitly turned off for plain-HTTP development. Every
//! state-changing form carries the session's CSRF token; API clients on a
//! session send it as `X-CSRF-Token`; bearer-token clients need none.

use crate::error::{ApiError, PageError, WebError};
use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use majlis_domain::{Actor, DomainError, OrgSettings};
use majlis_store::Account;

pub const SESSION_COOKIE: &str = "majlis_session";
pub const LANG_COOKIE: &str = "majlis_lang";
pub const PRE_CSRF_COOKIE: &str = "majlis_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";
/// Set on a successful login: the device the account's owner used before
/// (lets the owner past the account's login delay; see `majlis_domain::login`).
pub const DEVICE_COOKIE: &str = "majlis_device";

/// Where a login attempt comes from: the client's address and device cookie.
pub fn login_client(ctx: &Ctx, jar: &CookieJar) -> majlis_store::service::login::LoginClient {
    majlis_store::service::login::LoginClient {
        address: ctx.client_ip,
        device: jar
            .get(DEVICE_COOKIE)
            .map(|c| c.value().to_string())
            .filter(|v| v.len() <= 128),
    }
}

/// An authenticated user.
#[derive(Debug, Clone)]
pub struct User {
    pub account: Account,
    pub actor: Actor,
    /// The session's CSRF token; `None` for bearer-token requests.
    pub csrf: Option<String>,
    pub session_token: Option<String>,
    /// The person's names (Arabic, Latin) when the account is someone's.
    pub names: Option<(String, Option<String>)>,
    /// The person's gender, when the account is someone's.
    pub gender: Option<majlis_domain::Gender>,
}

impl User {
    /// How the header names the user: the person's name as the language
    /// writes it (the Latin one in French and English when known), else the
    /// login.
    pub fn display_name(&self, lang: Lang) -> &str {
        match &self.names {
            Some((_, Some(latin))) if lang != Lang::Ar && !latin.is_empty() => latin,
            Some((ar, _)) => ar,
            None => &self.account.username,
        }
    }
}

/// The context of one request.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Lang,
    pub settings: OrgSettings,
    pub user: Option<User>,
    /// The anonymous double-submit CSRF cookie (login form).
    pub pre_csrf: Option<String>,
    /// The `X-CSRF-Token` header, if sent.
    pub csrf_header: Option<String>,
    pub is_api: bool,
    /// The client's address (the connection's, or the proxy's word for it).
    pub client_ip: Option<std::net::IpAddr>,
}

pub use majlis_store::service::accounts::tokens_equal;

/// The client's address: the last `X-Forwarded-For` entry when a proxy on
/// this machine is trusted to set it (and the connection does come from this
/// machine), else the connection's peer.
pub fn client_ip(parts: &Parts, trust_forwarded_for: bool) -> Option<std::net::IpAddr> {
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    client_ip_from(&parts.headers, peer, trust_forwarded_for)
}

/// `client_ip` from the headers and the connection's peer.
pub fn client_ip_from(
    headers: &axum::http::HeaderMap,
    peer: Option<std::net::IpAddr>,
    trust_forwarded_for: bool,
) -> Option<std::net::IpAddr> {
    if trust_forwarded_for
        && peer.is_none_or(|p| p.is_loopback())
        && let Some(ip) = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|h| h.to_str().ok())
            .flat_map(|h| h.split(','))
            .next_back()
            .and_then(|s| s.trim().parse().ok())
    {
        return Some(ip);
    }
    peer
}

impl Ctx {
    pub fn user(&self) -> Result<&User, WebError> {
        self.user
            .as_ref()
            .ok_or(WebError::Domain(DomainError::Unauthenticated))
    }

    pub fn actor(&self) -> Result<&Actor, WebError> {
        self.user().map(|u| &u.actor)
    }

    /// Checks a form's (or header's) CSRF token against the session's.
    pub fn check_csrf(&self, sent: Option<&str>) -> Result<(), WebError> {
        let sent = sent.or(self.csrf_header.as_deref()).unwrap_or("");
        let expected = match &self.user {
            Some(User { csrf: None, .. }) => return Ok(()), // bearer token
            Some(User { csrf: Some(c), .. }) => c.as_str(),
            None => self.pre_csrf.as_deref().unwrap_or(""),
        };
        if !expected.is_empty() && tokens_equal(expected, sent) {
            Ok(())
        } else {
            Err(WebError::CsrfFailed)
        }
    }

    /// The CSRF token to put in forms.
    pub fn csrf_token(&self) -> String {
        match &self.user {
            Some(User { csrf: Some(c), .. }) => c.clone(),
            _ => self.pre_csrf.clone().unwrap_or_default(),
        }
    }

    pub fn page_err(&self, e: impl Into<WebError>) -> PageError {
        PageError(e.into(), Some(self.lang))
    }

    pub fn api_err(&self, e: impl Into<WebError>) -> ApiError {
        ApiError(e.into(), Some(self.lang))
    }

    /// Today in the organization's time zone.
    pub fn today(&self) -> chrono::NaiveDate {
        majlis_store::service::today_in(&self.settings.time_zone)
    }

    /// Now on the organization's clock (its time zone).
    pub fn now_local(&self) -> chrono::NaiveDateTime {
        majlis_store::service::now_in(&self.settings.time_zone)
    }
}

/// Failure to build the context (the database is down, say).
pub struct CtxRejection(WebError, Lang, bool);

impl IntoResponse for CtxRejection {
    fn into_response(self) -> Response {
        if self.2 {
            ApiError(self.0, Some(self.1)).into_response()
        } else {
            PageError(self.0, Some(self.1)).into_response()
        }
    }
}

/// The language from the cookie, the header or the default (no database).
pub fn request_lang(headers: &axum::http::HeaderMap, default: Option<&str>) -> Lang {
    let jar = CookieJar::from_headers(headers);
    jar.get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .or_else(|| {
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|h| h.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .or_else(|| default.and_then(Lang::parse))
        .unwrap_or_default()
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = CtxRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // Nested routers see a stripped path; the original one tells the API apart.
        let path = parts
            .extensions
            .get::<axum::extract::OriginalUri>()
            .map_or_else(|| parts.uri.path(), |o| o.0.path());
        let is_api = path.starts_with("/api/");
        let fallback = request_lang(&parts.headers, None);
        let reject = |e: majlis_store::StoreError| CtxRejection(e.into(), fallback, is_api);
        let settings = state.store.settings().await.map_err(reject)?;
        let jar = CookieJar::from_headers(&parts.headers);
        let mut user = None;
        let bearer = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim);
        if let Some(secret) = bearer {
            match state
                .store
                .account_by_api_token(secret)
                .await
                .map_err(reject)?
            {
                Some(account) => {
                    let actor = state.store.actor_for(&account).await.map_err(reject)?;
                    user = Some(User {
                        account,
                        actor,
                        csrf: None,
                        session_token: None,
                        names: None,
                        gender: None,
                    });
                }
                None => {
                    return Err(CtxRejection(
                        WebError::Domain(DomainError::Unauthenticated),
                        fallback,
                        is_api,
                    ));
                }
            }
        } else if let Some(cookie) = jar.get(SESSION_COOKIE) {
            let token = cookie.value().to_string();
            if token.len() <= 128
                && let Some(i) = state.store.session_identity(&token).await.map_err(reject)?
            {
                user = Some(User {
                    account: i.account,
                    actor: i.actor,
                    csrf: Some(i.csrf),
                    session_token: Some(token),
                    names: i.names,
                    gender: i.gender,
                });
            }
        }
        let has_cookie_lang = jar
            .get(LANG_COOKIE)
            .and_then(|c| Lang::parse(c.value()))
            .is_some();
        let lang = if has_cookie_lang {
            request_lang(&parts.headers, None)
        } else {
            user.as_ref()
                .and_then(|u| u.account.locale.as_deref())
                .and_then(Lang::parse)
                .unwrap_or_else(|| request_lang(&parts.headers, Some(&settings.default_locale)))
        };
        let pre_csrf = jar.get(PRE_CSRF_COOKIE).map(|c| c.value().to_string());
        let csrf_header = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|h| h.to_str().ok())
            .map(String::from);
        let ctx = Ctx {
            lang,
            settings,
            user,
            pre_csrf,
            csrf_header,
            is_api,
            client_ip: client_ip(parts, state.config.trust_forwarded_for),
        };
        if let Some(slot) = parts.extensions.get::<crate::error::CtxSlot>() {
            slot.put(&ctx);
        }
        Ok(ctx)
    }
}

/// A cookie with majlis's security attributes.
pub fn cookie(
    state: &AppState,
    name: &'static str,
    value: String,
    max_age_days: Option<i64>,
) -> Cookie<'static> {
    let mut c = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .build();
    if let Some(days) = max_age_days {
        c.set_max_age(time_duration(days));
    }
    c
}

fn time_duration(days: i64) -> time::Duration {
    time::Duration::days(days)
}

/// A cookie that removes `name`.
pub fn removal(state: &AppState, name: &'static str) -> Cookie<'static> {
    let mut c = cookie(state, name, String::new(), None);
    c.make_removal();
    c
}
