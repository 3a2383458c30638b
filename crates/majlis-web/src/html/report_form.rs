//! A report's form, field by field from its template: what the writer sees
//! (inputs fitted to each kind, guidance, ranges, errors and the reviewer's
//! notes next to their field), what a reader sees (answers in words), and
//! the submitted form read back into answers.

use super::FormData;
use super::layout::{FormState, clean};
use crate::i18n::Lang;
pub use crate::present::answer_words as display;
use majlis_domain::report_template::{Answers, Field, FieldKind, TemplateDef};
use serde_json::Value;
use std::collections::BTreeMap;

/// Empty rows offered under a table's filled ones.
const SPARE_ROWS: usize = 3;

/// One field as the page shows it.
pub struct FieldView {
    pub key: String,
    pub label: String,
    pub help: Option<String>,
    pub required: bool,
    /// number, choice, multiple, date, yesno, text or table
    pub kind: &'static str,
    /// `numeric` or `decimal` for the phone keyboard.
    pub inputmode: &'static str,
    /// The allowed range or length, in words.
    pub hint: Option<String>,
    pub max_len: usize,
    /// The value in the input (simple kinds).
    pub value: String,
    /// (key, label, chosen) for choices and yes/no.
    pub options: Vec<(String, String, bool)>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The answer in words, for readers.
    pub display: String,
    pub error: Option<String>,
    /// The reviewer's note on this field.
    pub note: Option<String>,
}

pub struct SectionView {
    pub key: String,
    pub title: String,
    pub guidance: Option<String>,
    pub required: bool,
    pub text: String,
    pub error: Option<String>,
    pub note: Option<String>,
}

fn form_name(f: &Field) -> String {
    format!("fields.{}", f.key)
}

/// A stored value as the text of an input.
fn input_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        Value::Array(a) => a.iter().map(input_text).collect::<Vec<_>>().join(","),
        _ => String::new(),
    }
}

fn range<T: std::fmt::Display>(lang: Lang, min: Option<T>, max: Option<T>) -> Option<String> {
    use fluent_templates::fluent_bundle::FluentValue;
    let v = |x: T| FluentValue::from(x.to_string());
    match (min, max) {
        (Some(a), Some(b)) => Some(lang.t_args("report-range", &[("min", v(a)), ("max", v(b))])),
        (Some(a), None) => Some(lang.t_args("report-range-min", &[("min", v(a))])),
        (None, Some(b)) => Some(lang.t_args("report-range-max", &[("max", v(b))])),
        (None, None) => None,
    }
}

fn table_rows(v: Option<&Value>) -> Vec<Vec<String>> {
    match v {
        Some(Value::Array(rows)) => rows
            .iter()
            .map(|r| match r {
                Value::Array(cells) => cells.iter().map(input_text).collect(),
                _ => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The template's fields with the saved answers, or with what the writer
/// just submitted (`form`) and the errors it met.
pub fn field_views(
    lang: Lang,
    template: &TemplateDef,
    saved: Option<&Answers>,
    form: &FormState,
    submitted: bool,
    notes: &BTreeMap<String, String>,
    editable: bool,
) -> Vec<FieldView> {
    template
        .fields
        .iter()
        .map(|f| {
            let name = form_name(f);
            let stored = saved.and_then(|a| a.fields.get(&f.key));
            let value = if submitted {
                form.value(&name).to_string()
            } else {
                stored.map(input_text).unwrap_or_default()
            };
            let chosen: Vec<&str> = value.split(',').map(str::trim).collect();
            let (kind, inputmode, hint, options, columns, max_len) = match &f.kind {
                FieldKind::Integer { min, max } => (
                    "number",
                    "numeric",
                    range(lang, *min, *max),
                    vec![],
                    vec![],
                    40,
                ),
                FieldKind::Decimal { min, max } => (
                    "number",
                    "decimal",
                    range(lang, *min, *max),
                    vec![],
                    vec![],
                    40,
                ),
                FieldKind::Percentage => (
                    "number",
                    "decimal",
                    range(lang, Some(0), Some(100)),
                    vec![],
                    vec![],
                    40,
                ),
                FieldKind::Choice { options, multiple } => (
                    if *multiple { "multiple" } else { "choice" },
                    "",
                    None,
                    options
                        .iter()
                        .map(|o| {
                            (
                                o.key.clone(),
                                clean(&o.label),
                                chosen.contains(&o.key.as_str()),
                            )
                        })
                        .collect(),
                    vec![],
                    0,
                ),
                FieldKind::Date => ("date", "", None, vec![], vec![], 10),
                FieldKind::YesNo => (
                    "yesno",
                    "",
                    None,
                    ["yes", "no"]
                        .iter()
                        .map(|k| (k.to_string(), lang.t(&format!("answer-{k}")), value == *k))
                        .collect(),
                    vec![],
                    0,
                ),
                FieldKind::ShortText { max_len } => {
                    let n = max_len.unwrap_or(majlis_domain::validation::MAX_SHORT * 2);
                    ("text", "", None, vec![], vec![], n)
                }
                FieldKind::Table { columns } => (
                    "table",
                    "",
                    None,
                    vec![],
                    columns.iter().map(|c| clean(c)).collect(),
                    majlis_domain::validation::MAX_SHORT * 2,
                ),
            };
            let mut rows = if submitted {
                table_from_form_state(form, &name, columns.len())
            } else {
                table_rows(stored)
            };
            if kind == "table" && editable {
                rows.extend(std::iter::repeat_n(
                    vec![String::new(); columns.len()],
                    SPARE_ROWS,
                ));
            }
            FieldView {
                label: clean(&f.label),
                help: f.help.as_deref().map(clean),
                required: f.required,
                display: display(lang, f, stored),
                error: form.error(&name).map(String::from),
                note: notes.get(&name).cloned(),
                key: f.key.clone(),
                kind,
                inputmode,
                hint,
                max_len,
                value,
                options,
                columns,
                rows,
            }
        })
        .collect()
}

pub fn section_views(
    template: &TemplateDef,
    saved: Option<&Answers>,
    form: &FormState,
    submitted: bool,
    notes: &BTreeMap<String, String>,
) -> Vec<SectionView> {
    template
        .sections
        .iter()
        .map(|s| {
            let name = format!("sections.{}", s.key);
            SectionView {
                text: if submitted {
                    form.value(&name).to_string()
                } else {
                    saved
                        .and_then(|a| a.sections.get(&s.key).cloned())
                        .unwrap_or_default()
                },
                title: clean(&s.title),
                guidance: s.guidance.as_deref().map(clean),
                required: s.required,
                error: form.error(&name).map(String::from),
                note: notes.get(&name).cloned(),
                key: s.key.clone(),
            }
        })
        .collect()
}

/// A table's cells are named `fields.<key>.<row>.<column>`.
fn cell(name: &str, row: usize, col: usize) -> String {
    format!("{name}.{row}.{col}")
}

fn table_from_form_state(form: &FormState, name: &str, columns: usize) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for r in 0..majlis_domain::report_template::MAX_ROWS + SPARE_ROWS {
        let row: Vec<String> = (0..columns)
            .map(|c| form.value(&cell(name, r, c)).to_string())
            .collect();
        if row.iter().all(String::is_empty) {
            if (0..columns).all(|c| form.value(&cell(name, r + 1, c)).is_empty()) {
                break;
            }
            continue;
        }
        rows.push(row);
    }
    rows
}

/// The submitted form as answers: every field and section of the template
/// that has a value (the domain checks and normalizes them).
pub fn answers_from_form(template: &TemplateDef, form: &FormData) -> Answers {
    let mut a = Answers::default();
    for f in &template.fields {
        let name = form_name(f);
        let value = match &f.kind {
            FieldKind::Table { columns } => {
                let rows: Vec<Value> = (0..majlis_domain::report_template::MAX_ROWS + SPARE_ROWS)
                    .map(|r| {
                        (0..columns.len())
                            .map(|c| Value::from(form.text(&cell(&name, r, c))))
                            .collect::<Vec<_>>()
                    })
                    .filter(|row| row.iter().any(|v| v.as_str() != Some("")))
                    .map(Value::Array)
                    .collect();
                (!rows.is_empty()).then_some(Value::Array(rows))
            }
            _ => form
                .get(&name)
                .filter(|v| !v.trim().is_empty())
                .map(Value::from),
        };
        if let Some(v) = value {
            a.fields.insert(f.key.clone(), v);
        }
    }
    for s in &template.sections {
        if let Some(t) = form.get(&format!("sections.{}", s.key))
            && !t.trim().is_empty()
        {
            a.sections.insert(s.key.clone(), t.to_string());
        }
    }
    a
}

/// The reviewer's notes from a review form (`note.fields.<key>`, …).
pub fn notes_from_form(template: &TemplateDef, form: &FormData) -> BTreeMap<String, String> {
    let keys = template
        .fields
        .iter()
        .map(|f| format!("fields.{}", f.key))
        .chain(
            template
                .sections
                .iter()
                .map(|s| format!("sections.{}", s.key)),
        );
    keys.filter_map(|k| {
        form.get(&format!("note.{k}"))
            .filter(|n| !n.trim().is_empty())
            .map(|n| (k, n.to_string()))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn template() -> TemplateDef {
        serde_json::from_value(serde_json::json!({
            "name": "t",
            "fields": [
                {"key": "seats", "label": "المقاعد", "type": "integer", "min": 0},
                {"key": "hard", "label": "الصعوبات", "type": "choice", "multiple": true,
                 "options": [{"key": "money", "label": "المال"}, {"key": "lists", "label": "اللوائح"}]},
                {"key": "people", "label": "المرشحون", "type": "table", "columns": ["الاسم", "الدائرة"]}
            ],
            "sections": [{"key": "lessons", "title": "الدروس"}]
        }))
        .unwrap()
    }

    fn form(pairs: &[(&str, &str)]) -> FormData {
        FormData(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>(),
        )
    }

    #[test]
    fn a_form_reads_back_into_answers() {
        let f = form(&[
            ("fields.seats", "٣"),
            ("fields.hard", "money,lists"),
            ("fields.people.0.0", "أحمد"),
            ("fields.people.0.1", "أكادير"),
            ("fields.people.2.0", "سعاد"),
            ("sections.lessons", "  "),
            ("note.fields.seats", "راجعوا"),
        ]);
        let a = answers_from_form(&template(), &f);
        assert_eq!(a.fields["seats"], Value::from("٣"));
        assert_eq!(a.fields["hard"], Value::from("money,lists"));
        assert_eq!(
            a.fields["people"],
            serde_json::json!([["أحمد", "أكادير"], ["سعاد", ""]])
        );
        assert!(a.sections.is_empty());
        let notes = notes_from_form(&template(), &f);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes["fields.seats"], "راجعوا");
    }

    #[test]
    fn answers_read_in_words() {
        let t = template();
        let v = serde_json::json!(["money", "lists"]);
        assert_eq!(display(Lang::Ar, &t.fields[1], Some(&v)), "المال، اللوائح");
        assert_eq!(display(Lang::Fr, &t.fields[1], Some(&v)), "المال, اللوائح");
        assert_eq!(display(Lang::Ar, &t.fields[0], None), "");
    }
}
