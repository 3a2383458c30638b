//! Action plans: written by those who run the owner body, read by those who
//! may see it; objectives and tasks added; a task updated by the owner
//! body's officers or by whoever is in charge of it (the person, or the
//! officers of the body), with optimistic locking; every change on the
//! plan's timeline and in the audit log. Progress is rolled up on reading.

use crate::Store;
use crate::audit;
use crate::entity::{action_plan, decision, person, plan_objective, plan_task, plan_update};
use crate::error::StoreResult;
use crate::service::{actor_id, ensure, ensure_viewer};
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::plan::{
    ObjectiveInput, PlanInput, TaskChange, TaskInput, TaskStatus, rollup, task_progress,
};
use majlis_domain::{Actor, DomainError, Lineage, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: Uuid,
    pub title: String,
    pub responsible_person_id: Option<Uuid>,
    pub responsible_body_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub weight: i32,
    pub status: TaskStatus,
    /// The progress recorded by hand.
    pub recorded: i32,
    /// The progress counted (a campaign's completion rate when it follows one).
    pub progress: f64,
    pub campaign_id: Option<Uuid>,
    pub version: i32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Objective {
    pub id: Uuid,
    pub title: String,
    pub target_value: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<NaiveDate>,
    pub weight: i32,
    pub progress: f64,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlanUpdate {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub action: String,
    pub task_id: Option<Uuid>,
    pub status: Option<String>,
    pub progress: Option<i32>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub id: Uuid,
    pub owner_body_id: Uuid,
    pub title: String,
    pub description: Option<String>,
    pub decision_ids: Vec<Uuid>,
    pub progress: f64,
    pub objectives: Vec<Objective>,
    pub updates: Vec<PlanUpdate>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) async fn log<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    plan_id: Uuid,
    task_id: Option<Uuid>,
    action: &str,
    change: Option<(&str, i32, Option<String>)>,
) -> StoreResult<()> {
    let (status, progress, note) = match change {
        Some((s, p, n)) => (Some(s.to_string()), Some(p), n),
        None => (None, None, None),
    };
    write_log(c, actor, plan_id, task_id, action, status, progress, note).await
}

/// A line on a plan's timeline that only says what happened (evidence
/// added or removed: the file's name as its note).
pub(crate) async fn log_note<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    plan_id: Uuid,
    task_id: Option<Uuid>,
    action: &str,
    note: Option<String>,
) -> StoreResult<()> {
    write_log(c, actor, plan_id, task_id, action, None, None, note).await
}

#[allow(clippy::too_many_arguments)]
async fn write_log<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    plan_id: Uuid,
    task_id: Option<Uuid>,
    action: &str,
    status: Option<String>,
    progress: Option<i32>,
    note: Option<String>,
) -> StoreResult<()> {
    plan_update::ActiveModel {
        id: Set(Uuid::now_v7()),
        plan_id: Set(plan_id),
        task_id: Set(task_id),
        at: Set(crate::now()),
        actor_id: Set(actor_id(actor)),
        action: Set(action.into()),
        status: Set(status),
        progress: Set(progress),
        note: Set(note),
    }
    .insert(c)
    .await?;
    action_plan::Entity::update_many()
        .col_expr(
            action_plan::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(crate::now()),
        )
        .filter(action_plan::Column::Id.eq(plan_id))
        .exec(c)
        .await?;
    audit::record(c, actor_id(actor), action, "plan", plan_id, None, None).await?;
    Ok(())
}

impl Store {
    pub(crate) async fn plan_row(&self, id: Uuid) -> StoreResult<(action_plan::Model, Lineage)> {
        let row = action_plan::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let lineage = self.lineage(row.owner_body_id).await?;
        Ok((row, lineage))
    }

    /// A new plan of `owner`, carrying out some of its decisions.
    pub async fn create_plan(
        &self,
        actor: &Actor,
        owner: Uuid,
        input: &PlanInput,
    ) -> StoreResult<Uuid> {
        let v = input.validate()?;
        let lineage = self.lineage(owner).await?;
        ensure(permissions::can_manage_meetings(actor, &lineage))?;
        let known = decision::Entity::find()
            .filter(decision::Column::Id.is_in(v.decision_ids.iter().copied()))
            .count(&self.db)
            .await?;
        if known as usize != v.decision_ids.len() {
            return Err(DomainError::invalid("decision_ids", "unknown_decision").into());
        }
        let id = Uuid::now_v7();
        let now = crate::now();
        let tx = self.write().await?;
        action_plan::ActiveModel {
            id: Set(id),
            owner_body_id: Set(owner),
            title: Set(v.title),
            description: Set(v.description),
            decision_ids: Set(serde_json::to_string(&v.decision_ids)?),
            created_by: Set(actor_id(actor)),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        log(&tx, actor, id, None, "create", None).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds an objective at the end of a plan.
    pub async fn add_objective(
        &self,
        actor: &Actor,
        plan_id: Uuid,
        input: &ObjectiveInput,
    ) -> StoreResult<Uuid> {
        let v = input.validate()?;
        let (_, lineage) = self.plan_row(plan_id).await?;
        ensure(permissions::can_manage_meetings(actor, &lineage))?;
        let tx = self.write().await?;
        let count = plan_objective::Entity::find()
            .filter(plan_objective::Column::PlanId.eq(plan_id))
            .count(&tx)
            .await? as usize;
        if count >= majlis_domain::plan::MAX_ITEMS {
            return Err(DomainError::invalid("objectives", "too_many").into());
        }
        let id = Uuid::now_v7();
        plan_objective::ActiveModel {
            id: Set(id),
            plan_id: Set(plan_id),
            position: Set(count as i32),
            title: Set(v.title),
            target_value: Set(v.target_value),
            unit: Set(v.unit),
            target_date: Set(v.target_date),
            weight: Set(v.weight),
            created_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        log(&tx, actor, plan_id, None, "add_objective", None).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds a task at the end of an objective.
    pub async fn add_task(
        &self,
        actor: &Actor,
        objective_id: Uuid,
        input: &TaskInput,
    ) -> StoreResult<Uuid> {
        let v = input.validate()?;
        let objective = plan_objective::Entity::find_by_id(objective_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let (_, lineage) = self.plan_row(objective.plan_id).await?;
        ensure(permissions::can_manage_meetings(actor, &lineage))?;
        if let Some(p) = v.responsible_person_id
            && person::Entity::find_by_id(p).one(&self.db).await?.is_none()
        {
            return Err(DomainError::invalid("responsible_person_id", "unknown_person").into());
        }
        if let Some(b) = v.responsible_body_id {
            self.lineage(b)
                .await
                .map_err(|_| DomainError::invalid("responsible_body_id", "unknown_body"))?;
        }
        if let Some(c) = v.campaign_id {
            self.campaign(Viewer::System, c)
                .await
                .map_err(|_| DomainError::invalid("campaign_id", "unknown_campaign"))?;
        }
        let tx = self.write().await?;
        let count = plan_task::Entity::find()
            .filter(plan_task::Column::ObjectiveId.eq(objective_id))
            .count(&tx)
            .await? as usize;
        if count >= majlis_domain::plan::MAX_ITEMS {
            return Err(DomainError::invalid("tasks", "too_many").into());
        }
        let id = Uuid::now_v7();
        let now = crate::now();
        plan_task::ActiveModel {
            id: Set(id),
            objective_id: Set(objective_id),
            position: Set(count as i32),
            title: Set(v.title),
            responsible_person_id: Set(v.responsible_person_id),
            responsible_body_id: Set(v.responsible_body_id),
            due_on: Set(v.due_on),
            weight: Set(v.weight),
            status: Set(TaskStatus::Todo.as_str().into()),
            progress: Set(0),
            campaign_id: Set(v.campaign_id),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        log(&tx, actor, objective.plan_id, Some(id), "add_task", None).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A task and its plan, for those who may update it: the owner body's
    /// officers, the officers of the body in charge, the person in charge.
    pub(crate) async fn task_for_writer(
        &self,
        actor: &Actor,
        task_id: Uuid,
    ) -> StoreResult<(plan_task::Model, Uuid)> {
        let (task, plan_id, lineage) = self.task_in_plan(task_id).await?;
        let in_charge = match task.responsible_body_id {
            Some(b) => permissions::can_manage_meetings(actor, &self.lineage(b).await?),
            None => false,
        } || (task.responsible_person_id.is_some()
            && task.responsible_person_id == actor.person_id);
        ensure(permissions::can_manage_meetings(actor, &lineage) || in_charge)?;
        Ok((task, plan_id))
    }

    /// A task, its plan and the lineage of the plan's owner body.
    pub(crate) async fn task_in_plan(
        &self,
        task_id: Uuid,
    ) -> StoreResult<(plan_task::Model, Uuid, Lineage)> {
        let task = plan_task::Entity::find_by_id(task_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let objective = plan_objective::Entity::find_by_id(task.objective_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let (_, lineage) = self.plan_row(objective.plan_id).await?;
        Ok((task, objective.plan_id, lineage))
    }

    /// Records a task's status, progress and what was done. Refused
    /// (`Stale`) when the task changed since `change.version` was read.
    pub async fn change_task(
        &self,
        actor: &Actor,
        task_id: Uuid,
        change: &TaskChange,
    ) -> StoreResult<()> {
        let (task, plan_id) = self.task_for_writer(actor, task_id).await?;
        let v = change.validate(task.progress)?;
        let expected = change.version.unwrap_or(task.version);
        let tx = self.write().await?;
        let mut a: plan_task::ActiveModel = task.clone().into();
        a.status = Set(v.status.as_str().into());
        a.progress = Set(v.progress);
        a.version = Set(expected + 1);
        a.updated_at = Set(crate::now());
        match plan_task::Entity::update(a)
            .validate()?
            .filter(plan_task::Column::Version.eq(expected))
            .exec(&tx)
            .await
        {
            Ok(_) => {}
            Err(sea_orm::DbErr::RecordNotUpdated) => return Err(DomainError::Stale.into()),
            Err(e) => return Err(e.into()),
        }
        let change = Some((v.status.as_str(), v.progress, v.note));
        log(&tx, actor, plan_id, Some(task_id), "update_task", change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Decisions by id (those of meetings the viewer may see): their text
    /// and their meeting.
    pub async fn decisions_by_ids(
        &self,
        viewer: impl Into<Viewer<'_>>,
        ids: &[Uuid],
    ) -> StoreResult<Vec<(String, Uuid)>> {
        let viewer = viewer.into();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = decision::Entity::find()
            .filter(decision::Column::Id.is_in(ids.iter().copied()))
            .order_by_asc(decision::Column::CreatedAt)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for d in rows {
            if self.check_meeting(viewer, d.meeting_id).await.is_ok() {
                out.push((d.text, d.meeting_id));
            }
        }
        Ok(out)
    }

    /// The plans the viewer may see (of bodies it may see), the latest first.
    pub async fn plans(&self, viewer: impl Into<Viewer<'_>>, limit: u64) -> StoreResult<Vec<Plan>> {
        let viewer = viewer.into();
        let rows = action_plan::Entity::find()
            .order_by_desc(action_plan::Column::UpdatedAt)
            .limit(limit.min(crate::MAX_PAGE_SIZE))
            .all(&self.db)
            .await?;
        let tree = self.body_tree().await?;
        let mut out = Vec::new();
        for row in rows {
            let visible = tree
                .lineage(row.owner_body_id)
                .is_some_and(|l| viewer.allows(|a| permissions::can_view_body(a, &l)));
            if visible {
                out.push(self.assemble(row, false).await?);
            }
        }
        Ok(out)
    }

    /// A plan with its objectives, tasks, progress and timeline.
    pub async fn plan(&self, viewer: impl Into<Viewer<'_>>, id: Uuid) -> StoreResult<Plan> {
        let (row, lineage) = self.plan_row(id).await?;
        ensure_viewer(viewer.into(), |a| permissions::can_view_body(a, &lineage))?;
        self.assemble(row, true).await
    }

    async fn assemble(&self, row: action_plan::Model, with_updates: bool) -> StoreResult<Plan> {
        let objectives = plan_objective::Entity::find()
            .filter(plan_objective::Column::PlanId.eq(row.id))
            .order_by_asc(plan_objective::Column::Position)
            .all(&self.db)
            .await?;
        let tasks = plan_task::Entity::find()
            .filter(plan_task::Column::ObjectiveId.is_in(objectives.iter().map(|o| o.id)))
            .order_by_asc(plan_task::Column::Position)
            .all(&self.db)
            .await?;
        let mut rates: HashMap<Uuid, f64> = HashMap::new();
        for c in tasks.iter().filter_map(|t| t.campaign_id) {
            if let std::collections::hash_map::Entry::Vacant(e) = rates.entry(c) {
                let (_, board) = self.campaign_board(Viewer::System, c).await?;
                let done = board.iter().filter(|r| r.status.done()).count();
                e.insert(if board.is_empty() {
                    0.0
                } else {
                    done as f64 * 100.0 / board.len() as f64
                });
            }
        }
        let objectives: Vec<Objective> = objectives
            .into_iter()
            .map(|o| {
                let tasks: Vec<Task> = tasks
                    .iter()
                    .filter(|t| t.objective_id == o.id)
                    .map(|t| {
                        let status = TaskStatus::parse(&t.status).unwrap_or(TaskStatus::Todo);
                        Task {
                            id: t.id,
                            title: t.title.clone(),
                            responsible_person_id: t.responsible_person_id,
                            responsible_body_id: t.responsible_body_id,
                            due_on: t.due_on,
                            weight: t.weight,
                            status,
                            recorded: t.progress,
                            progress: task_progress(
                                status,
                                t.progress,
                                t.campaign_id.and_then(|c| rates.get(&c).copied()),
                            ),
                            campaign_id: t.campaign_id,
                            version: t.version,
                        }
                    })
                    .collect();
                let progress = rollup(
                    &tasks
                        .iter()
                        .map(|t| (t.weight, t.progress))
                        .collect::<Vec<_>>(),
                );
                Objective {
                    id: o.id,
                    title: o.title,
                    target_value: o.target_value,
                    unit: o.unit,
                    target_date: o.target_date,
                    weight: o.weight,
                    progress,
                    tasks,
                }
            })
            .collect();
        let progress = rollup(
            &objectives
                .iter()
                .map(|o| (o.weight, o.progress))
                .collect::<Vec<_>>(),
        );
        let updates = if with_updates {
            let rows = plan_update::Entity::find()
                .filter(plan_update::Column::PlanId.eq(row.id))
                .order_by_desc(plan_update::Column::At)
                .limit(200)
                .all(&self.db)
                .await?;
            let ids: Vec<Uuid> = rows.iter().filter_map(|u| u.actor_id).collect();
            let names = crate::service::minutes::account_names(&self.db, &ids).await?;
            rows.into_iter()
                .map(|u| PlanUpdate {
                    at: u.at,
                    actor: u.actor_id.and_then(|a| names.get(&a).cloned()),
                    action: u.action,
                    task_id: u.task_id,
                    status: u.status,
                    progress: u.progress,
                    note: u.note,
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(Plan {
            id: row.id,
            owner_body_id: row.owner_body_id,
            title: row.title,
            description: row.description,
            decision_ids: serde_json::from_str(&row.decision_ids).unwrap_or_default(),
            progress,
            objectives,
            updates,
            updated_at: row.updated_at,
        })
    }
}
