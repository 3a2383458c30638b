//! Communiqués and the public site on SQLite and PostgreSQL: the seed
//! communiqué published on /p in Arabic (right to left, og:locale ar_MA)
//! and French, cached with an ETag (304), in an Atom feed that parses and
//! has RFC 4287's required elements, in the JSON Feed and the sitemap; a
//! communiqué drafted from the meeting of 19 December (sentences traced to
//! their records), reviewed, approved by the secretary only, published,
//! corrected with an erratum (the old text kept), withdrawn (the page says
//! so); malformed and unpublished slugs 404; a change through one process
//! seen at once through a second.

mod common;

use common::{TestApp, each_backend, hidden};
use std::str::FromStr;

async fn get(c: &reqwest::Client, url: String) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    let s = r.status().as_u16();
    (s, r.text().await.unwrap())
}

#[tokio::test]
async fn communiques_from_the_record_to_the_public_site() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let public = reqwest::Client::new();

        // The seed, public, in both languages.
        let (status, home) = get(&public, app.url("/p")).await;
        assert_eq!(status, 200);
        assert!(home.contains("<html lang=\"ar\" dir=\"rtl\">"));
        // Once on the site's lists, in the site's language; its French
        // translation has its own page and feed entry.
        assert_eq!(home.matches("<article>").count(), 1);
        assert!(!home.contains("Communiqué de presse"));
        assert!(home.contains("hreflang=\"fr\">Français</a>"), "the card links the translation");
        let slug = home.split("href=\"/p/").find(|s| s.starts_with("بلاغ")).unwrap().split('"').next().unwrap().to_string();
        let (status, page) = get(&public, app.url(&format!("/p/{slug}"))).await;
        assert_eq!(status, 200);
        for want in ["<html lang=\"ar\" dir=\"rtl\">", "og:locale\" content=\"ar_MA\"", "خصص المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الدوري", "“الحزب والمجتمع”", "الثلاثاء 20 دجنبر 2016", "hreflang=\"fr\""] {
            assert!(page.contains(want), "{want}");
        }
        assert!(!page.contains("_csrf"), "a public page holds nothing of its visitor");
        // Kept and validated.
        let r = public.get(app.url(&format!("/p/{slug}"))).send().await.unwrap();
        let etag = r.headers()["etag"].to_str().unwrap().to_string();
        assert!(r.headers().contains_key("last-modified"));
        let r = public.get(app.url(&format!("/p/{slug}"))).header("if-none-match", &etag).send().await.unwrap();
        assert_eq!(r.status(), 304);
        // Malformed, unknown: 404, not 500.
        for bad in ["%3Cscript%3E", "a--b", "unknown-slug", "A"] {
            let (status, _) = get(&public, app.url(&format!("/p/{bad}"))).await;
            assert_eq!(status, 404, "{bad}");
        }
        let (status, fr) = get(&public, app.url("/p/communique-de-presse-sur-la-reunion-du-bureau-politique-du-parti-du-progres-et-du-socialisme-du-lundi-19-decembre-2016")).await;
        assert_eq!(status, 200);
        assert!(fr.contains("<html lang=\"fr\" dir=\"ltr\">") && fr.contains("mardi 20 décembre 2016"));

        // The PDF (typst, Arabic shaped), kept like the pages.
        let pdf = public.get(app.url(&format!("/p/{slug}/pdf"))).send().await.unwrap();
        assert_eq!(pdf.status(), 200);
        assert_eq!(pdf.headers()["content-type"], "application/pdf");
        assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF-"));
        assert_eq!(get(&public, app.url("/p/a--b/pdf")).await.0, 404);

        // Feeds.
        let (status, atom) = get(&public, app.url("/feed.atom")).await;
        assert_eq!(status, 200);
        let feed = atom_syndication::Feed::from_str(&atom).expect("the Atom feed parses");
        assert!(!feed.id().is_empty() && !feed.title().is_empty());
        assert_eq!(feed.entries().len(), 2);
        for e in feed.entries() {
            assert!(!e.id().is_empty() && !e.title().is_empty());
            assert!(e.links().iter().any(|l| l.rel() == "alternate") || e.content().is_some());
        }
        assert!(feed.links().iter().any(|l| l.rel() == "self"));
        let (_, json) = get(&public, app.url("/feed.json")).await;
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(json["items"].as_array().unwrap().len(), 2);
        let (_, sitemap) = get(&public, app.url("/sitemap.xml")).await;
        assert!(sitemap.contains("<urlset") && sitemap.matches("<url>").count() == 3);
        let (status, _) = get(&public, app.url("/p/archive/2016/12")).await;
        assert_eq!(status, 200);
        let (status, _) = get(&public, app.url("/p/archive/2016/13")).await;
        assert_eq!(status, 404);

        // Drafted from the record of 19 December 2016.
        let bureau = app.page_login("bureau", "ar").await;
        let meeting = home_meeting(&app, &bureau).await;
        let draft = app.text(&bureau, &format!("/meetings/{meeting}/communique")).await;
        assert!(draft.contains("خصص المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الدوري ليوم الإثنين 19 دجنبر 2016، لمواصلة التحضير لاجتماع الدورة الثامنة للجنة المركزية."));
        assert!(draft.contains("يومي السبت 4 والأحد 5 فبراير 2017"));
        assert!(draft.contains(&format!("href=\"/meetings/{meeting}#decisions\"")) && draft.contains("href=\"/campaigns/"));
        let r = bureau.post(app.url(&format!("/meetings/{meeting}/communique"))).form(&[("_csrf", hidden(&draft, "_csrf"))]).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_string();
        let page = app.text(&bureau, &at).await;
        assert!(page.contains("مسودة") && page.contains("الفرنسية"));
        let action = |c: &reqwest::Client, csrf: String, a: &'static str| {
            c.post(app.url(&format!("{at}/action"))).form(&[("_csrf", csrf), ("action", a.to_string())])
        };
        let csrf = hidden(&page, "_csrf");
        assert_eq!(action(&bureau, csrf.clone(), "submit").send().await.unwrap().status(), 303);
        assert_eq!(action(&bureau, csrf.clone(), "approve").send().await.unwrap().status(), 403, "a member of the bureau does not approve");
        let secretary = app.page_login("secretary", "ar").await;
        let scsrf = hidden(&app.text(&secretary, &at).await, "_csrf");
        assert_eq!(action(&secretary, scsrf.clone(), "publish").send().await.unwrap().status(), 422, "approved first");
        assert_eq!(action(&secretary, scsrf.clone(), "approve").send().await.unwrap().status(), 303);

        // Published through a second process: seen at once by the first.
        let second = app.second_process().await;
        let other = reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let (_, login) = get(&other, format!("{second}/login")).await;
        let r = other.post(format!("{second}/login")).form(&[("_csrf", hidden(&login, "_csrf")), ("login", "secretary".into()), ("password", "majlis-demo".into())]).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let ocsrf = hidden(&get(&other, format!("{second}{at}")).await.1, "_csrf");
        let before = get(&public, app.url("/p")).await.1;
        let r = other.post(format!("{second}{at}/action")).form(&[("_csrf", ocsrf.as_str()), ("action", "publish")]).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let after = get(&public, app.url("/p")).await.1;
        assert_ne!(before, after);
        // The same title as the seed's: its address gets «-2».
        let new_slug = format!("{slug}-2");
        assert!(after.contains(&format!("href=\"/p/{new_slug}\"")), "the new communiqué on the first process's home page");

        // An erratum: a note is required; the old text stays in the history.
        let edit = app.text(&secretary, &format!("{at}/edit")).await;
        let version = hidden(&edit, "version");
        let body = edit.split("name=\"body\" rows=\"20\" dir=\"auto\">").nth(1).unwrap().split("</textarea>").next().unwrap().replace("&#34;", "\"").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
        let title = edit.split("name=\"title\" type=\"text\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string();
        let fields = |note: &str| vec![("_csrf".to_string(), hidden(&edit, "_csrf")), ("version".into(), version.clone()), ("erratum".into(), "1".into()), ("title".into(), title.clone()), ("lang".into(), "ar".into()), ("slug".into(), String::new()), ("tags".into(), String::new()), ("body".into(), format!("{body}\n\nتصحيح: أضيفت هذه الفقرة.")), ("note".into(), note.into())];
        let r = secretary.post(app.url(&format!("{at}/edit"))).form(&fields("")).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let r = secretary.post(app.url(&format!("{at}/edit"))).form(&fields("إضافة فقرة سقطت سهوا")).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let (_, page) = get(&public, app.url(&format!("/p/{new_slug}"))).await;
        assert!(page.contains("صُحح هذا البلاغ في") && page.contains("تصحيح: أضيفت هذه الفقرة."));
        let history = app.text(&secretary, &at).await;
        assert!(history.contains("إضافة فقرة سقطت سهوا") && history.contains("النص قبل التصحيح"));

        // Withdrawn: still answering, saying so.
        let wcsrf = hidden(&history, "_csrf");
        let r = secretary.post(app.url(&format!("{at}/action"))).form(&[("_csrf", wcsrf.as_str()), ("action", "withdraw"), ("note", "")]).send().await.unwrap();
        assert_eq!(r.status(), 422, "a reason is required");
        let r = secretary.post(app.url(&format!("{at}/action"))).form(&[("_csrf", wcsrf.as_str()), ("action", "withdraw"), ("note", "نُشر قبل استكمال المراجعة")]).send().await.unwrap();
        assert_eq!(r.status(), 303);
        let (status, page) = get(&public, app.url(&format!("/p/{new_slug}"))).await;
        assert_eq!(status, 200);
        assert!(page.contains("سُحب هذا البلاغ في") && page.contains("نُشر قبل استكمال المراجعة"));
        // Comments are closed under it: refused, said so, nothing kept.
        let token: serde_json::Value = public
            .get(app.url(&format!("/p/{new_slug}/token")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(4_100)).await;
        let late = "تعليق بعد سحب البلاغ";
        let r = public
            .post(app.url(&format!("/p/{new_slug}/comments")))
            .form(&comment(token["t"].as_str().unwrap(), "زائر", "late@example.org", late))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("التعليقات مغلقة على هذا البلاغ"));
        let held = app.text(&secretary, "/comments").await;
        assert!(!held.contains(late), "nothing kept");
        // The French draft made with it is not public.
        let (_, list) = get(&public, app.url("/p")).await;
        assert_eq!(list.matches("<article>").count(), 2);
    })
    .await;
}

/// The Political Bureau's meeting of 19 December 2016.
async fn home_meeting(app: &TestApp, c: &reqwest::Client) -> String {
    let body = app.body_id("المكتب السياسي").await;
    let page = app.text(c, &format!("/bodies/{body}")).await;
    let _ = page;
    let list: serde_json::Value = {
        let (api, _) = app.api_login("bureau").await;
        api.get(app.url(&format!("/api/v1/bodies/{body}/meetings")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    };
    list.as_array()
        .or_else(|| list["items"].as_array())
        .unwrap()
        .iter()
        .find(|m| {
            m["starts_at"]
                .as_str()
                .unwrap_or_default()
                .starts_with("2016-12-19")
        })
        .expect("the meeting of 19 December")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// The form's values as a browser sends them.
fn comment(t: &str, name: &str, email: &str, text: &str) -> Vec<(String, String)> {
    vec![
        ("t".into(), t.into()),
        ("name".into(), name.into()),
        ("email".into(), email.into()),
        ("text".into(), text.into()),
        ("website".into(), String::new()),
        ("parent_id".into(), String::new()),
    ]
}

#[tokio::test]
async fn comments_held_moderated_shown_and_their_email_kept_nowhere() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let public = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let (_, home) = get(&public, app.url("/p")).await;
        let slug = home
            .split("href=\"/p/")
            .find(|s| s.starts_with("بلاغ"))
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string();
        let page_url = app.url(&format!("/p/{slug}"));

        // The demo's 200 approved comments, 50 a page; the notice above the form.
        let (_, page) = get(&public, page_url.clone()).await;
        let text = common::plain(page.clone());
        assert!(text.contains("200 تعليق"), "the count");
        assert!(text.contains("لن يتم نشر عنوان بريدك الإلكتروني"));
        assert_eq!(page.matches("<li id=\"c-").count(), 50);
        let (status, p4) = get(&public, format!("{page_url}?page=4")).await;
        assert_eq!((status, p4.matches("<li id=\"c-").count()), (200, 50));
        assert_eq!(get(&public, format!("{page_url}?page=5")).await.0, 404);
        assert!(!page.contains("reader0@example.ma") && !page.contains("@example.ma"));

        // A visitor writes: the token first, then at least 4 seconds.
        let token: serde_json::Value = public
            .get(app.url(&format!("/p/{slug}/token")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let t = token["t"].as_str().unwrap().to_string();
        let post = |form: Vec<(String, String)>| {
            public
                .post(app.url(&format!("/p/{slug}/comments")))
                .form(&form)
                .send()
        };
        let email = "visitor.private@example.org";
        let body = "تحية\u{202E}gnp.exe <script>alert(1)</script> من أكادير للرفاق";
        let r = post(comment(&t, "زائر", email, body)).await.unwrap();
        assert_eq!(r.status(), 422, "sent within 4 s: the form again");
        let again = r.text().await.unwrap();
        assert!(again.contains("أكادير للرفاق") && again.contains("name=\"t\" value=\""));
        tokio::time::sleep(std::time::Duration::from_millis(4_100)).await;
        // Honeypot: answered like a success, nothing kept.
        let mut trap = comment(&t, "روبوت", "bot@example.org", "إعلان");
        trap[4].1 = "http://spam.example".into();
        let r = post(trap).await.unwrap();
        assert_eq!(r.status(), 303);
        // Too long, no name: 422 with the fields named.
        let r = post(comment(&t, "", email, &"ب".repeat(5_001)))
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let r = post(comment(&t, "زائر", email, body)).await.unwrap();
        assert_eq!(r.status(), 303);
        assert!(
            r.headers()["location"]
                .to_str()
                .unwrap()
                .ends_with("/comment?sent=1")
        );
        // At once again from the same client: 429 with Retry-After.
        let r = post(comment(&t, "زائر", "other@example.org", "تعليق ثان"))
            .await
            .unwrap();
        assert_eq!(r.status(), 429);
        assert!(r.headers().contains_key("retry-after"));

        // Held: not public until a moderator approves it.
        let (_, page) = get(&public, page_url.clone()).await;
        assert!(!page.contains("من أكادير للرفاق"));
        let secretary = app.page_login("secretary", "ar").await;
        let held = app.text(&secretary, "/comments").await;
        assert!(
            held.contains("من أكادير للرفاق") && held.contains("يستحق الانتباه"),
            "ours and the demo's flagged one"
        );
        assert!(!held.contains(email));
        let id = held
            .split("name=\"ids\" value=\"")
            .map(|s| s.split('"').next().unwrap())
            .zip(held.split("</li>"))
            .find(|(_, li)| li.contains("من أكادير للرفاق"))
            .map(|(id, _)| id.to_string());
        let id = id.unwrap_or_else(|| {
            let at = held.find("من أكادير للرفاق").unwrap();
            held[..at]
                .rsplit("name=\"ids\" value=\"")
                .next()
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .to_string()
        });
        let member = app.page_login("member", "ar").await;
        let mcsrf = hidden(&app.text(&member, "/").await, "_csrf");
        let r = member
            .post(app.url("/comments/moderate"))
            .form(&[
                ("_csrf", mcsrf.as_str()),
                ("decision", "approve"),
                ("ids", id.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403, "a member does not moderate");
        let r = secretary
            .post(app.url("/comments/moderate"))
            .form(&[
                ("_csrf", hidden(&held, "_csrf").as_str()),
                ("decision", "approve"),
                ("ids", id.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        // On the last page now, neutralized; the count moved.
        let (_, last) = get(&public, format!("{page_url}?page=5")).await;
        assert!(
            last.contains("من أكادير للرفاق"),
            "the 201st comment opens page 5"
        );
        assert!(
            !last.contains("<script>alert") && last.contains("alert(1)"),
            "escaped, kept as text"
        );
        assert!(!last.contains('\u{202E}'));
        assert!(common::plain(get(&public, page_url.clone()).await.1).contains("201 تعليق"));

        // The e-mail address: not in any public page, feed, API… nor stored.
        for path in [
            "/p",
            &format!("/p/{slug}"),
            &format!("/p/{slug}?page=5"),
            "/feed.atom",
            "/feed.json",
            "/sitemap.xml",
        ] {
            let (_, body) = get(&public, app.url(path)).await;
            assert!(
                !body.contains(email) && !body.contains("example.ma"),
                "{path}"
            );
        }
        let mut dump = Vec::new();
        app.store().backup(&mut dump).await.unwrap();
        let dump = String::from_utf8_lossy(&dump);
        assert!(
            dump.contains("من أكادير للرفاق"),
            "the backup holds the comment"
        );
        assert!(
            !dump.contains(email) && !dump.contains("reader0@example.ma"),
            "and no e-mail address"
        );
        assert!(!dump.contains("127.0.0.1"), "nor the client's address");
    })
    .await;
}

#[tokio::test]
async fn the_api_for_the_secretariat_and_for_the_public() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let public = reqwest::Client::new();
        // The public read API: no account, no e-mail, no client address.
        let list: serde_json::Value = public.get(app.url("/api/v1/public/communiques")).send().await.unwrap().json().await.unwrap();
        assert_eq!(list["total"], 2);
        let slug = list["items"].as_array().unwrap().iter().find(|c| c["lang"] == "ar").unwrap()["slug"].as_str().unwrap().to_string();
        let one: serde_json::Value = public.get(app.url(&format!("/api/v1/public/communiques/{slug}"))).send().await.unwrap().json().await.unwrap();
        assert_eq!(one["translations"].as_array().unwrap().len(), 1);
        let r = public.get(app.url(&format!("/api/v1/public/communiques/{slug}/comments?page=2"))).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let text = r.text().await.unwrap();
        let comments: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!((comments["total"].as_u64(), comments["items"].as_array().unwrap().len()), (Some(200), 50));
        assert!(!text.contains('@') && !text.contains("email") && !text.contains("client"));
        assert_eq!(public.get(app.url("/api/v1/public/communiques/a--b")).send().await.unwrap().status(), 404);
        assert_eq!(public.get(app.url("/api/v1/communiques")).send().await.unwrap().status(), 401);
        // The secretariat: a draft, an erratum refused before publication.
        let (bureau, csrf) = app.api_login("bureau").await;
        let body = app.body_id("المكتب السياسي").await;
        let r = bureau.post(app.url("/api/v1/communiques")).header("x-csrf-token", &csrf).json(&serde_json::json!({"body_id": body, "title": "", "body": "نص"})).send().await.unwrap();
        assert_eq!(r.status(), 422);
        let r = bureau.post(app.url("/api/v1/communiques")).header("x-csrf-token", &csrf).json(&serde_json::json!({"body_id": body, "title": "بلاغ حول اللقاء الخاص", "body": "نص البلاغ", "tags": ["المكتب السياسي"]})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let c: serde_json::Value = r.json().await.unwrap();
        assert_eq!((c["state"].as_str(), c["slug"].as_str()), (Some("draft"), Some("بلاغ-حول-اللقاء-الخاص")));
        let id = c["id"].as_str().unwrap();
        let r = bureau.put(app.url(&format!("/api/v1/communiques/{id}"))).header("x-csrf-token", &csrf).json(&serde_json::json!({"title": "بلاغ حول اللقاء الخاص", "body": "نص معدل", "version": 1})).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let r = bureau.put(app.url(&format!("/api/v1/communiques/{id}"))).header("x-csrf-token", &csrf).json(&serde_json::json!({"title": "x", "body": "y", "version": 1})).send().await.unwrap();
        assert_eq!(r.status(), 409, "an older version");
        let r = bureau.post(app.url(&format!("/api/v1/communiques/{id}/publish"))).header("x-csrf-token", &csrf).json(&serde_json::json!({})).send().await.unwrap();
        assert_eq!(r.status(), 403, "only the chair or the secretary publishes");
        let r = bureau.post(app.url(&format!("/api/v1/communiques/{id}/fly"))).header("x-csrf-token", &csrf).json(&serde_json::json!({})).send().await.unwrap();
        assert_eq!(r.status(), 404);
        let (_, list) = (0, bureau.get(app.url("/api/v1/communiques")).send().await.unwrap().json::<serde_json::Value>().await.unwrap());
        assert_eq!(list.as_array().unwrap().len(), 3);
    })
    .await;
}
