//! Commenting on the public site. The communiqué's page is kept for
//! everyone, so its form carries no per-visitor value: a small script asks
//! `/p/{slug}/token` for a signed token holding the moment the form was
//! shown (without it, the first send shows the form again with a fresh
//! token, to send once more). The token proves the form came from here and
//! was shown at least 4 seconds before; a filled honeypot field is dropped
//! silently; the e-mail address and the client's address are kept only as
//! keyed hashes (the client's with the salt of the day, deleted the next
//! day: `Store::client_salt`); flood, duplicates and word lists are the store's and the
//! domain's. Every comment waits for a moderator.

use crate::error::{PageError, WebError};
use crate::html::layout::clean;
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use majlis_domain::DomainError;
use majlis_domain::comment::{CommentInput, check, verdict};
use majlis_store::service::comments::{CommentPost, Posted};
use sha2::Sha256;
use std::collections::HashMap;
use std::net::SocketAddr;

/// Oldest form token accepted.
const TOKEN_LIFE: i64 = 24 * 3600;

fn keyed(key: &[u8], parts: &[&str]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key");
    for p in parts {
        mac.update(p.as_bytes());
        mac.update(&[0]);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// A form token for `slug` shown at `now` (unix seconds).
pub fn token(key: &[u8], slug: &str, now: i64) -> String {
    format!(
        "{now}.{}",
        &keyed(key, &["form", slug, &now.to_string()])[..24]
    )
}

/// Seconds since the form was shown, if the token is ours and recent.
fn token_age(key: &[u8], slug: &str, t: &str, now: i64) -> Option<i64> {
    let (at, sig) = t.split_once('.')?;
    let at: i64 = at.parse().ok()?;
    let want = token(key, slug, at);
    let ok = majlis_store::service::accounts::tokens_equal(&want, &format!("{at}.{sig}"));
    let age = now - at;
    (ok && (0..=TOKEN_LIFE).contains(&age)).then_some(age)
}

/// The token for a page's form: never kept by a cache.
/// Only a public communiqué has one: a scheduled or unknown one is not found.
pub async fn form_token(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let c = state
        .store
        .public_by_slug(chrono::Utc::now(), &slug)
        .await?;
    let t = token(
        &state.config.secret_key,
        &c.slug,
        chrono::Utc::now().timestamp(),
    );
    Ok((
        [(header::CACHE_CONTROL, "no-store")],
        axum::Json(serde_json::json!({ "t": t })),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "public_comment.html")]
struct FormPage {
    site: super::Site,
    slug: String,
    communique_title: String,
    token: String,
    name: String,
    email: String,
    text: String,
    parent_id: String,
    sent: bool,
    errors: Vec<(String, String)>,
}

#[derive(serde::Deserialize, Default)]
pub struct FormQuery {
    #[serde(default)]
    sent: Option<String>,
    #[serde(default)]
    reply: Option<String>,
}

async fn form_page(
    state: &AppState,
    slug: &str,
    values: &HashMap<String, String>,
    sent: bool,
    errors: Vec<(String, String)>,
) -> Result<FormPage, WebError> {
    let settings = state.store.settings().await?;
    let c = state.store.public_by_slug(chrono::Utc::now(), slug).await?;
    let lang = Lang::parse(&c.lang).unwrap_or_default();
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let mut site = super::Site::new(
        state,
        &settings,
        lang,
        lang.t("comment-write"),
        &format!("/p/{}/comment", c.slug),
    );
    site.description = clean(&c.title);
    Ok(FormPage {
        site,
        slug: c.slug.clone(),
        communique_title: clean(&c.title),
        token: token(
            &state.config.secret_key,
            &c.slug,
            chrono::Utc::now().timestamp(),
        ),
        name: v("name"),
        email: v("email"),
        text: v("text"),
        parent_id: v("parent_id"),
        sent,
        errors,
    })
}

fn render<T: Template>(status: StatusCode, t: &T) -> Response {
    match t.render() {
        Ok(html) => (
            status,
            [
                (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            html,
        )
            .into_response(),
        Err(e) => WebError::Internal(e.to_string()).into_response(),
    }
}

/// The form on its own page: after a send («awaits moderation»), to reply
/// to a comment, or when the page's form had no token.
pub async fn page(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<FormQuery>,
) -> Result<Response, PageError> {
    let mut values = HashMap::new();
    if let Some(r) = q.reply.filter(|r| uuid::Uuid::parse_str(r).is_ok()) {
        values.insert("parent_id".to_string(), r);
    }
    let p = form_page(&state, &slug, &values, q.sent.is_some(), Vec::new())
        .await
        .map_err(|e| PageError(e, None))?;
    Ok(render(StatusCode::OK, &p))
}

/// The form again with what was typed and why it was refused.
async fn refused(
    state: &AppState,
    slug: &str,
    form: &HashMap<String, String>,
    e: WebError,
    lang: Lang,
) -> Result<Response, PageError> {
    let status = e.status();
    let mut errors = Vec::new();
    match &e {
        WebError::Domain(DomainError::Invalid(fields)) => {
            for f in fields {
                errors.push((f.field.to_string(), lang.field_error(f.code)));
            }
        }
        other => errors.push((String::new(), other.message(lang))),
    }
    let p = form_page(state, slug, form, false, errors)
        .await
        .map_err(|e| PageError(e, None))?;
    let mut r = render(status, &p);
    if let WebError::Domain(DomainError::RateLimited(s)) = e
        && let Ok(h) = header::HeaderValue::from_str(&s.max(1).to_string())
    {
        r.headers_mut().insert(header::RETRY_AFTER, h);
    }
    Ok(r)
}

/// Takes a comment.
pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(slug): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let key = &state.config.secret_key;
    let now = chrono::Utc::now();
    let v = |k: &str| form.get(k).cloned().unwrap_or_default();
    let sent = format!("/p/{}/comment?sent=1", crate::redirect::urlencode(&slug));
    let age = token_age(key, &slug, &v("t"), now.timestamp());
    let input = CommentInput {
        name: v("name"),
        email: v("email"),
        text: v("text"),
        honeypot: v("website"),
        seconds_on_form: age.unwrap_or(0),
    };
    let lang = match state.store.public_by_slug(now, &slug).await {
        Ok(c) => Lang::parse(&c.lang).unwrap_or_default(),
        Err(e) => return Err(PageError(e.into(), None)),
    };
    let clean_comment = match check(&input) {
        Ok(Some(c)) => c,
        // The honeypot: nothing kept, answered like a success.
        Ok(None) => return Ok(crate::html::see_other(&sent)),
        Err(e) => return refused(&state, &slug, &form, WebError::Domain(e), lang).await,
    };
    let parent_id = match v("parent_id").as_str() {
        "" => None,
        p => match uuid::Uuid::parse_str(p) {
            Ok(id) => Some(id),
            Err(_) => {
                let e = DomainError::invalid("parent_id", "invalid_choice");
                return refused(&state, &slug, &form, WebError::Domain(e), lang).await;
            }
        },
    };
    let ip =
        crate::auth::client_ip_from(&headers, Some(peer.ip()), state.config.trust_forwarded_for)
            .map(|i| i.to_string())
            .unwrap_or_default();
    // The salt of the day (UTC), forgotten tomorrow: at midnight a client's
    // limits start again, while those of its e-mail address go on.
    let salt = match state.store.client_salt(now.date_naive()).await {
        Ok(s) => s,
        Err(e) => return Err(PageError(e.into(), None)),
    };
    let post = CommentPost {
        verdict: verdict(
            &clean_comment,
            &state.config.blocked_words,
            &state.config.moderation_words,
        ),
        parent_id,
        email_hash: keyed(key, &["email", &clean_comment.email]),
        client_hash: keyed(key, &["client", &salt, &ip]),
        text_hash: keyed(
            key,
            &[
                "text",
                &majlis_domain::comment::matching_text(&clean_comment.text),
            ],
        ),
        comment: clean_comment,
    };
    match state.store.post_comment(&slug, post).await {
        Ok(Posted::Held(_)) | Ok(Posted::Dropped) => {
            state.wake_jobs();
            Ok(crate::html::see_other(&sent))
        }
        Err(e) => {
            let e: WebError = e.into();
            let e = match e {
                WebError::Domain(DomainError::Conflict { .. }) => {
                    WebError::Domain(DomainError::invalid("text", "duplicate_comment"))
                }
                e => e,
            };
            let status_409 = matches!(&e, WebError::Domain(DomainError::Invalid(f)) if f.iter().any(|f| f.code == "duplicate_comment"));
            let mut r = refused(&state, &slug, &form, e, lang).await?;
            if status_409 {
                *r.status_mut() = StatusCode::CONFLICT;
            }
            Ok(r)
        }
    }
}
