//! Forms with a document (`multipart/form-data`): the text fields and at
//! most one file, read with a size cap so that an oversized upload is
//! refused with a clear error instead of filling memory.

use super::FormData;
use crate::auth::request_lang;
use crate::error::{PageError, WebError};
use crate::state::AppState;
use axum::extract::{FromRequest, Multipart, Request};
use majlis_domain::DomainError;
use majlis_store::service::files::Upload;
use std::collections::HashMap;

/// A multipart form: its fields and the uploaded file (`file`), if any.
pub struct UploadForm {
    pub form: FormData,
    pub file: Option<Upload>,
    /// The file was larger than the upload limit (nothing kept of it).
    pub too_large: bool,
}

impl UploadForm {
    /// The upload, or the error of an oversized one.
    pub fn upload(&self) -> Result<Option<&Upload>, WebError> {
        if self.too_large {
            return Err(WebError::Domain(DomainError::invalid(
                "file",
                "file_too_large",
            )));
        }
        Ok(self.file.as_ref())
    }
}

impl FromRequest<AppState> for UploadForm {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = request_lang(req.headers(), None);
        let bad = |e: WebError| PageError(e, Some(lang));
        let max = state.config.limits.max_upload;
        let mut mp = Multipart::from_request(req, state)
            .await
            .map_err(|_| bad(WebError::BadRequest))?;
        let mut fields = HashMap::new();
        let mut file = None;
        let mut too_large = false;
        while let Some(mut field) = mp.next_field().await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                bad(WebError::PayloadTooLarge)
            } else {
                bad(WebError::BadRequest)
            }
        })? {
            let name = field.name().unwrap_or("").to_string();
            if name == "file" {
                let file_name = field.file_name().unwrap_or("").to_string();
                let mut bytes = Vec::new();
                while let Some(chunk) = field
                    .chunk()
                    .await
                    .map_err(|_| bad(WebError::PayloadTooLarge))?
                {
                    if bytes.len() + chunk.len() > max {
                        too_large = true;
                        bytes.clear();
                        continue;
                    }
                    if !too_large {
                        bytes.extend_from_slice(&chunk);
                    }
                }
                if !bytes.is_empty() && !too_large {
                    file = Some(Upload {
                        name: file_name,
                        bytes,
                    });
                }
            } else {
                let text = field.text().await.map_err(|_| bad(WebError::BadRequest))?;
                if name.len() > 64 || text.chars().count() > 100_000 {
                    return Err(bad(WebError::PayloadTooLarge));
                }
                // A field sent several times (a picker's ticked boxes)
                // keeps every value, as `FormData::list` reads them.
                match fields.get_mut(&name) {
                    Some(v) => {
                        let v: &mut String = v;
                        v.push(',');
                        v.push_str(&text);
                    }
                    None => {
                        fields.insert(name, text);
                    }
                }
            }
        }
        Ok(UploadForm {
            form: FormData(fields),
            file,
            too_large,
        })
    }
}
