//! Action plans on pages: the list with each plan's progress, a new plan for
//! a body one runs, and one plan readable at a glance — progress bars for
//! the plan, its objectives and tasks, who is in charge and when, forms to
//! add objectives and tasks and to record a task's progress, the timeline.

use super::layout::{Chrome, FormState, clean};
use super::{FormData, PageResult, parse_id, render, render_status, require_login, see_other};
use crate::auth::Ctx;
use crate::error::WebError;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::permissions;
use majlis_domain::plan::{ObjectiveInput, PlanInput, TaskChange, TaskInput, TaskStatus};
use uuid::Uuid;

fn pct(p: f64) -> i64 {
    p.round() as i64
}

pub struct PlanLine {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub progress: i64,
}

#[derive(Template)]
#[template(path = "plans.html")]
struct PlansPage {
    chrome: Chrome,
    items: Vec<PlanLine>,
    /// (id, name) of the bodies the viewer may write plans for.
    owners: Vec<(String, String)>,
    form: FormState,
}

async fn list_page(state: &AppState, ctx: &Ctx, form: FormState) -> Result<PlansPage, WebError> {
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let plans = state.store.plans(actor, 200).await?;
    let managed: Vec<Uuid> = actor
        .roles
        .iter()
        .filter(|r| r.role.manages())
        .map(|r| r.body_id)
        .collect();
    let bodies = state
        .store
        .visible_bodies_by_id(
            actor,
            plans
                .iter()
                .map(|p| p.owner_body_id)
                .chain(managed.iter().copied()),
        )
        .await?;
    let name = |b: Uuid| {
        bodies
            .get(&b)
            .map_or_else(String::new, |b| clean(b.name(lang.code())))
    };
    Ok(PlansPage {
        chrome: Chrome::new(ctx, lang.t("plans-title"), "plans", "/plans"),
        items: plans
            .iter()
            .map(|p| PlanLine {
                id: p.id.to_string(),
                title: clean(&p.title),
                owner: name(p.owner_body_id),
                progress: pct(p.progress),
            })
            .collect(),
        owners: managed.iter().map(|b| (b.to_string(), name(*b))).collect(),
        form,
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> PageResult {
    if let Some(r) = require_login(&ctx, "/plans") {
        return Ok(r);
    }
    Ok(render(&list_page(&state, &ctx, FormState::new()).await?))
}

pub async fn create(State(state): State<AppState>, ctx: Ctx, form: FormData) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let actor = ctx.actor()?;
    let owner = parse_id(form.get("owner_body_id").unwrap_or(""))?;
    let input = PlanInput {
        title: form.text("title"),
        description: form.opt("description"),
        decision_ids: Vec::new(),
    };
    match state.store.create_plan(actor, owner, &input).await {
        Ok(id) => Ok(see_other(&format!("/plans/{id}"))),
        Err(e) => {
            let e: WebError = e.into();
            let Some(status) = e.form_status() else {
                return Err(ctx.page_err(e));
            };
            let fs = FormState::from_values(form.0.clone()).with_error(&e, ctx.lang);
            Ok(render_status(status, &list_page(&state, &ctx, fs).await?))
        }
    }
}

pub struct TaskView {
    pub id: String,
    pub title: String,
    pub in_charge: String,
    pub due: String,
    pub late: bool,
    pub status: (&'static str, String),
    pub status_key: &'static str,
    pub progress: i64,
    pub recorded: i32,
    pub from_campaign: Option<String>,
    pub version: i32,
    pub files: Vec<super::evidence::FileLine>,
    pub can_update: bool,
}

pub struct ObjectiveView {
    pub id: String,
    pub title: String,
    pub target: String,
    pub progress: i64,
    pub tasks: Vec<TaskView>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    chrome: Chrome,
    id: String,
    owner: String,
    owner_id: String,
    description: Option<String>,
    progress: i64,
    decisions: Vec<(String, String)>,
    objectives: Vec<ObjectiveView>,
    statuses: Vec<(&'static str, String)>,
    timeline: Vec<(String, String, String)>,
    can_manage: bool,
    /// (id, name) of the bodies a task can be given to.
    body_options: Vec<(String, String)>,
    form: FormState,
}

fn status_badge(lang: crate::i18n::Lang, s: TaskStatus) -> (&'static str, String) {
    let code = match s {
        TaskStatus::Todo => "planned",
        TaskStatus::InProgress => "in_progress",
        TaskStatus::Blocked => "late",
        TaskStatus::Done => "done",
    };
    (code, lang.t(&format!("task-status-{}", s.as_str())))
}

async fn plan_page(
    state: &AppState,
    ctx: &Ctx,
    id: Uuid,
    form: FormState,
) -> Result<PlanPage, WebError> {
    let actor = ctx.actor()?;
    let lang = ctx.lang;
    let dates = state.dates(lang.code(), &ctx.settings);
    let tz = majlis_store::service::meetings::zone(&ctx.settings.time_zone);
    let today = ctx.today();
    let plan = state.store.plan(actor, id).await?;
    let mut files = state.store.plan_files(actor, id).await?;
    let (_, owner_lineage) = state.store.visible_body(actor, plan.owner_body_id).await?;
    let can_manage = permissions::can_manage_meetings(actor, &owner_lineage);
    let tasks = plan.objectives.iter().flat_map(|o| o.tasks.iter());
    let bodies = state
        .store
        .visible_bodies_by_id(
            actor,
            tasks
                .clone()
                .filter_map(|t| t.responsible_body_id)
                .chain(std::iter::once(plan.owner_body_id)),
        )
        .await?;
    let mut people = std::collections::HashMap::new();
    for p in tasks.clone().filter_map(|t| t.responsible_person_id) {
        if let Ok((person, _)) = state.store.visible_person(actor, p).await {
            people.insert(p, crate::present::name(lang, &person));
        }
    }
    let body_name = |b: Uuid| {
        bodies
            .get(&b)
            .map_or_else(String::new, |b| clean(b.name(lang.code())))
    };
    let managed = |b: Uuid| {
        actor
            .roles
            .iter()
            .any(|r| r.body_id == b && r.role.manages())
    };
    let objectives = plan
        .objectives
        .iter()
        .map(|o| {
            let mut target = Vec::new();
            if let Some(v) = o.target_value {
                target.push(format!(
                    "{} {}",
                    crate::synthesis_view::num(v),
                    o.unit.as_deref().map(clean).unwrap_or_default()
                ));
            }
            if let Some(d) = o.target_date {
                target.push(lang.t_args("home-due", &[("date", FluentValue::from(dates.date(d)))]));
            }
            ObjectiveView {
                id: o.id.to_string(),
                title: clean(&o.title),
                target: target.join(" — ").trim().to_string(),
                progress: pct(o.progress),
                tasks: o
                    .tasks
                    .iter()
                    .map(|t| TaskView {
                        id: t.id.to_string(),
                        title: clean(&t.title),
                        in_charge: t
                            .responsible_person_id
                            .and_then(|p| people.get(&p).cloned())
                            .or(t.responsible_body_id.map(body_name))
                            .unwrap_or_default(),
                        due: t.due_on.map(|d| dates.date(d)).unwrap_or_default(),
                        late: t.due_on.is_some_and(|d| d < today) && t.status != TaskStatus::Done,
                        status: status_badge(lang, t.status),
                        status_key: t.status.as_str(),
                        progress: pct(t.progress),
                        recorded: t.recorded,
                        from_campaign: t.campaign_id.map(|c| format!("/campaigns/{c}")),
                        version: t.version,
                        files: super::evidence::lines(
                            &format!("/plans/{id}/tasks/{}", t.id),
                            &files.remove(&t.id).unwrap_or_default(),
                        ),
                        can_update: can_manage
                            || (t.responsible_person_id.is_some()
                                && t.responsible_person_id == actor.person_id)
                            || t.responsible_body_id.is_some_and(managed),
                    })
                    .collect(),
            }
        })
        .collect();
    let timeline = plan
        .updates
        .iter()
        .map(|u| {
            let local = u.at.with_timezone(&tz);
            let mut what = lang.t(&format!("plan-update-{}", u.action));
            if let (Some(s), Some(p)) = (&u.status, u.progress) {
                what = format!("{what}: {} — {p}%", lang.t(&format!("task-status-{s}")));
            }
            if let Some(n) = &u.note {
                what = format!("{what} — {}", clean(n));
            }
            (
                format!(
                    "{} {}",
                    dates.date(local.date_naive()),
                    local.format("%H:%M")
                ),
                u.actor.as_deref().map(clean).unwrap_or_default(),
                what,
            )
        })
        .collect();
    let decisions = state
        .store
        .decisions_by_ids(actor, &plan.decision_ids)
        .await?
        .into_iter()
        .map(|(text, meeting)| (format!("/meetings/{meeting}"), clean(&text)))
        .collect();
    Ok(PlanPage {
        chrome: Chrome::new(ctx, clean(&plan.title), "plans", format!("/plans/{id}")),
        id: id.to_string(),
        owner: body_name(plan.owner_body_id),
        owner_id: plan.owner_body_id.to_string(),
        description: plan.description.as_deref().map(clean),
        progress: pct(plan.progress),
        decisions,
        objectives,
        statuses: TaskStatus::ALL
            .iter()
            .map(|s| (s.as_str(), lang.t(&format!("task-status-{}", s.as_str()))))
            .collect(),
        timeline,
        body_options: if can_manage {
            state
                .store
                .visible_bodies(actor, "", false)
                .await?
                .into_iter()
                .filter(|b| b.kind != majlis_domain::body::BodyKind::Provincial)
                .take(300)
                .map(|b| (b.id.to_string(), clean(b.name(lang.code()))))
                .collect()
        } else {
            Vec::new()
        },
        can_manage,
        form,
    })
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    if let Some(r) = require_login(&ctx, &format!("/plans/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    Ok(render(
        &plan_page(&state, &ctx, id, FormState::new()).await?,
    ))
}

/// The plan again with an error (of a file attached to a task).
pub(super) async fn refused(state: &AppState, ctx: &Ctx, plan: Uuid, e: WebError) -> PageResult {
    let Some(status) = e.form_status() else {
        return Err(ctx.page_err(e));
    };
    let fs = FormState::new().with_error(&e, ctx.lang);
    Ok(render_status(
        status,
        &plan_page(state, ctx, plan, fs).await?,
    ))
}

/// After a change: back to the plan, or the plan again with the errors.
async fn after(
    state: &AppState,
    ctx: &Ctx,
    plan: Uuid,
    form: &FormData,
    result: Result<(), majlis_store::StoreError>,
    anchor: &str,
) -> PageResult {
    match result {
        Ok(()) => Ok(see_other(&format!("/plans/{plan}#{anchor}"))),
        Err(e) => {
            let e: WebError = e.into();
            let Some(status) = e.form_status() else {
                return Err(ctx.page_err(e));
            };
            let fs = FormState::from_values(form.0.clone()).with_error(&e, ctx.lang);
            Ok(render_status(
                status,
                &plan_page(state, ctx, plan, fs).await?,
            ))
        }
    }
}

pub async fn add_objective(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let id = parse_id(&id)?;
    let input = ObjectiveInput {
        title: form.text("title"),
        target_value: form.opt("target_value"),
        unit: form.opt("unit"),
        target_date: form.opt("target_date"),
        weight: form.opt("weight"),
    };
    let r = state
        .store
        .add_objective(ctx.actor()?, id, &input)
        .await
        .map(|_| ());
    after(&state, &ctx, id, &form, r, "objectives").await
}

pub async fn add_task(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, objective)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let (id, objective) = (parse_id(&id)?, parse_id(&objective)?);
    let input = TaskInput {
        title: form.text("title"),
        responsible_person_id: None,
        responsible_body_id: form.opt("responsible_body_id"),
        due_on: form.opt("due_on"),
        weight: form.opt("weight"),
        campaign_id: None,
    };
    let r = state
        .store
        .add_task(ctx.actor()?, objective, &input)
        .await
        .map(|_| ());
    after(
        &state,
        &ctx,
        id,
        &form,
        r,
        &format!("objective-{objective}"),
    )
    .await
}

pub async fn change_task(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, task)): Path<(String, String)>,
    form: FormData,
) -> PageResult {
    ctx.check_csrf(form.csrf())?;
    let (id, task) = (parse_id(&id)?, parse_id(&task)?);
    let change = TaskChange {
        status: form.text("status"),
        progress: form.opt("progress"),
        note: form.opt("note"),
        version: form.get("version").and_then(|v| v.parse().ok()),
    };
    let r = state.store.change_task(ctx.actor()?, task, &change).await;
    after(&state, &ctx, id, &form, r, &format!("task-{task}")).await
}

/// The plan as a PDF: its progress, each objective with its target and
/// tasks (in charge, due date, status, progress).
pub async fn pdf(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    use majlis_pdf::{Block, Section};
    if let Some(r) = require_login(&ctx, &format!("/plans/{id}")) {
        return Ok(r);
    }
    let id = parse_id(&id)?;
    let lang = ctx.lang;
    let p = plan_page(&state, &ctx, id, FormState::new()).await?;
    let progress = |n: i64| format!("{n}%");
    let mut sections = Vec::new();
    for o in &p.objectives {
        let mut blocks = Vec::new();
        if !o.target.is_empty() {
            blocks.push(Block::Paragraph {
                text: format!("{}: {}", lang.t("plan-target"), o.target),
            });
        }
        blocks.push(Block::Bars {
            items: vec![majlis_pdf::Bar {
                label: lang.t("plan-progress"),
                value: o.progress as f64,
                shown: progress(o.progress),
            }],
        });
        if !o.tasks.is_empty() {
            blocks.push(Block::Table {
                header: vec![
                    lang.t("plan-pdf-tasks"),
                    lang.t("plan-in-charge"),
                    lang.t("field-due_on"),
                    lang.t("field-status"),
                    lang.t("plan-pdf-progress"),
                ],
                rows: o
                    .tasks
                    .iter()
                    .map(|t| {
                        vec![
                            t.title.clone(),
                            t.in_charge.clone(),
                            t.due.clone(),
                            t.status.1.clone(),
                            progress(t.progress),
                        ]
                    })
                    .collect(),
            });
        }
        sections.push(Section {
            heading: o.title.clone(),
            blocks,
        });
    }
    let org = clean(ctx.settings.name(lang.code()));
    let mut meta = vec![
        p.owner.clone(),
        format!("{}: {}", lang.t("plan-progress"), progress(p.progress)),
    ];
    meta.extend(p.decisions.iter().map(|d| d.1.clone()));
    let mut doc = crate::documents::doc(org, lang, p.chrome.title.clone(), meta);
    if let Some(d) = &p.description {
        sections.insert(
            0,
            Section {
                heading: lang.t("field-description"),
                blocks: vec![Block::Paragraph { text: d.clone() }],
            },
        );
    }
    doc.sections = sections;
    super::print::pdf(doc, &format!("plan-{id}"))
        .await
        .map_err(|e| ctx.page_err(e))
}
