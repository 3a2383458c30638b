//! Writing a campaign on a page: the issuing body (one the writer runs), the
//! title and what to do, the deadline and its grace, the meeting to hold
//! and the report template, the target bodies by kind and region; then
//! launching it (the targets are frozen) and closing it, each confirmed.

use super::layout::{Chrome, FormState, clean};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::body::BodyKind;
use majlis_domain::campaign::{CampaignAction, CampaignInput, TargetRule};
use majlis_domain::meeting::MeetingKind;
use majlis_domain::{DomainError, permissions};
use uuid::Uuid;

#[derive(Template)]
#[template(path = "campaign_form.html")]
struct CampaignForm {
    chrome: Chrome,
    form: FormState,
    issuers: Vec<(String, String)>,
    templates: Vec<(String, String)>,
    meeting_kinds: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    regions: Vec<(String, String)>,
}

/// The bodies the writer may issue a campaign for: those it runs, or, for
/// the national leadership, every body above the provinces.
async fn issuers(state: &AppState, ctx: &Ctx) -> Result<Vec<(String, String)>, WebError> {
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    // `can_issue_campaign`: the national leadership for any body, the
    // others for the bodies they run — read from the actor, no query each.
    let national = permissions::can_manage_templates(actor);
    let runs = |b: uuid::Uuid| {
        actor
            .roles
            .iter()
            .any(|r| r.body_id == b && r.role.manages())
    };
    Ok(state
        .store
        .visible_bodies(actor, "", false)
        .await?
        .into_iter()
        .filter(|b| !matches!(b.kind, BodyKind::Provincial | BodyKind::Local))
        .filter(|b| national || runs(b.id))
        .take(200)
        .map(|b| (b.id.to_string(), clean(b.name(lang.code()))))
        .collect())
}

async fn page(state: &AppState, ctx: &Ctx, form: FormState) -> Result<CampaignForm, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let issuers = issuers(state, ctx).await?;
    if issuers.is_empty() {
        return Err(WebError::Domain(DomainError::Forbidden));
    }
    let templates = state
        .store
        .templates(actor)
        .await?
        .into_iter()
        .map(|t| (t.key.clone(), clean(&t.definition.name)))
        .collect();
    let mut meeting_kinds = vec![(String::new(), lang.t("campaign-no-meeting"))];
    meeting_kinds.extend(MeetingKind::ALL.iter().map(|k| {
        (
            k.as_str().to_string(),
            lang.t(&format!("meeting-kind-{}", k.as_str())),
        )
    }));
    let mut regions = vec![(String::new(), lang.t("campaign-everywhere"))];
    regions.extend(
        state
            .store
            .visible_bodies(actor, "", false)
            .await?
            .into_iter()
            .filter(|b| b.kind == BodyKind::Regional)
            .map(|b| (b.id.to_string(), clean(b.name(lang.code())))),
    );
    Ok(CampaignForm {
        chrome: Chrome::new(ctx, lang.t("campaign-new"), "campaigns", "/campaigns/new"),
        form,
        issuers,
        templates,
        meeting_kinds,
        kinds: BodyKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().to_string(),
                    lang.t(&format!("kind-{}", k.as_str())),
                )
            })
            .collect(),
        regions,
    })
}

pub async fn new_form(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/campaigns/new") {
        return Ok(r);
    }
    let form = FormState::new()
        .with("kinds", "provincial")
        .with("grace_days", "0");
    Ok(render(&page(&state, &ctx, form).await?))
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let issuer = match form.get("issuing_body_id").map(parse_id) {
        Some(Ok(id)) => id,
        _ => {
            let e = WebError::Domain(DomainError::invalid("issuing_body_id", "required"));
            return refused(&state, &ctx, &form, e).await;
        }
    };
    let kinds: Vec<BodyKind> = form
        .list("kinds")
        .into_iter()
        .filter_map(BodyKind::parse)
        .collect();
    let within: Option<Uuid> = form
        .get("within")
        .filter(|v| !v.is_empty())
        .and_then(|v| v.parse().ok());
    let input = CampaignInput {
        title: form.text("title"),
        description: form.opt("description"),
        due_on: form.text("due_on"),
        grace_days: form.get("grace_days").and_then(|g| g.trim().parse().ok()),
        meeting_kind: form.opt("meeting_kind").filter(|m| !m.is_empty()),
        template: form.opt("template").filter(|t| !t.is_empty()),
        targets: TargetRule {
            kinds,
            within,
            bodies: Vec::new(),
        },
        decision_id: None,
    };
    match state.store.create_campaign(actor, issuer, &input).await {
        Ok(c) => Ok(see_other(&format!("/campaigns/{}", c.id))),
        Err(e) => {
            let e: WebError = e.into();
            if matches!(e, WebError::Domain(DomainError::Invalid(_))) {
                refused(&state, &ctx, &form, e).await
            } else {
                Err(ctx.page_err(e))
            }
        }
    }
}

/// The form again with what was typed and the errors (422).
async fn refused(state: &AppState, ctx: &Ctx, form: &FormData, e: WebError) -> PageResult {
    let fs = FormState::from_values(form.0.clone()).with_error(&e, ctx.lang);
    let p = page(state, ctx, fs).await.map_err(|e| ctx.page_err(e))?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
}

/// Launches (freezing the targets) or closes a campaign.
pub async fn action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let action = match form.get("action") {
        Some("launch") => CampaignAction::Launch,
        Some("close") => CampaignAction::Close,
        _ => return Err(ctx.page_err(WebError::BadRequest)),
    };
    state
        .store
        .campaign_action(ctx.actor()?, id, action)
        .await
        .map_err(|e| ctx.page_err(e))?;
    Ok(see_other(&format!("/campaigns/{id}")))
}
