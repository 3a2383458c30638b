//! The worker of the durable job queue: it claims due jobs from the
//! database, turns convocations and reminders into one e-mail job per
//! recipient, and sends e-mails through SMTP. A failure is retried with a
//! backoff; a restart loses nothing (jobs are rows, claims are leases).

pub mod campaign_reminder;
pub mod comments_held;
pub mod invitation;
pub mod mail;
pub mod registry;
pub mod reminder;
pub mod render;

use crate::state::AppState;
use mail::Mailer;
use majlis_store::service::jobs::Job;
use registry::{Outcome, Registry};
use std::sync::Arc;
use std::time::Duration;

/// How long a claimed job is reserved for the worker that claimed it.
const LEASE_SECONDS: i64 = 300;
/// Jobs claimed at once.
const BATCH: u64 = 20;

pub struct Worker {
    state: AppState,
    registry: Registry,
}

impl Worker {
    /// A worker for this state; an unusable mail configuration is an error.
    pub fn new(state: AppState) -> Result<Self, String> {
        let mailer = match &state.config.mail {
            Some(cfg) => Some(Arc::new(Mailer::new(cfg)?)),
            None => None,
        };
        Ok(Self {
            state,
            registry: Registry::standard(mailer),
        })
    }

    /// The kinds this worker runs (e-mails only with a mail server).
    fn kinds(&self) -> Vec<&'static str> {
        self.registry.kinds()
    }

    /// Runs every due job once; returns how many were run.
    pub async fn run_due(&self) -> usize {
        let mut total = 0;
        loop {
            let jobs = match self
                .state
                .store
                .claim_jobs(
                    &self.kinds(),
                    BATCH,
                    chrono::Duration::seconds(LEASE_SECONDS),
                )
                .await
            {
                Ok(j) => j,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot read the job queue");
                    return total;
                }
            };
            if jobs.is_empty() {
                return total;
            }
            total += jobs.len();
            for job in jobs {
                self.run(job).await;
            }
        }
    }

    async fn run(&self, job: Job) {
        let id = job.id;
        let store = &self.state.store;
        let Some(handler) = self.registry.get(&job.kind) else {
            // Claimed by kind, so only a registry changed under the job.
            tracing::error!(job = %id, kind = %job.kind, "no handler for this kind of job");
            return;
        };
        let recorded = match handler.run(&self.state, &job).await {
            Outcome::Done(next) => {
                tracing::info!(job = %id, kind = %job.kind, "job done");
                store.expand_job(id, &next).await
            }
            Outcome::Retry(e) => {
                tracing::warn!(job = %id, kind = %job.kind, attempt = job.attempts, error = %e, "job failed");
                let base = self.state.config.jobs.backoff_base_seconds;
                store.fail_job(&job, &e, base, handler.max_attempts()).await
            }
            Outcome::GiveUp(e) => {
                tracing::warn!(job = %id, kind = %job.kind, error = %e, "job given up");
                store.give_up_job(id, &e).await
            }
        };
        if let Err(e) = recorded {
            // The lease ends and the job is claimed again.
            tracing::error!(job = %id, error = %e, "cannot record the outcome of a job");
        }
    }

    /// Runs until the process stops: due jobs, then a sleep until the next
    /// due time, the poll interval, or a wake-up from a handler.
    pub async fn run_forever(self) {
        let poll = self.state.config.jobs.poll;
        loop {
            self.run_due().await;
            let wait = match self.state.store.next_job_at().await {
                Ok(Some(at)) => (at - majlis_store::now())
                    .to_std()
                    .unwrap_or(Duration::ZERO)
                    .min(poll),
                _ => poll,
            };
            let wait = wait.max(Duration::from_millis(50));
            tokio::select! {
                _ = self.state.jobs_wakeup.notified() => {}
                _ = tokio::time::sleep(wait) => {}
            }
        }
    }
}

/// Starts the worker in the background, if enabled.
pub fn spawn(state: AppState) -> Result<Option<tokio::task::JoinHandle<()>>, String> {
    if !state.config.jobs.enabled {
        return Ok(None);
    }
    let w = Worker::new(state)?;
    Ok(Some(tokio::spawn(w.run_forever())))
}
