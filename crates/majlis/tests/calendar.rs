//! Calendars, papers, participations and printed programs through the real
//! router, on every backend of the run.

mod common;

use common::{TestApp, each_backend, hidden, plain};

#[tokio::test]
async fn month_view_and_secret_feeds() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("bureau", "ar").await;
        let page = c
            .get(app.url("/calendar?month=2016-12"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let page = plain(page.text().await.unwrap());
        assert!(page.contains("lang=\"ar\" dir=\"rtl\""));
        assert!(page.contains("دجنبر 2016"), "Moroccan month name");
        assert!(page.contains("الاجتماع الدوري للمكتب السياسي"));
        assert!(page.contains("<span class=\"time\">18:00</span>"));
        assert!(
            page.contains("الإثنين 19 دجنبر 2016"),
            "day label of the agenda list"
        );
        // February 2017: the session over two days and nothing of January.
        let feb = plain(
            c.get(app.url("/calendar?month=2017-02"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
        assert!(feb.contains("الدورة الثامنة للجنة المركزية"));
        assert!(!feb.contains("لقاء موضوعاتي بمدينة أكادير"));
        let bad = c
            .get(app.url("/calendar?month=2017-13"))
            .send()
            .await
            .unwrap();
        assert_eq!(bad.status(), 400);

        // A secret feed: created, fetched without a session, revoked.
        let csrf = hidden(&page, "_csrf");
        let created = c
            .post(app.url("/calendar/feeds"))
            .form(&[("_csrf", csrf.as_str())])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let start = created.find("http://majlis.test/feeds/").expect("feed url");
        let url = created[start..].split('<').next().unwrap().to_string();
        let path = url.trim_start_matches("http://majlis.test");
        let anonymous = reqwest::Client::new();
        let r = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let ics = r.text().await.unwrap();
        assert!(ics.contains("BEGIN:VCALENDAR"));
        // The feed covers three months back: the demo's 2016 meetings are
        // older, so it holds the bureau's recent and coming meetings only.
        assert!(!ics.contains("SUMMARY:الاجتماع الدوري للمكتب السياسي"));
        let feeds: serde_json::Value = {
            let (api, _) = app.api_login("bureau").await;
            api.get(app.url("/api/v1/me/feeds"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap()
        };
        assert_eq!(feeds.as_array().unwrap().len(), 1);
        let id = feeds[0]["id"].as_str().unwrap();
        let r = c
            .post(app.url(&format!("/calendar/feeds/{id}/revoke")))
            .form(&[("_csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let r = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 404, "a revoked feed stops at once");
        let r = anonymous
            .get(app.url("/feeds/not-a-secret.ics"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
    })
    .await;
}

#[tokio::test]
async fn calendar_api_and_feed_of_a_body() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("bureau").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let r: serde_json::Value = c
            .get(app.url("/api/v1/calendar?from=2016-12-01&to=2017-03-01"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let titles: Vec<&str> = r["meetings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["title"].as_str().unwrap())
            .collect();
        assert!(titles.contains(&"الاجتماع الدوري للمكتب السياسي"));
        assert!(titles.contains(&"لقاء موضوعاتي بمدينة الرباط"));
        let r = c
            .get(app.url("/api/v1/calendar?from=2017-03-01&to=2016-12-01"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        // A member of Agadir may not subscribe to the bureau's calendar.
        let (m, mcsrf) = app.api_login("member").await;
        let r = m
            .post(app.url("/api/v1/me/feeds"))
            .header("x-csrf-token", &mcsrf)
            .json(&serde_json::json!({"body_id": bureau}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let f: serde_json::Value = c
            .post(app.url("/api/v1/me/feeds"))
            .header("x-csrf-token", &csrf)
            .json(&serde_json::json!({"body_id": bureau}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(f["url"].as_str().unwrap().ends_with(".ics"));
    })
    .await;
}

#[tokio::test]
async fn papers_participations_and_printed_documents() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("bureau", "ar").await;
        // The seed's meeting: reports heard and approved minutes.
        let bureau = app.body_id("المكتب السياسي").await;
        let body = plain(
            c.get(app.url(&format!("/bodies/{bureau}/participations")))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
        assert!(body.contains("ندوة دولية حول بدائل اليسار"));
        assert!(body.contains("دولية"));
        let m = app
            .store()
            .body_meetings(majlis_domain::Viewer::System, bureau, 10)
            .await
            .unwrap();
        let seed = m
            .iter()
            .find(|x| x.title == "الاجتماع الدوري للمكتب السياسي")
            .unwrap();
        let page = plain(
            c.get(app.url(&format!("/meetings/{}", seed.id)))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
        assert!(page.contains("تقرير حول المشاركة في ندوة دولية حول بدائل اليسار"));
        assert!(page.contains("مصادق عليه"));
        let pdf = c
            .get(app.url(&format!("/meetings/{}/minutes.pdf", seed.id)))
            .send()
            .await
            .unwrap();
        assert_eq!(pdf.status(), 200);
        assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));

        // The session's printable program and its PDF.
        let cc = app.body_id("اللجنة المركزية").await;
        let session = app
            .store()
            .body_sessions(majlis_domain::Viewer::System, cc)
            .await
            .unwrap()[0]
            .id;
        let print = plain(
            c.get(app.url(&format!("/sessions/{session}/program")))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap(),
        );
        assert!(print.contains("الدورة الثامنة للجنة المركزية"));
        assert!(print.contains("السبت 4 والأحد 5 فبراير 2017"));
        assert!(print.contains("الجلسة الافتتاحية"));
        assert!(print.contains("لقاء موضوعاتي بمدينة الدار البيضاء"));
        let pdf = c
            .get(app.url(&format!("/sessions/{session}/program.pdf")))
            .send()
            .await
            .unwrap();
        assert_eq!(pdf.headers()["content-type"], "application/pdf");

        // An assignee uploads a version on the paper's page.
        let program = app
            .store()
            .session_program(majlis_domain::Viewer::System, session)
            .await
            .unwrap();
        let paper = program.workshops[2].papers[0].id;
        let page = c
            .get(app.url(&format!("/papers/{paper}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = hidden(&page, "_csrf");
        let png = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        let form = reqwest::multipart::Form::new()
            .text("_csrf", csrf.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(png).file_name("paper.pdf"),
            );
        let r = c
            .post(app.url(&format!("/papers/{paper}/versions")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("نوع الملف غير مقبول"));
        let md = "# ورقة العمل\n\nمساهمة مكتوبة.".as_bytes().to_vec();
        let form = reqwest::multipart::Form::new()
            .text("_csrf", csrf.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(md).file_name("ورقة.md"),
            );
        let r = c
            .post(app.url(&format!("/papers/{paper}/versions")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let page = c
            .get(app.url(&format!("/papers/{paper}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("ورقة.md"));
        // Over the limit (256 KiB in tests): refused, nothing kept.
        let big = vec![b'a'; 300 * 1024];
        let form = reqwest::multipart::Form::new().text("_csrf", csrf).part(
            "file",
            reqwest::multipart::Part::bytes(big).file_name("big.md"),
        );
        let r = c
            .post(app.url(&format!("/papers/{paper}/versions")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
    })
    .await;
}

#[tokio::test]
async fn participations_are_corrected_and_deleted() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("bureau").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let list: serde_json::Value = c
            .get(app.url(&format!("/api/v1/bodies/{bureau}/participations")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let heard = list[0]["id"].as_str().unwrap().to_string();
        let person = list[0]["people"][0].clone();
        // One the seed's meeting heard stays.
        let r = c
            .delete(app.url(&format!("/api/v1/participations/{heard}")))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        // A new one: corrected, then deleted.
        let body = serde_json::json!({"event": "ندوة جهوية", "organizer": "جمعية", "scope": "national",
            "city": "فاس", "first_day": "2016-12-17", "people": [person]});
        let p: serde_json::Value = c
            .post(app.url(&format!("/api/v1/bodies/{bureau}/participations")))
            .header("x-csrf-token", &csrf)
            .json(&body)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = p["id"].as_str().unwrap().to_string();
        let mut fixed = body.clone();
        fixed["event"] = "ندوة جهوية حول التنمية".into();
        fixed["last_day"] = "2016-12-18".into();
        let r: serde_json::Value = c
            .patch(app.url(&format!("/api/v1/participations/{id}")))
            .header("x-csrf-token", &csrf)
            .json(&fixed)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(r["event"], "ندوة جهوية حول التنمية");
        assert_eq!(r["last_day"], "2016-12-18");
        let mut bad = fixed.clone();
        bad["last_day"] = "2016-12-01".into();
        let r = c
            .patch(app.url(&format!("/api/v1/participations/{id}")))
            .header("x-csrf-token", &csrf)
            .json(&bad)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        // The edit page shows it filled; the member of Agadir may not delete.
        let pages = app.page_login("bureau", "ar").await;
        let form = pages
            .get(app.url(&format!("/participations/{id}/edit")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(form.contains("ندوة جهوية حول التنمية"));
        assert!(form.contains(&format!("action=\"/participations/{id}/edit\"")));
        let (m, mcsrf) = app.api_login("member").await;
        let r = m
            .delete(app.url(&format!("/api/v1/participations/{id}")))
            .header("x-csrf-token", &mcsrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let r = c
            .delete(app.url(&format!("/api/v1/participations/{id}")))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
    })
    .await;
}
