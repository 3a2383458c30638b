//! Minutes through the real router, on every backend of the run: a
//! provincial secretary writes the minutes of their body's meeting, a second
//! writer from an outdated version is refused (nothing overwritten), drafts
//! stay hidden from plain members, approval locks them, and the approved
//! minutes come as a printable page and a PDF.

mod common;

use common::{TestApp, each_backend, hidden, plain};
use serde_json::{Value, json};

/// Plans and holds a meeting of Agadir's body with two agenda items.
async fn held_meeting(app: &TestApp, c: &reqwest::Client, csrf: &str) -> (String, Vec<String>) {
    let agadir = app.body_id("أكادير").await;
    let m: Value = c
        .post(app.url(&format!("/api/v1/bodies/{agadir}/meetings")))
        .header("x-csrf-token", csrf)
        .json(
            &json!({"kind": "periodic", "title": "الاجتماع الدوري للكتابة الإقليمية",
            "starts_at": "2017-01-10T18:00", "ends_at": "2017-01-10T20:00",
            "venue": "المقر الإقليمي", "city": "أكادير"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = m["id"].as_str().unwrap().to_string();
    let mut items = Vec::new();
    for t in ["تقييم المرحلة", "التحضير للدورة الثامنة"] {
        let r: Value = c
            .post(app.url(&format!("/api/v1/meetings/{id}/agenda")))
            .header("x-csrf-token", csrf)
            .json(&json!({"title": t}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        items.push(r["id"].as_str().unwrap().to_string());
    }
    (id, items)
}

#[tokio::test]
async fn minutes_are_written_locked_and_printed() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (sec, csrf) = app.api_login("agadir").await;
        let (id, items) = held_meeting(&app, &sec, &csrf).await;
        let url = app.url(&format!("/api/v1/meetings/{id}/minutes"));
        let m: Value = sec.get(&url).send().await.unwrap().json().await.unwrap();
        assert_eq!(m["version"], 0);
        assert_eq!(m["status"], "draft");

        // Two secretaries open version 0; the first save wins.
        let first = json!({"version": 0, "overall": "انعقد الاجتماع في جو مسؤول.",
            "items": [{"agenda_item_id": items[0], "text": "تقييم إيجابي للمرحلة."}]});
        let r = sec
            .put(&url)
            .header("x-csrf-token", &csrf)
            .json(&first)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.json::<Value>().await.unwrap()["version"], 1);
        let second = json!({"version": 0, "overall": "نص آخر كتب بالتوازي"});
        let r = sec
            .put(&url)
            .header("x-csrf-token", &csrf)
            .json(&second)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["code"], "stale_record");
        let m: Value = sec.get(&url).send().await.unwrap().json().await.unwrap();
        assert_eq!(
            m["overall"], "انعقد الاجتماع في جو مسؤول.",
            "nothing overwritten"
        );
        assert_eq!(m["items"][0]["text"], "تقييم إيجابي للمرحلة.");

        // A plain member of the body does not see the draft.
        let (member, member_csrf) = app.api_login("member").await;
        let r = member.get(&url).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let r = member
            .put(&url)
            .header("x-csrf-token", &member_csrf)
            .json(&json!({"version": 1, "overall": "x"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        // Approval needs the meeting held.
        let approve = app.url(&format!("/api/v1/meetings/{id}/minutes/approve"));
        let r = sec
            .post(&approve)
            .header("x-csrf-token", &csrf)
            .json(&json!({"version": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let r = sec
            .post(app.url(&format!("/api/v1/meetings/{id}/status")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "hold"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let r = sec
            .post(&approve)
            .header("x-csrf-token", &csrf)
            .json(&json!({"version": 1}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let m: Value = r.json().await.unwrap();
        assert_eq!(m["status"], "approved");
        assert!(m["approved_by"].as_str().is_some());

        // Locked: no more edits; members read it now.
        let r = sec
            .put(&url)
            .header("x-csrf-token", &csrf)
            .json(&json!({"version": 1, "overall": "تعديل متأخر"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert_eq!(
            r.json::<Value>().await.unwrap()["error"]["fields"][0]["code"],
            "minutes_locked"
        );
        let m: Value = member.get(&url).send().await.unwrap().json().await.unwrap();
        assert_eq!(m["status"], "approved");

        // The printable page and the PDF.
        let pages = app.page_login("member", "ar").await;
        let print = pages
            .get(app.url(&format!("/meetings/{id}/minutes/print")))
            .send()
            .await
            .unwrap();
        assert_eq!(print.status(), 200);
        let html = plain(print.text().await.unwrap());
        assert!(html.contains("lang=\"ar\" dir=\"rtl\""));
        assert!(html.contains("تقييم إيجابي للمرحلة."));
        assert!(html.contains("الثلاثاء 10 يناير 2017"));
        let pdf = pages
            .get(app.url(&format!("/meetings/{id}/minutes.pdf")))
            .send()
            .await
            .unwrap();
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        let bytes = pdf.bytes().await.unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
    })
    .await;
}

#[tokio::test]
async fn the_minutes_form_keeps_the_text_of_a_refused_save() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (api, csrf) = app.api_login("agadir").await;
        let (id, items) = held_meeting(&app, &api, &csrf).await;
        let c = app.page_login("agadir", "ar").await;
        let page = c
            .get(app.url(&format!("/meetings/{id}/minutes")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let form_csrf = hidden(&page, "_csrf");
        assert_eq!(hidden(&page, "version"), "0");
        // Someone saves through the API meanwhile.
        let r = api
            .put(app.url(&format!("/api/v1/meetings/{id}/minutes")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"version": 0, "overall": "صيغة الكاتب الأول"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let item = format!("item-{}", items[1]);
        let r = c
            .post(app.url(&format!("/meetings/{id}/minutes")))
            .form(&[
                ("_csrf", form_csrf.as_str()),
                ("version", "0"),
                ("overall", "صيغتي أنا"),
                (item.as_str(), "نقاش حول الدورة"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let page = r.text().await.unwrap();
        assert!(page.contains("صيغة الكاتب الأول"), "the saved text is shown");
        assert!(page.contains("صيغتي أنا"), "the writer's text is kept");
        assert!(page.contains("نقاش حول الدورة"));
        assert_eq!(hidden(&page, "version"), "1");
        // Saving again, deliberately, replaces it.
        let r = c
            .post(app.url(&format!("/meetings/{id}/minutes")))
            .form(&[
                ("_csrf", form_csrf.as_str()),
                ("version", "1"),
                ("overall", "صيغتي أنا"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let m = app
            .store()
            .minutes(
                &majlis_domain::Actor {
                    account_id: uuid::Uuid::nil(),
                    person_id: None,
                    is_admin: true,
                    roles: vec![],
                },
                id.parse().unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(m.overall.as_deref(), Some("صيغتي أنا"));
        assert_eq!(m.version, 2);
    })
    .await;
}

#[tokio::test]
async fn agenda_items_are_corrected_while_the_meeting_is_planned() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("agadir").await;
        let (id, items) = held_meeting(&app, &c, &csrf).await;
        let r = c
            .patch(app.url(&format!("/api/v1/agenda/{}", items[1])))
            .header("x-csrf-token", &csrf)
            .json(&json!({"title": "التحضير للدورة الثامنة للجنة المركزية", "planned_minutes": 40}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let r = c
            .patch(app.url(&format!("/api/v1/agenda/{}", items[1])))
            .header("x-csrf-token", &csrf)
            .json(&json!({"title": " "}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let r = c
            .delete(app.url(&format!("/api/v1/agenda/{}", items[0])))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let m: Value = c
            .get(app.url(&format!("/api/v1/meetings/{id}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(m["agenda"].as_array().unwrap().len(), 1);
        assert_eq!(m["agenda"][0]["position"], 1);
        assert_eq!(
            m["agenda"][0]["title"],
            "التحضير للدورة الثامنة للجنة المركزية"
        );
        // Once held, the agenda is the record: no more corrections.
        c.post(app.url(&format!("/api/v1/meetings/{id}/status")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "hold"}))
            .send()
            .await
            .unwrap();
        let r = c
            .delete(app.url(&format!("/api/v1/agenda/{}", items[1])))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        // Someone else's meeting: refused.
        let (m, mcsrf) = app.api_login("member").await;
        let r = m
            .delete(app.url(&format!("/api/v1/agenda/{}", items[1])))
            .header("x-csrf-token", &mcsrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    })
    .await;
}
