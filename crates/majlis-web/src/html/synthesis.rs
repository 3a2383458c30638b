//! The synthesis report of a campaign on a page, as a PDF and as CSV: for
//! the issuing body (and those above it), built from the reports counted so
//! far — every figure and quotation links back to its report.

use super::campaign_export::csv_response;
use super::layout::Chrome;
use super::{LongFormData, PageResult, parse_id, render, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::present::clean;
use crate::state::AppState;
use crate::synthesis_view::{FieldView, SynthesisView, build};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_pdf::{Block, Document, Section};

#[derive(Template)]
#[template(path = "synthesis.html")]
struct SynthesisPage {
    chrome: Chrome,
    s: SynthesisView,
    counted: String,
    rtl: bool,
    /// The latest version's analysis (or what the writer just sent).
    analysis: String,
    latest: i32,
    approval: Option<String>,
    can_edit: bool,
    can_approve: bool,
    /// (id, "meeting — item") of the issuing body's agenda items.
    agenda: Vec<(String, String)>,
    /// (number, "saved by, on", approved) of every version.
    versions: Vec<(i32, String, bool)>,
    error: Option<String>,
}

impl SynthesisPage {
    /// Where a bar starts: from the right in right-to-left pages.
    fn bar_x(&self, width: &f64) -> f64 {
        if self.rtl { 100.0 - *width } else { 0.0 }
    }

    /// «27 reports answered», in the language's plural forms.
    fn answered(&self, n: &usize) -> String {
        self.chrome.lang.count("synthesis-answered", *n as u64)
    }
}

fn counted(lang: Lang, s: &SynthesisView) -> String {
    lang.t_args(
        "synthesis-counted",
        &[
            ("reports", FluentValue::from(s.reports.to_string())),
            ("targets", FluentValue::from(s.targets.to_string())),
        ],
    )
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: uuid::Uuid,
    sent: Option<&str>,
    error: Option<&WebError>,
) -> Result<SynthesisPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let s = build(state, actor.into(), lang, id).await?;
    let versions = state.store.synthesis_versions(actor, id).await?;
    let c = state.store.campaign(actor, id).await?;
    let (_, issuing) = state.store.visible_body(actor, c.issuing_body_id).await?;
    let may = majlis_domain::permissions::can_issue_campaign(actor, &issuing);
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let day = |t: chrono::DateTime<chrono::Utc>| dates.date(t.with_timezone(&tz).date_naive());
    let latest = versions.first();
    let mut agenda = Vec::new();
    if may && latest.is_some_and(|v| v.approved_at.is_none()) {
        for m in state
            .store
            .body_meetings(actor, c.issuing_body_id, 20)
            .await?
        {
            if m.starts_at.date() < c.due_on {
                continue;
            }
            for item in state.store.agenda(actor, m.id).await? {
                agenda.push((
                    item.id.to_string(),
                    format!(
                        "{} — {}: {}",
                        dates.date(m.starts_at.date()),
                        clean(&m.title),
                        clean(&item.title)
                    ),
                ));
            }
        }
    }
    let approval = latest.and_then(|v| {
        v.approved_at.map(|at| {
            lang.t_args(
                "synthesis-approved-by",
                &[
                    ("number", FluentValue::from(v.number.to_string())),
                    (
                        "name",
                        FluentValue::from(v.approved_by.as_deref().map(clean).unwrap_or_default()),
                    ),
                    ("date", FluentValue::from(day(at))),
                ],
            )
        })
    });
    Ok(SynthesisPage {
        chrome: Chrome::new(
            ctx,
            lang.t("synthesis-title"),
            "campaigns",
            format!("/campaigns/{id}/synthesis"),
        ),
        counted: counted(lang, &s),
        rtl: lang.dir() == "rtl",
        analysis: sent
            .map(String::from)
            .unwrap_or_else(|| latest.map(|v| v.analysis.clone()).unwrap_or_default()),
        latest: latest.map_or(0, |v| v.number),
        approval,
        can_edit: may,
        can_approve: may && latest.is_some_and(|v| v.approved_at.is_none()),
        agenda,
        versions: versions
            .iter()
            .map(|v| {
                let by = lang.t_args(
                    "synthesis-version-line",
                    &[
                        ("number", FluentValue::from(v.number.to_string())),
                        (
                            "name",
                            FluentValue::from(v.author.as_deref().map(clean).unwrap_or_default()),
                        ),
                        ("date", FluentValue::from(day(v.created_at))),
                    ],
                );
                (v.number, by, v.approved_at.is_some())
            })
            .collect(),
        error: error.map(|e| e.message(lang)),
        s,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/campaigns/{id}/synthesis")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let p = page(&state, &ctx, id, None, None).await?;
    Ok(render(&p))
}

/// A refused save or approval: the page again, the analysis kept.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    id: uuid::Uuid,
    sent: Option<&str>,
    e: WebError,
) -> PageResult {
    let Some(status) = e.form_status() else {
        return Err(ctx.page_err(e));
    };
    let p = page(state, ctx, id, sent, Some(&e)).await?;
    Ok(super::render_status(status, &p))
}

/// Saves the analysis as the next version.
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: LongFormData,
) -> PageResult {
    ctx.check_csrf(form.0.csrf())?;
    let id = parse_id(&id)?;
    let text = form.0.text("analysis");
    let expected = form.0.get("latest").and_then(|v| v.parse().ok());
    match state
        .store
        .save_synthesis(ctx.actor()?, id, &text, expected)
        .await
    {
        Ok(_) => Ok(see_other(&format!("/campaigns/{id}/synthesis#analysis"))),
        Err(e) => refused(&state, &ctx, id, Some(&text), e.into()).await,
    }
}

/// Approves the latest version, attached to an agenda item if chosen.
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: super::FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let number = form
        .get("number")
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1);
    let item = match form.get("agenda_item_id").filter(|v| !v.is_empty()) {
        Some(v) => Some(parse_id(v)?),
        None => None,
    };
    match state
        .store
        .approve_synthesis(ctx.actor()?, id, number, item)
        .await
    {
        Ok(_) => Ok(see_other(&format!("/campaigns/{id}/synthesis#analysis"))),
        Err(e) => refused(&state, &ctx, id, None, e.into()).await,
    }
}

/// The synthesis as a document (PDF): the same parts as the page, charts as
/// bars that typst lays out in the page's direction.
pub fn document(
    lang: Lang,
    org: String,
    s: &SynthesisView,
    analysis: Option<&str>,
    approval: Option<String>,
) -> Document {
    let mut sections = Vec::new();
    if let Some(a) = analysis.filter(|a| !a.is_empty()) {
        sections.push(Section {
            heading: lang.t("synthesis-analysis"),
            blocks: vec![Block::Paragraph { text: clean(a) }],
        });
    }
    let head = |l: &str| {
        vec![
            l.to_string(),
            lang.t("synthesis-count"),
            lang.t("synthesis-sum"),
            lang.t("synthesis-mean"),
            lang.t("synthesis-median"),
            lang.t("synthesis-min"),
            lang.t("synthesis-max"),
        ]
    };
    let rows = |lines: &[crate::synthesis_view::NumLine]| {
        lines
            .iter()
            .map(|l| {
                vec![
                    l.label.clone(),
                    l.count.to_string(),
                    l.sum.clone(),
                    l.mean.clone(),
                    l.median.clone(),
                    l.min.clone(),
                    l.max.clone(),
                ]
            })
            .collect::<Vec<_>>()
    };
    let mut figures = Vec::new();
    for f in &s.fields {
        figures.push(Block::Subheading {
            text: f.label.clone(),
        });
        match &f.view {
            FieldView::Numeric {
                overall,
                by_region,
                by_kind,
            } => {
                let mut all: Vec<_> = overall.iter().cloned().collect();
                all.extend(by_kind.iter().cloned());
                figures.push(Block::Table {
                    header: head(""),
                    rows: rows(&all),
                });
                if !by_region.is_empty() {
                    figures.push(Block::Table {
                        header: head(&lang.t("board-region")),
                        rows: rows(by_region),
                    });
                }
            }
            FieldView::Bars { answered, bars } => {
                figures.push(Block::Bars {
                    items: bars
                        .iter()
                        .map(|b| majlis_pdf::Bar {
                            label: b.label.clone(),
                            value: b.width,
                            shown: format!("{} ({})", b.count, b.percent),
                        })
                        .collect(),
                });
                figures.push(Block::Paragraph {
                    text: lang.count("synthesis-answered", *answered as u64),
                });
            }
            FieldView::Answered { answered } => figures.push(Block::Paragraph {
                text: lang.count("synthesis-answered", *answered as u64),
            }),
        }
    }
    sections.push(Section {
        heading: lang.t("synthesis-figures"),
        blocks: figures,
    });
    for sec in &s.sections {
        let mut blocks = Vec::new();
        for q in &sec.quotes {
            blocks.push(Block::Subheading {
                text: q.body.clone(),
            });
            blocks.push(Block::Paragraph {
                text: q.text.clone(),
            });
        }
        if blocks.is_empty() {
            blocks.push(Block::Paragraph {
                text: lang.t("synthesis-no-text"),
            });
        }
        sections.push(Section {
            heading: sec.title.clone(),
            blocks,
        });
    }
    let list = |items: &[crate::synthesis_view::Straggler]| Block::List {
        items: items
            .iter()
            .map(|x| format!("{} — {}", x.body, x.detail))
            .collect(),
    };
    let mut blocks = Vec::new();
    if !s.late.is_empty() {
        blocks.push(Block::Subheading {
            text: lang.t("synthesis-late"),
        });
        blocks.push(list(&s.late));
    }
    if !s.missing.is_empty() {
        blocks.push(Block::Subheading {
            text: lang.t("synthesis-missing"),
        });
        blocks.push(list(&s.missing));
    }
    if !blocks.is_empty() {
        sections.push(Section {
            heading: lang.t("synthesis-stragglers"),
            blocks,
        });
    }
    let title = format!("{} — {}", lang.t("synthesis-title"), s.title);
    let mut meta = vec![s.issuer.clone(), counted(lang, s)];
    meta.extend(approval);
    let mut d = crate::documents::doc(org, lang, title, meta);
    d.sections = sections;
    d
}

pub async fn pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/campaigns/{id}/synthesis")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let p = page(&state, &ctx, id, None, None).await?;
    let org = clean(ctx.settings.name(ctx.lang.code()));
    let doc = document(ctx.lang, org, &p.s, Some(&p.analysis), p.approval.clone());
    super::print::pdf(doc, &format!("synthesis-{id}"))
        .await
        .map_err(|e| ctx.page_err(e))
}

/// The synthesis as a Word file, the same parts as the PDF.
pub async fn docx(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/campaigns/{id}/synthesis")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let p = page(&state, &ctx, id, None, None).await?;
    let org = clean(ctx.settings.name(ctx.lang.code()));
    let doc = document(ctx.lang, org, &p.s, Some(&p.analysis), p.approval.clone());
    let bytes = tokio::task::spawn_blocking(move || crate::docx::render(&doc))
        .await
        .map_err(|e| ctx.page_err(WebError::Internal(format!("docx task: {e}"))))?
        .map_err(|e| ctx.page_err(WebError::Internal(e)))?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    .to_string(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"synthesis-{id}.docx\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// Every aggregate as CSV: one line per field and group (overall, kind,
/// region) or per option.
pub async fn csv(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/campaigns/{id}/synthesis")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let lang = ctx.lang;
    let s = build(&state, ctx.actor()?.into(), lang, id).await?;
    let mut out = vec![vec![
        lang.t("synthesis-field"),
        lang.t("synthesis-group"),
        lang.t("synthesis-count"),
        lang.t("synthesis-sum"),
        lang.t("synthesis-mean"),
        lang.t("synthesis-median"),
        lang.t("synthesis-min"),
        lang.t("synthesis-max"),
        lang.t("synthesis-option"),
        lang.t("synthesis-share"),
    ]];
    for f in &s.fields {
        match &f.view {
            FieldView::Numeric {
                overall,
                by_region,
                by_kind,
            } => {
                for l in overall.iter().chain(by_kind).chain(by_region) {
                    out.push(vec![
                        f.label.clone(),
                        l.label.clone(),
                        l.count.to_string(),
                        l.sum.clone(),
                        l.mean.clone(),
                        l.median.clone(),
                        l.min.clone(),
                        l.max.clone(),
                        String::new(),
                        String::new(),
                    ]);
                }
            }
            FieldView::Bars { bars, .. } => {
                for b in bars {
                    let mut row = vec![f.label.clone(), lang.t("synthesis-all")];
                    row.push(b.count.to_string());
                    row.extend(std::iter::repeat_n(String::new(), 5));
                    row.push(b.label.clone());
                    row.push(b.percent.clone());
                    out.push(row);
                }
            }
            FieldView::Answered { answered } => {
                let mut row = vec![f.label.clone(), lang.t("synthesis-all")];
                row.push(answered.to_string());
                row.extend(std::iter::repeat_n(String::new(), 7));
                out.push(row);
            }
        }
    }
    csv_response(&format!("synthesis-{id}.csv"), out).map_err(|e| ctx.page_err(e))
}
