//! The job queue is durable: a reminder that could not be sent (the mail
//! server is down) survives a `kill -9` of majlis and is delivered by the
//! next process, once.

mod common;

use common::smtp::{SmtpServer, available, free_port};
use majlis_store::Store;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_majlis");

async fn serve(data: &std::path::Path, port: u16, smtp_port: u16) -> Child {
    let mut child = Command::new(BIN)
        .arg("--data-dir")
        .arg(data)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env_remove("MAJLIS_DATABASE_URL")
        .env("MAJLIS_LOG", "warn")
        .env("MAJLIS_COOKIE_SECURE", "false")
        .env("MAJLIS_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .env("MAJLIS_JOBS_POLL_SECONDS", "1")
        .env("MAJLIS_JOBS_BACKOFF_SECONDS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    for _ in 0..200 {
        if reqwest::get(format!("http://127.0.0.1:{port}/healthz"))
            .await
            .is_ok_and(|r| r.status() == 200)
        {
            return child;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("majlis did not start");
}

/// (status, attempts, last error) of the mail jobs.
async fn mail_jobs(store: &Store) -> Vec<(String, i32, Option<String>)> {
    store
        .jobs_of_kind("mail", 100)
        .await
        .unwrap()
        .into_iter()
        .map(|j| (j.status.as_str().to_string(), j.attempts, j.last_error))
        .collect()
}

#[tokio::test]
async fn a_pending_reminder_is_sent_after_a_restart() {
    if !available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("majlis.sqlite").display()
    );
    // The demo, and a paper due tomorrow: its reminder is due now.
    let store = Store::connect(&url).await.unwrap();
    store.migrate().await.unwrap();
    majlis::demo::load(&store).await.unwrap();
    let admin = store.account_by_username("admin").await.unwrap();
    let actor = store.actor_for(&admin).await.unwrap();
    let cc = store
        .visible_bodies(majlis_domain::Viewer::System, "", false)
        .await
        .unwrap()
        .into_iter()
        .find(|b| b.name_ar == "اللجنة المركزية")
        .unwrap();
    let session = store
        .body_sessions(majlis_domain::Viewer::System, cc.id)
        .await
        .unwrap()[0]
        .id;
    let program = store
        .session_program(majlis_domain::Viewer::System, session)
        .await
        .unwrap();
    let workshop = &program.workshops[0];
    let person = workshop.people[0].0.id;
    let due = (chrono::Utc::now() + chrono::Duration::days(1)).date_naive();
    store
        .add_paper(&actor, workshop.id, "ورقة العمل حول القرب", due, &[person])
        .await
        .unwrap();

    // majlis runs while the mail server is down: the e-mail waits.
    let smtp_port = free_port();
    let port = free_port();
    let mut server = serve(dir.path(), port, smtp_port).await;
    let mut seen = Vec::new();
    for _ in 0..100 {
        seen = mail_jobs(&store).await;
        if seen
            .iter()
            .any(|(_, attempts, err)| *attempts >= 1 && err.is_some())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(seen.len(), 1, "one reminder e-mail queued: {seen:?}");
    assert_eq!(seen[0].0, "pending");
    assert!(seen[0].2.is_some(), "a failed attempt was recorded");

    // kill -9: nothing is lost.
    server.kill().unwrap();
    server.wait().unwrap();
    let smtp = SmtpServer::start(smtp_port).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(smtp.count(), 0);
    assert_eq!(mail_jobs(&store).await[0].0, "pending");

    // The next process sends it, once.
    let mut server = serve(dir.path(), port, smtp_port).await;
    let mails = smtp.wait_for(1, 60).await;
    let m = common::smtp::parse(&mails[0]);
    assert!(m.subject.contains("ورقة العمل حول القرب"), "{}", m.subject);
    for _ in 0..50 {
        if mail_jobs(&store).await[0].0 == "done" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(mail_jobs(&store).await[0].0, "done");
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(smtp.count(), 1, "sent once");
    server.kill().unwrap();
    server.wait().unwrap();
}
