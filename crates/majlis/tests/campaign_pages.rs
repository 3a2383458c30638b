//! A campaign written on pages, on SQLite and PostgreSQL: the form refuses
//! bad input (422, what was typed kept), saves a draft over the provinces of
//! one region, launches it (targets frozen, confirmed) and closes it; a
//! provincial secretary may not issue one.

mod common;

use common::{TestApp, each_backend, hidden};

#[tokio::test]
async fn a_campaign_written_launched_and_closed_on_pages() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let bureau = app.page_login("bureau", "ar").await;
        let bureau_body = app.body_id("المكتب السياسي").await.to_string();
        let region = app.body_id("جهة سوس ماسة").await.to_string();
        let page = app.text(&bureau, "/campaigns").await;
        assert!(page.contains("href=\"/campaigns/new\""));
        let form = app.text(&bureau, "/campaigns/new").await;
        assert!(
            form.contains("elections-2016"),
            "the demo's template is offered"
        );
        let csrf = hidden(&form, "_csrf");

        // No title, a bad date, no target kind: refused, nothing saved.
        let r = bureau
            .post(app.url("/campaigns"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("issuing_body_id", bureau_body.as_str()),
                ("title", ""),
                ("description", "وصف يبقى"),
                ("due_on", "2027-02-30"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let again = r.text().await.unwrap();
        assert!(again.contains("وصف يبقى") && again.contains("class=\"errors\""));
        let before = app
            .text(&bureau, "/campaigns")
            .await
            .matches("class=\"item\"")
            .count();

        let r = bureau
            .post(app.url("/campaigns"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("issuing_body_id", bureau_body.as_str()),
                ("title", "تجديد مكاتب الفروع بجهة سوس ماسة"),
                ("due_on", "2027-03-31"),
                ("grace_days", "3"),
                ("meeting_kind", ""),
                ("template", "elections-2016"),
                ("kinds", "provincial"),
                ("within", region.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let url = r.headers()["location"].to_str().unwrap().to_string();
        let id = url.trim_start_matches("/campaigns/").to_string();
        assert_eq!(
            app.text(&bureau, "/campaigns")
                .await
                .matches("class=\"item\"")
                .count(),
            before + 1
        );
        let draft = app.text(&bureau, &url).await;
        assert!(draft.contains("value=\"launch\"") && draft.contains("data-confirm"));
        let launch = |action: &'static str| {
            bureau
                .post(app.url(&format!("{url}/action")))
                .form(&[("_csrf", csrf.as_str()), ("action", action)])
        };
        assert_eq!(launch("launch").send().await.unwrap().status(), 303);
        // The three provinces of Souss-Massa, frozen.
        let targets = app
            .store()
            .campaign_targets(id.parse().unwrap())
            .await
            .unwrap();
        assert_eq!(targets.len(), 3);
        assert_ne!(
            launch("launch").send().await.unwrap().status(),
            303,
            "launched once"
        );
        let running = app.text(&bureau, &url).await;
        assert!(running.contains("value=\"close\"") && running.contains("/remind"));
        assert_eq!(launch("close").send().await.unwrap().status(), 303);
        assert!(!app.text(&bureau, &url).await.contains("value=\"close\""));

        // A provincial secretary issues no campaign.
        let agadir = app.page_login("agadir", "ar").await;
        assert!(
            !app.text(&agadir, "/campaigns")
                .await
                .contains("href=\"/campaigns/new\"")
        );
        let r = agadir.get(app.url("/campaigns/new")).send().await.unwrap();
        assert_eq!(r.status(), 403);
    })
    .await;
}
