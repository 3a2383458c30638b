//! Evidence: files attached to a report while its body writes it (the
//! attendance sheet of the evaluating meeting, a results sheet, photos) and
//! to a plan task by whoever updates it. Read by whoever may read the
//! report or the plan; every change on the report's history or the plan's
//! timeline and in the audit log.

use crate::Store;
use crate::audit;
use crate::entity::{file, plan_objective, plan_task, plan_task_file, report, report_file};
use crate::error::StoreResult;
use crate::service::files::{FileInfo, StoredFile, Upload, store_file};
use crate::service::reports::{event, to_report};
use crate::service::{actor_id, ensure, ensure_viewer};
use majlis_domain::campaign::CampaignState;
use majlis_domain::upload::Accept;
use majlis_domain::{Actor, DomainError, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Most files attached to one report or one task.
pub const MAX_EVIDENCE: u64 = 20;

/// Locks the owner's row on PostgreSQL until the transaction ends, so that
/// attachments to one report or task take turns (SQLite's writers already
/// do) and a count of its files holds until the insert; returns the row
/// read under the lock.
async fn locked<E, C>(c: &C, id: Uuid) -> StoreResult<E::Model>
where
    E: EntityTrait,
    E::PrimaryKey: sea_orm::PrimaryKeyTrait<ValueType = Uuid>,
    C: ConnectionTrait,
{
    let mut q = E::find_by_id(id);
    if c.get_database_backend() == sea_orm::DbBackend::Postgres {
        q = q.lock_exclusive();
    }
    Ok(q.one(c).await?.ok_or(DomainError::NotFound)?)
}

impl Store {
    /// The report, for a writer of its body while it can still change
    /// (draft or returned, campaign running).
    async fn report_for_writer(&self, actor: &Actor, report_id: Uuid) -> StoreResult<Uuid> {
        let r = to_report(
            report::Entity::find_by_id(report_id)
                .one(&self.db)
                .await?
                .ok_or(DomainError::NotFound)?,
        )?;
        let (c, _, target, _) = self.report_context(r.campaign_id, r.body_id).await?;
        ensure(permissions::can_write_report(actor, &target))?;
        if c.state != CampaignState::Launched {
            return Err(DomainError::invalid("campaign", "campaign_not_running").into());
        }
        if !r.state.editable() {
            return Err(DomainError::invalid("state", "report_locked").into());
        }
        Ok(r.id)
    }

    /// Attaches a file (a document, a photo or a spreadsheet, recognised by
    /// its content) to a report being written.
    pub async fn attach_report_file(
        &self,
        actor: &Actor,
        report_id: Uuid,
        upload: &Upload,
        max_bytes: usize,
    ) -> StoreResult<FileInfo> {
        self.report_for_writer(actor, report_id).await?;
        let tx = self.write().await?;
        // Read again under the lock: a submit in between locks the report.
        let row = to_report(locked::<report::Entity, _>(&tx, report_id).await?)?;
        if !row.state.editable() {
            return Err(DomainError::invalid("state", "report_locked").into());
        }
        // Counted under the lock, so that a crowd cannot pass the cap.
        let count = report_file::Entity::find()
            .filter(report_file::Column::ReportId.eq(report_id))
            .count(&tx)
            .await?;
        if count >= MAX_EVIDENCE {
            return Err(DomainError::invalid("file", "too_many_files").into());
        }
        let (f, _) = store_file(&tx, actor_id(actor), upload, max_bytes, Accept::Evidence).await?;
        report_file::ActiveModel {
            report_id: Set(report_id),
            file_id: Set(f.id),
            added_by: Set(actor_id(actor)),
            added_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        event(&tx, actor, report_id, "attach", None).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "attach",
            "report",
            report_id,
            None,
            Some(serde_json::to_value(&f)?),
        )
        .await?;
        tx.commit().await?;
        Ok(f)
    }

    /// Removes a file from a report being written.
    pub async fn remove_report_file(
        &self,
        actor: &Actor,
        report_id: Uuid,
        file_id: Uuid,
    ) -> StoreResult<()> {
        self.report_for_writer(actor, report_id).await?;
        let tx = self.write().await?;
        let row = to_report(locked::<report::Entity, _>(&tx, report_id).await?)?;
        if !row.state.editable() {
            return Err(DomainError::invalid("state", "report_locked").into());
        }
        let gone = report_file::Entity::delete_by_id((report_id, file_id))
            .exec(&tx)
            .await?;
        if gone.rows_affected == 0 {
            return Err(DomainError::NotFound.into());
        }
        file::Entity::delete_by_id(file_id).exec(&tx).await?;
        event(&tx, actor, report_id, "detach", None).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "detach",
            "report",
            report_id,
            Some(serde_json::json!({"file_id": file_id})),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The files of a report, in the order they were attached, for those
    /// who may read it.
    pub async fn report_files(
        &self,
        viewer: impl Into<Viewer<'_>>,
        report_id: Uuid,
    ) -> StoreResult<Vec<FileInfo>> {
        self.report(viewer, report_id).await?;
        self.linked_files(
            report_file::Entity::find()
                .filter(report_file::Column::ReportId.eq(report_id))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|l| (l.added_at, l.file_id)),
        )
        .await
    }

    /// One file of a report, for those who may read it.
    pub async fn report_file(
        &self,
        viewer: impl Into<Viewer<'_>>,
        report_id: Uuid,
        file_id: Uuid,
    ) -> StoreResult<StoredFile> {
        self.report(viewer, report_id).await?;
        report_file::Entity::find_by_id((report_id, file_id))
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.file(file_id).await
    }

    /// Attaches evidence to a plan task, for those who may update it.
    pub async fn attach_task_file(
        &self,
        actor: &Actor,
        task_id: Uuid,
        upload: &Upload,
        max_bytes: usize,
    ) -> StoreResult<FileInfo> {
        let (_, plan_id) = self.task_for_writer(actor, task_id).await?;
        let tx = self.write().await?;
        locked::<plan_task::Entity, _>(&tx, task_id).await?;
        let count = plan_task_file::Entity::find()
            .filter(plan_task_file::Column::TaskId.eq(task_id))
            .count(&tx)
            .await?;
        if count >= MAX_EVIDENCE {
            return Err(DomainError::invalid("file", "too_many_files").into());
        }
        let (f, _) = store_file(&tx, actor_id(actor), upload, max_bytes, Accept::Evidence).await?;
        plan_task_file::ActiveModel {
            task_id: Set(task_id),
            file_id: Set(f.id),
            added_by: Set(actor_id(actor)),
            added_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        let note = Some(f.name.clone());
        crate::service::plans::log_note(&tx, actor, plan_id, Some(task_id), "add_evidence", note)
            .await?;
        tx.commit().await?;
        Ok(f)
    }

    /// Removes evidence from a plan task.
    pub async fn remove_task_file(
        &self,
        actor: &Actor,
        task_id: Uuid,
        file_id: Uuid,
    ) -> StoreResult<()> {
        let (_, plan_id) = self.task_for_writer(actor, task_id).await?;
        let tx = self.write().await?;
        let gone = plan_task_file::Entity::delete_by_id((task_id, file_id))
            .exec(&tx)
            .await?;
        if gone.rows_affected == 0 {
            return Err(DomainError::NotFound.into());
        }
        let name = file::Entity::find_by_id(file_id)
            .one(&tx)
            .await?
            .map(|f| f.name);
        file::Entity::delete_by_id(file_id).exec(&tx).await?;
        crate::service::plans::log_note(
            &tx,
            actor,
            plan_id,
            Some(task_id),
            "remove_evidence",
            name,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The evidence of a plan's tasks, by task (two queries).
    pub async fn plan_files(
        &self,
        viewer: impl Into<Viewer<'_>>,
        plan_id: Uuid,
    ) -> StoreResult<HashMap<Uuid, Vec<FileInfo>>> {
        let (_, lineage) = self.plan_row(plan_id).await?;
        ensure_viewer(viewer.into(), |a| permissions::can_view_body(a, &lineage))?;
        use sea_orm::sea_query::Query;
        let objectives = Query::select()
            .column(plan_objective::Column::Id)
            .from(plan_objective::Entity)
            .and_where(plan_objective::Column::PlanId.eq(plan_id))
            .to_owned();
        let tasks = Query::select()
            .column(plan_task::Column::Id)
            .from(plan_task::Entity)
            .and_where(plan_task::Column::ObjectiveId.in_subquery(objectives))
            .to_owned();
        let links = plan_task_file::Entity::find()
            .filter(plan_task_file::Column::TaskId.in_subquery(tasks))
            .all(&self.db)
            .await?;
        let owner: HashMap<Uuid, Uuid> = links.iter().map(|l| (l.file_id, l.task_id)).collect();
        let files = self
            .linked_files(links.iter().map(|l| (l.added_at, l.file_id)))
            .await?;
        let mut out: HashMap<Uuid, Vec<FileInfo>> = HashMap::new();
        for f in files {
            if let Some(t) = owner.get(&f.id) {
                out.entry(*t).or_default().push(f);
            }
        }
        Ok(out)
    }

    /// One piece of a task's evidence, for those who may read the plan.
    pub async fn task_file(
        &self,
        viewer: impl Into<Viewer<'_>>,
        task_id: Uuid,
        file_id: Uuid,
    ) -> StoreResult<StoredFile> {
        let (_, _, lineage) = self.task_in_plan(task_id).await?;
        ensure_viewer(viewer.into(), |a| permissions::can_view_body(a, &lineage))?;
        plan_task_file::Entity::find_by_id((task_id, file_id))
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.file(file_id).await
    }

    /// Descriptions of linked files, oldest link first.
    async fn linked_files(
        &self,
        links: impl Iterator<Item = (chrono::DateTime<chrono::Utc>, Uuid)>,
    ) -> StoreResult<Vec<FileInfo>> {
        let mut links: Vec<_> = links.collect();
        links.sort();
        let ids: Vec<Uuid> = links.iter().map(|l| l.1).collect();
        let mut by_id: HashMap<Uuid, FileInfo> = self
            .file_infos(&ids)
            .await?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
        Ok(ids.into_iter().filter_map(|i| by_id.remove(&i)).collect())
    }
}
