//! The `majlis` binary: serve, demo, init, migrate, user, seed, backup, restore.

use anyhow::Context;
use clap::{Parser, Subcommand};
use majlis::config::{self, Config};
use majlis::{demo, seed};
use majlis_store::{NewAccount, Store};
use std::io::{BufReader, BufWriter};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "majlis",
    version,
    about = "Governance platform for member-based organizations"
)]
struct Cli {
    /// Configuration file (default: ./majlis.toml if present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Data folder for the embedded SQLite database.
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// PostgreSQL URL (postgres://…) instead of the embedded SQLite.
    #[arg(
        long,
        global = true,
        env = "MAJLIS_DATABASE_URL",
        hide_env_values = true
    )]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app and the API.
    Serve {
        #[arg(long)]
        bind: Option<SocketAddr>,
    },
    /// Like serve, loading the seed's organization and demo logins on first run.
    Demo {
        #[arg(long)]
        bind: Option<SocketAddr>,
    },
    /// Create the database, migrate it and create the first admin.
    Init {
        #[arg(long, default_value = "admin")]
        username: String,
        #[arg(long)]
        email: Option<String>,
        /// Read the password from this file instead of a prompt.
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Apply pending migrations.
    Migrate,
    /// Manage accounts.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
    /// Fill the database with N× synthetic data (≈ N·100 bodies, N·10,000 people).
    Seed {
        #[arg(long)]
        scale: u32,
    },
    /// Load the data of the meetings benchmarks (see scripts/bench.sh);
    /// prints the ids it made as JSON.
    BenchData {
        /// File holding the password of the bench-admin and bench-member logins.
        #[arg(long)]
        password_file: PathBuf,
    },
    /// Load the data of the campaign benchmarks (see
    /// scripts/bench-campaigns.sh); prints the ids it made as JSON.
    BenchCampaigns {
        /// File holding the password of the bench-admin login.
        #[arg(long)]
        password_file: PathBuf,
    },
    /// Rebuild the people search index.
    Reindex,
    /// Write a consistent backup (safe while majlis serves).
    Backup { file: PathBuf },
    /// Restore a backup into an empty database.
    Restore {
        file: PathBuf,
        /// Replace the data of a non-empty database.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Subcommand)]
enum UserAction {
    /// Add an account.
    Add {
        username: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        admin: bool,
        /// Link the account to the person with this member number.
        #[arg(long)]
        member_number: Option<String>,
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Set a new password (closes the account's sessions).
    ResetPassword {
        username: String,
        #[arg(long)]
        password_file: Option<PathBuf>,
    },
    /// Disable an account (closes its sessions).
    Disable { username: String },
}

fn read_password(file: Option<&PathBuf>) -> anyhow::Result<String> {
    match file {
        Some(f) => {
            let text = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read {}", f.display()))?;
            Ok(text.trim_end_matches(['\n', '\r']).to_string())
        }
        None => {
            let p = rpassword::prompt_password("Password: ")?;
            let again = rpassword::prompt_password("Again: ")?;
            anyhow::ensure!(p == again, "the passwords differ");
            Ok(p)
        }
    }
}

async fn open(cfg: &Config) -> anyhow::Result<Store> {
    let url = cfg.database_url()?;
    let store = Store::connect(&url)
        .await
        .context("cannot open the database")?;
    store
        .migrate()
        .await
        .context("cannot migrate the database")?;
    Ok(store)
}

/// The configured secret key, or the one kept in `data_dir/secret.key`
/// (made on first start, readable by its owner only).
fn secret_key(cfg: &Config) -> anyhow::Result<Vec<u8>> {
    if let Some(k) = &cfg.secret_key {
        anyhow::ensure!(k.0.len() >= 32, "secret_key: at least 32 characters");
        return Ok(k.0.as_bytes().to_vec());
    }
    let path = cfg.data_dir.join("secret.key");
    if let Ok(k) = std::fs::read_to_string(&path)
        && k.trim().len() >= 32
    {
        return Ok(k.trim().as_bytes().to_vec());
    }
    std::fs::create_dir_all(&cfg.data_dir)?;
    let key = format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    );
    std::fs::write(&path, &key)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(key.into_bytes())
}

fn web_config(cfg: &Config) -> majlis_web::WebConfig {
    majlis_web::WebConfig {
        blocked_words: cfg.blocked_words.clone(),
        moderation_words: cfg.moderation_words.clone(),
        secret_key: secret_key(cfg).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "no secret key kept: one for this run only");
            uuid::Uuid::new_v4().as_bytes().to_vec()
        }),
        secure_cookies: cfg.cookie_secure,
        trust_forwarded_for: cfg.trust_forwarded_for,
        limits: majlis_web::Limits {
            max_body: cfg.max_body_bytes,
            max_upload: cfg.max_upload_bytes,
        },
        public_url: cfg
            .public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", cfg.bind)),
        mail: cfg.smtp_url.as_ref().map(|u| majlis_web::MailConfig {
            smtp_url: u.0.clone(),
            from: cfg.mail_from.clone(),
        }),
        jobs: majlis_web::JobsConfig {
            enabled: true,
            poll: std::time::Duration::from_secs(cfg.jobs_poll_seconds),
            backoff_base_seconds: cfg.jobs_backoff_seconds,
        },
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down: finishing in-flight requests");
}

async fn serve(cfg: &Config, store: Store) -> anyhow::Result<()> {
    let state = majlis_web::AppState::new(store.clone(), web_config(cfg));
    let worker = majlis_web::jobs::spawn(state.clone()).map_err(|e| anyhow::anyhow!(e))?;
    if state.config.mail.is_none() {
        tracing::info!("no SMTP server configured: e-mails stay queued");
    }
    let app = majlis_web::router(state);
    let listener = tokio::net::TcpListener::bind(cfg.bind)
        .await
        .with_context(|| format!("cannot listen on {}", cfg.bind))?;
    tracing::info!(address = %cfg.bind, "majlis is serving");
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    if let Some(w) = worker {
        // Jobs are rows: one cut short is claimed again after its lease.
        w.abort();
    }
    store.close().await?;
    tracing::info!("database closed");
    Ok(())
}

/// mimalloc gives freed memory back to the system (glibc's malloc kept the
/// argon2 blocks of a login crowd: RSS stayed above 1 GB when idle).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's options, set before the first allocation (from the program's
/// constructors, which run before Rust's start-up allocates): memory freed is
/// given back to the system at once, and arena memory is committed as it is
/// used, so that what the demo's seeding and a login crowd freed leaves the
/// resident set. The numbers are mimalloc v3's `mi_option_e` (libmimalloc-sys
/// 0.1.49, pinned by Cargo.lock); `scripts/bench-load.sh` measures the effect.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
mod allocator_options {
    const ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

    extern "C" fn set() {
        // SAFETY: plain setters of mimalloc's global options, run once by the
        // loader before any thread but the main one exists.
        unsafe {
            libmimalloc_sys::mi_option_set(ARENA_EAGER_COMMIT, 0);
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        }
    }

    // SAFETY: a function pointer in the ELF constructor table, called once by
    // the loader; `set` touches nothing but mimalloc's options.
    #[used]
    #[unsafe(link_section = ".init_array")]
    static SET: extern "C" fn() = set;
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut cfg = Config::load(cli.config.as_deref())?;
    if let Some(d) = cli.data_dir {
        cfg.data_dir = d;
    }
    if let Some(u) = cli.database_url.filter(|u| !u.is_empty()) {
        cfg.database_url = Some(config::Secret(u));
    }
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_new(&cfg.log).unwrap_or_else(|_| "info".into()),
        )
        .init();
    tracing::debug!(config = ?cfg, "configuration");
    match cli.command {
        Command::Serve { bind } => {
            if let Some(b) = bind {
                cfg.bind = b;
            }
            let store = open(&cfg).await?;
            serve(&cfg, store).await
        }
        Command::Demo { bind } => {
            if let Some(b) = bind {
                cfg.bind = b;
            }
            // The demo runs on plain HTTP on this machine.
            if cfg.bind.ip().is_loopback() {
                cfg.cookie_secure = false;
            }
            let store = open(&cfg).await?;
            if store.is_empty().await? {
                println!("Loading the demo organization…");
                demo::load(&store).await?;
            }
            println!("\nmajlis demo: http://{}/", cfg.bind);
            println!("Logins (password: {}):", demo::DEMO_PASSWORD);
            for (login, what) in demo::LOGINS {
                println!("  {login:<8} {what}");
            }
            println!();
            serve(&cfg, store).await
        }
        Command::Init {
            username,
            email,
            password_file,
        } => {
            let store = open(&cfg).await?;
            let password = read_password(password_file.as_ref())?;
            store
                .create_account(
                    None,
                    NewAccount {
                        username,
                        email,
                        password,
                        person_id: None,
                        is_admin: true,
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("cannot create the admin: {e:?}"))?;
            println!("database ready; admin account created");
            Ok(())
        }
        Command::Migrate => {
            let store = open(&cfg).await?;
            println!(
                "migrations applied: {}",
                store.applied_migrations().await?.join(", ")
            );
            Ok(())
        }
        Command::User { action } => user(&cfg, action).await,
        Command::Seed { scale } => {
            let store = open(&cfg).await?;
            seed::run(&store, scale).await
        }
        Command::BenchData { password_file } => {
            let store = open(&cfg).await?;
            let password = read_password(Some(&password_file))?;
            let ids = majlis::bench_data::load(&store, &password).await?;
            println!("{ids}");
            Ok(())
        }
        Command::BenchCampaigns { password_file } => {
            let store = open(&cfg).await?;
            let password = read_password(Some(&password_file))?;
            let ids = majlis::bench_campaigns::load(&store, &password).await?;
            println!("{ids}");
            Ok(())
        }
        Command::Reindex => {
            let store = open(&cfg).await?;
            println!("{} people indexed", store.reindex().await?);
            Ok(())
        }
        Command::Backup { file } => {
            let store = open(&cfg).await?;
            let tmp = file.with_extension("partial");
            let mut out = BufWriter::new(
                std::fs::File::create(&tmp)
                    .with_context(|| format!("cannot create {}", tmp.display()))?,
            );
            let counts = store
                .backup(&mut out)
                .await
                .map_err(|e| anyhow::anyhow!("backup failed: {e}"))?;
            out.into_inner()
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .sync_all()?;
            std::fs::rename(&tmp, &file)?;
            for (t, n) in counts.0 {
                println!("{t:<14} {n}");
            }
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Restore { file, force } => {
            let url = cfg.database_url()?;
            let store = Store::connect(&url).await?;
            let mut input = BufReader::new(
                std::fs::File::open(&file)
                    .with_context(|| format!("cannot open {}", file.display()))?,
            );
            let counts = store
                .restore(&mut input, force)
                .await
                .map_err(|e| anyhow::anyhow!("restore refused: {e}"))?;
            for (t, n) in counts.0 {
                println!("{t:<14} {n}");
            }
            println!("restored from {}", file.display());
            Ok(())
        }
    }
}

async fn user(cfg: &Config, action: UserAction) -> anyhow::Result<()> {
    let store = open(cfg).await?;
    match action {
        UserAction::Add {
            username,
            email,
            admin,
            member_number,
            password_file,
        } => {
            let person_id = match member_number {
                None => None,
                Some(n) => {
                    let q = majlis_store::PeopleQuery {
                        q: n.clone(),
                        page: 1,
                        per_page: 10,
                        include_archived: false,
                    };
                    let page = store.directory(majlis_domain::Viewer::System, &q).await?;
                    Some(
                        page.items
                            .into_iter()
                            .find(|p| p.member_number.as_deref() == Some(&n))
                            .context("no person with that member number")?
                            .id,
                    )
                }
            };
            let password = read_password(password_file.as_ref())?;
            let a = store
                .create_account(
                    None,
                    NewAccount {
                        username,
                        email,
                        password,
                        person_id,
                        is_admin: admin,
                    },
                )
                .await
                .map_err(|e| anyhow::anyhow!("cannot add the account: {e:?}"))?;
            println!("account {} added", a.username);
        }
        UserAction::ResetPassword {
            username,
            password_file,
        } => {
            let a = store
                .account_by_username(&username)
                .await
                .map_err(|_| anyhow::anyhow!("no account {username}"))?;
            let password = read_password(password_file.as_ref())?;
            store
                .reset_password(None, a.id, &password)
                .await
                .map_err(|e| anyhow::anyhow!("cannot reset: {e:?}"))?;
            println!("password of {} reset", a.username);
        }
        UserAction::Disable { username } => {
            let a = store
                .account_by_username(&username)
                .await
                .map_err(|_| anyhow::anyhow!("no account {username}"))?;
            store.set_disabled(None, a.id, true).await?;
            println!("account {} disabled", a.username);
        }
    }
    Ok(())
}
