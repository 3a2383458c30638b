//! A report template as its designer writes it on a page: one row per
//! field (its kind chosen from a list, its rules as typed text, choices and
//! columns one per line) and one per section, in the order given; turned
//! into a `TemplateDef` (then checked by `TemplateDef::validate`), and back
//! into rows to edit a version into the next.

use crate::error::{DomainError, DomainResult, FieldError};
use crate::report_template::{
    ChoiceOption, Field, FieldKind, Section, TemplateDef, ascii_digits, valid_key,
};

/// The kinds a field row offers, in the order of the list.
pub const FIELD_KINDS: [&str; 9] = [
    "integer",
    "decimal",
    "percentage",
    "choice",
    "multiple",
    "date",
    "yes_no",
    "short_text",
    "table",
];

/// A field as typed in the editor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldRow {
    pub key: String,
    pub label: String,
    pub kind: String,
    pub required: bool,
    pub help: String,
    pub min: String,
    pub max: String,
    pub max_len: String,
    /// Choices («key: label» or a label), or a table's columns, a line each.
    pub lines: String,
}

/// A narrative section as typed in the editor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SectionRow {
    pub key: String,
    pub title: String,
    pub guidance: String,
    pub required: bool,
}

/// Rows from a template version, to be edited into the next.
pub fn rows(def: &TemplateDef) -> (Vec<FieldRow>, Vec<SectionRow>) {
    let num = |v: Option<String>| v.unwrap_or_default();
    let fields = def
        .fields
        .iter()
        .map(|f| {
            let mut row = FieldRow {
                key: f.key.clone(),
                label: f.label.clone(),
                required: f.required,
                help: f.help.clone().unwrap_or_default(),
                ..FieldRow::default()
            };
            row.kind = match &f.kind {
                FieldKind::Integer { min, max } => {
                    row.min = num(min.map(|v| v.to_string()));
                    row.max = num(max.map(|v| v.to_string()));
                    "integer"
                }
                FieldKind::Decimal { min, max } => {
                    row.min = num(min.map(|v| v.to_string()));
                    row.max = num(max.map(|v| v.to_string()));
                    "decimal"
                }
                FieldKind::Percentage => "percentage",
                FieldKind::Choice { options, multiple } => {
                    row.lines = options
                        .iter()
                        .map(|o| format!("{}: {}", o.key, o.label))
                        .collect::<Vec<_>>()
                        .join("\n");
                    if *multiple { "multiple" } else { "choice" }
                }
                FieldKind::Date => "date",
                FieldKind::YesNo => "yes_no",
                FieldKind::ShortText { max_len } => {
                    row.max_len = num(max_len.map(|v| v.to_string()));
                    "short_text"
                }
                FieldKind::Table { columns } => {
                    row.lines = columns.join("\n");
                    "table"
                }
            }
            .to_string();
            row
        })
        .collect();
    let sections = def
        .sections
        .iter()
        .map(|s| SectionRow {
            key: s.key.clone(),
            title: s.title.clone(),
            guidance: s.guidance.clone().unwrap_or_default(),
            required: s.required,
        })
        .collect();
    (fields, sections)
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// Choices from lines: «key: label» when the part before the colon is a
/// key (lowercase Latin letters, digits, `_`), else the whole line as the
/// label and `o1`, `o2`… as keys (skipping keys already taken).
pub fn parse_options(text: &str) -> Vec<ChoiceOption> {
    let mut out: Vec<ChoiceOption> = Vec::new();
    let mut pending = Vec::new();
    for line in lines(text) {
        match line.split_once(':') {
            Some((k, label)) if valid_key(k.trim()) && !label.trim().is_empty() => {
                out.push(ChoiceOption {
                    key: k.trim().to_string(),
                    label: label.trim().to_string(),
                });
            }
            _ => {
                pending.push(out.len());
                out.push(ChoiceOption {
                    key: String::new(),
                    label: line.to_string(),
                });
            }
        }
    }
    let mut n = 0;
    for i in pending {
        let key = loop {
            n += 1;
            let k = format!("o{n}");
            if !out.iter().any(|o| o.key == k) {
                break k;
            }
        };
        out[i].key = key;
    }
    out
}

/// A key for each part typed without one: `field_1`, `section_1`… not yet
/// taken in the template.
fn fill_keys(fields: &mut [FieldRow], sections: &mut [SectionRow]) {
    let mut taken: std::collections::HashSet<String> = fields
        .iter()
        .map(|f| f.key.trim().to_string())
        .chain(sections.iter().map(|s| s.key.trim().to_string()))
        .filter(|k| !k.is_empty())
        .collect();
    let mut next = |prefix: &str| {
        let mut n = 1;
        loop {
            let k = format!("{prefix}_{n}");
            if taken.insert(k.clone()) {
                return k;
            }
            n += 1;
        }
    };
    for f in fields.iter_mut() {
        f.key = f.key.trim().to_string();
        if f.key.is_empty() {
            f.key = next("field");
        }
    }
    for s in sections.iter_mut() {
        s.key = s.key.trim().to_string();
        if s.key.is_empty() {
            s.key = next("section");
        }
    }
}

/// A row is left blank (not a part): nothing typed but its kind.
pub fn field_blank(f: &FieldRow) -> bool {
    [
        &f.key, &f.label, &f.help, &f.min, &f.max, &f.max_len, &f.lines,
    ]
    .iter()
    .all(|s| s.trim().is_empty())
}

pub fn section_blank(s: &SectionRow) -> bool {
    [&s.key, &s.title, &s.guidance]
        .iter()
        .all(|x| x.trim().is_empty())
}

/// The template the rows describe (blank rows dropped, missing keys made);
/// numbers that do not read as numbers are refused here, the rest by
/// `TemplateDef::validate`. The rows come back with their keys filled, so
/// that a page can show each error next to its row.
pub fn build(
    name: &str,
    mut fields: Vec<FieldRow>,
    mut sections: Vec<SectionRow>,
) -> (Vec<FieldRow>, Vec<SectionRow>, DomainResult<TemplateDef>) {
    fields.retain(|f| !field_blank(f));
    sections.retain(|s| !section_blank(s));
    fill_keys(&mut fields, &mut sections);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for f in &fields {
        let at = format!("fields.{}", f.key);
        let mut bad = |code: &'static str| errors.push(FieldError::dynamic(at.clone(), code));
        let int = |s: &str| -> Result<Option<i64>, ()> {
            let s = ascii_digits(s);
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse().map(Some).map_err(|_| ())
            }
        };
        let dec = |s: &str| -> Result<Option<f64>, ()> {
            let s = ascii_digits(s).replace(['٫', ','], ".");
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse::<f64>()
                    .ok()
                    .filter(|v| v.is_finite())
                    .map(Some)
                    .ok_or(())
            }
        };
        let kind = match f.kind.as_str() {
            "integer" => match (int(&f.min), int(&f.max)) {
                (Ok(min), Ok(max)) => Some(FieldKind::Integer { min, max }),
                _ => {
                    bad("invalid_number");
                    None
                }
            },
            "decimal" => match (dec(&f.min), dec(&f.max)) {
                (Ok(min), Ok(max)) => Some(FieldKind::Decimal { min, max }),
                _ => {
                    bad("invalid_number");
                    None
                }
            },
            "percentage" => Some(FieldKind::Percentage),
            "choice" | "multiple" => Some(FieldKind::Choice {
                options: parse_options(&f.lines),
                multiple: f.kind == "multiple",
            }),
            "date" => Some(FieldKind::Date),
            "yes_no" => Some(FieldKind::YesNo),
            "short_text" => match int(&f.max_len) {
                Ok(n) if n.is_none_or(|n| n >= 0) => Some(FieldKind::ShortText {
                    max_len: n.map(|n| n as usize),
                }),
                _ => {
                    bad("invalid_number");
                    None
                }
            },
            "table" => Some(FieldKind::Table {
                columns: lines(&f.lines).map(String::from).collect(),
            }),
            _ => {
                bad("invalid_choice");
                None
            }
        };
        if let Some(kind) = kind {
            out.push(Field {
                key: f.key.clone(),
                label: f.label.clone(),
                help: Some(f.help.trim().to_string()).filter(|h| !h.is_empty()),
                required: f.required,
                kind,
            });
        }
    }
    let def = TemplateDef {
        name: name.to_string(),
        fields: out,
        sections: sections
            .iter()
            .map(|s| Section {
                key: s.key.clone(),
                title: s.title.clone(),
                guidance: Some(s.guidance.trim().to_string()).filter(|g| !g.is_empty()),
                required: s.required,
            })
            .collect(),
    };
    let result = match def.validate() {
        Ok(def) if errors.is_empty() => Ok(def),
        Ok(_) => Err(DomainError::Invalid(errors)),
        Err(DomainError::Invalid(mut more)) => {
            more.retain(|e| !errors.iter().any(|x| x.field == e.field));
            errors.extend(more);
            Err(DomainError::Invalid(errors))
        }
        Err(e) => Err(e),
    };
    (fields, sections, result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report_template::tests::elections;

    #[test]
    fn options_with_and_without_keys() {
        let o =
            parse_options("money: نقص الموارد\n\nالتقطيع الانتخابي\n o1 : استعمال المال\nx y: z");
        let keys: Vec<&str> = o.iter().map(|o| o.key.as_str()).collect();
        assert_eq!(keys, ["money", "o2", "o1", "o3"]);
        assert_eq!(o[1].label, "التقطيع الانتخابي");
        assert_eq!(o[3].label, "x y: z");
    }

    #[test]
    fn a_version_round_trips_through_rows() {
        let def = elections();
        let (f, s) = rows(&def);
        let (_, _, back) = build(&def.name, f, s);
        assert_eq!(back.unwrap(), def.validate().unwrap());
    }

    #[test]
    fn blank_rows_dropped_keys_made_numbers_read() {
        let fields = vec![
            FieldRow {
                label: "عدد المقاعد".into(),
                kind: "integer".into(),
                min: "٠".into(),
                max: "١٢".into(),
                ..FieldRow::default()
            },
            FieldRow {
                kind: "integer".into(),
                ..FieldRow::default()
            },
            FieldRow {
                key: "field_1".into(),
                label: "الملاحظات".into(),
                kind: "short_text".into(),
                ..FieldRow::default()
            },
        ];
        let sections = vec![SectionRow {
            title: "التقييم".into(),
            required: true,
            ..SectionRow::default()
        }];
        let (f, s, def) = build("تقرير", fields, sections);
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].key.as_str(), s[0].key.as_str()),
            ("field_2", "section_1")
        );
        let def = def.unwrap();
        assert_eq!(
            def.fields[0].kind,
            FieldKind::Integer {
                min: Some(0),
                max: Some(12)
            }
        );
        assert!(def.sections[0].required);
    }

    #[test]
    fn errors_name_their_rows() {
        let fields = vec![
            FieldRow {
                key: "seats".into(),
                label: "المقاعد".into(),
                kind: "integer".into(),
                min: "كثير".into(),
                ..FieldRow::default()
            },
            FieldRow {
                key: "why".into(),
                label: "السبب".into(),
                kind: "choice".into(),
                lines: "واحد فقط".into(),
                ..FieldRow::default()
            },
            FieldRow {
                key: "Bad Key".into(),
                label: "x".into(),
                kind: "date".into(),
                ..FieldRow::default()
            },
        ];
        let (_, _, r) = build("", fields, Vec::new());
        let DomainError::Invalid(errors) = r.unwrap_err() else {
            panic!()
        };
        let got: Vec<(String, &str)> = errors
            .iter()
            .map(|e| (e.field.to_string(), e.code))
            .collect();
        assert!(
            got.contains(&("fields.seats".into(), "invalid_number")),
            "{got:?}"
        );
        assert!(
            got.contains(&("fields.why".into(), "bad_options")),
            "{got:?}"
        );
        assert!(
            got.contains(&("fields.Bad Key".into(), "invalid_key")),
            "{got:?}"
        );
        assert!(got.contains(&("name".into(), "required")), "{got:?}");
    }
}
