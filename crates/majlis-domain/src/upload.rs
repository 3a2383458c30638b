//! Uploaded documents: the accepted kinds, recognized by their content (not
//! their name), and the size limit.

use crate::error::{DomainError, DomainResult};
use serde::Serialize;

/// Largest upload accepted, in bytes (a long working paper with images).
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// Longest file name kept.
const MAX_FILE_NAME: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Pdf,
    Docx,
    Odt,
    Markdown,
    /// Evidence only: a photo (an attendance sheet, a results sheet).
    Jpeg,
    Png,
    /// Evidence only: a spreadsheet of figures.
    Xlsx,
    Ods,
}

/// What an upload may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accept {
    /// Working papers and meeting documents: PDF, DOCX, ODT, Markdown.
    Documents,
    /// What a report or a plan task is backed by: documents, photos and
    /// spreadsheets.
    Evidence,
}

impl Accept {
    pub fn allows(self, kind: DocumentKind) -> bool {
        match self {
            Self::Documents => matches!(
                kind,
                DocumentKind::Pdf | DocumentKind::Docx | DocumentKind::Odt | DocumentKind::Markdown
            ),
            Self::Evidence => true,
        }
    }

    /// The error code of a file of another kind.
    pub fn refusal(self) -> &'static str {
        match self {
            Self::Documents => "file_type",
            Self::Evidence => "evidence_type",
        }
    }
}

impl DocumentKind {
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Markdown => "text/markdown; charset=utf-8",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Self::Ods => "application/vnd.oasis.opendocument.spreadsheet",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::Odt => "odt",
            Self::Markdown => "md",
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Xlsx => "xlsx",
            Self::Ods => "ods",
        }
    }
}

/// What the bytes are: PDF, DOCX or ODT by their signature and inner
/// structure (the `infer` crate reads the zip's entries), Markdown when they
/// are UTF-8 text without NUL bytes; anything else is refused.
pub fn sniff(bytes: &[u8]) -> Option<DocumentKind> {
    if let Some(t) = infer::get(bytes) {
        return match t.mime_type() {
            "application/pdf" => Some(DocumentKind::Pdf),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Some(DocumentKind::Docx)
            }
            "application/vnd.oasis.opendocument.text" => Some(DocumentKind::Odt),
            "image/jpeg" => Some(DocumentKind::Jpeg),
            "image/png" => Some(DocumentKind::Png),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => {
                Some(DocumentKind::Xlsx)
            }
            "application/vnd.oasis.opendocument.spreadsheet" => Some(DocumentKind::Ods),
            _ => None,
        };
    }
    let text = std::str::from_utf8(bytes).ok()?;
    (!text.trim().is_empty() && !text.contains('\0')).then_some(DocumentKind::Markdown)
}

/// Checks an upload: not empty, under the limit, of an accepted kind; returns
/// the kind and a clean file name ending in the kind's extension.
pub fn check_upload(
    name: &str,
    bytes: &[u8],
    max_bytes: usize,
    accept: Accept,
) -> DomainResult<(DocumentKind, String)> {
    if bytes.is_empty() {
        return Err(DomainError::invalid("file", "required"));
    }
    if bytes.len() > max_bytes {
        return Err(DomainError::invalid("file", "file_too_large"));
    }
    let kind = sniff(bytes)
        .filter(|k| accept.allows(*k))
        .ok_or(DomainError::invalid("file", accept.refusal()))?;
    Ok((kind, file_name(name, kind)))
}

/// A safe file name: no path, no control or bidi characters, the kind's
/// extension.
pub fn file_name(name: &str, kind: DocumentKind) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let stem: String = stem
        .chars()
        .filter(|c| !c.is_control() && !crate::validation::is_bidi_control(*c))
        .filter(|c| !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|'))
        .take(MAX_FILE_NAME)
        .collect();
    let stem = stem.trim();
    let stem = if stem.is_empty() { "document" } else { stem };
    format!("{stem}.{}", kind.extension())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some(DocumentKind::Pdf));
        assert_eq!(
            sniff("# ورقة\n\nنص".as_bytes()),
            Some(DocumentKind::Markdown)
        );
        // A PNG named paper.pdf is refused as a paper, kept as evidence
        // under its own extension.
        let png = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        assert_eq!(sniff(&png), Some(DocumentKind::Png));
        assert_eq!(
            check_upload("paper.pdf", &png, MAX_UPLOAD_BYTES, Accept::Documents).unwrap_err(),
            DomainError::invalid("file", "file_type")
        );
        assert_eq!(
            check_upload("paper.pdf", &png, MAX_UPLOAD_BYTES, Accept::Evidence).unwrap(),
            (DocumentKind::Png, "paper.png".to_string())
        );
        // An executable is refused everywhere.
        let elf = [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0];
        assert!(check_upload("x.pdf", &elf, MAX_UPLOAD_BYTES, Accept::Evidence).is_err());
        assert_eq!(sniff(&[0xff, 0xfe, 0x00, 0x41]), None);
        assert_eq!(
            check_upload("a.md", b"# big", 3, Accept::Documents).unwrap_err(),
            DomainError::invalid("file", "file_too_large")
        );
        assert_eq!(
            check_upload("a.md", b"", 3, Accept::Documents).unwrap_err(),
            DomainError::invalid("file", "required")
        );
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(
            file_name("C:\\docs\\ورقة\u{202E}.exe", DocumentKind::Pdf),
            "ورقة.pdf"
        );
        assert_eq!(file_name("", DocumentKind::Markdown), "document.md");
        assert_eq!(file_name("../../etc/x.md", DocumentKind::Odt), "x.odt");
    }
}
