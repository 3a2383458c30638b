//! Server-rendered pages through the real router: languages and directions,
//! cookies, CSRF, form errors, hostile text, 404/503 pages.

mod common;

use common::{TestApp, each_backend, hidden};
use majlis_store::Backend;

#[tokio::test]
async fn languages_directions_and_switcher() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let ar = app
            .client("ar")
            .get(app.url("/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(ar.contains(r#"<html lang="ar" dir="rtl">"#));
        assert!(ar.contains("تسجيل الدخول"));
        let fr = app
            .client("fr-FR,fr;q=0.9")
            .get(app.url("/login"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(fr.contains(r#"<html lang="fr" dir="ltr">"#));
        assert!(fr.contains("Connexion"));
        // Every label points at its field.
        assert!(ar.contains(r#"<label for="f-login">"#) && ar.contains(r#"id="f-login""#));

        // The switcher beats Accept-Language.
        let c = app.page_login("bureau", "ar").await;
        let home = c
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = common::hidden(&home, "_csrf");
        let r = c
            .post(app.url("/lang"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("code", "en"),
                ("next", "/bodies"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/bodies");
        let page = c
            .get(app.url("/bodies"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains(r#"<html lang="en" dir="ltr">"#));
        assert!(page.contains("Political Bureau"));
        // An open redirect through the switcher is refused.
        for hostile in [
            "//evil.example",
            "/\t/evil.example/",
            "/%09/evil.example/",
            "/\\evil.example",
            "/x\r\nSet-Cookie: a=b",
            "https://evil.example/",
        ] {
            let r = c
                .post(app.url("/lang"))
                .form(&[("_csrf", csrf.as_str()), ("code", "fr"), ("next", hostile)])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 303, "{hostile:?}");
            assert_eq!(r.headers()["location"], "/", "{hostile:?}");
        }
        // A GET no longer switches anything.
        let r = c
            .get(app.url("/lang/fr?next=/bodies"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        // Without the CSRF token: refused.
        let r = c
            .post(app.url("/lang"))
            .form(&[("code", "fr"), ("next", "/")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);

        // The dashboard shows today's date the Moroccan way and the user's bodies.
        let c = app.page_login("agadir", "ar").await;
        let home = c
            .get(app.url("/"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(home.contains("الهيئة الإقليمية أكادير إداوتنان"));
        assert!(home.contains("الكاتب") || home.contains("الكاتبة"));
    })
    .await;
}

#[tokio::test]
async fn cookies_sessions_and_csrf() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.client("ar");
        let r = c.get(app.url("/login")).send().await.unwrap();
        let set: Vec<String> = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect();
        assert!(set.iter().any(|s| s.starts_with("majlis_csrf=")
            && s.contains("HttpOnly")
            && s.contains("SameSite=Lax")));
        let page = r.text().await.unwrap();
        let csrf = hidden(&page, "_csrf");

        // Without the token: refused, no session.
        let r = c
            .post(app.url("/login"))
            .form(&[("login", "admin"), ("password", "majlis-demo")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        // Wrong password: 401, the login kept, the password not.
        let r = c
            .post(app.url("/login"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("login", "admin"),
                ("password", "nope-nope-nope"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 401);
        let body = r.text().await.unwrap();
        assert!(body.contains("اسم المستخدم أو كلمة المرور غير صحيحة"));
        assert!(body.contains(r#"value="admin""#) && !body.contains("nope-nope-nope"));

        let r = c
            .post(app.url("/login"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("login", "admin"),
                ("password", "majlis-demo"),
                ("next", "/people"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/people");
        let session = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .find(|s| s.starts_with("majlis_session="))
            .unwrap();
        assert!(
            session.contains("HttpOnly")
                && session.contains("SameSite=Lax")
                && session.contains("Path=/")
        );

        // A second login gets a new session id (no fixation).
        let other = app.page_login("admin", "ar").await;
        let a = c
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let b2 = other
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_ne!(hidden(&a, "_csrf"), hidden(&b2, "_csrf"));

        // A state-changing form without the session's token changes nothing.
        let r = c
            .post(app.url("/people"))
            .form(&[("full_name_ar", "بلا رمز"), ("gender", "male")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
        assert_eq!(
            app.store()
                .directory(
                    majlis_domain::Viewer::System,
                    &majlis_store::PeopleQuery {
                        q: "بلا رمز".into(),
                        page: 1,
                        per_page: 5,
                        include_archived: false
                    }
                )
                .await
                .unwrap()
                .total,
            0
        );

        // Logout, then pages send you to the login page.
        let token = hidden(&a, "_csrf");
        let r = c
            .post(app.url("/logout"))
            .form(&[("_csrf", token.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let r = c.get(app.url("/people")).send().await.unwrap();
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/login?next=/people");
    })
    .await;
}

#[tokio::test]
async fn secure_cookie_attribute_in_production_config() {
    let db = majlis_store::testing::fresh(Backend::Sqlite).await;
    let app = majlis_web::router(majlis_web::AppState::new(
        db.store.clone(),
        majlis_web::WebConfig::default(),
    ));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(async move { axum::serve(listener, app).await.ok() });
    let r = reqwest::get(format!("http://{addr}/login")).await.unwrap();
    let set = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(set.contains("Secure"), "{set}");
    assert_eq!(r.headers()["x-frame-options"], "DENY");
    assert!(
        r.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    server.abort();
}

#[tokio::test]
async fn forms_keep_input_and_show_translated_errors() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("bureau", "ar").await;
        let form = c
            .get(app.url("/people/new"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let csrf = hidden(&form, "_csrf");
        let r = c
            .post(app.url("/people"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("full_name_ar", " "),
                ("full_name_latin", "Kept Latin"),
                ("gender", "female"),
                ("email", "not-an-email"),
                ("joined_on", "2016-02-30"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let page = r.text().await.unwrap();
        assert!(page.contains(r#"value="Kept Latin""#));
        assert!(page.contains("هذا الحقل مطلوب."));
        assert!(page.contains("عنوان البريد الإلكتروني غير صالح."));
        assert!(page.contains("التاريخ غير صالح"));
        assert!(page.contains(r#"aria-invalid="true""#));

        // A member number already taken: the field is named.
        let r = c
            .post(app.url("/people"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("full_name_ar", "مكرر"),
                ("gender", "male"),
                ("member_number", "PPS-000001"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("هذه القيمة مستعملة من قبل: \u{2068}رقم العضوية\u{2069}.")
        );

        // Hostile text: HTML escaped, bidi controls removed.
        let r = c
            .post(app.url("/people"))
            .form(&[
                ("_csrf", csrf.as_str()),
                ("full_name_ar", "<script>alert(1)</script>\u{202E}كريم"),
                ("gender", "male"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let page = c
            .get(app.url(r.headers()["location"].to_str().unwrap()))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("&#60;script&#62;alert(1)&#60;/script&#62;")
                || page.contains("&lt;script&gt;")
        );
        assert!(!page.contains("<script>"));
        assert!(!page.contains('\u{202E}'));
    })
    .await;
}

#[tokio::test]
async fn not_found_pages_in_the_users_language() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("admin", "fr").await;
        for path in [
            format!("/bodies/{}", uuid::Uuid::now_v7()),
            "/people/garbage".to_string(),
            "/no/such/page".to_string(),
        ] {
            let r = c.get(app.url(&path)).send().await.unwrap();
            assert_eq!(r.status(), 404, "{path}");
            let page = r.text().await.unwrap();
            assert!(
                page.contains(r#"lang="fr" dir="ltr""#) && page.contains("Introuvable"),
                "{path}"
            );
        }
        let r = app
            .client("ar")
            .get(app.url("/nothing-here"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        assert!(r.text().await.unwrap().contains("غير موجود"));
    })
    .await;
}

#[tokio::test]
async fn body_tree_member_flow_and_audit_pages() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let c = app.page_login("admin", "ar").await;
        let tree = c
            .get(app.url("/bodies"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        // Provinces are listed under their regions (one level deeper).
        assert!(tree.contains(r#"class="depth-1""#));
        let search = c
            .get(app.url("/bodies?q=اكادير"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(search.contains("أكادير إداوتنان"));

        let agadir = app.body_id("أكادير").await;
        let page = c
            .get(app.url(&format!("/bodies/{agadir}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(page.contains("الكتابة") && page.contains("الأعضاء"));
        assert!(page.contains("منذ \u{2068}الأحد 1 يونيو 2014\u{2069}"));
        let people = c
            .get(app.url("/people?q=PPS-000002"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(people.contains("PPS-000002"));
        let people = c
            .get(app.url("/people?page=2"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(people.contains("الصفحة \u{2068}2\u{2069} من"));

        let audit = c
            .get(app.url(&format!("/audit/body/{agadir}")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(audit.contains("إنشاء") && audit.contains("النظام"));
    })
    .await;
}

#[tokio::test]
async fn a_locked_database_answers_503_and_changes_nothing() {
    let app = TestApp::demo(Backend::Sqlite).await;
    let (c, csrf) = app.api_login("bureau").await;
    // Another process holds the write lock longer than the busy timeout.
    let path = app
        .db
        .url
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let holder = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            use sqlx::Connection;
            let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
                .await
                .unwrap();
            sqlx::query("BEGIN EXCLUSIVE")
                .execute(&mut conn)
                .await
                .unwrap();
            tokio::time::sleep(std::time::Duration::from_secs(8)).await;
            sqlx::query("ROLLBACK").execute(&mut conn).await.unwrap();
        });
    });
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let r = c
        .post(app.url("/api/v1/bodies"))
        .header("x-csrf-token", &csrf)
        .json(&serde_json::json!({"name_ar": "هيئة أثناء القفل", "kind": "local"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "5");
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["error"]["code"],
        "unavailable"
    );
    holder.join().unwrap();
    assert!(
        app.store()
            .visible_bodies(majlis_domain::Viewer::System, "أثناء القفل", false)
            .await
            .unwrap()
            .is_empty()
    );
}
