//! Council sessions: the session page (program by day, workshops, papers
//! board, parallel program, conflicts) and the executive's planning forms.

use super::layout::{Chrome, FormState, clean};
pub use super::session_forms::{
    candidates, slot_draft, slot_kinds, workshop_draft, workshop_options,
};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
pub use crate::present::{name, session_title, speaker_names, time_range, workshop_heading};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::session::{Conflict, PaperAction, SessionInput, WorkshopRole};
use majlis_domain::{DomainError, Person, permissions};
use uuid::Uuid;

pub struct SlotView {
    pub id: String,
    pub time: String,
    pub kind: String,
    pub kind_code: &'static str,
    pub title: String,
    pub room: String,
}

pub struct WorkshopView {
    pub id: String,
    /// The viewer takes part (as a participant).
    pub joined: bool,
    /// The viewer, a member of the council, may sign up.
    pub can_join: bool,
    pub outcome: Option<String>,
    pub heading: String,
    pub title: String,
    pub themes: Vec<String>,
    pub questions: Vec<String>,
    pub facilitators: String,
    pub rapporteurs: String,
    pub participants: String,
}

pub struct PaperView {
    pub id: String,
    pub title: String,
    pub workshop: String,
    pub assignees: String,
    pub state: String,
    pub due: String,
    pub late: Option<String>,
    pub actions: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "session.html")]
struct SessionPage {
    chrome: Chrome,
    id: String,
    body_id: String,
    body_name: String,
    days: String,
    venue: Option<String>,
    conflicts: Vec<String>,
    program: Vec<(String, Vec<SlotView>)>,
    workshops: Vec<WorkshopView>,
    papers: Vec<PaperView>,
    parallel: Vec<(String, String, String, Option<String>, String)>,
    can_plan: bool,
    form: FormState,
    slot_kinds: Vec<(String, String)>,
    workshop_options: Vec<(String, String)>,
    /// The council's current members, for the paper assignment picker.
    candidates: Vec<(String, String, String)>,
    /// «أنت مسجلة في هذه الورشة» in the viewer's gender.
    joined: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: FormState,
) -> Result<SessionPage, WebError> {
    let lang = ctx.lang;
    let actor = ctx.actor()?;
    let program = state.store.session_program(actor, id).await?;
    let s = &program.session;
    let (body, _) = state.store.visible_body(actor, s.body_id).await?;
    let dates = state.dates(lang.code(), &ctx.settings);
    let body_name = clean(body.name(lang.code()));
    let mut days: Vec<(String, Vec<SlotView>)> = Vec::new();
    for slot in &program.slots {
        let day = dates.date(slot.starts_at.date());
        let view = SlotView {
            id: slot.id.to_string(),
            time: time_range(lang, slot.starts_at, slot.ends_at),
            kind: lang.t(&format!("slot-kind-{}", slot.kind.as_str())),
            kind_code: slot.kind.as_str(),
            title: clean(&slot.title),
            room: clean(slot.room.as_deref().unwrap_or("")),
        };
        match days.last_mut() {
            Some((d, v)) if *d == day => v.push(view),
            _ => days.push((day, vec![view])),
        }
    }
    let person = |id: Uuid| {
        program
            .workshops
            .iter()
            .flat_map(|w| w.people.iter())
            .find(|(p, _)| p.id == id)
            .map(|(p, _)| p)
    };
    // The person's name and, for the words about them, gender.
    let about = |id: Uuid| -> [(&'static str, FluentValue<'static>); 2] {
        let p = person(id);
        [
            (
                "name",
                FluentValue::from(p.map_or_else(String::new, |p| name(lang, p))),
            ),
            ("gender", crate::present::gender_arg(p.map(|p| p.gender))),
        ]
    };
    let conflicts = program
        .conflicts
        .iter()
        .map(|c| match c {
            Conflict::PersonTwice { person, .. } => lang.t_args("conflict-person", &about(*person)),
            Conflict::RoomTwice { room, .. } => {
                lang.t_args("conflict-room", &[("room", FluentValue::from(clean(room)))])
            }
            Conflict::FacilitatorNotMember { person, .. } => {
                lang.t_args("conflict-facilitator", &about(*person))
            }
        })
        .collect();
    let names_with = |people: &[(Person, WorkshopRole)], role: WorkshopRole| -> String {
        let v: Vec<String> = people
            .iter()
            .filter(|(_, r)| *r == role)
            .map(|(p, _)| name(lang, p))
            .collect();
        if v.is_empty() {
            "—".into()
        } else {
            v.join(lang.comma())
        }
    };
    let me = actor.person_id;
    let workshops = program
        .workshops
        .iter()
        .map(|w| WorkshopView {
            joined: me.is_some_and(|p| {
                w.people
                    .iter()
                    .any(|(x, r)| x.id == p && *r == WorkshopRole::Participant)
            }),
            can_join: me.is_some_and(|p| {
                permissions::can_join_workshop(actor, p, program.session.body_id)
                    && !w.people.iter().any(|(x, _)| x.id == p)
            }),
            id: w.id.to_string(),
            outcome: w.outcome.as_deref().map(clean),
            heading: workshop_heading(lang, w.ordinal),
            title: clean(&w.title),
            themes: w.themes.iter().map(|t| clean(t)).collect(),
            questions: w.questions.iter().map(|t| clean(t)).collect(),
            facilitators: names_with(&w.people, WorkshopRole::Facilitator),
            rapporteurs: names_with(&w.people, WorkshopRole::Rapporteur),
            participants: lang.count(
                "count-members",
                w.people
                    .iter()
                    .filter(|(_, r)| *r == WorkshopRole::Participant)
                    .count() as u64,
            ),
        })
        .collect();
    let today = ctx.today();
    let can_plan = permissions::can_plan_sessions(actor);
    let mut papers = Vec::new();
    for w in &program.workshops {
        for p in &w.papers {
            let mine = actor
                .person_id
                .is_some_and(|me| p.assignees.iter().any(|a| a.id == me));
            let actions = ["submit", "approve", "return", "circulate"]
                .iter()
                .filter_map(|a| {
                    let act = PaperAction::parse(a)?;
                    let allowed = can_plan || (mine && act.by_assignee());
                    (allowed && majlis_domain::session::paper_transition(p.state, act).is_ok())
                        .then(|| (a.to_string(), lang.t(&format!("paper-action-{a}"))))
                })
                .collect();
            papers.push(PaperView {
                id: p.id.to_string(),
                title: clean(&p.title),
                workshop: workshop_heading(lang, w.ordinal),
                assignees: p
                    .assignees
                    .iter()
                    .map(|a| name(lang, a))
                    .collect::<Vec<_>>()
                    .join(lang.comma()),
                state: lang.t(&format!("paper-state-{}", p.state.as_str())),
                due: dates.date(p.due_on),
                late: crate::present::paper_lateness(
                    lang,
                    p.state,
                    p.due_on,
                    today,
                    program.session.last_day,
                ),
                actions,
            });
        }
    }
    let mut speakers = program.speakers.clone();
    let parallel = program
        .parallel
        .iter()
        .map(|m| {
            (
                m.id.to_string(),
                clean(&m.title),
                dates.date(m.starts_at.date()),
                m.theme.as_deref().map(clean),
                speaker_names(lang, speakers.remove(&m.id).unwrap_or_default()),
            )
        })
        .collect();
    let workshop_options = workshop_options(lang, &program.workshops);
    let joined = lang.t_args(
        "workshop-joined",
        &[(
            "gender",
            crate::present::gender_arg(ctx.user.as_ref().and_then(|u| u.gender)),
        )],
    );
    Ok(SessionPage {
        joined,
        chrome: Chrome::new(
            ctx,
            session_title(lang, s, &body_name),
            "bodies",
            format!("/sessions/{id}"),
        ),
        id: id.to_string(),
        body_id: body.id.to_string(),
        body_name,
        days: dates.day_range(s.first_day, s.last_day),
        venue: [s.venue.as_deref(), s.city.as_deref()]
            .into_iter()
            .flatten()
            .map(clean)
            .reduce(|a, b| format!("{a}، {b}")),
        conflicts,
        program: days,
        workshops,
        papers,
        parallel,
        can_plan,
        form,
        slot_kinds: slot_kinds(lang),
        workshop_options,
        candidates: if can_plan {
            candidates(state, ctx, program.session.body_id).await?
        } else {
            Vec::new()
        },
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/sessions/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(&page(&state, &ctx, id, FormState::new()).await?))
}

async fn invalid(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: FormData,
    which: &str,
    e: WebError,
) -> PageResult {
    if !matches!(
        e,
        WebError::Domain(DomainError::Invalid(_) | DomainError::Conflict { .. })
    ) {
        return Err(ctx.page_err(e));
    }
    let fs = FormState::from_values(form.0)
        .with("which", which)
        .with_error(&e, ctx.lang);
    let p = page(state, ctx, id, fs).await?;
    Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(body): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let body = parse_id(&body)?;
    let input = SessionInput {
        number: form.opt("number"),
        first_day: form.text("first_day"),
        last_day: form.text("last_day"),
        venue: form.opt("venue"),
        city: form.opt("city"),
    };
    let s = state
        .store
        .create_council_session(actor, body, &input)
        .await?;
    Ok(see_other(&format!("/sessions/{}", s.id)))
}

pub async fn add_workshop(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let result = match workshop_draft(&form) {
        Ok(d) => state
            .store
            .add_workshop(actor, id, &d.title, &d.themes, &d.questions, d.capacity)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/sessions/{id}#workshops"))),
        Err(e) => invalid(&state, &ctx, id, form, "workshop", e).await,
    }
}

pub async fn add_slot(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let draft = slot_draft(&form);
    let result = match draft {
        Ok(d) => state
            .store
            .add_slot(actor, id, &d)
            .await
            .map_err(WebError::from),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/sessions/{id}#program"))),
        Err(e) => {
            invalid(
                &state,
                &ctx,
                id,
                form,
                "slot",
                rename_title(e, "slot_title"),
            )
            .await
        }
    }
}

/// The slot and paper forms name their title field apart from the workshop's.
pub fn rename_title(e: WebError, to: &'static str) -> WebError {
    match e {
        WebError::Domain(DomainError::Invalid(fields)) => WebError::Domain(DomainError::Invalid(
            fields
                .into_iter()
                .map(|mut f| {
                    if f.field == "title" {
                        f.field = to.into();
                    }
                    f
                })
                .collect(),
        )),
        other => other,
    }
}

pub async fn add_paper(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let err = |f: &'static str, c: &'static str| WebError::Domain(DomainError::invalid(f, c));
    let result = async {
        let workshop = Uuid::parse_str(form.get("paper_workshop_id").unwrap_or(""))
            .map_err(|_| err("paper_workshop_id", "required"))?;
        let due =
            chrono::NaiveDate::parse_from_str(form.get("due_on").unwrap_or("").trim(), "%Y-%m-%d")
                .map_err(|_| err("due_on", "invalid_date"))?;
        // Council members ticked in the picker, and members from elsewhere
        // by their member numbers.
        let people = super::program::picked_people(
            &state,
            actor,
            &form,
            "assignees",
            "assignee_numbers",
            20,
        )
        .await?;
        state
            .store
            .add_paper(actor, workshop, &form.text("paper_title"), due, &people)
            .await
            .map_err(WebError::from)
    }
    .await;
    match result {
        Ok(_) => Ok(see_other(&format!("/sessions/{id}#papers"))),
        Err(e) => {
            invalid(
                &state,
                &ctx,
                id,
                form,
                "paper",
                rename_title(e, "paper_title"),
            )
            .await
        }
    }
}

pub async fn paper_action(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let id = parse_id(&id)?;
    let action = PaperAction::parse(form.get("action").unwrap_or(""))
        .ok_or_else(|| ctx.page_err(WebError::BadRequest))?;
    state
        .store
        .paper_action(actor, id, action, form.get("comment"))
        .await?;
    if form.get("back") == Some("paper") {
        return Ok(see_other(&format!("/papers/{id}")));
    }
    let session = state.store.paper_session(actor, id).await?;
    Ok(see_other(&format!("/sessions/{session}#papers")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use majlis_store::service::sessions::CouncilSession;

    #[test]
    fn arabic_session_titles() {
        let s = CouncilSession {
            id: Uuid::nil(),
            body_id: Uuid::nil(),
            number: 8,
            first_day: chrono::NaiveDate::default(),
            last_day: chrono::NaiveDate::default(),
            venue: None,
            city: None,
            status: "planned".into(),
        };
        assert_eq!(
            session_title(Lang::Ar, &s, "اللجنة المركزية"),
            "الدورة الثامنة للجنة المركزية"
        );
        assert_eq!(
            session_title(Lang::Ar, &s, "المجلس الوطني"),
            "الدورة الثامنة للمجلس الوطني"
        );
        assert_eq!(
            session_title(Lang::Fr, &s, "Comité central"),
            "8e session — Comité central"
        );
        assert_eq!(workshop_heading(Lang::Ar, 3), "الورشة الثالثة");
    }
}
