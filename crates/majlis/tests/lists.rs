//! Long lists as pages: the body tree and a large body's members, a page at
//! a time, searchable, following writes at once — through the real router on
//! every backend of the run.

mod common;

use common::{TestApp, each_backend};

#[tokio::test]
async fn the_body_tree_comes_a_page_at_a_time_and_follows_writes_at_once() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (api, csrf) = app.api_login("admin").await;
        let c = app.page_login("admin", "fr").await;
        let text = |path: String| {
            let c = c.clone();
            let url = app.url(&path);
            async move { c.get(url).send().await.unwrap().text().await.unwrap() }
        };
        let rows = |page: &str| page.matches("<li class=\"depth-").count();
        let first = text("/bodies".into()).await;
        let before: serde_json::Value = api
            .get(app.url("/api/v1/bodies?per_page=1"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let total = before["total"].as_u64().unwrap();
        assert_eq!(rows(&first), total.min(50) as usize);

        // Enough new bodies under one region for a second page; each shows
        // at once (the kept totals and tree end with the write).
        let region = app.body_id("سوس ماسة").await;
        for i in 0..60 {
            let r = api
                .post(app.url("/api/v1/bodies"))
                .header("x-csrf-token", &csrf)
                .json(&serde_json::json!({"name_ar": format!("هيئة محلية {i:02}"), "kind": "local", "parent_id": region.to_string()}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        let after: serde_json::Value = api
            .get(app.url("/api/v1/bodies?per_page=1"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let total = after["total"].as_u64().unwrap();
        assert!(total > 100 && total <= 150, "{total}");
        let first = text("/bodies".into()).await;
        assert_eq!(rows(&first), 50);
        assert!(first.contains("Page \u{2068}1\u{2069} sur \u{2068}3\u{2069}"), "{first}");
        assert!(first.contains(r#"rel="next" href="/bodies?q=&#38;page=2""#), "{first}");
        let second = text("/bodies?page=2".into()).await;
        let third = text("/bodies?page=3".into()).await;
        assert_eq!(rows(&first) + rows(&second) + rows(&third), total as usize);
        assert!(third.contains(r#"rel="prev""#) && !third.contains(r#"rel="next""#));
        // Depth-first: the new local bodies sit under their region, one level
        // deeper than it, in name order.
        let all = first + &second + &third;
        let region_at = all.find("Souss").or_else(|| all.find("سوس ماسة")).unwrap();
        let local_00 = all.find("هيئة محلية 00").unwrap();
        let local_01 = all.find("هيئة محلية 01").unwrap();
        assert!(region_at < local_00 && local_00 < local_01);
        // A page past the end is empty, not an error; a bad page is page 1.
        assert_eq!(rows(&text("/bodies?page=99".into()).await), 0);
        assert_eq!(rows(&text("/bodies?page=abc".into()).await), 50);
        // A search is paged too.
        let search = text("/bodies?q=محلية".into()).await;
        assert_eq!(rows(&search), 50);
        assert!(search.contains(r#"rel="next""#));
        let search = text("/bodies?q=محلية&page=2".into()).await;
        assert_eq!(rows(&search), 10);
    })
    .await;
}

#[tokio::test]
async fn a_large_body_shows_its_sessions_first_and_its_members_a_page_at_a_time() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("bureau", "ar").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let page = app.text(&c, &format!("/bodies/{cc}")).await;
        // The 8th session comes before the 151 members.
        let sessions = page.find(r#"<section id="sessions""#).unwrap();
        let members = page.find(r#"<section id="members""#).unwrap();
        assert!(sessions < members);
        // Current members listed on this page (past ones sit folded apart).
        let rows = |p: &str| {
            let m = &p[p.find(r#"<section id="members""#).unwrap()..];
            let m = &m[..m.find("<details>").unwrap_or(m.len())];
            m.matches(r#"<a href="/people/"#).count()
        };
        assert!(
            page.contains(r#"rel="next""#) && page.contains("151"),
            "paged"
        );
        assert_eq!(rows(&page), 50);
        let last = app.text(&c, &format!("/bodies/{cc}?mp=4")).await;
        assert_eq!(rows(&last), 1);
        assert!(last.contains(r#"rel="prev""#) && !last.contains(r#"rel="next" href="/bodies"#));
        // A search among the members: one of them by member number.
        let someone = app
            .store()
            .body_members(majlis_domain::Viewer::System, cc)
            .await
            .unwrap()
            .into_iter()
            .find_map(|r| {
                r.person
                    .member_number
                    .clone()
                    .map(|n| (n, r.person.full_name_ar))
            })
            .unwrap();
        let found = app
            .text(&c, &format!("/bodies/{cc}?mq={}", someone.0))
            .await;
        assert!(found.contains(&someone.1), "{}", someone.1);
        assert!(!found.contains(r#"rel="next""#));
        let none = app.text(&c, &format!("/bodies/{cc}?mq=zzzzzz")).await;
        assert!(none.contains(r#"<p class="empty">"#));
    })
    .await;
}
