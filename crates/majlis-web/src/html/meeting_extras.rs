//! Around a meeting: its convocation (sent and re-sent by e-mail, with the
//! queue's state), guests, reports heard, documents attached to agenda
//! items, carry-over of items, edits of a planned meeting, and the minutes'
//! state.

use super::layout::{FormState, clean};
use super::upload::UploadForm;
use super::{FormData, PageResult, parse_id, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use axum::extract::{Path, State};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::meeting::{Attendance, Meeting, MeetingStatus};
use majlis_domain::participation::GuestInput;
use majlis_domain::{Actor, DomainError};
use majlis_store::StoreResult;
use std::collections::HashMap;
use uuid::Uuid;

pub struct GuestView {
    pub id: String,
    /// «متدخلة», «متدخل» or «متدخل(ة)» for a speaker.
    pub speaker: Option<String>,
    pub name: String,
    pub quality: Option<String>,
    pub status_label: String,
    pub options: Vec<(String, String, bool)>,
}

pub struct ReportView {
    pub title: String,
    pub detail: Option<String>,
    pub file: Option<(String, String)>,
}

/// What the meeting page shows beyond agenda, attendance and decisions.
#[derive(Default)]
pub struct MeetingExtras {
    pub minutes_label: String,
    pub minutes_approved: bool,
    /// The viewer may open the minutes (else no link to a page that refuses).
    pub minutes_readable: bool,
    /// «أرسلت 20 رسالة، 1 في الانتظار».
    pub mail_line: Option<String>,
    pub mail_error: Option<String>,
    pub can_invite: bool,
    pub guests: Vec<GuestView>,
    pub reports: Vec<ReportView>,
    pub participations: Vec<(String, String)>,
    pub attachments: HashMap<String, Vec<(String, String)>>,
    pub later_meetings: Vec<(String, String)>,
    pub guest_form: FormState,
    /// The guest form's gender choices (unknown first).
    pub genders: Vec<(String, String)>,
}

pub async fn extras(
    state: &AppState,
    ctx: &Ctx,
    m: &Meeting,
    can_manage: bool,
) -> StoreResult<MeetingExtras> {
    let lang = ctx.lang;
    let actor = ctx.actor().map_err(|_| DomainError::Forbidden)?;
    let dates = state.dates(lang.code(), &ctx.settings);
    let mut x = MeetingExtras {
        genders: std::iter::once((String::new(), lang.t("gender-unknown")))
            .chain(
                [majlis_domain::Gender::Female, majlis_domain::Gender::Male]
                    .iter()
                    .map(|g| {
                        (
                            g.as_str().to_string(),
                            lang.t(&format!("gender-{}", g.as_str())),
                        )
                    }),
            )
            .collect(),
        ..Default::default()
    };
    match state.store.minutes(actor, m.id).await {
        Ok(min) => {
            x.minutes_readable = true;
            x.minutes_approved = min.approved();
            x.minutes_label = lang.t(if min.approved() {
                "minutes-status-approved"
            } else if min.is_empty() {
                "minutes-none"
            } else {
                "minutes-status-draft"
            });
        }
        // Not approved yet and the viewer does not run the body.
        Err(majlis_store::StoreError::Domain(DomainError::Forbidden)) => {
            x.minutes_label = lang.t("minutes-not-yet")
        }
        Err(e) => return Err(e),
    }
    if can_manage {
        let counts = state.store.mail_counts(actor, m.id).await?;
        let total = counts.done + counts.pending + counts.retrying + counts.failed;
        if total > 0 {
            x.mail_line = Some(lang.t_args(
                "mail-status",
                &[
                    ("sent", FluentValue::from(counts.done.to_string())),
                    (
                        "waiting",
                        FluentValue::from((counts.pending + counts.retrying).to_string()),
                    ),
                    ("failed", FluentValue::from(counts.failed.to_string())),
                ],
            ));
        }
        let jobs = state.store.jobs_about(actor, m.id, 50).await?;
        if let Some(e) = jobs.iter().find_map(|j| {
            (j.status == majlis_domain::jobs::JobStatus::Pending)
                .then_some(j.last_error.as_deref())
                .flatten()
        }) {
            x.mail_error =
                Some(lang.t_args("mail-retrying", &[("error", FluentValue::from(clean(e)))]));
        } else if state.config.mail.is_none() && counts.pending > 0 {
            x.mail_error = Some(lang.t("mail-not-configured"));
        }
        x.can_invite = matches!(m.status, MeetingStatus::Planned | MeetingStatus::Postponed);
        x.participations = std::iter::once((String::new(), lang.t("report-no-participation")))
            .chain(
                state
                    .store
                    .body_participations(actor, m.body_id, 50)
                    .await?
                    .into_iter()
                    .map(|p| {
                        (
                            p.id.to_string(),
                            format!("{} — {}", clean(&p.event), dates.date(p.first_day)),
                        )
                    }),
            )
            .collect();
        x.later_meetings = state
            .store
            .later_meetings(m.id)
            .await?
            .into_iter()
            .map(|l| {
                (
                    l.id.to_string(),
                    format!("{} — {}", clean(&l.title), dates.date(l.starts_at.date())),
                )
            })
            .collect();
    }
    x.guests = state
        .store
        .guests(actor, m.id)
        .await?
        .into_iter()
        .map(|g| {
            let (status_label, options) = super::meetings::attendance_choices(lang, g.attendance);
            GuestView {
                speaker: g
                    .speaker
                    .then(|| crate::present::speaker_word(lang, g.gender)),
                id: g.id.to_string(),
                name: clean(&g.name),
                quality: g.quality.as_deref().map(clean),
                status_label,
                options,
            }
        })
        .collect();
    x.reports = state
        .store
        .meeting_reports(actor, m.id)
        .await?
        .into_iter()
        .map(|r| ReportView {
            title: clean(&r.title),
            detail: r.participation.map(|p| {
                let who: Vec<String> = p
                    .people
                    .iter()
                    .map(|x| super::sessions::name(lang, x))
                    .collect();
                format!(
                    "{} ({}) — {}",
                    clean(&p.event),
                    dates.day_range(p.first_day, p.last_day),
                    who.join(lang.comma())
                )
            }),
            file: r
                .file
                .map(|f| (format!("/meetings/{}/files/{}", m.id, f.id), clean(&f.name))),
        })
        .collect();
    x.attachments = state
        .store
        .agenda_attachments(actor, m.id)
        .await?
        .into_iter()
        .map(|(item, files)| {
            (
                item.to_string(),
                files
                    .into_iter()
                    .map(|f| (format!("/meetings/{}/files/{}", m.id, f.id), clean(&f.name)))
                    .collect(),
            )
        })
        .collect();
    Ok(x)
}

/// The meeting a form on the meeting page comes back to (its hidden field).
fn meeting_field(form: &FormData) -> Option<Uuid> {
    form.get("meeting").and_then(|m| Uuid::parse_str(m).ok())
}

fn actor(ctx: &Ctx) -> Result<&Actor, crate::error::PageError> {
    ctx.actor().map_err(|e| ctx.page_err(e))
}

pub async fn send_invitations(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    state.store.send_invitations(actor(&ctx)?, id).await?;
    state.wake_jobs();
    Ok(see_other(&format!("/meetings/{id}#invitations")))
}

pub async fn add_guest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let input = GuestInput {
        name: form.text("guest_name"),
        quality: form.opt("quality"),
        email: form.opt("email"),
        speaker: form.get("speaker") == Some("on"),
        gender: form.opt("gender"),
    };
    match state.store.add_guest(actor(&ctx)?, id, &input).await {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}#guests"))),
        Err(e) => {
            let e = rename(e.into(), "name", "guest_name");
            super::meetings::with_errors(&state, &ctx, id, e, form, "guest").await
        }
    }
}

/// A field error reported under the form's own field name.
fn rename(e: WebError, from: &str, to: &'static str) -> WebError {
    match e {
        WebError::Domain(DomainError::Invalid(mut v)) => {
            for f in &mut v {
                if f.field == from {
                    f.field = to.into();
                }
            }
            WebError::Domain(DomainError::Invalid(v))
        }
        e => e,
    }
}

pub async fn guest_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let status = Attendance::parse(form.get("status").unwrap_or(""))
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    state
        .store
        .record_guest_attendance(actor(&ctx)?, id, status)
        .await?;
    let meeting = meeting_field(&form);
    Ok(see_other(&match meeting {
        Some(m) => format!("/meetings/{m}#guests"),
        None => "/".into(),
    }))
}

pub async fn add_report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let id = parse_id(&id)?;
    let participation = up
        .form
        .get("participation_id")
        .filter(|s| !s.is_empty())
        .map(Uuid::parse_str)
        .transpose()
        .map_err(|_| ctx.page_err(WebError::BadRequest))?;
    let result = match up.upload() {
        Ok(file) => state
            .store
            .add_meeting_report(
                actor(&ctx)?,
                id,
                &up.form.text("report_title"),
                participation,
                file,
                state.config.limits.max_upload,
            )
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}#reports"))),
        Err(e) => {
            let e = rename(e, "title", "report_title");
            super::meetings::with_errors(&state, &ctx, id, e, up.form, "report").await
        }
    }
}

pub async fn attach(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    up: UploadForm,
) -> PageResult {
    ctx.check_csrf(up.form.csrf())?;
    let item = parse_id(&id)?;
    let meeting = meeting_field(&up.form).ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    let result = match up.upload() {
        Ok(Some(file)) => state
            .store
            .attach_to_agenda_item(actor(&ctx)?, item, file, state.config.limits.max_upload)
            .await
            .map(|_| ())
            .map_err(WebError::from),
        Ok(None) => Err(WebError::Domain(DomainError::invalid("file", "required"))),
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/meetings/{meeting}#agenda"))),
        Err(e) => super::meetings::with_errors(&state, &ctx, meeting, e, up.form, "agenda").await,
    }
}

pub async fn carry_over(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let item = parse_id(&id)?;
    let to = form
        .get("to")
        .and_then(|m| Uuid::parse_str(m).ok())
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    state.store.carry_over_item(actor(&ctx)?, item, to).await?;
    Ok(see_other(&format!("/meetings/{to}#agenda")))
}

pub async fn file(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, file)): Path<(String, String)>,
) -> PageResult {
    if let Some(r) = super::require_login(&ctx, &format!("/meetings/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let file = parse_id(&file)?;
    let f = state.store.meeting_file(actor(&ctx)?, id, file).await?;
    Ok(crate::download::download(f))
}

/// The edit form of a planned meeting: the same form as planning one.
pub async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = super::require_login(&ctx, &format!("/meetings/{id}/edit")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let (m, _, _) = state.store.visible_meeting(ctx.actor()?, id).await?;
    let form = FormState::new()
        .with("kind", m.kind.as_str())
        .with("title", m.title.clone())
        .with(
            "starts_at",
            m.starts_at.format("%Y-%m-%dT%H:%M").to_string(),
        )
        .with("ends_at", m.ends_at.format("%Y-%m-%dT%H:%M").to_string())
        .with("venue", m.venue.clone().unwrap_or_default())
        .with("city", m.city.clone().unwrap_or_default())
        .with("theme", m.theme.clone().unwrap_or_default())
        .with(
            "quorum",
            m.quorum.as_string().split(':').next().unwrap_or("majority"),
        );
    super::meetings::edit_page(&state, &ctx, &m, form, false).await
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let input = super::meetings::meeting_input(&form);
    match state.store.update_meeting(actor(&ctx)?, id, &input).await {
        Ok(_) => {
            state.wake_jobs();
            Ok(see_other(&format!("/meetings/{id}")))
        }
        Err(e) => {
            let e: WebError = e.into();
            if !matches!(e, WebError::Domain(DomainError::Invalid(_))) {
                return Err(ctx.page_err(e));
            }
            let (m, _, _) = state.store.visible_meeting(ctx.actor()?, id).await?;
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            super::meetings::edit_page(&state, &ctx, &m, fs, true).await
        }
    }
}

pub async fn edit_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let item = parse_id(&id)?;
    let meeting = meeting_field(&form).ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    let input = super::meetings::agenda_input(&form);
    match state
        .store
        .update_agenda_item(actor(&ctx)?, item, &input)
        .await
    {
        Ok(_) => Ok(see_other(&format!("/meetings/{meeting}#agenda"))),
        Err(e) => {
            super::meetings::with_errors(&state, &ctx, meeting, e.into(), form, "agenda").await
        }
    }
}

pub async fn remove_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let item = parse_id(&id)?;
    let meeting = state.store.remove_agenda_item(actor(&ctx)?, item).await?;
    Ok(see_other(&format!("/meetings/{meeting}#agenda")))
}
