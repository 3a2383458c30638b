//! Typed configuration, read once: defaults, then an optional `majlis.toml`
//! (in the working directory, or `--config`), then `MAJLIS_*` environment
//! variables, then command-line flags. Secrets never appear in logs.

use serde::Deserialize;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// A value that prints as `***`.
#[derive(Clone, Deserialize, Default)]
#[serde(transparent)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("\"***\"")
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address to serve on.
    pub bind: SocketAddr,
    /// Where the embedded SQLite database lives.
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL instead of the embedded SQLite.
    pub database_url: Option<Secret>,
    /// Mark cookies `Secure` (keep on in production behind HTTPS).
    pub cookie_secure: bool,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Log filter (tracing `EnvFilter` syntax).
    pub log: String,
    /// The address people reach majlis at (links in e-mails and feeds).
    pub public_url: Option<String>,
    /// SMTP server for convocations and reminders: `smtp://host:port`,
    /// `smtp://user:pass@host:587?tls=required`, `smtps://host`. Without one,
    /// e-mails wait in the queue (shown as pending).
    pub smtp_url: Option<Secret>,
    /// Sender of e-mails: `Name <address>`.
    pub mail_from: String,
    /// Largest uploaded document, in bytes.
    pub max_upload_bytes: usize,
    /// Longest pause of the job worker, in seconds.
    pub jobs_poll_seconds: u64,
    /// First wait after a failed job, in seconds (doubled each time).
    pub jobs_backoff_seconds: i64,
    /// Behind a reverse proxy on this machine: take the client's address
    /// (for login throttling) from the last entry of `X-Forwarded-For`.
    pub trust_forwarded_for: bool,
    /// The key of the keyed hashes kept instead of commenters' e-mail and
    /// client addresses (at least 32 characters). Every process on one
    /// database must share it; without one, a key is made once in
    /// `data_dir/secret.key`.
    pub secret_key: Option<Secret>,
    /// Words that drop a public comment silently (matched on
    /// Arabic-normalized text, whole words).
    pub blocked_words: Vec<String>,
    /// Words that flag a public comment for the moderators.
    pub moderation_words: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./majlis-data"),
            database_url: None,
            cookie_secure: true,
            max_body_bytes: 64 * 1024,
            log: "info".into(),
            public_url: None,
            smtp_url: None,
            mail_from: "majlis <majlis@localhost>".into(),
            max_upload_bytes: 10 * 1024 * 1024,
            jobs_poll_seconds: 30,
            jobs_backoff_seconds: 60,
            trust_forwarded_for: false,
            secret_key: None,
            blocked_words: Vec::new(),
            moderation_words: Vec::new(),
        }
    }
}

impl Config {
    /// Defaults, then the file (if present or named), then the environment.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut cfg = match file {
            Some(p) => Self::from_file(p)?,
            None if Path::new("majlis.toml").exists() => Self::from_file(Path::new("majlis.toml"))?,
            None => Self::default(),
        };
        cfg.apply_env(|k| std::env::var(k).ok())?;
        Ok(cfg)
    }

    fn from_file(p: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(p)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", p.display()))?;
        toml::from_str(&text).map_err(|e| anyhow::anyhow!("invalid {}: {e}", p.display()))
    }

    fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> anyhow::Result<()> {
        if let Some(v) = get("MAJLIS_BIND") {
            self.bind = v
                .parse()
                .map_err(|_| anyhow::anyhow!("MAJLIS_BIND: not an address: {v}"))?;
        }
        if let Some(v) = get("MAJLIS_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
        }
        if let Some(v) = get("MAJLIS_DATABASE_URL").filter(|v| !v.is_empty()) {
            self.database_url = Some(Secret(v));
        }
        if let Some(v) = get("MAJLIS_COOKIE_SECURE") {
            self.cookie_secure = matches!(v.as_str(), "1" | "true" | "yes" | "on");
        }
        if let Some(v) = get("MAJLIS_MAX_BODY_BYTES") {
            self.max_body_bytes = v
                .parse()
                .map_err(|_| anyhow::anyhow!("MAJLIS_MAX_BODY_BYTES: not a number"))?;
        }
        if let Some(v) = get("MAJLIS_TRUST_FORWARDED_FOR") {
            self.trust_forwarded_for = matches!(v.as_str(), "1" | "true" | "yes" | "on");
        }
        if let Some(v) = get("MAJLIS_LOG") {
            self.log = v;
        }
        if let Some(v) = get("MAJLIS_SECRET_KEY").filter(|v| !v.is_empty()) {
            self.secret_key = Some(Secret(v));
        }
        if let Some(v) = get("MAJLIS_PUBLIC_URL").filter(|v| !v.is_empty()) {
            self.public_url = Some(v);
        }
        if let Some(v) = get("MAJLIS_SMTP_URL").filter(|v| !v.is_empty()) {
            self.smtp_url = Some(Secret(v));
        }
        if let Some(v) = get("MAJLIS_MAIL_FROM").filter(|v| !v.is_empty()) {
            self.mail_from = v;
        }
        let number = |name: &str, v: String| -> anyhow::Result<u64> {
            v.parse()
                .map_err(|_| anyhow::anyhow!("{name}: not a number"))
        };
        if let Some(v) = get("MAJLIS_MAX_UPLOAD_BYTES") {
            self.max_upload_bytes = number("MAJLIS_MAX_UPLOAD_BYTES", v)? as usize;
        }
        if let Some(v) = get("MAJLIS_JOBS_POLL_SECONDS") {
            self.jobs_poll_seconds = number("MAJLIS_JOBS_POLL_SECONDS", v)?.max(1);
        }
        if let Some(v) = get("MAJLIS_JOBS_BACKOFF_SECONDS") {
            self.jobs_backoff_seconds = number("MAJLIS_JOBS_BACKOFF_SECONDS", v)?.max(1) as i64;
        }
        Ok(())
    }

    /// The database URL: PostgreSQL if configured, else SQLite in the data folder.
    pub fn database_url(&self) -> anyhow::Result<String> {
        if let Some(url) = &self.database_url {
            return Ok(url.0.clone());
        }
        std::fs::create_dir_all(&self.data_dir).map_err(|e| {
            anyhow::anyhow!("cannot create data folder {}: {e}", self.data_dir.display())
        })?;
        Ok(format!(
            "sqlite://{}?mode=rwc",
            self.data_dir.join("majlis.sqlite").display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_and_hidden_secrets() {
        let mut c: Config =
            toml::from_str("bind = \"0.0.0.0:9000\"\ncookie_secure = false").unwrap();
        assert_eq!(c.bind.port(), 9000);
        assert!(!c.cookie_secure);
        c.apply_env(|k| match k {
            "MAJLIS_DATABASE_URL" => Some("postgres://u:hunter2@db/majlis".into()),
            "MAJLIS_BIND" => Some("127.0.0.1:7000".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(c.bind.port(), 7000);
        assert!(!format!("{c:?}").contains("hunter2"));
        c.apply_env(|k| match k {
            "MAJLIS_SMTP_URL" => Some("smtp://u:sesame@mail:25".into()),
            "MAJLIS_JOBS_BACKOFF_SECONDS" => Some("2".into()),
            _ => None,
        })
        .unwrap();
        assert!(!format!("{c:?}").contains("sesame"));
        assert_eq!(c.jobs_backoff_seconds, 2);
        assert!(
            c.apply_env(|k| (k == "MAJLIS_JOBS_POLL_SECONDS").then(|| "soon".into()))
                .is_err()
        );
        assert_eq!(c.database_url().unwrap(), "postgres://u:hunter2@db/majlis");
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Config>("bnid = \"x\"").is_err());
    }
}
