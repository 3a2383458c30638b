//! Data for the campaign benchmarks (`majlis bench-campaigns`): 1,000
//! provincial bodies under 20 regions, a template of 20 fields and 5
//! narrative sections, 20 campaigns over the 1,000 bodies with 850 reports
//! each (some late), and one campaign of 100 bodies that all reported, for
//! the synthesis.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use majlis_domain::campaign::{CampaignAction, CampaignInput, TargetRule};
use majlis_domain::report_template::{Answers, TemplateDef};
use majlis_store::bulk::BodyRow;
use majlis_store::bulk_reports::SubmittedReport;
use majlis_store::{NewAccount, Store};
use serde_json::{Value, json};
use uuid::Uuid;

const REGIONS: usize = 20;
const PROVINCES: usize = 1_000;
const CAMPAIGNS: usize = 20;
const REPORTED: usize = 850;
const SYNTHESIS_REPORTS: usize = 100;

fn template() -> TemplateDef {
    let mut fields = Vec::new();
    for i in 0..8 {
        fields.push(json!({"key": format!("count_{i}"), "label": format!("عدد رقم {i}"), "type": "integer", "min": 0, "required": true}));
    }
    for i in 0..4 {
        fields.push(json!({"key": format!("share_{i}"), "label": format!("نسبة رقم {i}"), "type": "percentage"}));
    }
    for i in 0..4 {
        let options: Vec<Value> = (0..5)
            .map(|o| json!({"key": format!("o{o}"), "label": format!("اختيار {o}")}))
            .collect();
        fields.push(json!({"key": format!("choice_{i}"), "label": format!("سؤال اختيار {i}"), "type": "choice", "multiple": true, "options": options}));
    }
    for i in 0..4 {
        fields.push(json!({"key": format!("yes_{i}"), "label": format!("سؤال نعم أو لا {i}"), "type": "yes_no"}));
    }
    let sections: Vec<Value> = (0..5)
        .map(|s| json!({"key": format!("part_{s}"), "title": format!("المحور {s}"), "required": true}))
        .collect();
    serde_json::from_value(json!({"name": "تقرير القياس", "fields": fields, "sections": sections}))
        .expect("a valid template")
}

fn answers(i: usize) -> Answers {
    let mut fields = serde_json::Map::new();
    for k in 0..8 {
        fields.insert(format!("count_{k}"), json!((i * 37 + k * 11) % 5_000));
    }
    for k in 0..4 {
        fields.insert(
            format!("share_{k}"),
            json!(((i * 13 + k * 7) % 1_000) as f64 / 10.0),
        );
    }
    for k in 0..4 {
        let picked: Vec<String> = (0..5)
            .filter(|o| (i + k + o).is_multiple_of(3))
            .map(|o| format!("o{o}"))
            .collect();
        fields.insert(format!("choice_{k}"), json!(picked));
    }
    for k in 0..4 {
        fields.insert(format!("yes_{k}"), json!((i + k).is_multiple_of(2)));
    }
    let text = "قدمت الهيئة الإقليمية حصيلة مفصلة لأنشطتها خلال الفترة، مع تقييم لنقاط القوة والضعف واقتراحات عملية لتجاوز الصعوبات التنظيمية والمالية، ودعت إلى تعزيز التكوين والتواصل مع المواطنين في القرب. ";
    let sections: serde_json::Map<String, Value> = (0..5)
        .map(|s| {
            (
                format!("part_{s}"),
                json!(format!("{text}(الهيئة {i}، المحور {s})")),
            )
        })
        .collect();
    serde_json::from_value(json!({"fields": fields, "sections": sections})).unwrap_or_default()
}

/// Loads the data; returns the ids the benchmark script needs.
pub async fn load(store: &Store, password: &str) -> anyhow::Result<Value> {
    let account = store
        .create_account(
            None,
            NewAccount {
                username: "bench-admin".into(),
                email: None,
                password: password.into(),
                person_id: None,
                is_admin: true,
            },
        )
        .await?;
    let admin = store.actor_for(&account).await?;
    let national = Uuid::now_v7();
    let mut bodies = vec![BodyRow {
        id: national,
        name_ar: "المكتب الوطني".into(),
        name_fr: "Bureau national".into(),
        kind: "executive",
        parent_id: None,
        city: "الرباط".into(),
    }];
    let regions: Vec<Uuid> = (0..REGIONS).map(|_| Uuid::now_v7()).collect();
    for (r, id) in regions.iter().enumerate() {
        bodies.push(BodyRow {
            id: *id,
            name_ar: format!("الجهة {}", r + 1),
            name_fr: format!("Région {}", r + 1),
            kind: "regional",
            parent_id: None,
            city: "الرباط".into(),
        });
    }
    let provinces: Vec<Uuid> = (0..PROVINCES).map(|_| Uuid::now_v7()).collect();
    for (p, id) in provinces.iter().enumerate() {
        bodies.push(BodyRow {
            id: *id,
            name_ar: format!("الهيئة الإقليمية {}", p + 1),
            name_fr: format!("Instance provinciale {}", p + 1),
            kind: "provincial",
            parent_id: Some(regions[p % REGIONS]),
            city: "الرباط".into(),
        });
    }
    store.bulk_load(bodies, vec![], vec![], |_| {}).await?;
    store.save_template(&admin, "bench", template()).await?;
    let due = Utc::now().date_naive() - Duration::days(3);
    let new_campaign = |title: String, targets: TargetRule| CampaignInput {
        title,
        description: None,
        due_on: due.to_string(),
        grace_days: None,
        meeting_kind: None,
        template: Some("bench".into()),
        targets,
        decision_id: None,
    };
    let submitted = |i: usize, d: NaiveDate| {
        // Most on time, one in six a few days late.
        let day = if i.is_multiple_of(6) {
            d + Duration::days((i % 5) as i64 + 1)
        } else {
            d - Duration::days((i % 9) as i64)
        };
        Utc.from_utc_datetime(&day.and_hms_opt(18, 0, 0).unwrap_or_default())
    };
    let mut board = None;
    for k in 0..CAMPAIGNS {
        let c = store
            .create_campaign(
                &admin,
                national,
                &new_campaign(
                    format!("حملة القياس {}", k + 1),
                    TargetRule {
                        kinds: vec![majlis_domain::body::BodyKind::Provincial],
                        within: None,
                        bodies: vec![],
                    },
                ),
            )
            .await?;
        store
            .campaign_action(&admin, c.id, CampaignAction::Launch)
            .await?;
        let rows = provinces
            .iter()
            .enumerate()
            .take(REPORTED)
            .map(|(i, b)| SubmittedReport {
                body_id: *b,
                answers: answers(i + k),
                submitted_at: submitted(i + k, due),
            })
            .collect();
        store.bulk_reports(c.id, rows).await?;
        board.get_or_insert(c.id);
        eprintln!("campaign {} of {CAMPAIGNS} loaded", k + 1);
    }
    let c = store
        .create_campaign(
            &admin,
            national,
            &new_campaign(
                "حملة التركيب".into(),
                TargetRule {
                    kinds: vec![],
                    within: None,
                    bodies: provinces[..SYNTHESIS_REPORTS].to_vec(),
                },
            ),
        )
        .await?;
    store
        .campaign_action(&admin, c.id, CampaignAction::Launch)
        .await?;
    let rows = provinces[..SYNTHESIS_REPORTS]
        .iter()
        .enumerate()
        .map(|(i, b)| SubmittedReport {
            body_id: *b,
            answers: answers(i),
            submitted_at: submitted(i, due),
        })
        .collect();
    store.bulk_reports(c.id, rows).await?;
    Ok(json!({"board": board, "synthesis": c.id}))
}
