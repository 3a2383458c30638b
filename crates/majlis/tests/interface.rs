//! The interface in real headless Chromium: the main pages at desktop size in
//! both directions, the phone menu, and a member answering a convocation on
//! a phone while the secretary sees it. Screenshots go to
//! `target/screenshots/`.
//!
//! Skipped when chromedriver is missing, unless MAJLIS_TEST_REQUIRE_BROWSER=1
//! (CI sets it).

mod common;

use common::TestApp;
use common::browser::{
    Driver, browser, click_and_wait, click_inline, login, open_seed_meeting, shot, start_driver,
    text,
};
use fantoccini::Locator;
use majlis_store::Backend;
use serde_json::json;

#[tokio::test]
async fn desktop_pages_phone_menu_and_answers() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::demo(Backend::Sqlite).await;
    desktop_and_phone_menu(&app, &driver).await;
    answer_a_convocation(&app, &driver).await;
}

/// A member answers «I will attend» on their phone, from the home page; the
/// secretary sees the answer on the attendance sheet.
async fn answer_a_convocation(app: &TestApp, driver: &Driver) {
    let agadir = app.body_id("أكادير").await;
    let (api, csrf) = app.api_login("agadir").await;
    let day = (chrono::Utc::now() + chrono::Duration::days(4)).format("%Y-%m-%d");
    let r = api
        .post(app.url(&format!("/api/v1/bodies/{agadir}/meetings")))
        .header("x-csrf-token", &csrf)
        .json(&json!({"kind": "periodic", "title": "اجتماع تقييم الانتخابات التشريعية", "starts_at": format!("{day}T18:00"), "ends_at": format!("{day}T20:00")}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let meeting = r.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let c = browser(driver, "ar").await;
    login(&c, app, "member").await;
    assert!(text(&c).await.contains("اجتماع تقييم الانتخابات التشريعية"));
    shot(&c, "ar-17-home-convocation").await;
    // Answered in place: the home page stays where it was.
    click_inline(
        &c,
        &format!("form[action='/meetings/{meeting}/reply'] button[value='attend']"),
    )
    .await;
    let pressed = c
        .find(Locator::Css(&format!(
            "form[action='/meetings/{meeting}/reply'] button[value='attend']"
        )))
        .await
        .unwrap()
        .attr("aria-pressed")
        .await
        .unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));
    shot(&c, "ar-18-home-answered").await;

    login(&c, app, "agadir").await;
    c.goto(&app.url(&format!("/meetings/{meeting}")))
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("#attendance"))
        .await
        .unwrap();
    let sheet = c
        .find(Locator::Css("#attendance"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(sheet.contains("سيحضر"), "{sheet}");
    shot(&c, "ar-19-attendance-answers").await;
    c.close().await.ok();
}

/// The main pages at desktop size (1366×900) in both directions, and the
/// phone menu: folded into one button, opened without JavaScript.
async fn desktop_and_phone_menu(app: &TestApp, driver: &Driver) {
    let bureau = app.body_id("المكتب السياسي").await;
    let cc = app.body_id("اللجنة المركزية").await;
    let (api, _) = app.api_login("bureau").await;
    let first = |path: &'static str| {
        let api = api.clone();
        let url = app.url(path);
        async move {
            let v: serde_json::Value = api.get(url).send().await.unwrap().json().await.unwrap();
            v[0]["id"].as_str().unwrap().to_string()
        }
    };
    let plan = first("/api/v1/plans").await;
    let campaign = first("/api/v1/campaigns").await;
    for lang in ["ar", "fr"] {
        let c = browser(driver, lang).await;
        login(&c, app, "bureau").await;
        if lang != "ar" {
            click_and_wait(&c, &format!("form.langs button[value='{lang}']")).await;
        }
        // Phone size first: the menu is one button; the label opens it.
        let nav_shown =
            "return getComputedStyle(document.querySelector('#menu')).display != 'none'";
        assert_eq!(c.execute(nav_shown, vec![]).await.unwrap(), json!(false));
        c.find(Locator::Css("label.menu-button"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        assert_eq!(c.execute(nav_shown, vec![]).await.unwrap(), json!(true));
        shot(&c, &format!("{lang}-16-phone-menu")).await;

        c.set_window_size(1366, 900).await.expect("desktop size");
        c.goto(&app.url("/")).await.unwrap();
        assert_eq!(c.execute(nav_shown, vec![]).await.unwrap(), json!(true));
        let pages = [
            ("home", "/".to_string()),
            ("bodies", "/bodies".to_string()),
            ("people", "/people".to_string()),
            ("bureau", format!("/bodies/{bureau}")),
            ("council", format!("/bodies/{cc}")),
            ("calendar", "/calendar?month=2017-01".to_string()),
            ("campaigns", "/campaigns".to_string()),
            ("plans", "/plans".to_string()),
            ("plan", format!("/plans/{plan}")),
            ("synthesis", format!("/campaigns/{campaign}/synthesis")),
        ];
        for (name, path) in pages {
            c.goto(&app.url(&path)).await.unwrap();
            c.wait().for_element(Locator::Css("main h1")).await.unwrap();
            shot(&c, &format!("desktop-{lang}-{name}")).await;
        }
        open_seed_meeting(&c, app).await;
        c.wait()
            .for_element(Locator::Css("#attendance"))
            .await
            .unwrap();
        shot(&c, &format!("desktop-{lang}-meeting")).await;
        c.close().await.ok();
    }
}
