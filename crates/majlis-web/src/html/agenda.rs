//! The calendar pages: a month view (a grid on wide screens, a day-by-day
//! list on phones) of the meetings and sessions an account may see, its
//! secret iCalendar feed addresses, and the feeds themselves.

use super::layout::{Chrome, clean};
use super::{FormData, PageResult, require_login};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use chrono::{Datelike, Duration, NaiveDate};
use majlis_domain::calendar::MonthGrid;
use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize, Default)]
pub struct MonthQuery {
    /// YYYY-MM
    pub month: Option<String>,
    pub body: Option<String>,
}

pub struct Entry {
    pub href: String,
    pub time: String,
    pub title: String,
    pub body: String,
    pub kind: &'static str,
    pub cancelled: bool,
}

pub struct DayView {
    pub date: String,
    pub label: String,
    pub day: u32,
    pub in_month: bool,
    pub today: bool,
    pub entries: Vec<Entry>,
}

pub struct FeedView {
    pub id: String,
    pub scope: String,
    pub created: String,
    pub revoked: bool,
}

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarPage {
    chrome: Chrome,
    month_title: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<DayView>>,
    previous: String,
    next: String,
    body_param: String,
    bodies: Vec<(String, String, bool)>,
    feeds: Vec<FeedView>,
    new_feed: Option<String>,
    selected_body: Option<String>,
}

fn parse_month(s: Option<&str>, today: NaiveDate) -> Option<(i32, u32)> {
    match s.filter(|s| !s.is_empty()) {
        None => Some((today.year(), today.month())),
        Some(v) => {
            let (y, m) = v.split_once('-')?;
            Some((y.parse().ok()?, m.parse().ok()?))
        }
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    q: &MonthQuery,
    new_feed: Option<String>,
) -> Result<CalendarPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let today = ctx.today();
    let (y, m) = parse_month(q.month.as_deref(), today).ok_or(WebError::BadRequest)?;
    let grid = MonthGrid::new(y, m).ok_or(WebError::BadRequest)?;
    let body = match q.body.as_deref().filter(|s| !s.is_empty()) {
        Some(b) => Some(super::parse_id(b)?),
        None => None,
    };
    let (from, to) = grid.range();
    let range = state.store.calendar(actor, body, from, to).await?;
    let dates = state.dates(lang.code(), &ctx.settings);
    let mut by_day: std::collections::HashMap<NaiveDate, Vec<Entry>> = Default::default();
    for (s, body_name) in &range.sessions {
        let title = super::sessions::session_title(lang, s, &clean(body_name));
        let mut d = s.first_day.max(from);
        while d <= s.last_day && d < to {
            by_day.entry(d).or_default().push(Entry {
                href: format!("/sessions/{}", s.id),
                time: String::new(),
                title: title.clone(),
                body: clean(body_name),
                kind: "session",
                cancelled: false,
            });
            d += Duration::days(1);
        }
    }
    for (c, b, body_name) in &range.deadlines {
        let href = if *b == c.issuing_body_id {
            format!("/campaigns/{}", c.id)
        } else {
            format!("/campaigns/{}/bodies/{b}/report", c.id)
        };
        by_day.entry(c.due_on).or_default().push(Entry {
            href,
            time: String::new(),
            title: lang.t_args(
                "calendar-deadline",
                &[(
                    "title",
                    fluent_templates::fluent_bundle::FluentValue::from(clean(&c.title)),
                )],
            ),
            body: clean(body_name),
            kind: "deadline",
            cancelled: false,
        });
    }
    for (mt, body_name) in &range.meetings {
        by_day.entry(mt.starts_at.date()).or_default().push(Entry {
            href: format!("/meetings/{}", mt.id),
            time: mt.starts_at.format("%H:%M").to_string(),
            title: clean(&mt.title),
            body: clean(body_name),
            kind: mt.kind.as_str(),
            cancelled: mt.status == majlis_domain::meeting::MeetingStatus::Cancelled,
        });
    }
    let weeks = grid
        .weeks
        .iter()
        .map(|w| {
            w.iter()
                .map(|d| DayView {
                    date: d.to_string(),
                    label: dates.date(*d),
                    day: d.day(),
                    in_month: d.month() == m,
                    today: *d == today,
                    entries: by_day.remove(d).unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let month_title = format!("{} {}", dates.month_name(y, m), dates.number(y.into()));
    let mut bodies = vec![(String::new(), lang.t("calendar-my-bodies"), body.is_none())];
    let mut seen = std::collections::HashSet::new();
    let feeds_list = state.store.feeds(actor.account_id).await?;
    let names = state
        .store
        .visible_bodies_by_id(
            actor,
            actor
                .roles
                .iter()
                .map(|r| r.body_id)
                .chain(body)
                .chain(feeds_list.iter().filter_map(|f| f.body_id)),
        )
        .await?;
    for r in &actor.roles {
        if seen.insert(r.body_id)
            && let Some(b) = names.get(&r.body_id)
        {
            bodies.push((
                b.id.to_string(),
                clean(b.name(lang.code())),
                body == Some(b.id),
            ));
        }
    }
    if let Some(b) = body
        && !seen.contains(&b)
    {
        let x = names.get(&b).ok_or(WebError::not_found())?;
        bodies.push((b.to_string(), clean(x.name(lang.code())), true));
    }
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let mut feeds = Vec::new();
    for f in feeds_list {
        let scope = match f.body_id.and_then(|b| names.get(&b)) {
            Some(b) => clean(b.name(lang.code())),
            None => lang.t("calendar-my-bodies"),
        };
        feeds.push(FeedView {
            id: f.id.to_string(),
            scope,
            created: dates.date(f.created_at.with_timezone(&tz).date_naive()),
            revoked: f.revoked_at.is_some(),
        });
    }
    let body_param = body.map(|b| format!("&body={b}")).unwrap_or_default();
    Ok(CalendarPage {
        chrome: Chrome::new(
            ctx,
            lang.t("nav-calendar"),
            "calendar",
            format!("/calendar?month={y}-{m:02}{body_param}"),
        ),
        month_title,
        weekdays: grid.weeks[0].iter().map(|d| dates.weekday(*d)).collect(),
        weeks,
        previous: grid.previous().format("%Y-%m").to_string(),
        next: grid.next().format("%Y-%m").to_string(),
        body_param,
        bodies,
        feeds,
        new_feed,
        selected_body: body.map(|b| b.to_string()),
    })
}

pub async fn month(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<MonthQuery>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, "/calendar") {
        return Ok(r);
    }
    let p = page(&state, &ctx, &q, None).await?;
    Ok(super::render(&p))
}

/// A new feed address, shown once on the calendar page.
pub async fn create_feed(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let body = match form.get("body").filter(|s| !s.is_empty()) {
        Some(b) => Some(Uuid::parse_str(b).map_err(|_| ctx.page_err(WebError::BadRequest))?),
        None => None,
    };
    let (_, secret) = state.store.create_feed(actor, body).await?;
    let url = format!(
        "{}/feeds/{secret}.ics",
        state.config.public_url.trim_end_matches('/')
    );
    let q = MonthQuery {
        month: None,
        body: body.map(|b| b.to_string()),
    };
    let p = page(&state, &ctx, &q, Some(url)).await?;
    Ok(super::render(&p))
}

pub async fn revoke_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = super::parse_id(&id)?;
    state.store.revoke_feed(actor.account_id, id).await?;
    Ok(super::see_other("/calendar#feeds"))
}

/// The iCalendar feed behind a secret address: the account's meetings and
/// sessions from three months back to a year ahead, with its current rights.
pub async fn feed(State(state): State<AppState>, ctx: Ctx, Path(file): Path<String>) -> PageResult {
    let secret = file.strip_suffix(".ics").unwrap_or(&file);
    let (account, body) = state
        .store
        .feed_by_secret(secret)
        .await?
        .ok_or_else(|| ctx.page_err(WebError::not_found()))?;
    let actor = state.store.actor_for(&account).await?;
    let today = ctx.today();
    let range = state
        .store
        .calendar(
            &actor,
            body,
            today - Duration::days(92),
            today + Duration::days(400),
        )
        .await?;
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let lang = ctx.lang;
    let mut events = Vec::new();
    for (m, body_name) in &range.meetings {
        let description = format!(
            "{} — {}",
            body_name,
            lang.t(&format!("meeting-kind-{}", m.kind.as_str()))
        );
        events.push(crate::ics::meeting_event(m, &description, tz, 0));
    }
    for (s, body_name) in &range.sessions {
        let title = super::sessions::session_title(lang, s, body_name);
        events.push(crate::ics::session_event(
            s.id,
            &title,
            s.first_day,
            s.last_day,
        ));
    }
    for (c, _, body_name) in &range.deadlines {
        let title = lang.t_args(
            "calendar-deadline",
            &[(
                "title",
                fluent_templates::fluent_bundle::FluentValue::from(c.title.clone()),
            )],
        );
        events.push(crate::ics::deadline_event(
            c.id,
            &format!("{title} — {body_name}"),
            c.due_on,
        ));
    }
    let name = format!(
        "{} — {}",
        ctx.settings.name(lang.code()),
        lang.t("nav-calendar")
    );
    Ok(super::calendar::ics(
        "majlis",
        crate::ics::calendar(&name, None, events),
    ))
}
