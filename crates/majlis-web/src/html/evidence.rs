//! Evidence on pages: files attached to a report by the body writing it and
//! to a plan task by whoever updates it; listed with their size, downloaded
//! by whoever may read the report or the plan, removed while they can
//! still change.

use super::upload::UploadForm;
use super::{FormData, PageResult, parse_id, see_other};
use crate::auth::Ctx;
use crate::download::download;
use crate::error::WebError;
use crate::present::file_size;
use crate::state::AppState;
use axum::extract::{Path, State};
use majlis_domain::DomainError;
use majlis_store::service::files::FileInfo;

/// A file as a page lists it.
pub struct FileLine {
    pub id: String,
    pub href: String,
    pub name: String,
    pub size: String,
}

/// The lines of files under `base` (`/reports/{id}` or `/tasks/{id}`).
pub fn lines(base: &str, files: &[FileInfo]) -> Vec<FileLine> {
    files
        .iter()
        .map(|f| FileLine {
            id: f.id.to_string(),
            href: format!("{base}/files/{}", f.id),
            name: super::layout::clean(&f.name),
            size: file_size(f.size),
        })
        .collect()
}

async fn report_refused(
    state: &AppState,
    ctx: &Ctx,
    report: uuid::Uuid,
    e: WebError,
) -> PageResult {
    super::reports::refused_by_id(state, ctx, report, e).await
}

async fn report_here(state: &AppState, ctx: &Ctx, report: uuid::Uuid) -> PageResult {
    let (r, _) = state.store.report(ctx.actor()?, report).await?;
    Ok(see_other(&format!(
        "/campaigns/{}/bodies/{}/report#files",
        r.campaign_id, r.body_id
    )))
}

pub async fn report_attach(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let id = parse_id(&id)?;
    let result = match up.upload() {
        Ok(Some(file)) => state
            .store
            .attach_report_file(ctx.actor()?, id, file, state.config.limits.max_upload)
            .await
            .map(|_| ())
            .map_err(WebError::from),
        Ok(None) => Err(WebError::Domain(DomainError::invalid("file", "required"))),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => report_here(&state, &ctx, id).await,
        Err(e) => report_refused(&state, &ctx, id, e).await,
    }
}

pub async fn report_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let (id, file) = (parse_id(&id)?, parse_id(&file)?);
    match state.store.remove_report_file(ctx.actor()?, id, file).await {
        Ok(()) => report_here(&state, &ctx, id).await,
        Err(e) => report_refused(&state, &ctx, id, e.into()).await,
    }
}

pub async fn report_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> PageResult {
    let (id, file) = (parse_id(&id)?, parse_id(&file)?);
    let f = state.store.report_file(ctx.actor()?, id, file).await?;
    Ok(download(f))
}

pub async fn task_attach(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((plan, task)): Path<(String, String)>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let (plan, task) = (parse_id(&plan)?, parse_id(&task)?);
    let result = match up.upload() {
        Ok(Some(file)) => state
            .store
            .attach_task_file(ctx.actor()?, task, file, state.config.limits.max_upload)
            .await
            .map(|_| ())
            .map_err(WebError::from),
        Ok(None) => Err(WebError::Domain(DomainError::invalid("file", "required"))),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/plans/{plan}#task-{task}"))),
        Err(e) => super::plans::refused(&state, &ctx, plan, e).await,
    }
}

pub async fn task_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((plan, task, file)): Path<(String, String, String)>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let (plan, task, file) = (parse_id(&plan)?, parse_id(&task)?, parse_id(&file)?);
    match state.store.remove_task_file(ctx.actor()?, task, file).await {
        Ok(()) => Ok(see_other(&format!("/plans/{plan}#task-{task}"))),
        Err(e) => super::plans::refused(&state, &ctx, plan, e.into()).await,
    }
}

pub async fn task_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((_plan, task, file)): Path<(String, String, String)>,
) -> PageResult {
    let (task, file) = (parse_id(&task)?, parse_id(&file)?);
    let f = state.store.task_file(ctx.actor()?, task, file).await?;
    Ok(download(f))
}
