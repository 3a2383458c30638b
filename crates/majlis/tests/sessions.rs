//! The Central Committee's 8th session as the demo holds it, through the
//! real router on every backend of the run.

mod common;

use common::{TestApp, each_backend, hidden, plain};

#[tokio::test]
async fn the_eighth_session_in_arabic() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("bureau", "ar").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let body = c
            .get(app.url(&format!("/bodies/{cc}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(body.contains("الدورة الثامنة للجنة المركزية"));
        assert!(body.contains("السبت 4 والأحد 5 فبراير 2017"));
        let at = body.find("/sessions/").unwrap();
        let link: String = body[at..].split('"').next().unwrap().to_string();
        let page = c
            .get(app.url(&link))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        for expected in [
            "الدورة الثامنة للجنة المركزية",
            "السبت 4 والأحد 5 فبراير 2017",
            "المقر الوطني للحزب",
            "الجلسة الافتتاحية",
            "الجلسة الختامية",
            "الورشة الأولى",
            "الورشة الثانية",
            "الورشة الثالثة",
            "آليات العمل الحزبي القائم على القرب",
            "تحويل التأثير التنظيمي والإشعاع السياسي إلى قوة انتخابية",
            "الحزب قوة اقتراحية للأفكار والبدائل الكفيلة بتقدم المجتمع",
            "مصادق عليها",
            "مسودة",
            "مكلف بها",
            "الحزب والمجتمع",
            "مشروع اليسار في مغرب اليوم",
            "طرق العمل الحزبي في قطاع الاقتصاد والعمل التضامني",
            "السبت 4 فبراير 2017",
            "الأحد 5 فبراير 2017",
        ] {
            assert!(page.contains(expected), "session page lacks «{expected}»");
        }
        assert!(
            !page.contains("تنبيهات حول البرنامج"),
            "the demo program has no conflicts"
        );
        // The session is long over: a paper that never came in is "not
        // submitted by its due date", not thousands of days late.
        assert!(
            page.contains("لم تقدم في أجلها") && !page.contains("متأخرة بـ"),
            "papers missing after the session are judged on the session's clock"
        );

        let cal = c
            .get(app.url(&format!("{link}/ics")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(cal.matches("BEGIN:VEVENT").count(), 9, "{cal}");
        assert!(cal.contains("DTSTART:20170204T100000Z"));
        // The executive adds a slot outside the session's days: refused, named.
        let csrf = hidden(&page, "_csrf");
        let r = c
            .post(app.url(&format!("{link}/slots")))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("kind", "plenary"),
                ("slot_title", "جلسة إضافية"),
                ("starts_at", "2017-02-06T10:00"),
                ("ends_at", "2017-02-06T12:00"),
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
                .contains("الحصة خارج أيام الدورة")
        );
        // A workshop in the same room at the same time as the first one: flagged.
        let r = c
            .post(app.url(&format!("{link}/workshops")))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("title", "ورشة رابعة"),
                ("themes", "محور"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let r = c
            .post(app.url(&format!("{link}/slots")))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("kind", "plenary"),
                ("slot_title", "لقاء"),
                ("starts_at", "2017-02-04T16:00"),
                ("ends_at", "2017-02-04T17:00"),
                ("room", "القاعة 1"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let page = c
            .get(app.url(&link))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(page.contains("القاعة القاعة 1 محجوزة مرتين في نفس الوقت."));

        // In French.
        let f = app.page_login("bureau", "fr").await;
        let page = f
            .get(app.url(&link))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .map(plain)
            .unwrap();
        assert!(
            page.contains("8e session") && page.contains("samedi 4 et dimanche 5 février 2017")
        );

        // A plain member of Agadir is not on the Central Committee: no access.
        let m = app.page_login("member", "ar").await;
        assert_eq!(m.get(app.url(&link)).send().await.unwrap().status(), 403);
    })
    .await;
}

#[tokio::test]
async fn the_eighth_session_through_the_api() {
    use base64::Engine;
    use serde_json::{Value, json};
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("bureau").await;
        let cc = app.body_id("اللجنة المركزية").await;
        let list: Value = c
            .get(app.url(&format!("/api/v1/bodies/{cc}/sessions")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list[0]["number"], 8);
        assert_eq!(list[0]["title"], "الدورة الثامنة للجنة المركزية");
        let id = list[0]["id"].as_str().unwrap().to_string();
        let p: Value = c
            .get(app.url(&format!("/api/v1/sessions/{id}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(p["slots"].as_array().unwrap().len(), 9);
        assert_eq!(p["workshops"].as_array().unwrap().len(), 3);
        assert_eq!(p["parallel"].as_array().unwrap().len(), 3);
        assert!(p["conflicts"].as_array().unwrap().is_empty());
        assert_eq!(
            p["workshops"][0]["themes"][0],
            "آليات العمل الحزبي القائم على القرب"
        );
        // The third paper is only assigned: its assignee (a bureau member) saves a version.
        let paper = p["workshops"][2]["papers"][0]["id"]
            .as_str()
            .unwrap()
            .to_string();
        // A document of the wrong type (a PNG named .pdf) is refused, nothing saved.
        let png = base64::engine::general_purpose::STANDARD
            .encode([0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
        let r = c
            .post(app.url(&format!("/api/v1/papers/{paper}/versions")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"file": {"name": "paper.pdf", "content_base64": png}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["fields"][0]["code"], "file_type");
        // Over the upload limit (256 KiB in tests).
        let big = base64::engine::general_purpose::STANDARD.encode(vec![b'a'; 300 * 1024]);
        let r = c
            .post(app.url(&format!("/api/v1/papers/{paper}/versions")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"file": {"name": "big.md", "content_base64": big}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["fields"][0]["code"], "file_too_large");
        let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
        let r = c
            .post(app.url(&format!("/api/v1/papers/{paper}/versions")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"file": {"name": "ورقة العمل.pdf", "content_base64": base64::engine::general_purpose::STANDARD.encode(pdf)}}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.json::<Value>().await.unwrap()["number"], 1);
        let d: Value = c
            .get(app.url(&format!("/api/v1/papers/{paper}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(d["state"], "draft");
        assert_eq!(d["versions"][0]["file"]["name"], "ورقة العمل.pdf");
        let url = d["versions"][0]["file_url"].as_str().unwrap();
        let f = c.get(app.url(url)).send().await.unwrap();
        assert_eq!(f.headers()["content-type"], "application/pdf");
        assert!(f.headers()["content-disposition"].to_str().unwrap().contains("filename*=UTF-8''"));
        assert_eq!(f.bytes().await.unwrap().as_ref(), pdf);
        let r = c
            .post(app.url(&format!("/api/v1/papers/{paper}/action")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"action": "circulate"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        // The next session gets number 9; a council only.
        let r = c
            .post(app.url(&format!("/api/v1/bodies/{cc}/sessions")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"first_day": "2017-06-10", "last_day": "2017-06-10"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.json::<Value>().await.unwrap()["title"],
            "الدورة التاسعة للجنة المركزية"
        );
        let agadir = app.body_id("أكادير").await;
        let r = c
            .post(app.url(&format!("/api/v1/bodies/{agadir}/sessions")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"first_day": "2017-06-10", "last_day": "2017-06-10"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        // The agadir secretary may not open sessions.
        let (s, s_csrf) = app.api_login("agadir").await;
        let r = s
            .post(app.url(&format!("/api/v1/bodies/{cc}/sessions")))
            .header("x-csrf-token", &s_csrf)
            .json(&json!({"first_day": "2017-07-01", "last_day": "2017-07-02"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    })
    .await;
}

#[tokio::test]
async fn council_members_sign_up_for_workshops() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let cc = app.body_id("اللجنة المركزية").await;
        let bureau = app.body_id("المكتب السياسي").await;
        let store = app.store();
        // A member of the Central Committee who is not in the bureau.
        let in_bureau: Vec<uuid::Uuid> = store
            .body_members(majlis_domain::Viewer::System, bureau)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.person.id)
            .collect();
        let person = store
            .body_members(majlis_domain::Viewer::System, cc)
            .await
            .unwrap()
            .into_iter()
            .map(|m| m.person.id)
            .find(|p| !in_bureau.contains(p))
            .expect("a council member outside the bureau");
        store
            .create_account(
                None,
                majlis_store::NewAccount {
                    username: "cc-member".into(),
                    email: None,
                    password: majlis::demo::DEMO_PASSWORD.into(),
                    person_id: Some(person),
                    is_admin: false,
                },
            )
            .await
            .unwrap();
        let session = store
            .body_sessions(majlis_domain::Viewer::System, cc)
            .await
            .unwrap()[0]
            .id;
        let program = store
            .session_program(majlis_domain::Viewer::System, session)
            .await
            .unwrap();
        let workshop = program.workshops[1].id;
        let (c, csrf) = app.api_login("cc-member").await;
        let join = app.url(&format!("/api/v1/workshops/{workshop}/join"));
        let r = c
            .post(&join)
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let p = store
            .session_program(majlis_domain::Viewer::System, session)
            .await
            .unwrap();
        assert!(p.workshops[1].people.iter().any(|(x, _)| x.id == person));
        // Someone outside the council may not.
        let (m, mcsrf) = app.api_login("member").await;
        let r = m
            .post(&join)
            .header("x-csrf-token", &mcsrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        // The page offers to leave; leaving works.
        let page = app.page_login("cc-member", "ar").await;
        let html = page
            .get(app.url(&format!("/sessions/{session}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains(&format!("/workshops/{workshop}/leave")));
        assert!(
            html.contains("المتدخلون"),
            "speakers of the thematic meetings"
        );
        // Signed up, in the words of the member's gender.
        assert!(
            html.contains("أنت مسجلة في هذه الورشة") || html.contains("أنت مسجل في هذه الورشة"),
            "{html}"
        );
        // A thematic meeting names its speakers in their gender: the
        // Casablanca meeting's second speaker is a woman (فاعلة جمعوية).
        let title = html.find("لقاء موضوعاتي بمدينة الدار البيضاء").unwrap();
        let start = html[..title].rfind(r#"<a href=""#).unwrap() + r#"<a href=""#.len();
        let href = html[start..start + html[start..].find('"').unwrap()].to_string();
        let bureau = app.page_login("bureau", "ar").await;
        let meeting = bureau
            .get(app.url(&href))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            meeting.contains("فاعلة جمعوية")
                && meeting.contains(r#"<span class="tag">متدخلة</span>"#),
            "{meeting}"
        );
        assert!(meeting.contains(r#"<span class="tag">متدخل</span>"#));
        let r = c
            .delete(&join)
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
        let p = store
            .session_program(majlis_domain::Viewer::System, session)
            .await
            .unwrap();
        assert!(!p.workshops[1].people.iter().any(|(x, _)| x.id == person));
    })
    .await;
}
