//! The JSON API through the real router, on every backend of the run.

mod common;

use common::{TestApp, each_backend};
use serde_json::{Value, json};

#[tokio::test]
async fn api_crud_validation_and_errors() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("bureau").await;
        let me: Value = c.get(app.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
        assert_eq!(me["account"]["username"], "bureau");
        assert!(me["roles"].as_array().unwrap().iter().any(|r| r["body_kind"] == "executive"));

        // Create a provincial body under the Souss-Massa region.
        let region = app.body_id("سوس ماسة").await;
        let r = c
            .post(app.url("/api/v1/bodies"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name_ar": "الهيئة الإقليمية تيزنيت", "name_fr": "Tiznit", "kind": "provincial", "parent_id": region.to_string(), "city": "تيزنيت"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        let tiznit = body["id"].as_str().unwrap().to_string();
        assert_eq!(body["parent_id"], region.to_string());

        // Without the CSRF header a session write is refused, and nothing changes.
        let before = app.store().visible_bodies(majlis_domain::Viewer::System, "", true).await.unwrap().len();
        let r = c.post(app.url("/api/v1/bodies")).json(&json!({"name_ar": "x", "kind": "local"})).send().await.unwrap();
        assert_eq!(r.status(), 403);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "csrf_failed");
        assert_eq!(app.store().visible_bodies(majlis_domain::Viewer::System, "", true).await.unwrap().len(), before);

        // Invalid input: 422, every field named, messages in the asked language.
        let r = c
            .post(app.url("/api/v1/bodies"))
            .header("x-csrf-token", &csrf)
            .header("accept-language", "fr")
            .json(&json!({"name_ar": "  ", "kind": "party"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["code"], "invalid_input");
        let fields: Vec<&str> = e["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
        assert_eq!(fields, ["name_ar", "kind"]);
        assert_eq!(e["error"]["fields"][0]["message"], "Ce champ est obligatoire.");

        // Moving the region under its own child: refused, named.
        let r = c
            .patch(app.url(&format!("/api/v1/bodies/{region}")))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name_ar": "جهة سوس ماسة", "kind": "regional", "parent_id": tiznit}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["fields"][0]["code"], "parent_cycle");

        // A person, then the same member number again: 409 naming the field.
        let person = json!({"full_name_ar": "سلمى الريفي", "full_name_latin": "Salma Rifi", "gender": "female", "member_number": "PPS-T-1"});
        let r = c.post(app.url("/api/v1/people")).header("x-csrf-token", &csrf).json(&person).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let salma: Value = r.json().await.unwrap();
        let r = c.post(app.url("/api/v1/people")).header("x-csrf-token", &csrf).json(&person).send().await.unwrap();
        assert_eq!(r.status(), 409);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["error"]["code"], "conflict");
        assert_eq!(e["error"]["fields"][0]["field"], "member_number");

        // A role for her in the new body, listed among its members.
        let r = c
            .post(app.url("/api/v1/memberships"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"person_id": salma["id"], "body_id": tiznit, "role": "secretary", "starts_on": "2016-12-19"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let members: Value = c.get(app.url(&format!("/api/v1/bodies/{tiznit}/members"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(members[0]["person"]["full_name_latin"], "Salma Rifi");
        assert_eq!(members[0]["membership"]["role"], "secretary");

        // Unknown and malformed ids: 404 with the translated message.
        let r = c.get(app.url(&format!("/api/v1/bodies/{}", uuid::Uuid::now_v7()))).send().await.unwrap();
        assert_eq!(r.status(), 404);
        let r = c.get(app.url("/api/v1/people/not-an-id")).send().await.unwrap();
        assert_eq!(r.status(), 404);
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["message"], "الصفحة أو السجل المطلوب غير موجود.");

        // Oversized body: 413. Malformed JSON: 400.
        let huge = "ا".repeat(70 * 1024);
        let r = c
            .post(app.url("/api/v1/bodies"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name_ar": huge, "kind": "local"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 413);
        let r = c
            .post(app.url("/api/v1/bodies"))
            .header("x-csrf-token", &csrf)
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        // A long name within the body limit is refused by validation.
        let r = c
            .post(app.url("/api/v1/bodies"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name_ar": "ب".repeat(201), "kind": "local"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);

        // Pagination bounds.
        let page: Value = c.get(app.url("/api/v1/people?per_page=100000&page=2")).send().await.unwrap().json().await.unwrap();
        assert_eq!(page["per_page"], 200);
        assert_eq!(page["page"], 2);

        // Logout closes the session.
        let r = c.post(app.url("/api/v1/auth/logout")).header("x-csrf-token", &csrf).send().await.unwrap();
        assert_eq!(r.status(), 204);
        assert_eq!(c.get(app.url("/api/v1/me")).send().await.unwrap().status(), 401);
    })
    .await;
}

#[tokio::test]
async fn bearer_tokens_and_openapi() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (c, csrf) = app.api_login("agadir").await;
        let r = c
            .post(app.url("/api/v1/me/tokens"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"name": "script"}))
            .send()
            .await
            .unwrap();
        let t: Value = r.json().await.unwrap();
        let secret = t["secret"].as_str().unwrap().to_string();
        let id = t["token"]["id"].as_str().unwrap().to_string();

        // A fresh client with only the bearer token: no cookie, no CSRF needed.
        let plain = app.client("en");
        let me: Value = plain
            .get(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["account"]["username"], "agadir");
        let listed: Value = c
            .get(app.url("/api/v1/me/tokens"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(listed.to_string().contains("script") && !listed.to_string().contains(&secret));

        let r = plain
            .delete(app.url(&format!("/api/v1/me/tokens/{id}")))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let r = plain
            .get(app.url("/api/v1/me"))
            .bearer_auth(&secret)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(
            r.json::<Value>().await.unwrap()["error"]["message"],
            "Please log in."
        );

        let doc: Value = plain
            .get(app.url("/api/v1/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
        for path in [
            "/api/v1/accounts",
            "/api/v1/settings",
            "/api/v1/auth/login",
            "/api/v1/bodies",
            "/api/v1/bodies/{id}/members",
            "/api/v1/people",
            "/api/v1/memberships",
            "/api/v1/me/tokens",
        ] {
            assert!(doc["paths"].get(path).is_some(), "openapi lacks {path}");
        }
    })
    .await;
}

#[tokio::test]
async fn login_lockout_and_contact_privacy() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.client("fr");
        for _ in 0..5 {
            let r = c
                .post(app.url("/api/v1/auth/login"))
                .json(&json!({"login": "bureau", "password": "wrong-password"}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 401);
        }
        // Locked even with the right password.
        let r = c
            .post(app.url("/api/v1/auth/login"))
            .json(&json!({"login": "bureau", "password": "majlis-demo"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 429);
        assert!(r.headers().contains_key("retry-after"));
        assert_eq!(r.json::<Value>().await.unwrap()["error"]["code"], "locked");

        // A plain member sees their body's people without private contacts; the
        // provincial secretary sees them.
        let agadir = app.body_id("أكادير").await;
        let (sec, _) = app.api_login("agadir").await;
        let members: Value = sec
            .get(app.url(&format!("/api/v1/bodies/{agadir}/members")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            members
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["person"].get("email").is_some())
        );
        let (member, _) = app.api_login("member").await;
        let me: Value = member
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let my_id = me["account"]["person_id"].clone();
        let members: Value = member
            .get(app.url(&format!("/api/v1/bodies/{agadir}/members")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let members = members.as_array().unwrap();
        assert!(members.len() >= 6);
        for m in members {
            let own = m["person"]["id"] == my_id;
            assert_eq!(m["person"].get("email").is_some(), own, "{m}");
            assert_eq!(m["person"].get("phone").is_some(), own);
        }
        // The same on the person endpoint.
        let other = members.iter().find(|m| m["person"]["id"] != my_id).unwrap()["person"]["id"]
            .as_str()
            .unwrap()
            .to_string();
        let p: Value = member
            .get(app.url(&format!("/api/v1/people/{other}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(p.get("email").is_none() && p.get("full_name_ar").is_some());
    })
    .await;
}

#[tokio::test]
async fn administration_over_the_api() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (admin, csrf) = app.api_login("admin").await;
        let (bureau, bureau_csrf) = app.api_login("bureau").await;

        // Accounts.
        let r = admin
            .post(app.url("/api/v1/accounts"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"username": "press", "email": "press@example.ma", "password": "press-office-2016"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let press: Value = r.json().await.unwrap();
        let r = bureau
            .post(app.url("/api/v1/accounts"))
            .header("x-csrf-token", &bureau_csrf)
            .json(&json!({"username": "x2", "password": "press-office-2016"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        let r = admin
            .post(app.url("/api/v1/accounts"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"username": "PRESS", "password": "short"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let id = press["id"].as_str().unwrap();
        let r = admin.put(app.url(&format!("/api/v1/accounts/{id}/password"))).header("x-csrf-token", &csrf).json(&json!({"password": "a-new-long-password"})).send().await.unwrap();
        assert_eq!(r.status(), 204);
        assert!(app.store().authenticate("press", "a-new-long-password").await.unwrap().is_ok());
        let r = admin.post(app.url(&format!("/api/v1/accounts/{id}/disable"))).header("x-csrf-token", &csrf).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(app.store().authenticate("press", "a-new-long-password").await.unwrap().is_err());

        // Settings: Arabic-Indic digits and the Algerian month names show on pages.
        let mut s: Value = admin.get(app.url("/api/v1/settings")).send().await.unwrap().json().await.unwrap();
        assert_eq!(s["date_locale"], "ar-MA");
        s["digits"] = json!("arabic_indic");
        s["date_locale"] = json!("ar-DZ");
        let r = admin.put(app.url("/api/v1/settings")).header("x-csrf-token", &csrf).json(&s).send().await.unwrap();
        assert_eq!(r.status(), 200);
        s["time_zone"] = json!("Mars/Olympus");
        let r = admin.put(app.url("/api/v1/settings")).header("x-csrf-token", &csrf).json(&s).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let page = app.page_login("admin", "ar").await.get(app.url("/admin/settings")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("الإثنين ١٩ ديسمبر ٢٠١٦") || page.contains("الاثنين ١٩ ديسمبر ٢٠١٦"), "sample date");
        // The time zone is chosen by its city, the one in use selected.
        assert!(page.contains(r#"<option value="Africa/Casablanca" selected>الدار البيضاء</option>"#), "time zone by city");

        // Roles an admin adds.
        let r = admin
            .post(app.url("/api/v1/roles"))
            .header("x-csrf-token", &csrf)
            .json(&json!({"key": "spokesperson", "name_ar": "الناطق الرسمي", "name_ar_female": "الناطقة الرسمية", "name_fr": "Porte-parole", "name_en": "Spokesperson"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.json::<Value>().await.unwrap()["manages"], false);
        let roles: Value = bureau.get(app.url("/api/v1/roles")).send().await.unwrap().json().await.unwrap();
        assert!(roles.as_array().unwrap().iter().any(|r| r["key"] == "spokesperson"));
        let r = bureau.post(app.url("/api/v1/roles")).header("x-csrf-token", &bureau_csrf).json(&json!({"key": "x_y", "name_ar": "س", "name_fr": "x", "name_en": "x"})).send().await.unwrap();
        assert_eq!(r.status(), 403);
    })
    .await;
}
