//! majlis web: server-rendered, Arabic-first pages and the JSON API.

pub mod api;
pub mod auth;
pub mod documents;
pub mod docx;
pub mod download;
pub mod error;
pub mod guard;
pub mod html;
pub mod i18n;
pub mod ics;
pub mod jobs;
pub mod limits;
pub mod markdown;
pub mod present;
pub mod public;
pub mod redirect;
pub mod state;
pub mod synthesis_view;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use std::time::Duration;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use state::{AppState, JobsConfig, Limits, MailConfig, WebConfig};

const CSS: &[u8] = include_bytes!("../static/style.css");
const AMIRI_REGULAR: &[u8] = include_bytes!("../static/fonts/Amiri-Regular.ttf");
const AMIRI_BOLD: &[u8] = include_bytes!("../static/fonts/Amiri-Bold.ttf");
const APP_JS: &[u8] = include_bytes!("../static/app.js");
const PUBLIC_JS: &[u8] = include_bytes!("../static/public.js");
const NOTO_REGULAR: &[u8] = include_bytes!("../static/fonts/NotoSansArabic-Regular.woff2");
const NOTO_BOLD: &[u8] = include_bytes!("../static/fonts/NotoSansArabic-Bold.woff2");

/// A short hash of the stylesheet and the script: their addresses change with
/// their content, so that a week of browser cache never serves an old one.
pub fn asset_version() -> &'static str {
    static VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        use std::hash::{DefaultHasher, Hasher};
        let mut h = DefaultHasher::new();
        h.write(CSS);
        h.write(APP_JS);
        h.write(PUBLIC_JS);
        format!("{:012x}", h.finish() >> 16)
    });
    &VERSION
}

/// Everything majlis serves over HTTP.
pub fn router(state: AppState) -> Router {
    let max_body = state.config.limits.max_body;
    Router::new()
        .merge(html::routes())
        .merge(public::routes())
        .nest("/api/v1", api::routes())
        .route("/static/style.css", get(|| async { html::immutable("text/css; charset=utf-8", CSS) }))
        .route("/static/app.js", get(|| async { html::immutable("text/javascript; charset=utf-8", APP_JS) }))
        .route("/static/public.js", get(|| async { html::immutable("text/javascript; charset=utf-8", PUBLIC_JS) }))
        .route("/static/fonts/Amiri-Regular.ttf", get(|| async { html::immutable("font/ttf", AMIRI_REGULAR) }))
        .route("/static/fonts/Amiri-Bold.ttf", get(|| async { html::immutable("font/ttf", AMIRI_BOLD) }))
        .route("/static/fonts/NotoSansArabic-Regular.woff2", get(|| async { html::immutable("font/woff2", NOTO_REGULAR) }))
        .route("/static/fonts/NotoSansArabic-Bold.woff2", get(|| async { html::immutable("font/woff2", NOTO_BOLD) }))
        .route("/healthz", get(health))
        .fallback(not_found)
        .with_state(state)
        .layer(axum::middleware::from_fn(guard::same_origin))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(CatchPanicLayer::custom(|_| {
            error::WebError::Internal("handler panicked".into()).page(i18n::Lang::Ar)
        }))
        // Outside the others, so that their errors are rendered too.
        .layer(axum::middleware::from_fn(|req, next| error::render_errors(req, next, html::error_page)))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        // Pages, JSON and feeds are private and change: never stored by a
        // shared cache or the browser's disk (static files set their own).
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ))
}

async fn health(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ok".into_response(),
        Err(_) => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "5")],
            "unavailable",
        )
            .into_response(),
    }
}

async fn not_found(req: axum::extract::Request) -> Response {
    let lang = auth::request_lang(req.headers(), None);
    let e = error::WebError::not_found();
    if req.uri().path().starts_with("/api/") {
        e.json(lang)
    } else {
        e.page(lang)
    }
}
