//! The web error policy.
//!
//! - Domain refusals keep their stable snake_case code: `invalid_input` (422,
//!   with the fields), `forbidden` (403), `unauthenticated` (401), `not_found`
//!   (404), `conflict` (409, the field named), `stale_record` (409).
//! - Bad requests: `bad_request` (400), `csrf_failed` (403), `payload_too_large`
//!   (413), `locked` (429 on repeated failed logins, `Retry-After` = the delay
//!   still owed, which the message states too).
//! - A locked or lost database is `unavailable` (503 with `Retry-After`); too
//!   many password checks at once is `busy` (429, `Retry-After: 2`: the
//!   client asked too much at once, the server is fine).
//! - Anything else is `internal` (500): logged with its detail, never shown.
//!
//! Pages render these as a translated HTML page inside the normal layout
//! (menu, organization name); the API as JSON
//! `{"error": {"code", "message", "fields": [{"field", "code", "message"}]}}`.
//!
//! Handlers return `Result<_, WebError>` (or `PageResult`/`ApiResult`) and use
//! `?`: an error becomes a bare response that carries it ([`Pending`]); the
//! [`render_errors`] layer, which knows the request — its language, its path,
//! the user the handler saw — renders it. The cause is logged once, when the
//! error is turned into a response; internals are never shown.

use crate::auth::Ctx;
use crate::i18n::Lang;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use majlis_domain::{DomainError, FieldError};
use majlis_store::StoreError;
use std::sync::{Arc, Mutex};

#[derive(Debug)]
pub enum WebError {
    Domain(DomainError),
    BadRequest,
    CsrfFailed,
    PayloadTooLarge,
    /// Too many failed logins: seconds still to wait.
    Locked(i64),
    Busy,
    Unavailable,
    Internal(String),
}

impl From<StoreError> for WebError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Domain(d) => WebError::Domain(d),
            StoreError::Busy => WebError::Busy,
            StoreError::Unavailable(msg) => {
                tracing::warn!(error = %msg, "database unavailable");
                WebError::Unavailable
            }
            StoreError::Internal(msg) => WebError::Internal(msg),
        }
    }
}

impl From<DomainError> for WebError {
    fn from(e: DomainError) -> Self {
        WebError::Domain(e)
    }
}

impl WebError {
    pub fn not_found() -> Self {
        WebError::Domain(DomainError::NotFound)
    }

    /// The status of a refused form that is shown again with the writer's
    /// values: 409 when the record changed meanwhile, 422 for invalid
    /// input; `None` for every other error (an error page).
    pub fn form_status(&self) -> Option<StatusCode> {
        match self {
            WebError::Domain(DomainError::Stale) => Some(StatusCode::CONFLICT),
            WebError::Domain(DomainError::Invalid(_)) => Some(StatusCode::UNPROCESSABLE_ENTITY),
            _ => None,
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Domain(d) => match d {
                DomainError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                DomainError::Forbidden => StatusCode::FORBIDDEN,
                DomainError::Unauthenticated => StatusCode::UNAUTHORIZED,
                DomainError::NotFound => StatusCode::NOT_FOUND,
                DomainError::Conflict { .. } | DomainError::Stale => StatusCode::CONFLICT,
                DomainError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            },
            WebError::BadRequest => StatusCode::BAD_REQUEST,
            WebError::CsrfFailed => StatusCode::FORBIDDEN,
            WebError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Locked(_) | WebError::Busy => StatusCode::TOO_MANY_REQUESTS,
            WebError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            WebError::Domain(d) => d.code(),
            WebError::BadRequest => "bad_request",
            WebError::CsrfFailed => "csrf_failed",
            WebError::PayloadTooLarge => "payload_too_large",
            WebError::Locked(_) => "locked",
            WebError::Busy => "busy",
            WebError::Unavailable => "unavailable",
            WebError::Internal(_) => "internal",
        }
    }

    /// The translated message of this error.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WebError::Domain(DomainError::Conflict { field }) => lang.t_args(
                "error-conflict",
                &[(
                    "field",
                    fluent_templates::fluent_bundle::FluentValue::from(lang.field_name(field)),
                )],
            ),
            WebError::Domain(DomainError::RateLimited(seconds)) => lang.t_args(
                "error-rate_limited",
                &[(
                    "wait",
                    fluent_templates::fluent_bundle::FluentValue::from(lang.wait(*seconds)),
                )],
            ),
            WebError::Locked(seconds) => lang.t_args(
                "error-locked",
                &[(
                    "wait",
                    fluent_templates::fluent_bundle::FluentValue::from(lang.wait(*seconds)),
                )],
            ),
            _ => lang.t(&format!("error-{}", self.code())),
        }
    }

    /// Field errors (validation and conflicts).
    pub fn fields(&self) -> Vec<FieldError> {
        match self {
            WebError::Domain(DomainError::Invalid(f)) => f.clone(),
            WebError::Domain(DomainError::Conflict { field }) => {
                vec![FieldError::new(field, "taken")]
            }
            _ => Vec::new(),
        }
    }

    fn log(&self) {
        if let WebError::Internal(detail) = self {
            tracing::error!(%detail, "internal error");
        }
    }

    /// The JSON rendering.
    pub fn json(self, lang: Lang) -> Response {
        self.log();
        self.render_json(lang)
    }

    fn render_json(&self, lang: Lang) -> Response {
        let fields: Vec<serde_json::Value> = self
            .fields()
            .iter()
            .map(|f| serde_json::json!({"field": f.field, "code": f.code, "message": lang.field_error(f.code)}))
            .collect();
        let body = serde_json::json!({"error": {"code": self.code(), "message": self.message(lang), "fields": fields}});
        let mut res = (self.status(), axum::Json(body)).into_response();
        self.decorate(&mut res);
        res
    }

    /// The HTML rendering, a page in this language, rendered by the
    /// [`render_errors`] layer.
    pub fn page(self, lang: Lang) -> Response {
        self.deferred(Some(lang))
    }

    /// A bare response carrying the error, rendered by [`render_errors`].
    fn deferred(self, lang: Option<Lang>) -> Response {
        self.log();
        let mut res = self.status().into_response();
        self.decorate(&mut res);
        res.extensions_mut().insert(Pending(Arc::new(self), lang));
        res
    }

    fn decorate(&self, res: &mut Response) {
        let retry_after = match self {
            WebError::Unavailable => Some(5),
            WebError::Busy => Some(2),
            WebError::Locked(seconds) => Some((*seconds).max(1)),
            WebError::Domain(DomainError::RateLimited(seconds)) => Some((*seconds).max(1)),
            _ => None,
        };
        if let Some(s) = retry_after
            && let Ok(v) = header::HeaderValue::from_str(&s.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        self.deferred(None)
    }
}

/// Parses an id from a path segment; anything else is "not found".
pub fn parse_id(s: &str) -> Result<uuid::Uuid, WebError> {
    uuid::Uuid::parse_str(s).map_err(|_| WebError::not_found())
}

/// An error waiting in a response for [`render_errors`], with the language
/// the handler chose (else the request's).
#[derive(Clone)]
pub struct Pending(pub Arc<WebError>, pub Option<Lang>);

/// Where the request's context lands once a handler has built it, so that an
/// error page shows the same menu, user and organization.
#[derive(Clone, Default)]
pub struct CtxSlot(Arc<Mutex<Option<Ctx>>>);

impl CtxSlot {
    pub fn put(&self, ctx: &Ctx) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = Some(ctx.clone());
        }
    }

    fn take(&self) -> Option<Ctx> {
        self.0.lock().ok().and_then(|mut s| s.take())
    }
}

/// How the pages render an error: the page adapter's layout, given the
/// request's context when a handler built one.
pub type PageRenderer = fn(&WebError, Lang, Option<&Ctx>) -> Response;

/// The layer that renders errors: JSON under `/api/`, a page (drawn by
/// `pages`) elsewhere (an anonymous visitor of a page is sent to the login
/// page), in the language of the request.
pub async fn render_errors(mut req: Request, next: Next, pages: PageRenderer) -> Response {
    let slot = CtxSlot::default();
    req.extensions_mut().insert(slot.clone());
    let is_api = req.uri().path().starts_with("/api/");
    let header_lang = crate::auth::request_lang(req.headers(), None);
    let mut res = next.run(req).await;
    let Some(Pending(err, lang)) = res.extensions_mut().remove::<Pending>() else {
        return res;
    };
    let ctx = slot.take();
    let lang = lang.or(ctx.as_ref().map(|c| c.lang)).unwrap_or(header_lang);
    if is_api {
        err.render_json(lang)
    } else if matches!(*err, WebError::Domain(DomainError::Unauthenticated)) {
        crate::redirect::see_other("/login")
    } else {
        let mut res = pages(&err, lang, ctx.as_ref());
        *res.status_mut() = err.status();
        err.decorate(&mut res);
        res
    }
}

/// An error of a page handler; the language is the handler's (else the
/// request's, chosen by [`render_errors`]).
pub struct PageError(pub WebError, pub Option<Lang>);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if matches!(self.0, WebError::Domain(DomainError::Unauthenticated)) {
            return axum::response::Redirect::to("/login").into_response();
        }
        self.0.deferred(self.1)
    }
}

/// An error of an API handler, rendered as JSON.
pub struct ApiError(pub WebError, pub Option<Lang>);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.0.deferred(self.1)
    }
}

/// `?` in handlers: any error becomes the handler's error, rendered in the
/// request's language by [`render_errors`].
macro_rules! via_web_error {
    ($($from:ty),*) => {$(
        impl From<$from> for PageError {
            fn from(e: $from) -> Self {
                PageError(e.into(), None)
            }
        }
        impl From<$from> for ApiError {
            fn from(e: $from) -> Self {
                ApiError(e.into(), None)
            }
        }
    )*};
}

via_web_error!(WebError, StoreError, DomainError);
