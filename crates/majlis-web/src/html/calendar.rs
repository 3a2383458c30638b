//! iCalendar (`.ics`) export of a meeting and of a session's program, for
//! phones' and desktops' calendars. Arabic text goes in as is (UTF-8); times
//! are written in UTC.

use super::{PageResult, parse_id, require_login};
use crate::auth::Ctx;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;

fn zone(ctx: &Ctx) -> chrono_tz::Tz {
    majlis_store::service::meetings::zone(&ctx.settings.time_zone)
}

pub(crate) fn ics(name: &str, body: String) -> axum::response::Response {
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
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let (m, body, _) = state.store.visible_meeting(actor, id).await?;
    let tz = zone(&ctx);
    let description = format!(
        "{} — {}",
        body.name(ctx.lang.code()),
        ctx.lang.t(&format!("meeting-kind-{}", m.kind.as_str()))
    );
    let sequence = state.store.invitation_count(actor, m.id).await?;
    let event = crate::ics::meeting_event(&m, &description, tz, sequence.saturating_sub(1) as u32);
    let text = crate::ics::calendar(&m.title, None, vec![event]);
    Ok(ics(&format!("meeting-{}", m.id), text))
}

pub async fn session(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/sessions/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let program = state.store.session_program(actor, id).await?;
    let (body, _) = state
        .store
        .visible_body(actor, program.session.body_id)
        .await?;
    let title =
        super::sessions::session_title(ctx.lang, &program.session, body.name(ctx.lang.code()));
    let tz = zone(&ctx);
    let events = program
        .slots
        .iter()
        .map(|slot| crate::ics::slot_event(slot, &title, tz))
        .collect();
    let text = crate::ics::calendar(&title, None, events);
    Ok(ics(&format!("session-{}", program.session.number), text))
}
