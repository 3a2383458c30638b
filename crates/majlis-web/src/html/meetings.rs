//! Meetings: planning a body's meeting, its page (agenda, attendance and
//! quorum, decisions), status changes, and the body's decisions to follow.

use super::layout::{Chrome, FormState, clean};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::i18n::Lang;
pub use crate::present::{quorum_line, when};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use majlis_domain::meeting::{
    AgendaInput, Attendance, Meeting, MeetingInput, MeetingKind, MeetingStatus, StatusChange,
    parse_local,
};
use majlis_domain::{DomainError, permissions};
use uuid::Uuid;

/// The planning form of a meeting as the domain's input.
pub fn meeting_input(form: &FormData) -> MeetingInput {
    MeetingInput {
        kind: form.text("kind"),
        title: form.text("title"),
        starts_at: form.text("starts_at"),
        ends_at: form.text("ends_at"),
        venue: form.opt("venue"),
        city: form.opt("city"),
        theme: form.opt("theme"),
        quorum: form.opt("quorum"),
    }
}

/// The agenda item form as the domain's input.
pub fn agenda_input(form: &FormData) -> AgendaInput {
    AgendaInput {
        title: form.text("title"),
        presenter_id: form.opt("presenter_id"),
        planned_minutes: form.opt("planned_minutes"),
        description: form.opt("description"),
    }
}

/// The label of an attendance mark and the choices of its form
/// (value, label, chosen).
pub fn attendance_choices(
    lang: Lang,
    current: Option<Attendance>,
) -> (String, Vec<(String, String, bool)>) {
    let label = current.map_or_else(
        || lang.t("attendance-unknown"),
        |a| lang.t(&format!("attendance-{}", a.as_str())),
    );
    let options = ["present", "excused", "absent"]
        .iter()
        .map(|o| {
            (
                o.to_string(),
                lang.t(&format!("attendance-{o}")),
                current.map(Attendance::as_str) == Some(*o),
            )
        })
        .collect();
    (label, options)
}

#[derive(Template)]
#[template(path = "meeting_form.html")]
struct MeetingForm {
    chrome: Chrome,
    form: FormState,
    body_id: String,
    body_name: String,
    kinds: Vec<(String, String)>,
    quorums: Vec<(String, String)>,
    zone: String,
    action: String,
    back: String,
    editing: bool,
}

async fn managed_body(
    state: &AppState,
    ctx: &Ctx,
    id: &str,
) -> Result<majlis_domain::Body, WebError> {
    let id = parse_id(id)?;
    let (body, lineage) = state.store.visible_body(ctx.actor()?, id).await?;
    if !permissions::can_manage_meetings(ctx.actor()?, &lineage) {
        return Err(WebError::Domain(DomainError::Forbidden));
    }
    Ok(body)
}

fn form_page(ctx: &Ctx, body: &majlis_domain::Body, form: FormState) -> MeetingForm {
    let lang = ctx.lang;
    MeetingForm {
        chrome: Chrome::new(
            ctx,
            lang.t("meeting-new-title"),
            "bodies",
            format!("/bodies/{}/meetings/new", body.id),
        ),
        form,
        body_id: body.id.to_string(),
        body_name: clean(body.name(lang.code())),
        kinds: MeetingKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str().into(),
                    lang.t(&format!("meeting-kind-{}", k.as_str())),
                )
            })
            .collect(),
        quorums: ["majority", "two_thirds"]
            .iter()
            .map(|q| (q.to_string(), lang.t(&format!("quorum-{q}"))))
            .collect(),
        zone: ctx.settings.time_zone.clone(),
        action: format!("/bodies/{}/meetings", body.id),
        back: format!("/bodies/{}", body.id),
        editing: false,
    }
}

/// The form editing a planned meeting (422 when it carries errors).
pub async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    m: &Meeting,
    form: FormState,
    invalid: bool,
) -> PageResult {
    let body = managed_body(state, ctx, &m.body_id.to_string()).await?;
    let mut page = form_page(ctx, &body, form);
    page.chrome.title = ctx.lang.t("meeting-edit-title");
    page.chrome.path = format!("/meetings/{}/edit", m.id);
    page.action = format!("/meetings/{}/edit", m.id);
    page.back = format!("/meetings/{}", m.id);
    page.editing = true;
    Ok(if invalid {
        render_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
    } else {
        render(&page)
    })
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/bodies/{id}/meetings/new")) {
        return Ok(r);
    }
    let body = managed_body(&state, &ctx, &id).await?;
    let form = FormState::new()
        .with("kind", "periodic")
        .with("quorum", "majority")
        .with("city", body.city.clone().unwrap_or_default());
    Ok(render(&form_page(&ctx, &body, form)))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let body = managed_body(&state, &ctx, &id).await?;
    let input = meeting_input(&form);
    match state
        .store
        .create_meeting(ctx.actor()?, body.id, &input)
        .await
    {
        Ok(m) => Ok(see_other(&format!("/meetings/{}", m.id))),
        Err(e) => {
            let e: WebError = e.into();
            if !matches!(e, WebError::Domain(DomainError::Invalid(_))) {
                return Err(ctx.page_err(e));
            }
            let fs = FormState::from_values(form.0).with_error(&e, ctx.lang);
            Ok(render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&ctx, &body, fs),
            ))
        }
    }
}

pub struct AgendaView {
    pub id: String,
    pub carried: bool,
    pub title: String,
    pub presenter: Option<String>,
    pub duration: Option<String>,
    pub description: Option<String>,
    /// The raw values, for the edit form.
    pub minutes_value: String,
    pub title_value: String,
    pub description_value: String,
}

pub struct InviteeView {
    pub id: String,
    pub name: String,
    /// The person's answer to the convocation (code, words).
    pub reply: Option<(&'static str, String)>,
    pub status_label: String,
    pub options: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    chrome: Chrome,
    id: String,
    body_id: String,
    body_name: String,
    kind: String,
    status: String,
    status_code: &'static str,
    when: String,
    venue: Option<String>,
    theme: Option<String>,
    quorum: String,
    open: bool,
    cancelled: bool,
    /// May change the record (runs the body's meetings, minutes not approved).
    can_manage: bool,
    /// May follow decisions up (runs the body's meetings).
    can_track: bool,
    agenda: Vec<AgendaView>,
    invitees: Vec<InviteeView>,
    /// The viewer is convened and may still answer: their current answer.
    my_reply: Option<Option<&'static str>>,
    quorum_line: String,
    quorum_reached: bool,
    decisions: Vec<super::decisions::DecisionView>,
    decision_kinds: Vec<(String, String)>,
    decision_statuses: Vec<(String, String)>,
    bodies: Vec<(String, String)>,
    status_form: FormState,
    agenda_form: FormState,
    decision_form: FormState,
    x: super::meeting_extras::MeetingExtras,
    report_form: FormState,
}

/// Which forms carry errors on this rendering.
#[derive(Default)]
struct Forms {
    status: FormState,
    agenda: FormState,
    decision: FormState,
    guest: FormState,
    report: FormState,
}

async fn meeting_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    forms: Forms,
) -> Result<MeetingPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let d = state.store.meeting_detail(actor, id).await?;
    let m = d.meeting.clone();
    let body = &d.body;
    let dates = state.dates(lang.code(), &ctx.settings);
    let mut agenda = Vec::new();
    for i in &d.agenda {
        let presenter = i
            .presenter_id
            .and_then(|p| d.names.person(p))
            .map(|p| clean(&p.full_name_ar));
        agenda.push(AgendaView {
            id: i.id.to_string(),
            carried: i.carried_from.is_some(),
            title: clean(&i.title),
            presenter,
            duration: i
                .planned_minutes
                .map(|n| lang.count("count-minutes", n as u64)),
            description: i.description.as_deref().map(clean),
            minutes_value: i.planned_minutes.map(|n| n.to_string()).unwrap_or_default(),
            title_value: i.title.clone(),
            description_value: i.description.clone().unwrap_or_default(),
        });
    }
    let sheet = &d.attendance;
    let invitees = sheet
        .rows
        .iter()
        .map(|(p, s)| {
            let (status_label, options) = attendance_choices(lang, *s);
            InviteeView {
                reply: d.replies.get(&p.id).map(|r| reply_badge(lang, *r)),
                id: p.id.to_string(),
                name: clean(if lang == Lang::Ar {
                    &p.full_name_ar
                } else {
                    p.full_name_latin.as_deref().unwrap_or(&p.full_name_ar)
                }),
                status_label,
                options,
            }
        })
        .collect();
    let quorum_line = quorum_line(lang, sheet);
    let convened = actor
        .person_id
        .is_some_and(|me| sheet.rows.iter().any(|(p, _)| p.id == me));
    let my_reply = (convened
        && majlis_domain::reply::check_reply(m.status, m.starts_at, ctx.now_local(), true).is_ok())
    .then(|| {
        actor
            .person_id
            .and_then(|me| d.replies.get(&me))
            .map(|r| r.as_str())
    });
    let decisions = super::decisions::decision_views(lang, &dates, &d.decisions, &d.names);
    // Edit controls only for those who may edit, and only while the record
    // is open (approved minutes lock it).
    let can_manage = d.can_manage && d.record_open();
    let bodies = if can_manage {
        let mut v = vec![(String::new(), lang.t("decision-no-body"))];
        v.extend(
            // Only bodies the writer may name (see the references rule).
            state
                .store
                .visible_bodies(actor, "", false)
                .await?
                .iter()
                .map(|b| (b.id.to_string(), clean(b.name(lang.code())))),
        );
        v
    } else {
        Vec::new()
    };
    let open = matches!(m.status, MeetingStatus::Planned | MeetingStatus::Postponed);
    let status_form = if forms.status.has_errors() {
        forms.status
    } else {
        let s = m.starts_at + chrono::Duration::days(7);
        let e = m.ends_at + chrono::Duration::days(7);
        FormState::new()
            .with("starts_at", s.format("%Y-%m-%dT%H:%M").to_string())
            .with("ends_at", e.format("%Y-%m-%dT%H:%M").to_string())
    };
    let decision_form = if forms.decision.has_errors() {
        forms.decision
    } else {
        FormState::new().with("kind", "decision")
    };
    Ok(MeetingPage {
        chrome: Chrome::new(ctx, clean(&m.title), "bodies", format!("/meetings/{id}")),
        id: id.to_string(),
        body_id: body.id.to_string(),
        body_name: clean(body.name(lang.code())),
        kind: lang.t(&format!("meeting-kind-{}", m.kind.as_str())),
        status: crate::present::meeting_status(lang, m.status, m.ends_at, ctx.now_local()),
        status_code: crate::present::meeting_status_code(m.status, m.ends_at, ctx.now_local()),
        when: when(lang, &dates, &m),
        venue: [m.venue.as_deref(), m.city.as_deref()]
            .into_iter()
            .flatten()
            .map(clean)
            .reduce(|a, b| format!("{a}، {b}")),
        theme: m.theme.as_deref().map(clean),
        quorum: lang.t(&format!(
            "quorum-{}",
            m.quorum.as_string().split(':').next().unwrap_or("majority")
        )),
        open,
        cancelled: m.status == MeetingStatus::Cancelled,
        can_manage,
        can_track: d.can_manage,
        agenda,
        invitees,
        my_reply,
        quorum_line,
        quorum_reached: sheet.reached,
        decisions,
        decision_kinds: ["decision", "measure"]
            .iter()
            .map(|k| (k.to_string(), lang.t(&format!("decision-kind-{k}"))))
            .collect(),
        decision_statuses: ["open", "done", "dropped"]
            .iter()
            .map(|k| (k.to_string(), lang.t(&format!("decision-status-{k}"))))
            .collect(),
        bodies,
        status_form,
        agenda_form: forms.agenda,
        decision_form,
        x: {
            let mut x = super::meeting_extras::extras(state, ctx, &m, d.can_manage).await?;
            x.guest_form = forms.guest;
            x
        },
        report_form: forms.report,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/meetings/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(
        &meeting_page(&state, &ctx, id, Forms::default()).await?,
    ))
}

/// Re-renders the meeting page with a form's errors (422), or fails.
pub(super) async fn with_errors(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    e: WebError,
    values: FormData,
    which: &str,
) -> PageResult {
    if !matches!(e, WebError::Domain(DomainError::Invalid(_))) {
        return Err(ctx.page_err(e));
    }
    let fs = FormState::from_values(values.0).with_error(&e, ctx.lang);
    let forms = match which {
        "status" => Forms {
            status: fs,
            ..Default::default()
        },
        "agenda" => Forms {
            agenda: fs,
            ..Default::default()
        },
        "guest" => Forms {
            guest: fs,
            ..Default::default()
        },
        "report" => Forms {
            report: fs,
            ..Default::default()
        },
        _ => Forms {
            decision: fs,
            ..Default::default()
        },
    };
    let page = meeting_page(state, ctx, id, forms).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

pub async fn change_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let change = match form.get("action") {
        Some("hold") => Ok(StatusChange::Hold),
        Some("cancel") => Ok(StatusChange::Cancel),
        Some("postpone") => match (
            parse_local(&form.text("starts_at")),
            parse_local(&form.text("ends_at")),
        ) {
            (Some(start), Some(end)) => Ok(StatusChange::Postpone { start, end }),
            (None, _) => Err(DomainError::invalid("starts_at", "invalid_datetime")),
            (_, None) => Err(DomainError::invalid("ends_at", "invalid_datetime")),
        },
        _ => return Err(ctx.page_err(WebError::BadRequest)),
    };
    let result = match change {
        Ok(c) => state
            .store
            .change_meeting_status(actor, id, c)
            .await
            .map_err(WebError::from),
        Err(e) => Err(WebError::Domain(e)),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}"))),
        Err(e) => with_errors(&state, &ctx, id, e, form, "status").await,
    }
}

pub async fn add_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let input = agenda_input(&form);
    match state.store.add_agenda_item(actor, id, &input).await {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}#agenda"))),
        Err(e) => with_errors(&state, &ctx, id, e.into(), form, "agenda").await,
    }
}

pub async fn move_agenda_item(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let up = match form.get("direction") {
        Some("up") => true,
        Some("down") => false,
        _ => return Err(ctx.page_err(WebError::BadRequest)),
    };
    let items = state.store.move_agenda_item(actor, id, up).await?;
    let meeting = items
        .first()
        .map(|i| i.meeting_id.to_string())
        .unwrap_or_default();
    Ok(see_other(&format!("/meetings/{meeting}#agenda")))
}

/// An answer to a convocation as a badge: its code and words.
pub fn reply_badge(lang: Lang, r: majlis_domain::reply::Reply) -> (&'static str, String) {
    let code = match r {
        majlis_domain::reply::Reply::Attend => "attend",
        majlis_domain::reply::Reply::Apologies => "apologies",
    };
    (code, lang.t(&format!("reply-status-{code}")))
}

/// A convened member answers the convocation ("I will attend" / "I send my
/// apologies"), from the meeting page or the home page.
pub async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let answer = form
        .get("reply")
        .and_then(majlis_domain::reply::Reply::parse)
        .ok_or(WebError::BadRequest)?;
    state.store.reply_to_meeting(actor, id, answer).await?;
    let back = crate::redirect::local_target(form.get("next"));
    Ok(see_other(&back))
}

pub async fn record_attendance(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let mut marks = Vec::new();
    for (k, v) in &form.0 {
        let Some(person) = k.strip_prefix("att-") else {
            continue;
        };
        let person = Uuid::parse_str(person).map_err(|_| ctx.page_err(WebError::BadRequest))?;
        let status = Attendance::parse(v).ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
        marks.push((person, status));
    }
    state.store.record_attendances(actor, id, &marks).await?;
    Ok(see_other(&format!("/meetings/{id}#attendance")))
}
