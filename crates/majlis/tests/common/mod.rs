//! Test harness: a real majlis router served on a loopback port, over a fresh
//! database (SQLite, and PostgreSQL when MAJLIS_TEST_PG_URL is set).

#![allow(dead_code)]

pub mod browser;
pub mod smtp;

use majlis_store::testing::{TestDb, fresh};
use majlis_store::{Backend, Store};
use serde_json::Value;

pub struct TestApp {
    pub base: String,
    /// Statements the server ran so far (see [`TestApp::statements`]).
    pub statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    pub db: TestDb,
    pub backend: Backend,
    server: tokio::task::JoinHandle<()>,
    worker: Option<tokio::task::JoinHandle<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        if let Some(w) = &self.worker {
            w.abort();
        }
    }
}

/// The configuration of a test server: plain cookies, forwarded client
/// addresses trusted, small limits; e-mail to `mail` and the job worker
/// running when asked (retries after 1 s, doubling).
pub fn web_config(mail: Option<majlis_web::MailConfig>, worker: bool) -> majlis_web::WebConfig {
    majlis_web::WebConfig {
        secure_cookies: false,
        // Tests stand for many clients by sending X-Forwarded-For.
        trust_forwarded_for: true,
        limits: majlis_web::Limits {
            max_body: 64 * 1024,
            max_upload: 256 * 1024,
        },
        public_url: "http://majlis.test".into(),
        secret_key: b"a test key of at least thirty-two characters".to_vec(),
        blocked_words: vec!["خائن".into()],
        moderation_words: vec!["رشوة".into()],
        mail,
        jobs: majlis_web::JobsConfig {
            enabled: worker,
            poll: std::time::Duration::from_millis(200),
            backoff_base_seconds: 1,
        },
    }
}

impl TestApp {
    /// A server over an empty database.
    pub async fn empty(backend: Backend) -> Self {
        Self::start(backend, false).await
    }

    /// A server over the demo organization (the seed's party and its logins).
    pub async fn demo(backend: Backend) -> Self {
        Self::start(backend, true).await
    }

    /// A server over the demo organization with the job worker running and
    /// e-mail going to `smtp_url` (retries after 1 s, doubling).
    pub async fn demo_with_mail(backend: Backend, smtp_url: &str) -> Self {
        let mail = majlis_web::MailConfig {
            smtp_url: smtp_url.into(),
            from: "الأمانة <secretariat@majlis.test>".into(),
        };
        Self::start_with(backend, true, Some(mail)).await
    }

    async fn start(backend: Backend, demo: bool) -> Self {
        Self::start_with(backend, demo, None).await
    }

    async fn start_with(
        backend: Backend,
        demo: bool,
        mail: Option<majlis_web::MailConfig>,
    ) -> Self {
        // Internal errors (and more with MAJLIS_TEST_LOG=debug) in the output.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(std::env::var("MAJLIS_TEST_LOG").unwrap_or_else(|_| "error".into()))
            .with_test_writer()
            .try_init();
        let db = fresh(backend).await;
        if demo {
            majlis::demo::load(&db.store).await.expect("demo data");
        }
        let with_worker = mail.is_some();
        let config = web_config(mail, with_worker);
        let mut store = db.store.clone();
        let statements = store.count_statements();
        let state = majlis_web::AppState::new(store, config);
        let worker = majlis_web::jobs::spawn(state.clone()).expect("worker");
        let app =
            majlis_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            statements,
            base: format!("http://{addr}"),
            db,
            backend,
            server,
            worker,
        }
    }

    /// A second majlis process on the same database (its own store, its
    /// own kept values and pages): its address.
    #[allow(dead_code)]
    pub async fn second_process(&self) -> String {
        let store = Store::connect(&self.db.url)
            .await
            .expect("a second process");
        let state = majlis_web::AppState::new(store, web_config(None, false));
        let app =
            majlis_web::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        format!("http://{addr}")
    }

    /// How many statements the server ran for one request of `client`: the
    /// fewest of three requests, so that a value kept for a second expiring
    /// or the job worker polling during one of them does not count.
    pub async fn statements_for(&self, client: &reqwest::Client, path: &str) -> u64 {
        use std::sync::atomic::Ordering;
        let mut fewest = u64::MAX;
        for _ in 0..3 {
            // Every request counted the same way: reading who it is included.
            self.db.store.forget_identities();
            let before = self.statements.load(Ordering::SeqCst);
            let r = client.get(self.url(path)).send().await.expect("request");
            assert_eq!(r.status(), 200, "{path}");
            r.bytes().await.expect("body");
            fewest = fewest.min(self.statements.load(Ordering::SeqCst) - before);
        }
        fewest
    }

    pub fn store(&self) -> &Store {
        &self.db.store
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client with its own cookie jar; no redirects followed.
    pub fn client(&self, lang: &str) -> reqwest::Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(
            reqwest::header::ACCEPT_LANGUAGE,
            lang.parse().expect("header"),
        );
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .expect("client")
    }

    /// Logs in through the API; returns the client (with the session cookie)
    /// and the CSRF token.
    pub async fn api_login(&self, login: &str) -> (reqwest::Client, String) {
        let c = self.client("ar");
        let r = c
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({"login": login, "password": majlis::demo::DEMO_PASSWORD}))
            .send()
            .await
            .expect("login request");
        assert_eq!(r.status(), 200, "login {login}");
        let body: Value = r.json().await.expect("json");
        (c, body["csrf_token"].as_str().expect("csrf").to_string())
    }

    /// Logs in through the HTML form; returns the client.
    pub async fn page_login(&self, login: &str, lang: &str) -> reqwest::Client {
        let c = self.client(lang);
        let page = c
            .get(self.url("/login"))
            .send()
            .await
            .expect("login page")
            .text()
            .await
            .expect("text");
        let csrf = hidden(&page, "_csrf");
        let r = c
            .post(self.url("/login"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("login", login),
                ("password", majlis::demo::DEMO_PASSWORD),
                ("next", "/"),
            ])
            .send()
            .await
            .expect("login post");
        assert_eq!(r.status(), 303, "page login {login}");
        c
    }

    /// The text of a page fetched by `client`.
    pub async fn text(&self, client: &reqwest::Client, path: &str) -> String {
        let r = client.get(self.url(path)).send().await.expect("request");
        r.text().await.expect("text")
    }

    /// The id of the first body whose Arabic name contains `needle`.
    pub async fn body_id(&self, needle: &str) -> uuid::Uuid {
        self.store()
            .visible_bodies(majlis_domain::Viewer::System, "", true)
            .await
            .expect("bodies")
            .into_iter()
            .find(|b| b.name_ar.contains(needle))
            .expect(needle)
            .id
    }
}

/// The value of a hidden input in a page.
pub fn hidden(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("no hidden {name}"))
        + marker.len();
    page[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Runs `f` once per backend of this test run.
pub async fn each_backend<F, Fut>(f: F)
where
    F: Fn(Backend) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for b in majlis_store::testing::backends() {
        f(b).await;
    }
}

/// A page without fluent's isolation marks around inserted values.
pub fn plain(page: String) -> String {
    page.replace(['\u{2068}', '\u{2069}'], "")
}
