//! The JSON API under `/api/v1`: the same services and permission checks as
//! the pages, authenticated by session cookie (+ `X-CSRF-Token` on writes) or
//! `Authorization: Bearer <token>`. Errors: see [`crate::error`].

mod admin;
mod auth;
mod bodies;
mod calendar;
mod campaigns;
mod communiques;
pub mod dto;
mod evidence;
mod invitations;
mod me;
mod meetings;
mod minutes;
mod papers;
mod participations;
mod people;
mod plans;
mod replies;
mod sessions;

use crate::auth::{Ctx, request_lang};
use crate::error::{ApiError, WebError};
use crate::state::AppState;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::handler::Handler;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use utoipa::OpenApi;

pub type ApiResult<T> = Result<Json<T>, ApiError>;

pub use crate::limits::UPLOAD_BODY;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "majlis API",
        description = "Bodies, people, memberships and accounts of a member-based organization."
    ),
    paths(
        auth::login,
        auth::logout,
        me::me,
        me::tokens,
        me::create_token,
        me::revoke_token,
        me::roles,
        me::audit,
        bodies::list,
        bodies::create,
        bodies::get_one,
        bodies::update,
        bodies::archive,
        bodies::members,
        bodies::campaigns,
        people::list,
        people::create,
        people::get_one,
        people::update,
        people::archive,
        people::memberships,
        people::add_membership,
        people::end_membership,
        admin::accounts,
        admin::create_account,
        admin::toggle_account,
        admin::reset_password,
        admin::settings,
        admin::update_settings,
        admin::add_role,
        meetings::list,
        meetings::create,
        meetings::get_one,
        meetings::change_status,
        replies::reply,
        replies::list,
        meetings::add_agenda_item,
        meetings::record_attendance,
        meetings::add_decision,
        meetings::set_decision_status,
        meetings::to_follow,
        sessions::list,
        sessions::create,
        sessions::program,
        sessions::paper_action,
        calendar::range,
        calendar::create_feed,
        calendar::feeds,
        calendar::revoke_feed,
        invitations::update,
        invitations::send,
        invitations::mail_state,
        invitations::guests,
        invitations::add_guest,
        invitations::guest_attendance,
        invitations::add_report,
        invitations::reports,
        invitations::carry_over,
        invitations::update_agenda_item,
        invitations::remove_agenda_item,
        participations::add_participation,
        participations::body_participations,
        participations::person_participations,
        participations::update_participation,
        participations::delete_participation,
        minutes::get_one,
        minutes::save,
        minutes::approve,
        papers::get_one,
        papers::add_version,
        papers::version_file,
        papers::add_workshop,
        papers::set_workshop_person,
        papers::set_outcome,
        papers::add_slot,
        papers::add_paper,
        papers::join,
        papers::leave,
        papers::attach,
        campaigns::templates,
        campaigns::save_template,
        campaigns::list,
        campaigns::create,
        campaigns::get_one,
        campaigns::action,
        campaigns::remind,
        plans::list,
        plans::create,
        plans::get_one,
        plans::add_objective,
        plans::add_task,
        plans::change_task,
        communiques::list,
        communiques::create,
        communiques::get_one,
        communiques::update,
        communiques::action,
        communiques::moderate,
        communiques::public_list,
        communiques::public_one,
        communiques::public_comments,
        evidence::report_files,
        evidence::attach_report_file,
        evidence::report_file,
        evidence::remove_report_file,
        evidence::attach_task_file,
        evidence::task_file,
        evidence::remove_task_file,
        campaigns::add_targets,
        campaigns::remove_target,
        campaigns::board,
        campaigns::synthesis,
        campaigns::save_report,
        campaigns::reports,
        campaigns::get_report,
        campaigns::put_report,
        campaigns::report_action,
    ),
    components(schemas(dto::ErrorBody))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(|| async { Json(ApiDoc::openapi()) }))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(me::me))
        .route("/me/tokens", get(me::tokens).post(me::create_token))
        .route("/me/tokens/{id}", axum::routing::delete(me::revoke_token))
        .route(
            "/me/feeds",
            get(calendar::feeds).post(calendar::create_feed),
        )
        .route(
            "/me/feeds/{id}",
            axum::routing::delete(calendar::revoke_feed),
        )
        .route("/calendar", get(calendar::range))
        .route("/roles", get(me::roles).post(admin::add_role))
        .route(
            "/accounts",
            get(admin::accounts).post(admin::create_account),
        )
        .route(
            "/accounts/{id}/password",
            axum::routing::put(admin::reset_password),
        )
        .route("/accounts/{id}/{action}", post(admin::toggle_account))
        .route(
            "/settings",
            get(admin::settings).put(admin::update_settings),
        )
        .route("/audit/{kind}/{id}", get(me::audit))
        .route(
            "/templates",
            get(campaigns::templates).post(campaigns::save_template),
        )
        .route("/campaigns", get(campaigns::list).post(campaigns::create))
        .route("/campaigns/{id}", get(campaigns::get_one))
        .route("/campaigns/{id}/action", post(campaigns::action))
        .route("/campaigns/{id}/remind", post(campaigns::remind))
        .route("/plans", get(plans::list).post(plans::create))
        .route("/plans/{id}", get(plans::get_one))
        .route("/plans/{id}/objectives", post(plans::add_objective))
        .route("/objectives/{id}/tasks", post(plans::add_task))
        .route("/tasks/{id}", post(plans::change_task))
        .route("/campaigns/{id}/targets", post(campaigns::add_targets))
        .route(
            "/campaigns/{id}/targets/{body}",
            axum::routing::delete(campaigns::remove_target),
        )
        .route("/campaigns/{id}/board", get(campaigns::board))
        .route("/campaigns/{id}/synthesis", get(campaigns::synthesis))
        .route(
            "/campaigns/{id}/reports",
            get(campaigns::reports).post(campaigns::save_report),
        )
        .route(
            "/reports/{id}",
            get(campaigns::get_report).put(campaigns::put_report),
        )
        .route("/reports/{id}/{action}", post(campaigns::report_action))
        .route(
            "/communiques",
            get(communiques::list).post(communiques::create),
        )
        .route(
            "/communiques/{id}",
            get(communiques::get_one).put(communiques::update),
        )
        .route("/communiques/{id}/{action}", post(communiques::action))
        .route("/comments/moderate", post(communiques::moderate))
        .route("/public/communiques", get(communiques::public_list))
        .route("/public/communiques/{slug}", get(communiques::public_one))
        .route(
            "/public/communiques/{slug}/comments",
            get(communiques::public_comments),
        )
        .route(
            "/reports/{id}/files",
            get(evidence::report_files)
                .post(evidence::attach_report_file.layer(DefaultBodyLimit::max(UPLOAD_BODY))),
        )
        .route(
            "/reports/{id}/files/{file}",
            get(evidence::report_file).delete(evidence::remove_report_file),
        )
        .route(
            "/tasks/{id}/files",
            post(evidence::attach_task_file.layer(DefaultBodyLimit::max(UPLOAD_BODY))),
        )
        .route(
            "/tasks/{id}/files/{file}",
            get(evidence::task_file).delete(evidence::remove_task_file),
        )
        .route("/bodies", get(bodies::list).post(bodies::create))
        .route("/bodies/{id}", get(bodies::get_one).patch(bodies::update))
        .route("/bodies/{id}/archive", post(bodies::archive))
        .route("/bodies/{id}/members", get(bodies::members))
        .route("/bodies/{id}/campaigns", get(bodies::campaigns))
        .route(
            "/bodies/{id}/meetings",
            get(meetings::list).post(meetings::create),
        )
        .route("/bodies/{id}/decisions", get(meetings::to_follow))
        .route(
            "/meetings/{id}",
            get(meetings::get_one).patch(invitations::update),
        )
        .route(
            "/meetings/{id}/invitations",
            get(invitations::mail_state).post(invitations::send),
        )
        .route(
            "/meetings/{id}/guests",
            get(invitations::guests).post(invitations::add_guest),
        )
        .route(
            "/guests/{id}/attendance",
            axum::routing::put(invitations::guest_attendance),
        )
        .route(
            "/meetings/{id}/reports",
            get(invitations::reports)
                .post(invitations::add_report.layer(DefaultBodyLimit::max(UPLOAD_BODY))),
        )
        .route("/agenda/{id}/carry-over", post(invitations::carry_over))
        .route(
            "/agenda/{id}",
            axum::routing::patch(invitations::update_agenda_item)
                .delete(invitations::remove_agenda_item),
        )
        .route(
            "/bodies/{id}/participations",
            get(participations::body_participations)
                .post(participations::add_participation.layer(DefaultBodyLimit::max(UPLOAD_BODY))),
        )
        .route(
            "/participations/{id}",
            axum::routing::patch(
                participations::update_participation.layer(DefaultBodyLimit::max(UPLOAD_BODY)),
            )
            .delete(participations::delete_participation),
        )
        .route(
            "/people/{id}/participations",
            get(participations::person_participations),
        )
        .route(
            "/meetings/{id}/minutes",
            get(minutes::get_one)
                .put(minutes::save.layer(DefaultBodyLimit::max(crate::limits::LONG_FORM_BODY))),
        )
        .route("/meetings/{id}/minutes/approve", post(minutes::approve))
        .route("/meetings/{id}/status", post(meetings::change_status))
        .route("/meetings/{id}/reply", post(replies::reply))
        .route("/meetings/{id}/replies", get(replies::list))
        .route("/meetings/{id}/agenda", post(meetings::add_agenda_item))
        .route(
            "/meetings/{id}/attendance",
            axum::routing::put(meetings::record_attendance),
        )
        .route("/meetings/{id}/decisions", post(meetings::add_decision))
        .route(
            "/decisions/{id}/status",
            post(meetings::set_decision_status),
        )
        .route(
            "/bodies/{id}/sessions",
            get(sessions::list).post(sessions::create),
        )
        .route("/sessions/{id}", get(sessions::program))
        .route("/papers/{id}/action", post(sessions::paper_action))
        .route("/papers/{id}", get(papers::get_one))
        .route(
            "/papers/{id}/versions",
            post(papers::add_version).layer(DefaultBodyLimit::max(UPLOAD_BODY)),
        )
        .route(
            "/papers/{id}/versions/{number}/file",
            get(papers::version_file),
        )
        .route("/sessions/{id}/workshops", post(papers::add_workshop))
        .route("/sessions/{id}/slots", post(papers::add_slot))
        .route("/workshops/{id}/people", post(papers::set_workshop_person))
        .route(
            "/workshops/{id}/outcome",
            axum::routing::put(papers::set_outcome),
        )
        .route("/workshops/{id}/papers", post(papers::add_paper))
        .route(
            "/workshops/{id}/join",
            post(papers::join).delete(papers::leave),
        )
        .route(
            "/agenda/{id}/attachments",
            post(papers::attach.layer(DefaultBodyLimit::max(UPLOAD_BODY))),
        )
        .route("/people", get(people::list).post(people::create))
        .route("/people/{id}", get(people::get_one).patch(people::update))
        .route("/people/{id}/archive", post(people::archive))
        .route("/people/{id}/memberships", get(people::memberships))
        .route("/memberships", post(people::add_membership))
        .route("/memberships/{id}/end", post(people::end_membership))
}

/// A JSON body whose rejections are translated API errors (400, 413).
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = request_lang(req.headers(), None);
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(rej) => {
                let e = if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    WebError::PayloadTooLarge
                } else {
                    WebError::BadRequest
                };
                Err(ApiError(e, Some(lang)))
            }
        }
    }
}

/// A query string whose rejections (`?page=-1`, `?per_page=x`) are API
/// errors in the JSON format (400 `bad_request`), like every other.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned + Send> axum::extract::FromRequestParts<AppState> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(v)) => Ok(ApiQuery(v)),
            Err(_) => Err(ApiError(
                WebError::BadRequest,
                Some(request_lang(&parts.headers, None)),
            )),
        }
    }
}

/// Writes need the session's CSRF token unless the request uses a bearer token.
pub fn writable(ctx: &Ctx) -> Result<&majlis_domain::Actor, ApiError> {
    let actor = ctx.actor()?;
    ctx.check_csrf(None)?;
    Ok(actor)
}

/// Like [`writable`], for what makes or changes credentials (API tokens,
/// passwords, accounts): a logged-in session only. A bearer token cannot mint
/// the tokens or passwords that would outlive its own revocation.
pub fn session_writable(ctx: &Ctx) -> Result<&majlis_domain::Actor, ApiError> {
    let actor = writable(ctx)?;
    match ctx.user.as_ref() {
        Some(u) if u.csrf.is_some() => Ok(actor),
        _ => Err(ctx.api_err(crate::error::WebError::Domain(
            majlis_domain::DomainError::Forbidden,
        ))),
    }
}

pub fn parse_id(ctx: &Ctx, s: &str) -> Result<uuid::Uuid, ApiError> {
    crate::error::parse_id(s).map_err(|e| ctx.api_err(e))
}
