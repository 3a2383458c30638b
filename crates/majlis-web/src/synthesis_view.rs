//! The synthesis report (التقرير التركيبي) in words and figures, ready for
//! its page, its PDF and its CSV: numbers formatted, regions and bodies by
//! name, every figure and quotation linked to the report it came from, and
//! the bodies late or missing. The aggregates come from the domain
//! (`majlis_domain::synthesis`); nothing is computed twice.

use crate::i18n::Lang;
use crate::present::clean;
use crate::state::AppState;
use majlis_domain::Viewer;
use majlis_domain::campaign::BoardStatus;
use majlis_domain::synthesis::{FieldSummary, NumericSummary};
use majlis_store::StoreResult;
use std::collections::HashMap;
use uuid::Uuid;

/// A number as people write it: no trailing «.0», at most two decimals.
pub fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_string()
    }
}

/// One line of figures (overall, one region, one kind of body).
#[derive(Clone)]
pub struct NumLine {
    pub label: String,
    pub count: usize,
    pub sum: String,
    pub mean: String,
    pub median: String,
    pub min: String,
    pub max: String,
}

fn line(label: String, s: &NumericSummary) -> NumLine {
    NumLine {
        label,
        count: s.count,
        sum: num(s.sum),
        mean: num(s.mean),
        median: num(s.median),
        min: num(s.min),
        max: num(s.max),
    }
}

/// A body's answer, linked to its report.
pub struct Source {
    pub body: String,
    pub report_id: String,
    pub value: String,
}

pub struct Bar {
    pub label: String,
    pub count: usize,
    pub percent: String,
    /// 0 to 100, the bar's length.
    pub width: f64,
}

pub enum FieldView {
    Numeric {
        overall: Option<NumLine>,
        by_region: Vec<NumLine>,
        by_kind: Vec<NumLine>,
    },
    Bars {
        answered: usize,
        bars: Vec<Bar>,
    },
    Answered {
        answered: usize,
    },
}

pub struct FieldPart {
    pub key: String,
    pub label: String,
    pub view: FieldView,
    /// Each body's answer, in the tree's order.
    pub sources: Vec<Source>,
}

pub struct Quote {
    pub body: String,
    pub report_id: String,
    pub text: String,
}

pub struct SectionPart {
    pub title: String,
    pub quotes: Vec<Quote>,
}

/// A body late or missing: (name, report page or none, words).
pub struct Straggler {
    pub body: String,
    pub href: Option<String>,
    pub detail: String,
}

pub struct SynthesisView {
    pub campaign_id: Uuid,
    pub title: String,
    pub issuer: String,
    pub due: String,
    pub template: String,
    pub reports: usize,
    pub targets: usize,
    pub fields: Vec<FieldPart>,
    pub sections: Vec<SectionPart>,
    pub missing: Vec<Straggler>,
    pub late: Vec<Straggler>,
}

/// Builds the synthesis of a campaign for a viewer of its issuing body.
pub async fn build(
    state: &AppState,
    viewer: Viewer<'_>,
    lang: Lang,
    campaign_id: Uuid,
) -> StoreResult<SynthesisView> {
    let (c, synthesis) = state.store.campaign_synthesis(viewer, campaign_id).await?;
    let (_, template, reports) = state.store.campaign_reports(viewer, campaign_id).await?;
    let (_, board) = state.store.campaign_board(viewer, campaign_id).await?;
    let settings = state.store.settings().await?;
    let dates = state.dates(lang.code(), &settings);
    let ids = board
        .iter()
        .flat_map(|r| std::iter::once(r.body_id).chain(r.region_id))
        .chain(std::iter::once(c.issuing_body_id));
    let bodies = state.store.visible_bodies_by_id(viewer, ids).await?;
    let name = |b: Uuid| {
        bodies
            .get(&b)
            .map_or_else(String::new, |b| clean(b.name(lang.code())))
    };
    let def = template.map(|t| t.definition);
    // Only the reports the synthesis counts (submitted or accepted).
    let counted: Vec<_> = reports
        .iter()
        .filter(|r| {
            matches!(
                r.state,
                majlis_domain::campaign::ReportState::Submitted
                    | majlis_domain::campaign::ReportState::Accepted
            )
        })
        .collect();
    let fields = synthesis
        .fields
        .iter()
        .map(|f| {
            let field = def.as_ref().and_then(|d| d.field(&f.key));
            let sources = counted
                .iter()
                .filter_map(|r| {
                    let v = r.answers.fields.get(&f.key)?;
                    let value = match field {
                        Some(field) => crate::present::answer_words(lang, field, Some(v)),
                        None => v.to_string(),
                    };
                    Some(Source {
                        body: name(r.body_id),
                        report_id: r.id.to_string(),
                        value,
                    })
                })
                .collect();
            let view = match &f.summary {
                FieldSummary::Numeric {
                    overall,
                    by_region,
                    by_kind,
                } => {
                    let mut regions: Vec<NumLine> =
                        by_region.iter().map(|(r, s)| line(name(*r), s)).collect();
                    regions.sort_by(|a, b| a.label.cmp(&b.label));
                    FieldView::Numeric {
                        overall: overall.as_ref().map(|s| line(lang.t("synthesis-all"), s)),
                        by_region: regions,
                        by_kind: by_kind
                            .iter()
                            .map(|(k, s)| line(lang.t(&format!("kind-{k}")), s))
                            .collect(),
                    }
                }
                FieldSummary::Choice { answered, options } => FieldView::Bars {
                    answered: *answered,
                    bars: options
                        .iter()
                        .map(|o| Bar {
                            label: clean(&o.label),
                            count: o.count,
                            percent: format!("{}%", num(o.percent)),
                            width: o.percent.clamp(0.0, 100.0),
                        })
                        .collect(),
                },
                FieldSummary::YesNo { yes, no } => {
                    let answered = yes + no;
                    let pct = |n: usize| {
                        if answered == 0 {
                            0.0
                        } else {
                            n as f64 * 100.0 / answered as f64
                        }
                    };
                    FieldView::Bars {
                        answered,
                        bars: [(lang.t("answer-yes"), *yes), (lang.t("answer-no"), *no)]
                            .into_iter()
                            .map(|(label, n)| Bar {
                                label,
                                count: n,
                                percent: format!("{}%", num(pct(n))),
                                width: pct(n),
                            })
                            .collect(),
                    }
                }
                FieldSummary::Answered { answered } => FieldView::Answered {
                    answered: *answered,
                },
            };
            FieldPart {
                key: f.key.clone(),
                label: clean(&f.label),
                view,
                sources,
            }
        })
        .collect();
    let sections = synthesis
        .sections
        .iter()
        .map(|s| SectionPart {
            title: clean(&s.title),
            quotes: s
                .quotations
                .iter()
                .map(|q| Quote {
                    body: name(q.body_id),
                    report_id: q.report_id.to_string(),
                    text: clean(&q.text),
                })
                .collect(),
        })
        .collect();
    let report_of: HashMap<Uuid, Uuid> = reports.iter().map(|r| (r.body_id, r.id)).collect();
    let straggler = |r: &majlis_store::service::reports::BoardRow, detail: String| Straggler {
        body: name(r.body_id),
        href: report_of.get(&r.body_id).map(|id| format!("/reports/{id}")),
        detail,
    };
    let missing = board
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                BoardStatus::Missing
                    | BoardStatus::NotStarted
                    | BoardStatus::Draft
                    | BoardStatus::Returned
            )
        })
        .map(|r| straggler(r, lang.t(&format!("board-status-{}", r.status.as_str()))))
        .collect();
    let late = board
        .iter()
        .filter(|r| r.status.done() && r.days_late > 0)
        .map(|r| straggler(r, lang.count("board-late-days", r.days_late as u64)))
        .collect();
    Ok(SynthesisView {
        campaign_id: c.id,
        title: clean(&c.title),
        issuer: name(c.issuing_body_id),
        due: dates.date(c.due_on),
        template: def.as_ref().map(|d| clean(&d.name)).unwrap_or_default(),
        reports: synthesis.reports,
        targets: board.len(),
        fields,
        sections,
        missing,
        late,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_as_people_write_them() {
        assert_eq!(super::num(12.0), "12");
        assert_eq!(super::num(37.4), "37.4");
        assert_eq!(super::num(2.0 / 3.0), "0.67");
        assert_eq!(super::num(-1.5), "-1.5");
    }
}
