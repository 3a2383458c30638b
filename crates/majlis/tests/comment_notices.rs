//! Moderators hear of held comments by e-mail through the job queue, on
//! SQLite and PostgreSQL with a real SMTP server: one notice per communiqué
//! and hour however many comments arrive, to the Political Bureau's chair
//! and secretary, with the moderation page's link and no commenter's
//! address; the demo's old comments (2016) send nothing.

mod common;

use chrono::{Duration, DurationRound, Utc};
use common::smtp::{SmtpServer, available, free_port, parse};
use common::{TestApp, each_backend};
use majlis_domain::comment::{CleanComment, Verdict};
use majlis_store::service::comments::CommentPost;
use majlis_store::service::public_site::PublicFilter;
use majlis_web::jobs::Worker;

fn post(i: usize) -> CommentPost {
    CommentPost {
        comment: CleanComment {
            name: format!("قارئ {i}"),
            email: format!("commenter{i}@example.org"),
            text: format!("تعليق رقم {i}"),
        },
        verdict: Verdict::Held,
        parent_id: None,
        email_hash: format!("e{i}"),
        client_hash: format!("c{i}"),
        text_hash: format!("t{i}"),
    }
}

#[tokio::test]
async fn moderators_hear_of_held_comments_once_an_hour() {
    if !available() {
        assert!(
            std::env::var("MAJLIS_TEST_REQUIRE_SMTP").is_err(),
            "an SMTP server is required"
        );
        return;
    }
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let smtp = SmtpServer::start(free_port()).await;
        let mail = majlis_web::MailConfig {
            smtp_url: smtp.url(),
            from: "الأمانة <secretariat@majlis.test>".into(),
        };
        let worker = Worker::new(majlis_web::AppState::new(
            app.store().clone(),
            common::web_config(Some(mail), false),
        ))
        .expect("worker");
        // The demo's notices of 2016 are stale: nothing goes.
        worker.run_due().await;
        worker.run_due().await;
        assert_eq!(smtp.count(), 0, "no e-mail for comments of 2016");

        let (list, _) = app
            .store()
            .public_communiques(Utc::now(), &PublicFilter::default(), 1, 10)
            .await
            .unwrap();
        let slug = list.iter().find(|c| c.lang == "ar").unwrap().slug.clone();
        // Ten past an hour, so that everything below falls in that hour.
        let t0 = Utc::now().duration_trunc(Duration::hours(1)).unwrap()
            + Duration::hours(1)
            + Duration::minutes(10);
        for i in 0..3 {
            majlis_store::clock::at(
                t0 + Duration::seconds(i as i64),
                app.store().post_comment(&slug, post(i)),
            )
            .await
            .unwrap();
        }
        // Five minutes later, one notice to each officer with an address.
        let later = t0 + Duration::minutes(6);
        majlis_store::clock::at(later, worker.run_due()).await;
        majlis_store::clock::at(later, worker.run_due()).await;
        let mails = smtp.wait_for(1, 20).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let mails = smtp.wait_for(mails.len(), 1).await;
        assert!((1..=2).contains(&mails.len()), "{} notices", mails.len());
        for m in &mails {
            let mut m = parse(m);
            m.text = common::plain(m.text.clone());
            m.subject = common::plain(m.subject.clone());
            assert!(
                m.subject.contains("في انتظار المراجعة")
                    || m.subject.contains("review")
                    || m.subject.contains("relecture"),
                "{}",
                m.subject
            );
            assert!(m.text.contains("http://majlis.test/comments"), "{}", m.text);
            assert!(
                m.text.contains("8 تعليقات")
                    || m.text.contains("8 comments")
                    || m.text.contains("8 commentaires"),
                "the demo's 5 and these 3: {}",
                m.text
            );
            assert!(!m.text.contains("example.org"), "no commenter's address");
        }
        // Another comment in the same hour: no second notice.
        majlis_store::clock::at(
            t0 + Duration::minutes(10),
            app.store().post_comment(&slug, post(9)),
        )
        .await
        .unwrap();
        majlis_store::clock::at(t0 + Duration::minutes(20), worker.run_due()).await;
        majlis_store::clock::at(t0 + Duration::minutes(20), worker.run_due()).await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(smtp.count(), mails.len(), "one notice an hour");
    })
    .await;
}
