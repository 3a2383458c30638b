//! Server-rendered pages. Handlers parse, call one service, and render a
//! template with pre-formatted view data; templates hold no queries.

pub mod account;
pub mod admin;
pub mod agenda;
pub mod audit;
pub mod bodies;
pub mod branding;
pub mod calendar;
pub mod campaign_export;
pub mod campaign_forms;
pub mod campaigns;
pub mod communiques;
pub mod dashboard;
pub mod decisions;
pub mod evidence;
pub mod layout;
mod views;
pub use layout::error_page;
pub mod login;
pub mod meeting_extras;
pub mod meetings;
pub mod members;
pub mod minutes;
pub mod moderation;
pub mod papers;
pub mod participations;
pub mod people;
pub mod plans;
pub mod print;
pub mod program;
mod report_form;
pub mod report_templates;
pub mod reports;
pub mod session_edits;
pub mod session_forms;
pub mod sessions;
pub mod synthesis;
pub mod upload;

use crate::auth::{Ctx, request_lang};
use crate::error::{PageError, WebError};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::handler::Handler;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use std::collections::HashMap;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard::show))
        .route("/login", get(login::form).post(login::submit))
        .route("/logout", post(login::logout))
        .route("/lang", post(login::switch_lang))
        .route("/bodies", get(bodies::list).post(bodies::create))
        .route("/bodies/new", get(bodies::new_form))
        .route("/bodies/{id}", get(bodies::show).post(bodies::update))
        .route("/bodies/{id}/edit", get(bodies::edit_form))
        .route("/bodies/{id}/archive", post(bodies::archive))
        .route("/bodies/{id}/members/new", get(members::new_form))
        .route("/bodies/{id}/members", post(members::create))
        .route("/memberships/{id}/end", post(members::end))
        .route("/bodies/{id}/meetings/new", get(meetings::new_form))
        .route("/bodies/{id}/meetings", post(meetings::create))
        .route("/bodies/{id}/decisions", get(decisions::to_follow))
        .route(
            "/bodies/{id}/participations",
            get(participations::list)
                .post(participations::create.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route("/participations/{id}/report", get(participations::report))
        .route(
            "/participations/{id}/edit",
            get(participations::edit_form)
                .post(participations::update.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route("/participations/{id}/delete", post(participations::delete))
        .route("/meetings/{id}", get(meetings::show))
        .route("/meetings/{id}/ics", get(calendar::meeting))
        .route("/calendar", get(agenda::month))
        .route("/calendar/feeds", post(agenda::create_feed))
        .route("/calendar/feeds/{id}/revoke", post(agenda::revoke_feed))
        .route("/feeds/{file}", get(agenda::feed))
        .route("/sessions/{id}/ics", get(calendar::session))
        .route("/bodies/{id}/sessions", post(sessions::create))
        .route("/sessions/{id}", get(sessions::show))
        .route("/sessions/{id}/workshops", post(sessions::add_workshop))
        .route("/sessions/{id}/slots", post(sessions::add_slot))
        .route(
            "/sessions/{id}/edit",
            get(session_edits::edit_session).post(session_edits::update_session),
        )
        .route("/sessions/{id}/delete", post(session_edits::delete_session))
        .route(
            "/slots/{id}/edit",
            get(session_edits::edit_slot).post(session_edits::update_slot),
        )
        .route("/slots/{id}/delete", post(session_edits::delete_slot))
        .route(
            "/workshops/{id}/edit",
            get(session_edits::edit_workshop).post(session_edits::update_workshop),
        )
        .route(
            "/workshops/{id}/delete",
            post(session_edits::delete_workshop),
        )
        .route("/workshops/{id}/people", post(session_edits::add_person))
        .route(
            "/workshops/{id}/people/{person}/remove",
            post(session_edits::remove_person),
        )
        .route("/sessions/{id}/papers", post(sessions::add_paper))
        .route("/sessions/{id}/program", get(program::print))
        .route("/sessions/{id}/program.pdf", get(program::pdf))
        .route("/workshops/{id}/join", post(program::join))
        .route("/workshops/{id}/leave", post(program::leave))
        .route(
            "/workshops/{id}/outcome",
            post(program::set_outcome.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route("/papers/{id}/action", post(sessions::paper_action))
        .route("/papers/{id}", get(papers::show))
        .route(
            "/papers/{id}/versions",
            post(papers::add_version.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route(
            "/papers/{id}/versions/{number}/file",
            get(papers::version_file),
        )
        .route(
            "/meetings/{id}/minutes",
            get(minutes::show).post(minutes::save.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route("/meetings/{id}/minutes/approve", post(minutes::approve))
        .route("/meetings/{id}/minutes/print", get(minutes::print))
        .route("/meetings/{id}/minutes.pdf", get(minutes::pdf))
        .route(
            "/meetings/{id}/edit",
            get(meeting_extras::edit_form).post(meeting_extras::update),
        )
        .route(
            "/meetings/{id}/invitations",
            post(meeting_extras::send_invitations),
        )
        .route("/meetings/{id}/guests", post(meeting_extras::add_guest))
        .route(
            "/guests/{id}/attendance",
            post(meeting_extras::guest_attendance),
        )
        .route(
            "/meetings/{id}/reports",
            post(meeting_extras::add_report.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route(
            "/agenda/{id}/attachments",
            post(meeting_extras::attach.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route("/agenda/{id}/carry-over", post(meeting_extras::carry_over))
        .route("/agenda/{id}/edit", post(meeting_extras::edit_agenda_item))
        .route(
            "/agenda/{id}/delete",
            post(meeting_extras::remove_agenda_item),
        )
        .route("/meetings/{id}/files/{file}", get(meeting_extras::file))
        .route("/meetings/{id}/status", post(meetings::change_status))
        .route("/meetings/{id}/agenda", post(meetings::add_agenda_item))
        .route(
            "/meetings/{id}/attendance",
            post(meetings::record_attendance),
        )
        .route("/meetings/{id}/reply", post(meetings::reply))
        .route("/meetings/{id}/decisions", post(decisions::add_decision))
        .route("/agenda/{id}/move", post(meetings::move_agenda_item))
        .route(
            "/decisions/{id}/status",
            post(decisions::set_decision_status),
        )
        .route("/people", get(people::list).post(people::create))
        .route("/people/new", get(people::new_form))
        .route("/people/{id}", get(people::show).post(people::update))
        .route("/people/{id}/edit", get(people::edit_form))
        .route("/people/{id}/archive", post(people::archive))
        .route("/account", get(account::show))
        .route("/account/locale", post(account::set_locale))
        .route("/account/tokens", post(account::create_token))
        .route("/account/tokens/{id}/revoke", post(account::revoke_token))
        .route(
            "/admin/accounts",
            get(admin::accounts).post(admin::create_account),
        )
        .route("/admin/accounts/{id}/password", post(admin::reset_password))
        .route("/admin/accounts/{id}/{action}", post(admin::toggle_account))
        .route("/admin/roles", post(admin::add_role))
        .route(
            "/admin/settings",
            get(admin::settings_form).post(admin::save_settings),
        )
        .route("/audit/{kind}/{id}", get(audit::show))
        .route(
            "/admin/logo",
            post(branding::upload.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route("/admin/logo/remove", post(branding::remove))
        .route("/logo/{id}", get(branding::show))
        .route("/brand/{file}", get(branding::stylesheet))
        .route("/plans", get(plans::list).post(plans::create))
        .route("/plans/{id}", get(plans::show))
        .route("/plans/{id}/plan.pdf", get(plans::pdf))
        .route("/plans/{id}/objectives", post(plans::add_objective))
        .route(
            "/plans/{id}/objectives/{objective}/tasks",
            post(plans::add_task),
        )
        .route("/plans/{id}/tasks/{task}", post(plans::change_task))
        .route(
            "/campaigns",
            get(campaigns::list).post(campaign_forms::create),
        )
        .route("/campaigns/new", get(campaign_forms::new_form))
        .route("/campaigns/{id}/action", post(campaign_forms::action))
        .route("/campaigns/{id}", get(campaigns::show))
        .route("/campaigns/{id}/remind", post(campaigns::remind))
        .route("/campaigns/{id}/board.csv", get(campaign_export::board))
        .route(
            "/campaigns/{id}/board.xlsx",
            get(campaign_export::board_xlsx),
        )
        .route(
            "/campaigns/{id}/bodies/{body}/report",
            get(reports::show).post(reports::save.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route("/reports/{id}", get(reports::by_id))
        .route(
            "/campaigns/{id}/synthesis",
            get(synthesis::show).post(synthesis::save.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route(
            "/campaigns/{id}/synthesis/approve",
            post(synthesis::approve),
        )
        .route("/campaigns/{id}/synthesis.pdf", get(synthesis::pdf))
        .route("/campaigns/{id}/synthesis.docx", get(synthesis::docx))
        .route("/campaigns/{id}/synthesis.csv", get(synthesis::csv))
        .route(
            "/reports/{id}/review",
            post(reports::review.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route("/campaigns/{id}/reports.csv", get(campaign_export::reports))
        .route(
            "/templates",
            get(report_templates::list)
                .post(report_templates::save.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route("/communiques", get(communiques::list))
        .route("/comments", get(moderation::list))
        .route("/comments/moderate", post(moderation::moderate))
        .route("/communiques/{id}", get(communiques::show))
        .route("/communiques/{id}/action", post(communiques::action))
        .route(
            "/communiques/{id}/edit",
            get(communiques::edit_form)
                .post(communiques::save.layer(DefaultBodyLimit::max(LONG_FORM_BODY))),
        )
        .route(
            "/meetings/{id}/communique",
            get(communiques::draft).post(communiques::create_from_meeting),
        )
        .route("/templates/new", get(report_templates::new_form))
        .route("/templates/{id}", get(report_templates::show))
        .route("/templates/{id}/edit", get(report_templates::edit_form))
        .route(
            "/reports/{id}/files",
            post(evidence::report_attach.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route("/reports/{id}/files/{file}", get(evidence::report_file))
        .route(
            "/reports/{id}/files/{file}/remove",
            post(evidence::report_remove),
        )
        .route(
            "/plans/{id}/tasks/{task}/files",
            post(evidence::task_attach.layer(DefaultBodyLimit::max(crate::api::UPLOAD_BODY))),
        )
        .route(
            "/plans/{id}/tasks/{task}/files/{file}",
            get(evidence::task_file),
        )
        .route(
            "/plans/{id}/tasks/{task}/files/{file}/remove",
            post(evidence::task_remove),
        )
}

/// Renders a template; a rendering failure is an internal error page.
pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// Renders with a status (422 for a form with errors).
pub fn render_status<T: Template>(status: StatusCode, t: &T) -> Response {
    let mut r = render(t);
    if r.status() == StatusCode::OK {
        *r.status_mut() = status;
    }
    r
}

pub type PageResult = Result<Response, PageError>;

/// A submitted form: its raw values, CSRF token checked by the handler.
pub struct FormData(pub HashMap<String, String>);

impl FormData {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }

    pub fn text(&self, name: &str) -> String {
        self.get(name).unwrap_or("").to_string()
    }

    pub fn opt(&self, name: &str) -> Option<String> {
        self.get(name).map(String::from)
    }

    /// Every value of a repeated field (ticked boxes), in order.
    pub fn list(&self, name: &str) -> Vec<&str> {
        self.get(name)
            .map(|v| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn csrf(&self) -> Option<&str> {
        self.get("_csrf")
    }
}

/// Reads a urlencoded form, refusing values longer than `limit` characters.
async fn read_form(
    req: Request,
    state: &AppState,
    limit: usize,
) -> Result<HashMap<String, String>, PageError> {
    let lang = request_lang(req.headers(), None);
    match axum::Form::<Vec<(String, String)>>::from_request(req, state).await {
        Ok(axum::Form(pairs)) => {
            let mut map = HashMap::new();
            for (k, v) in pairs {
                if k.len() > 64 || v.chars().count() > limit {
                    return Err(PageError(WebError::PayloadTooLarge, Some(lang)));
                }
                // A repeated name (ticked boxes of a picker) keeps every
                // value, comma-separated: see `FormData::list`.
                match map.entry(k) {
                    std::collections::hash_map::Entry::Occupied(mut e) => {
                        let all: &mut String = e.get_mut();
                        if all.len() + v.len() > limit {
                            return Err(PageError(WebError::PayloadTooLarge, Some(lang)));
                        }
                        all.push(',');
                        all.push_str(&v);
                    }
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(v);
                    }
                }
            }
            Ok(map)
        }
        Err(rej) => {
            let e = if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
                WebError::PayloadTooLarge
            } else {
                WebError::BadRequest
            };
            Err(PageError(e, Some(lang)))
        }
    }
}

impl FromRequest<AppState> for FormData {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(FormData(read_form(req, state, 10_000).await?))
    }
}

/// A form with long texts (minutes, reports): values up to the longest text
/// the domain accepts; the route sets a larger body limit.
pub struct LongFormData(pub FormData);

pub use crate::limits::LONG_FORM_BODY;

impl FromRequest<AppState> for LongFormData {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let limit = majlis_domain::minutes::MAX_MINUTES_TEXT + 1;
        Ok(LongFormData(FormData(read_form(req, state, limit).await?)))
    }
}

pub use crate::error::parse_id;

pub use crate::redirect::see_other;

/// A redirect target taken from a request (see [`crate::redirect`]).
pub fn safe_next(next: Option<&str>) -> String {
    crate::redirect::local_target(next)
}

/// The redirect to the login page for anonymous users, `None` when logged in.
pub fn require_login(ctx: &Ctx, path: &str) -> Option<Response> {
    ctx.user
        .is_none()
        .then(|| Redirect::to(&format!("/login?next={}", urlencode(path))).into_response())
}

pub use crate::redirect::urlencode;

/// Cache headers for static assets.
pub fn immutable(content_type: &'static str, body: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=604800"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn next_is_only_relative() {
        assert_eq!(super::safe_next(Some("/bodies")), "/bodies");
        assert_eq!(super::safe_next(Some("//evil.example")), "/");
        assert_eq!(super::safe_next(Some("https://evil.example")), "/");
        assert_eq!(super::safe_next(None), "/");
    }
}
