//! E-mail through a real SMTP server (aiosmtpd): the convocation of a
//! meeting with its `.ics` parsed back, re-sent when the date changes; a
//! server that is down at first (the queue retries with backoff, the page
//! shows the pending state, nothing is lost); reminders about papers.

mod common;

use common::smtp::{SmtpServer, available, free_port, parse};
use common::{TestApp, each_backend};
use icalendar::{Calendar, CalendarComponent, Component, EventLike};
use serde_json::{Value, json};

/// Plans a meeting of Agadir's body with an agenda and a guest.
async fn meeting(app: &TestApp, c: &reqwest::Client, csrf: &str) -> String {
    let agadir = app.body_id("أكادير").await;
    let m: Value = c
        .post(app.url(&format!("/api/v1/bodies/{agadir}/meetings")))
        .header("x-csrf-token", csrf)
        .json(
            &json!({"kind": "periodic", "title": "اجتماع الكتابة الإقليمية",
            "starts_at": "2027-01-10T18:00", "ends_at": "2027-01-10T20:00",
            "venue": "المقر الإقليمي", "city": "أكادير"}),
        )
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = m["id"].as_str().unwrap().to_string();
    for t in ["تقييم المرحلة", "التحضير للدورة"] {
        c.post(app.url(&format!("/api/v1/meetings/{id}/agenda")))
            .header("x-csrf-token", csrf)
            .json(&json!({"title": t}))
            .send()
            .await
            .unwrap();
    }
    c.post(app.url(&format!("/api/v1/meetings/{id}/guests")))
        .header("x-csrf-token", csrf)
        .json(&json!({"name": "ممثلة الشبيبة", "quality": "ضيفة", "email": "guest@example.org"}))
        .send()
        .await
        .unwrap();
    id
}

async fn invitees(app: &TestApp, id: &str) -> usize {
    app.store()
        .invitation_recipients(majlis_domain::Viewer::System, id.parse().unwrap())
        .await
        .unwrap()
        .len()
}

fn event(ics: &str) -> icalendar::Event {
    let cal: Calendar = ics.parse().expect("a calendar");
    cal.components
        .into_iter()
        .find_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .expect("an event")
}

#[tokio::test]
async fn convocations_reach_the_smtp_server_and_follow_changes() {
    if !available() {
        return;
    }
    each_backend(|b| async move {
        let smtp = SmtpServer::start(free_port()).await;
        let app = TestApp::demo_with_mail(b, &smtp.url()).await;
        let (c, csrf) = app.api_login("agadir").await;
        let id = meeting(&app, &c, &csrf).await;
        let n = invitees(&app, &id).await;
        assert!(n >= 2, "members with an address and the guest");
        // The plain member chose French: their convocation is in French.
        let member = app.store().account_by_username("member").await.unwrap();
        app.store().set_locale(member.id, Some("fr")).await.unwrap();
        let member_email = app
            .store()
            .visible_person(majlis_domain::Viewer::System, member.person_id.unwrap())
            .await
            .unwrap().0
            .email
            .unwrap();
        let r = c
            .post(app.url(&format!("/api/v1/meetings/{id}/invitations")))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let mails: Vec<_> = smtp.wait_for(n, 30).await.iter().map(|m| parse(m)).collect();
        assert_eq!(mails.len(), n);
        let guest = mails
            .iter()
            .find(|m| m.to.contains("guest@example.org"))
            .expect("the guest's convocation");
        assert!(guest.subject.contains("اجتماع الكتابة الإقليمية"), "{}", guest.subject);
        assert!(guest.text.contains("ممثلة الشبيبة"));
        assert!(guest.text.contains("1. تقييم المرحلة"), "{}", guest.text);
        assert!(guest.text.contains("الأحد 10 يناير 2027"), "{}", guest.text);
        assert!(guest.text.contains("http://majlis.test/meetings/"));
        assert!(guest.ics_type.as_deref().unwrap().contains("method=REQUEST"));
        let fr = mails
            .iter()
            .find(|m| m.to.contains(&member_email))
            .expect("the member's convocation");
        assert!(fr.subject.starts_with("Convocation"), "{}", fr.subject);
        assert!(fr.text.contains("dimanche 10 janvier 2027"), "{}", fr.text);
        let e = event(guest.ics.as_deref().unwrap());
        assert_eq!(e.get_summary(), Some("اجتماع الكتابة الإقليمية"));
        // 18:00 in Casablanca on 10 January 2027 (UTC+1).
        assert!(guest.ics.as_deref().unwrap().contains("DTSTART:20270110T170000Z"));
        assert_eq!(e.get_location(), Some("المقر الإقليمي، أكادير"));
        assert_eq!(e.get_uid(), Some(format!("meeting-{id}@majlis").as_str()));

        // Postponed: everyone gets the change, same UID, next SEQUENCE.
        let r = c
            .post(app.url(&format!("/api/v1/meetings/{id}/status")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "postpone", "starts_at": "2027-01-17T18:00", "ends_at": "2027-01-17T20:00"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let all: Vec<_> = smtp.wait_for(2 * n, 30).await.iter().map(|m| parse(m)).collect();
        let changed: Vec<_> = all
            .iter()
            .filter(|m| m.subject.contains("تغيير") || m.subject.starts_with("Changement"))
            .collect();
        assert_eq!(changed.len(), n);
        let changed: Vec<_> = changed.into_iter().filter(|m| m.subject.contains("تغيير")).collect();
        let ics = changed[0].ics.as_deref().unwrap();
        assert!(ics.contains("DTSTART:20270117T170000Z"), "{ics}");
        assert!(ics.contains("SEQUENCE:1"), "{ics}");
        assert!(changed[0].text.contains("الأحد 17 يناير 2027"));

        // The API tells what was sent.
        let s: Value = c
            .get(app.url(&format!("/api/v1/meetings/{id}/invitations")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(s["sent"], 2 * n as u64);
        assert_eq!(s["waiting"], 0);
    })
    .await;
}

#[tokio::test]
async fn a_mail_server_that_is_down_delays_but_loses_nothing() {
    if !available() {
        return;
    }
    each_backend(|b| async move {
        let port = free_port();
        let app = TestApp::demo_with_mail(b, &format!("smtp://127.0.0.1:{port}")).await;
        let (c, csrf) = app.api_login("agadir").await;
        let id = meeting(&app, &c, &csrf).await;
        let n = invitees(&app, &id).await;
        c.post(app.url(&format!("/api/v1/meetings/{id}/invitations")))
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        // The attempts fail and are rescheduled; the page says so.
        let mut waiting = 0;
        for _ in 0..100 {
            let s: Value = c
                .get(app.url(&format!("/api/v1/meetings/{id}/invitations")))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            waiting = s["waiting"].as_u64().unwrap();
            if waiting as usize == n && s["last_error"].is_string() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        assert_eq!(waiting as usize, n);
        let pages = app.page_login("agadir", "ar").await;
        let page = pages
            .get(app.url(&format!("/meetings/{id}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("خادم البريد لا يستجيب"), "pending state shown");
        // The server comes up: every convocation arrives, once.
        let smtp = SmtpServer::start(port).await;
        let mails = smtp.wait_for(n, 60).await;
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        assert_eq!(mails.len(), n);
        assert_eq!(smtp.count(), n, "no duplicates");
    })
    .await;
}

#[tokio::test]
async fn a_paper_due_soon_reminds_its_assignees() {
    if !available() {
        return;
    }
    each_backend(|b| async move {
        let smtp = SmtpServer::start(free_port()).await;
        let app = TestApp::demo_with_mail(b, &smtp.url()).await;
        let (c, csrf) = app.api_login("bureau").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let sessions: Value = c
            .get(app.url(&format!("/api/v1/bodies/{cc}/sessions")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let session = sessions[0]["id"].as_str().unwrap();
        let p: Value = c
            .get(app.url(&format!("/api/v1/sessions/{session}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let workshop = p["workshops"][0]["id"].as_str().unwrap();
        let assignee = p["workshops"][0]["people"][0]["person_id"].as_str().unwrap();
        let due = (chrono::Utc::now() + chrono::Duration::days(1)).date_naive();
        let r = c
            .post(app.url(&format!("/api/v1/workshops/{workshop}/papers")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"title": "ورقة حول العمل التضامني", "due_on": due.to_string(), "assignees": [assignee]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let mails = smtp.wait_for(1, 30).await;
        let m = parse(&mails[0]);
        assert!(m.subject.contains("تذكير"), "{}", m.subject);
        assert!(m.text.contains("ورقة حول العمل التضامني"));
        assert!(m.text.contains("الدورة الثامنة للجنة المركزية"), "{}", m.text);
        assert!(m.ics.is_none());
    })
    .await;
}
