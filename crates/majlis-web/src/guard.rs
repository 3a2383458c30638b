//! Requests that change state must come from majlis's own pages (or from a
//! client with a bearer token). The CSRF token on every form is the main
//! defence; this is the second one: a browser says where a request comes
//! from (`Sec-Fetch-Site`, `Origin`), and a cross-site one is refused before
//! any handler runs.

use crate::auth::request_lang;
use crate::error::WebError;
use axum::extract::Request;
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::Response;

fn changes_state(method: &Method) -> bool {
    !matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    )
}

/// Whether the browser tells that this request comes from another site.
pub fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.to_str(), Ok("same-origin") | Ok("none"));
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false; // not a browser, or an old one: the CSRF token decides
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, rest)| rest.trim_end_matches('/'));
    match (origin_host, host) {
        (Some(o), Some(h)) => !o.eq_ignore_ascii_case(h),
        _ => true, // `Origin: null` and the like
    }
}

/// The middleware: refuses a cross-site state change with `csrf_failed`
/// (403), as JSON under `/api/`, as a page elsewhere.
pub async fn same_origin(req: Request, next: Next) -> Response {
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.starts_with("Bearer "));
    if changes_state(req.method()) && !bearer && cross_site(req.headers()) {
        let lang = request_lang(req.headers(), None);
        return if req.uri().path().starts_with("/api/") {
            WebError::CsrfFailed.json(lang)
        } else {
            WebError::CsrfFailed.page(lang)
        };
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::cross_site;
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn cross_site_requests_are_told_apart() {
        assert!(!cross_site(&headers(&[])));
        assert!(!cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        let same = [
            ("host", "majlis.example:8080"),
            ("origin", "https://majlis.example:8080"),
        ];
        assert!(!cross_site(&headers(&same)));
        assert!(cross_site(&headers(&[
            ("host", "majlis.example"),
            ("origin", "https://evil.example")
        ])));
        assert!(cross_site(&headers(&[
            ("host", "majlis.example"),
            ("origin", "null")
        ])));
    }
}
