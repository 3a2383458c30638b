//! The public site as its visitors meet it, on SQLite and PostgreSQL:
//! - in real headless Chromium, a visitor on a phone writes an Arabic comment
//!   (with a script and a bidi override in it) under the seed communiqué; the
//!   secretary approves it on the moderation page; it appears, neutralized,
//!   and its e-mail address is on no public page, feed or API answer, nor in
//!   the database in clear;
//! - a communiqué scheduled a few seconds ahead stays out of every public
//!   page, feed and API answer, then is in all of them the moment its time
//!   comes — on two processes whose pages were kept before it.
//!
//! The browser part is skipped when chromedriver is missing, unless
//! MAJLIS_TEST_REQUIRE_BROWSER=1.

mod common;

use common::browser::{browser, click_and_wait, fill, login, shot, start_driver, text};
use common::{TestApp, each_backend};
use fantoccini::Locator;
use serde_json::{Value, json};
use std::time::Duration;

const EMAIL: &str = "visitor.fz@example.ma";

async fn get(url: String) -> (u16, String) {
    let r = reqwest::get(url).await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn a_visitor_comments_on_a_phone_and_a_moderator_approves() {
    let Some(driver) = start_driver().await else {
        return;
    };
    each_backend(|b| {
        let driver = &driver;
        async move {
            let app = TestApp::demo(b).await;
            let visitor = browser(driver, "ar").await;
            visitor.set_window_size(390, 844).await.unwrap();
            visitor.goto(&app.url("/p")).await.unwrap();
            shot(&visitor, &format!("public-home-phone-{b:?}")).await;
            let first = visitor
                .find(Locator::Css("ol.public-list li[lang=ar] h2 a"))
                .await
                .unwrap();
            let href = first.attr("href").await.unwrap().unwrap();
            visitor.goto(&app.url(&href)).await.unwrap();
            let dir = visitor
                .execute("return document.documentElement.dir", vec![])
                .await
                .unwrap();
            assert_eq!(dir, json!("rtl"));
            assert!(text(&visitor).await.contains("لن يتم نشر عنوان بريدك الإلكتروني"));
            // The form's token comes from the script, the page being the
            // same for everyone.
            let mut token = String::new();
            for _ in 0..100 {
                let t = visitor
                    .find(Locator::Css("form.comment-form input[name=t]"))
                    .await
                    .unwrap()
                    .prop("value")
                    .await
                    .unwrap()
                    .unwrap_or_default();
                if !t.is_empty() {
                    token = t;
                    break;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            assert!(!token.is_empty(), "the form got its token");
            fill(&visitor, "#c-name", "فاطمة الزهراء").await;
            fill(&visitor, "#c-email", EMAIL).await;
            let said = "نثمن قرار تنظيم الملتقيات الموضوعاتية في الجهات <script>alert(1)</script> \u{202E}txet";
            fill(&visitor, "#c-text", said).await;
            shot(&visitor, &format!("public-comment-form-phone-{b:?}")).await;
            // At least 4 s on the form, as a person would.
            tokio::time::sleep(Duration::from_millis(4200)).await;
            click_and_wait(&visitor, "form.comment-form button[type=submit]").await;
            let url = visitor.current_url().await.unwrap();
            assert!(url.as_str().contains("sent=1"), "{url}");
            shot(&visitor, &format!("public-comment-sent-phone-{b:?}")).await;
            visitor.goto(&app.url(&href)).await.unwrap();
            assert!(
                !text(&visitor).await.contains("نثمن قرار تنظيم"),
                "held until approved"
            );

            // The secretary approves it on the moderation page.
            let moderator = browser(driver, "ar").await;
            moderator.set_window_size(1366, 900).await.unwrap();
            login(&moderator, &app, "secretary").await;
            moderator.goto(&app.url("/comments")).await.unwrap();
            let held = text(&moderator).await;
            assert!(held.contains("فاطمة الزهراء") && held.contains("نثمن قرار تنظيم"));
            assert!(!held.contains(EMAIL), "not even moderators see the address");
            shot(&moderator, &format!("moderation-desktop-{b:?}")).await;
            let boxes = moderator
                .find_all(Locator::Css("form input[name=ids]"))
                .await
                .unwrap();
            let mut ticked = 0;
            for bx in boxes {
                let card = bx
                    .find(Locator::XPath("ancestor::li[1]"))
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap();
                if card.contains("نثمن قرار تنظيم") {
                    bx.click().await.unwrap();
                    ticked += 1;
                }
            }
            assert_eq!(ticked, 1);
            click_and_wait(&moderator, "button[name=decision][value=approve]").await;
            assert!(!text(&moderator).await.contains("نثمن قرار تنظيم"));

            // On the visitor's phone: the last page of comments has it.
            visitor.goto(&app.url(&href)).await.unwrap();
            while let Ok(next) = visitor.find(Locator::Css("nav.pager a[rel=next]")).await {
                let to = next.attr("href").await.unwrap().unwrap();
                visitor.goto(&app.url(&to)).await.unwrap();
            }
            let mine = visitor
                .find(Locator::XPath(
                    "//ol[@class='comments']/li[contains(., 'نثمن قرار تنظيم')]",
                ))
                .await
                .expect("the approved comment on the page");
            visitor
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'})",
                    vec![serde_json::to_value(&mine).unwrap()],
                )
                .await
                .unwrap();
            let shown = mine.text().await.unwrap();
            assert!(shown.contains("فاطمة الزهراء"));
            assert!(shown.contains("<script>alert(1)</script>"), "shown as text");
            assert!(!shown.contains('\u{202E}'), "the override neutralized");
            let scripts = visitor
                .execute("return document.querySelectorAll('ol.comments script').length", vec![])
                .await
                .unwrap();
            assert_eq!(scripts, json!(0));
            shot(&visitor, &format!("public-comment-approved-phone-{b:?}")).await;

            // The address: on no public page, feed or API answer.
            let mut public = vec![
                "/p".to_string(),
                "/feed.atom".into(),
                "/feed.json".into(),
                "/sitemap.xml".into(),
                "/api/v1/public/communiques".into(),
            ];
            let slug = href.trim_start_matches("/p/").to_string();
            for page in 1..=5 {
                public.push(format!("{href}?page={page}"));
                public.push(format!(
                    "/api/v1/public/communiques/{slug}/comments?page={page}"
                ));
            }
            let mut seen_it = false;
            for path in public {
                let (status, body) = get(app.url(&path)).await;
                assert_eq!(status, 200, "{path}");
                assert!(!body.contains(EMAIL) && !body.contains("visitor.fz"), "{path}");
                seen_it |= body.contains("نثمن قرار تنظيم");
            }
            assert!(seen_it, "the comment is public");
            // Nor in the database in clear.
            let mut dump = Vec::new();
            app.store().backup(&mut dump).await.unwrap();
            assert!(!String::from_utf8_lossy(&dump).contains(EMAIL));
            assert!(String::from_utf8_lossy(&dump).contains("نثمن قرار تنظيم"));
            if let Some(file) = app.db.url.strip_prefix("sqlite://") {
                let file = file.split('?').next().unwrap();
                let needle = EMAIL.as_bytes();
                for f in [file.to_string(), format!("{file}-wal")] {
                    let bytes = std::fs::read(&f).unwrap_or_default();
                    assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{f}");
                }
            }
            visitor.close().await.unwrap();
            moderator.close().await.unwrap();
        }
    })
    .await;
}

/// Everything the public reads about one communiqué, on one process.
async fn public_view(base: &str, slug: &str, title: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for path in [
        "/p",
        "/feed.atom",
        "/feed.json",
        "/sitemap.xml",
        "/api/v1/public/communiques",
    ] {
        let (status, body) = get(format!("{base}{path}")).await;
        assert_eq!(status, 200, "{path}");
        let encoded: String = url_path(slug);
        out.push((
            path.to_string(),
            body.contains(title) || body.contains(slug) || body.contains(&encoded),
        ));
    }
    let (status, _) = get(format!("{base}/p/{slug}")).await;
    out.push(("/p/{slug}".into(), status == 200));
    let (status, _) = get(format!("{base}/api/v1/public/communiques/{slug}")).await;
    out.push(("/api/v1/public/communiques/{slug}".into(), status == 200));
    out
}

fn url_path(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn a_scheduled_communique_goes_public_at_its_time_on_every_process() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let second = app.second_process().await;
        let (secretary, csrf) = app.api_login("secretary").await;
        let body = app.body_id("المكتب السياسي").await;
        let title = "بلاغ مبرمج للنشر";
        let r = secretary
            .post(app.url("/api/v1/communiques"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"body_id": body, "title": title, "body": "نص البلاغ المبرمج"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let c: Value = r.json().await.unwrap();
        let (id, slug) = (
            c["id"].as_str().unwrap(),
            c["slug"].as_str().unwrap().to_string(),
        );
        for step in ["submit", "approve"] {
            let r = secretary
                .post(app.url(&format!("/api/v1/communiques/{id}/{step}")))
                .header("x-csrf-token", &csrf)
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{step}");
        }
        let at = chrono::Utc::now() + chrono::Duration::seconds(3);
        let r = secretary
            .post(app.url(&format!("/api/v1/communiques/{id}/schedule")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"publish_at": at}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        // Before its time: nowhere, and the pages are kept meanwhile.
        for base in [app.url(""), second.clone()] {
            for (path, there) in public_view(&base, &slug, title).await {
                assert!(!there, "{path} before the time");
            }
        }
        let (status, _) = get(app.url(&format!("/p/{slug}/token"))).await;
        assert_eq!(status, 404, "no comments before it is public");
        // Its time comes; the kept pages give way on both processes.
        let wait = at - chrono::Utc::now() + chrono::Duration::milliseconds(50);
        tokio::time::sleep(wait.to_std().unwrap_or_default()).await;
        for base in [second.clone(), app.url("")] {
            for (path, there) in public_view(&base, &slug, title).await {
                assert!(there, "{path} once its time came");
            }
        }
        let (status, page) = get(app.url(&format!("/p/{slug}"))).await;
        assert_eq!(status, 200);
        assert!(page.contains("نص البلاغ المبرمج") && page.contains("comment-form"));
    })
    .await;
}
