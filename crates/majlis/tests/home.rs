//! Home = what needs me now: next meetings, working papers, decisions to
//! carry out and minutes to approve, per user, through the real router.

mod common;

use common::{TestApp, each_backend, hidden};
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
        // The demo campaign's report, returned to Agadir: still to send.
        let reports = section(&page, "my-reports");
        assert!(reports.contains("تقييم انتخابات أعضاء مجلس النواب") && reports.contains(&format!("/bodies/{agadir}/report")), "{reports}");

        // A plain member of the body: the meeting and the measure, nothing to approve.
        let page = app.text(&app.page_login("member", "fr").await, "/").await;
        assert!(section(&page, "next-meetings").contains("اجتماع تقييم الانتخابات"));
        assert!(section(&page, "my-decisions").contains("échéance"));
        // In French, the Latin spelling of the name.
        assert!(who(&page) != "member" && who(&page).chars().all(|c| c.is_ascii() || c.is_alphabetic() && !('\u{0600}'..='\u{06FF}').contains(&c)), "{}", who(&page));
        assert!(!page.contains(r#"id="to-approve""#));
        assert!(!page.contains(r#"id="my-reports""#), "a plain member sends no report");
        // No link to minutes the member may not open yet (not approved).
        let member = app.page_login("member", "ar").await;
        let meeting = app.text(&member, &format!("/meetings/{held_id}")).await;
        assert!(!meeting.contains(&format!(r#"href="/meetings/{held_id}/minutes""#)));
        let r = member.get(app.url(&format!("/meetings/{held_id}/minutes"))).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let secretary = app.page_login("agadir", "ar").await;
        let meeting = app.text(&secretary, &format!("/meetings/{held_id}")).await;
        assert!(meeting.contains(&format!(r#"href="/meetings/{held_id}/minutes""#)));
        // A held meeting never convened shows no empty convocation section;
        // a planned one offers to send it.
        assert!(!meeting.contains(r#"<section id="invitations""#));
        let planned = app.text(&secretary, &format!("/meetings/{}", next["id"].as_str().unwrap())).await;
        assert!(planned.contains(r#"<section id="invitations""#));

        // Someone of another body sees none of it, and says so.
        let page = app.text(&app.page_login("bureau", "en").await, "/").await;
        assert!(!page.contains("اجتماع تقييم الانتخابات"));
        assert!(section(&page, "next-meetings").contains("No meetings planned in your bodies."));
    })
    .await;
}

#[tokio::test]
async fn members_answer_convocations_and_the_secretary_sees_the_answers() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let agadir = app.body_id("أكادير").await;
        let (secretary, csrf) = app.api_login("agadir").await;
        let day = |d: i64| {
            (chrono::Utc::now() + chrono::Duration::days(d))
                .format("%Y-%m-%d")
                .to_string()
        };
        let create = |title: &'static str, d: i64| {
            let (secretary, csrf, app) = (&secretary, &csrf, &app);
            async move {
                let r = secretary
                    .post(app.url(&format!("/api/v1/bodies/{agadir}/meetings")))
                    .header("x-csrf-token", csrf)
                    .json(&json!({"kind": "periodic", "title": title, "starts_at": format!("{}T18:00", day(d)), "ends_at": format!("{}T20:00", day(d))}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 200);
                r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
            }
        };
        let next = create("اجتماع مقبل", 5).await;
        let past = create("اجتماع مضى", -3).await;

        // The member answers from the home page: "I send apologies".
        let member = app.page_login("member", "fr").await;
        let home = app.text(&member, "/").await;
        assert!(home.contains(&format!(r#"action="/meetings/{next}/reply""#)), "{home}");
        assert!(!home.contains(&format!(r#"action="/meetings/{past}/reply""#)));
        let r = member
            .post(app.url(&format!("/meetings/{next}/reply")))
            .form(&[("_csrf", hidden(&home, "_csrf").as_str()), ("reply", "apologies"), ("next", "/#next-meetings")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/#next-meetings");
        let home = app.text(&member, "/").await;
        assert!(section(&home, "next-meetings").contains("Excusé·e"));
        assert!(home.contains(r#"value="apologies" class="pressed" aria-pressed="true""#));

        // The secretary sees it beside the member's name on the attendance sheet.
        let page = app.text(&app.page_login("agadir", "ar").await, &format!("/meetings/{next}")).await;
        let sheet = &page[page.find(r#"<section id="attendance""#).unwrap()..];
        assert!(sheet.contains("status-apologies") && sheet.contains("اعتذر"), "{sheet}");

        // Over the API: the member changes their mind; the answers read back.
        let (api, api_csrf) = app.api_login("member").await;
        let post = |path: String, body: Value| api.post(app.url(&path)).header("x-csrf-token", &api_csrf).json(&body);
        let r = post(format!("/api/v1/meetings/{next}/reply"), json!({"reply": "attend"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let answers: Value = secretary.get(app.url(&format!("/api/v1/meetings/{next}/replies"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(answers.as_array().unwrap().len(), 1);
        assert_eq!(answers[0]["reply"], "attend");
        // Bad input changes nothing: an unknown answer, a meeting that started,
        // someone not convened (a national manager who may read Agadir).
        let r = post(format!("/api/v1/meetings/{next}/reply"), json!({"reply": "maybe"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let r = post(format!("/api/v1/meetings/{past}/reply"), json!({"reply": "attend"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let body: Value = r.json().await.unwrap();
        assert!(body.to_string().contains("reply_too_late"), "{body}");
        let (bureau, bureau_csrf) = app.api_login("bureau").await;
        let r = bureau
            .post(app.url(&format!("/api/v1/meetings/{next}/reply")))
            .header("x-csrf-token", &bureau_csrf)
            .json(&json!({"reply": "attend"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let answers: Value = secretary.get(app.url(&format!("/api/v1/meetings/{next}/replies"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(answers.as_array().unwrap().len(), 1);
        assert_eq!(answers[0]["reply"], "attend");

        // A crowd of answers at once (a double tap, several devices): no 5xx,
        // one answer kept, the last one written.
        let mut crowd = Vec::new();
        for i in 0..16 {
            let r = post(
                format!("/api/v1/meetings/{next}/reply"),
                json!({"reply": if i % 2 == 0 { "attend" } else { "apologies" }}),
            );
            crowd.push(tokio::spawn(async move { r.send().await.unwrap().status().as_u16() }));
        }
        let mut codes = Vec::new();
        for t in crowd {
            codes.push(t.await.unwrap());
        }
        assert!(codes.iter().all(|c| *c == 200), "{codes:?}");
        let answers: Value = secretary.get(app.url(&format!("/api/v1/meetings/{next}/replies"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(answers.as_array().unwrap().len(), 1);
    })
    .await;
}

#[tokio::test]
async fn papers_to_approve_recent_activity_and_formatted_versions() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (bureau, csrf) = app.api_login("bureau").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let get = |path: String| {
            let (bureau, app) = (&bureau, &app);
            async move { bureau.get(app.url(&path)).send().await.unwrap().json::<Value>().await.unwrap() }
        };
        let sessions = get(format!("/api/v1/bodies/{cc}/sessions")).await;
        let session = sessions[0]["id"].as_str().unwrap().to_string();
        let program = get(format!("/api/v1/sessions/{session}")).await;
        let paper = &program["workshops"][2]["papers"][0];
        let (paper, title) = (paper["id"].as_str().unwrap().to_string(), paper["title"].as_str().unwrap().to_string());
        // Nothing submitted yet: no section of papers to approve.
        let page = app.text(&app.page_login("bureau", "ar").await, "/").await;
        assert!(!page.contains(r#"id="papers-to-review""#));

        // A version written in Markdown (with a script that must not run), then submitted.
        let r = bureau
            .post(app.url(&format!("/api/v1/papers/{paper}/versions")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"text": "## المحور الأول\n\n- **الديمقراطية الداخلية**\n- *القرب*\n\n<script>alert(1)</script>"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
        let r = bureau
            .post(app.url(&format!("/api/v1/papers/{paper}/action")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "submit"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());

        let client = app.page_login("bureau", "ar").await;
        let page = app.text(&client, "/").await;
        let review = section(&page, "papers-to-review");
        assert!(review.contains(&title) && review.contains(&format!("/papers/{paper}")), "{review}");
        // The version reads as formatted text, the script removed.
        let text = app.text(&client, &format!("/papers/{paper}")).await;
        assert!(text.contains(r#"<h2 dir="auto">المحور الأول</h2>"#), "{text}");
        assert!(text.contains("<strong>الديمقراطية الداخلية</strong>"));
        assert!(!text.contains("<script>alert"));
        // A plain member of Agadir is no planner: nothing to approve.
        let page = app.text(&app.page_login("member", "ar").await, "/").await;
        assert!(!page.contains(r#"id="papers-to-review""#));

        // Recent activity: Agadir's secretary holds the meeting of 10 January
        // 2017 and approves its minutes; Agadir's members see who approved.
        let agadir = app.body_id("أكادير").await;
        let (secretary, s_csrf) = app.api_login("agadir").await;
        let held: Value = secretary
            .post(app.url(&format!("/api/v1/bodies/{agadir}/meetings")))
            .header("x-csrf-token", &s_csrf)
            .json(&json!({"kind": "periodic", "title": "تقييم الانتخابات", "starts_at": "2017-01-05T18:00", "ends_at": "2017-01-05T20:00"}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let held = held["id"].as_str().unwrap().to_string();
        for (path, body) in [
            ("minutes", json!({"version": 0, "overall": "انعقد الاجتماع وقيّم الانتخابات."})),
            ("status", json!({"action": "hold"})),
            ("minutes/approve", json!({"version": 1})),
        ] {
            let url = app.url(&format!("/api/v1/meetings/{held}/{path}"));
            let r = if path == "minutes" { secretary.put(url) } else { secretary.post(url) };
            let r = r.header("x-csrf-token", &s_csrf).json(&body).send().await.unwrap();
            assert_eq!(r.status(), 200, "{path}: {}", r.text().await.unwrap());
        }
        let page = app.text(&app.page_login("member", "ar").await, "/").await;
        let activity = section(&page, "activity");
        assert!(activity.contains("صودق على المحضر") && activity.contains("من طرف") && activity.contains("تقييم الانتخابات"), "{activity}");
        // Agadir's secretary plans a meeting: Agadir's members see it, the bureau does not.
        let day = (chrono::Utc::now() + chrono::Duration::days(9)).format("%Y-%m-%d").to_string();
        let r = secretary
            .post(app.url(&format!("/api/v1/bodies/{agadir}/meetings")))
            .header("x-csrf-token", &s_csrf)
            .json(&json!({"kind": "periodic", "title": "اجتماع التعبئة", "starts_at": format!("{day}T18:00"), "ends_at": format!("{day}T20:00")}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let page = app.text(&app.page_login("member", "fr").await, "/").await;
        let activity = section(&page, "activity");
        assert!(activity.contains("Réunion programmée") && activity.contains("par") && activity.contains("اجتماع التعبئة"), "{activity}");
        assert!(activity.contains("Aujourd’hui"), "{activity}");
        let page = app.text(&app.page_login("bureau", "ar").await, "/").await;
        assert!(!section(&page, "activity").contains("اجتماع التعبئة"));
    })
    .await;
}
