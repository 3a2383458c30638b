//! Public pages rendered once and kept: each with the site version it was
//! made at (see `Store::site_version`, read for each request through
//! `VersionReads`, which lets requests arriving together share it) and the moment
//! the next scheduled communiqué goes public; answered with an ETag and
//! `Last-Modified`, `304` when the client has it already. A change made
//! through another process bumps the version in the database, so the next
//! request to this one renders again.

use crate::error::WebError;
use crate::state::AppState;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Most pages kept (the oldest goes first).
const MAX_PAGES: usize = 2_000;

struct Kept {
    version: i64,
    until: Option<DateTime<Utc>>,
    etag: String,
    modified: String,
    content_type: &'static str,
    body: axum::body::Bytes,
    at: DateTime<Utc>,
}

/// The kept pages of this process.
#[derive(Default)]
pub struct PageCache {
    pages: Mutex<HashMap<String, Arc<Kept>>>,
    versions: Arc<super::version::VersionReads>,
}

fn answer(k: &Kept, headers: &HeaderMap) -> Response {
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == k.etag));
    let mut r = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, k.content_type)], k.body.clone()).into_response()
    };
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&k.etag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&k.modified) {
        h.insert(header::LAST_MODIFIED, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, must-revalidate"),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    r
}

impl PageCache {
    fn get(&self, key: &str, version: i64, now: DateTime<Utc>) -> Option<Arc<Kept>> {
        let pages = self.pages.lock().ok()?;
        let k = pages.get(key)?;
        (k.version == version && k.until.is_none_or(|t| now < t)).then(|| Arc::clone(k))
    }

    fn put(&self, key: String, k: Arc<Kept>) {
        if let Ok(mut pages) = self.pages.lock() {
            let oldest = (pages.len() >= MAX_PAGES && !pages.contains_key(&key))
                .then(|| {
                    pages
                        .iter()
                        .min_by_key(|(_, v)| v.at)
                        .map(|(k, _)| k.clone())
                })
                .flatten();
            if let Some(oldest) = oldest {
                pages.remove(&oldest);
            }
            pages.insert(key, k);
        }
    }
}

/// Serves `key` from the cache, or renders it with `make` and keeps it.
pub async fn cached<F, Fut>(
    state: &AppState,
    headers: &HeaderMap,
    key: String,
    content_type: &'static str,
    make: F,
) -> Result<Response, WebError>
where
    F: FnOnce() -> Fut,
    Fut: std::future::Future<Output = Result<Vec<u8>, WebError>>,
{
    let cache: &Arc<PageCache> = &state.public_pages;
    let version = cache.versions.current(&state.store).await?;
    let now = Utc::now();
    if let Some(k) = cache.get(&key, version, now) {
        return Ok(answer(&k, headers));
    }
    let body = make().await?;
    let until = state.store.next_scheduled(now).await?;
    let digest = hex::encode(&Sha256::digest(&body)[..8]);
    let k = Arc::new(Kept {
        version,
        until,
        etag: format!("\"{version}-{digest}\""),
        modified: now.format("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        content_type,
        body: axum::body::Bytes::from(body),
        at: now,
    });
    cache.put(key, Arc::clone(&k));
    Ok(answer(&k, headers))
}
