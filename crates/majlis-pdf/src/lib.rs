//! majlis documents as PDF: one typst template, fed a [`Document`] as JSON,
//! with the Amiri font embedded (Arabic shaped, right to left; French and
//! English left to right). Callers format dates and translate labels; this
//! crate only lays pages out.

use serde::Serialize;
use std::sync::OnceLock;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::TypstEngine;
use typst_as_lib::TypstTemplateMainFile;

const TEMPLATE: &str = include_str!("document.typ");
const AMIRI: &[u8] = include_bytes!("../../majlis-web/static/fonts/Amiri-Regular.ttf");
const AMIRI_BOLD: &[u8] = include_bytes!("../../majlis-web/static/fonts/Amiri-Bold.ttf");

/// A document: a heading block, then sections of blocks.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// `ar`, `fr` or `en`.
    pub lang: String,
    /// `rtl` or `ltr`.
    pub dir: String,
    /// The organization's name, above the title.
    pub org: String,
    pub title: String,
    /// Lines under the title (date, venue, approval).
    pub meta: Vec<String>,
    pub sections: Vec<Section>,
    /// At the foot of every page, before the page number.
    pub footer: String,
    /// The page number as the language says it, with `{page}` and `{total}`
    /// («صفحة {page} من {total}», «Page {page} sur {total}»).
    pub page_label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Text; blank lines separate paragraphs, single line breaks are kept.
    Paragraph {
        text: String,
    },
    Subheading {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A boxed remark (quorum, approval).
    Note {
        text: String,
    },
    /// A bar chart: one bar per item, laid out in the text's direction
    /// (from the right in Arabic).
    Bars {
        items: Vec<Bar>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Bar {
    pub label: String,
    /// 0 to 100: the bar's share of the width.
    pub value: f64,
    /// The figure written after the bar («12 (40%)»).
    pub shown: String,
}

#[derive(Debug)]
pub enum PdfError {
    Compile(String),
    Export(String),
}

impl std::error::Error for PdfError {}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Compile(e) => write!(f, "typst: {e}"),
            Self::Export(e) => write!(f, "pdf: {e}"),
        }
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts([AMIRI, AMIRI_BOLD])
            .build()
    })
}

/// Lays out a document and writes it as PDF.
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::to_string(doc).map_err(|e| PdfError::Compile(e.to_string()))?;
    // Isolation marks (from translated messages) and other bidi controls
    // have no glyph in the font; typst orders the text itself.
    let data: String = data.chars().filter(|c| !is_bidi_control(*c)).collect();
    let mut inputs = Dict::new();
    inputs.insert("data".into(), data.as_str().into_value());
    let compiled = engine()
        .compile_with_input(inputs)
        .output
        .map_err(|e| PdfError::Compile(format!("{e:?}")))?;
    let options = typst_pdf::PdfOptions::default();
    typst_pdf::pdf(&compiled, &options).map_err(|e| PdfError::Export(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            lang: "ar".into(),
            dir: "rtl".into(),
            org: "حزب التقدم والاشتراكية".into(),
            title: "محضر اجتماع المكتب السياسي".into(),
            meta: vec!["الإثنين 19 دجنبر 2016".into()],
            sections: vec![Section {
                heading: "جدول الأعمال".into(),
                blocks: vec![
                    Block::Paragraph {
                        text: "#set page(width: 1cm) [x] $y$ \\ *نص*".into(),
                    },
                    Block::List {
                        items: vec!["أ".into(), "ب".into()],
                    },
                    Block::Table {
                        header: vec!["الاسم".into(), "الحضور".into()],
                        rows: vec![vec!["نبيل".into(), "حاضر".into()]],
                    },
                    Block::Note {
                        text: "النصاب".into(),
                    },
                    Block::Subheading {
                        text: "فرعي".into(),
                    },
                ],
            }],
            footer: "مجلس".into(),
            page_label: "صفحة {page} من {total}".into(),
        }
    }

    #[test]
    fn renders_arabic_and_keeps_user_text_out_of_markup() {
        let pdf = render(&sample()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 2000);
        // The font is embedded (subset) under its name.
        assert!(pdf.windows(5).any(|w| w == b"Amiri"));
    }
}
