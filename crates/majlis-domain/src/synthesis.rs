//! The synthesis of a campaign's reports (التقرير التركيبي): numeric fields
//! summed up (count, sum, mean, median, min, max) overall, by region and by
//! body kind; choices counted per option (a report ticking two options
//! counts once for each, never as a combination); yes/no counted; narrative
//! sections gathered with the body that wrote each.

use crate::body::BodyKind;
use crate::report_template::{Answers, FieldKind, TemplateDef};
use serde::Serialize;
use std::collections::BTreeMap;
use uuid::Uuid;

/// A report as the synthesis reads it.
#[derive(Debug, Clone)]
pub struct ReportRow<'a> {
    pub report_id: Uuid,
    pub body_id: Uuid,
    /// The region the body belongs to (for grouping), if any.
    pub region: Option<Uuid>,
    pub kind: BodyKind,
    pub answers: &'a Answers,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumericSummary {
    pub count: usize,
    pub sum: f64,
    pub mean: f64,
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// The summary of some numbers, `None` for none.
pub fn summarize(values: &[f64]) -> Option<NumericSummary> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let sum: f64 = v.iter().sum();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some(NumericSummary {
        count: n,
        sum,
        mean: sum / n as f64,
        median,
        min: v[0],
        max: v[n - 1],
    })
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionCount {
    pub key: String,
    pub label: String,
    pub count: usize,
    /// Of the reports that answered the field.
    pub percent: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FieldSummary {
    Numeric {
        overall: Option<NumericSummary>,
        by_region: BTreeMap<Uuid, NumericSummary>,
        by_kind: BTreeMap<&'static str, NumericSummary>,
    },
    Choice {
        answered: usize,
        options: Vec<OptionCount>,
    },
    YesNo {
        yes: usize,
        no: usize,
    },
    /// Dates, short texts, tables: how many answered (read in the reports).
    Answered {
        answered: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldResult {
    pub key: String,
    pub label: String,
    pub summary: FieldSummary,
}

/// One body's text for a section, linked back to its report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quotation {
    pub report_id: Uuid,
    pub body_id: Uuid,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionResult {
    pub key: String,
    pub title: String,
    pub quotations: Vec<Quotation>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Synthesis {
    pub reports: usize,
    pub fields: Vec<FieldResult>,
    pub sections: Vec<SectionResult>,
}

fn number(v: &serde_json::Value) -> Option<f64> {
    v.as_f64()
}

/// The synthesis of `rows` (the reports taken into account: submitted or
/// accepted) under `template`.
pub fn synthesize(template: &TemplateDef, rows: &[ReportRow<'_>]) -> Synthesis {
    let fields = template
        .fields
        .iter()
        .map(|f| {
            let values = rows
                .iter()
                .filter_map(|r| r.answers.fields.get(&f.key).map(|v| (r, v)));
            let summary = match &f.kind {
                FieldKind::Integer { .. } | FieldKind::Decimal { .. } | FieldKind::Percentage => {
                    let mut all = Vec::new();
                    let mut by_region: BTreeMap<Uuid, Vec<f64>> = BTreeMap::new();
                    let mut by_kind: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
                    for (r, v) in values {
                        if let Some(n) = number(v) {
                            all.push(n);
                            if let Some(region) = r.region {
                                by_region.entry(region).or_default().push(n);
                            }
                            by_kind.entry(r.kind.as_str()).or_default().push(n);
                        }
                    }
                    FieldSummary::Numeric {
                        overall: summarize(&all),
                        by_region: by_region
                            .into_iter()
                            .filter_map(|(k, v)| summarize(&v).map(|s| (k, s)))
                            .collect(),
                        by_kind: by_kind
                            .into_iter()
                            .filter_map(|(k, v)| summarize(&v).map(|s| (k, s)))
                            .collect(),
                    }
                }
                FieldKind::Choice { options, .. } => {
                    let mut answered = 0;
                    let mut counts = vec![0usize; options.len()];
                    for (_, v) in values {
                        let picked: Vec<&str> = match v {
                            serde_json::Value::Array(a) => {
                                a.iter().filter_map(|x| x.as_str()).collect()
                            }
                            serde_json::Value::String(s) => vec![s.as_str()],
                            _ => vec![],
                        };
                        if picked.is_empty() {
                            continue;
                        }
                        answered += 1;
                        for (i, o) in options.iter().enumerate() {
                            if picked.contains(&o.key.as_str()) {
                                counts[i] += 1;
                            }
                        }
                    }
                    FieldSummary::Choice {
                        answered,
                        options: options
                            .iter()
                            .zip(counts)
                            .map(|(o, count)| OptionCount {
                                key: o.key.clone(),
                                label: o.label.clone(),
                                count,
                                percent: if answered == 0 {
                                    0.0
                                } else {
                                    count as f64 * 100.0 / answered as f64
                                },
                            })
                            .collect(),
                    }
                }
                FieldKind::YesNo => {
                    let (mut yes, mut no) = (0, 0);
                    for (_, v) in values {
                        match v.as_bool() {
                            Some(true) => yes += 1,
                            Some(false) => no += 1,
                            None => {}
                        }
                    }
                    FieldSummary::YesNo { yes, no }
                }
                FieldKind::Date | FieldKind::ShortText { .. } | FieldKind::Table { .. } => {
                    FieldSummary::Answered {
                        answered: values.count(),
                    }
                }
            };
            FieldResult {
                key: f.key.clone(),
                label: f.label.clone(),
                summary,
            }
        })
        .collect();
    let sections = template
        .sections
        .iter()
        .map(|s| SectionResult {
            key: s.key.clone(),
            title: s.title.clone(),
            quotations: rows
                .iter()
                .filter_map(|r| {
                    r.answers.sections.get(&s.key).map(|t| Quotation {
                        report_id: r.report_id,
                        body_id: r.body_id,
                        text: t.clone(),
                    })
                })
                .collect(),
        })
        .collect();
    Synthesis {
        reports: rows.len(),
        fields,
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn template() -> TemplateDef {
        serde_json::from_value(json!({
            "name": "t",
            "fields": [
                {"key": "turnout", "label": "نسبة المشاركة", "type": "percentage"},
                {"key": "seats", "label": "المقاعد", "type": "integer"},
                {"key": "difficulties", "label": "الصعوبات", "type": "choice", "multiple": true,
                 "options": [{"key": "money", "label": "المال"}, {"key": "lists", "label": "اللوائح"}, {"key": "campaign", "label": "الحملة"}]},
                {"key": "alliance", "label": "تحالف", "type": "yes_no"},
                {"key": "held_on", "label": "تاريخ", "type": "date"}
            ],
            "sections": [{"key": "lessons", "title": "الدروس"}]
        }))
        .unwrap()
    }

    fn answers(v: serde_json::Value) -> Answers {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn hand_computed_synthesis_of_four_reports() {
        let (north, south) = (Uuid::now_v7(), Uuid::now_v7());
        let a = [
            answers(
                json!({"fields": {"turnout": 40.0, "seats": 2, "difficulties": ["money", "lists"], "alliance": true},
                           "sections": {"lessons": "القرب"}}),
            ),
            answers(
                json!({"fields": {"turnout": 50.0, "seats": 4, "difficulties": ["money"], "alliance": false}}),
            ),
            answers(
                json!({"fields": {"turnout": 30.0, "difficulties": ["campaign", "money"], "held_on": "2017-01-05"},
                           "sections": {"lessons": "التكوين"}}),
            ),
            answers(json!({"fields": {"seats": 3}})),
        ];
        let rows: Vec<ReportRow> = a
            .iter()
            .enumerate()
            .map(|(i, answers)| ReportRow {
                report_id: Uuid::now_v7(),
                body_id: Uuid::now_v7(),
                region: Some(if i < 2 { north } else { south }),
                kind: if i == 3 {
                    BodyKind::Local
                } else {
                    BodyKind::Provincial
                },
                answers,
            })
            .collect();
        let s = synthesize(&template(), &rows);
        assert_eq!(s.reports, 4);
        let FieldSummary::Numeric {
            overall,
            by_region,
            by_kind,
        } = &s.fields[0].summary
        else {
            panic!()
        };
        let o = overall.as_ref().unwrap();
        assert_eq!(
            (o.count, o.sum, o.mean, o.median, o.min, o.max),
            (3, 120.0, 40.0, 40.0, 30.0, 50.0)
        );
        assert_eq!(by_region[&north].mean, 45.0);
        assert_eq!(by_region[&south].count, 1);
        assert_eq!(by_kind["provincial"].count, 3);
        let FieldSummary::Numeric {
            overall, by_kind, ..
        } = &s.fields[1].summary
        else {
            panic!()
        };
        let o = overall.as_ref().unwrap();
        assert_eq!((o.count, o.sum, o.median), (3, 9.0, 3.0));
        assert_eq!(by_kind["local"].sum, 3.0);
        // Per option, not per combination: money 3 of 3, lists 1, campaign 1.
        let FieldSummary::Choice { answered, options } = &s.fields[2].summary else {
            panic!()
        };
        assert_eq!(*answered, 3);
        let counts: Vec<(usize, f64)> = options
            .iter()
            .map(|o| (o.count, (o.percent * 10.0).round() / 10.0))
            .collect();
        assert_eq!(counts, [(3, 100.0), (1, 33.3), (1, 33.3)]);
        assert_eq!(s.fields[3].summary, FieldSummary::YesNo { yes: 1, no: 1 });
        assert_eq!(s.fields[4].summary, FieldSummary::Answered { answered: 1 });
        let q = &s.sections[0].quotations;
        assert_eq!(q.len(), 2);
        assert_eq!(
            (q[0].text.as_str(), q[0].report_id),
            ("القرب", rows[0].report_id)
        );
    }

    #[test]
    fn summaries_of_nothing_and_of_one() {
        assert_eq!(summarize(&[]), None);
        let one = summarize(&[7.0]).unwrap();
        assert_eq!(
            (one.mean, one.median, one.min, one.max),
            (7.0, 7.0, 7.0, 7.0)
        );
    }
}
