//! Campaigns through the JSON API on SQLite and PostgreSQL: a template, the
//! bureau's campaign over the provinces, Agadir's report from draft to
//! acceptance, the board, the synthesis, and who may read what.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};

#[tokio::test]
async fn the_bureau_campaign_over_the_provinces() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (bureau, bcsrf) = app.api_login("bureau").await;
        let (agadir, acsrf) = app.api_login("agadir").await;
        let post = |c: &reqwest::Client, csrf: &str, path: String, body: Value| {
            c.post(app.url(&path)).header("x-csrf-token", csrf).json(&body)
        };
        let template = json!({
            "key": "elections-2016-test",
            "definition": {
                "name": "تقييم انتخابات أعضاء مجلس النواب",
                "fields": [
                    {"key": "turnout", "label": "نسبة المشاركة", "type": "percentage", "required": true},
                    {"key": "difficulties", "label": "الصعوبات", "type": "choice", "multiple": true,
                     "options": [{"key": "money", "label": "المال"}, {"key": "lists", "label": "اللوائح"}]}
                ],
                "sections": [{"key": "lessons", "title": "الدروس", "required": true}]
            }
        });
        // A provincial secretary may not write templates.
        let r = post(&agadir, &acsrf, "/api/v1/templates".into(), template.clone()).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let r = post(&bureau, &bcsrf, "/api/v1/templates".into(), template).send().await.unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        // A broken template: a clear error.
        let r = post(&bureau, &bcsrf, "/api/v1/templates".into(), json!({"key": "bad", "definition": {"name": "", "fields": []}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);

        let bureau_body = app.body_id("المكتب السياسي").await;
        let r = post(
            &bureau,
            &bcsrf,
            "/api/v1/campaigns".into(),
            json!({"issuing_body_id": bureau_body, "title": "تقييم انتخابات أعضاء مجلس النواب",
                   "due_on": "2017-01-07", "template": "elections-2016-test",
                   "targets": {"kinds": ["provincial"]}}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let campaign: Value = r.json().await.unwrap();
        let id = campaign["id"].as_str().unwrap().to_string();
        assert_eq!(campaign["state"], "draft");
        let r = post(&bureau, &bcsrf, format!("/api/v1/campaigns/{id}/action"), json!({"action": "launch"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let detail: Value = bureau.get(app.url(&format!("/api/v1/campaigns/{id}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(detail["state"], "launched");
        let targets = detail["target_ids"].as_array().unwrap().len();
        assert!(targets >= 20, "every provincial body of the demo: {targets}");
        // Agadir sees the campaign in its list.
        let list: Value = agadir.get(app.url("/api/v1/campaigns")).send().await.unwrap().json().await.unwrap();
        assert!(list.as_array().unwrap().iter().any(|c| c["id"] == id.as_str()));

        // Agadir's report: a bad value, then a draft, then submitted.
        let agadir_body = app.body_id("أكادير").await;
        let r = post(&agadir, &acsrf, format!("/api/v1/campaigns/{id}/reports"),
            json!({"body_id": agadir_body, "answers": {"fields": {"turnout": 140}}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["fields"][0]["field"], "fields.turnout");
        assert_eq!(e["error"]["fields"][0]["code"], "out_of_range");
        let r = post(&agadir, &acsrf, format!("/api/v1/campaigns/{id}/reports"),
            json!({"body_id": agadir_body, "answers": {"fields": {"turnout": "٤٥", "difficulties": ["money"]}, "sections": {"lessons": "القرب"}}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let report: Value = r.json().await.unwrap();
        let rid = report["id"].as_str().unwrap().to_string();
        assert_eq!(report["answers"]["fields"]["turnout"], json!(45.0));
        // A stale version: 409, nothing lost.
        let r = agadir.put(app.url(&format!("/api/v1/reports/{rid}"))).header("x-csrf-token", &acsrf)
            .json(&json!({"answers": {"fields": {"turnout": 10}}, "version": 0}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let r = agadir.post(app.url(&format!("/api/v1/reports/{rid}/submit"))).header("x-csrf-token", &acsrf).send().await.unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let r = agadir.post(app.url(&format!("/api/v1/reports/{rid}/submit"))).header("x-csrf-token", &acsrf).send().await.unwrap();
        assert_eq!(r.status(), 422);
        // Agadir may not accept its own report; returning needs a comment.
        let r = agadir.post(app.url(&format!("/api/v1/reports/{rid}/accept"))).header("x-csrf-token", &acsrf).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let r = post(&bureau, &bcsrf, format!("/api/v1/reports/{rid}/return"), json!({})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let r = post(&bureau, &bcsrf, format!("/api/v1/reports/{rid}/return"), json!({"comment": "أضيفوا الأرقام"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let back: Value = agadir.get(app.url(&format!("/api/v1/reports/{rid}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!((back["state"].as_str(), back["review"].as_str()), (Some("returned"), Some("أضيفوا الأرقام")));
        let r = agadir.post(app.url(&format!("/api/v1/reports/{rid}/submit"))).header("x-csrf-token", &acsrf).send().await.unwrap();
        assert_eq!(r.status(), 200);

        // The board: Agadir submitted (late: the deadline is of 2017), the
        // others missing; the synthesis counts one report.
        let board: Value = bureau.get(app.url(&format!("/api/v1/campaigns/{id}/board"))).send().await.unwrap().json().await.unwrap();
        let rows = board.as_array().unwrap();
        assert_eq!(rows.len(), targets);
        let row = rows.iter().find(|r| r["body_id"] == agadir_body.to_string().as_str()).unwrap();
        assert_eq!(row["status"], "submitted_late");
        assert!(row["days_late"].as_i64().unwrap() > 3000);
        assert_eq!(rows.iter().filter(|r| r["status"] == "missing").count(), targets - 1);
        let syn: Value = bureau.get(app.url(&format!("/api/v1/campaigns/{id}/synthesis"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(syn["reports"], 1);
        assert_eq!(syn["fields"][0]["summary"]["overall"]["mean"], json!(45.0));
        // Agadir's board shows Agadir only; the synthesis is the bureau's.
        let mine: Value = agadir.get(app.url(&format!("/api/v1/campaigns/{id}/board"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(mine.as_array().unwrap().len(), 1);
        let r = agadir.get(app.url(&format!("/api/v1/campaigns/{id}/synthesis"))).send().await.unwrap();
        assert_eq!(r.status(), 403);

        // Another province's report (written by the admin): Agadir may not
        // read it; a member of Agadir reads Agadir's.
        let (admin, admin_csrf) = app.api_login("admin").await;
        let other = rows.iter().find(|r| r["body_id"] != agadir_body.to_string().as_str()).unwrap()["body_id"].as_str().unwrap().to_string();
        let r = post(&admin, &admin_csrf, format!("/api/v1/campaigns/{id}/reports"), json!({"body_id": other, "answers": {}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let other_report = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        assert_eq!(agadir.get(app.url(&format!("/api/v1/reports/{other_report}"))).send().await.unwrap().status(), 403);
        let (member, _) = app.api_login("member").await;
        assert_eq!(member.get(app.url(&format!("/api/v1/reports/{rid}"))).send().await.unwrap().status(), 200);
        // The pages: the list, the board filtered by status.
        let bureau_page = app.page_login("bureau", "ar").await;
        let list = app.text(&bureau_page, "/campaigns").await;
        assert!(list.contains(&format!("/campaigns/{id}")) && list.contains("جارية"), "{list}");
        let page = app.text(&bureau_page, &format!("/campaigns/{id}")).await;
        assert!(page.contains("أودع متأخرا") && page.contains("لم يودع بعد الأجل") && page.contains("أكادير"));
        let late = app
            .text(&bureau_page, &format!("/campaigns/{id}?status=submitted_late"))
            .await;
        let table = &late[late.find(r#"<section id="board">"#).unwrap()..];
        assert_eq!(table.matches("<tr>").count(), 2, "the header and Agadir");
        // A member of another body reads neither.
        let r = app.page_login("member", "ar").await.get(app.url(&format!("/campaigns/{id}"))).send().await.unwrap();
        assert_eq!(r.status(), 200, "a member of Agadir reads Agadir's line");
        // CSV exports: the board, and every answer (a formula defused).
        let r = admin
            .put(app.url(&format!("/api/v1/reports/{other_report}")))
            .header("x-csrf-token", &admin_csrf)
            .json(&json!({"answers": {"fields": {"turnout": 12}, "sections": {"lessons": "=HYPERLINK(\"http://evil\")"}}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let admin_page = app.page_login("admin", "ar").await;
        let r = admin_page.get(app.url(&format!("/campaigns/{id}/board.csv"))).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let csv = r.text().await.unwrap();
        assert!(csv.contains("أكادير") && csv.contains("أودع متأخرا") && csv.contains("لم يودع بعد الأجل"), "{csv}");
        assert_eq!(csv.lines().count(), targets + 1);
        let csv = admin_page
            .get(app.url(&format!("/campaigns/{id}/reports.csv")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        assert!(csv.contains("نسبة المشاركة") && csv.contains("المال"), "{csv}");
        // Agadir's secretary exports only what it may read.
        let agadir_page = app.page_login("agadir", "ar").await;
        let csv = agadir_page.get(app.url(&format!("/campaigns/{id}/reports.csv"))).send().await.unwrap().text().await.unwrap();
        assert!(!csv.contains("HYPERLINK") && csv.lines().count() == 2, "{csv}");
        // The API document lists the new paths.
        let doc: Value = bureau.get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
        assert!(doc["paths"]["/api/v1/campaigns/{id}/board"].is_object());
    })
    .await;
}
