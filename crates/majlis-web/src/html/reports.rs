//! A target body's report on a page: its secretary drafts it (saved as they
//! go, refused when someone saved meanwhile), links the evaluating meeting
//! and submits it; the issuing body accepts it or returns it with a comment
//! and notes on single fields; everyone who may read it sees its answers
//! and its history.

use super::layout::{Chrome, FormState, clean};
use super::report_form::{
    FieldView, SectionView, answers_from_form, field_views, notes_from_form, section_views,
};
use super::{LongFormData, PageResult, parse_id, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::DomainError;
use majlis_domain::campaign::{CampaignState, ReportAction, ReportState, days_late};
use majlis_domain::permissions;
use majlis_store::service::report_reads::BodyReport;
use std::collections::BTreeMap;
use uuid::Uuid;

pub struct EventLine {
    pub action: String,
    pub code: &'static str,
    pub by: String,
    pub at: String,
    pub comment: Option<String>,
    /// (part, note) of a return.
    pub notes: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportPage {
    chrome: Chrome,
    campaign_id: String,
    campaign_title: String,
    template_name: String,
    body_id: String,
    body_name: String,
    state: Option<(&'static str, String)>,
    due: String,
    submitted: Option<String>,
    version: String,
    /// The evaluating meeting: (id, label, chosen) to pick, or its label.
    meeting_required: bool,
    meetings: Vec<(String, String, bool)>,
    meeting: Option<(String, String)>,
    meeting_error: Option<String>,
    review: Option<String>,
    can_edit: bool,
    can_review: bool,
    report_id: String,
    /// (anchor, words) of each error, for the summary.
    errors: Vec<(String, String)>,
    general: Option<String>,
    fields: Vec<FieldView>,
    sections: Vec<SectionView>,
    history: Vec<EventLine>,
    /// The report's evidence.
    files: Vec<super::evidence::FileLine>,
    file_error: Option<String>,
}

fn state_badge(ctx: &Ctx, s: ReportState) -> (&'static str, String) {
    let code = match s {
        ReportState::Draft => "draft",
        ReportState::Submitted => "submitted",
        ReportState::Returned => "returned",
        ReportState::Accepted => "accepted",
    };
    (code, ctx.lang.t(&format!("report-state-{}", s.as_str())))
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    br: BodyReport,
    form: Option<&LongFormData>,
    error: Option<&WebError>,
) -> Result<ReportPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let c = &br.campaign;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let template = br
        .template
        .as_ref()
        .ok_or(DomainError::invalid("campaign", "no_report_required"))?;
    let report = br.report.as_ref().map(|(r, _)| r);
    let state_now = report.map(|r| r.state);
    let can_edit = permissions::can_write_report(actor, &br.target)
        && c.state == CampaignState::Launched
        && state_now.is_none_or(ReportState::editable);
    let can_review = permissions::can_issue_campaign(actor, &br.issuing)
        && state_now == Some(ReportState::Submitted);
    let mut fs = match form {
        Some(f) => FormState::from_values(f.0.0.clone()),
        None => FormState::new(),
    };
    if let Some(e) = error {
        fs = fs.with_error(e, lang);
    }
    let notes = report
        .filter(|r| r.state == ReportState::Returned)
        .and_then(|r| r.review.clone())
        .unwrap_or_default();
    let submitted_now = form.is_some();
    let fields = field_views(
        lang,
        &template.definition,
        report.map(|r| &r.answers),
        &fs,
        submitted_now,
        &notes.notes,
        can_edit,
    );
    let sections = section_views(
        &template.definition,
        report.map(|r| &r.answers),
        &fs,
        submitted_now,
        &notes.notes,
    );
    // The meetings that can be linked: the body's, of the required kind.
    let chosen = match form {
        Some(f) => f.0.text("meeting_id"),
        None => report
            .and_then(|r| r.meeting_id)
            .map(|m| m.to_string())
            .unwrap_or_default(),
    };
    let all = state.store.body_meetings(actor, c_body(&br), 100).await?;
    let label = |m: &majlis_domain::meeting::Meeting| {
        format!("{} — {}", clean(&m.title), dates.date(m.starts_at.date()))
    };
    let meeting = report.and_then(|r| r.meeting_id).map(|id| {
        let l = all
            .iter()
            .find(|m| m.id == id)
            .map(label)
            .unwrap_or_default();
        (id.to_string(), l)
    });
    let meetings = all
        .iter()
        .filter(|m| c.meeting_kind.is_none_or(|k| m.kind == k))
        .map(|m| (m.id.to_string(), label(m), m.id.to_string() == chosen))
        .collect();
    let submitted = report.and_then(|r| r.first_submitted_at).map(|at| {
        let day = at.with_timezone(&tz).date_naive();
        let late = days_late(c.due_on, c.grace_days, day);
        let date = FluentValue::from(dates.date(day));
        if late > 0 {
            lang.t_args(
                "report-submitted-late",
                &[
                    ("date", date),
                    (
                        "days",
                        FluentValue::from(lang.count("board-late-days", late as u64)),
                    ),
                ],
            )
        } else {
            lang.t_args("report-submitted-on-time", &[("date", date)])
        }
    });
    let mut errors: Vec<(String, String)> = Vec::new();
    if let Some(e) = fs.error("meeting_id") {
        errors.push((
            "p-meeting_id".into(),
            format!("{}: {e}", lang.t("report-meeting")),
        ));
    }
    for f in &fields {
        if let Some(e) = &f.error {
            errors.push((format!("p-fields.{}", f.key), format!("{}: {e}", f.label)));
        }
    }
    for s in &sections {
        if let Some(e) = &s.error {
            errors.push((format!("p-sections.{}", s.key), format!("{}: {e}", s.title)));
        }
    }
    if let Some(e) = fs.error("file") {
        errors.push(("files".into(), format!("{}: {e}", lang.t("evidence-title"))));
    }
    for key in ["comment", "notes"] {
        if let Some(e) = fs.error(key) {
            errors.push(("review-form".into(), e.to_string()));
        }
    }
    let history = br
        .report
        .as_ref()
        .map(|(_, events)| {
            events
                .iter()
                .map(|e| {
                    let local = e.at.with_timezone(&tz);
                    let review = e.review.clone().unwrap_or_default();
                    EventLine {
                        code: match e.action.as_str() {
                            "save" => "draft",
                            "submitted" => "submitted",
                            "returned" => "returned",
                            "attach" | "detach" => "file",
                            _ => "accepted",
                        },
                        action: lang.t(&format!("report-event-{}", e.action)),
                        by: e.actor.as_deref().map(clean).unwrap_or_default(),
                        at: format!(
                            "{} {}",
                            dates.date(local.date_naive()),
                            local.format("%H:%M")
                        ),
                        comment: review.comment.as_deref().map(clean),
                        notes: review
                            .notes
                            .iter()
                            .map(|(k, n)| (part_title(&template.definition, k), clean(n)))
                            .collect(),
                    }
                })
                .rev()
                .collect()
        })
        .unwrap_or_default();
    let files = match report {
        Some(r) => super::evidence::lines(
            &format!("/reports/{}", r.id),
            &state.store.report_files(actor, r.id).await?,
        ),
        None => Vec::new(),
    };
    let body = state
        .store
        .visible_bodies_by_id(actor, [c_body(&br)])
        .await?;
    let body_name = body
        .get(&c_body(&br))
        .map_or_else(String::new, |b| clean(b.name(lang.code())));
    Ok(ReportPage {
        chrome: Chrome::new(
            ctx,
            clean(&c.title),
            "campaigns",
            format!("/campaigns/{}/bodies/{}/report", c.id, c_body(&br)),
        ),
        campaign_id: c.id.to_string(),
        campaign_title: clean(&c.title),
        template_name: clean(&template.definition.name),
        body_id: c_body(&br).to_string(),
        body_name,
        state: state_now.map(|s| state_badge(ctx, s)),
        due: dates.date(c.due_on),
        submitted,
        version: report.map(|r| r.version.to_string()).unwrap_or_default(),
        meeting_required: c.meeting_kind.is_some(),
        meetings,
        meeting,
        meeting_error: fs.error("meeting_id").map(String::from),
        review: notes.comment.as_deref().map(clean),
        can_edit,
        can_review,
        report_id: report.map(|r| r.id.to_string()).unwrap_or_default(),
        errors,
        general: fs.general().map(String::from),
        fields,
        sections,
        history,
        files,
        file_error: fs.error("file").map(String::from),
    })
}

/// The target body of a report page.
fn c_body(br: &BodyReport) -> Uuid {
    br.target.body_id
}

/// A field's or section's title from its note key.
fn part_title(t: &majlis_domain::report_template::TemplateDef, key: &str) -> String {
    let title = match key.split_once('.') {
        Some(("fields", k)) => t.field(k).map(|f| f.label.clone()),
        Some(("sections", k)) => t
            .sections
            .iter()
            .find(|s| s.key == k)
            .map(|s| s.title.clone()),
        _ => None,
    };
    clean(&title.unwrap_or_else(|| key.to_string()))
}

fn ids(cid: &str, bid: &str) -> Result<(Uuid, Uuid), WebError> {
    Ok((parse_id(cid)?, parse_id(bid)?))
}

#[derive(serde::Deserialize, Default)]
pub struct ShowQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((cid, bid)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<ShowQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/campaigns/{cid}/bodies/{bid}/report")) {
        return Ok(r);
    }
    let (cid, bid) = ids(&cid, &bid)?;
    let br = state.store.body_report(ctx.actor()?, cid, bid).await?;
    let mut p = page(&state, &ctx, br, None, None).await?;
    if q.saved.is_some() {
        p.chrome = p.chrome.with_flash(Some(ctx.lang.t("report-saved")));
    }
    Ok(super::render(&p))
}

/// A report by its id: its page.
pub async fn by_id(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/reports/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let (r, _) = state.store.report(ctx.actor()?, id).await?;
    Ok(see_other(&format!(
        "/campaigns/{}/bodies/{}/report",
        r.campaign_id, r.body_id
    )))
}

/// Saves the draft, and submits it when asked (`intent=submit`).
pub async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((cid, bid)): Path<(String, String)>,
    form: LongFormData,
) -> PageResult {
    ctx.check_csrf(form.0.csrf())?;
    let actor = ctx.actor()?;
    let (cid, bid) = ids(&cid, &bid)?;
    let br = state.store.body_report(actor, cid, bid).await?;
    let Some(template) = br.template.as_ref() else {
        return Err(ctx.page_err(WebError::Domain(DomainError::invalid(
            "campaign",
            "no_report_required",
        ))));
    };
    let answers = answers_from_form(&template.definition, &form.0);
    let meeting = match form.0.get("meeting_id").filter(|m| !m.is_empty()) {
        Some(m) => match m.parse::<Uuid>() {
            Ok(id) => Some(id),
            Err(_) => {
                let e = WebError::Domain(DomainError::invalid("meeting_id", "not_this_body"));
                return refused(&state, &ctx, cid, bid, e, &form).await;
            }
        },
        None => None,
    };
    let version = form.0.get("version").and_then(|v| v.parse().ok());
    let saved = state
        .store
        .save_report(actor, cid, bid, &answers, meeting, version)
        .await;
    let saved = match saved {
        Ok(r) => r,
        Err(e) => return refused(&state, &ctx, cid, bid, e.into(), &form).await,
    };
    let here = format!("/campaigns/{cid}/bodies/{bid}/report");
    if form.0.get("intent") != Some("submit") {
        return Ok(see_other(&format!("{here}?saved=1#report-form")));
    }
    let no_notes = BTreeMap::new();
    match state
        .store
        .report_action(actor, saved.id, ReportAction::Submit, None, &no_notes)
        .await
    {
        Ok(_) => Ok(see_other(&format!("{here}#report"))),
        Err(e) => refused(&state, &ctx, cid, bid, e.into(), &form).await,
    }
}

/// Accepts the report, or returns it with a comment and notes.
pub async fn review(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: LongFormData,
) -> PageResult {
    ctx.check_csrf(form.0.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let (r, _) = state.store.report(actor, id).await?;
    let br = state
        .store
        .body_report(actor, r.campaign_id, r.body_id)
        .await?;
    let notes = br
        .template
        .as_ref()
        .map(|t| notes_from_form(&t.definition, &form.0))
        .unwrap_or_default();
    let action = match form.0.get("decision") {
        Some("accept") => ReportAction::Accept,
        Some("return") => ReportAction::Return,
        _ => return Err(ctx.page_err(WebError::BadRequest)),
    };
    let comment = form.0.opt("comment");
    let here = format!("/campaigns/{}/bodies/{}/report", r.campaign_id, r.body_id);
    match state
        .store
        .report_action(actor, id, action, comment.as_deref(), &notes)
        .await
    {
        Ok(_) => Ok(see_other(&format!("{here}#report"))),
        Err(e) => {
            let e: WebError = e.into();
            let Some(status) = e.form_status() else {
                return Err(ctx.page_err(e));
            };
            let p = page(&state, &ctx, br, None, Some(&e)).await?;
            Ok(render_status(status, &p))
        }
    }
}

/// A refused save or submission: the page again with the writer's values
/// and the errors (422), or the news that someone saved meanwhile (409).
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    cid: Uuid,
    bid: Uuid,
    e: WebError,
    form: &LongFormData,
) -> PageResult {
    let Some(status) = e.form_status() else {
        return Err(ctx.page_err(e));
    };
    let br = state.store.body_report(ctx.actor()?, cid, bid).await?;
    let p = page(state, ctx, br, Some(form), Some(&e)).await?;
    Ok(render_status(status, &p))
}

/// The page of a report again with an error on something done to it by id
/// (a file attached or removed): 422, 409…
pub(super) async fn refused_by_id(
    state: &AppState,
    ctx: &Ctx,
    report: Uuid,
    e: WebError,
) -> PageResult {
    let Some(status) = e.form_status() else {
        return Err(ctx.page_err(e));
    };
    let actor = ctx.actor()?;
    let (r, _) = state.store.report(actor, report).await?;
    let br = state
        .store
        .body_report(actor, r.campaign_id, r.body_id)
        .await?;
    let p = page(state, ctx, br, None, Some(&e)).await?;
    Ok(render_status(status, &p))
}
