//! Printable pages and PDFs of documents (minutes, session programs): the
//! same [`Document`] shown as HTML for the browser's print, or laid out by
//! typst.

use super::layout::Chrome;
use super::render;
use crate::auth::Ctx;
use crate::error::WebError;
use askama::Template;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use majlis_pdf::Document;

#[derive(Template)]
#[template(path = "document.html")]
struct PrintPage {
    chrome: Chrome,
    doc: Document,
    pdf_url: String,
}

/// The printable page of a document.
pub fn page(ctx: &Ctx, doc: Document, pdf_url: &str) -> Response {
    let chrome = Chrome::new(ctx, doc.title.clone(), "print", pdf_url.to_string());
    render(&PrintPage {
        chrome,
        doc,
        pdf_url: pdf_url.to_string(),
    })
}

/// The document as PDF (laid out off the async threads).
pub async fn pdf(doc: Document, name: &str) -> Result<Response, WebError> {
    let bytes = tokio::task::spawn_blocking(move || majlis_pdf::render(&doc))
        .await
        .map_err(|e| WebError::Internal(format!("pdf task: {e}")))?
        .map_err(|e| WebError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}.pdf\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
