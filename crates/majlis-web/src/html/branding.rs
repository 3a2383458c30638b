//! The organization's logo: set or removed on the settings page (admins),
//! served to everyone at an address that changes with each new logo.

use super::admin::{settings_page, settings_values};
use super::layout::FormState;
use super::upload::UploadForm;
use super::{FormData, PageResult, parse_id, render_status, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use majlis_domain::{DomainError, permissions};

fn admin(ctx: &Ctx) -> Result<&majlis_domain::Actor, WebError> {
    let actor = ctx.actor()?;
    if permissions::can_administer(actor) {
        Ok(actor)
    } else {
        Err(WebError::Domain(DomainError::Forbidden))
    }
}

/// A new logo (multipart, the image in `file`).
pub async fn upload(State(state): State<AppState>, ctx: Ctx, up: UploadForm) -> PageResult {
    let actor = admin(&ctx)?;
    ctx.check_csrf(up.form.csrf())?;
    let result = match up.upload() {
        Ok(Some(file)) => state
            .store
            .set_logo(actor, Some(file))
            .await
            .map_err(WebError::from),
        Ok(None) => Err(WebError::Domain(DomainError::invalid("logo", "required"))),
        Err(_) => Err(WebError::Domain(DomainError::invalid(
            "logo",
            "file_too_large",
        ))),
    };
    match result {
        Ok(_) => Ok(see_other("/admin/settings#look")),
        Err(e @ WebError::Domain(DomainError::Invalid(_))) => {
            let fs = FormState::new().with_error(&e, ctx.lang);
            let page = settings_page(
                &state,
                &ctx,
                settings_values(&ctx.settings),
                FormState::new(),
                fs,
            )
            .await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(ctx.page_err(e)),
    }
}

/// Back to the organization's initial as its mark.
pub async fn remove(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    let actor = admin(&ctx)?;
    ctx.check_csrf(form.csrf())?;
    state.store.set_logo(actor, None).await?;
    Ok(see_other("/admin/settings#look"))
}

/// The logo, for every page (the login page included): cached for a year,
/// since a new logo gets a new address.
pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    let id = parse_id(&id)?;
    let f = state
        .store
        .logo(id)
        .await
        .map_err(|e| ctx.page_err(WebError::from(e)))?;
    Ok((
        [
            (header::CONTENT_TYPE, f.info.media_type.clone()),
            (
                header::CACHE_CONTROL,
                "public, max-age=31536000, immutable".to_string(),
            ),
            (header::CONTENT_SECURITY_POLICY, "sandbox".to_string()),
        ],
        f.content,
    )
        .into_response())
}

/// The colour tokens of an organization colour (`/brand/8b1e3f.css`).
pub async fn stylesheet(ctx: Ctx, Path(file): Path<String>) -> PageResult {
    let css = file
        .strip_suffix(".css")
        .and_then(super::layout::brand_css)
        .ok_or_else(|| ctx.page_err(WebError::not_found()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        css,
    )
        .into_response())
}
