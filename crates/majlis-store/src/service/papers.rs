//! Working papers (أوراق العمل): assigned per workshop with a due date, their
//! versions (uploaded documents or text written in majlis), the workflow
//! with its history of comments, and the durable reminders before the due
//! date and when overdue.

use crate::entity::{
    council_session, paper_assignee, paper_event, paper_version, person, working_paper, workshop,
};
use crate::error::StoreResult;
use crate::service::files::{FileInfo, StoredFile, Upload, store_file};
use crate::service::jobs::{NewJob, PaperReminder, enqueue};
use crate::service::meetings::to_utc;
use crate::service::{actor_id, ensure};
use crate::{Store, audit};
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use majlis_domain::jobs::paper_reminders;
use majlis_domain::session::{PaperAction, PaperState, paper_transition};
use majlis_domain::upload::Accept;
use majlis_domain::validation::{Checker, MAX_NAME};
use majlis_domain::{Actor, DomainError, Person, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use uuid::Uuid;

/// Longest comment on a returned paper.
const MAX_COMMENT: usize = 10_000;
/// Longest text version written in majlis, in characters.
pub const MAX_PAPER_TEXT: usize = 200_000;

/// One version of a paper.
#[derive(Debug, Clone, Serialize)]
pub struct PaperVersion {
    pub id: Uuid,
    pub number: i32,
    pub author: Option<String>,
    pub file: Option<FileInfo>,
    pub text: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One step of a paper's history, with the comment given.
#[derive(Debug, Clone, Serialize)]
pub struct PaperEvent {
    pub action: String,
    pub comment: Option<String>,
    pub by: Option<String>,
    pub at: DateTime<Utc>,
}

/// A paper with everything its page shows.
#[derive(Debug, Clone, Serialize)]
pub struct PaperDetail {
    pub id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub state: PaperState,
    pub workshop_id: Uuid,
    pub workshop_title: String,
    pub session_id: Uuid,
    /// The session's last day: past it, a missing paper is no longer "late".
    pub session_last_day: NaiveDate,
    pub council_id: Uuid,
    pub assignees: Vec<Person>,
    pub versions: Vec<PaperVersion>,
    pub events: Vec<PaperEvent>,
}

impl PaperDetail {
    pub fn is_assignee(&self, actor: &Actor) -> bool {
        actor
            .person_id
            .is_some_and(|p| self.assignees.iter().any(|a| a.id == p))
    }
}

/// Queues the reminders of a paper (durable jobs, one per kind and paper).
async fn schedule_reminders<C: ConnectionTrait>(
    c: &C,
    paper_id: Uuid,
    due_on: NaiveDate,
    tz: Tz,
) -> StoreResult<()> {
    let now_local = crate::now().with_timezone(&tz).naive_local();
    for (kind, at) in paper_reminders(due_on, now_local) {
        let task = NewJob::of(&PaperReminder {
            paper_id,
            reminder: kind,
        })?;
        let key = format!("paper_reminder:{paper_id}:{}:{due_on}", kind.as_str());
        enqueue(c, &task, to_utc(tz, at), Some(paper_id), Some(key)).await?;
    }
    Ok(())
}

async fn log_event<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    paper_id: Uuid,
    action: &str,
    comment: Option<String>,
) -> StoreResult<()> {
    paper_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        paper_id: Set(paper_id),
        action: Set(action.into()),
        comment: Set(comment),
        account_id: Set(actor_id(actor)),
        created_at: Set(crate::now()),
    }
    .insert(c)
    .await?;
    Ok(())
}

/// Whether the actor is one of the paper's assignees.
async fn is_assignee<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    paper_id: Uuid,
) -> StoreResult<bool> {
    Ok(match actor.person_id {
        Some(p) => paper_assignee::Entity::find_by_id((paper_id, p))
            .one(c)
            .await?
            .is_some(),
        None => false,
    })
}

impl Store {
    /// Assigns a working paper of a workshop to one or more persons.
    pub async fn add_paper(
        &self,
        actor: &Actor,
        workshop_id: Uuid,
        title: &str,
        due_on: NaiveDate,
        assignees: &[Uuid],
    ) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let mut c = Checker::new();
        let title = c.required("title", title, MAX_NAME);
        if assignees.is_empty() {
            c.fail("assignees", "required");
        }
        c.finish().map_err(DomainError::Invalid)?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        workshop::Entity::find_by_id(workshop_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let now = crate::now();
        let row = working_paper::ActiveModel {
            id: Set(Uuid::now_v7()),
            workshop_id: Set(workshop_id),
            title: Set(title),
            due_on: Set(due_on),
            state: Set(PaperState::Assigned.as_str().into()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        for p in assignees {
            person::Entity::find_by_id(*p)
                .one(&tx)
                .await?
                .ok_or(DomainError::invalid("assignees", "invalid_choice"))?;
            paper_assignee::ActiveModel {
                paper_id: Set(row.id),
                person_id: Set(*p),
            }
            .insert(&tx)
            .await?;
        }
        schedule_reminders(&tx, row.id, due_on, tz).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "working_paper",
            row.id,
            None,
            Some(serde_json::json!({"title": row.title, "due_on": due_on, "assignees": assignees})),
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Moves a paper through its workflow: its assignees save and submit, the
    /// executive approves, returns and circulates.
    pub async fn paper_action(
        &self,
        actor: &Actor,
        paper_id: Uuid,
        action: PaperAction,
        comment: Option<&str>,
    ) -> StoreResult<PaperState> {
        let mut c = Checker::new();
        let comment = c.optional_text("comment", comment, MAX_COMMENT);
        c.finish().map_err(DomainError::Invalid)?;
        if action == PaperAction::SaveVersion {
            // A version is saved with its content: add_paper_version.
            return Err(DomainError::invalid("action", "invalid_choice").into());
        }
        let tx = self.write().await?;
        let row = working_paper::Entity::find_by_id(paper_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let assignee = match actor.person_id {
            Some(p) => paper_assignee::Entity::find_by_id((paper_id, p))
                .one(&tx)
                .await?
                .is_some(),
            None => false,
        };
        let allowed = permissions::can_plan_sessions(actor) || (assignee && action.by_assignee());
        ensure(allowed)?;
        let from = crate::convert::stored(PaperState::parse(&row.state), "PaperState", &row.state)?;
        let to = paper_transition(from, action)?;
        let mut a = row.into_active_model();
        a.state = Set(to.as_str().into());
        a.updated_at = Set(crate::now());
        a.update(&tx).await?;
        log_event(&tx, actor, paper_id, to.as_str(), comment).await?;
        audit::record(
            &tx,
            actor_id(actor),
            to.as_str(),
            "working_paper",
            paper_id,
            Some(serde_json::json!({"state": from})),
            Some(serde_json::json!({"state": to})),
        )
        .await?;
        tx.commit().await?;
        Ok(to)
    }

    /// The session a working paper belongs to, if the viewer may see its council.
    pub async fn paper_session(
        &self,
        viewer: impl Into<Viewer<'_>>,
        paper_id: Uuid,
    ) -> StoreResult<Uuid> {
        let p = working_paper::Entity::find_by_id(paper_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let w = workshop::Entity::find_by_id(p.workshop_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.council_session(viewer, w.session_id).await?;
        Ok(w.session_id)
    }

    /// A paper with its assignees, versions and history, if the actor may
    /// read it (assignees and the executive; the council once circulated).
    pub async fn paper(&self, actor: &Actor, paper_id: Uuid) -> StoreResult<PaperDetail> {
        let p = working_paper::Entity::find_by_id(paper_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let w = workshop::Entity::find_by_id(p.workshop_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let s = council_session::Entity::find_by_id(w.session_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let state = crate::convert::stored(PaperState::parse(&p.state), "PaperState", &p.state)?;
        let assignee = is_assignee(&self.db, actor, paper_id).await?;
        let council = self.lineage(s.body_id).await?;
        ensure(permissions::can_read_paper(
            actor,
            assignee,
            state == PaperState::Circulated,
            &council,
        ))?;
        let ids: Vec<Uuid> = paper_assignee::Entity::find()
            .filter(paper_assignee::Column::PaperId.eq(paper_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| a.person_id)
            .collect();
        let mut assignees: Vec<Person> = self.people_by_ids(ids).await?.into_values().collect();
        assignees.sort_by(|a, b| a.full_name_ar.cmp(&b.full_name_ar));
        let rows = paper_version::Entity::find()
            .filter(paper_version::Column::PaperId.eq(paper_id))
            .order_by_desc(paper_version::Column::Number)
            .all(&self.db)
            .await?;
        let file_ids: Vec<Uuid> = rows.iter().filter_map(|v| v.file_id).collect();
        let files = self.file_infos(&file_ids).await?;
        let authors: Vec<Uuid> = rows.iter().filter_map(|v| v.author_id).collect();
        let names = self.people_by_ids(authors).await?;
        let versions = rows
            .into_iter()
            .map(|v| PaperVersion {
                id: v.id,
                number: v.number,
                author: v
                    .author_id
                    .and_then(|a| names.get(&a).map(|p| p.full_name_ar.clone())),
                file: v
                    .file_id
                    .and_then(|f| files.iter().find(|i| i.id == f).cloned()),
                text: v.text,
                created_at: v.created_at,
            })
            .collect();
        let rows = paper_event::Entity::find()
            .filter(paper_event::Column::PaperId.eq(paper_id))
            .order_by_asc(paper_event::Column::CreatedAt)
            .all(&self.db)
            .await?;
        let ids: Vec<Uuid> = rows.iter().filter_map(|e| e.account_id).collect();
        let by = crate::service::minutes::account_names(&self.db, &ids).await?;
        let events = rows
            .into_iter()
            .map(|e| PaperEvent {
                by: e.account_id.and_then(|a| by.get(&a).cloned()),
                action: e.action,
                comment: e.comment,
                at: e.created_at,
            })
            .collect();
        Ok(PaperDetail {
            id: p.id,
            title: p.title,
            due_on: p.due_on,
            state,
            workshop_id: w.id,
            workshop_title: w.title,
            session_id: s.id,
            session_last_day: s.last_day,
            council_id: s.body_id,
            assignees,
            versions,
            events,
        })
    }

    /// Saves a new version of a paper: an uploaded document (checked by
    /// content and size) or text written in majlis. Only its assignees (or
    /// the executive) may, and not once it is approved.
    pub async fn add_paper_version(
        &self,
        actor: &Actor,
        paper_id: Uuid,
        upload: Option<&Upload>,
        text: Option<&str>,
        max_bytes: usize,
    ) -> StoreResult<i32> {
        let text = text
            .map(|t| t.replace("\r\n", "\n").trim().to_string())
            .filter(|t| !t.is_empty());
        if upload.is_none() && text.is_none() {
            return Err(DomainError::invalid("file", "required").into());
        }
        if text
            .as_ref()
            .is_some_and(|t| t.chars().count() > MAX_PAPER_TEXT)
        {
            return Err(DomainError::invalid("text", "too_long").into());
        }
        let tx = self.write().await?;
        let row = working_paper::Entity::find_by_id(paper_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let assignee = is_assignee(&tx, actor, paper_id).await?;
        ensure(assignee || permissions::can_plan_sessions(actor))?;
        let from = crate::convert::stored(PaperState::parse(&row.state), "PaperState", &row.state)?;
        let to = paper_transition(from, PaperAction::SaveVersion)?;
        let file = match upload {
            Some(u) => Some(
                store_file(&tx, actor_id(actor), u, max_bytes, Accept::Documents)
                    .await?
                    .0,
            ),
            None => None,
        };
        let number = paper_version::Entity::find()
            .filter(paper_version::Column::PaperId.eq(paper_id))
            .order_by_desc(paper_version::Column::Number)
            .one(&tx)
            .await?
            .map_or(1, |v| v.number + 1);
        paper_version::ActiveModel {
            id: Set(Uuid::now_v7()),
            paper_id: Set(paper_id),
            number: Set(number),
            author_id: Set(actor.person_id),
            file_id: Set(file.as_ref().map(|f| f.id)),
            text: Set(text),
            created_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        let mut a = row.into_active_model();
        a.state = Set(to.as_str().into());
        a.updated_at = Set(crate::now());
        a.update(&tx).await?;
        log_event(&tx, actor, paper_id, "save_version", None).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "version",
            "working_paper",
            paper_id,
            Some(serde_json::json!({"state": from})),
            Some(serde_json::json!({"state": to, "version": number, "file": file})),
        )
        .await?;
        tx.commit().await?;
        Ok(number)
    }

    /// The file of one version of a paper, if the actor may read the paper.
    pub async fn paper_file(
        &self,
        actor: &Actor,
        paper_id: Uuid,
        number: i32,
    ) -> StoreResult<StoredFile> {
        let detail = self.paper(actor, paper_id).await?;
        let v = detail
            .versions
            .iter()
            .find(|v| v.number == number)
            .and_then(|v| v.file.as_ref())
            .ok_or(DomainError::NotFound)?;
        self.file(v.id).await
    }

    /// For a reminder: the paper, its state and its assignees, with the
    /// session it belongs to.
    pub async fn paper_for_reminder(
        &self,
        paper_id: Uuid,
    ) -> StoreResult<Option<(working_paper::Model, Vec<Person>, council_session::Model)>> {
        let Some(p) = working_paper::Entity::find_by_id(paper_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let w = workshop::Entity::find_by_id(p.workshop_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let s = council_session::Entity::find_by_id(w.session_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let ids: Vec<Uuid> = paper_assignee::Entity::find()
            .filter(paper_assignee::Column::PaperId.eq(paper_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|a| a.person_id)
            .collect();
        let people = self.people_by_ids(ids).await?.into_values().collect();
        Ok(Some((p, people, s)))
    }
}
