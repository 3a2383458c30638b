//! Campaigns over provincial bodies, their reports and board, on SQLite and
//! PostgreSQL: the seed's deadline of 7 January 2017 in miniature.

use majlis_domain::body::BodyKind;
use majlis_domain::campaign::{
    BoardStatus, CampaignAction, CampaignInput, CampaignState, ReportAction, ReportState,
    TargetRule,
};
use majlis_domain::membership::Role;
use majlis_domain::permissions::ActorRole;
use majlis_domain::report_template::{Answers, TemplateDef};
use majlis_domain::synthesis::FieldSummary;
use majlis_domain::{Actor, DomainError};
use majlis_store::StoreError;
use majlis_store::testing::{backends, fresh};
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

static NO_NOTES: BTreeMap<String, String> = BTreeMap::new();

mod common;
use common::*;

fn secretary_of(body: Uuid, kind: BodyKind) -> Actor {
    Actor {
        account_id: Uuid::now_v7(),
        person_id: None,
        is_admin: false,
        roles: vec![ActorRole {
            body_id: body,
            body_kind: kind,
            role: Role("secretary".into()),
        }],
    }
}

fn template() -> TemplateDef {
    serde_json::from_value(json!({
        "name": "تقييم انتخابات أعضاء مجلس النواب",
        "fields": [
            {"key": "turnout", "label": "نسبة المشاركة", "type": "percentage", "required": true},
            {"key": "votes", "label": "الأصوات", "type": "integer", "min": 0},
            {"key": "difficulties", "label": "الصعوبات", "type": "choice", "multiple": true,
             "options": [{"key": "money", "label": "المال"}, {"key": "lists", "label": "اللوائح"}]}
        ],
        "sections": [{"key": "lessons", "title": "الدروس", "required": true}]
    }))
    .unwrap()
}

fn answers(v: serde_json::Value) -> Answers {
    serde_json::from_value(v).unwrap()
}

fn code(e: &StoreError) -> Option<&'static str> {
    match e {
        StoreError::Domain(DomainError::Invalid(f)) => f.first().map(|f| f.code),
        _ => None,
    }
}

#[tokio::test]
async fn a_campaign_over_provinces_from_draft_to_synthesis() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let bureau = new_body(s, &a, "المكتب السياسي", "executive", None).await;
        let souss = new_body(s, &a, "جهة سوس ماسة", "regional", None).await;
        let rabat = new_body(s, &a, "جهة الرباط", "regional", None).await;
        let agadir = new_body(s, &a, "أكادير", "provincial", Some(souss.id)).await;
        let tiznit = new_body(s, &a, "تيزنيت", "provincial", Some(souss.id)).await;
        let sale = new_body(s, &a, "سلا", "provincial", Some(rabat.id)).await;
        let local = new_body(s, &a, "فرع محلي", "local", Some(agadir.id)).await;

        // A template, then a second version: the campaign pins the latest.
        let t1 = s
            .save_template(&a, "elections-2016", template())
            .await
            .unwrap();
        let mut def = template();
        def.sections[0].guidance = Some("ما الذي نتعلمه؟".into());
        let t2 = s.save_template(&a, "elections-2016", def).await.unwrap();
        assert_eq!((t1.version, t2.version), (1, 2));
        assert_eq!(s.templates(&a).await.unwrap().len(), 1);
        // A provincial secretary may not write templates.
        let agadir_sec = secretary_of(agadir.id, BodyKind::Provincial);
        assert!(s.save_template(&agadir_sec, "x", template()).await.is_err());

        let input = CampaignInput {
            title: "تقييم انتخابات أعضاء مجلس النواب".into(),
            due_on: "2017-01-07".into(),
            template: Some("elections-2016".into()),
            targets: TargetRule {
                kinds: vec![BodyKind::Provincial],
                within: None,
                bodies: vec![local.id],
            },
            ..Default::default()
        };
        // Only those who run the issuing body issue in its name.
        let e = s
            .create_campaign(&agadir_sec, bureau.id, &input)
            .await
            .unwrap_err();
        assert!(is_domain(&e, &DomainError::Forbidden));
        let c = s.create_campaign(&a, bureau.id, &input).await.unwrap();
        assert_eq!(
            (c.state, c.template_id),
            (CampaignState::Draft, Some(t2.id))
        );
        // No report on a draft.
        let e = s
            .save_report(
                &agadir_sec,
                c.id,
                agadir.id,
                &Answers::default(),
                None,
                None,
            )
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("not_a_target"));
        let c = s
            .campaign_action(&a, c.id, CampaignAction::Launch)
            .await
            .unwrap();
        assert_eq!(c.state, CampaignState::Launched);
        let targets = s.campaign_targets(c.id).await.unwrap();
        assert_eq!(targets.len(), 4, "three provinces and the local branch");
        assert!(
            s.campaign_action(&a, c.id, CampaignAction::Launch)
                .await
                .is_err()
        );

        // Agadir drafts, with a bad value first: nothing saved.
        let e = s
            .save_report(
                &agadir_sec,
                c.id,
                agadir.id,
                &answers(json!({"fields": {"turnout": 130}})),
                None,
                None,
            )
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("out_of_range"));
        let r = s
            .save_report(
                &agadir_sec,
                c.id,
                agadir.id,
                &answers(json!({"fields": {"turnout": "45"}})),
                None,
                None,
            )
            .await
            .unwrap();
        assert_eq!((r.state, r.version), (ReportState::Draft, 1));
        // A second editor who read version 1 after a save: refused, not overwritten.
        let r2 = s
            .save_report(
                &agadir_sec,
                c.id,
                agadir.id,
                &answers(json!({"fields": {"turnout": 46, "votes": 1200}})),
                None,
                Some(1),
            )
            .await
            .unwrap();
        assert_eq!(r2.version, 2);
        let e = s
            .save_report(
                &agadir_sec,
                c.id,
                agadir.id,
                &answers(json!({"fields": {"turnout": 10}})),
                None,
                Some(1),
            )
            .await
            .unwrap_err();
        assert!(is_domain(&e, &DomainError::Stale));
        // Tiznit's secretary may not write Agadir's report, nor read it.
        let tiznit_sec = secretary_of(tiznit.id, BodyKind::Provincial);
        let e = s
            .save_report(
                &tiznit_sec,
                c.id,
                agadir.id,
                &Answers::default(),
                None,
                None,
            )
            .await
            .unwrap_err();
        assert!(is_domain(&e, &DomainError::Forbidden));
        assert!(s.report(&tiznit_sec, r.id).await.is_err());
        // The region above reads it.
        let souss_sec = secretary_of(souss.id, BodyKind::Regional);
        assert!(s.report(&souss_sec, r.id).await.is_ok());

        // Submitting needs the required section.
        let e = s
            .report_action(&agadir_sec, r.id, ReportAction::Submit, None, &NO_NOTES)
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("required"));
        s.save_report(
            &agadir_sec,
            c.id,
            agadir.id,
            &answers(json!({"fields": {"turnout": 46, "votes": 1200, "difficulties": ["money", "lists"]}, "sections": {"lessons": "القرب من المواطنين"}})),
            None,
            Some(2),
        )
        .await
        .unwrap();
        let r = s
            .report_action(&agadir_sec, r.id, ReportAction::Submit, None, &NO_NOTES)
            .await
            .unwrap();
        assert_eq!(r.state, ReportState::Submitted);
        // Twice: refused; edits: locked.
        let e = s
            .report_action(&agadir_sec, r.id, ReportAction::Submit, None, &NO_NOTES)
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("already_submitted"));
        let e = s
            .save_report(
                &agadir_sec,
                c.id,
                agadir.id,
                &Answers::default(),
                None,
                None,
            )
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("report_locked"));
        // Returned (a comment is required), resubmitted, accepted.
        assert_eq!(
            code(
                &s.report_action(&a, r.id, ReportAction::Return, None, &NO_NOTES)
                    .await
                    .unwrap_err()
            ),
            Some("required")
        );
        let e = s
            .report_action(
                &a,
                r.id,
                ReportAction::Return,
                Some("أضيفوا عدد الأصوات بالتفصيل"),
                &BTreeMap::from([("fields.nope".to_string(), "؟".to_string())]),
            )
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("unknown_field"));
        let notes = BTreeMap::from([(
            "fields.turnout".to_string(),
            "النسبة غير مطابقة".to_string(),
        )]);
        let r = s
            .report_action(&a, r.id, ReportAction::Return, None, &notes)
            .await
            .unwrap();
        assert_eq!(r.state, ReportState::Returned);
        let review = r.review.clone().unwrap();
        assert_eq!((review.comment, review.notes), (None, notes.clone()));
        let (_, history) = s.report(&a, r.id).await.unwrap();
        let last = history.last().unwrap();
        assert_eq!(
            (last.action.as_str(), last.review.as_ref().map(|r| &r.notes)),
            ("returned", Some(&notes))
        );
        assert!(
            s.report_action(&agadir_sec, r.id, ReportAction::Accept, None, &NO_NOTES)
                .await
                .is_err()
        );
        let r = s
            .report_action(&agadir_sec, r.id, ReportAction::Submit, None, &NO_NOTES)
            .await
            .unwrap();
        let r = s
            .report_action(&a, r.id, ReportAction::Accept, None, &NO_NOTES)
            .await
            .unwrap();
        assert_eq!(r.state, ReportState::Accepted);
        let (_, history) = s.report(&a, r.id).await.unwrap();
        let actions: Vec<&str> = history.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "save",
                "save",
                "save",
                "submitted",
                "returned",
                "submitted",
                "accepted"
            ]
        );
        let returned = history.iter().find(|e| e.action == "returned").unwrap();
        assert_eq!(
            returned.review.as_ref().map(|r| r.notes.clone()),
            Some(notes.clone())
        );

        // Salé submits too; Tiznit only drafts.
        let sale_sec = secretary_of(sale.id, BodyKind::Provincial);
        let rs = s
            .save_report(&sale_sec, c.id, sale.id, &answers(json!({"fields": {"turnout": 30, "votes": 800, "difficulties": ["money"]}, "sections": {"lessons": "التكوين"}})), None, None)
            .await
            .unwrap();
        s.report_action(&sale_sec, rs.id, ReportAction::Submit, None, &NO_NOTES)
            .await
            .unwrap();
        s.save_report(
            &tiznit_sec,
            c.id,
            tiznit.id,
            &answers(json!({"fields": {"turnout": 20}})),
            None,
            None,
        )
        .await
        .unwrap();

        // The board, as the bureau sees it (the deadline of 2017 is long past:
        // today's submissions are late, Tiznit's draft and the branch missing).
        let (_, board) = s.campaign_board(&a, c.id).await.unwrap();
        assert_eq!(board.len(), 4);
        let row = |id: Uuid| board.iter().find(|r| r.body_id == id).unwrap();
        assert_eq!(row(agadir.id).status, BoardStatus::Accepted);
        assert!(row(agadir.id).days_late > 3000);
        assert_eq!(row(sale.id).status, BoardStatus::SubmittedLate);
        assert_eq!(row(tiznit.id).status, BoardStatus::Missing);
        assert_eq!(row(local.id).status, BoardStatus::Missing);
        assert_eq!(row(agadir.id).region_id, Some(souss.id));
        assert_eq!(row(sale.id).region_id, Some(rabat.id));
        // Agadir's secretary sees Agadir's row and its branch's, not the others.
        let (_, mine) = s.campaign_board(&agadir_sec, c.id).await.unwrap();
        let ids: Vec<Uuid> = mine.iter().map(|r| r.body_id).collect();
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&agadir.id) && ids.contains(&local.id));

        // The synthesis: two reports, hand-computed.
        let (_, syn) = s.campaign_synthesis(&a, c.id).await.unwrap();
        assert_eq!(syn.reports, 2);
        let FieldSummary::Numeric {
            overall, by_region, ..
        } = &syn.fields[0].summary
        else {
            panic!()
        };
        let o = overall.as_ref().unwrap();
        assert_eq!((o.count, o.mean, o.min, o.max), (2, 38.0, 30.0, 46.0));
        assert_eq!(by_region[&souss.id].mean, 46.0);
        let FieldSummary::Choice { answered, options } = &syn.fields[2].summary else {
            panic!()
        };
        assert_eq!((*answered, options[0].count, options[1].count), (2, 2, 1));
        assert_eq!(syn.sections[0].quotations.len(), 2);
        assert!(s.campaign_synthesis(&agadir_sec, c.id).await.is_err());

        // A body added later; then closed: no more submissions.
        let extra = new_body(s, &a, "تارودانت", "provincial", Some(souss.id)).await;
        assert_eq!(
            s.add_campaign_targets(&a, c.id, &[extra.id, agadir.id])
                .await
                .unwrap(),
            1
        );
        let c = s
            .campaign_action(&a, c.id, CampaignAction::Close)
            .await
            .unwrap();
        assert_eq!(c.state, CampaignState::Closed);
        let tiznit_report = s
            .campaign_board(&a, c.id)
            .await
            .unwrap()
            .1
            .into_iter()
            .find(|r| r.body_id == tiznit.id)
            .unwrap()
            .report_id
            .unwrap();
        let e = s
            .report_action(
                &tiznit_sec,
                tiznit_report,
                ReportAction::Submit,
                None,
                &NO_NOTES,
            )
            .await
            .unwrap_err();
        assert_eq!(code(&e), Some("campaign_not_running"));
    }
}

/// The deadline evening: sixteen provinces saving and submitting at once, and
/// one province's two secretaries submitting the same report together — no
/// error but the expected refusals, no lost write, one submission.
#[tokio::test]
async fn sixteen_provinces_on_the_deadline_evening() {
    for b in backends() {
        let db = fresh(b).await;
        let s = std::sync::Arc::new(db.store.clone());
        let a = admin();
        let bureau = new_body(&s, &a, "المكتب السياسي", "executive", None).await;
        let mut provinces = Vec::new();
        for i in 0..16 {
            provinces.push(
                new_body(&s, &a, &format!("إقليم {i}"), "provincial", None)
                    .await
                    .id,
            );
        }
        s.save_template(&a, "t", template()).await.unwrap();
        let c = s
            .create_campaign(
                &a,
                bureau.id,
                &CampaignInput {
                    title: "تقييم".into(),
                    due_on: "2099-01-07".into(),
                    template: Some("t".into()),
                    targets: TargetRule {
                        kinds: vec![BodyKind::Provincial],
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        s.campaign_action(&a, c.id, CampaignAction::Launch)
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for (i, p) in provinces.iter().copied().enumerate() {
            let s = s.clone();
            let sec = secretary_of(p, BodyKind::Provincial);
            let campaign = c.id;
            tasks.push(tokio::spawn(async move {
                let mut last = None;
                for round in 0..3 {
                    let r = s
                        .save_report(
                            &sec,
                            campaign,
                            p,
                            &answers(json!({"fields": {"turnout": 10 + i + round}, "sections": {"lessons": format!("درس {i}")}})),
                            None,
                            last,
                        )
                        .await?;
                    last = Some(r.version);
                }
                let r = s.campaign_board(&sec, campaign).await?.1;
                let id = r[0].report_id.expect("a report");
                s.report_action(&sec, id, ReportAction::Submit, None, &NO_NOTES).await
            }));
        }
        for t in tasks {
            t.await.unwrap().expect("no error in the crowd");
        }
        let (_, board) = s.campaign_board(&a, c.id).await.unwrap();
        assert_eq!(
            board
                .iter()
                .filter(|r| r.status == BoardStatus::SubmittedOnTime)
                .count(),
            16
        );
        let (_, syn) = s.campaign_synthesis(&a, c.id).await.unwrap();
        let FieldSummary::Numeric { overall, .. } = &syn.fields[0].summary else {
            panic!()
        };
        // Each province's last save (10 + i + 2) kept: 16 × 12 + (0 + … + 15).
        assert_eq!(overall.as_ref().unwrap().sum, (16 * 12 + 120) as f64);

        // Two secretaries submit the same returned report at once: one wins.
        let first = board[0].report_id.unwrap();
        s.report_action(&a, first, ReportAction::Return, Some("راجعوا"), &NO_NOTES)
            .await
            .unwrap();
        let sec = secretary_of(board[0].body_id, BodyKind::Provincial);
        let mut race = Vec::new();
        for _ in 0..8 {
            let (s, sec) = (s.clone(), sec.clone());
            race.push(tokio::spawn(async move {
                s.report_action(&sec, first, ReportAction::Submit, None, &NO_NOTES)
                    .await
            }));
        }
        let mut won = 0;
        for t in race {
            match t.await.unwrap() {
                Ok(_) => won += 1,
                Err(e) => assert!(
                    is_domain(&e, &DomainError::Stale) || code(&e) == Some("already_submitted"),
                    "{e:?}"
                ),
            }
        }
        assert_eq!(won, 1);
        let (_, history) = s.report(&a, first).await.unwrap();
        assert_eq!(
            history.iter().filter(|e| e.action == "submitted").count(),
            2
        );
    }
}
