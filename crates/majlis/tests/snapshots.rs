//! Snapshots (insta) of the main pages' rendered HTML, as the demo shows
//! them: the login page, a secretary's home, the Political Bureau, the seed
//! meeting and its minutes, the 8th session, the directory. Ids, form
//! tokens and counts that depend on today's date are redacted. The same
//! snapshots hold on SQLite and PostgreSQL (the directory on SQLite only).
//!
//! After a deliberate change of a page: `cargo insta review` (or run with
//! `INSTA_UPDATE=always` and read the diff before committing).

mod common;

use common::{TestApp, each_backend};
use majlis_domain::Viewer;

/// The page's `<main>`, with what changes from run to run redacted.
fn main_of(page: &str) -> String {
    let start = page.find("<main").expect("a main element");
    let end = page.rfind("</main>").expect("main closed") + "</main>".len();
    page[start..end].to_string()
}

macro_rules! snapshot {
    ($name:expr, $html:expr) => {
        let html = $html;
        insta::with_settings!({
            filters => vec![
                (r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[id]"),
                (r#"name="_csrf" value="[^"]*""#, r#"name="_csrf" value="[csrf]""#),
                // "late by N days" and similar counts from today's date.
                (r#"<strong class="error">[^<]*</strong>"#, r#"<strong class="error">[late]</strong>"#),
                (r#"<p class="muted today">[^<]*</p>"#, r#"<p class="muted today">[today]</p>"#),
                // When the demo's recent activity happened.
                (r#"<span class="at">[^<]*</span>"#, r#"<span class="at">[at]</span>"#),
                // When the demo's minutes were saved: when the demo was loaded.
                (r#"<p class="muted" id="saved">[^<]*</p>"#, r#"<p class="muted" id="saved">[saved]</p>"#),
            ],
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!($name, main_of(&html));
        });
    };
}

#[tokio::test]
async fn main_pages_render_as_recorded() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let anon = app.client("ar");
        snapshot!("login-ar", app.text(&anon, "/login").await);

        let c = app.page_login("bureau", "ar").await;
        snapshot!("home-bureau-ar", app.text(&c, "/").await);
        let bureau = app.body_id("المكتب السياسي").await;
        snapshot!(
            "body-bureau-ar",
            app.text(&c, &format!("/bodies/{bureau}")).await
        );
        let meeting = app
            .store()
            .body_meetings(Viewer::System, bureau, 50)
            .await
            .unwrap()
            .into_iter()
            .find(|m| m.title == "الاجتماع الدوري للمكتب السياسي")
            .expect("the seed meeting")
            .id;
        snapshot!(
            "meeting-seed-ar",
            app.text(&c, &format!("/meetings/{meeting}")).await
        );
        snapshot!(
            "minutes-seed-ar",
            app.text(&c, &format!("/meetings/{meeting}/minutes")).await
        );
        let cc = app.body_id("اللجنة المركزية").await;
        let session = app
            .store()
            .body_sessions(Viewer::System, cc)
            .await
            .unwrap()
            .remove(0);
        snapshot!(
            "session-8-ar",
            app.text(&c, &format!("/sessions/{}", session.id)).await
        );
        // The directory's order of Arabic names follows the database's
        // collation (code points on SQLite, the server's locale on
        // PostgreSQL): its page is recorded on SQLite only.
        if b == majlis_store::Backend::Sqlite {
            snapshot!("people-ar", app.text(&c, "/people").await);
        }

        let f = app.page_login("member", "fr").await;
        snapshot!("home-member-fr", app.text(&f, "/").await);
        snapshot!(
            "meeting-seed-member-fr",
            app.text(&f, &format!("/meetings/{meeting}")).await
        );
    })
    .await;
}
