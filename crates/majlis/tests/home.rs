//! Home = what needs me now: next meetings, working papers, decisions to
//! carry out and minutes to approve, per user, through the real router.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};

/// The name the header gives the signed-in user.
fn who(page: &str) -> &str {
    let start =
        page.find(r#"<span class="who"><bdi>"#).expect("who") + r#"<span class="who"><bdi>"#.len();
    &page[start..start + page[start..].find("</bdi>").unwrap()]
}

/// The text of one section of the home page.
fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!(r#"<section id="{id}""#))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = page[start..].find("</section>").unwrap() + start;
    &page[start..end]
}

#[tokio::test]
async fn home_shows_what_needs_each_user_now() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let agadir = app.body_id("أكادير").await;
        let (c, csrf) = app.api_login("agadir").await;
        let post = |path: String, body: Value| {
            c.post(app.url(&path))
                .header("x-csrf-token", &csrf)
                .json(&body)
        };
        let day = |d: i64| {
            (chrono::Utc::now() + chrono::Duration::days(d))
                .format("%Y-%m-%d")
                .to_string()
        };
        // A meeting next week and one held yesterday, without minutes.
        let r = post(
            format!("/api/v1/bodies/{agadir}/meetings"),
            json!({"kind": "periodic", "title": "اجتماع تقييم الانتخابات", "starts_at": format!("{}T18:00", day(7)), "ends_at": format!("{}T20:00", day(7))}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        let next: Value = r.json().await.unwrap();
        let r = post(
            format!("/api/v1/bodies/{agadir}/meetings"),
            json!({"kind": "special", "title": "لقاء البارحة", "starts_at": format!("{}T10:00", day(-1)), "ends_at": format!("{}T12:00", day(-1))}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        let held: Value = r.json().await.unwrap();
        let held_id = held["id"].as_str().unwrap();
        let r = post(format!("/api/v1/meetings/{held_id}/status"), json!({"action": "hold"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        // A measure in the charge of the Agadir body, due in three days.
        let r = post(
            format!("/api/v1/meetings/{held_id}/decisions"),
            json!({"kind": "measure", "text": "إعداد تقرير التقييم", "responsible_body_id": agadir.to_string(), "due_on": day(3)}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());

        // The secretary: the next meeting, the measure, the minutes to approve.
        let page = app.text(&app.page_login("agadir", "ar").await, "/").await;
        // The header names the person, not the login.
        assert!(who(&page) != "agadir" && who(&page).chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c)), "{}", who(&page));
        let meetings = section(&page, "next-meetings");
        assert!(meetings.contains("اجتماع تقييم الانتخابات"), "{meetings}");
        assert!(meetings.contains(&format!("/meetings/{}", next["id"].as_str().unwrap())));
        assert!(!meetings.contains("لقاء البارحة"));
        assert!(section(&page, "my-decisions").contains("إعداد تقرير التقييم"));
        let approve = section(&page, "to-approve");
        assert!(approve.contains("لقاء البارحة") && approve.contains("/minutes"));

        // A plain member of the body: the meeting and the measure, nothing to approve.
        let page = app.text(&app.page_login("member", "fr").await, "/").await;
        assert!(section(&page, "next-meetings").contains("اجتماع تقييم الانتخابات"));
        assert!(section(&page, "my-decisions").contains("échéance"));
        // In French, the Latin spelling of the name.
        assert!(who(&page) != "member" && who(&page).chars().all(|c| c.is_ascii() || c.is_alphabetic() && !('\u{0600}'..='\u{06FF}').contains(&c)), "{}", who(&page));
        assert!(!page.contains(r#"id="to-approve""#));

        // Someone of another body sees none of it, and says so.
        let page = app.text(&app.page_login("bureau", "en").await, "/").await;
        assert!(!page.contains("اجتماع تقييم الانتخابات"));
        assert!(section(&page, "next-meetings").contains("No meeting planned in your bodies."));
    })
    .await;
}
