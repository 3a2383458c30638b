//! Report templates: narrative sections with guidance, and typed fields
//! (numbers, percentages, choices, dates, yes/no, short texts, tables) with
//! their rules; a report's answers checked against them — loosely while the
//! secretary drafts, completely at submission.

use crate::error::{DomainError, DomainResult, FieldError};
use crate::validation::{MAX_NAME, MAX_SHORT, single_line};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Most sections and fields in one template.
pub const MAX_PARTS: usize = 100;
/// Longest narrative section.
pub const MAX_NARRATIVE: usize = 20_000;
/// Most rows of a table field.
pub const MAX_ROWS: usize = 200;
/// Most options of a choice field, columns of a table.
pub const MAX_OPTIONS: usize = 30;

/// A field's kind and its rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldKind {
    Integer {
        #[serde(default)]
        min: Option<i64>,
        #[serde(default)]
        max: Option<i64>,
    },
    Decimal {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
    /// 0 to 100.
    Percentage,
    Choice {
        options: Vec<ChoiceOption>,
        #[serde(default)]
        multiple: bool,
    },
    Date,
    YesNo,
    ShortText {
        #[serde(default)]
        max_len: Option<usize>,
    },
    /// Rows of short texts under fixed columns.
    Table {
        columns: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub key: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Lowercase letters, digits and `_`; unique in the template.
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(flatten)]
    pub kind: FieldKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub key: String,
    pub title: String,
    /// What the writer should cover.
    #[serde(default)]
    pub guidance: Option<String>,
    #[serde(default)]
    pub required: bool,
}

/// A template's content (one version of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateDef {
    pub name: String,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub sections: Vec<Section>,
}

pub(crate) fn valid_key(k: &str) -> bool {
    !k.is_empty()
        && k.len() <= 40
        && k.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl TemplateDef {
    /// Checks a template: a name, keys well formed and unique, sane rules.
    pub fn validate(mut self) -> DomainResult<Self> {
        let mut errors = Vec::new();
        let mut fail = |field: String, code: &'static str| {
            if !errors.iter().any(|e: &FieldError| e.field == field) {
                errors.push(FieldError::dynamic(field, code));
            }
        };
        match single_line(&self.name) {
            Some(n) if !n.is_empty() && n.chars().count() <= MAX_NAME => self.name = n,
            Some(n) if n.is_empty() => fail("name".into(), "required"),
            _ => fail("name".into(), "too_long"),
        }
        if self.fields.len() + self.sections.len() > MAX_PARTS {
            fail("fields".into(), "too_many");
        }
        if self.fields.is_empty() && self.sections.is_empty() {
            fail("fields".into(), "required");
        }
        let mut keys = std::collections::HashSet::new();
        for f in &mut self.fields {
            let at = format!("fields.{}", f.key);
            if !valid_key(&f.key) {
                fail(at.clone(), "invalid_key");
            } else if !keys.insert(f.key.clone()) {
                fail(at.clone(), "duplicate_key");
            }
            match single_line(&f.label) {
                Some(l) if !l.is_empty() && l.chars().count() <= MAX_NAME => f.label = l,
                _ => fail(at.clone(), "invalid_label"),
            }
            match &f.kind {
                FieldKind::Integer {
                    min: Some(a),
                    max: Some(b),
                } if a > b => fail(at, "bad_range"),
                FieldKind::Decimal { min, max } => {
                    let finite = min.is_none_or(f64::is_finite) && max.is_none_or(f64::is_finite);
                    if !finite || matches!((min, max), (Some(a), Some(b)) if a > b) {
                        fail(at, "bad_range")
                    }
                }
                FieldKind::Choice { options, .. } => {
                    let mut seen = std::collections::HashSet::new();
                    if options.len() < 2
                        || options.len() > MAX_OPTIONS
                        || options
                            .iter()
                            .any(|o| !valid_key(&o.key) || !seen.insert(&o.key))
                        || options.iter().any(|o| o.label.trim().is_empty())
                    {
                        fail(at, "bad_options")
                    }
                }
                FieldKind::Table { columns }
                    if columns.is_empty()
                        || columns.len() > MAX_OPTIONS
                        || columns.iter().any(|c| c.trim().is_empty()) =>
                {
                    fail(at, "bad_columns")
                }
                FieldKind::ShortText { max_len: Some(0) } => fail(at, "bad_range"),
                _ => {}
            }
        }
        for s in &mut self.sections {
            let at = format!("sections.{}", s.key);
            if !valid_key(&s.key) {
                fail(at.clone(), "invalid_key");
            } else if !keys.insert(s.key.clone()) {
                fail(at.clone(), "duplicate_key");
            }
            match single_line(&s.title) {
                Some(t) if !t.is_empty() && t.chars().count() <= MAX_NAME => s.title = t,
                _ => fail(at, "invalid_label"),
            }
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(DomainError::Invalid(errors))
        }
    }

    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// A report's answers: field values and section texts, by key.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Answers {
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
}

/// A value read from a form or JSON, normalized: numbers as numbers, dates
/// as `YYYY-MM-DD`, choices as option keys, yes/no as booleans, texts
/// trimmed. `Ok(None)` for an empty answer.
pub fn normalize(field: &Field, raw: &Value) -> Result<Option<Value>, &'static str> {
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    if raw.is_null() || matches!(raw, Value::String(s) if s.trim().is_empty()) {
        return Ok(None);
    }
    match &field.kind {
        FieldKind::Integer { min, max } => {
            let n = match raw {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => ascii_digits(s).parse().ok(),
                _ => None,
            }
            .ok_or("not_an_integer")?;
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                return Err("out_of_range");
            }
            Ok(Some(Value::from(n)))
        }
        FieldKind::Decimal { min, max } => {
            let n = decimal(raw).ok_or("not_a_number")?;
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                return Err("out_of_range");
            }
            Ok(Some(Value::from(n)))
        }
        FieldKind::Percentage => {
            let n = decimal(raw).ok_or("not_a_number")?;
            if !(0.0..=100.0).contains(&n) {
                return Err("out_of_range");
            }
            Ok(Some(Value::from(n)))
        }
        FieldKind::Choice { options, multiple } => {
            let picked: Vec<String> = match raw {
                Value::Array(a) => a.iter().filter_map(text).collect(),
                v => text(v)
                    .map(|s| s.split(',').map(|p| p.trim().to_string()).collect())
                    .unwrap_or_default(),
            };
            let picked: Vec<String> = picked.into_iter().filter(|p| !p.is_empty()).collect();
            if picked.iter().any(|p| !options.iter().any(|o| &o.key == p)) {
                return Err("invalid_choice");
            }
            if !multiple && picked.len() > 1 {
                return Err("one_choice");
            }
            // In the template's order, each once.
            let ordered: Vec<Value> = options
                .iter()
                .filter(|o| picked.contains(&o.key))
                .map(|o| Value::from(o.key.clone()))
                .collect();
            Ok(match (ordered.is_empty(), multiple) {
                (true, _) => None,
                (false, true) => Some(Value::Array(ordered)),
                (false, false) => ordered.into_iter().next(),
            })
        }
        FieldKind::Date => {
            let s = text(raw).ok_or("invalid_date")?;
            let d =
                chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| "invalid_date")?;
            Ok(Some(Value::from(d.format("%Y-%m-%d").to_string())))
        }
        FieldKind::YesNo => match raw {
            Value::Bool(b) => Ok(Some(Value::from(*b))),
            Value::String(s) => match s.trim() {
                "yes" | "true" | "on" => Ok(Some(Value::from(true))),
                "no" | "false" => Ok(Some(Value::from(false))),
                _ => Err("invalid_choice"),
            },
            _ => Err("invalid_choice"),
        },
        FieldKind::ShortText { max_len } => {
            let s = text(raw).ok_or("invalid_text")?;
            let s = single_line(&s).ok_or("single_line")?;
            if s.chars().count() > max_len.unwrap_or(MAX_SHORT * 2) {
                return Err("too_long");
            }
            Ok(Some(Value::from(s)))
        }
        FieldKind::Table { columns } => {
            let Value::Array(rows) = raw else {
                return Err("invalid_table");
            };
            if rows.len() > MAX_ROWS {
                return Err("too_many_rows");
            }
            let mut out = Vec::new();
            for row in rows {
                let Value::Array(cells) = row else {
                    return Err("invalid_table");
                };
                if cells.len() != columns.len() {
                    return Err("invalid_table");
                }
                let cells: Vec<Value> = cells
                    .iter()
                    .map(|c| {
                        let s = text(c).unwrap_or_default();
                        single_line(&s)
                            .filter(|s| s.chars().count() <= MAX_SHORT * 2)
                            .map(Value::from)
                            .ok_or("invalid_table")
                    })
                    .collect::<Result<_, _>>()?;
                if cells.iter().any(|c| c.as_str() != Some("")) {
                    out.push(Value::Array(cells));
                }
            }
            Ok((!out.is_empty()).then_some(Value::Array(out)))
        }
    }
}

/// A number typed with Arabic-Indic (or Persian) digits, in ASCII digits;
/// spaces and thousands separators («12 000», «12٬000») removed.
pub fn ascii_digits(s: &str) -> String {
    s.trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '٬')
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            c => c,
        })
        .collect()
}

fn decimal(raw: &Value) -> Option<f64> {
    let n = match raw {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => ascii_digits(s).replace(['٫', ','], ".").parse::<f64>().ok(),
        _ => None,
    }?;
    n.is_finite().then_some(n)
}

/// Checks and normalizes a report's answers against its template. A draft
/// keeps what is valid and reports the rest; at submission (`complete`)
/// every required field and section must be answered.
pub fn check_answers(
    template: &TemplateDef,
    answers: &Answers,
    complete: bool,
) -> DomainResult<Answers> {
    let mut errors = Vec::new();
    let mut out = Answers::default();
    for key in answers.fields.keys() {
        if template.field(key).is_none() {
            errors.push(FieldError::dynamic(
                format!("fields.{key}"),
                "unknown_field",
            ));
        }
    }
    for key in answers.sections.keys() {
        if !template.sections.iter().any(|s| &s.key == key) {
            errors.push(FieldError::dynamic(
                format!("sections.{key}"),
                "unknown_field",
            ));
        }
    }
    for f in &template.fields {
        let at = format!("fields.{}", f.key);
        match answers.fields.get(&f.key).map(|v| normalize(f, v)) {
            Some(Ok(Some(v))) => {
                out.fields.insert(f.key.clone(), v);
            }
            Some(Err(code)) => errors.push(FieldError::dynamic(at, code)),
            Some(Ok(None)) | None if complete && f.required => {
                errors.push(FieldError::dynamic(at, "required"))
            }
            _ => {}
        }
    }
    for s in &template.sections {
        let at = format!("sections.{}", s.key);
        let text = answers
            .sections
            .get(&s.key)
            .map(|t| crate::validation::clean(t))
            .unwrap_or_default();
        if text.chars().count() > MAX_NARRATIVE {
            errors.push(FieldError::dynamic(at, "too_long"));
        } else if text.is_empty() {
            if complete && s.required {
                errors.push(FieldError::dynamic(at, "required"));
            }
        } else {
            out.sections.insert(s.key.clone(), text);
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(DomainError::Invalid(errors))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// The seed's template: «تقييم انتخابات أعضاء مجلس النواب».
    pub fn elections() -> TemplateDef {
        serde_json::from_value(json!({
            "name": "تقييم انتخابات أعضاء مجلس النواب",
            "fields": [
                {"key": "turnout", "label": "نسبة المشاركة", "type": "percentage", "required": true},
                {"key": "seats_contested", "label": "المقاعد المتبارى عليها", "type": "integer", "min": 0, "max": 50, "required": true},
                {"key": "votes", "label": "الأصوات المحصل عليها", "type": "integer", "min": 0},
                {"key": "difficulties", "label": "أهم الصعوبات", "type": "choice", "multiple": true,
                 "options": [{"key": "money", "label": "استعمال المال"}, {"key": "lists", "label": "اللوائح الانتخابية"}, {"key": "campaign", "label": "ضعف الحملة"}]},
                {"key": "candidates", "label": "المرشحون حسب الجنس", "type": "table", "columns": ["الدائرة", "نساء", "رجال"]},
                {"key": "held_on", "label": "تاريخ الاجتماع", "type": "date"},
                {"key": "alliance", "label": "تحالف محلي", "type": "yes_no"}
            ],
            "sections": [
                {"key": "assessment", "title": "التقييم", "guidance": "ما الذي نجح وما الذي لم ينجح؟", "required": true},
                {"key": "lessons", "title": "الدروس"},
                {"key": "proposals", "title": "المقترحات"}
            ]
        }))
        .unwrap()
    }

    fn codes(e: DomainError) -> Vec<(String, &'static str)> {
        let DomainError::Invalid(errs) = e else {
            panic!("{e:?}")
        };
        errs.into_iter()
            .map(|e| (e.field.to_string(), e.code))
            .collect()
    }

    #[test]
    fn the_seed_template_is_valid_and_bad_ones_are_not() {
        assert!(elections().validate().is_ok());
        let mut bad = elections();
        bad.fields[1].key = "turnout".into();
        bad.fields[2].kind = FieldKind::Integer {
            min: Some(5),
            max: Some(1),
        };
        bad.fields[3].kind = FieldKind::Choice {
            options: vec![],
            multiple: false,
        };
        bad.sections[0].key = "Bad Key".into();
        assert_eq!(
            codes(bad.validate().unwrap_err()),
            [
                ("fields.turnout".to_string(), "duplicate_key"),
                ("fields.votes".into(), "bad_range"),
                ("fields.difficulties".into(), "bad_options"),
                ("sections.Bad Key".into(), "invalid_key"),
            ]
        );
    }

    #[test]
    fn answers_are_normalized() {
        let t = elections();
        let a: Answers = serde_json::from_value(json!({
            "fields": {
                "turnout": "42,5", "seats_contested": "٣", "votes": 12000,
                "difficulties": ["campaign", "money", "money"],
                "candidates": [["أكادير إداوتنان", "1", "2"], ["", "", ""]],
                "held_on": "2017-01-05", "alliance": "no"
            },
            "sections": {"assessment": "  نجحنا في …  ", "lessons": ""}
        }))
        .unwrap();
        let ok = check_answers(&t, &a, true).unwrap();
        assert_eq!(ok.fields["turnout"], json!(42.5));
        assert_eq!(ok.fields["seats_contested"], json!(3));
        assert_eq!(ok.fields["difficulties"], json!(["money", "campaign"]));
        assert_eq!(
            ok.fields["candidates"],
            json!([["أكادير إداوتنان", "1", "2"]])
        );
        assert_eq!(ok.fields["alliance"], json!(false));
        assert_eq!(ok.sections["assessment"], "نجحنا في …");
        assert!(!ok.sections.contains_key("lessons"));
    }

    #[test]
    fn bad_answers_and_missing_required_ones() {
        let t = elections();
        let a: Answers = serde_json::from_value(json!({
            "fields": {"turnout": 120, "seats_contested": "ثلاثة", "difficulties": "fraud", "colour": "red",
                       "candidates": [["a", "b"]], "held_on": "5/1/2017"},
            "sections": {}
        }))
        .unwrap();
        let errs = codes(check_answers(&t, &a, false).unwrap_err());
        assert!(errs.contains(&("fields.colour".into(), "unknown_field")));
        assert!(errs.contains(&("fields.turnout".into(), "out_of_range")));
        assert!(errs.contains(&("fields.seats_contested".into(), "not_an_integer")));
        assert!(errs.contains(&("fields.difficulties".into(), "invalid_choice")));
        assert!(errs.contains(&("fields.candidates".into(), "invalid_table")));
        assert!(errs.contains(&("fields.held_on".into(), "invalid_date")));
        // A draft may be empty; a submission needs the required answers.
        assert!(check_answers(&t, &Answers::default(), false).is_ok());
        let errs = codes(check_answers(&t, &Answers::default(), true).unwrap_err());
        assert_eq!(
            errs,
            [
                ("fields.turnout".to_string(), "required"),
                ("fields.seats_contested".into(), "required"),
                ("sections.assessment".into(), "required"),
            ]
        );
    }
}
