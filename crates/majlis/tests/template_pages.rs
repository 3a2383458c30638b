//! Report templates designed on pages, on SQLite and PostgreSQL: the list
//! and one version with the campaigns using it; a new template written row
//! by row (a row added without JavaScript, bad input refused with what was
//! typed kept, Arabic digits read); the seed's template edited into its
//! next version while the running campaign keeps the version it pinned; a
//! stale edit refused (409), six simultaneous edits (one wins); a key
//! already used, and a provincial secretary, refused.

mod common;

use common::{TestApp, each_backend, hidden};
use serde_json::Value;

/// The designer's form as a browser sends it.
fn form(csrf: &str, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v = vec![("_csrf".to_string(), csrf.to_string())];
    v.extend(extra.iter().map(|(k, x)| (k.to_string(), x.to_string())));
    v
}

#[tokio::test]
async fn templates_designed_on_pages() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let bureau = app.page_login("bureau", "ar").await;
        let (api, _) = app.api_login("bureau").await;

        // The list and the seed's template with its campaign.
        let list = app.text(&bureau, "/templates").await;
        assert!(
            list.contains("تقييم انتخابات أعضاء مجلس النواب")
                && list.contains("href=\"/templates/new\"")
        );
        let seed: Value = api
            .get(app.url("/api/v1/templates"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let seed_id = seed[0]["id"].as_str().unwrap().to_string();
        let page = app.text(&bureau, &format!("/templates/{seed_id}")).await;
        assert!(
            page.contains("نسبة المشاركة في الإقليم")
                && page.contains("اختيارات متعددة")
                && page.contains("/campaigns/")
        );
        assert!(page.contains(&format!("/templates/{seed_id}/edit")));

        // A new template: three empty field rows, two section rows.
        let new = app.text(&bureau, "/templates/new").await;
        assert_eq!(new.matches("id=\"p-field-").count(), 3);
        assert_eq!(new.matches("id=\"p-section-").count(), 2);
        let csrf = hidden(&new, "_csrf");
        let typed = [
            ("field_rows", "2"),
            ("section_rows", "1"),
            ("name", "تقرير تجديد الفروع"),
            ("f.0.label", "عدد الفروع المجددة"),
            ("f.0.kind", "integer"),
            ("f.0.min", "٠"),
            ("f.0.max", "كثير"),
            ("f.0.required", "1"),
            ("f.1.label", "أسباب التأخر"),
            ("f.1.kind", "multiple"),
            ("f.1.lines", "money: قلة الموارد\nغياب المقرات\nضعف التأطير"),
            ("s.0.title", "حصيلة التجديد"),
            ("s.0.guidance", "ما أنجز وما تعثر"),
            ("s.0.required", "1"),
        ];
        // A row added without saving: what was typed stays, one row more.
        let mut with_intent = typed.to_vec();
        with_intent.push(("intent", "add_field"));
        let r = bureau
            .post(app.url("/templates"))
            .form(&form(&csrf, &with_intent))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let again = r.text().await.unwrap();
        assert_eq!(again.matches("id=\"p-field-").count(), 3);
        assert!(again.contains("عدد الفروع المجددة") && again.contains("غياب المقرات"));
        // Saved with a maximum that is not a number: 422, on its row.
        let mut save = typed.to_vec();
        save.push(("intent", "save"));
        let r = bureau
            .post(app.url("/templates"))
            .form(&form(&csrf, &save))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let again = r.text().await.unwrap();
        assert!(again.contains("class=\"errors\"") && again.contains("تقرير تجديد الفروع"));
        assert!(
            again.contains("template-part invalid\" data-kind=\"integer\""),
            "the error sits on the number's row"
        );
        // Fixed (Arabic digits): saved, version 1 of a new key.
        let fixed: Vec<(&str, &str)> = save
            .iter()
            .map(|(k, v)| {
                if *k == "f.0.max" {
                    (*k, "٣٠")
                } else {
                    (*k, *v)
                }
            })
            .collect();
        let r = bureau
            .post(app.url("/templates"))
            .form(&form(&csrf, &fixed))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let at = r.headers()["location"].to_str().unwrap().to_string();
        let page = app.text(&bureau, &at).await;
        assert!(
            page.contains("0 – 30")
                && page.contains("قلة الموارد · غياب المقرات · ضعف التأطير")
                && page.contains("ما أنجز وما تعثر")
        );
        let all: Vec<Value> = api
            .get(app.url("/api/v1/templates"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let mine = all
            .iter()
            .find(|t| t["definition"]["name"] == "تقرير تجديد الفروع")
            .expect("through the API too");
        assert_eq!(mine["version"], 1);
        let def = &mine["definition"];
        assert_eq!(def["fields"][0]["max"], 30);
        assert_eq!(def["fields"][1]["options"][0]["key"], "money");
        assert_eq!(def["fields"][1]["options"][1]["key"], "o1");
        assert_eq!(def["sections"][0]["required"], true);
        // It is offered to new campaigns.
        let key = mine["key"].as_str().unwrap().to_string();
        assert!(app.text(&bureau, "/campaigns/new").await.contains(&key));
        // A new template under a key already used: refused.
        let mut taken = fixed.clone();
        taken.push(("key", "elections-2016"));
        let r = bureau
            .post(app.url("/templates"))
            .form(&form(&csrf, &taken))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("هذا المعرّف مستعمل"));

        // The seed's template edited: version 2; the campaign keeps version 1.
        let edit = app
            .text(&bureau, &format!("/templates/{seed_id}/edit"))
            .await;
        assert!(
            edit.contains("value=\"turnout\"")
                && edit.contains("name=\"base_version\" value=\"1\"")
        );
        // The form as the page sends it, row for row from the version.
        let def = &seed[0]["definition"];
        let mut fields: Vec<(String, String)> = vec![
            ("_csrf".into(), hidden(&edit, "_csrf")),
            ("base".into(), seed_id.clone()),
            ("base_version".into(), "1".into()),
            ("name".into(), def["name"].as_str().unwrap().into()),
        ];
        let parts = def["fields"].as_array().unwrap();
        fields.push(("field_rows".into(), parts.len().to_string()));
        for (i, f) in parts.iter().enumerate() {
            let text = |v: &Value| {
                v.as_str()
                    .map(String::from)
                    .or_else(|| v.as_i64().map(|n| n.to_string()))
                    .unwrap_or_default()
            };
            let kind = match (f["type"].as_str().unwrap(), f["multiple"].as_bool()) {
                ("choice", Some(true)) => "multiple",
                (k, _) => k,
            };
            let lines = f["options"]
                .as_array()
                .map(|o| {
                    o.iter()
                        .map(|o| format!("{}: {}", text(&o["key"]), text(&o["label"])))
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            for (k, v) in [
                ("key", text(&f["key"])),
                ("label", text(&f["label"])),
                ("kind", kind.to_string()),
                ("min", text(&f["min"])),
                ("max", text(&f["max"])),
                ("help", text(&f["help"])),
                ("lines", lines),
            ] {
                fields.push((format!("f.{i}.{k}"), v));
            }
            if f["required"] == true {
                fields.push((format!("f.{i}.required"), "1".into()));
            }
        }
        let sections = def["sections"].as_array().unwrap();
        fields.push(("section_rows".into(), sections.len().to_string()));
        for (i, x) in sections.iter().enumerate() {
            for k in ["key", "title", "guidance"] {
                fields.push((
                    format!("s.{i}.{k}"),
                    x[k].as_str().unwrap_or_default().into(),
                ));
            }
            if x["required"] == true {
                fields.push((format!("s.{i}.required"), "1".into()));
            }
        }
        fields.retain(|(k, _)| k != "f.0.label");
        fields.push(("f.0.label".into(), "نسبة المشاركة الرسمية في الإقليم".into()));
        fields.push(("intent".into(), "save".into()));
        let r = bureau
            .post(app.url("/templates"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            303,
            "{}",
            r.text()
                .await
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_control())
                .take(3000)
                .collect::<String>()
        );
        let v2 = r.headers()["location"].to_str().unwrap().to_string();
        let page = app.text(&bureau, &v2).await;
        let version = |n: u32| format!("النسخة <bdi dir=\"ltr\">{n}</bdi>");
        assert!(
            page.contains("نسبة المشاركة الرسمية في الإقليم")
                && page.contains(&version(2))
                && page.contains(&version(1))
                && page.contains("لا تستعملها أي حملة"),
            "{page}"
        );
        let old = app.text(&bureau, &format!("/templates/{seed_id}")).await;
        assert!(
            old.contains("نسبة المشاركة في الإقليم")
                && !old.contains(&format!("/templates/{seed_id}/edit")),
            "an older version is not edited"
        );
        let (_, list) = (
            0,
            api.get(app.url("/api/v1/campaigns"))
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap(),
        );
        assert_eq!(
            list[0]["template_id"],
            seed_id.as_str(),
            "the running campaign keeps its version"
        );
        // The same edit again from version 1: someone saved meanwhile.
        let r = bureau
            .post(app.url("/templates"))
            .form(&fields)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        // Six editors at once from version 2: one new version.
        let v2_id = v2.trim_start_matches("/templates/").to_string();
        let mut crowd_form: Vec<(String, String)> = fields
            .into_iter()
            .filter(|(k, _)| k != "base" && k != "base_version")
            .collect();
        crowd_form.push(("base".into(), v2_id.clone()));
        crowd_form.push(("base_version".into(), "2".into()));
        let mut crowd = Vec::new();
        for _ in 0..6 {
            let req = bureau.post(app.url("/templates")).form(&crowd_form);
            crowd.push(tokio::spawn(async move {
                req.send().await.unwrap().status().as_u16()
            }));
        }
        let mut codes = Vec::new();
        for t in crowd {
            codes.push(t.await.unwrap());
        }
        assert_eq!(codes.iter().filter(|c| **c == 303).count(), 1, "{codes:?}");
        assert!(codes.iter().all(|c| *c == 303 || *c == 409), "{codes:?}");
        let all: Vec<Value> = api
            .get(app.url("/api/v1/templates"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            all.iter().find(|t| t["key"] == "elections-2016").unwrap()["version"],
            3
        );

        // A provincial secretary reads templates, designs none.
        let agadir = app.page_login("agadir", "ar").await;
        assert!(
            !app.text(&agadir, "/templates")
                .await
                .contains("href=\"/templates/new\"")
        );
        let r = agadir.get(app.url("/templates/new")).send().await.unwrap();
        assert_eq!(r.status(), 403);
        let r = agadir
            .post(app.url("/templates"))
            .form(&form(
                &hidden(&app.text(&agadir, "/templates").await, "_csrf"),
                &fixed,
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 403);
    })
    .await;
}
