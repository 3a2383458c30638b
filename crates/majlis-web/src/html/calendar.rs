//! iCalendar (`.ics`) export of a meeting and of a session's program, for
//! phones' and desktops' calendars. Arabic text goes in as is (UTF-8); times
//! are written in UTC.

use super::{PageResult, parse_id, require_login};
use crate::auth::Ctx;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use icalendar::{Calendar, Component, Event, EventLike};
use majlis_store::service::meetings::to_utc;

fn zone(ctx: &Ctx) -> chrono_tz::Tz {
    majlis_store::service::meetings::zone(&ctx.settings.time_zone)
}

fn ics(name: &str, body: String) -> axum::response::Response {
    let disposition = format!("attachment; filename=\"{name}.ics\"");
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

pub async fn meeting(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/meetings/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id).map_err(|e| ctx.page_err(e))?;
    let actor = ctx.actor().map_err(|e| ctx.page_err(e))?;
    let m = state.store.meeting(id).await.map_err(|e| ctx.page_err(e))?;
    let (body, _) = state
        .store
        .visible_body(actor, m.body_id)
        .await
        .map_err(|e| ctx.page_err(e))?;
    let tz = zone(&ctx);
    let location = [m.venue.as_deref(), m.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("، ");
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@majlis", m.id))
        .summary(&m.title)
        .description(&format!(
            "{} — {}",
            body.name(ctx.lang.code()),
            ctx.lang.t(&format!("meeting-kind-{}", m.kind.as_str()))
        ))
        .starts(to_utc(tz, m.starts_at))
        .ends(to_utc(tz, m.ends_at));
    if !location.is_empty() {
        event.location(&location);
    }
    let mut cal = Calendar::new();
    cal.name(&m.title).push(event.done());
    Ok(ics(&format!("meeting-{}", m.id), cal.done().to_string()))
}

pub async fn session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/sessions/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id).map_err(|e| ctx.page_err(e))?;
    let actor = ctx.actor().map_err(|e| ctx.page_err(e))?;
    let program = state
        .store
        .session_program(id)
        .await
        .map_err(|e| ctx.page_err(e))?;
    let (body, _) = state
        .store
        .visible_body(actor, program.session.body_id)
        .await
        .map_err(|e| ctx.page_err(e))?;
    let title =
        super::sessions::session_title(ctx.lang, &program.session, body.name(ctx.lang.code()));
    let tz = zone(&ctx);
    let mut cal = Calendar::new();
    cal.name(&title);
    for slot in &program.slots {
        let mut e = Event::new();
        e.uid(&format!("slot-{}@majlis", slot.id))
            .summary(&format!("{} — {}", slot.title, title))
            .starts(to_utc(tz, slot.starts_at))
            .ends(to_utc(tz, slot.ends_at));
        if let Some(room) = &slot.room {
            e.location(room);
        }
        cal.push(e.done());
    }
    Ok(ics(
        &format!("session-{}", program.session.number),
        cal.done().to_string(),
    ))
}
