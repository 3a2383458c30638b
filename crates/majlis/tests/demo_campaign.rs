//! The demo's campaign on SQLite and PostgreSQL: the board of the 30
//! provinces as the seed's story tells it (23 on time, 4 late, Agadir's
//! returned, 2 missing), the synthesis of the 27 reports counted — its
//! figures equal to the reports' own answers —, who may read what, the
//! synthesis page, its PDF and CSV, and its versions (a stale save refused,
//! an approved version not approved twice).

mod common;

use common::{TestApp, each_backend};
use serde_json::Value;
use std::collections::HashMap;

async fn json(c: &reqwest::Client, url: String) -> (u16, Value) {
    let r = c.get(url).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// The PDF's first page as PNG under `target/screenshots/` (poppler's
/// `pdftoppm`, installed by scripts/install-test-deps.sh): it must open.
fn keep_first_page(pdf: &[u8], name: &str) {
    let dir = common::browser::shots();
    let file = dir.join(format!("{name}.pdf"));
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&file)
        .arg(dir.join(name))
        .status()
        .expect("pdftoppm (poppler-utils)");
    assert!(out.success(), "the synthesis PDF opens");
    assert!(dir.join(format!("{name}.png")).exists());
}

#[tokio::test]
async fn the_seed_campaign_board_and_synthesis() {
    each_backend(|b| async move {
        let app = TestApp::demo(b).await;
        let (bureau, csrf) = app.api_login("bureau").await;
        let (agadir, _) = app.api_login("agadir").await;
        let (_, list) = json(&bureau, app.url("/api/v1/campaigns")).await;
        let seed = list[0]["id"].as_str().unwrap().to_string();

        let (_, board) = json(&bureau, app.url(&format!("/api/v1/campaigns/{seed}/board"))).await;
        let rows = board.as_array().unwrap();
        assert_eq!(rows.len(), 30);
        let mut by_status: HashMap<&str, usize> = HashMap::new();
        for r in rows {
            *by_status.entry(r["status"].as_str().unwrap()).or_default() += 1;
        }
        assert_eq!(
            by_status,
            HashMap::from([
                ("submitted_on_time", 23),
                ("submitted_late", 4),
                ("returned", 1),
                ("missing", 2)
            ])
        );
        let late: Vec<i64> = rows
            .iter()
            .filter(|r| r["status"] == "submitted_late")
            .map(|r| r["days_late"].as_i64().unwrap())
            .collect();
        assert_eq!(
            {
                let mut l = late.clone();
                l.sort();
                l
            },
            vec![2, 2, 3, 5],
            "late by 2, 2, 3 and 5 days"
        );

        // The synthesis counts the 27 reports submitted; its turnout figures
        // are those of the reports, read one by one.
        let (_, syn) = json(
            &bureau,
            app.url(&format!("/api/v1/campaigns/{seed}/synthesis")),
        )
        .await;
        assert_eq!(syn["reports"], 27);
        let turnout = syn["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "turnout")
            .unwrap();
        let counted: Vec<&Value> = rows
            .iter()
            .filter(|r| {
                matches!(
                    r["status"].as_str(),
                    Some("submitted_on_time" | "submitted_late")
                )
            })
            .collect();
        let mut sum = 0.0;
        for r in &counted {
            let id = r["report_id"].as_str().unwrap();
            let (_, report) = json(&bureau, app.url(&format!("/api/v1/reports/{id}"))).await;
            sum += report["answers"]["fields"]["turnout"].as_f64().unwrap();
        }
        let overall = &turnout["summary"]["overall"];
        assert_eq!(overall["count"], 27);
        assert!(
            (overall["sum"].as_f64().unwrap() - sum).abs() < 1e-6,
            "{overall} vs {sum}"
        );

        // A province reads its own report, not another's, and no synthesis.
        let agadir_body = app.body_id("أكادير").await.to_string();
        let own = rows
            .iter()
            .find(|r| r["body_id"] == agadir_body.as_str())
            .unwrap();
        assert_eq!(own["status"], "returned");
        let (status, mine) = json(
            &agadir,
            app.url(&format!(
                "/api/v1/reports/{}",
                own["report_id"].as_str().unwrap()
            )),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(
            mine["review_notes"].as_object().unwrap().len(),
            1,
            "the note on the votes"
        );
        let other = counted[0]["report_id"].as_str().unwrap();
        let (status, _) = json(&agadir, app.url(&format!("/api/v1/reports/{other}"))).await;
        assert!(status == 403 || status == 404, "{status}");
        let r = agadir
            .get(app.url(&format!("/campaigns/{seed}/synthesis")))
            .send()
            .await
            .unwrap();
        assert!(r.status() == 403 || r.status() == 404, "{}", r.status());

        // The deadline in Agadir's calendar (month page, API and feed range).
        let (_, cal) = json(
            &agadir,
            app.url("/api/v1/calendar?from=2017-01-01&to=2017-02-01"),
        )
        .await;
        let deadline = &cal["deadlines"].as_array().unwrap()[0];
        assert_eq!(
            (deadline["due_on"].as_str(), deadline["body_id"].as_str()),
            (Some("2017-01-07"), Some(agadir_body.as_str()))
        );
        let month = agadir
            .get(app.url("/calendar?month=2017-01"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            month.contains("kind-deadline")
                && month.contains(&format!("/campaigns/{seed}/bodies/{agadir_body}/report"))
        );

        // The page, the PDF and the CSV, for the bureau.
        let page = bureau
            .get(app.url(&format!("/campaigns/{seed}/synthesis")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        let html = page.text().await.unwrap();
        assert!(
            html.contains("صادق") && html.contains("class=\"bar-fill\""),
            "approved, with charts"
        );
        assert!(
            html.contains(&format!("/reports/{other}")),
            "figures link back to their reports"
        );
        let pdf = bureau
            .get(app.url(&format!("/campaigns/{seed}/synthesis.pdf")))
            .send()
            .await
            .unwrap();
        assert_eq!(pdf.status(), 200);
        let pdf = pdf.bytes().await.unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        keep_first_page(&pdf, &format!("synthesis-pdf-{b:?}"));
        let csv = bureau
            .get(app.url(&format!("/campaigns/{seed}/synthesis.csv")))
            .send()
            .await
            .unwrap();
        let csv = csv.bytes().await.unwrap();
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
        assert!(String::from_utf8_lossy(&csv).contains("نسبة المشاركة في الإقليم"));

        // Versions: a save from an outdated page is refused; the approved
        // version is not approved again; a new version starts unapproved.
        let save = |latest: &'static str| {
            bureau
                .post(app.url(&format!("/campaigns/{seed}/synthesis")))
                .form(&[
                    ("_csrf", csrf.as_str()),
                    ("latest", latest),
                    ("analysis", "تحليل محين"),
                ])
        };
        assert_eq!(save("0").send().await.unwrap().status(), 409);
        let approve = |n: &'static str| {
            bureau
                .post(app.url(&format!("/campaigns/{seed}/synthesis/approve")))
                .form(&[("_csrf", csrf.as_str()), ("number", n)])
        };
        assert_eq!(approve("1").send().await.unwrap().status(), 422);
        assert_eq!(save("1").send().await.unwrap().status(), 303);
        let html = bureau
            .get(app.url(&format!("/campaigns/{seed}/synthesis")))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("تحليل محين") && html.contains("synthesis/approve"));
        // Six approvals of version 2 at once: one, the others refused.
        let mut crowd = Vec::new();
        for _ in 0..6 {
            let req = approve("2");
            crowd.push(tokio::spawn(async move {
                req.send().await.unwrap().status().as_u16()
            }));
        }
        let mut codes = Vec::new();
        for t in crowd {
            codes.push(t.await.unwrap());
        }
        assert_eq!(codes.iter().filter(|c| **c == 303).count(), 1, "{codes:?}");
        assert!(codes.iter().all(|c| *c == 303 || *c == 422), "{codes:?}");
        // Six writers save the analysis from the same version at once: one
        // new version, the others told it changed (409), no 5xx.
        let mut crowd = Vec::new();
        for i in 0..6 {
            let req = bureau
                .post(app.url(&format!("/campaigns/{seed}/synthesis")))
                .form(&[
                    ("_csrf", csrf.clone()),
                    ("latest", "2".into()),
                    ("analysis", format!("نسخة {i}")),
                ]);
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

        // Targets after launch: a body with a report stays (422, nothing
        // removed); one that never wrote leaves; another is added.
        let remove = |body: String| {
            bureau
                .delete(app.url(&format!("/api/v1/campaigns/{seed}/targets/{body}")))
                .header("x-csrf-token", &csrf)
        };
        let r = remove(agadir_body.clone()).send().await.unwrap();
        assert_eq!(r.status(), 422);
        assert_eq!(
            r.json::<Value>().await.unwrap()["error"]["fields"][0]["code"],
            "target_has_report"
        );
        let silent = rows
            .iter()
            .find(|r| r["status"] == "missing" && r["report_id"].is_null())
            .unwrap();
        let silent = silent["body_id"].as_str().unwrap().to_string();
        assert_eq!(remove(silent.clone()).send().await.unwrap().status(), 204);
        assert_eq!(remove(silent.clone()).send().await.unwrap().status(), 404);
        let r = bureau
            .post(app.url(&format!("/api/v1/campaigns/{seed}/targets")))
            .header("x-csrf-token", &csrf)
            .json(&serde_json::json!({"body_ids": [silent]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.json::<Value>().await.unwrap()["added"], 1);
        let (_, board) = json(&bureau, app.url(&format!("/api/v1/campaigns/{seed}/board"))).await;
        assert_eq!(board.as_array().unwrap().len(), 30);
    })
    .await;
}
