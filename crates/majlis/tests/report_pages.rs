//! A report's whole cycle on pages, in real headless Chromium: Agadir's
//! secretary fills the report on a phone (Arabic digits, an answer
//! forgotten, the error summary in view), submits it; the Political Bureau
//! returns it with a note on one answer; the secretary sees the note,
//! corrects and resubmits; the board shows it on time. The demo's campaign
//! (30 provinces) is checked on its board page. Every screenshot also
//! checks that nothing scrolls sideways and runs axe-core
//! (`target/screenshots/`).
//!
//! Skipped when chromedriver is missing, unless MAJLIS_TEST_REQUIRE_BROWSER=1.

mod common;

use common::TestApp;
use common::browser::{browser, click_and_wait, fill, login, shot, start_driver, text};
use fantoccini::{Client, Locator};
use majlis_store::Backend;
use serde_json::{Value, json};
use std::time::Duration;

/// Clicks a button that asks for confirmation, accepts, waits for the page.
async fn confirm_and_wait(c: &Client, css: &str) {
    let old = c.find(Locator::Css("html")).await.unwrap();
    let b = c.find(Locator::Css(css)).await.unwrap();
    c.execute(
        "arguments[0].scrollIntoView({block: 'center'})",
        vec![serde_json::to_value(&b).unwrap()],
    )
    .await
    .unwrap();
    b.click().await.unwrap();
    c.accept_alert().await.expect("a confirmation");
    for _ in 0..200 {
        if old.tag_name().await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    c.wait().for_element(Locator::Css("main h1")).await.unwrap();
}

async fn board_status(app: &TestApp, api: &reqwest::Client, campaign: &str, body: &str) -> Value {
    let board: Value = api
        .get(app.url(&format!("/api/v1/campaigns/{campaign}/board")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    board
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["body_id"] == body)
        .expect("agadir on the board")["status"]
        .clone()
}

#[tokio::test]
async fn a_report_filled_on_a_phone_returned_and_resubmitted() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::demo(Backend::Sqlite).await;
    let (bureau, csrf) = app.api_login("bureau").await;
    let bureau_body = app.body_id("المكتب السياسي").await;
    let agadir = app.body_id("أكادير").await;

    // The demo's campaign: 30 provinces, as the seed's story tells it.
    let list: Value = bureau
        .get(app.url("/api/v1/campaigns"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let seed = list[0]["id"].as_str().unwrap().to_string();

    // A new campaign over the provinces on the seed's template, due in ten days.
    let due = (chrono::Utc::now() + chrono::Duration::days(10)).format("%Y-%m-%d");
    let r = bureau
        .post(app.url("/api/v1/campaigns"))
        .header("x-csrf-token", &csrf)
        .json(
            &json!({"issuing_body_id": bureau_body, "title": "حصيلة الدخول السياسي",
                      "due_on": due.to_string(), "template": "elections-2016",
                      "targets": {"kinds": ["provincial"]}}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
    let id = r.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = bureau
        .post(app.url(&format!("/api/v1/campaigns/{id}/action")))
        .header("x-csrf-token", &csrf)
        .json(&json!({"action": "launch"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page = format!("/campaigns/{id}/bodies/{agadir}/report");

    // The secretary, on a phone.
    let c = browser(&driver, "ar").await;
    c.set_window_size(390, 844).await.unwrap();
    login(&c, &app, "agadir").await;
    c.goto(&app.url(&format!("/campaigns/{id}"))).await.unwrap();
    click_and_wait(&c, &format!("a[href='{page}']")).await;
    assert!(text(&c).await.contains("لم يبدأ"), "not started yet");
    fill(&c, "#f-fields\\.turnout", "٤٥٫٥").await;
    fill(&c, "#f-fields\\.seats", "3").await;
    c.find(Locator::Css(
        "input[name='fields.difficulties'][value='money']",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    fill(
        &c,
        "#f-sections\\.assessment",
        "حملة نشيطة في الأحياء الشعبية.",
    )
    .await;
    fill(&c, "#f-sections\\.lessons", "العمل الدائم في القرب.").await;
    fill(&c, "#f-sections\\.proposals", "دورات تكوينية جهوية.").await;
    // The votes forgotten: refused, the summary names the field, in view.
    confirm_and_wait(&c, "button[value=submit]").await;
    let summary = c
        .execute(
            "const e = document.querySelector('.errors'); const r = e.getBoundingClientRect(); \
             return [e.textContent.includes('عدد الأصوات'), r.top >= 0 && r.top < window.innerHeight]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(summary, json!([true, true]), "error summary in view");
    shot(&c, "ar-40-report-phone-error").await;
    // What was typed is kept (the draft was saved too).
    let kept = c
        .find(Locator::Css("#f-sections\\.lessons"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("العمل الدائم في القرب."));
    fill(&c, "#f-fields\\.votes", "1 200").await;
    confirm_and_wait(&c, "button[value=submit]").await;
    assert!(text(&c).await.contains("مودع"), "submitted");
    assert!(
        c.find(Locator::Css("#report-form")).await.is_err(),
        "locked"
    );
    shot(&c, "ar-41-report-phone-submitted").await;
    assert_eq!(
        board_status(&app, &bureau, &id, &agadir.to_string()).await,
        "submitted_on_time"
    );

    // The bureau returns it with a note on the votes.
    login(&c, &app, "bureau").await;
    c.set_window_size(1366, 900).await.unwrap();
    c.goto(&app.url(&page)).await.unwrap();
    assert!(text(&c).await.contains("1200"), "the votes in ASCII digits");
    c.find(Locator::Css(
        "details.add-note:has(#n-fields\\.votes) summary",
    ))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    fill(&c, "#n-fields\\.votes", "العدد لا يطابق محضر لجنة الإحصاء").await;
    // Returning without any comment or note would be refused; here a note is enough.
    shot(&c, "ar-42-report-review").await;
    click_and_wait(&c, "button[value=return]").await;
    let t = text(&c).await;
    assert!(t.contains("أعيد للمراجعة") || t.contains("أُرجع"), "{t}");
    assert_eq!(
        board_status(&app, &bureau, &id, &agadir.to_string()).await,
        "returned"
    );

    // The secretary sees the note next to the votes, corrects, resubmits.
    login(&c, &app, "agadir").await;
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&app.url(&page)).await.unwrap();
    let field = c
        .find(Locator::Css("#p-fields\\.votes"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(field.contains("محضر لجنة الإحصاء"), "{field}");
    shot(&c, "ar-43-report-phone-returned").await;
    fill(&c, "#f-fields\\.votes", "1250").await;
    confirm_and_wait(&c, "button[value=submit]").await;
    assert_eq!(
        board_status(&app, &bureau, &id, &agadir.to_string()).await,
        "submitted_on_time"
    );
    let history = c
        .find(Locator::Css("#history"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        history.contains("محضر لجنة الإحصاء"),
        "history keeps the note"
    );

    // The seed's board on a phone: readable, nothing hidden sideways.
    login(&c, &app, "bureau").await;
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&app.url(&format!("/campaigns/{seed}")))
        .await
        .unwrap();
    let board = text(&c).await;
    assert!(board.contains("الهيئة الإقليمية الداخلة"), "{board}");
    shot(&c, "ar-44-board-phone").await;
    c.close().await.ok();
}
