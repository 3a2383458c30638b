//! Meetings through the real router, on every backend of the run: the seed's
//! meeting of 19 December 2016 as the demo holds it, and a provincial
//! secretary planning and running their body's meeting.

mod common;

use common::{TestApp, each_backend, hidden, plain};

fn meeting_link(page: &str, title: &str) -> String {
    let at = page.find(title).unwrap_or_else(|| panic!("no {title}"));
    let start = page[..at].rfind("/meetings/").expect("link");
    page[start..].split('"').next().unwrap().to_string()
}

#[tokio::test]
async fn the_seed_meeting_in_the_demo() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("member", "ar").await;
        let bureau = app.body_id("المكتب السياسي").await;
        // No two people of the Political Bureau bear the same name.
        let names: std::collections::HashSet<String> = app
            .store()
            .body_members(majlis_domain::Viewer::System, bureau)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.person.full_name_ar)
            .collect();
        assert_eq!(names.len(), 21, "{names:?}");
        // A plain member of Agadir does not see the bureau's meetings.
        let r = c
            .get(app.url(&format!("/bodies/{bureau}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        let c = app.page_login("bureau", "ar").await;
        let page = c
            .get(app.url(&format!("/bodies/{bureau}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(
            page.contains("الإثنين 19 دجنبر 2016"),
            "date on the body page"
        );
        assert!(page.contains("الأربعاء 11 يناير 2017"));
        let link = meeting_link(&page, "الاجتماع الدوري للمكتب السياسي");
        let meeting = c
            .get(app.url(&link))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(
            meeting.contains("الإثنين 19 دجنبر 2016، من 18:00 إلى 21:30"),
            "when"
        );
        assert!(meeting.contains("مواصلة التحضير لاجتماع الدورة الثامنة للجنة المركزية"));
        assert!(meeting.contains("النصاب مكتمل"));
        assert!(meeting.contains("منعقد"));
        assert!(meeting.contains("7 يناير 2017"));
        // The meeting as an iCalendar file (times in UTC: Morocco was on UTC+0 in December 2016).
        let r = c.get(app.url(&format!("{link}/ics"))).send().await.unwrap();
        assert_eq!(r.headers()["content-type"], "text/calendar; charset=utf-8");
        let cal = r.text().await.unwrap();
        assert!(
            cal.contains("BEGIN:VEVENT")
                && cal.contains("DTSTART:20161219T180000Z")
                && cal.contains("DTEND:20161219T213000Z"),
            "{cal}"
        );
        assert!(cal.contains("SUMMARY:الاجتماع الدوري للمكتب السياسي"));
        let follow = c
            .get(app.url(&format!("/bodies/{bureau}/decisions")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(follow.contains("التقرير التركيبي"));
        let thematic = meeting_link(&page, "لقاء موضوعاتي بمدينة أكادير");
        let t = c
            .get(app.url(&thematic))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(t.contains("الحزب والمجتمع") && t.contains("السبت 14 يناير 2017"));
    })
    .await;
}

#[tokio::test]
async fn a_provincial_secretary_runs_a_meeting() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("agadir", "ar").await;
        let agadir = app.body_id("أكادير").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let form = c
            .get(app.url(&format!("/bodies/{agadir}/meetings/new")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        let csrf = hidden(&form, "_csrf");
        // Not for another body.
        let r = c
            .get(app.url(&format!("/bodies/{bureau}/meetings/new")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        let before = app
            .store()
            .body_meetings(majlis_domain::Viewer::System, agadir, 50)
            .await
            .unwrap()
            .len();
        let fields = |end: &'static str| {
            vec![
                ("_csrf", csrf.clone()),
                ("kind", "periodic".to_string()),
                ("title", "اجتماع تقييم انتخابات مجلس النواب".to_string()),
                ("starts_at", "2017-01-05T17:00".to_string()),
                ("ends_at", end.to_string()),
                ("venue", "مقر الحزب بأكادير".to_string()),
                ("quorum", "majority".to_string()),
            ]
        };
        let r = c
            .post(app.url(&format!("/bodies/{agadir}/meetings")))
            .form(&fields("2017-01-05T16:00"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let page = r.text().await.map(plain).unwrap();
        assert!(
            page.contains("تاريخ النهاية قبل تاريخ البداية")
                && page.contains("اجتماع تقييم انتخابات مجلس النواب")
        );
        // Nothing added (the demo's Agadir held its evaluation meeting).
        assert_eq!(
            app.store()
                .body_meetings(majlis_domain::Viewer::System, agadir, 50)
                .await
                .unwrap()
                .len(),
            before
        );

        let r = c
            .post(app.url(&format!("/bodies/{agadir}/meetings")))
            .form(&fields("2017-01-05T19:00"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let url = r.headers()["location"].to_str().unwrap().to_string();
        let page = c
            .get(app.url(&url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(page.contains("الخميس 5 يناير 2017، من 17:00 إلى 19:00"));
        let csrf = hidden(&page, "_csrf");

        // Agenda.
        for t in [
            "تقييم نتائج الانتخابات بالإقليم",
            "إعداد التقرير للمكتب السياسي",
        ] {
            let r = c
                .post(app.url(&format!("{url}/agenda")))
                .form(&[
                    ("_csrf", csrf.as_str()),
                    ("title", t),
                    ("planned_minutes", "40"),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303);
        }
        let r = c
            .post(app.url(&format!("{url}/agenda")))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("title", "x"),
                ("planned_minutes", "9999"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);

        // Attendance: everyone present but one.
        let mid = uuid::Uuid::parse_str(url.trim_start_matches("/meetings/")).unwrap();
        let sheet = app
            .store()
            .attendance_sheet(majlis_domain::Viewer::System, mid)
            .await
            .unwrap();
        let mut form: Vec<(String, String)> = vec![("_csrf".into(), csrf.clone())];
        for (i, (p, _)) in sheet.rows.iter().enumerate() {
            form.push((
                format!("att-{}", p.id),
                if i == 0 { "excused" } else { "present" }.into(),
            ));
        }
        let r = c
            .post(app.url(&format!("{url}/attendance")))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let page = c
            .get(app.url(&url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(page.contains("النصاب مكتمل"), "quorum");
        // Someone who was not invited: refused, nothing recorded.
        let outsider = app
            .store()
            .body_members(majlis_domain::Viewer::System, bureau)
            .await
            .unwrap()[0]
            .person
            .id;
        let r = c
            .post(app.url(&format!("{url}/attendance")))
            .form(&[
                ("_csrf", csrf.as_str()),
                (format!("att-{outsider}").as_str(), "present"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);

        // A measure, then done.
        let r = c
            .post(app.url(&format!("{url}/decisions")))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("kind", "measure"),
                ("text", "إرسال التقرير إلى المكتب السياسي"),
                ("due_on", "2017-01-07"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(
            app.store()
                .open_decisions(majlis_domain::Viewer::System, agadir)
                .await
                .unwrap()
                .len(),
            1
        );
        let d = app
            .store()
            .open_decisions(majlis_domain::Viewer::System, agadir)
            .await
            .unwrap()
            .remove(0);
        let r = c
            .post(app.url(&format!("/decisions/{}/status", d.id)))
            .form(&[("_csrf", csrf.as_str()), ("status", "done")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert!(
            app.store()
                .open_decisions(majlis_domain::Viewer::System, agadir)
                .await
                .unwrap()
                .is_empty()
        );

        // Held; then it cannot be postponed.
        let r = c
            .post(app.url(&format!("{url}/status")))
            .form(&[("_csrf", csrf.as_str()), ("action", "hold")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let r = c
            .post(app.url(&format!("{url}/status")))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("action", "postpone"),
                ("starts_at", "2017-01-12T17:00"),
                ("ends_at", "2017-01-12T19:00"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(
            r.text()
                .await
                .map(plain)
                .unwrap()
                .contains("لا يمكن تغيير حالته")
        );

        // A plain member of Agadir reads the meeting but cannot change it.
        let m = app.page_login("member", "fr").await;
        let page = m
            .get(app.url(&url))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(page.contains("jeudi 5 janvier 2017") && !page.contains("/status\""));
        let r = m
            .post(app.url(&format!("{url}/status")))
            .form(&[
                ("_csrf", hidden(&page, "_csrf").as_str()),
                ("action", "cancel"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    })
    .await;
}

#[tokio::test]
async fn the_seed_meeting_through_the_api() {
    use serde_json::{Value, json};
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("bureau").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let post = |path: String, body: Value| c.post(app.url(&path)).header("x-csrf-token", &csrf).json(&body);
        let r = post(
            format!("/api/v1/bodies/{bureau}/meetings"),
            json!({"kind": "periodic", "title": "الاجتماع الدوري", "starts_at": "2016-12-26T18:00", "ends_at": "2016-12-26T21:00", "city": "الرباط"}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        let m: Value = r.json().await.unwrap();
        assert_eq!(m["starts_at"], "2016-12-26T18:00:00");
        let id = m["id"].as_str().unwrap().to_string();
        let r = post(format!("/api/v1/bodies/{bureau}/meetings"), json!({"kind": "periodic", "title": "x", "starts_at": "2016-12-26T18:00", "ends_at": "soon"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["fields"][0]["field"], "ends_at");

        let r = post(format!("/api/v1/meetings/{id}/agenda"), json!({"title": "التحضير للدورة الثامنة", "planned_minutes": 60})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let detail: Value = c.get(app.url(&format!("/api/v1/meetings/{id}"))).send().await.unwrap().json().await.unwrap();
        let members: Vec<String> = detail["attendance"].as_array().unwrap().iter().map(|a| a["person_id"].as_str().unwrap().to_string()).collect();
        assert_eq!(members.len(), 21);
        let marks: Vec<Value> = members.iter().take(11).map(|p| json!({"person_id": p, "status": "present"})).collect();
        let r = c.put(app.url(&format!("/api/v1/meetings/{id}/attendance"))).header("x-csrf-token", &csrf).json(&json!({ "marks": marks })).send().await.unwrap();
        assert_eq!(r.status(), 204);
        let detail: Value = c.get(app.url(&format!("/api/v1/meetings/{id}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!((detail["present"].as_u64(), detail["quorum_needed"].as_u64(), detail["quorum_reached"].as_bool()), (Some(11), Some(11), Some(true)));

        let r = post(format!("/api/v1/meetings/{id}/status"), json!({"action": "postpone", "starts_at": "2016-12-20T18:00", "ends_at": "2016-12-20T20:00"})).send().await.unwrap();
        assert_eq!(r.status(), 422, "postponed to an earlier date");
        let r = post(format!("/api/v1/meetings/{id}/status"), json!({"action": "postpone", "starts_at": "2017-01-02T18:00", "ends_at": "2017-01-02T20:00"})).send().await.unwrap();
        assert_eq!(r.json::<Value>().await.unwrap()["status"], "postponed");
        let r = post(format!("/api/v1/meetings/{id}/decisions"), json!({"kind": "measure", "text": "إرسال التقارير", "due_on": "2017-01-07"})).send().await.unwrap();
        let d: Value = r.json().await.unwrap();
        let open: Value = c.get(app.url(&format!("/api/v1/bodies/{bureau}/decisions"))).send().await.unwrap().json().await.unwrap();
        assert!(open.as_array().unwrap().iter().any(|x| x["id"] == d["id"]));
        let r = post(format!("/api/v1/decisions/{}/status", d["id"].as_str().unwrap()), json!({"status": "finished"})).send().await.unwrap();
        assert_eq!(r.status(), 422);

        // The agadir secretary cannot plan the bureau's meetings.
        let (s, s_csrf) = app.api_login("agadir").await;
        let r = s
            .post(app.url(&format!("/api/v1/bodies/{bureau}/meetings")))
            .header("x-csrf-token", &s_csrf)
            .json(&json!({"kind": "periodic", "title": "x", "starts_at": "2017-01-02T18:00", "ends_at": "2017-01-02T20:00"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let doc: Value = c.get(app.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
        assert!(doc["paths"].get("/api/v1/meetings/{id}/attendance").is_some());
    })
    .await;
}
