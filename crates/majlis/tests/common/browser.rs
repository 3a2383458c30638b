//! Helpers of the browser suites: a chromedriver for the run, a headless
//! Chromium session per language, screenshots (each checked for sideways
//! scrolling and missing messages), form filling and page waits.

use super::TestApp;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Driver {
    child: Child,
    port: u16,
    _profile: tempfile::TempDir,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn chromedriver() -> Option<PathBuf> {
    ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

pub async fn start_driver() -> Option<Driver> {
    let Some(bin) = chromedriver() else {
        assert!(
            std::env::var("MAJLIS_TEST_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "chromedriver is required but missing"
        );
        eprintln!("chromedriver not found: browser test skipped");
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let child = Command::new(bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Some(Driver {
        child,
        port,
        _profile: tempfile::tempdir().ok()?,
    })
}

pub async fn browser(driver: &Driver, lang: &str) -> Client {
    // Each session its own profile: two open at once (a visitor and a
    // moderator) cannot share one.
    static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = driver._profile.path().join(format!("{lang}-{n}"));
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=412,915",
                format!("--lang={lang}"),
                format!("--user-data-dir={}", profile.display()),
            ],
            "prefs": {"intl.accept_languages": lang}
        }),
    );
    // Plain HTTP to the local chromedriver: no TLS stack needed.
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("webdriver session")
}

pub fn shots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// Keeps a screenshot of the page, after checking that nothing on it
/// scrolls sideways (the phone-sized window included).
pub async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("screenshot");
    std::fs::write(shots().join(format!("{name}.png")), png).expect("write screenshot");
    let overflow = c
        .execute(
            "const d = document.documentElement; return [d.scrollWidth, d.clientWidth]",
            vec![],
        )
        .await
        .expect("widths");
    let (scroll, client) = (overflow[0].as_i64().unwrap(), overflow[1].as_i64().unwrap());
    assert!(
        scroll <= client,
        "{name}: the page scrolls sideways ({scroll} > {client})"
    );
    accessible(c, name).await;
}

/// axe-core (Deque, MPL-2.0, vendored under `tests/assets/axe-core`), run
/// in the page: no serious or critical violation (contrast, labels, names,
/// landmarks, `lang`…).
pub async fn accessible(c: &Client, name: &str) {
    const AXE: &str = include_str!("../assets/axe-core/axe.min.js");
    let loaded = c
        .execute("return typeof window.axe !== 'undefined'", vec![])
        .await
        .expect("axe probe");
    if loaded != json!(true) {
        c.execute(AXE, vec![]).await.expect("load axe-core");
    }
    let found = c
        .execute(
            "return axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
                     v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' ')).join(' | ')))",
            vec![],
        )
        .await
        .expect("axe run");
    let found: Vec<String> = serde_json::from_value(found).expect("axe answer");
    assert!(
        found.is_empty(),
        "{name}: accessibility violations:\n{}",
        found.join("\n")
    );
}

pub async fn fill(c: &Client, css: &str, text: &str) {
    let e = c
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css}"));
    e.clear().await.ok();
    e.send_keys(text).await.expect("type");
}

pub async fn submit(c: &Client, form_css: &str) {
    click_and_wait(c, &format!("{form_css} button[type=submit]")).await;
}

/// Clicks a button and waits for the page it leads to.
pub async fn click_and_wait(c: &Client, button_css: &str) {
    let old = c.find(Locator::Css("html")).await.expect("page");
    let button = c
        .find(Locator::Css(button_css))
        .await
        .unwrap_or_else(|_| panic!("no {button_css}"));
    // In the middle of the window, as a person would scroll to it: not
    // under the meeting page's sticky tabs.
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&button).expect("element")],
    )
    .await
    .expect("scroll");
    button.click().await.expect("click");
    // Wait for the next page: the old document's root goes stale.
    for _ in 0..200 {
        if old.tag_name().await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    c.wait()
        .for_element(Locator::Css("main h1"))
        .await
        .expect("page after submit");
}

/// Clicks a button of an inline form (data-inline): the page stays, only
/// the form's section is replaced. Waits for the replacement and checks
/// that the document was not reloaded.
pub async fn click_inline(c: &Client, button_css: &str) {
    c.execute("window.__same_document = true", vec![])
        .await
        .expect("marker");
    let button = c
        .find(Locator::Css(button_css))
        .await
        .unwrap_or_else(|_| panic!("no {button_css}"));
    let section = c
        .execute(
            "return arguments[0].closest('section[id]')",
            vec![serde_json::to_value(&button).expect("element")],
        )
        .await
        .expect("section");
    let section = c
        .find(Locator::Css(&format!(
            "section#{}",
            c.execute("return arguments[0].id", vec![section])
                .await
                .expect("id")
                .as_str()
                .expect("a section with an id")
        )))
        .await
        .expect("section element");
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&button).expect("element")],
    )
    .await
    .expect("scroll");
    button.click().await.expect("click");
    for _ in 0..200 {
        if section.tag_name().await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(
        section.tag_name().await.is_err(),
        "the section was not replaced"
    );
    let same = c
        .execute("return window.__same_document === true", vec![])
        .await
        .expect("marker");
    assert_eq!(same, serde_json::json!(true), "the page was reloaded");
}

pub async fn text(c: &Client) -> String {
    for _ in 0..20 {
        if let Ok(main) = c.find(Locator::Css("main")).await
            && let Ok(t) = main.text().await
        {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no readable main element");
}

pub async fn js(c: &Client, script: &str) {
    c.execute(script, vec![]).await.expect("script");
}

/// Opens the login page and switches the language with the header's button.
pub async fn switch_lang(c: &Client, app: &TestApp, lang: &str) {
    c.goto(&app.url("/login")).await.expect("goto");
    click_and_wait(c, &format!("form.langs button[value='{lang}']")).await;
    c.wait()
        .for_element(Locator::Css(&format!("html[lang='{lang}']")))
        .await
        .expect("switched");
}

pub async fn login(c: &Client, app: &TestApp, who: &str) {
    switch_lang(c, app, "ar").await;
    if c.current_url().await.unwrap().path() != "/login" {
        // Still logged in as someone else: log out first.
        js(c, "document.querySelector('form.logout').submit()").await;
        c.wait().for_element(Locator::Css("main h1")).await.unwrap();
        c.goto(&app.url("/login")).await.unwrap();
    }
    fill(c, "#f-login", who).await;
    fill(c, "#f-password", majlis::demo::DEMO_PASSWORD).await;
    // A hostile `next` (a tab makes `/\t/host` read as `//host`): the login
    // still lands on majlis's home page.
    js(
        c,
        "document.querySelector(\"form[action='/login'] input[name=next]\").value = '/\\t/evil.example/'",
    )
    .await;
    submit(c, "form[action='/login']").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(
        (url.host_str(), url.path()),
        (Some("127.0.0.1"), "/"),
        "stays on majlis"
    );
}

/// Opens the seed meeting (19 December 2016) from the Political Bureau's page.
pub async fn open_seed_meeting(c: &Client, app: &TestApp) {
    let bureau = app.body_id("المكتب السياسي").await;
    c.goto(&app.url(&format!("/bodies/{bureau}")))
        .await
        .unwrap();
    let href = c
        .find_all(Locator::Css("#meetings a[href^='/meetings/']"))
        .await
        .unwrap()
        .last()
        .expect("the seed meeting")
        .attr("href")
        .await
        .unwrap()
        .expect("href");
    c.goto(&app.url(&href)).await.unwrap();
}
