//! The worker of the durable job queue: it claims due jobs from the
//! database, turns convocations and reminders into one e-mail job per
//! recipient, and sends e-mails through SMTP. A failure is retried with a
//! backoff; a restart loses nothing (jobs are rows, claims are leases).

pub mod mail;
pub mod render;

use crate::state::AppState;
use mail::Mailer;
use majlis_store::service::jobs::{Job, Task};
use std::sync::Arc;
use std::time::Duration;

/// How long a claimed job is reserved for the worker that claimed it.
const LEASE_SECONDS: i64 = 300;
/// Jobs claimed at once.
const BATCH: u64 = 20;

pub struct Worker {
    state: AppState,
    mailer: Option<Arc<Mailer>>,
}

impl Worker {
    /// A worker for this state; an unusable mail configuration is an error.
    pub fn new(state: AppState) -> Result<Self, String> {
        let mailer = match &state.config.mail {
            Some(cfg) => Some(Arc::new(Mailer::new(cfg)?)),
            None => None,
        };
        Ok(Self { state, mailer })
    }

    /// The kinds this worker runs: e-mails only with a mail server.
    fn kinds(&self) -> Vec<&'static str> {
        let mut k = vec!["invitation", "paper_reminder"];
        if self.mailer.is_some() {
            k.push("mail");
        }
        k
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
        let result = match &job.task {
            Task::Invitation { meeting_id, reason } => {
                match render::invitation(&self.state, *meeting_id, *reason).await {
                    Ok(mails) => self
                        .state
                        .store
                        .expand_job(id, &mails)
                        .await
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
            Task::PaperReminder { paper_id, reminder } => {
                match render::paper_reminder(&self.state, *paper_id, *reminder).await {
                    Ok(mails) => self
                        .state
                        .store
                        .expand_job(id, &mails)
                        .await
                        .map_err(|e| e.to_string()),
                    Err(e) => Err(e.to_string()),
                }
            }
            Task::Mail(m) => match &self.mailer {
                Some(mailer) => match mailer.message(m) {
                    Ok(msg) => match mailer.send(msg).await {
                        Ok(()) => self
                            .state
                            .store
                            .finish_job(id)
                            .await
                            .map_err(|e| e.to_string()),
                        Err(e) => Err(e),
                    },
                    Err(e) => {
                        // A message that cannot be built never will be.
                        tracing::warn!(job = %id, error = %e, "e-mail given up");
                        if let Err(e) = self.state.store.give_up_job(id, &e).await {
                            tracing::error!(job = %id, error = %e, "cannot record a job failure");
                        }
                        return;
                    }
                },
                None => Err("no mail server configured".into()),
            },
        };
        if let Err(e) = result {
            tracing::warn!(job = %id, kind = job.task.kind(), attempt = job.attempts, error = %e, "job failed");
            let base = self.state.config.jobs.backoff_base_seconds;
            if let Err(e) = self.state.store.fail_job(&job, &e, base).await {
                tracing::error!(job = %id, error = %e, "cannot record a job failure");
            }
        } else {
            tracing::info!(job = %id, kind = job.task.kind(), "job done");
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
