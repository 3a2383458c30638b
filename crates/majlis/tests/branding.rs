//! The organization's colour and logo, set on the settings page: every page
//! takes them, bad input is refused with a clear error and changes nothing.

mod common;

use base64::Engine;
use common::{TestApp, each_backend, hidden};

/// A real 1×1 PNG.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/// The value of the first input named `name`.
fn field(page: &str, name: &str) -> String {
    let at = page
        .find(&format!(r#"name="{name}""#))
        .unwrap_or_else(|| panic!("no field {name}"));
    let rest = &page[at..];
    let start = rest.find(r#"value=""#).unwrap() + r#"value=""#.len();
    rest[start..start + rest[start..].find('"').unwrap()]
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

fn settings_form(page: &str, color: &str, default: bool) -> Vec<(String, String)> {
    let mut f: Vec<(String, String)> = ["_csrf", "name_ar", "name_fr", "name_en", "short_name"]
        .iter()
        .map(|k| (k.to_string(), field(page, k)))
        .collect();
    for (k, v) in [
        ("default_locale", "ar"),
        ("date_locale", "ar-MA"),
        ("digits", "western"),
        ("time_zone", "Africa/Casablanca"),
        ("brand_color", color),
    ] {
        f.push((k.into(), v.into()));
    }
    if default {
        f.push(("brand_default".into(), "on".into()));
    }
    f
}

#[tokio::test]
async fn colour_and_logo_from_the_settings() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let admin = app.page_login("admin", "ar").await;
        let page = app.text(&admin, "/admin/settings").await;
        // majlis's green by default: no organization style.
        assert!(!page.contains("/brand/"));
        assert!(page.contains(r#"id="f-brand_default" name="brand_default" value="on" checked"#));

        // Too light for white text: refused, with the reason, nothing changed.
        let r = admin
            .post(app.url("/admin/settings"))
            .form(&settings_form(&page, "#ffd700", false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let body = r.text().await.unwrap();
        assert!(body.contains("فاتح جدا"), "{body}");
        let r = admin
            .post(app.url("/admin/settings"))
            .form(&settings_form(&page, "red", false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(!app.text(&admin, "/").await.contains("/brand/"));

        // A party red: every page (the login page too) takes it, dark mode included.
        let r = admin
            .post(app.url("/admin/settings"))
            .form(&settings_form(&page, "#C8102E", false))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let home = app.text(&admin, "/").await;
        assert!(
            home.contains(r#"<link rel="stylesheet" href="/brand/c8102e.css">"#),
            "{home}"
        );
        let anon = app.client("fr");
        assert!(
            app.text(&anon, "/login")
                .await
                .contains("/brand/c8102e.css")
        );
        let r = anon.get(app.url("/brand/c8102e.css")).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/css")
        );
        let css = r.text().await.unwrap();
        assert!(
            css.contains("--brand:#c8102e;--brand-ink:#ffffff;"),
            "{css}"
        );
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
        // Only colours that pass the checks have a stylesheet.
        for bad in ["ffd700.css", "zzzzzz.css", "c8102e.js", "c8102e"] {
            assert_eq!(
                anon.get(app.url(&format!("/brand/{bad}")))
                    .send()
                    .await
                    .unwrap()
                    .status(),
                404,
                "{bad}"
            );
        }
        let page = app.text(&admin, "/admin/settings").await;
        assert!(page.contains(r##"value="#c8102e""##));
        // Back to majlis's green.
        let r = admin
            .post(app.url("/admin/settings"))
            .form(&settings_form(&page, "#c8102e", true))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert!(!app.text(&admin, "/").await.contains("/brand/"));

        // A logo: an SVG (scripts) is refused; a PNG is served to everyone.
        let page = app.text(&admin, "/admin/settings").await;
        let csrf = hidden(&page, "_csrf");
        let upload = |bytes: Vec<u8>, name: &'static str| {
            reqwest::multipart::Form::new()
                .text("_csrf", csrf.clone())
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(bytes).file_name(name),
                )
        };
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#;
        let r = admin
            .post(app.url("/admin/logo"))
            .multipart(upload(svg.to_vec(), "logo.svg"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("يُقبل الشعار بصيغة"));
        let png = base64::engine::general_purpose::STANDARD
            .decode(PNG)
            .unwrap();
        // Not an admin: forbidden.
        let bureau = app.page_login("bureau", "ar").await;
        let b_page = app.text(&bureau, "/").await;
        let form = reqwest::multipart::Form::new()
            .text("_csrf", hidden(&b_page, "_csrf"))
            .part(
                "file",
                reqwest::multipart::Part::bytes(png.clone()).file_name("logo.png"),
            );
        assert_eq!(
            bureau
                .post(app.url("/admin/logo"))
                .multipart(form)
                .send()
                .await
                .unwrap()
                .status(),
            403
        );
        let r = admin
            .post(app.url("/admin/logo"))
            .multipart(upload(png.clone(), "logo.png"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let login = app.text(&app.client("en"), "/login").await;
        let start = login
            .find(r#"<img class="brand-logo" src=""#)
            .expect("the logo in the header")
            + r#"<img class="brand-logo" src=""#.len();
        let src = login[start..start + login[start..].find('"').unwrap()].to_string();
        assert!(!login.contains("brand-mark"));
        let r = app.client("en").get(app.url(&src)).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-type"], "image/png");
        assert!(
            r.headers()["cache-control"]
                .to_str()
                .unwrap()
                .contains("immutable")
        );
        assert_eq!(r.bytes().await.unwrap().as_ref(), png.as_slice());
        // Removed: the initial again, the old address gone.
        let page = app.text(&admin, "/admin/settings").await;
        let r = admin
            .post(app.url("/admin/logo/remove"))
            .form(&[("_csrf", hidden(&page, "_csrf"))])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        assert!(app.text(&admin, "/").await.contains("brand-mark"));
        assert_eq!(
            app.client("en")
                .get(app.url(&src))
                .send()
                .await
                .unwrap()
                .status(),
            404
        );
    })
    .await;
}
