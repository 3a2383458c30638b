//! Real headless Chromium (Debian's `chromium` + `chromium-driver`) against a
//! real majlis: log in, check the right-to-left layout, create a provincial
//! body under a region, give it a member with a role, see both listed — in
//! Arabic, then in French. Screenshots go to `target/screenshots/`.
//!
//! Skipped when chromedriver is missing, unless MAJLIS_TEST_REQUIRE_BROWSER=1
//! (CI sets it).

mod common;

use common::TestApp;
use common::browser::{
    Driver, browser, click_and_wait, click_inline, fill, js, login, open_seed_meeting, shot,
    start_driver, submit, switch_lang, text,
};
use fantoccini::Locator;
use majlis_store::Backend;
use serde_json::json;
use std::time::Duration;

/// The whole flow in one language.
async fn flow(
    app: &TestApp,
    driver: &Driver,
    lang: &str,
    province: &str,
    region_needle: &str,
    member_number: &str,
) {
    let c = browser(driver, lang).await;
    switch_lang(&c, app, lang).await;
    let dir = c
        .execute("return document.documentElement.dir", vec![])
        .await
        .expect("dir");
    let html_lang = c
        .execute("return document.documentElement.lang", vec![])
        .await
        .expect("lang");
    assert_eq!(html_lang, json!(lang));
    let expected_dir = if lang == "ar" { "rtl" } else { "ltr" };
    assert_eq!(dir, json!(expected_dir));
    shot(&c, &format!("{lang}-1-login")).await;

    fill(&c, "#f-login", "bureau").await;
    fill(&c, "#f-password", majlis::demo::DEMO_PASSWORD).await;
    submit(&c, "form[action='/login']").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/");
    // Right-to-left layout: in Arabic the brand sits at the right edge, in
    // French at the left; inputs follow the text direction.
    let brand_x = c
        .execute("const r = document.querySelector('.brand').getBoundingClientRect(); return r.left + r.width / 2", vec![])
        .await
        .expect("brand position");
    let brand_x = brand_x.as_f64().unwrap();
    if lang == "ar" {
        assert!(
            brand_x > 412.0 / 2.0,
            "brand should be on the right in RTL, at {brand_x}"
        );
    } else {
        assert!(
            brand_x < 412.0 / 2.0,
            "brand should be on the left in LTR, at {brand_x}"
        );
    }
    let font = c
        .execute("return getComputedStyle(document.body).fontFamily", vec![])
        .await
        .unwrap();
    if lang == "ar" {
        // The interface's face is made for screens; Amiri is for documents.
        assert!(
            font.as_str().unwrap().contains("Noto Sans Arabic"),
            "{font}"
        );
        let loaded = c
            .execute_async(
                "const done = arguments[0]; document.fonts.load('16px \"Noto Sans Arabic\"', 'مجلس').then(f => done(f.length))",
                vec![],
            )
            .await
            .expect("font load");
        assert_eq!(loaded, json!(1), "Noto Sans Arabic served and loaded");
    }
    shot(&c, &format!("{lang}-2-dashboard")).await;

    // Create a provincial body under a region.
    let region = app.body_id(region_needle).await;
    c.goto(&app.url("/bodies/new")).await.unwrap();
    // An invalid submit first: the error summary is focused and in view.
    submit(&c, "form[action='/bodies']").await;
    let summary = c
        .execute(
            "const e = document.activeElement; const r = e.getBoundingClientRect(); \
             return [e.classList.contains('errors'), r.top >= 0 && r.top < window.innerHeight]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        summary,
        json!([true, true]),
        "error summary focused and in view"
    );
    // At the form's own address, not the address it posted to.
    let url = c.current_url().await.unwrap();
    assert_eq!(url.path(), "/bodies/new", "{url}");
    shot(&c, &format!("{lang}-3a-new-body-invalid")).await;
    fill(&c, "#f-name_ar", province).await;
    fill(&c, "#f-city", "مدينة").await;
    c.find(Locator::Css("#f-kind"))
        .await
        .unwrap()
        .select_by_value("provincial")
        .await
        .unwrap();
    c.find(Locator::Css("#f-parent_id"))
        .await
        .unwrap()
        .select_by_value(&region.to_string())
        .await
        .unwrap();
    shot(&c, &format!("{lang}-3-new-body")).await;
    submit(&c, "form[action='/bodies']").await;
    let url = c.current_url().await.unwrap();
    assert!(url.path().starts_with("/bodies/"), "{url}");
    let body_text = text(&c).await;
    assert!(body_text.contains(province), "{body_text}");
    let crumbs = c
        .find(Locator::Css("nav.crumbs"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let region_name = app
        .store()
        .visible_body(majlis_domain::Viewer::System, region)
        .await
        .unwrap()
        .0;
    assert!(crumbs.contains(region_name.name(lang)), "{crumbs}");

    // Add a member with a role.
    c.find(Locator::Css("a[href$='/members/new']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::Css("#q")).await.unwrap();
    fill(&c, "#q", member_number).await;
    c.find(Locator::Css("form.search button"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait()
        .for_element(Locator::Css("input[type=radio][name=person_id]"))
        .await
        .expect("candidates");
    c.find(Locator::Css("input[type=radio][name=person_id]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.find(Locator::Css("#f-role"))
        .await
        .unwrap()
        .select_by_value("secretary")
        .await
        .unwrap();
    shot(&c, &format!("{lang}-4-add-member")).await;
    submit(&c, "form[action$='/members']").await;
    let body_page = text(&c).await;
    let person = app
        .store()
        .directory(
            majlis_domain::Viewer::System,
            &majlis_store::PeopleQuery {
                q: member_number.into(),
                page: 1,
                per_page: 1,
                include_archived: false,
            },
        )
        .await
        .unwrap()
        .items
        .remove(0);
    let shown_name = if lang == "ar" {
        person.full_name_ar.clone()
    } else {
        person.full_name_latin.clone().unwrap()
    };
    assert!(
        body_page.contains(&shown_name),
        "member not listed: {body_page}"
    );
    let secretary_title = if lang == "ar" {
        "الكتابة"
    } else {
        "Secrétariat"
    };
    assert!(body_page.contains(secretary_title), "{body_page}");
    shot(&c, &format!("{lang}-5-body-with-member")).await;

    // Both listed: the body in the tree, the membership on the person's page.
    c.goto(&app.url("/bodies")).await.unwrap();
    assert!(text(&c).await.contains(province));
    c.goto(&app.url(&format!("/people/{}", person.id)))
        .await
        .unwrap();
    assert!(text(&c).await.contains(province));
    shot(&c, &format!("{lang}-6-person")).await;
    c.close().await.ok();
}

#[tokio::test]
async fn browser_flows_in_arabic_and_french() {
    let Some(driver) = start_driver().await else {
        return;
    };
    let app = TestApp::demo(Backend::Sqlite).await;
    flow(
        &app,
        &driver,
        "ar",
        "الهيئة الإقليمية تزنيت",
        "سوس ماسة",
        "PPS-000030",
    )
    .await;
    flow(
        &app,
        &driver,
        "fr",
        "الهيئة الإقليمية الصويرة",
        "مراكش",
        "PPS-000031",
    )
    .await;
    seed_pages(&app, &driver).await;
    meetings_flow(&app, &driver).await;
}

/// Issue 3's flow: a secretary schedules a meeting, records attendance and
/// minutes; the executive builds a session program with three workshops and
/// assigns a paper; the assignee uploads a version.
async fn meetings_flow(app: &TestApp, driver: &Driver) {
    let c = browser(driver, "ar").await;
    login(&c, app, "agadir").await;
    let agadir = app.body_id("أكادير").await;
    c.goto(&app.url(&format!("/bodies/{agadir}/meetings/new")))
        .await
        .unwrap();
    fill(&c, "#f-title", "اجتماع الكتابة الإقليمية لتقييم الانتخابات").await;
    js(&c, "document.querySelector('#f-starts_at').value = '2017-01-05T18:00'; document.querySelector('#f-ends_at').value = '2017-01-05T20:30';").await;
    shot(&c, "ar-9-new-meeting").await;
    submit(&c, "form[action$='/meetings']").await;
    let url = c.current_url().await.unwrap();
    assert!(url.path().starts_with("/meetings/"), "{url}");
    let meeting = url.path().trim_start_matches("/meetings/").to_string();
    js(
        &c,
        "document.querySelectorAll('details').forEach(d => d.open = true)",
    )
    .await;
    // An agenda item without a title: the meeting page again, the error
    // summary focused, at the meeting's address and the agenda's section.
    submit(&c, "form[action$='/agenda']").await;
    let url = c.current_url().await.unwrap();
    assert_eq!(url.path(), format!("/meetings/{meeting}"), "{url}");
    assert_eq!(url.fragment(), Some("agenda"), "{url}");
    let focused = c
        .execute(
            "return document.activeElement.classList.contains('errors')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(focused, json!(true));
    js(
        &c,
        "document.querySelectorAll('details').forEach(d => d.open = true)",
    )
    .await;
    fill(
        &c,
        "form[action$='/agenda'] #f-title",
        "تقييم انتخابات أعضاء مجلس النواب",
    )
    .await;
    submit(&c, "form[action$='/agenda']").await;
    assert!(text(&c).await.contains("تقييم انتخابات أعضاء مجلس النواب"));
    // Held, then attendance: everyone present.
    click_and_wait(&c, "form[action$='/status'] input[value=hold] ~ button").await;
    c.wait()
        .for_element(Locator::Css("#attendance"))
        .await
        .unwrap();
    js(&c, "document.querySelectorAll('#attendance input[type=radio][value=present]').forEach(r => r.checked = true)").await;
    click_inline(&c, "form[action$='/attendance'] button[type=submit]").await;
    let page = text(&c).await;
    assert!(page.contains("مكتمل") || page.contains("النصاب"), "{page}");
    shot(&c, "ar-10-meeting-held").await;
    // Minutes: written, saved, approved.
    c.goto(&app.url(&format!("/meetings/{meeting}/minutes")))
        .await
        .unwrap();
    fill(
        &c,
        "form.minutes-form textarea[name^=item-]",
        "خلص الاجتماع إلى تقييم إيجابي للمشاركة.",
    )
    .await;
    fill(&c, "#f-overall", "انعقد الاجتماع في جو من المسؤولية.").await;
    shot(&c, "ar-11-minutes-edit").await;
    submit(&c, "form.minutes-form").await;
    // Approving locks the record: the page asks first. Declined, nothing
    // happens; accepted, the minutes are approved.
    let approve = "form[action$='/minutes/approve'] button[type=submit]";
    c.find(Locator::Css(approve))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let question = c.get_alert_text().await.expect("a confirmation");
    assert!(question.contains("المحضر"), "{question}");
    c.dismiss_alert().await.unwrap();
    assert!(!text(&c).await.contains("صادق عليه"));
    let old = c.find(Locator::Css("html")).await.unwrap();
    c.find(Locator::Css(approve))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.accept_alert().await.unwrap();
    for _ in 0..200 {
        if old.tag_name().await.is_err() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    c.wait().for_element(Locator::Css("main h1")).await.unwrap();
    let page = text(&c).await;
    assert!(page.contains("صادق عليه"), "{page}");
    shot(&c, "ar-12-minutes-approved").await;

    // The executive plans a session with three workshops and a paper.
    login(&c, app, "bureau").await;
    let cc = app.body_id("اللجنة المركزية").await;
    c.goto(&app.url(&format!("/bodies/{cc}"))).await.unwrap();
    js(&c, "document.querySelectorAll('details').forEach(d => d.open = true); document.querySelector('form[action$=\"/sessions\"] #f-first_day').value = '2018-03-03'; document.querySelector('form[action$=\"/sessions\"] #f-last_day').value = '2018-03-04';").await;
    fill(&c, "form[action$='/sessions'] #f-venue", "المقر الوطني").await;
    submit(&c, "form[action$='/sessions']").await;
    let session = c.current_url().await.unwrap().path().to_string();
    assert!(session.starts_with("/sessions/"), "{session}");
    assert_eq!(
        c.find(Locator::Css("main h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "الدورة التاسعة للجنة المركزية"
    );
    for (i, title) in [
        "الحزب والمجتمع",
        "مشروع اليسار في مغرب اليوم",
        "العمل التضامني",
    ]
    .iter()
    .enumerate()
    {
        js(
            &c,
            "document.querySelectorAll('details').forEach(d => d.open = true)",
        )
        .await;
        fill(&c, "form[action$='/workshops'] #f-title", title).await;
        fill(
            &c,
            "form[action$='/workshops'] #f-themes",
            &format!("محور {}", i + 1),
        )
        .await;
        submit(&c, "form[action$='/workshops']").await;
    }
    let member = app.store().account_by_username("member").await.unwrap();
    let person = app
        .store()
        .visible_person(majlis_domain::Viewer::System, member.person_id.unwrap())
        .await
        .unwrap()
        .0;
    js(&c, "document.querySelectorAll('details').forEach(d => d.open = true); document.querySelector('#f-due_on').value = '2018-02-20'; document.querySelector('#f-paper_workshop_id').selectedIndex = 1;").await;
    fill(&c, "#f-paper_title", "ورقة العمل حول الحزب والمجتمع").await;
    // The person picker offers the council's members: typing a member
    // number leaves one box to tick. The member of Agadir, not on the
    // council, is added by member number.
    let number = person.member_number.as_deref().unwrap();
    let cc_member = app
        .store()
        .body_members(majlis_domain::Viewer::System, cc)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.membership.ends_on.is_none())
        .unwrap()
        .person;
    fill(&c, "#f-assignee_numbers", number).await;
    let cc_number = cc_member.member_number.as_deref().unwrap();
    fill(&c, "#f-assignees .picker-search", cc_number).await;
    let shown = c
        .execute(
            "return [...document.querySelectorAll('#f-assignees label.pick')].filter(l => !l.hidden).map(l => l.textContent.trim())",
            vec![],
        )
        .await
        .unwrap();
    let shown: Vec<String> = serde_json::from_value(shown).unwrap();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains(cc_number), "{shown:?}");
    c.find(Locator::Css(&format!(
        "#f-assignees input[value='{}']",
        cc_member.id
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    shot(&c, "ar-13a-paper-picker").await;
    submit(&c, "form[action$='/papers']").await;
    let page = text(&c).await;
    for w in [
        "الورشة الأولى",
        "الورشة الثانية",
        "الورشة الثالثة",
        "ورقة العمل حول الحزب والمجتمع",
    ] {
        assert!(page.contains(w), "{w} missing: {page}");
    }
    shot(&c, "ar-13-session-planned").await;

    // The first workshop gets its facilitator with the picker; the session's
    // venue is changed on its own page.
    let edit = c
        .find(Locator::Css("a[href$='/edit'][href^='/workshops/']"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    c.goto(&app.url(&edit)).await.unwrap();
    js(
        &c,
        "document.querySelector('#f-role').value = 'facilitator'",
    )
    .await;
    fill(&c, "#f-person_id .picker-search", cc_number).await;
    c.find(Locator::Css(&format!(
        "#f-person_id input[value='{}']",
        cc_member.id
    )))
    .await
    .unwrap()
    .click()
    .await
    .unwrap();
    submit(&c, "form[action$='/people']").await;
    let table = c
        .find(Locator::Css("#people table"))
        .await
        .expect("the workshop's people")
        .text()
        .await
        .unwrap();
    assert!(
        table.contains(&cc_member.full_name_ar) && table.contains("مسير"),
        "{table}"
    );
    shot(&c, "ar-13b-workshop-people").await;
    c.goto(&app.url(&format!("{session}/edit"))).await.unwrap();
    fill(&c, "#f-venue", "قاعة المؤتمرات").await;
    submit(&c, "form[action$='/edit']").await;
    let page = text(&c).await;
    assert!(page.contains("قاعة المؤتمرات"), "{page}");
    assert!(
        page.contains(&cc_member.full_name_ar),
        "the facilitator shows: {page}"
    );

    // The assignee uploads a version on the paper's page.
    login(&c, app, "member").await;
    let session_id: uuid::Uuid = session.trim_start_matches("/sessions/").parse().unwrap();
    let program = app
        .store()
        .session_program(majlis_domain::Viewer::System, session_id)
        .await
        .unwrap();
    let paper = program.workshops[0].papers[0].id;
    c.goto(&app.url(&format!("/papers/{paper}"))).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ورقة-الحزب-والمجتمع.md");
    std::fs::write(&file, "# الحزب والمجتمع\n\nمساهمة أولى في النقاش.\n").unwrap();
    c.find(Locator::Css("#f-file"))
        .await
        .unwrap()
        .send_keys(file.to_str().unwrap())
        .await
        .expect("choose the file");
    submit(&c, "form[action$='/versions']").await;
    let page = text(&c).await;
    assert!(page.contains("ورقة-الحزب-والمجتمع.md"), "{page}");
    assert!(page.contains("مسودة"), "{page}");
    shot(&c, "ar-14-paper-uploaded").await;
    // The calendar of the month of the meeting.
    login(&c, app, "agadir").await;
    c.goto(&app.url("/calendar?month=2017-01")).await.unwrap();
    let page = text(&c).await;
    assert!(
        page.contains("اجتماع الكتابة الإقليمية لتقييم الانتخابات"),
        "{page}"
    );
    shot(&c, "ar-15-calendar-phone").await;
    c.close().await.ok();
}

/// The seed's meeting and session pages in Arabic, for a person to look at.
async fn seed_pages(app: &TestApp, driver: &Driver) {
    let c = browser(driver, "ar").await;
    // The Arabic profile may still hold the first flow's session (bureau).
    c.goto(&app.url("/login")).await.unwrap();
    if c.current_url().await.unwrap().path() == "/login" {
        fill(&c, "#f-login", "bureau").await;
        fill(&c, "#f-password", majlis::demo::DEMO_PASSWORD).await;
        submit(&c, "form[action='/login']").await;
    }
    let cc = app.body_id("اللجنة المركزية").await;
    c.goto(&app.url(&format!("/bodies/{cc}"))).await.unwrap();
    let link = c
        .find(Locator::Css("#sessions a[href^='/sessions/']"))
        .await
        .expect("session link");
    let href = link.attr("href").await.unwrap().expect("href");
    c.goto(&app.url(&href)).await.unwrap();
    c.wait()
        .for_element(Locator::Css("#workshops"))
        .await
        .unwrap();
    let title = c
        .find(Locator::Css("main h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(title, "الدورة الثامنة للجنة المركزية");
    shot(&c, "ar-7-session").await;
    open_seed_meeting(&c, app).await;
    c.wait()
        .for_element(Locator::Css("#attendance"))
        .await
        .unwrap();
    shot(&c, "ar-8-meeting").await;
    c.close().await.ok();
}
