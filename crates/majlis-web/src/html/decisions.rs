//! Decisions and measures (مقررات، تدابير) of meetings: recorded on the
//! meeting page, their status followed, and each body's «decisions to
//! follow».

use super::layout::{Chrome, clean};
use super::{FormData, PageResult, parse_id, render, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::meeting::{DecisionInput, DecisionStatus};
use majlis_store::service::meeting_detail::Names;
use majlis_store::service::meetings::Decision;
use majlis_text::DateFormatter;

pub struct DecisionView {
    pub id: String,
    pub kind: String,
    pub text: String,
    pub responsible: Option<String>,
    pub due: Option<String>,
    pub status: String,
    pub status_code: String,
}

/// Decisions as shown, their people and bodies in charge named from `names`
/// (read in batch with the record).
pub(super) fn decision_views(
    lang: Lang,
    dates: &DateFormatter,
    list: &[Decision],
    names: &Names,
) -> Vec<DecisionView> {
    let mut out = Vec::with_capacity(list.len());
    for d in list {
        let responsible = match (d.responsible_body_id, d.responsible_person_id) {
            (Some(b), _) => names.body(b).map(|b| clean(b.name(lang.code()))),
            (None, Some(p)) => names.person(p).map(|p| clean(&p.full_name_ar)),
            _ => None,
        };
        out.push(DecisionView {
            id: d.id.to_string(),
            kind: lang.t(&format!("decision-kind-{}", d.kind.as_str())),
            text: clean(&d.text),
            responsible,
            due: d.due_on.map(|due| {
                lang.t_args(
                    "decision-due",
                    &[("date", FluentValue::from(dates.date(due)))],
                )
            }),
            status: lang.t(&format!("decision-status-{}", d.status.as_str())),
            status_code: d.status.as_str().into(),
        });
    }
    out
}

pub async fn add_decision(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let input = DecisionInput {
        kind: form.text("kind"),
        text: form.text("text"),
        responsible_person_id: form.opt("responsible_person_id"),
        responsible_body_id: form.opt("responsible_body_id"),
        due_on: form.opt("due_on"),
    };
    match state.store.add_decision(actor, id, &input).await {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}#decisions"))),
        Err(e) => super::meetings::with_errors(&state, &ctx, id, e.into(), form, "decision").await,
    }
}

pub async fn set_decision_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let status = DecisionStatus::parse(form.get("status").unwrap_or(""))
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    let d = state.store.set_decision_status(actor, id, status).await?;
    Ok(see_other(&format!("/meetings/{}#decisions", d.meeting_id)))
}

pub struct FollowRow {
    pub kind: String,
    pub text: String,
    pub due: String,
    pub meeting: String,
    pub meeting_id: String,
}

/// A campaign the body must carry out: a measure asked of it by another
/// body, with its deadline, until its report is sent.
pub struct MeasureRow {
    pub title: String,
    pub what: String,
    pub issuer: String,
    pub due: String,
    pub late: bool,
    pub status: (&'static str, String),
    pub href: String,
}

#[derive(Template)]
#[template(path = "decisions.html")]
struct DecisionsPage {
    chrome: Chrome,
    body_id: String,
    body_name: String,
    rows: Vec<FollowRow>,
    measures: Vec<MeasureRow>,
}

/// The running campaigns that still ask something of the body (no report
/// sent yet, or one returned), the nearest deadline first.
async fn measures(
    state: &AppState,
    ctx: &Ctx,
    body: uuid::Uuid,
    dates: &DateFormatter,
) -> Result<Vec<MeasureRow>, WebError> {
    use majlis_domain::campaign::{CampaignState, ReportState};
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let today = ctx.today();
    let mut open: Vec<_> = state
        .store
        .body_campaigns(actor, body)
        .await?
        .into_iter()
        .filter(|bc| !bc.issued && bc.campaign.state == CampaignState::Launched)
        .filter(|bc| bc.report.is_none_or(ReportState::editable))
        .collect();
    open.sort_by_key(|bc| bc.campaign.due_on);
    let issuers = state
        .store
        .issuers(open.iter().map(|bc| &bc.campaign))
        .await?;
    Ok(open
        .into_iter()
        .map(|bc| {
            let c = bc.campaign;
            let mut what = Vec::new();
            if let Some(k) = c.meeting_kind {
                what.push(lang.t_args(
                    "measure-hold-meeting",
                    &[(
                        "kind",
                        FluentValue::from(lang.t(&format!("meeting-kind-{}", k.as_str()))),
                    )],
                ));
            }
            if c.template_id.is_some() {
                what.push(lang.t("measure-send-report"));
            }
            let status = match bc.report {
                Some(ReportState::Draft) => ("draft", lang.t("report-state-draft")),
                Some(ReportState::Returned) => ("returned", lang.t("report-state-returned")),
                _ => ("planned", lang.t("board-status-not_started")),
            };
            MeasureRow {
                title: clean(&c.title),
                what: what.join(" · "),
                issuer: issuers
                    .get(&c.issuing_body_id)
                    .map_or_else(String::new, |b| clean(b.name(lang.code()))),
                due: dates.date(c.due_on),
                late: c.due_on < today,
                status,
                href: format!("/campaigns/{}/bodies/{body}/report", c.id),
            }
        })
        .collect())
}

/// A body's open decisions and measures, by due date.
pub async fn to_follow(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/bodies/{id}/decisions")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let (body, _) = state.store.visible_body(actor, id).await?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let mut rows = Vec::new();
    for (d, m) in state.store.decisions_to_follow(actor, id).await? {
        rows.push(FollowRow {
            kind: lang.t(&format!("decision-kind-{}", d.kind.as_str())),
            text: clean(&d.text),
            due: d
                .due_on
                .map(|x| dates.date(x))
                .unwrap_or_else(|| "—".into()),
            meeting: clean(&m.title),
            meeting_id: m.id.to_string(),
        });
    }
    let page = DecisionsPage {
        chrome: Chrome::new(
            &ctx,
            lang.t("body-decisions-to-follow"),
            "bodies",
            format!("/bodies/{id}/decisions"),
        ),
        body_id: id.to_string(),
        body_name: clean(body.name(lang.code())),
        rows,
        measures: measures(&state, &ctx, id, &dates).await?,
    };
    Ok(render(&page))
}
