//! Kinds of jobs as a trait with a registry: a new kind of job (campaign
//! reminders, comment notifications) is one file with a payload type (a
//! [`JobKind`] in the store) and a [`Runs`] implementation, registered in
//! [`Registry::standard`].

use crate::state::AppState;
use majlis_store::service::jobs::{Job, JobKind, NewJob};
use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use uuid::Uuid;

/// What running a job came to.
#[derive(Debug)]
pub enum Outcome {
    /// Done, with the jobs it leads to (one e-mail per invitee) and their
    /// subjects, queued in the same transaction that marks it done.
    Done(Vec<(NewJob, Option<Uuid>)>),
    /// Failed: tried again after a backoff, up to the kind's attempts.
    Retry(String),
    /// Failed for good: no retry can fix it (a malformed address).
    GiveUp(String),
}

/// How one kind of job runs, with its payload already read.
pub trait Runs: Send + Sync + 'static {
    type Payload: JobKind + Send;

    /// Attempts before the job is given up.
    fn max_attempts(&self) -> i32 {
        majlis_domain::jobs::MAX_ATTEMPTS
    }

    fn run(&self, state: &AppState, payload: Self::Payload)
    -> impl Future<Output = Outcome> + Send;
}

type Running<'a> = Pin<Box<dyn Future<Output = Outcome> + Send + 'a>>;

/// A kind of job as the worker sees it: its name, its attempts, its run.
pub trait Handler: Send + Sync {
    fn kind(&self) -> &'static str;
    fn max_attempts(&self) -> i32;
    fn run<'a>(&'a self, state: &'a AppState, job: &'a Job) -> Running<'a>;
}

impl<T: Runs> Handler for T {
    fn kind(&self) -> &'static str {
        T::Payload::KIND
    }

    fn max_attempts(&self) -> i32 {
        Runs::max_attempts(self)
    }

    fn run<'a>(&'a self, state: &'a AppState, job: &'a Job) -> Running<'a> {
        Box::pin(async move {
            match job.payload::<T::Payload>() {
                Ok(p) => Runs::run(self, state, p).await,
                // A payload that does not read never will.
                Err(e) => Outcome::GiveUp(format!("unreadable payload: {e}")),
            }
        })
    }
}

/// The kinds of jobs a worker runs, by name.
#[derive(Default)]
pub struct Registry(BTreeMap<&'static str, Box<dyn Handler>>);

impl Registry {
    /// Registers a kind (a second registration of a name replaces the first).
    pub fn register(&mut self, handler: impl Handler + 'static) -> &mut Self {
        self.0.insert(handler.kind(), Box::new(handler));
        self
    }

    /// The kinds of majlis: convocations and paper reminders, and e-mails
    /// when a mail server is configured.
    pub fn standard(mailer: Option<std::sync::Arc<super::mail::Mailer>>) -> Self {
        let mut r = Self::default();
        r.register(super::invitation::Invitations)
            .register(super::reminder::PaperReminders)
            .register(super::campaign_reminder::CampaignReminders)
            .register(super::comments_held::CommentNotices);
        if let Some(m) = mailer {
            r.register(super::mail::Mails(m));
        }
        r
    }

    pub fn get(&self, kind: &str) -> Option<&dyn Handler> {
        self.0.get(kind).map(|h| h.as_ref())
    }

    /// The names of the registered kinds.
    pub fn kinds(&self) -> Vec<&'static str> {
        self.0.keys().copied().collect()
    }
}
