//! A campaign's reminders through the job queue to a real SMTP server, on
//! the right days (the store's clock set to each day at 09:05), once each
//! although two workers — two majlis processes, each with its own
//! connection pool — run the queue at the same moment; in each officer's
//! language; stopped for a body that reported; escalated to the region's
//! chair once overdue; «remind the missing» on request; a reminder found
//! days late not sent. On SQLite and PostgreSQL.

mod common;

use chrono::{Duration, NaiveDate, TimeZone};
use common::smtp::{SmtpServer, available, free_port, parse};
use common::{TestApp, each_backend};
use majlis_store::Store;
use majlis_web::jobs::Worker;
use serde_json::{Value, json};

fn worker(store: Store, smtp: &str) -> Worker {
    let mail = majlis_web::MailConfig {
        smtp_url: smtp.into(),
        from: "الأمانة <secretariat@majlis.test>".into(),
    };
    let config = common::web_config(Some(mail), false);
    Worker::new(majlis_web::AppState::new(store, config)).expect("worker")
}

/// Both workers run the queue at 09:05 (Casablanca) on `day`.
async fn run_on(day: NaiveDate, workers: &[Worker; 2]) {
    let tz = majlis_store::service::meetings::zone("Africa/Casablanca");
    let at = tz
        .from_local_datetime(&day.and_hms_opt(9, 5, 0).unwrap())
        .single()
        .unwrap()
        .with_timezone(&chrono::Utc);
    tokio::join!(
        majlis_store::clock::at(at, workers[0].run_due()),
        majlis_store::clock::at(at, workers[1].run_due()),
    );
}

/// The mails received since the last call, once the server has them all.
async fn new_mails(
    smtp: &SmtpServer,
    seen: &mut Vec<Vec<u8>>,
    expected: usize,
) -> Vec<common::smtp::Received> {
    smtp.wait_for(seen.len() + expected, 20).await;
    // Nothing more arrives: each reminder went once.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let all = smtp.wait_for(0, 1).await;
    assert_eq!(
        all.len(),
        seen.len() + expected,
        "exactly {expected} new mails"
    );
    let fresh: Vec<Vec<u8>> = all.into_iter().filter(|m| !seen.contains(m)).collect();
    seen.extend(fresh.iter().cloned());
    fresh.iter().map(|m| parse(m)).collect()
}

#[tokio::test]
async fn reminders_on_the_right_days_once_each() {
    if !available() {
        return;
    }
    each_backend(|b| async move {
        let smtp = SmtpServer::start(free_port()).await;
        let app = TestApp::demo(b).await;
        let second = Store::connect(&app.db.url).await.expect("a second process");
        let workers = [worker(app.store().clone(), &smtp.url()), worker(second, &smtp.url())];
        let (bureau, csrf) = app.api_login("bureau").await;
        let (agadir_api, agadir_csrf) = app.api_login("agadir").await;
        let bureau_body = app.body_id("المكتب السياسي").await;
        let agadir = app.body_id("أكادير").await;
        let inezgane = app.body_id("إنزكان").await;
        // The Agadir secretary reads French.
        let account = app.store().account_by_username("agadir").await.unwrap();
        app.store().set_locale(account.id, Some("fr")).await.unwrap();

        let tz = majlis_store::service::meetings::zone("Africa/Casablanca");
        let today = chrono::Utc::now().with_timezone(&tz).date_naive();
        let due = today + Duration::days(8);
        let r = bureau
            .post(app.url("/api/v1/campaigns"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"issuing_body_id": bureau_body, "title": "تقييم الدخول السياسي",
                          "due_on": due.to_string(), "template": "elections-2016",
                          "targets": {"bodies": [agadir, inezgane]}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let r = bureau
            .post(app.url(&format!("/api/v1/campaigns/{id}/action")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "launch"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let mut seen = smtp.wait_for(0, 1).await;

        // Nothing is due before the first reminder, 7 days before.
        run_on(due - Duration::days(8), &workers).await;
        run_on(due - Duration::days(7), &workers).await;
        let mails = new_mails(&smtp, &mut seen, 2).await;
        let fr = mails.iter().filter(|m| m.subject.starts_with("Rappel")).count();
        assert_eq!(fr, 1, "the Agadir secretary's in French, the other in Arabic");
        assert!(mails.iter().any(|m| m.subject.starts_with("تذكير") && m.text.contains("إنزكان")));
        assert!(mails.iter().all(|m| m.text.contains(&format!("/campaigns/{id}/bodies/"))));
        // The same day again: nothing more.
        run_on(due - Duration::days(7), &workers).await;
        new_mails(&smtp, &mut seen, 0).await;

        // Agadir reports before the deadline: no more reminders for it.
        let answers = json!({"fields": {"turnout": 41, "seats": 3, "votes": 2100, "difficulties": ["money"]},
                             "sections": {"assessment": "تقييم", "lessons": "دروس", "proposals": "مقترحات"}});
        let r = agadir_api
            .post(app.url(&format!("/api/v1/campaigns/{id}/reports")))
            .header("x-csrf-token", &agadir_csrf)
            .json(&json!({"body_id": agadir, "answers": answers}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let report = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let r = agadir_api
            .post(app.url(&format!("/api/v1/reports/{report}/submit")))
            .header("x-csrf-token", &agadir_csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        run_on(due - Duration::days(2), &workers).await;
        let mails = new_mails(&smtp, &mut seen, 1).await;
        assert!(mails[0].text.contains("إنزكان"));
        run_on(due, &workers).await;
        new_mails(&smtp, &mut seen, 1).await;

        // Three days overdue: Inezgane's secretary, and the region's chair.
        run_on(due + Duration::days(3), &workers).await;
        let mails = new_mails(&smtp, &mut seen, 2).await;
        let escalation = mails.iter().find(|m| m.subject.contains("هيئات متأخرة")).expect("escalation");
        assert!(escalation.text.contains("إنزكان") && escalation.text.contains("جهة سوس ماسة"), "{}", escalation.text);

        // «Remind the missing», now.
        let r = bureau
            .post(app.url(&format!("/api/v1/campaigns/{id}/remind")))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        tokio::join!(workers[0].run_due(), workers[1].run_due());
        let mails = new_mails(&smtp, &mut seen, 1).await;
        assert!(mails[0].text.contains("إنزكان"));
        // Agadir may not ask for it.
        let r = agadir_api
            .post(app.url(&format!("/api/v1/campaigns/{id}/remind")))
            .header("x-csrf-token", &agadir_csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        // The queue found a month later: the reminders whose time passed
        // long ago are dropped, not sent.
        run_on(due + Duration::days(30), &workers).await;
        new_mails(&smtp, &mut seen, 0).await;
    })
    .await;
}
