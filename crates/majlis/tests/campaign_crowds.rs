//! The campaign write paths no other test puts under a crowd, on SQLite and
//! PostgreSQL: eight removals of one target (one goes, the others 404),
//! eight additions of it (kept once, counted once), eight «remind the
//! missing» at once (one reminder queued), eight plans created and eight
//! tasks added to one objective at once (all kept, each in its place); no
//! 5xx anywhere. Also the board of a closed campaign stops counting days.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};

async fn json_of(c: &reqwest::Client, url: String) -> (u16, Value) {
    let r = c.get(url).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

async fn all(crowd: Vec<tokio::task::JoinHandle<(u16, Value)>>) -> Vec<(u16, Value)> {
    let mut out = Vec::new();
    for t in crowd {
        out.push(t.await.unwrap());
    }
    assert!(out.iter().all(|(c, _)| *c < 500), "{out:?}");
    out
}

#[tokio::test]
async fn campaign_and_plan_writes_under_a_crowd() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (bureau, csrf) = app.api_login("bureau").await;
        let (_, list) = json_of(&bureau, app.url("/api/v1/campaigns")).await;
        let seed = list[0]["id"].as_str().unwrap().to_string();
        let (_, board) =
            json_of(&bureau, app.url(&format!("/api/v1/campaigns/{seed}/board"))).await;
        let silent = board
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["status"] == "missing" && r["report_id"].is_null())
            .unwrap()["body_id"]
            .as_str()
            .unwrap()
            .to_string();
        let send = |req: reqwest::RequestBuilder| {
            tokio::spawn(async move {
                let r = req.send().await.unwrap();
                let s = r.status().as_u16();
                (s, r.json::<Value>().await.unwrap_or(Value::Null))
            })
        };

        // Eight removals of the same target: one 204, the others 404.
        let crowd = (0..8)
            .map(|_| {
                send(
                    bureau
                        .delete(app.url(&format!("/api/v1/campaigns/{seed}/targets/{silent}")))
                        .header("x-csrf-token", &csrf),
                )
            })
            .collect();
        let codes: Vec<u16> = all(crowd).await.into_iter().map(|(c, _)| c).collect();
        assert_eq!(codes.iter().filter(|c| **c == 204).count(), 1, "{codes:?}");
        assert_eq!(codes.iter().filter(|c| **c == 404).count(), 7, "{codes:?}");
        // Eight additions of it: all answered, the body kept and counted once.
        let crowd = (0..8)
            .map(|_| {
                send(
                    bureau
                        .post(app.url(&format!("/api/v1/campaigns/{seed}/targets")))
                        .header("x-csrf-token", &csrf)
                        .json(&json!({"body_ids": [silent]})),
                )
            })
            .collect();
        let answers = all(crowd).await;
        assert!(answers.iter().all(|(c, _)| *c == 200), "{answers:?}");
        let added: i64 = answers
            .iter()
            .map(|(_, v)| v["added"].as_i64().unwrap())
            .sum();
        assert_eq!(added, 1, "{answers:?}");
        let (_, board) =
            json_of(&bureau, app.url(&format!("/api/v1/campaigns/{seed}/board"))).await;
        let rows = board.as_array().unwrap();
        assert_eq!(rows.len(), 30);
        assert_eq!(
            rows.iter()
                .filter(|r| r["body_id"] == silent.as_str())
                .count(),
            1
        );

        // Eight «remind the missing» at once: one reminder queued (two if
        // the crowd straddles a minute, the key's grain).
        let before = app
            .store()
            .jobs_of_kind("campaign_reminder", 1000)
            .await
            .unwrap()
            .len();
        let crowd = (0..8)
            .map(|_| {
                send(
                    bureau
                        .post(app.url(&format!("/api/v1/campaigns/{seed}/remind")))
                        .header("x-csrf-token", &csrf),
                )
            })
            .collect();
        let answers = all(crowd).await;
        assert!(answers.iter().all(|(c, _)| *c == 200), "{answers:?}");
        let queued = app
            .store()
            .jobs_of_kind("campaign_reminder", 1000)
            .await
            .unwrap()
            .len()
            - before;
        assert!(
            (1..=2).contains(&queued),
            "{queued} reminders queued by eight clicks"
        );

        // Eight plans at once, then eight tasks on one objective at once.
        let owner = app.body_id("المكتب السياسي").await;
        let crowd = (0..8)
            .map(|i| {
                send(
                    bureau
                        .post(app.url("/api/v1/plans"))
                        .header("x-csrf-token", &csrf)
                        .json(&json!({"owner_body_id": owner, "title": format!("خطة {i}")})),
                )
            })
            .collect();
        let answers = all(crowd).await;
        assert!(answers.iter().all(|(c, _)| *c == 200), "{answers:?}");
        let (_, plans) = json_of(&bureau, app.url("/api/v1/plans")).await;
        for i in 0..8 {
            let title = format!("خطة {i}");
            assert_eq!(
                plans
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|p| p["title"] == title.as_str())
                    .count(),
                1,
                "{title}"
            );
        }
        let plan = answers[0].1["id"].as_str().unwrap().to_string();
        let r = bureau
            .post(app.url(&format!("/api/v1/plans/{plan}/objectives")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"title": "هدف"}))
            .send()
            .await
            .unwrap();
        let objective = r.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        let crowd = (0..8)
            .map(|i| {
                send(
                    bureau
                        .post(app.url(&format!("/api/v1/objectives/{objective}/tasks")))
                        .header("x-csrf-token", &csrf)
                        .json(&json!({"title": format!("مهمة {i}")})),
                )
            })
            .collect();
        let answers = all(crowd).await;
        assert!(answers.iter().all(|(c, _)| *c == 200), "{answers:?}");
        let (_, p) = json_of(&bureau, app.url(&format!("/api/v1/plans/{plan}"))).await;
        let mut titles: Vec<String> = p["objectives"][0]["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_string())
            .collect();
        titles.sort();
        assert_eq!(
            titles,
            (0..8).map(|i| format!("مهمة {i}")).collect::<Vec<_>>()
        );

        // Closed: the missing bodies' days late stop at the closing day.
        let id: uuid::Uuid = seed.parse().unwrap();
        let missing = |rows: &[majlis_store::service::reports::BoardRow]| -> Vec<i64> {
            rows.iter()
                .filter(|r| r.status == majlis_domain::campaign::BoardStatus::Missing)
                .map(|r| r.days_late)
                .collect()
        };
        let half_a_year = chrono::Utc::now() + chrono::Duration::days(180);
        let board_then = || {
            majlis_store::clock::at(
                half_a_year,
                app.store()
                    .campaign_board(majlis_domain::Viewer::System, id),
            )
        };
        let (_, now_rows) = app
            .store()
            .campaign_board(majlis_domain::Viewer::System, id)
            .await
            .unwrap();
        let (_, open_later) = board_then().await.unwrap();
        let (today, later) = (missing(&now_rows), missing(&open_later));
        assert!(!today.is_empty());
        assert!(
            today.iter().zip(&later).all(|(a, b)| *b == a + 180),
            "{today:?} {later:?}"
        );
        let r = bureau
            .post(app.url(&format!("/api/v1/campaigns/{seed}/action")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "close"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let (_, closed_later) = board_then().await.unwrap();
        assert_eq!(
            missing(&closed_later),
            today,
            "no longer growing once closed"
        );
    })
    .await;
}
