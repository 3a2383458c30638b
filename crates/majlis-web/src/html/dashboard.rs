//! Home: what needs me now (next meetings, my working papers, decisions to
//! carry out, minutes to approve), then my bodies and roles.

use super::layout::{Chrome, clean};
use super::{PageResult, render, require_login};
use crate::auth::Ctx;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::{Gender, permissions};
use std::collections::HashMap;

pub struct RoleView {
    pub body_id: String,
    pub body_name: String,
    pub role_title: String,
    pub kind: String,
}

/// A line of the home page: a link, its words, when, and a status.
pub struct Item {
    pub href: String,
    pub title: String,
    pub detail: String,
    pub when: String,
    pub status: Option<(&'static str, String)>,
    /// A convocation to answer: the meeting's id and the current answer.
    pub reply: Option<(String, Option<&'static str>)>,
}

pub struct Stats {
    pub bodies: String,
    pub people: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    chrome: Chrome,
    greeting: String,
    today: String,
    roles: Vec<RoleView>,
    stats: Option<Stats>,
    meetings: Vec<Item>,
    papers: Vec<Item>,
    /// Reports my bodies still have to send for running campaigns.
    reports: Vec<Item>,
    decisions: Vec<Item>,
    minutes: Vec<Item>,
    reviews: Vec<Item>,
    activity: Vec<Item>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/") {
        return Ok(r);
    }
    let user = ctx.user()?;
    let lang = ctx.lang;
    let person = match user.account.person_id {
        Some(id) => Some(state.store.visible_person(&user.actor, id).await?.0),
        None => None,
    };
    let female = person.as_ref().is_some_and(|p| p.gender == Gender::Female);
    let name = user.display_name(lang).to_string();
    let greeting = lang.t_args(
        "dashboard-greeting",
        &[("name", FluentValue::from(clean(&name)))],
    );
    let role_info: HashMap<String, _> = state
        .store
        .roles()
        .await?
        .into_iter()
        .map(|r| (r.key.clone(), r))
        .collect();
    let mut roles = Vec::new();
    let bodies = state
        .store
        .visible_bodies_by_id(&user.actor, user.actor.roles.iter().map(|r| r.body_id))
        .await?;
    for r in &user.actor.roles {
        let Some(body) = bodies.get(&r.body_id) else {
            continue;
        };
        roles.push(RoleView {
            body_id: body.id.to_string(),
            body_name: clean(body.name(lang.code())),
            role_title: role_info
                .get(r.role.as_str())
                .map_or(r.role.0.clone(), |i| {
                    i.title(lang.code(), female).to_string()
                }),
            kind: lang.t(&format!("kind-{}", body.kind.as_str())),
        });
    }
    let stats = if permissions::can_manage_bodies(&user.actor) {
        let (b, p) = state.store.counts(&user.actor).await?;
        Some(Stats {
            bodies: lang.count("count-bodies", b),
            people: lang.count("count-people", p),
        })
    } else {
        None
    };
    let dates = state.dates(lang.code(), &ctx.settings);
    let home = state.store.home(&user.actor).await?;
    let now = ctx.now_local();
    let meetings = home
        .meetings
        .iter()
        .map(|(m, b, r)| Item {
            href: format!("/meetings/{}", m.id),
            title: clean(&m.title),
            detail: clean(b.name(lang.code())),
            when: crate::present::when(lang, &dates, m),
            status: Some(match r {
                Some(r) => super::meetings::reply_badge(lang, *r),
                None => (
                    crate::present::meeting_status_code(m.status, m.ends_at, now),
                    crate::present::meeting_status(lang, m.status, m.ends_at, now),
                ),
            }),
            reply: (user.account.person_id.is_some()
                && majlis_domain::reply::check_reply(m.status, m.starts_at, now, true).is_ok())
            .then(|| (m.id.to_string(), r.map(|r| r.as_str()))),
        })
        .collect();
    let today = ctx.today();
    let due = state.store.reports_to_send(&user.actor).await?;
    let names = state
        .store
        .visible_bodies_by_id(&user.actor, due.iter().map(|d| d.body_id))
        .await?;
    let reports = due
        .iter()
        .map(|d| {
            let c = &d.campaign;
            let late = majlis_domain::campaign::last_day(c.due_on, c.grace_days) < today;
            Item {
                href: format!("/campaigns/{}/bodies/{}/report", c.id, d.body_id),
                title: clean(&c.title),
                detail: names
                    .get(&d.body_id)
                    .map_or_else(String::new, |b| clean(b.name(lang.code()))),
                when: lang.t_args(
                    "home-due",
                    &[("date", FluentValue::from(dates.date(c.due_on)))],
                ),
                reply: None,
                status: Some(match d.state {
                    _ if late => ("late", lang.t("home-overdue")),
                    Some(s) => (
                        if s == majlis_domain::campaign::ReportState::Returned {
                            "returned"
                        } else {
                            "draft"
                        },
                        lang.t(&format!("report-state-{}", s.as_str())),
                    ),
                    None => ("planned", lang.t("board-status-not_started")),
                }),
            }
        })
        .collect();
    let papers = home
        .papers
        .iter()
        .map(|p| {
            let late = p.due_on < today;
            Item {
                href: format!("/papers/{}", p.id),
                title: clean(&p.title),
                detail: lang.t(&format!("paper-state-{}", p.state.as_str())),
                when: lang.t_args(
                    "home-due",
                    &[("date", FluentValue::from(dates.date(p.due_on)))],
                ),
                reply: None,
                status: Some(if late {
                    ("late", lang.t("home-overdue"))
                } else {
                    (
                        p.state.as_str(),
                        lang.t(&format!("paper-state-{}", p.state.as_str())),
                    )
                }),
            }
        })
        .collect();
    let decisions = home
        .decisions
        .iter()
        .map(|(d, m)| Item {
            href: format!("/meetings/{}#decisions", m.id),
            title: clean(&d.text),
            detail: clean(&m.title),
            when: d.due_on.map_or_else(String::new, |due| {
                lang.t_args("home-due", &[("date", FluentValue::from(dates.date(due)))])
            }),
            status: d
                .due_on
                .filter(|due| *due < today)
                .map(|_| ("late", lang.t("home-overdue"))),
            reply: None,
        })
        .collect();
    let minutes = home
        .minutes
        .iter()
        .map(|(m, b)| Item {
            href: format!("/meetings/{}/minutes", m.id),
            title: clean(&m.title),
            detail: clean(b.name(lang.code())),
            when: dates.date(m.starts_at.date()),
            status: Some(("draft", lang.t("minutes-status-draft"))),
            reply: None,
        })
        .collect();
    let reviews = home
        .papers_to_review
        .iter()
        .map(|p| Item {
            href: format!("/papers/{}", p.id),
            title: clean(&p.title),
            detail: lang.t("paper-state-submitted"),
            when: lang.t_args(
                "home-due",
                &[("date", FluentValue::from(dates.date(p.due_on)))],
            ),
            status: Some(("submitted", lang.t("home-to-review"))),
            reply: None,
        })
        .collect();
    let activity = activity_items(&state, &ctx, &user.actor, &dates).await?;
    let page = Dashboard {
        chrome: Chrome::new(&ctx, lang.t("dashboard-title"), "home", "/"),
        greeting,
        today: dates.date_with_hijri(ctx.today()),
        roles,
        stats,
        meetings,
        papers,
        reports,
        decisions,
        minutes,
        reviews,
        activity,
    };
    Ok(render(&page))
}

/// Recent activity in the viewer's bodies, newest first.
async fn activity_items(
    state: &AppState,
    ctx: &Ctx,
    actor: &majlis_domain::Actor,
    dates: &majlis_text::dates::DateFormatter,
) -> Result<Vec<Item>, crate::error::PageError> {
    use majlis_store::service::activity::ActivityTarget;
    let lang = ctx.lang;
    let tz: chrono_tz::Tz = ctx
        .settings
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Africa::Casablanca);
    let events = state.store.recent_activity(actor).await?;
    Ok(events
        .into_iter()
        .map(|e| {
            let local = e.at.with_timezone(&tz);
            let subject = match (&e.subject_latin, lang) {
                (Some(latin), l) if l != crate::i18n::Lang::Ar && !latin.is_empty() => latin,
                _ => &e.subject,
            };
            let action = lang.t(&format!("activity-{}", e.kind.as_str()));
            let detail = match &e.by {
                Some(p) => lang.t_args(
                    "activity-by",
                    &[
                        ("action", FluentValue::from(action)),
                        (
                            "name",
                            FluentValue::from(clean(&crate::present::name(lang, p))),
                        ),
                    ],
                ),
                None => action,
            };
            Item {
                href: match e.target {
                    ActivityTarget::Meeting(id) => format!("/meetings/{id}"),
                    ActivityTarget::Body(id) => format!("/bodies/{id}"),
                    ActivityTarget::Paper(id) => format!("/papers/{id}"),
                },
                title: clean(subject),
                detail,
                when: {
                    let time = FluentValue::from(local.format("%H:%M").to_string());
                    let days = (ctx.today() - local.date_naive()).num_days();
                    match days {
                        0 => lang.t_args("activity-today", &[("time", time)]),
                        1 => lang.t_args("activity-yesterday", &[("time", time)]),
                        _ => format!(
                            "{} {}",
                            dates.date(local.date_naive()),
                            local.format("%H:%M")
                        ),
                    }
                },
                status: None,
                reply: None,
            }
        })
        .collect())
}
