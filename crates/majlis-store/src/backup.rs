//! Backup and restore in a portable format: one JSON object a line, every table
//! read inside one read transaction (a consistent snapshot, taken while majlis
//! serves), written in dependency order. The same code path on SQLite and
//! PostgreSQL, so a backup of one restores into the other.
//!
//! Sessions, login attempts and the commenters' salt of the day are
//! transient and not backed up: after a restore everyone logs in again, and
//! a backup holds no salt that would link a comment to an address.

use crate::Store;
use crate::entity::{
    account, action_plan, agenda_attachment, agenda_item, api_token, attendance, audit_event, body,
    calendar_feed, campaign, campaign_target, comment, communique, communique_revision,
    council_session, decision, file, job, meeting, meeting_guest, meeting_report, membership,
    minutes, organization, paper_assignee, paper_event, paper_version, participation,
    participation_person, person, plan_objective, plan_task, plan_task_file, plan_update,
    program_slot, reply, report, report_event, report_file, report_template, role,
    synthesis_version, working_paper, workshop, workshop_person,
};
use crate::error::{StoreError, StoreResult};
use sea_orm::{
    AccessMode, ConnectionTrait, DatabaseTransaction, EntityTrait, IntoActiveModel, IsolationLevel,
    Iterable, PaginatorTrait, PrimaryKeyToColumn, QueryOrder, QuerySelect, TransactionTrait,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};
use uuid::Uuid;

pub const FORMAT: &str = "majlis-backup";
pub const VERSION: u32 = 1;
const PAGE: u64 = 2_000;
const BATCH: usize = 200;

#[derive(Debug, Serialize, Deserialize)]
struct Header {
    format: String,
    version: u32,
    created_at: chrono::DateTime<chrono::Utc>,
    migrations: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    table: String,
    row: serde_json::Value,
}

/// How many rows of each table a backup or restore moved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Counts(pub Vec<(String, u64)>);

impl Counts {
    pub fn get(&self, table: &str) -> u64 {
        self.0
            .iter()
            .find(|(t, _)| t == table)
            .map_or(0, |(_, n)| *n)
    }
}

async fn dump<E>(tx: &DatabaseTransaction, out: &mut dyn Write, table: &str) -> StoreResult<u64>
where
    E: EntityTrait,
    E::Model: Serialize,
{
    let mut n = 0;
    let mut offset = 0;
    loop {
        let mut q = E::find();
        for pk in E::PrimaryKey::iter() {
            q = q.order_by_asc(pk.into_column());
        }
        let rows = q.offset(offset).limit(PAGE).all(tx).await?;
        for r in &rows {
            let line = Line {
                table: table.to_string(),
                row: serde_json::to_value(r)?,
            };
            serde_json::to_writer(&mut *out, &line)?;
            out.write_all(b"\n").map_err(io)?;
            n += 1;
        }
        if (rows.len() as u64) < PAGE {
            return Ok(n);
        }
        offset += PAGE;
    }
}

async fn load<E>(tx: &crate::db::WriteTx, rows: Vec<serde_json::Value>) -> StoreResult<u64>
where
    E: EntityTrait,
    E::Model: DeserializeOwned + IntoActiveModel<E::ActiveModel>,
{
    let n = rows.len() as u64;
    let mut models = Vec::with_capacity(rows.len());
    for r in rows {
        let m: E::Model = serde_json::from_value(r)?;
        models.push(m.into_active_model());
    }
    while !models.is_empty() {
        let rest = models.split_off(models.len().min(BATCH));
        E::insert_many(std::mem::replace(&mut models, rest))
            .exec_without_returning(tx)
            .await?;
    }
    Ok(n)
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Internal(format!("i/o: {e}"))
}

/// Tables in the order they are written and restored (parents first).
const TABLES: [&str; 45] = [
    "organization",
    "roles",
    "people",
    "bodies",
    "memberships",
    "accounts",
    "api_tokens",
    "meetings",
    "agenda_items",
    "attendances",
    "replies",
    "decisions",
    "sessions_council",
    "workshops",
    "workshop_people",
    "program_slots",
    "working_papers",
    "paper_assignees",
    "files",
    "minutes",
    "agenda_attachments",
    "paper_versions",
    "paper_events",
    "meeting_guests",
    "participations",
    "participation_people",
    "meeting_reports",
    "jobs",
    "calendar_feeds",
    "report_templates",
    "campaigns",
    "campaign_targets",
    "reports",
    "report_events",
    "synthesis_versions",
    "action_plans",
    "plan_objectives",
    "plan_tasks",
    "plan_updates",
    "report_files",
    "plan_task_files",
    "communiques",
    "communique_revisions",
    "comments",
    "audit_events",
];

/// Parents before children, so that the self-reference of bodies holds.
fn order_bodies(rows: Vec<serde_json::Value>) -> Vec<serde_json::Value> {
    let id = |v: &serde_json::Value| v.get("id").and_then(|x| x.as_str()).map(String::from);
    let parent = |v: &serde_json::Value| {
        v.get("parent_id")
            .and_then(|x| x.as_str())
            .map(String::from)
    };
    let mut placed: HashSet<String> = HashSet::new();
    let mut pending = rows;
    let mut out = Vec::with_capacity(pending.len());
    while !pending.is_empty() {
        let before = pending.len();
        let (ready, wait): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|v| parent(v).is_none_or(|p| placed.contains(&p)));
        for v in ready {
            if let Some(i) = id(&v) {
                placed.insert(i);
            }
            out.push(v);
        }
        pending = wait;
        if pending.len() == before {
            out.extend(pending); // dangling parents: let the foreign key refuse them
            break;
        }
    }
    out
}

impl Store {
    /// Writes a consistent snapshot of the database to `out`.
    pub async fn backup(&self, out: &mut dyn Write) -> StoreResult<Counts> {
        let header = Header {
            format: FORMAT.into(),
            version: VERSION,
            created_at: crate::now(),
            migrations: self.applied_migrations().await?,
        };
        serde_json::to_writer(&mut *out, &header)?;
        out.write_all(b"\n").map_err(io)?;
        let tx = self
            .db
            .begin_with_config(
                Some(IsolationLevel::RepeatableRead),
                Some(AccessMode::ReadOnly),
            )
            .await?;
        let mut counts = Vec::new();
        for t in TABLES {
            let n = match t {
                "organization" => dump::<organization::Entity>(&tx, out, t).await?,
                "roles" => dump::<role::Entity>(&tx, out, t).await?,
                "people" => dump::<person::Entity>(&tx, out, t).await?,
                "bodies" => dump::<body::Entity>(&tx, out, t).await?,
                "memberships" => dump::<membership::Entity>(&tx, out, t).await?,
                "accounts" => dump::<account::Entity>(&tx, out, t).await?,
                "api_tokens" => dump::<api_token::Entity>(&tx, out, t).await?,
                "meetings" => dump::<meeting::Entity>(&tx, out, t).await?,
                "agenda_items" => dump::<agenda_item::Entity>(&tx, out, t).await?,
                "attendances" => dump::<attendance::Entity>(&tx, out, t).await?,
                "replies" => dump::<reply::Entity>(&tx, out, t).await?,
                "decisions" => dump::<decision::Entity>(&tx, out, t).await?,
                "sessions_council" => dump::<council_session::Entity>(&tx, out, t).await?,
                "workshops" => dump::<workshop::Entity>(&tx, out, t).await?,
                "workshop_people" => dump::<workshop_person::Entity>(&tx, out, t).await?,
                "program_slots" => dump::<program_slot::Entity>(&tx, out, t).await?,
                "working_papers" => dump::<working_paper::Entity>(&tx, out, t).await?,
                "paper_assignees" => dump::<paper_assignee::Entity>(&tx, out, t).await?,
                "files" => dump::<file::Entity>(&tx, out, t).await?,
                "minutes" => dump::<minutes::Entity>(&tx, out, t).await?,
                "agenda_attachments" => dump::<agenda_attachment::Entity>(&tx, out, t).await?,
                "paper_versions" => dump::<paper_version::Entity>(&tx, out, t).await?,
                "paper_events" => dump::<paper_event::Entity>(&tx, out, t).await?,
                "meeting_guests" => dump::<meeting_guest::Entity>(&tx, out, t).await?,
                "participations" => dump::<participation::Entity>(&tx, out, t).await?,
                "participation_people" => dump::<participation_person::Entity>(&tx, out, t).await?,
                "meeting_reports" => dump::<meeting_report::Entity>(&tx, out, t).await?,
                "jobs" => dump::<job::Entity>(&tx, out, t).await?,
                "calendar_feeds" => dump::<calendar_feed::Entity>(&tx, out, t).await?,
                "report_templates" => dump::<report_template::Entity>(&tx, out, t).await?,
                "campaigns" => dump::<campaign::Entity>(&tx, out, t).await?,
                "campaign_targets" => dump::<campaign_target::Entity>(&tx, out, t).await?,
                "reports" => dump::<report::Entity>(&tx, out, t).await?,
                "report_events" => dump::<report_event::Entity>(&tx, out, t).await?,
                "synthesis_versions" => dump::<synthesis_version::Entity>(&tx, out, t).await?,
                "action_plans" => dump::<action_plan::Entity>(&tx, out, t).await?,
                "plan_objectives" => dump::<plan_objective::Entity>(&tx, out, t).await?,
                "plan_tasks" => dump::<plan_task::Entity>(&tx, out, t).await?,
                "plan_updates" => dump::<plan_update::Entity>(&tx, out, t).await?,
                "report_files" => dump::<report_file::Entity>(&tx, out, t).await?,
                "plan_task_files" => dump::<plan_task_file::Entity>(&tx, out, t).await?,
                "communiques" => dump::<communique::Entity>(&tx, out, t).await?,
                "communique_revisions" => dump::<communique_revision::Entity>(&tx, out, t).await?,
                "comments" => dump::<comment::Entity>(&tx, out, t).await?,
                _ => dump::<audit_event::Entity>(&tx, out, t).await?,
            };
            counts.push((t.to_string(), n));
        }
        tx.commit().await?;
        out.flush().map_err(io)?;
        Ok(Counts(counts))
    }

    /// Whether the database holds any organization data (beyond the defaults
    /// that migrations create).
    pub async fn is_empty(&self) -> StoreResult<bool> {
        let n = person::Entity::find().count(&self.db).await?
            + body::Entity::find().count(&self.db).await?
            + account::Entity::find().count(&self.db).await?;
        Ok(n == 0)
    }

    /// Restores a backup into this database (migrated first). Refuses a
    /// database that holds data unless `force`, in which case its data is
    /// replaced. All or nothing: one transaction.
    pub async fn restore(&self, input: &mut dyn BufRead, force: bool) -> StoreResult<Counts> {
        self.migrate().await?;
        let mut lines = input.lines();
        let first = lines
            .next()
            .ok_or_else(|| StoreError::Internal("empty backup file".into()))?
            .map_err(io)?;
        let header: Header = serde_json::from_str(&first)
            .map_err(|_| StoreError::Internal("not a majlis backup".into()))?;
        if header.format != FORMAT || header.version != VERSION {
            return Err(StoreError::Internal(format!(
                "unsupported backup format {} v{}",
                header.format, header.version
            )));
        }
        let ours = self.applied_migrations().await?;
        if !ours.starts_with(&header.migrations) {
            return Err(StoreError::Internal(
                "the backup comes from a newer majlis; upgrade first".into(),
            ));
        }
        let mut by_table: HashMap<String, Vec<serde_json::Value>> = HashMap::new();
        for line in lines {
            let line = line.map_err(io)?;
            if line.trim().is_empty() {
                continue;
            }
            let l: Line = serde_json::from_str(&line)?;
            if !TABLES.contains(&l.table.as_str()) {
                return Err(StoreError::Internal(format!(
                    "unknown table {} in backup",
                    l.table
                )));
            }
            by_table.entry(l.table).or_default().push(l.row);
        }
        if !force && !self.is_empty().await? {
            return Err(StoreError::Internal(
                "the database is not empty; pass --force to replace its data".into(),
            ));
        }
        let tx = self.write().await?;
        // Clear children first (sessions, login attempts and the salt of the
        // day included); the bodies' self-reference is cut first so that the
        // tree can go at once.
        tx.execute_unprepared("UPDATE bodies SET parent_id = NULL")
            .await?;
        for t in ["sessions", "login_attempts", "client_salts"]
            .iter()
            .chain(TABLES.iter().rev())
        {
            let sql = format!("DELETE FROM {t}");
            tx.execute_unprepared(&sql).await?;
        }
        let mut counts = Vec::new();
        for t in TABLES {
            let mut rows = by_table.remove(t).unwrap_or_default();
            let n = match t {
                "organization" => load::<organization::Entity>(&tx, rows).await?,
                "roles" => load::<role::Entity>(&tx, rows).await?,
                "people" => load::<person::Entity>(&tx, rows).await?,
                "bodies" => {
                    rows = order_bodies(rows);
                    load::<body::Entity>(&tx, rows).await?
                }
                "memberships" => load::<membership::Entity>(&tx, rows).await?,
                "accounts" => load::<account::Entity>(&tx, rows).await?,
                "api_tokens" => load::<api_token::Entity>(&tx, rows).await?,
                "meetings" => load::<meeting::Entity>(&tx, rows).await?,
                "agenda_items" => load::<agenda_item::Entity>(&tx, rows).await?,
                "attendances" => load::<attendance::Entity>(&tx, rows).await?,
                "replies" => load::<reply::Entity>(&tx, rows).await?,
                "decisions" => load::<decision::Entity>(&tx, rows).await?,
                "sessions_council" => load::<council_session::Entity>(&tx, rows).await?,
                "workshops" => load::<workshop::Entity>(&tx, rows).await?,
                "workshop_people" => load::<workshop_person::Entity>(&tx, rows).await?,
                "program_slots" => load::<program_slot::Entity>(&tx, rows).await?,
                "working_papers" => load::<working_paper::Entity>(&tx, rows).await?,
                "paper_assignees" => load::<paper_assignee::Entity>(&tx, rows).await?,
                "files" => load::<file::Entity>(&tx, rows).await?,
                "minutes" => load::<minutes::Entity>(&tx, rows).await?,
                "agenda_attachments" => load::<agenda_attachment::Entity>(&tx, rows).await?,
                "paper_versions" => load::<paper_version::Entity>(&tx, rows).await?,
                "paper_events" => load::<paper_event::Entity>(&tx, rows).await?,
                "meeting_guests" => load::<meeting_guest::Entity>(&tx, rows).await?,
                "participations" => load::<participation::Entity>(&tx, rows).await?,
                "participation_people" => load::<participation_person::Entity>(&tx, rows).await?,
                "meeting_reports" => load::<meeting_report::Entity>(&tx, rows).await?,
                "jobs" => load::<job::Entity>(&tx, rows).await?,
                "calendar_feeds" => load::<calendar_feed::Entity>(&tx, rows).await?,
                "report_templates" => load::<report_template::Entity>(&tx, rows).await?,
                "campaigns" => load::<campaign::Entity>(&tx, rows).await?,
                "campaign_targets" => load::<campaign_target::Entity>(&tx, rows).await?,
                "reports" => load::<report::Entity>(&tx, rows).await?,
                "report_events" => load::<report_event::Entity>(&tx, rows).await?,
                "synthesis_versions" => load::<synthesis_version::Entity>(&tx, rows).await?,
                "action_plans" => load::<action_plan::Entity>(&tx, rows).await?,
                "plan_objectives" => load::<plan_objective::Entity>(&tx, rows).await?,
                "plan_tasks" => load::<plan_task::Entity>(&tx, rows).await?,
                "plan_updates" => load::<plan_update::Entity>(&tx, rows).await?,
                "report_files" => load::<report_file::Entity>(&tx, rows).await?,
                "plan_task_files" => load::<plan_task_file::Entity>(&tx, rows).await?,
                "communiques" => load::<communique::Entity>(&tx, rows).await?,
                "communique_revisions" => load::<communique_revision::Entity>(&tx, rows).await?,
                "comments" => load::<comment::Entity>(&tx, rows).await?,
                _ => load::<audit_event::Entity>(&tx, rows).await?,
            };
            counts.push((t.to_string(), n));
        }
        reindex_people(&tx).await?;
        crate::audit::record(
            &tx,
            None,
            "restore",
            "organization",
            Uuid::nil(),
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        self.cache_settings(None);
        Ok(Counts(counts))
    }
}

/// Rebuilds every person's search terms (after a restore, or `majlis reindex`).
pub(crate) async fn reindex_people<C: ConnectionTrait>(c: &C) -> StoreResult<u64> {
    use crate::entity::person_term;
    use sea_orm::Set;
    person_term::Entity::delete_many().exec(c).await?;
    let mut offset = 0;
    let mut n = 0;
    loop {
        let rows = person::Entity::find()
            .order_by_asc(person::Column::Id)
            .offset(offset)
            .limit(PAGE)
            .all(c)
            .await?;
        for chunk in rows.chunks(BATCH) {
            let terms: Vec<person_term::ActiveModel> = chunk
                .iter()
                .flat_map(|p| {
                    crate::service::people::terms_of(
                        &p.full_name_ar,
                        p.full_name_latin.as_deref(),
                        p.member_number.as_deref(),
                    )
                    .into_iter()
                    .map(|t| person_term::ActiveModel {
                        term: Set(t),
                        person_id: Set(p.id),
                    })
                })
                .collect();
            for part in terms.chunks(BATCH) {
                person_term::Entity::insert_many(part.to_vec())
                    .exec_without_returning(c)
                    .await?;
            }
        }
        n += rows.len() as u64;
        if (rows.len() as u64) < PAGE {
            return Ok(n);
        }
        offset += PAGE;
    }
}

impl Store {
    /// Rebuilds the search index of people; returns how many were indexed.
    pub async fn reindex(&self) -> StoreResult<u64> {
        let tx = self.write().await?;
        let n = reindex_people(&tx).await?;
        tx.commit().await?;
        Ok(n)
    }
}
