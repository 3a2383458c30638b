//! Pages read their data in a fixed number of statements, whatever the number
//! of agenda items, decisions, papers and members: no query per row.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};

/// Members of a body (through the API).
async fn members(app: &TestApp, c: &reqwest::Client, body: uuid::Uuid) -> Vec<String> {
    let m: Value = c
        .get(app.url(&format!("/api/v1/bodies/{body}/members")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    m.as_array()
        .unwrap()
        .iter()
        .map(|x| x["person"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn meeting_session_and_body_pages_take_a_fixed_number_of_queries() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let (api, csrf) = app.api_login("bureau").await;
        let page = app.page_login("bureau", "ar").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let agadir = app.body_id("أكادير").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let people = members(&app, &api, bureau).await;
        let post = |path: String, body: Value| {
            api.post(app.url(&path)).header("x-csrf-token", &csrf).json(&body)
        };

        // A meeting with one agenda item and one decision…
        let r = post(format!("/api/v1/bodies/{bureau}/meetings"), json!({"kind": "periodic", "title": "اجتماع", "starts_at": "2026-01-05T18:00", "ends_at": "2026-01-05T21:00"})).send().await.unwrap();
        let meeting = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let add = |i: usize| {
            let (people, post, meeting) = (&people, &post, &meeting);
            async move {
                let p = &people[i % people.len()];
                let r = post(format!("/api/v1/meetings/{meeting}/agenda"), json!({"title": format!("نقطة {i}"), "presenter_id": p})).send().await.unwrap();
                assert_eq!(r.status(), 200);
                let r = post(format!("/api/v1/meetings/{meeting}/decisions"), json!({"kind": "measure", "text": format!("تدبير {i}"), "responsible_person_id": p})).send().await.unwrap();
                assert_eq!(r.status(), 200);
                let r = post(format!("/api/v1/meetings/{meeting}/decisions"), json!({"kind": "decision", "text": format!("مقرر {i}"), "responsible_body_id": agadir})).send().await.unwrap();
                assert_eq!(r.status(), 200);
            }
        };
        add(0).await;
        let html_few = app.statements_for(&page, &format!("/meetings/{meeting}")).await;
        let api_few = app.statements_for(&api, &format!("/api/v1/meetings/{meeting}")).await;
        // …then fifteen of each: the same count.
        for i in 1..16 {
            add(i).await;
        }
        let html_many = app.statements_for(&page, &format!("/meetings/{meeting}")).await;
        let api_many = app.statements_for(&api, &format!("/api/v1/meetings/{meeting}")).await;
        eprintln!("meeting page: {html_few} statements, API {api_few}");
        assert_eq!(html_few, html_many, "meeting page: {html_few} then {html_many} statements");
        assert_eq!(api_few, api_many, "meeting API: {api_few} then {api_many} statements");

        // The 8th session's page, before and after five more papers.
        let list: Value = api.get(app.url(&format!("/api/v1/bodies/{cc}/sessions"))).send().await.unwrap().json().await.unwrap();
        let session = list[0]["id"].as_str().unwrap().to_string();
        let program: Value = api.get(app.url(&format!("/api/v1/sessions/{session}"))).send().await.unwrap().json().await.unwrap();
        let workshop = program["workshops"][0]["id"].as_str().unwrap().to_string();
        let council = members(&app, &api, cc).await;
        let few = app.statements_for(&page, &format!("/sessions/{session}")).await;
        for i in 0..5 {
            let r = post(format!("/api/v1/workshops/{workshop}/papers"), json!({"title": format!("ورقة {i}"), "due_on": "2017-01-25", "assignees": [council[i], council[i + 5]]})).send().await.unwrap();
            assert_eq!(r.status(), 200);
        }
        let many = app.statements_for(&page, &format!("/sessions/{session}")).await;
        assert_eq!(few, many, "session page: {few} then {many} statements");

        // Agadir's body page, before and after twenty more members.
        let few = app.statements_for(&page, &format!("/bodies/{agadir}")).await;
        for i in 0..20 {
            let r = post("/api/v1/people".into(), json!({"full_name_ar": format!("عضو {i}"), "gender": "male"})).send().await.unwrap();
            let id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
            let r = post("/api/v1/memberships".into(), json!({"person_id": id, "body_id": agadir, "role": "member", "starts_on": "2026-01-01"})).send().await.unwrap();
            assert_eq!(r.status(), 200);
        }
        let many = app.statements_for(&page, &format!("/bodies/{agadir}")).await;
        assert_eq!(few, many, "body page: {few} then {many} statements");
    })
    .await;
}
