//! Sending a stored document: its detected type, the name it was given
//! (UTF-8, RFC 6266/5987), always as an attachment, never sniffed or run.

use crate::redirect::urlencode;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use majlis_store::service::files::StoredFile;

/// A stored file as a download.
pub fn download(f: StoredFile) -> Response {
    let ascii: String = f
        .info
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        urlencode(&f.info.name).replace('/', "%2F")
    );
    (
        [
            (header::CONTENT_TYPE, f.info.media_type.clone()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CONTENT_SECURITY_POLICY, "sandbox".to_string()),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        f.content,
    )
        .into_response()
}
