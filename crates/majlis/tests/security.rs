//! The classes of defect a security probe found, each with several hostile
//! payloads, through the real router on SQLite and PostgreSQL.

mod common;

use common::{TestApp, each_backend, hidden};
use serde_json::{Value, json};

const HOSTILE_NEXT: [&str; 10] = [
    "/\t/evil.example/",
    "/%09/evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/%5C%5Cevil.example",
    "https://evil.example/",
    "/x\r\nSet-Cookie: stolen=1",
    "/x%0d%0aSet-Cookie:%20stolen=1",
    "/\u{202e}lmth.x",
    "javascript:alert(1)",
];

#[tokio::test]
async fn redirects_stay_on_this_site_whatever_next_says() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        for next in HOSTILE_NEXT {
            // The login page keeps only a safe target in its form…
            let c = app.client("ar");
            let r = c
                .get(app.url("/login"))
                .query(&[("next", next)])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{next:?}");
            let page = r.text().await.unwrap();
            let form = &page[page.find("action=\"/login\"").expect("login form")..];
            assert_eq!(hidden(form, "next"), "/", "{next:?}");
            // …and a login posted with a hostile next lands home, no 5xx.
            let csrf = hidden(&page, "_csrf");
            let r = c
                .post(app.url("/login"))
                .form(&[
                    ("_csrf", csrf.as_str()),
                    ("login", "member"),
                    ("password", majlis::demo::DEMO_PASSWORD),
                    ("next", next),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303, "{next:?}");
            assert_eq!(r.headers()["location"], "/", "{next:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn no_title_venue_or_name_can_add_an_event_to_a_calendar() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let (c, csrf) = app.api_login("agadir").await;
        let agadir = app.body_id("أكادير").await;
        let post = |path: String, body: Value| {
            c.post(app.url(&path))
                .header("x-csrf-token", &csrf)
                .json(&body)
        };
        // Line breaks in single-line fields are refused at input, everywhere.
        for (field, value) in [
            ("title", "A\nBEGIN:VEVENT\nUID:meeting-x@majlis\nEND:VEVENT"),
            ("title", "A\r\nMETHOD:CANCEL"),
            ("venue", "Rabat\rBEGIN:VEVENT"),
            ("city", "x\u{2028}UID:y"),
            ("theme", "t\nX-EVIL:1"),
        ] {
            let mut body = json!({"kind": "thematic", "title": "لقاء", "theme": "الحزب والمجتمع", "starts_at": "2027-01-10T18:00", "ends_at": "2027-01-10T20:00"});
            body[field] = json!(value);
            let r = post(format!("/api/v1/bodies/{agadir}/meetings"), body).send().await.unwrap();
            assert_eq!(r.status(), 422, "{field}: {value:?}");
            let e: Value = r.json().await.unwrap();
            assert_eq!(e["error"]["fields"][0]["code"], "single_line", "{e}");
        }
        // What is allowed (commas, semicolons, backslashes, colons, bidi
        // controls) is escaped or removed: the file holds one event, ours.
        let title = "A; B, C\\n D:E \u{202e}F\u{200b}";
        let r = post(
            format!("/api/v1/bodies/{agadir}/meetings"),
            json!({"kind": "periodic", "title": title, "venue": "مقر; الحزب, \\ أكادير", "starts_at": "2027-01-10T18:00", "ends_at": "2027-01-10T20:00"}),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(r.status(), 200);
        let m: Value = r.json().await.unwrap();
        assert_eq!(m["title"], "A; B, C\\n D:E F", "invisible characters removed at input");
        let id = m["id"].as_str().unwrap();
        let ics = c.get(app.url(&format!("/meetings/{id}/ics"))).send().await.unwrap().text().await.unwrap();
        let cal: icalendar::Calendar = ics.parse().expect("parses");
        let events: Vec<_> = cal
            .components
            .iter()
            .filter_map(|c| match c {
                icalendar::CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        use icalendar::Component;
        assert_eq!(events.len(), 1, "{ics}");
        assert_eq!(events[0].get_uid(), Some(format!("meeting-{id}@majlis").as_str()));
        assert_eq!(events[0].get_summary(), Some("A; B, C\\n D:E F"));
        // A guest's name is one line too.
        let r = post(format!("/api/v1/meetings/{id}/guests"), json!({"name": "ضيف\nBEGIN:VEVENT"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
    })
    .await;
}

/// The id of a person who belongs to this body and no other (through the
/// API, as `bureau`).
async fn member_of(app: &TestApp, body: uuid::Uuid) -> String {
    let (c, _) = app.api_login("bureau").await;
    let get = |path: String| {
        let c = c.clone();
        let url = app.url(&path);
        async move {
            c.get(url)
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap()
        }
    };
    let members = get(format!("/api/v1/bodies/{body}/members")).await;
    for m in members.as_array().unwrap() {
        let id = m["person"]["id"].as_str().unwrap().to_string();
        let theirs = get(format!("/api/v1/people/{id}/memberships")).await;
        if theirs.as_array().unwrap().len() == 1 {
            return id;
        }
    }
    panic!("no member of {body} only");
}

#[tokio::test]
async fn memberships_and_references_cannot_reach_other_bodies_people() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let agadir = app.body_id("أكادير").await;
        let casa = app.body_id("الدار البيضاء").await;
        let casa_member = member_of(&app, casa).await;
        let (c, csrf) = app.api_login("agadir").await;
        let send = |method: reqwest::Method, path: String, body: Value| {
            c.request(method, app.url(&path))
                .header("x-csrf-token", &csrf)
                .json(&body)
        };
        // Taking a Casablanca member into Agadir: refused, and their private
        // contacts stay out of reach.
        let r = send(reqwest::Method::POST, "/api/v1/memberships".into(), json!({"person_id": casa_member, "body_id": agadir, "role": "member"})).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let r = c.get(app.url(&format!("/api/v1/people/{casa_member}"))).send().await.unwrap();
        assert!(r.status() == 403 || r.status() == 404, "{}", r.status());
        let r = send(reqwest::Method::PATCH, format!("/api/v1/people/{casa_member}"), json!({"full_name_ar": "x", "gender": "male", "email": "mine@evil.example"})).send().await.unwrap();
        assert_eq!(r.status(), 403);
        // A new registration can join Agadir.
        let r = send(reqwest::Method::POST, "/api/v1/people".into(), json!({"full_name_ar": "عضوة جديدة", "gender": "female"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let newcomer = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        let r = send(reqwest::Method::POST, "/api/v1/memberships".into(), json!({"person_id": newcomer, "body_id": agadir, "role": "member"})).send().await.unwrap();
        assert_eq!(r.status(), 200);

        // Someone in Agadir and Casablanca: Agadir's secretary may fix the
        // name, not the e-mail and phone that Casablanca relies on too.
        let (b, bcsrf) = app.api_login("bureau").await;
        let r = b.post(app.url("/api/v1/memberships")).header("x-csrf-token", &bcsrf).json(&json!({"person_id": newcomer, "body_id": casa, "role": "member"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let r = send(reqwest::Method::PATCH, format!("/api/v1/people/{newcomer}"), json!({"full_name_ar": "عضوة جديدة جدا", "gender": "female", "email": "taken@evil.example"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["fields"][0]["code"], "contact_shared", "{e}");
        let r = b.patch(app.url(&format!("/api/v1/people/{newcomer}"))).header("x-csrf-token", &bcsrf).json(&json!({"full_name_ar": "عضوة جديدة", "gender": "female", "email": "newcomer@example.ma"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        // Leaving the contacts out (the secretary never saw them) keeps them.
        let r = send(reqwest::Method::PATCH, format!("/api/v1/people/{newcomer}"), json!({"full_name_ar": "عضوة جديدة جدا", "gender": "female"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let p: Value = b.get(app.url(&format!("/api/v1/people/{newcomer}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!((p["full_name_ar"].as_str(), p["email"].as_str()), (Some("عضوة جديدة جدا"), Some("newcomer@example.ma")));

        // References in writes: a Casablanca member as presenter, person in
        // charge or participant, Casablanca as the body in charge: refused
        // exactly like an unknown id.
        let r = send(reqwest::Method::POST, format!("/api/v1/bodies/{agadir}/meetings"), json!({"kind": "periodic", "title": "اجتماع", "starts_at": "2016-12-26T18:00", "ends_at": "2016-12-26T20:00"})).send().await.unwrap();
        let meeting = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
        for (path, body, field) in [
            (format!("/api/v1/meetings/{meeting}/agenda"), json!({"title": "نقطة", "presenter_id": casa_member}), "presenter_id"),
            (format!("/api/v1/meetings/{meeting}/decisions"), json!({"kind": "measure", "text": "تدبير", "responsible_person_id": casa_member}), "responsible_person_id"),
            (format!("/api/v1/meetings/{meeting}/decisions"), json!({"kind": "measure", "text": "تدبير", "responsible_body_id": casa}), "responsible_body_id"),
            (format!("/api/v1/meetings/{meeting}/decisions"), json!({"kind": "measure", "text": "تدبير", "responsible_person_id": uuid::Uuid::now_v7()}), "responsible_person_id"),
        ] {
            let r = send(reqwest::Method::POST, path.clone(), body).send().await.unwrap();
            assert_eq!(r.status(), 422, "{path} {field}");
            let e: Value = r.json().await.unwrap();
            assert_eq!(e["error"]["fields"][0]["field"], field, "{e}");
            assert_eq!(e["error"]["fields"][0]["code"], "invalid_choice", "{e}");
        }
        // Agadir's own people are fine.
        let r = send(reqwest::Method::POST, format!("/api/v1/meetings/{meeting}/agenda"), json!({"title": "نقطة", "presenter_id": newcomer})).send().await.unwrap();
        assert_eq!(r.status(), 200);
    })
    .await;
}

#[tokio::test]
async fn login_delays_tokens_and_revocation() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let c = app.client("en");
        let attempt = |addr: &'static str, password: &'static str| {
            c.post(app.url("/api/v1/auth/login"))
                .header("x-forwarded-for", addr)
                .json(&json!({"login": "admin", "password": password}))
        };
        for _ in 0..5 {
            assert_eq!(
                attempt("192.0.2.1", "wrong").send().await.unwrap().status(),
                401
            );
        }
        // The admin's account is slowed down, with the true wait in both the
        // header and the message; the lock is no hard lock-out.
        let r = attempt("192.0.2.2", majlis::demo::DEMO_PASSWORD)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 429);
        let wait: u64 = r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((25..=30).contains(&wait), "{wait}");
        let e: Value = r.json().await.unwrap();
        let message = common::plain(e["error"]["message"].as_str().unwrap().to_string());
        assert!(message.contains(&format!("{wait} seconds")), "{message}");
        // Another account from another address is not affected.
        let r = c
            .post(app.url("/api/v1/auth/login"))
            .header("x-forwarded-for", "192.0.2.3")
            .json(&json!({"login": "bureau", "password": majlis::demo::DEMO_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);

        // Bearer tokens cannot mint tokens or set passwords.
        let (admin, csrf) = app.api_login("bureau").await;
        let r = admin
            .post(app.url("/api/v1/me/tokens"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name": "t"}))
            .send()
            .await
            .unwrap();
        let secret = r.json::<Value>().await.unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_string();
        let bearer = reqwest::Client::new();
        let r = bearer
            .post(app.url("/api/v1/me/tokens"))
            .bearer_auth(&secret)
            .json(&json!({"name": "child"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let r = bearer
            .get(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    })
    .await;
}

#[tokio::test]
async fn a_disabled_account_comes_back_without_its_old_tokens_and_feeds() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let (m, mcsrf) = app.api_login("member").await;
        let r = m
            .post(app.url("/api/v1/me/tokens"))
            .header("x-csrf-token", &mcsrf)
            .json(&json!({"name": "phone"}))
            .send()
            .await
            .unwrap();
        let secret = r.json::<Value>().await.unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_string();
        let r = m
            .post(app.url("/api/v1/me/feeds"))
            .header("x-csrf-token", &mcsrf)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let feed = r.json::<Value>().await.unwrap()["url"]
            .as_str()
            .unwrap()
            .replace("http://majlis.test", "");
        let bearer = reqwest::Client::new();
        assert_eq!(
            bearer
                .get(app.url("/api/v1/me"))
                .bearer_auth(&secret)
                .send()
                .await
                .unwrap()
                .status(),
            200
        );
        assert_eq!(
            bearer.get(app.url(&feed)).send().await.unwrap().status(),
            200
        );

        let (admin, csrf) = app.api_login("admin").await;
        let accounts: Value = admin
            .get(app.url("/api/v1/accounts"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = accounts
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["username"] == "member")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string();
        // A bearer token of the admin cannot set the password either.
        let r = admin
            .post(app.url("/api/v1/me/tokens"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name": "t"}))
            .send()
            .await
            .unwrap();
        let admin_secret = r.json::<Value>().await.unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_string();
        let r = bearer
            .put(app.url(&format!("/api/v1/accounts/{id}/password")))
            .bearer_auth(&admin_secret)
            .json(&json!({"password": "a-new-long-password"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        for action in ["disable", "enable"] {
            let r = admin
                .post(app.url(&format!("/api/v1/accounts/{id}/{action}")))
                .header("x-csrf-token", &csrf)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{action}");
        }
        assert_eq!(
            bearer
                .get(app.url("/api/v1/me"))
                .bearer_auth(&secret)
                .send()
                .await
                .unwrap()
                .status(),
            401
        );
        assert_eq!(
            bearer.get(app.url(&feed)).send().await.unwrap().status(),
            404
        );
    })
    .await;
}

#[tokio::test]
async fn hygiene_headers_errors_and_origins() {
    each_backend(|backend| async move {
        let app = TestApp::demo(backend).await;
        let c = app.page_login("bureau", "ar").await;
        for path in ["/", "/bodies", "/api/v1/me", "/api/v1/people"] {
            let r = c.get(app.url(path)).send().await.unwrap();
            assert_eq!(r.status(), 200, "{path}");
            assert_eq!(r.headers()["cache-control"], "private, no-store", "{path}");
            assert!(r.headers().contains_key("permissions-policy"), "{path}");
            assert_eq!(r.headers()["cross-origin-opener-policy"], "same-origin", "{path}");
        }
        let r = c.get(app.url("/static/style.css")).send().await.unwrap();
        assert!(r.headers()["cache-control"].to_str().unwrap().starts_with("public"));
        // Error pages keep the layout: the menu, the user, the organization,
        // in the user's language.
        let r = c.get(app.url(&format!("/meetings/{}", uuid::Uuid::now_v7()))).send().await.unwrap();
        assert_eq!(r.status(), 404);
        let page = r.text().await.unwrap();
        assert!(page.contains(r#"<html lang="ar" dir="rtl">"#), "{page}");
        assert!(page.contains("حزب التقدم والاشتراكية") && page.contains(r#"href="/account""#) && page.contains("form class=\"logout\""), "{page}");
        let (m, _) = app.api_login("member").await;
        let casa = app.body_id("الدار البيضاء").await;
        let r = m.get(app.url(&format!("/bodies/{casa}"))).send().await.unwrap();
        assert_eq!(r.status(), 403);
        assert!(r.text().await.unwrap().contains(r#"href="/account""#));
        // Query strings that do not parse: the JSON error format, with a code.
        for (q, lists) in [
            ("page=-1", &["/api/v1/people", "/api/v1/bodies"][..]),
            ("per_page=x", &["/api/v1/people", "/api/v1/bodies"][..]),
            ("page=1e99", &["/api/v1/people", "/api/v1/bodies"][..]),
            ("include_archived=perhaps", &["/api/v1/bodies"][..]),
            ("from=yesterday", &["/api/v1/calendar"][..]),
        ] {
            for list in lists {
                let r = c.get(app.url(&format!("{list}?{q}"))).send().await.unwrap();
                assert_eq!(r.status(), 400, "{list}?{q}");
                let e: Value = r.json().await.unwrap();
                assert_eq!(e["error"]["code"], "bad_request", "{list}?{q}");
            }
        }
        // Lists are paginated.
        let page: Value = c.get(app.url("/api/v1/bodies?per_page=10&page=2")).send().await.unwrap().json().await.unwrap();
        assert_eq!(page["items"].as_array().unwrap().len(), 10);
        assert_eq!((page["page"].as_u64(), page["per_page"].as_u64()), (Some(2), Some(10)));
        assert!(page["total"].as_u64().unwrap() > 40);
        // A state change from another site is refused before any handler,
        // even with the right token.
        let home = c.get(app.url("/")).send().await.unwrap().text().await.unwrap();
        let csrf = hidden(&home, "_csrf");
        for (k, v) in [("sec-fetch-site", "cross-site"), ("origin", "https://evil.example"), ("origin", "null")] {
            let r = c.post(app.url("/logout")).header(k, v).form(&[("_csrf", csrf.as_str())]).send().await.unwrap();
            assert_eq!(r.status(), 403, "{k}: {v}");
        }
        let r = c.post(app.url("/lang")).header("sec-fetch-site", "same-origin").form(&[("_csrf", csrf.as_str()), ("code", "fr"), ("next", "/")]).send().await.unwrap();
        assert_eq!(r.status(), 303);
        // Bidi and zero-width characters never come back from a name.
        let (a, acsrf) = app.api_login("bureau").await;
        let r = a.post(app.url("/api/v1/people")).header("x-csrf-token", &acsrf).json(&json!({"full_name_ar": "\u{202e}أحمد\u{200b} \u{2066}بناني\u{2069}\u{feff}", "gender": "male"})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["full_name_ar"], "أحمد بناني");
    })
    .await;
}
