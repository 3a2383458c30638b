//! Action plans on SQLite and PostgreSQL: the demo's plan with its progress
//! rolled up by hand (a task following the campaign at 27 of 30 reports), a
//! province's plan written through the API, bad input refused, who may read
//! and write, eight simultaneous updates of one task (one wins, the others
//! 409), the plan page and its PDF.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};

async fn get(c: &reqwest::Client, url: String) -> (u16, Value) {
    let r = c.get(url).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn plans_progress_rights_and_a_crowd() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (bureau, _) = app.api_login("bureau").await;
        let (agadir, csrf) = app.api_login("agadir").await;
        let (member, mcsrf) = app.api_login("member").await;

        // The demo's plan, progress by hand: objective 1 = (90 + 100) / 2,
        // objective 2 = (100 + 80 + 50) / 3, objective 3 = (100 + 100 + 0) / 3,
        // objective 4 = 0; weights 2, 2, 1, 1.
        let (_, list) = get(&bureau, app.url("/api/v1/plans")).await;
        let seed = list.as_array().unwrap().iter().find(|p| p["title"].as_str().unwrap().contains("الثامنة")).expect("the demo plan");
        let id = seed["id"].as_str().unwrap().to_string();
        let (status, plan) = get(&bureau, app.url(&format!("/api/v1/plans/{id}"))).await;
        assert_eq!(status, 200);
        let objectives = plan["objectives"].as_array().unwrap();
        let p: Vec<f64> = objectives.iter().map(|o| o["progress"].as_f64().unwrap()).collect();
        let expected = [95.0, 230.0 / 3.0, 200.0 / 3.0, 0.0];
        for (got, want) in p.iter().zip(expected) {
            assert!((got - want).abs() < 1e-6, "{p:?}");
        }
        let overall = (2.0 * 95.0 + 2.0 * 230.0 / 3.0 + 200.0 / 3.0) / 6.0;
        assert!((plan["progress"].as_f64().unwrap() - overall).abs() < 1e-6);
        assert!(plan["decision_ids"].as_array().unwrap().len() >= 5);
        assert!(plan["updates"].as_array().unwrap().len() >= 7);
        // A province does not read the bureau's plan.
        let (status, _) = get(&agadir, app.url(&format!("/api/v1/plans/{id}"))).await;
        assert!(status == 403 || status == 404, "{status}");
        // The page and its PDF.
        let page = bureau.get(app.url(&format!("/plans/{id}"))).send().await.unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(html.contains("<progress") && html.contains("أوراق عمل الورشات الثلاث"));
        let pdf = bureau.get(app.url(&format!("/plans/{id}/plan.pdf"))).send().await.unwrap();
        assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));

        // Agadir's own plan through the API.
        let agadir_body = app.body_id("أكادير").await;
        let post = |c: &reqwest::Client, csrf: &str, path: String, body: Value| {
            c.post(app.url(&path)).header("x-csrf-token", csrf).json(&body)
        };
        let r = post(&agadir, &csrf, "/api/v1/plans".into(), json!({"owner_body_id": agadir_body, "title": ""})).send().await.unwrap();
        assert_eq!(r.status(), 422, "a title is required");
        let r = post(&agadir, &csrf, "/api/v1/plans".into(), json!({"owner_body_id": agadir_body, "title": "خطة الدخول السياسي بالإقليم"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let plan = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let r = post(&member, &mcsrf, format!("/api/v1/plans/{plan}/objectives"), json!({"title": "x"})).send().await.unwrap();
        assert_eq!(r.status(), 403, "a plain member does not write the plan");
        let r = post(&agadir, &csrf, format!("/api/v1/plans/{plan}/objectives"), json!({"title": "تجديد الفروع", "weight": 0})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let r = post(&agadir, &csrf, format!("/api/v1/plans/{plan}/objectives"), json!({"title": "تجديد الفروع", "target_value": 12, "unit": "فرعا", "target_date": "2027-03-31"})).send().await.unwrap();
        let objective = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let r = post(&agadir, &csrf, format!("/api/v1/objectives/{objective}/tasks"), json!({"title": "جمع لوائح المنخرطين", "responsible_body_id": agadir_body, "due_on": "2027-02-15"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let task = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let r = post(&agadir, &csrf, format!("/api/v1/tasks/{task}"), json!({"status": "later"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let r = post(&agadir, &csrf, format!("/api/v1/tasks/{task}"), json!({"status": "in_progress", "progress": 140})).send().await.unwrap();
        assert_eq!(r.status(), 422);

        // Eight objectives added at once: all kept.
        let mut crowd = Vec::new();
        for i in 0..8 {
            let req = post(&agadir, &csrf, format!("/api/v1/plans/{plan}/objectives"), json!({"title": format!("هدف {i}")}));
            crowd.push(tokio::spawn(async move { req.send().await.unwrap().status().as_u16() }));
        }
        for t in crowd {
            assert_eq!(t.await.unwrap(), 200);
        }
        let (_, mine) = get(&agadir, app.url(&format!("/api/v1/plans/{plan}"))).await;
        assert_eq!(mine["objectives"].as_array().unwrap().len(), 9);

        // Eight updates at once from the same version: one wins.
        let mut crowd = Vec::new();
        for i in 0..8 {
            let req = post(&agadir, &csrf, format!("/api/v1/tasks/{task}"), json!({"status": "in_progress", "progress": 10 + i, "version": 1}));
            crowd.push(tokio::spawn(async move { req.send().await.unwrap().status().as_u16() }));
        }
        let mut codes = Vec::new();
        for t in crowd {
            codes.push(t.await.unwrap());
        }
        assert_eq!(codes.iter().filter(|c| **c == 204).count(), 1, "{codes:?}");
        assert!(codes.iter().all(|c| *c == 204 || *c == 409), "{codes:?}");
        let (_, mine) = get(&agadir, app.url(&format!("/api/v1/plans/{plan}"))).await;
        let progress = mine["progress"].as_f64().unwrap();
        // One objective of nine has a task: its progress over the weights.
        assert!((10.0 / 9.0..=17.0 / 9.0).contains(&progress), "{progress}");
        assert_eq!(mine["objectives"][0]["tasks"][0]["version"], 2);
    })
    .await;
}
