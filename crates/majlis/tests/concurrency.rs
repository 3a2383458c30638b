//! A crowd, not one user: many clients write at once through the real router,
//! on SQLite and on PostgreSQL. No answer may be a 5xx and no acknowledged
//! write may be missing afterwards.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};
use std::collections::HashSet;
use std::sync::Arc;

const WRITERS: usize = 32;

/// A personal API token of a demo login.
async fn bearer(app: &TestApp, login: &str) -> String {
    let (c, csrf) = app.api_login(login).await;
    let r = c
        .post(app.url("/api/v1/me/tokens"))
        .header("x-csrf-token", &csrf)
        .json(&json!({"name": "crowd"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["secret"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Runs `n` clients at once; each returns the statuses it saw and what it
/// wrote.
async fn crowd<F, Fut, T>(n: usize, f: F) -> Vec<(Vec<u16>, Vec<T>)>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = (Vec<u16>, Vec<T>)> + Send + 'static,
    T: Send + 'static,
{
    let tasks: Vec<_> = (0..n).map(|i| tokio::spawn(f(i))).collect();
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("client task"));
    }
    out
}

fn no_server_error(results: &[(Vec<u16>, Vec<impl Sized>)]) -> Vec<u16> {
    let all: Vec<u16> = results.iter().flat_map(|(s, _)| s.clone()).collect();
    let bad: Vec<u16> = all.iter().copied().filter(|s| *s >= 500).collect();
    assert!(
        bad.is_empty(),
        "{} answers of {} were 5xx: {bad:?}",
        bad.len(),
        all.len()
    );
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_two_writers_create_people_and_memberships_without_loss() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let token = Arc::new(bearer(&app, "bureau").await);
        let agadir = app.body_id("أكادير").await;
        let base = Arc::new(app.base.clone());
        let http = reqwest::Client::new();
        let results = crowd(WRITERS, |w| {
            let (token, base, http) = (token.clone(), base.clone(), http.clone());
            async move {
                let mut statuses = Vec::new();
                let mut ids = Vec::new();
                for i in 0..10 {
                    let r = http
                        .post(format!("{base}/api/v1/people"))
                        .bearer_auth(token.as_str())
                        .json(&json!({
                            "full_name_ar": format!("عضو الحشد {w} {i}"),
                            "gender": if i % 2 == 0 { "female" } else { "male" },
                            "member_number": format!("CRW-{w:02}-{i:02}"),
                        }))
                        .send()
                        .await
                        .unwrap();
                    statuses.push(r.status().as_u16());
                    if r.status() == 200 {
                        let p: Value = r.json().await.unwrap();
                        let id = p["id"].as_str().unwrap().to_string();
                        // …and each new person joins Agadir at once.
                        let m = http
                            .post(format!("{base}/api/v1/memberships"))
                            .bearer_auth(token.as_str())
                            .json(&json!({"person_id": id, "body_id": agadir, "role": "member", "starts_on": "2026-01-01"}))
                            .send()
                            .await
                            .unwrap();
                        statuses.push(m.status().as_u16());
                        if m.status() == 200 {
                            ids.push(id);
                        }
                    }
                }
                (statuses, ids)
            }
        })
        .await;
        let all = no_server_error(&results);
        assert!(all.iter().all(|s| *s == 200), "every write succeeds: {all:?}");
        let ids: Vec<String> = results.into_iter().flat_map(|(_, ids)| ids).collect();
        assert_eq!(ids.len(), WRITERS * 10);
        // Every acknowledged write is there.
        for id in &ids {
            let r = http
                .get(app.url(&format!("/api/v1/people/{id}/memberships")))
                .bearer_auth(token.as_str())
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            let ms: Value = r.json().await.unwrap();
            assert_eq!(ms.as_array().unwrap().len(), 1, "membership of {id}");
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_crowd_on_one_meeting_keeps_every_agenda_item_and_one_minutes_save() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let token = Arc::new(bearer(&app, "bureau").await);
        let bureau = app.body_id("المكتب السياسي").await;
        let http = reqwest::Client::new();
        let r = http
            .post(app.url(&format!("/api/v1/bodies/{bureau}/meetings")))
            .bearer_auth(token.as_str())
            .json(&json!({"kind": "periodic", "title": "اجتماع الحشد", "starts_at": "2026-01-05T18:00", "ends_at": "2026-01-05T21:00"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let base = Arc::new(app.base.clone());
        let meeting = Arc::new(id.clone());
        // Thirty-two secretaries add an item each, at once.
        let results = crowd(WRITERS, |w| {
            let (token, base, http, meeting) = (token.clone(), base.clone(), http.clone(), meeting.clone());
            async move {
                let r = http
                    .post(format!("{base}/api/v1/meetings/{meeting}/agenda"))
                    .bearer_auth(token.as_str())
                    .json(&json!({"title": format!("نقطة {w}")}))
                    .send()
                    .await
                    .unwrap();
                (vec![r.status().as_u16()], Vec::<()>::new())
            }
        })
        .await;
        assert!(no_server_error(&results).iter().all(|s| *s == 200));
        let detail: Value = http
            .get(app.url(&format!("/api/v1/meetings/{id}")))
            .bearer_auth(token.as_str())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let agenda = detail["agenda"].as_array().unwrap();
        assert_eq!(agenda.len(), WRITERS, "no item lost");
        let positions: HashSet<u64> = agenda.iter().map(|a| a["position"].as_u64().unwrap()).collect();
        assert_eq!(positions, (1..=WRITERS as u64).collect(), "positions 1..n, none twice");

        // The meeting is held; thirty-two saves of the minutes from the same
        // version: exactly one wins, the others are told the record moved on.
        let r = http
            .post(app.url(&format!("/api/v1/meetings/{id}/status")))
            .bearer_auth(token.as_str())
            .json(&json!({"action": "hold"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let minutes: Value = http
            .get(app.url(&format!("/api/v1/meetings/{id}/minutes")))
            .bearer_auth(token.as_str())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let version = minutes["version"].as_i64().unwrap();
        let results = crowd(WRITERS, |w| {
            let (token, base, http, meeting) = (token.clone(), base.clone(), http.clone(), meeting.clone());
            async move {
                let r = http
                    .put(format!("{base}/api/v1/meetings/{meeting}/minutes"))
                    .bearer_auth(token.as_str())
                    .json(&json!({"version": version, "overall": format!("نص {w}")}))
                    .send()
                    .await
                    .unwrap();
                (vec![r.status().as_u16()], Vec::<()>::new())
            }
        })
        .await;
        let all = no_server_error(&results);
        assert_eq!(all.iter().filter(|s| **s == 200).count(), 1, "{all:?}");
        assert_eq!(all.iter().filter(|s| **s == 409).count(), WRITERS - 1, "{all:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_logins_at_once_get_answers_not_errors() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let base = Arc::new(app.base.clone());
        let http = reqwest::Client::new();
        // From 64 addresses (a proxy in front), unknown and known logins mixed.
        let results = crowd(64, |i| {
            let (base, http) = (base.clone(), http.clone());
            async move {
                // The member logs in 8 times and mistypes 4 times: fewer
                // failures than the account's delay starts at, so that the
                // 8 good logins succeed in whatever order the crowd lands.
                let login = if i % 8 == 0 || i % 16 == 4 {
                    "member".to_string()
                } else {
                    format!("nobody{i}")
                };
                let password = if i % 8 == 0 {
                    majlis::demo::DEMO_PASSWORD
                } else {
                    "wrong-password"
                };
                let r = http
                    .post(format!("{base}/api/v1/auth/login"))
                    .header("x-forwarded-for", format!("203.0.113.{i}"))
                    .json(&json!({"login": login, "password": password}))
                    .send()
                    .await
                    .unwrap();
                (vec![r.status().as_u16()], Vec::<()>::new())
            }
        })
        .await;
        let all = no_server_error(&results);
        assert_eq!(all.iter().filter(|s| **s == 200).count(), 8, "{all:?}");
        assert!(all.iter().all(|s| [200, 401, 429].contains(s)), "{all:?}");
        // From one address, many more: the address is slowed down (429 with
        // the wait in Retry-After), never an error.
        let results = crowd(64, |i| {
            let (base, http) = (base.clone(), http.clone());
            async move {
                let r = http
                    .post(format!("{base}/api/v1/auth/login"))
                    .header("x-forwarded-for", "198.51.100.9")
                    .json(&json!({"login": format!("spray{i}"), "password": "Winter2026!"}))
                    .send()
                    .await
                    .unwrap();
                let s = r.status().as_u16();
                if s == 429 {
                    let wait: i64 = r.headers()["retry-after"]
                        .to_str()
                        .unwrap()
                        .parse()
                        .unwrap();
                    assert!((1..=900).contains(&wait), "{wait}");
                }
                (vec![s], Vec::<()>::new())
            }
        })
        .await;
        let all = no_server_error(&results);
        assert!(all.contains(&429), "the sprayer is slowed down: {all:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_crowd_of_feed_addresses_and_tokens_is_all_kept() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let (c, csrf) = app.api_login("member").await;
        let (c, csrf) = (Arc::new(c), Arc::new(csrf));
        let base = Arc::new(app.base.clone());
        let results = crowd(WRITERS, |i| {
            let (c, csrf, base) = (c.clone(), csrf.clone(), base.clone());
            async move {
                let path = if i % 2 == 0 { "me/feeds" } else { "me/tokens" };
                let r = c
                    .post(format!("{base}/api/v1/{path}"))
                    .header("x-csrf-token", csrf.as_str())
                    .json(&json!({"name": format!("t{i}")}))
                    .send()
                    .await
                    .unwrap();
                (vec![r.status().as_u16()], Vec::<()>::new())
            }
        })
        .await;
        assert!(no_server_error(&results).iter().all(|s| *s == 200));
        for path in ["me/feeds", "me/tokens"] {
            let list: Value = c
                .get(app.url(&format!("/api/v1/{path}")))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            assert_eq!(list.as_array().unwrap().len(), WRITERS / 2, "{path}");
        }
    })
    .await;
}
