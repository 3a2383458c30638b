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
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body: 64 * 1024,
        }
    }
}

#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (on unless serving plain HTTP on loopback for
    /// development and tests).
    pub secure_cookies: bool,
    pub limits: Limits,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            secure_cookies: true,
            limits: Limits::default(),
        }
    }
}

type FormatterKey = (String, String, bool, bool);

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub config: Arc<WebConfig>,
    formatters: Arc<Mutex<HashMap<FormatterKey, Arc<DateFormatter>>>>,
}

impl AppState {
    pub fn new(store: Store, config: WebConfig) -> Self {
        Self {
            store,
            config: Arc::new(config),
            formatters: Arc::default(),
        }
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
