//! A campaign as a measure asked of each target body, on SQLite and
//! PostgreSQL: Agadir's «decisions to follow» lists the seed campaign
//! (returned report, the special meeting to hold, the Political Bureau as
//! issuer) until its report is sent; one body's view of its campaigns
//! through the API, for a target and for the issuer.

mod common;

use common::{TestApp, each_backend, plain};
use serde_json::{Value, json};

async fn json_of(c: &reqwest::Client, url: String) -> (u16, Value) {
    let r = c.get(url).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn campaigns_are_measures_of_their_targets() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (agadir, csrf) = app.api_login("agadir").await;
        let (bureau, _) = app.api_login("bureau").await;
        let agadir_body = app.body_id("أكادير").await;
        let bureau_body = app.body_id("المكتب السياسي").await;

        // The API: one body's campaigns.
        let (status, mine) = json_of(
            &agadir,
            app.url(&format!("/api/v1/bodies/{agadir_body}/campaigns")),
        )
        .await;
        assert_eq!(status, 200);
        let seed = mine
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["title"] == "تقييم انتخابات أعضاء مجلس النواب")
            .expect("the seed campaign");
        assert_eq!(seed["issued"], false);
        assert_eq!(seed["state"], "launched");
        assert_eq!(seed["due_on"], "2017-01-07");
        assert_eq!(seed["meeting_kind"], "special");
        assert_eq!(seed["report_required"], true);
        assert_eq!(seed["report_state"], "returned");
        assert_eq!(seed["issuing_body_id"], bureau_body.to_string().as_str());
        let (_, issued) = json_of(
            &bureau,
            app.url(&format!("/api/v1/bodies/{bureau_body}/campaigns")),
        )
        .await;
        let seed_issued = issued
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["campaign_id"] == seed["campaign_id"])
            .unwrap();
        assert_eq!(seed_issued["issued"], true);
        assert_eq!(seed_issued["report_state"], Value::Null);
        let (status, _) = json_of(
            &agadir,
            app.url(&format!("/api/v1/bodies/{}/campaigns", uuid::Uuid::nil())),
        )
        .await;
        assert_eq!(status, 404);

        // The page: a measure with what to do, who asked, the deadline passed.
        let page = app.page_login("agadir", "ar").await;
        let html = app
            .text(&page, &format!("/bodies/{agadir_body}/decisions"))
            .await;
        let text = plain(html.clone());
        assert!(html.contains("id=\"measures\""), "{text}");
        for needle in [
            "تدابير مطلوبة من الهيئة",
            "تقييم انتخابات أعضاء مجلس النواب",
            "عقد لقاء خاص",
            "إرسال التقرير",
            "المكتب السياسي",
            "7 يناير 2017",
            "أعيد للمراجعة",
            "متأخر",
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
        let campaign = seed["campaign_id"].as_str().unwrap();
        assert!(html.contains(&format!(
            "/campaigns/{campaign}/bodies/{agadir_body}/report"
        )));
        // In French too.
        let fr = app.page_login("agadir", "fr").await;
        let text = plain(
            app.text(&fr, &format!("/bodies/{agadir_body}/decisions"))
                .await,
        );
        assert!(
            text.contains("Mesures demandées à l’instance") && text.contains("Envoyer le rapport"),
            "{text}"
        );

        // Sent: no longer a measure to carry out.
        let form = app
            .text(
                &page,
                &format!("/campaigns/{campaign}/bodies/{agadir_body}/report"),
            )
            .await;
        let report = form
            .split("action=\"/reports/")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_string();
        let r = agadir
            .post(app.url(&format!("/api/v1/reports/{report}/submit")))
            .header("x-csrf-token", &csrf)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let html = app
            .text(&page, &format!("/bodies/{agadir_body}/decisions"))
            .await;
        assert!(!html.contains("id=\"measures\""));
        let (_, mine) = json_of(
            &agadir,
            app.url(&format!("/api/v1/bodies/{agadir_body}/campaigns")),
        )
        .await;
        let seed = mine
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["campaign_id"] == campaign)
            .unwrap();
        assert_eq!(seed["report_state"], "submitted");
    })
    .await;
}
