//! The planners' pages that change a session, a slot and a workshop: bad
//! input answers 422 on the form with nothing changed, members get 403,
//! and the demo's 8th session (with working papers) is not deleted.

mod common;

use common::{TestApp, each_backend, hidden, plain};
use majlis_domain::Viewer;

#[tokio::test]
async fn planners_edit_sessions_on_pages() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("bureau", "fr").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let session = app
            .store()
            .body_sessions(Viewer::System, cc)
            .await
            .unwrap()
            .remove(0);
        let program = app
            .store()
            .session_program(Viewer::System, session.id)
            .await
            .unwrap();
        let edit = format!("/sessions/{}/edit", session.id);
        let page = app.text(&c, &edit).await;
        assert!(page.contains("value=\"2017-02-04\""), "the form is filled");
        let csrf = hidden(&page, "_csrf");

        // Days that leave the program out: 422, the form kept, nothing changed.
        let r = c
            .post(app.url(&edit))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("number", "8"),
                ("first_day", "2017-03-04"),
                ("last_day", "2017-03-05"),
                ("venue", "ailleurs"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let page = plain(r.text().await.unwrap());
        assert!(page.contains("hors de ces dates"), "{page}");
        assert!(page.contains("value=\"ailleurs\""), "the typed value stays");
        let now = app
            .store()
            .council_session(Viewer::System, session.id)
            .await
            .unwrap();
        assert_eq!(now.venue, session.venue);

        // The demo's session has working papers: it is kept.
        let r = c
            .post(app.url(&format!("/sessions/{}/delete", session.id)))
            .form(&[("_csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(plain(r.text().await.unwrap()).contains("documents de travail"));

        // A slot: a bad time is refused on its form; a good change is saved.
        let slot = &program.slots[0];
        let slot_edit = format!("/slots/{}/edit", slot.id);
        let page = app.text(&c, &slot_edit).await;
        assert!(page.contains(&slot.title));
        let r = c
            .post(app.url(&slot_edit))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("kind", slot.kind.as_str()),
                ("slot_title", "Séance d’ouverture"),
                ("starts_at", "pas une date"),
                ("ends_at", "2017-02-04T12:00"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let r = c
            .post(app.url(&slot_edit))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("kind", slot.kind.as_str()),
                ("slot_title", "Séance d’ouverture"),
                ("starts_at", "2017-02-04T09:30"),
                ("ends_at", "2017-02-04T11:00"),
                ("room", "Grande salle"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let after = app
            .store()
            .session_program(Viewer::System, session.id)
            .await
            .unwrap();
        assert!(after.slots.iter().any(|s| s.title == "Séance d’ouverture"));

        // A workshop: an empty title is refused; its people are shown.
        let w = &program.workshops[0];
        let w_edit = format!("/workshops/{}/edit", w.id);
        let page = app.text(&c, &w_edit).await;
        assert!(page.contains("data-picker"), "the person picker");
        let r = c
            .post(app.url(&w_edit))
            .form(&[("_csrf", csrf.as_str()), ("title", " "), ("themes", "x")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let r = c
            .post(app.url(&format!("/workshops/{}/people", w.id)))
            .form(&[("_csrf", csrf.as_str()), ("role", "facilitator")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422, "no person chosen");

        // A member of Agadir may not open or post these pages.
        let m = app.page_login("member", "fr").await;
        let r = m.get(app.url(&edit)).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let page = app.text(&m, "/").await;
        let member_csrf = hidden(&page, "_csrf");
        for path in [
            format!("/sessions/{}/delete", session.id),
            format!("/slots/{}/delete", slot.id),
            format!("/workshops/{}/delete", w.id),
        ] {
            let r = m
                .post(app.url(&path))
                .form(&[("_csrf", member_csrf.as_str())])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 403, "{path}");
        }
        let still = app
            .store()
            .session_program(Viewer::System, session.id)
            .await
            .unwrap();
        assert_eq!(still.slots.len(), program.slots.len());
        assert_eq!(still.workshops.len(), program.workshops.len());
    })
    .await;
}
