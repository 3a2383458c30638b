//! The seed meeting's approved minutes as a PDF, read back with poppler's
//! `pdftotext`: the title names the body once, the approval line carries
//! the approver and the date, pages are numbered in the reader's language,
//! and each agenda item has its own minutes.

mod common;

use common::{TestApp, each_backend};
use majlis_domain::Viewer;
use std::io::Write;
use std::process::{Command, Stdio};

fn pdf_text(pdf: &[u8]) -> String {
    let mut child = Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils, installed by scripts/install-test-deps.sh)");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn the_seed_minutes_as_a_pdf() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let bureau = app.body_id("المكتب السياسي").await;
        let meeting = app
            .store()
            .body_meetings(Viewer::System, bureau, 50)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.title == "الاجتماع الدوري للمكتب السياسي")
            .expect("the seed meeting")
            .id;
        let minutes = app.store().minutes(Viewer::System, meeting).await.unwrap();
        let approver = minutes.approved_by.clone().expect("approved by someone");
        assert_ne!(approver, "system");
        // Six agenda items, six different texts.
        let texts: std::collections::HashSet<_> = minutes
            .items
            .iter()
            .filter_map(|i| i.minutes.clone())
            .collect();
        assert_eq!(texts.len(), minutes.items.len());
        assert_eq!(texts.len(), 6);

        for (lang, page_word, approved) in [
            ("fr", "Page 1 sur", "Approuvé par"),
            ("en", "Page 1 of", "Approved by"),
            ("ar", "صفحة", "صادق عليه"),
        ] {
            let c = app.page_login("bureau", lang).await;
            let r = c
                .get(app.url(&format!("/meetings/{meeting}/minutes.pdf")))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            let text = pdf_text(&r.bytes().await.unwrap());
            assert!(text.contains(page_word), "{lang}: no page number: {text}");
            assert!(text.contains(approved), "{lang}: no approval line");
            if lang != "ar" {
                // pdftotext lays Arabic out visually: the checks of Arabic
                // words are done on the left-to-right documents.
                assert!(text.contains(&approver), "{lang}: the approver's name");
                assert!(
                    !text.contains("— Bureau politique") && !text.contains("— Political Bureau"),
                    "{lang}: the body named once in the title: {text}"
                );
            }
        }
    })
    .await;
}
