//! Shared application state.

use majlis_store::Store;
use majlis_text::DateFormatter;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Limits on what a request may carry.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest request body accepted (bytes); larger gets 413.
    pub max_body: usize,
    /// Largest uploaded document (bytes).
    pub max_upload: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body: 64 * 1024,
            max_upload: majlis_domain::upload::MAX_UPLOAD_BYTES,
        }
    }
}

/// Outgoing e-mail: the SMTP server and the sender.
#[derive(Debug, Clone)]
pub struct MailConfig {
    /// `smtp://host:port` (plain, for a local relay), `smtp://…?tls=required`
    /// (STARTTLS) or `smtps://…`, with `user:password@` when needed.
    pub smtp_url: String,
    /// `Name <address>` or an address.
    pub from: String,
}

/// The background worker of the durable job queue.
#[derive(Debug, Clone)]
pub struct JobsConfig {
    /// Run the worker in this process.
    pub enabled: bool,
    /// Longest sleep between two looks at the queue.
    pub poll: std::time::Duration,
    /// First wait after a failure (doubled each time).
    pub backoff_base_seconds: i64,
}

impl Default for JobsConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            poll: std::time::Duration::from_secs(30),
            backoff_base_seconds: 60,
        }
    }
}

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (on unless serving plain HTTP on loopback for
    /// development and tests).
    pub secure_cookies: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (a
    /// reverse proxy on this machine); else from the connection.
    pub trust_forwarded_for: bool,
    pub limits: Limits,
    /// The address people reach majlis at, for links in e-mails and feeds.
    pub public_url: String,
    /// `None`: e-mails stay queued (shown as pending) until a server is set.
    pub mail: Option<MailConfig>,
    pub jobs: JobsConfig,
    /// The key of the keyed hashes kept instead of commenters' e-mail and
    /// client addresses, and of the comment form's tokens: from the
    /// configuration, never stored in the database.
    pub secret_key: Vec<u8>,
    /// Comments holding one of these words are dropped silently.
    pub blocked_words: Vec<String>,
    /// Comments holding one of these words are flagged for moderators.
    pub moderation_words: Vec<String>,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: true,
            trust_forwarded_for: false,
            limits: Limits::default(),
            public_url: "http://127.0.0.1:8080".into(),
            mail: None,
            jobs: JobsConfig::default(),
            secret_key: uuid::Uuid::new_v4().as_bytes().to_vec(),
            blocked_words: Vec::new(),
            moderation_words: Vec::new(),
        }
    }
}

type FormatterKey = (String, String, bool, bool);

/// What every handler shares; cloned once a request (and by each layer),
/// hence one reference count rather than one per field.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

pub struct Shared {
    pub store: Store,
    pub config: Arc<WebConfig>,
    formatters: Arc<Mutex<HashMap<FormatterKey, Arc<DateFormatter>>>>,
    /// Wakes the job worker when something was queued.
    pub jobs_wakeup: Arc<tokio::sync::Notify>,
    /// Public pages kept between requests.
    pub public_pages: Arc<crate::public::cache::PageCache>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self(Arc::new(Shared {
            store,
            config: Arc::new(config),
            formatters: Arc::default(),
            jobs_wakeup: Arc::default(),
            public_pages: Arc::default(),
        }))
    }

    /// Tells the worker to look at the queue now.
    pub fn wake_jobs(&self) {
        self.jobs_wakeup.notify_one();
    }

    /// A date formatter for a language and the organization's settings, built
    /// once and shared.
    pub fn dates(&self, lang: &str, settings: &majlis_domain::OrgSettings) -> Arc<DateFormatter> {
        let key = (
            lang.to_string(),
            settings.date_locale.clone(),
            settings.digits == majlis_domain::Digits::ArabicIndic,
            settings.show_hijri,
        );
        let mut map = self.formatters.lock().unwrap_or_else(|p| p.into_inner());
        map.entry(key.clone())
            .or_insert_with(|| Arc::new(DateFormatter::new(&key.0, &key.1, key.2, key.3)))
            .clone()
    }
}
