//! Campaigns on pages: the list of those the viewer may read, and one
//! campaign with its compliance board — counts and shares per status, the
//! median delay per region, one row per target body (filtered by status or
//! region), and the CSV exports.

use super::layout::{Chrome, clean};
use super::{PageResult, parse_id, render, require_login};
use crate::auth::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::campaign::{BoardStatus, median};
use serde::Deserialize;
use std::collections::BTreeMap;
use uuid::Uuid;

/// A board status as a badge: its colour code and words.
fn badge(lang: crate::i18n::Lang, s: BoardStatus) -> (&'static str, String) {
    let code = match s {
        BoardStatus::NotStarted => "planned",
        BoardStatus::Draft => "draft",
        BoardStatus::SubmittedOnTime => "submitted",
        BoardStatus::SubmittedLate => "late",
        BoardStatus::Returned => "returned",
        BoardStatus::Accepted => "accepted",
        BoardStatus::Missing => "missing",
    };
    (code, lang.t(&format!("board-status-{}", s.as_str())))
}

pub struct CampaignLine {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub due: String,
    pub state: (&'static str, String),
}

#[derive(Template)]
#[template(path = "campaigns.html")]
struct CampaignsPage {
    chrome: Chrome,
    items: Vec<CampaignLine>,
    /// Whether the viewer runs a body that may issue campaigns.
    can_create: bool,
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/campaigns") {
        return Ok(r);
    }
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let list = state.store.campaigns_for(actor, 200).await?;
    let bodies = state.store.issuers(&list).await?;
    let items = list
        .into_iter()
        .map(|c| CampaignLine {
            id: c.id.to_string(),
            title: clean(&c.title),
            issuer: bodies
                .get(&c.issuing_body_id)
                .map_or_else(String::new, |b| clean(b.name(lang.code()))),
            due: lang.t_args(
                "home-due",
                &[("date", FluentValue::from(dates.date(c.due_on)))],
            ),
            state: (
                match c.state.as_str() {
                    "launched" => "held",
                    "closed" => "done",
                    _ => "draft",
                },
                lang.t(&format!("campaign-state-{}", c.state.as_str())),
            ),
        })
        .collect();
    let page = CampaignsPage {
        chrome: Chrome::new(&ctx, lang.t("campaigns-title"), "campaigns", "/campaigns"),
        items,
        can_create: majlis_domain::permissions::can_manage_templates(actor)
            || actor.roles.iter().any(|r| {
                r.role.manages()
                    && !matches!(
                        r.body_kind,
                        majlis_domain::body::BodyKind::Provincial
                            | majlis_domain::body::BodyKind::Local
                    )
            }),
    };
    Ok(render(&page))
}

pub struct BoardLine {
    pub body_id: String,
    pub name: String,
    pub region: String,
    pub status: (&'static str, String),
    pub submitted: String,
    pub late: String,
    pub meeting: String,
}

#[derive(Template)]
#[template(path = "campaign.html")]
struct CampaignPage {
    chrome: Chrome,
    id: String,
    issuer: String,
    issuer_id: String,
    description: Option<String>,
    due: String,
    state: String,
    has_report: bool,
    /// Whether the viewer may read the synthesis (the issuing body's).
    can_synthesis: bool,
    /// Whether the viewer may act for the issuing body («remind the missing»).
    can_issue: bool,
    running: bool,
    draft: bool,
    /// (status code, badge, count, share) for every status present.
    summary: Vec<(String, (&'static str, String), usize, String)>,
    /// (region, reports in, median days late).
    regions: Vec<(String, String, String)>,
    filters: Vec<(String, String)>,
    status_filter: String,
    region_filter: String,
    region_options: Vec<(String, String)>,
    rows: Vec<BoardLine>,
    total: usize,
}

#[derive(Deserialize, Default)]
pub struct BoardQuery {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    reminded: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<BoardQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/campaigns/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let (c, rows) = state.store.campaign_board(actor, id).await?;
    let ids = rows
        .iter()
        .flat_map(|r| std::iter::once(r.body_id).chain(r.region_id))
        .chain(std::iter::once(c.issuing_body_id));
    let mut bodies = state.store.visible_bodies_by_id(actor, ids).await?;
    bodies.extend(state.store.issuers([&c]).await?);
    let name = |b: Uuid| {
        bodies
            .get(&b)
            .map_or_else(String::new, |b| clean(b.name(lang.code())))
    };
    let total = rows.len();
    let share = |n: usize| {
        (n * 100 + total / 2)
            .checked_div(total)
            .map_or_else(String::new, |p| format!("{p}%"))
    };
    let summary = BoardStatus::ALL
        .iter()
        .filter_map(|s| {
            let n = rows.iter().filter(|r| r.status == *s).count();
            (n > 0).then(|| (s.as_str().to_string(), badge(lang, *s), n, share(n)))
        })
        .collect();
    let mut by_region: BTreeMap<String, (usize, usize, Vec<i64>)> = BTreeMap::new();
    for r in &rows {
        let region = r
            .region_id
            .map(name)
            .unwrap_or_else(|| lang.t("board-no-region"));
        let e = by_region.entry(region).or_default();
        e.1 += 1;
        // Delays of the reports that came in (a missing report has no delay
        // yet, only days since the deadline).
        if r.status.done() {
            e.0 += 1;
            if r.days_late > 0 {
                e.2.push(r.days_late);
            }
        }
    }
    let regions = by_region
        .into_iter()
        .map(|(region, (done, targets, mut late))| {
            (
                region,
                format!("{done} / {targets}"),
                median(&mut late).map_or_else(|| "—".into(), |m| format!("{m}")),
            )
        })
        .collect();
    let mut region_options: Vec<(String, String)> = rows
        .iter()
        .filter_map(|r| r.region_id)
        .map(|r| (r.to_string(), name(r)))
        .collect();
    region_options.sort_by(|a, b| a.1.cmp(&b.1));
    region_options.dedup();
    let status_filter = q.status.unwrap_or_default();
    let region_filter = q.region.unwrap_or_default();
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let lines = rows
        .iter()
        .filter(|r| status_filter.is_empty() || r.status.as_str() == status_filter)
        .filter(|r| {
            region_filter.is_empty()
                || r.region_id.map(|x| x.to_string()).as_deref() == Some(region_filter.as_str())
        })
        .map(|r| BoardLine {
            body_id: r.body_id.to_string(),
            name: name(r.body_id),
            region: r.region_id.map(name).unwrap_or_default(),
            status: badge(lang, r.status),
            submitted: r
                .submitted_at
                .map(|t| dates.date(t.with_timezone(&tz).date_naive()))
                .unwrap_or_default(),
            late: if r.days_late > 0 {
                lang.count("board-late-days", r.days_late as u64)
            } else {
                String::new()
            },
            meeting: match r.meeting_held {
                Some(true) => lang.t("answer-yes"),
                Some(false) => lang.t("answer-no"),
                None => String::new(),
            },
        })
        .collect();
    let due = if c.grace_days > 0 {
        lang.t_args(
            "campaign-due-grace",
            &[
                ("date", FluentValue::from(dates.date(c.due_on))),
                (
                    "days",
                    FluentValue::from(lang.count("board-late-days", c.grace_days as u64)),
                ),
            ],
        )
    } else {
        dates.date(c.due_on)
    };
    let issuing = state
        .store
        .visible_body(actor, c.issuing_body_id)
        .await
        .ok()
        .map(|(_, l)| l);
    let flash = q.reminded.is_some().then(|| lang.t("campaign-reminded"));
    let page = CampaignPage {
        chrome: Chrome::new(
            &ctx,
            clean(&c.title),
            "campaigns",
            format!("/campaigns/{id}"),
        )
        .with_flash(flash),
        id: id.to_string(),
        issuer: name(c.issuing_body_id),
        issuer_id: c.issuing_body_id.to_string(),
        description: c.description.as_deref().map(clean),
        due,
        state: lang.t(&format!("campaign-state-{}", c.state.as_str())),
        has_report: c.template_id.is_some(),
        can_synthesis: issuing.is_some(),
        can_issue: issuing
            .as_ref()
            .is_some_and(|l| majlis_domain::permissions::can_issue_campaign(actor, l)),
        running: c.state == majlis_domain::campaign::CampaignState::Launched,
        draft: c.state == majlis_domain::campaign::CampaignState::Draft,
        summary,
        regions,
        filters: BoardStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    lang.t(&format!("board-status-{}", s.as_str())),
                )
            })
            .collect(),
        status_filter,
        region_filter,
        region_options,
        rows: lines,
        total,
    };
    Ok(render(&page))
}

/// «Remind the missing»: a reminder now to every target body still to report.
pub async fn remind(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: super::FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    state
        .store
        .remind_missing(ctx.actor()?, id)
        .await
        .map_err(|e| ctx.page_err(e))?;
    state.jobs_wakeup.notify_one();
    Ok(super::see_other(&format!("/campaigns/{id}?reminded=1")))
}
