//! The seed's meetings and sessions through the store.

use majlis_domain::{Actor, DomainError, MembershipInput};
use majlis_store::StoreError;
use majlis_store::testing::{backends, fresh};
use uuid::Uuid;

mod common;
use common::*;

#[tokio::test]
async fn the_political_bureau_meeting_of_19_december_2016() {
    use majlis_domain::meeting::{
        AgendaInput, Attendance, DecisionInput, DecisionStatus, MeetingInput, MeetingStatus,
        StatusChange,
    };
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let bureau = new_body(s, &a, "المكتب السياسي", "executive", None).await;
        let agadir = new_body(s, &a, "أكادير", "provincial", None).await;
        let mut people = Vec::new();
        for i in 0..5 {
            let p = s
                .create_person(
                    &a,
                    &person_input(
                        &format!("عضو {i}"),
                        &format!("Member {i}"),
                        &format!("PB-{i}"),
                        "male",
                    ),
                )
                .await
                .unwrap();
            let m = MembershipInput {
                person_id: p.id.to_string(),
                body_id: bureau.id.to_string(),
                role: "member".into(),
                starts_on: Some("2014-06-01".into()),
                ends_on: None,
            };
            s.add_membership(&a, &m, d(2016, 12, 19)).await.unwrap();
            people.push(p);
        }
        let outsider = s
            .create_person(&a, &person_input("ضيف", "Guest", "G-1", "female"))
            .await
            .unwrap();

        let input = MeetingInput {
            kind: "periodic".into(),
            title: "الاجتماع الدوري للمكتب السياسي".into(),
            starts_at: "2016-12-19T18:00".into(),
            ends_at: "2016-12-19T21:00".into(),
            venue: Some("المقر الوطني".into()),
            city: Some("الرباط".into()),
            ..Default::default()
        };
        // End before start: refused, nothing created.
        let bad = MeetingInput {
            ends_at: "2016-12-19T17:00".into(),
            ..input.clone()
        };
        assert!(s.create_meeting(&a, bureau.id, &bad).await.is_err());
        assert!(
            s.body_meetings(majlis_domain::Viewer::System, bureau.id, 10)
                .await
                .unwrap()
                .is_empty()
        );
        // A provincial secretary does not plan the bureau's meetings.
        let secretary = Actor {
            account_id: Uuid::now_v7(),
            person_id: None,
            is_admin: false,
            roles: vec![majlis_domain::ActorRole {
                body_id: agadir.id,
                body_kind: majlis_domain::BodyKind::Provincial,
                role: majlis_domain::Role::new("secretary"),
            }],
        };
        assert!(matches!(
            s.create_meeting(&secretary, bureau.id, &input).await,
            Err(StoreError::Domain(DomainError::Forbidden))
        ));

        let m = s.create_meeting(&a, bureau.id, &input).await.unwrap();
        // Local times survive the round trip through UTC.
        let back = s
            .visible_meeting(majlis_domain::Viewer::System, m.id)
            .await
            .unwrap()
            .0;
        assert_eq!(back.starts_at.to_string(), "2016-12-19 18:00:00");
        assert_eq!(back.status, MeetingStatus::Planned);

        for title in [
            "مواصلة التحضير للدورة الثامنة للجنة المركزية",
            "خطة العمل والآجال",
            "قضايا مختلفة",
        ] {
            s.add_agenda_item(
                &a,
                m.id,
                &AgendaInput {
                    title: title.into(),
                    planned_minutes: Some("30".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        }
        let agenda = s.agenda(majlis_domain::Viewer::System, m.id).await.unwrap();
        let moved = s.move_agenda_item(&a, agenda[2].id, true).await.unwrap();
        let titles: Vec<_> = moved.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "مواصلة التحضير للدورة الثامنة للجنة المركزية",
                "قضايا مختلفة",
                "خطة العمل والآجال"
            ]
        );

        for p in &people[..3] {
            s.record_attendance(&a, m.id, p.id, Attendance::Present)
                .await
                .unwrap();
        }
        s.record_attendance(&a, m.id, people[3].id, Attendance::Excused)
            .await
            .unwrap();
        let err = s
            .record_attendance(&a, m.id, outsider.id, Attendance::Present)
            .await
            .unwrap_err();
        assert!(
            is_domain(&err, &DomainError::invalid("person_id", "not_invited")),
            "{err:?}"
        );
        let sheet = s
            .attendance_sheet(majlis_domain::Viewer::System, m.id)
            .await
            .unwrap();
        assert_eq!(
            (sheet.members, sheet.present, sheet.needed, sheet.reached),
            (5, 3, 3, true)
        );

        let measure = DecisionInput {
            kind: "measure".into(),
            text: "عقد اجتماعات الهيئات الإقليمية لتقييم انتخابات مجلس النواب".into(),
            responsible_body_id: Some(agadir.id.to_string()),
            due_on: Some("2017-01-07".into()),
            ..Default::default()
        };
        let dm = s.add_decision(&a, m.id, &measure).await.unwrap();
        assert_eq!(
            s.open_decisions(majlis_domain::Viewer::System, bureau.id)
                .await
                .unwrap()
                .len(),
            1
        );
        s.set_decision_status(&a, dm.id, DecisionStatus::Done)
            .await
            .unwrap();
        assert!(
            s.open_decisions(majlis_domain::Viewer::System, bureau.id)
                .await
                .unwrap()
                .is_empty()
        );

        s.change_meeting_status(&a, m.id, StatusChange::Hold)
            .await
            .unwrap();
        let err = s
            .change_meeting_status(&a, m.id, StatusChange::Cancel)
            .await
            .unwrap_err();
        assert!(is_domain(
            &err,
            &DomainError::invalid("status", "meeting_closed")
        ));

        // Postponing moves the meeting (and is audited).
        let special = MeetingInput {
            kind: "special".into(),
            title: "لقاء خاص لدراسة التقرير التركيبي".into(),
            starts_at: "2017-01-11T17:00".into(),
            ends_at: "2017-01-11T20:00".into(),
            ..Default::default()
        };
        let sp = s.create_meeting(&a, bureau.id, &special).await.unwrap();
        let later = |h| {
            chrono::NaiveDate::from_ymd_opt(2017, 1, 12)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        let moved = s
            .change_meeting_status(
                &a,
                sp.id,
                StatusChange::Postpone {
                    start: later(17),
                    end: later(20),
                },
            )
            .await
            .unwrap();
        assert_eq!(
            (moved.status, moved.starts_at),
            (MeetingStatus::Postponed, later(17))
        );
        let actions: Vec<String> = s
            .audit_for(majlis_domain::Viewer::System, "meeting", sp.id, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(actions, ["create", "postponed"]);
        assert_eq!(
            s.body_meetings(majlis_domain::Viewer::System, bureau.id, 10)
                .await
                .unwrap()
                .len(),
            2
        );
    }
}

#[tokio::test]
async fn the_eighth_session_of_the_central_committee() {
    use majlis_domain::session::{
        Conflict, PaperAction, PaperState, SessionInput, SlotDraft, SlotKind, WorkshopRole,
    };
    use majlis_domain::upload::MAX_UPLOAD_BYTES;
    use majlis_store::service::files::Upload;
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let cc = new_body(s, &a, "اللجنة المركزية", "council", None).await;
        let other = new_body(s, &a, "أكادير", "provincial", None).await;
        let input = SessionInput {
            number: Some("8".into()),
            first_day: "2017-02-04".into(),
            last_day: "2017-02-05".into(),
            venue: Some("المقر الوطني".into()),
            city: Some("الرباط".into()),
        };
        assert!(matches!(
            s.create_council_session(&a, other.id, &input).await,
            Err(StoreError::Domain(DomainError::Invalid(_)))
        ));
        let bad = SessionInput {
            first_day: "2017-02-05".into(),
            last_day: "2017-02-04".into(),
            ..input.clone()
        };
        assert!(s.create_council_session(&a, cc.id, &bad).await.is_err());
        let session = s.create_council_session(&a, cc.id, &input).await.unwrap();
        assert_eq!(session.number, 8);
        assert!(
            s.create_council_session(&a, cc.id, &input).await.is_err(),
            "number 8 again"
        );

        let amina = s
            .create_person(&a, &person_input("أمينة", "Amina", "CC-1", "female"))
            .await
            .unwrap();
        let karim = s
            .create_person(&a, &person_input("كريم", "Karim", "CC-2", "male"))
            .await
            .unwrap();
        let m = MembershipInput {
            person_id: amina.id.to_string(),
            body_id: cc.id.to_string(),
            role: "member".into(),
            starts_on: Some("2014-06-01".into()),
            ends_on: None,
        };
        s.add_membership(&a, &m, d(2017, 2, 4)).await.unwrap();
        let w1 = s
            .add_workshop(
                &a,
                session.id,
                "الورشة الأولى",
                "القرب\nالتنسيق",
                "",
                Some(50),
            )
            .await
            .unwrap();
        let w2 = s
            .add_workshop(&a, session.id, "الورشة الثانية", "التجديد", "", None)
            .await
            .unwrap();
        s.set_workshop_person(&a, w1, amina.id, WorkshopRole::Facilitator)
            .await
            .unwrap();
        s.set_workshop_person(&a, w2, amina.id, WorkshopRole::Rapporteur)
            .await
            .unwrap();
        s.set_workshop_person(&a, w2, karim.id, WorkshopRole::Facilitator)
            .await
            .unwrap();
        let t = |day, h| {
            chrono::NaiveDate::from_ymd_opt(2017, 2, day)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
        };
        let slot = |kind, title: &str, start, end, room: &str, w| SlotDraft {
            kind,
            title: title.into(),
            start,
            end,
            room: Some(room.into()),
            workshop_id: w,
        };
        s.add_slot(
            &a,
            session.id,
            &slot(
                SlotKind::Opening,
                "الجلسة الافتتاحية",
                t(4, 10),
                t(4, 12),
                "القاعة الكبرى",
                None,
            ),
        )
        .await
        .unwrap();
        s.add_slot(
            &a,
            session.id,
            &slot(
                SlotKind::Workshop,
                "الورشة الأولى",
                t(4, 15),
                t(4, 18),
                "القاعة 1",
                Some(w1),
            ),
        )
        .await
        .unwrap();
        s.add_slot(
            &a,
            session.id,
            &slot(
                SlotKind::Workshop,
                "الورشة الثانية",
                t(4, 15),
                t(4, 18),
                "القاعة 1",
                Some(w2),
            ),
        )
        .await
        .unwrap();
        let err = s
            .add_slot(
                &a,
                session.id,
                &slot(
                    SlotKind::Closing,
                    "خارج الدورة",
                    t(6, 10),
                    t(6, 12),
                    "x",
                    None,
                ),
            )
            .await
            .unwrap_err();
        assert!(is_domain(
            &err,
            &DomainError::invalid("starts_at", "outside_session")
        ));

        let program = s
            .session_program(majlis_domain::Viewer::System, session.id)
            .await
            .unwrap();
        assert_eq!(program.slots.len(), 3);
        assert_eq!(program.workshops[0].themes, vec!["القرب", "التنسيق"]);
        assert!(
            program
                .conflicts
                .iter()
                .any(|c| matches!(c, Conflict::RoomTwice { .. }))
        );
        assert!(
            program
                .conflicts
                .iter()
                .any(|c| matches!(c, Conflict::PersonTwice { person, .. } if *person == amina.id))
        );
        assert!(program.conflicts.iter().any(
            |c| matches!(c, Conflict::FacilitatorNotMember { person, .. } if *person == karim.id)
        ));

        // Papers: the assignee saves and submits, the executive approves.
        let paper = s
            .add_paper(&a, w1, "ورقة عمل الورشة الأولى", d(2017, 1, 25), &[amina.id])
            .await
            .unwrap();
        let assignee = Actor {
            account_id: Uuid::now_v7(),
            person_id: Some(amina.id),
            is_admin: false,
            roles: vec![],
        };
        let stranger = Actor {
            person_id: Some(karim.id),
            ..assignee.clone()
        };
        // Versions: an upload checked by content and size, or text.
        let png = Upload {
            name: "paper.pdf".into(),
            bytes: vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0],
        };
        let err = s
            .add_paper_version(&assignee, paper, Some(&png), None, MAX_UPLOAD_BYTES)
            .await
            .unwrap_err();
        assert!(is_domain(&err, &DomainError::invalid("file", "file_type")));
        let pdf = Upload {
            name: "ورقة.pdf".into(),
            bytes: b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".to_vec(),
        };
        let err = s
            .add_paper_version(&assignee, paper, Some(&pdf), None, 10)
            .await
            .unwrap_err();
        assert!(is_domain(
            &err,
            &DomainError::invalid("file", "file_too_large")
        ));
        assert!(matches!(
            s.add_paper_version(&stranger, paper, None, Some("x"), MAX_UPLOAD_BYTES)
                .await,
            Err(StoreError::Domain(DomainError::Forbidden))
        ));
        assert_eq!(
            s.add_paper_version(&assignee, paper, Some(&pdf), None, MAX_UPLOAD_BYTES)
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            s.add_paper_version(
                &assignee,
                paper,
                None,
                Some("# نص\n\nفقرة"),
                MAX_UPLOAD_BYTES
            )
            .await
            .unwrap(),
            2
        );
        let detail = s.paper(&assignee, paper).await.unwrap();
        assert_eq!(detail.state, PaperState::Draft);
        assert_eq!(detail.versions.len(), 2);
        assert_eq!(detail.versions[1].file.as_ref().unwrap().name, "ورقة.pdf");
        assert_eq!(detail.versions[0].text.as_deref(), Some("# نص\n\nفقرة"));
        let file = s.paper_file(&assignee, paper, 1).await.unwrap();
        assert_eq!(file.content, pdf.bytes);
        assert_eq!(file.info.media_type, "application/pdf");
        assert!(matches!(
            s.paper(&stranger, paper).await,
            Err(StoreError::Domain(DomainError::Forbidden))
        ));
        assert!(matches!(
            s.paper_action(&stranger, paper, PaperAction::Submit, None)
                .await,
            Err(StoreError::Domain(DomainError::Forbidden))
        ));
        assert_eq!(
            s.paper_action(&assignee, paper, PaperAction::Submit, None)
                .await
                .unwrap(),
            PaperState::Submitted
        );
        assert!(matches!(
            s.paper_action(&assignee, paper, PaperAction::Approve, None)
                .await,
            Err(StoreError::Domain(DomainError::Forbidden))
        ));
        assert_eq!(
            s.paper_action(&a, paper, PaperAction::Approve, None)
                .await
                .unwrap(),
            PaperState::Approved
        );
        let err = s
            .paper_action(&assignee, paper, PaperAction::Submit, None)
            .await
            .unwrap_err();
        assert!(is_domain(
            &err,
            &DomainError::invalid("state", "paper_approved")
        ));
    }
}
