//! Evidence over the API: files attached to a report while its body writes
//! it, and to a plan task by whoever updates it (sent as base64 JSON like
//! every upload of the API; documents, JPEG/PNG photos, XLSX/ODS sheets,
//! recognised by content).

use super::dto::ErrorBody;
use super::papers::{FileDto, UploadDto, decode_upload};
use super::{ApiError, ApiJson, ApiResult, parse_id, writable};
use crate::auth::Ctx;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

/// The files attached to a report, in the order they were attached.
#[utoipa::path(get, path = "/api/v1/reports/{id}/files", tag = "campaigns",
    responses((status = 200, body = [FileDto]), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn report_files(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> ApiResult<Vec<FileDto>> {
    let id = parse_id(&ctx, &id)?;
    let files = state.store.report_files(ctx.actor()?, id).await?;
    Ok(Json(files.into_iter().map(FileDto::from).collect()))
}

/// Attaches a file to a report still being written (draft or returned),
/// at most 20.
#[utoipa::path(post, path = "/api/v1/reports/{id}/files", tag = "campaigns", request_body = UploadDto,
    responses((status = 200, body = FileDto), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn attach_report_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<UploadDto>,
) -> ApiResult<FileDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = decode_upload(&ctx, r)?;
    let f = state
        .store
        .attach_report_file(actor, id, &upload, state.config.limits.max_upload)
        .await?;
    Ok(Json(f.into()))
}

/// One file of a report.
#[utoipa::path(get, path = "/api/v1/reports/{id}/files/{file}", tag = "campaigns",
    responses((status = 200, description = "the file"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn report_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (id, file) = (parse_id(&ctx, &id)?, parse_id(&ctx, &file)?);
    let f = state.store.report_file(ctx.actor()?, id, file).await?;
    Ok(crate::download::download(f))
}

/// Removes a file from a report still being written.
#[utoipa::path(delete, path = "/api/v1/reports/{id}/files/{file}", tag = "campaigns",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn remove_report_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let (id, file) = (parse_id(&ctx, &id)?, parse_id(&ctx, &file)?);
    state.store.remove_report_file(actor, id, file).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Attaches evidence to a plan task (those who may update it), at most 20.
#[utoipa::path(post, path = "/api/v1/tasks/{id}/files", tag = "plans", request_body = UploadDto,
    responses((status = 200, body = FileDto), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn attach_task_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    ApiJson(r): ApiJson<UploadDto>,
) -> ApiResult<FileDto> {
    let actor = writable(&ctx)?;
    let id = parse_id(&ctx, &id)?;
    let upload = decode_upload(&ctx, r)?;
    let f = state
        .store
        .attach_task_file(actor, id, &upload, state.config.limits.max_upload)
        .await?;
    Ok(Json(f.into()))
}

/// One piece of a task's evidence.
#[utoipa::path(get, path = "/api/v1/tasks/{id}/files/{file}", tag = "plans",
    responses((status = 200, description = "the file"), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn task_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (id, file) = (parse_id(&ctx, &id)?, parse_id(&ctx, &file)?);
    let f = state.store.task_file(ctx.actor()?, id, file).await?;
    Ok(crate::download::download(f))
}

/// Removes evidence from a plan task.
#[utoipa::path(delete, path = "/api/v1/tasks/{id}/files/{file}", tag = "plans",
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove_task_file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let actor = writable(&ctx)?;
    let (id, file) = (parse_id(&ctx, &id)?, parse_id(&ctx, &file)?);
    state.store.remove_task_file(actor, id, file).await?;
    Ok(StatusCode::NO_CONTENT)
}
