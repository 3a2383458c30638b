//! The durable job queue: rows in the `jobs` table, so that a pending e-mail
//! or reminder survives a restart. Workers claim due jobs with a lease (an
//! UPDATE that only one worker can win), run them, and mark them done, or
//! failed with a retry time that backs off.

use crate::Store;
use crate::entity::job;
use crate::error::StoreResult;
use chrono::{DateTime, Duration, Utc};
use majlis_domain::jobs::{JobStatus, ReminderKind, after_failure};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Why a meeting's convocation is (re)sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationReason {
    /// The first convocation.
    Convocation,
    /// The date, time or venue changed.
    Changed,
    Cancelled,
}

/// One e-mail, fully rendered, to one recipient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutgoingMail {
    pub to: String,
    pub to_name: Option<String>,
    pub subject: String,
    pub text: String,
    /// An iCalendar attachment (`invite.ics`), with its METHOD.
    pub ics: Option<String>,
    pub ics_method: Option<String>,
}

/// A kind of job: its name in the queue and its payload, stored as JSON
/// with the name in a `kind` field (a row reads on its own). The worker's
/// registry says how each kind runs.
pub trait JobKind: Serialize + DeserializeOwned {
    /// The name in the `kind` column.
    const KIND: &'static str;
}

/// A job to queue: its kind and payload.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    kind: &'static str,
    payload: serde_json::Value,
}

impl NewJob {
    pub fn of<J: JobKind>(job: &J) -> StoreResult<Self> {
        let mut payload = serde_json::to_value(job)?;
        let serde_json::Value::Object(fields) = &mut payload else {
            return Err(crate::StoreError::Internal(format!(
                "the payload of a {} job is not an object",
                J::KIND
            )));
        };
        fields.insert("kind".into(), J::KIND.into());
        Ok(Self {
            kind: J::KIND,
            payload,
        })
    }

    pub fn kind(&self) -> &'static str {
        self.kind
    }
}

/// Render the convocation of a meeting for each invitee (one mail job each).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Invitation {
    pub meeting_id: Uuid,
    pub reason: InvitationReason,
}

impl JobKind for Invitation {
    const KIND: &'static str = "invitation";
}

/// Remind a paper's assignees (if it is still not submitted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperReminder {
    pub paper_id: Uuid,
    pub reminder: ReminderKind,
}

impl JobKind for PaperReminder {
    const KIND: &'static str = "paper_reminder";
}

/// Send one e-mail through SMTP.
impl JobKind for OutgoingMail {
    const KIND: &'static str = "mail";
}

/// A job as read back.
#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub id: Uuid,
    pub kind: String,
    pub payload: serde_json::Value,
    pub status: JobStatus,
    pub run_at: DateTime<Utc>,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub subject_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl Job {
    /// The payload, read as its kind's type.
    pub fn payload<J: JobKind>(&self) -> StoreResult<J> {
        if self.kind != J::KIND {
            return Err(crate::StoreError::Internal(format!(
                "job {} is a {} job, not a {} one",
                self.id,
                self.kind,
                J::KIND
            )));
        }
        Ok(serde_json::from_value(self.payload.clone())?)
    }
}

fn to_job(m: job::Model) -> StoreResult<Job> {
    let status = JobStatus::parse(&m.status).ok_or_else(|| {
        crate::StoreError::Internal(format!("job {}: unknown status {}", m.id, m.status))
    })?;
    Ok(Job {
        id: m.id,
        kind: m.kind,
        payload: serde_json::from_str(&m.payload)?,
        status,
        run_at: m.run_at,
        attempts: m.attempts,
        last_error: m.last_error,
        subject_id: m.subject_id,
        created_at: m.created_at,
        finished_at: m.finished_at,
    })
}

/// How many jobs about one subject are in each state (for the pending state
/// shown next to a meeting or a paper).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct JobCounts {
    pub pending: u64,
    pub retrying: u64,
    pub done: u64,
    pub failed: u64,
}

/// Queues a task inside the caller's transaction. With a `dedupe_key`, a
/// task already queued under that key is kept and this one is dropped.
pub(crate) async fn enqueue<C: ConnectionTrait>(
    c: &C,
    task: &NewJob,
    run_at: DateTime<Utc>,
    subject_id: Option<Uuid>,
    dedupe_key: Option<String>,
) -> StoreResult<()> {
    if let Some(k) = &dedupe_key {
        let exists = job::Entity::find()
            .filter(job::Column::DedupeKey.eq(k.as_str()))
            .one(c)
            .await?;
        if exists.is_some() {
            return Ok(());
        }
    }
    let row = job::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(task.kind.into()),
        payload: Set(serde_json::to_string(&task.payload)?),
        status: Set(JobStatus::Pending.as_str().into()),
        run_at: Set(run_at),
        attempts: Set(0),
        last_error: Set(None),
        locked_until: Set(None),
        dedupe_key: Set(dedupe_key),
        subject_id: Set(subject_id),
        created_at: Set(crate::now()),
        finished_at: Set(None),
    };
    // Another process queuing the same key at the same moment (on
    // PostgreSQL both may read it absent): the first one is kept.
    job::Entity::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(job::Column::DedupeKey)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(c)
        .await?;
    Ok(())
}

impl Store {
    /// Queues a task now (outside any other change).
    pub async fn enqueue(&self, task: &NewJob, subject_id: Option<Uuid>) -> StoreResult<()> {
        let tx = self.write().await?;
        enqueue(&tx, task, crate::now(), subject_id, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Claims up to `limit` due jobs of the given kinds for `lease`; a claimed
    /// job is not claimed again until its lease ends (a crashed worker's jobs
    /// come back). Each claim counts as an attempt.
    pub async fn claim_jobs(
        &self,
        kinds: &[&str],
        limit: u64,
        lease: Duration,
    ) -> StoreResult<Vec<Job>> {
        let now = crate::now();
        let free = Condition::any()
            .add(job::Column::LockedUntil.is_null())
            .add(job::Column::LockedUntil.lt(now));
        let due = job::Entity::find()
            .filter(job::Column::Status.eq(JobStatus::Pending.as_str()))
            .filter(job::Column::RunAt.lte(now))
            .filter(job::Column::Kind.is_in(kinds.iter().copied()))
            .filter(free.clone())
            .order_by_asc(job::Column::RunAt)
            .limit(limit)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for j in due {
            let tx = self.write().await?;
            let won = job::Entity::update_many()
                .col_expr(job::Column::LockedUntil, Expr::value(now + lease))
                .col_expr(job::Column::Attempts, Expr::value(j.attempts + 1))
                .filter(job::Column::Id.eq(j.id))
                .filter(job::Column::Attempts.eq(j.attempts))
                .filter(free.clone())
                .exec(&tx)
                .await?;
            tx.commit().await?;
            if won.rows_affected == 1 {
                let mut j = j;
                j.attempts += 1;
                out.push(to_job(j)?);
            }
        }
        Ok(out)
    }

    /// Marks a claimed job done.
    pub async fn finish_job(&self, id: Uuid) -> StoreResult<()> {
        let tx = self.write().await?;
        job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(JobStatus::Done.as_str()))
            .col_expr(job::Column::FinishedAt, Expr::value(crate::now()))
            .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
            .col_expr(job::Column::LastError, Expr::value(None::<String>))
            .filter(job::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a failed attempt: the job is retried after a backoff that
    /// doubles from `base_seconds`, or given up after `max_attempts`.
    pub async fn fail_job(
        &self,
        job: &Job,
        error: &str,
        base_seconds: i64,
        max_attempts: i32,
    ) -> StoreResult<()> {
        let now = crate::now();
        let error: String = error.chars().take(2000).collect();
        let q = job::Entity::update_many()
            .col_expr(job::Column::LastError, Expr::value(Some(error)))
            .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
            .filter(job::Column::Id.eq(job.id));
        let q = match after_failure(job.attempts, base_seconds, max_attempts) {
            Some(wait) => q.col_expr(job::Column::RunAt, Expr::value(now + wait)),
            None => q
                .col_expr(job::Column::Status, Expr::value(JobStatus::Failed.as_str()))
                .col_expr(job::Column::FinishedAt, Expr::value(now)),
        };
        let tx = self.write().await?;
        q.exec(&tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Gives a job up at once (an error that no retry can fix: a malformed
    /// address).
    pub async fn give_up_job(&self, id: Uuid, error: &str) -> StoreResult<()> {
        let error: String = error.chars().take(2000).collect();
        let tx = self.write().await?;
        job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(JobStatus::Failed.as_str()))
            .col_expr(job::Column::LastError, Expr::value(Some(error)))
            .col_expr(job::Column::FinishedAt, Expr::value(crate::now()))
            .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
            .filter(job::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Runs a task's follow-up jobs and marks the task done, in one
    /// transaction (an invitation becomes one mail job per invitee).
    pub async fn expand_job(
        &self,
        id: Uuid,
        follow_ups: &[(NewJob, Option<Uuid>)],
    ) -> StoreResult<()> {
        let tx = self.write().await?;
        for (t, subject) in follow_ups {
            enqueue(&tx, t, crate::now(), *subject, None).await?;
        }
        job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(JobStatus::Done.as_str()))
            .col_expr(job::Column::FinishedAt, Expr::value(crate::now()))
            .col_expr(job::Column::LockedUntil, Expr::value(None::<DateTime<Utc>>))
            .filter(job::Column::Id.eq(id))
            .exec(&tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The jobs about one meeting (its convocations and their e-mails),
    /// newest first, for those who run the meeting's body.
    pub async fn jobs_about(
        &self,
        viewer: impl Into<majlis_domain::Viewer<'_>>,
        subject_id: Uuid,
        limit: u64,
    ) -> StoreResult<Vec<Job>> {
        self.check_meeting_manager(viewer.into(), subject_id)
            .await?;
        job::Entity::find()
            .filter(job::Column::SubjectId.eq(subject_id))
            .order_by_desc(job::Column::CreatedAt)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_job)
            .collect()
    }

    /// Jobs of one kind, the oldest first (for the operator and the tests).
    pub async fn jobs_of_kind(&self, kind: &str, limit: u64) -> StoreResult<Vec<Job>> {
        job::Entity::find()
            .filter(job::Column::Kind.eq(kind))
            .order_by_asc(job::Column::CreatedAt)
            .limit(limit)
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_job)
            .collect()
    }

    /// Counts of the e-mails about one subject by state.
    pub async fn mail_counts(
        &self,
        viewer: impl Into<majlis_domain::Viewer<'_>>,
        subject_id: Uuid,
    ) -> StoreResult<JobCounts> {
        self.check_meeting_manager(viewer.into(), subject_id)
            .await?;
        let rows: Vec<(String, i32)> = job::Entity::find()
            .select_only()
            .column(job::Column::Status)
            .column(job::Column::Attempts)
            .filter(job::Column::SubjectId.eq(subject_id))
            .filter(job::Column::Kind.eq("mail"))
            .into_tuple()
            .all(&self.db)
            .await?;
        let mut c = JobCounts::default();
        for (status, attempts) in rows {
            match JobStatus::parse(&status) {
                Some(JobStatus::Done) => c.done += 1,
                Some(JobStatus::Failed) => c.failed += 1,
                _ if attempts > 0 => c.retrying += 1,
                _ => c.pending += 1,
            }
        }
        Ok(c)
    }

    /// When the next pending job falls due (for the worker's sleep).
    pub async fn next_job_at(&self) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(job::Entity::find()
            .filter(job::Column::Status.eq(JobStatus::Pending.as_str()))
            .order_by_asc(job::Column::RunAt)
            .one(&self.db)
            .await?
            .map(|j| j.locked_until.map_or(j.run_at, |l| l.max(j.run_at))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(new: &NewJob) -> Job {
        Job {
            id: Uuid::nil(),
            kind: new.kind().into(),
            payload: new.payload.clone(),
            status: JobStatus::Pending,
            run_at: crate::now(),
            attempts: 0,
            last_error: None,
            subject_id: None,
            created_at: crate::now(),
            finished_at: None,
        }
    }

    #[test]
    fn a_payload_carries_its_kind_and_reads_back_as_its_type() {
        let meeting_id = Uuid::now_v7();
        let new = NewJob::of(&Invitation {
            meeting_id,
            reason: InvitationReason::Changed,
        })
        .unwrap();
        // The row format of the queue before kinds were types.
        assert_eq!(
            new.payload,
            serde_json::json!({"kind": "invitation", "meeting_id": meeting_id, "reason": "changed"})
        );
        let back: Invitation = job(&new).payload().unwrap();
        assert_eq!(back.meeting_id, meeting_id);
        assert!(
            job(&new).payload::<PaperReminder>().is_err(),
            "another kind"
        );
    }

    #[test]
    fn a_payload_that_is_not_an_object_is_refused() {
        #[derive(Serialize, Deserialize)]
        struct Bare(u32);
        impl JobKind for Bare {
            const KIND: &'static str = "bare";
        }
        assert!(NewJob::of(&Bare(3)).is_err());
    }
}
