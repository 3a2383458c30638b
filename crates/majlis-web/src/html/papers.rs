//! A working paper's page: its versions (download, or read the text written
//! in majlis), a new version (upload or writing), the workflow's actions
//! with comments, and its history.

use super::layout::{Chrome, FormState, clean};
use super::upload::UploadForm;
use super::{PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::DomainError;
use majlis_domain::permissions;
use majlis_domain::session::{PaperAction, paper_transition};
use majlis_store::service::papers::PaperDetail;

pub struct VersionView {
    pub number: i32,
    pub author: String,
    pub at: String,
    pub file: Option<(String, String, String)>,
    pub text: Option<String>,
}

pub struct EventView {
    pub action: String,
    pub by: String,
    pub at: String,
    pub comment: Option<String>,
}

#[derive(Template)]
#[template(path = "paper.html")]
struct PaperPage {
    chrome: Chrome,
    id: String,
    session_id: String,
    workshop: String,
    state: String,
    state_code: &'static str,
    due: String,
    late: Option<String>,
    assignees: String,
    can_write: bool,
    actions: Vec<(String, String, bool)>,
    versions: Vec<VersionView>,
    events: Vec<EventView>,
    form: FormState,
    max_upload: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    d: PaperDetail,
    form: FormState,
) -> Result<PaperPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let when = |at: chrono::DateTime<chrono::Utc>| {
        let l = at.with_timezone(&tz);
        format!("{} {}", dates.date(l.date_naive()), l.format("%H:%M"))
    };
    let mine = d.is_assignee(actor);
    let plan = permissions::can_plan_sessions(actor);
    let can_write = (mine || plan) && paper_transition(d.state, PaperAction::SaveVersion).is_ok();
    let actions = ["submit", "approve", "return", "circulate"]
        .iter()
        .filter_map(|a| {
            let act = PaperAction::parse(a)?;
            let allowed = plan || (mine && act.by_assignee());
            (allowed && paper_transition(d.state, act).is_ok()).then(|| {
                (
                    a.to_string(),
                    lang.t(&format!("paper-action-{a}")),
                    act == PaperAction::Return,
                )
            })
        })
        .collect();
    Ok(PaperPage {
        chrome: Chrome::new(ctx, clean(&d.title), "bodies", format!("/papers/{}", d.id)),
        id: d.id.to_string(),
        session_id: d.session_id.to_string(),
        workshop: clean(&d.workshop_title),
        state: lang.t(&format!("paper-state-{}", d.state.as_str())),
        state_code: d.state.as_str(),
        due: dates.date(d.due_on),
        late: crate::present::paper_lateness(
            lang,
            d.state,
            d.due_on,
            ctx.today(),
            d.session_last_day,
        ),
        assignees: d
            .assignees
            .iter()
            .map(|p| super::sessions::name(lang, p))
            .collect::<Vec<_>>()
            .join(lang.comma()),
        can_write,
        actions,
        versions: d
            .versions
            .iter()
            .map(|v| VersionView {
                number: v.number,
                author: v.author.as_deref().map(clean).unwrap_or_default(),
                at: when(v.created_at),
                file: v.file.as_ref().map(|f| {
                    (
                        format!("/papers/{}/versions/{}/file", d.id, v.number),
                        clean(&f.name),
                        crate::present::file_size(f.size),
                    )
                }),
                text: v.text.as_deref().map(crate::markdown::to_html),
            })
            .collect(),
        events: d
            .events
            .iter()
            .rev()
            .map(|e| EventView {
                action: lang.t(&format!("paper-action-{}", e.action)),
                by: e.by.as_deref().map(clean).unwrap_or_default(),
                at: when(e.at),
                comment: e.comment.as_deref().map(clean),
            })
            .collect(),
        form,
        max_upload: lang.t_args(
            "paper-upload-limit",
            &[(
                "size",
                FluentValue::from(crate::present::file_size(
                    state.config.limits.max_upload as i64,
                )),
            )],
        ),
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/papers/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let d = state.store.paper(actor, id).await?;
    let p = page(&state, &ctx, d, FormState::new()).await?;
    Ok(render(&p))
}

/// A new version: the uploaded document, or the text written in the form.
pub async fn add_version(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let id = parse_id(&id)?;
    let actor = ctx.actor()?;
    let text = up.form.get("text").filter(|t| !t.trim().is_empty());
    let result = match up.upload() {
        Ok(file) => state
            .store
            .add_paper_version(actor, id, file, text, state.config.limits.max_upload)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/papers/{id}#versions"))),
        Err(e) => {
            if !matches!(e, WebError::Domain(DomainError::Invalid(_))) {
                return Err(ctx.page_err(e));
            }
            let d = state.store.paper(actor, id).await?;
            let fs = FormState::from_values(up.form.0).with_error(&e, ctx.lang);
            let p = page(&state, &ctx, d, fs).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
    }
}

pub async fn version_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/papers/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let number: i32 = number
        .parse()
        .map_err(|_| ctx.page_err(WebError::not_found()))?;
    let actor = ctx.actor()?;
    let f = state.store.paper_file(actor, id, number).await?;
    Ok(crate::download::download(f))
}
