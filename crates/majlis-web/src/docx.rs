//! A [`Document`] as a Word file (DOCX, docx-rs): what provinces open and
//! edit. Right-to-left paragraphs in Arabic, the Amiri font named for
//! complex scripts, tables with their columns in reading order (Word lays a
//! table out left to right unless told otherwise: the columns are written
//! reversed for Arabic), bar charts as lines of figures.

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow};
use majlis_pdf::{Block, Document};

/// Half-points.
const BODY_SIZE: usize = 24;
const HEADING_SIZE: usize = 30;
const TITLE_SIZE: usize = 36;

struct Writer {
    rtl: bool,
}

impl Writer {
    fn run(&self, text: &str) -> Run {
        Run::new()
            .add_text(clean(text))
            .fonts(RunFonts::new().cs("Amiri").ascii("Amiri").hi_ansi("Amiri"))
            .size(BODY_SIZE)
    }

    fn paragraph(&self, run: Run) -> Paragraph {
        let mut p = Paragraph::new().add_run(run);
        p.property = p.property.bidi(self.rtl);
        p.align(if self.rtl {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        })
    }

    fn text(&self, text: &str) -> Paragraph {
        self.paragraph(self.run(text))
    }

    fn heading(&self, text: &str, size: usize) -> Paragraph {
        self.paragraph(self.run(text).bold().size(size))
    }

    fn table(&self, header: &[String], rows: &[Vec<String>]) -> Table {
        let row = |cells: &[String], bold: bool| {
            let mut cells: Vec<TableCell> = cells
                .iter()
                .map(|c| {
                    let r = self.run(c);
                    TableCell::new().add_paragraph(self.paragraph(if bold { r.bold() } else { r }))
                })
                .collect();
            if self.rtl {
                cells.reverse();
            }
            TableRow::new(cells)
        };
        let mut all = vec![row(header, true)];
        all.extend(rows.iter().map(|r| row(r, false)));
        Table::new(all)
    }
}

/// Bidi controls have no place in a Word run: Word orders the text itself.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'))
        .collect()
}

/// The document as DOCX bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let w = Writer {
        rtl: doc.dir == "rtl",
    };
    let centered = |p: Paragraph| p.align(AlignmentType::Center);
    let mut d = Docx::new()
        .add_paragraph(centered(w.text(&doc.org)))
        .add_paragraph(centered(w.heading(&doc.title, TITLE_SIZE)));
    for line in &doc.meta {
        d = d.add_paragraph(centered(w.text(line)));
    }
    for s in &doc.sections {
        d = d.add_paragraph(w.heading(&s.heading, HEADING_SIZE));
        for b in &s.blocks {
            d = match b {
                Block::Paragraph { text } => text
                    .split("\n\n")
                    .fold(d, |d, p| d.add_paragraph(w.text(p))),
                Block::Subheading { text } => d.add_paragraph(w.heading(text, BODY_SIZE + 2)),
                Block::List { items } => items
                    .iter()
                    .fold(d, |d, i| d.add_paragraph(w.text(&format!("• {i}")))),
                Block::Table { header, rows } => {
                    d.add_table(w.table(header, rows)).add_paragraph(w.text(""))
                }
                Block::Note { text } => d.add_paragraph(w.paragraph(w.run(text).italic())),
                Block::Bars { items } => items.iter().fold(d, |d, b| {
                    let bar = "█".repeat((b.value / 5.0).round().clamp(0.0, 20.0) as usize);
                    d.add_paragraph(w.text(&format!("{}: {} {}", b.label, bar, b.shown)))
                }),
            };
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    d.build().pack(&mut out).map_err(|e| format!("docx: {e}"))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use majlis_pdf::Section;

    #[test]
    fn an_arabic_document_as_a_word_file() {
        let doc = Document {
            lang: "ar".into(),
            dir: "rtl".into(),
            org: "حزب التقدم والاشتراكية".into(),
            title: "التقرير التركيبي".into(),
            meta: vec!["\u{2066}27\u{2069} تقريرا".into()],
            sections: vec![Section {
                heading: "الأرقام".into(),
                blocks: vec![
                    Block::Table {
                        header: vec!["الجهة".into(), "المجموع".into()],
                        rows: vec![vec!["جهة سوس ماسة".into(), "38.2".into()]],
                    },
                    Block::Paragraph {
                        text: "فقرة أولى\n\nفقرة ثانية".into(),
                    },
                ],
            }],
            footer: String::new(),
            page_label: String::new(),
        };
        let bytes = render(&doc).unwrap();
        assert!(bytes.starts_with(b"PK"), "a zip");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(xml.contains("w:bidi") && xml.contains("التقرير التركيبي"));
        assert!(!xml.contains('\u{2066}'), "no bidi controls");
        // Columns in reading order: «المجموع» written before «الجهة».
        assert!(xml.find("المجموع").unwrap() < xml.find("الجهة").unwrap());
    }
}
