//! Evidence on SQLite and PostgreSQL: files attached to Agadir's returned
//! report (through the API and the page's form), recognised by content,
//! read by the issuing body and the body's members, written only by its
//! officers, refused once the
//! report is submitted; a crowd of uploads kept whole and capped at 20;
//! evidence on a plan task, on its page and on the plan's timeline.

mod common;

use base64::Engine;
use common::{TestApp, each_backend, hidden};
use serde_json::{Value, json};

/// The smallest PNG header `infer` recognises (a photo of a sheet).
const PNG: [u8; 16] = [
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
];

fn upload(name: &str, bytes: &[u8]) -> Value {
    json!({
        "name": name,
        "content_base64": base64::engine::general_purpose::STANDARD.encode(bytes),
    })
}

async fn json_of(c: &reqwest::Client, url: String) -> (u16, Value) {
    let r = c.get(url).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn report_and_task_evidence() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (bureau, bcsrf) = app.api_login("bureau").await;
        let (agadir, csrf) = app.api_login("agadir").await;
        let (member, _) = app.api_login("member").await;
        let (_, list) = json_of(&bureau, app.url("/api/v1/campaigns")).await;
        let seed = list[0]["id"].as_str().unwrap().to_string();
        let agadir_body = app.body_id("أكادير").await.to_string();
        let (_, board) = json_of(&bureau, app.url(&format!("/api/v1/campaigns/{seed}/board"))).await;
        let report = board
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["body_id"] == agadir_body.as_str())
            .unwrap()["report_id"]
            .as_str()
            .unwrap()
            .to_string();
        let files_url = app.url(&format!("/api/v1/reports/{report}/files"));
        let post = |c: &reqwest::Client, csrf: &str, url: String, body: Value| {
            c.post(url).header("x-csrf-token", csrf).json(&body)
        };

        // A photo of the attendance sheet, named .pdf: kept as a PNG.
        let r = post(&agadir, &csrf, files_url.clone(), upload("ورقة الحضور.pdf", &PNG)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let f: Value = r.json().await.unwrap();
        assert_eq!(f["name"], "ورقة الحضور.png");
        assert_eq!(f["media_type"], "image/png");
        let file = f["id"].as_str().unwrap().to_string();
        // An executable is refused, with the evidence's own message.
        let elf = [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let r = post(&agadir, &csrf, files_url.clone(), upload("x.pdf", &elf)).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let e: Value = r.json().await.unwrap();
        assert!(e.to_string().contains("evidence_type"), "{e}");
        // Not base64: 422, nothing kept.
        let r = post(&agadir, &csrf, files_url.clone(), json!({"name": "a", "content_base64": "%%%"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        // The issuing body reads it, byte for byte; a plain member does not.
        let got = bureau.get(app.url(&format!("/api/v1/reports/{report}/files/{file}"))).send().await.unwrap();
        assert_eq!(got.status(), 200);
        assert_eq!(got.headers()["content-type"], "image/png");
        assert_eq!(got.bytes().await.unwrap().as_ref(), PNG);
        // A member of the body reads its report's files, and attaches none.
        let (status, _) = json_of(&member, files_url.clone()).await;
        assert_eq!(status, 200);
        let (_, mcsrf) = app.api_login("member").await;
        let r = post(&member, &mcsrf, files_url.clone(), upload("x.png", &PNG)).send().await.unwrap();
        assert_eq!(r.status(), 403);

        // On the page: listed, and a Markdown note attached through the form.
        let page_client = app.page_login("agadir", "ar").await;
        let here = format!("/campaigns/{seed}/bodies/{agadir_body}/report");
        let html = app.text(&page_client, &here).await;
        assert!(html.contains("ورقة الحضور.png") && html.contains(&format!("/reports/{report}/files/{file}")));
        let token = hidden(&html, "_csrf");
        let form = reqwest::multipart::Form::new()
            .text("_csrf", token.clone())
            .part("file", reqwest::multipart::Part::bytes("# محضر الاجتماع\n\nحضر 41 عضوا.".as_bytes().to_vec()).file_name("محضر.md"));
        let r = page_client.post(app.url(&format!("/reports/{report}/files"))).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], format!("{here}#files").as_str());
        let html = app.text(&page_client, &here).await;
        assert!(html.contains("محضر.md"), "attached through the page");
        // An empty upload: the page again, 422, with the error on the files.
        let form = reqwest::multipart::Form::new().text("_csrf", token.clone());
        let r = page_client.post(app.url(&format!("/reports/{report}/files"))).multipart(form).send().await.unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("id=\"files\""));

        // A crowd: 12 uploads at once, all kept; then 10 more, the cap (20)
        // holds exactly.
        let mut crowd = Vec::new();
        for i in 0..12 {
            let req = post(&agadir, &csrf, files_url.clone(), upload(&format!("صورة {i}.png"), &PNG));
            crowd.push(tokio::spawn(async move { req.send().await.unwrap().status().as_u16() }));
        }
        for t in crowd {
            assert_eq!(t.await.unwrap(), 200);
        }
        let mut crowd = Vec::new();
        for i in 0..10 {
            let req = post(&agadir, &csrf, files_url.clone(), upload(&format!("جدول {i}.png"), &PNG));
            crowd.push(tokio::spawn(async move { req.send().await.unwrap().status().as_u16() }));
        }
        let mut codes = Vec::new();
        for t in crowd {
            codes.push(t.await.unwrap());
        }
        assert_eq!(codes.iter().filter(|c| **c == 200).count(), 6, "{codes:?}");
        assert_eq!(codes.iter().filter(|c| **c == 422).count(), 4, "{codes:?}");
        let (_, all) = json_of(&agadir, files_url.clone()).await;
        assert_eq!(all.as_array().unwrap().len(), 20);
        // Removing one (API), then the history names both kinds of change.
        let r = agadir
            .delete(app.url(&format!("/api/v1/reports/{report}/files/{file}")))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let (status, _) = json_of(&bureau, app.url(&format!("/api/v1/reports/{report}/files/{file}"))).await;
        assert_eq!(status, 404);
        let html = app.text(&page_client, &here).await;
        assert!(html.contains("أُرفق ملف") && html.contains("حُذف ملف"));

        // Submitted: the files are locked with the report.
        let (_, r) = json_of(&agadir, app.url(&format!("/api/v1/reports/{report}"))).await;
        let answers = r["answers"].clone();
        let r = agadir
            .put(app.url(&format!("/api/v1/reports/{report}")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"answers": answers, "meeting_id": r["meeting_id"], "version": r["version"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let r = post(&agadir, &csrf, app.url(&format!("/api/v1/reports/{report}/submit")), json!({})).send().await.unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let r = post(&agadir, &csrf, files_url.clone(), upload("late.png", &PNG)).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let (_, all) = json_of(&bureau, files_url.clone()).await;
        assert_eq!(all.as_array().unwrap().len(), 19, "nothing added after the submission");

        // A plan task's evidence: the demo plan's first task.
        let (_, plans) = json_of(&bureau, app.url("/api/v1/plans")).await;
        let plan = plans.as_array().unwrap().iter().find(|p| p["title"].as_str().unwrap().contains("الثامنة")).unwrap()["id"].as_str().unwrap().to_string();
        let (_, p) = json_of(&bureau, app.url(&format!("/api/v1/plans/{plan}"))).await;
        let task = p["objectives"][0]["tasks"][0]["id"].as_str().unwrap().to_string();
        let task_url = app.url(&format!("/api/v1/tasks/{task}/files"));
        let r = post(&agadir, &csrf, task_url.clone(), upload("x.png", &PNG)).send().await.unwrap();
        assert_eq!(r.status(), 403, "Agadir does not update the bureau's task");
        let mut crowd = Vec::new();
        for i in 0..6 {
            let req = post(&bureau, &bcsrf, task_url.clone(), upload(&format!("دليل {i}.pdf"), b"%PDF-1.7\n%%EOF"));
            crowd.push(tokio::spawn(async move { req.send().await.unwrap().status().as_u16() }));
        }
        for t in crowd {
            assert_eq!(t.await.unwrap(), 200);
        }
        let bureau_page = app.page_login("bureau", "ar").await;
        let html = app.text(&bureau_page, &format!("/plans/{plan}")).await;
        assert_eq!(html.matches(&format!("/plans/{plan}/tasks/{task}/files/")).count(), 6 * 2, "six files, each with its link and its remove form");
        assert!(html.contains("دليل 0.pdf") && html.contains("أُرفق إثبات"));
        let link = html.split(&format!("href=\"/plans/{plan}/tasks/{task}/files/")).nth(1).unwrap().split('"').next().unwrap().to_string();
        let got = bureau_page.get(app.url(&format!("/plans/{plan}/tasks/{task}/files/{link}"))).send().await.unwrap();
        assert_eq!(got.status(), 200);
        assert!(got.bytes().await.unwrap().starts_with(b"%PDF-"));
        let token = hidden(&html, "_csrf");
        let r = bureau_page
            .post(app.url(&format!("/plans/{plan}/tasks/{task}/files/{link}/remove")))
            .form(&[("_csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let html = app.text(&bureau_page, &format!("/plans/{plan}")).await;
        assert!(html.contains("حُذف إثبات"));
        let (status, _) = json_of(&member, app.url(&format!("/api/v1/tasks/{task}/files/{link}"))).await;
        assert!(status == 403 || status == 404, "{status}");
    })
    .await;
}
