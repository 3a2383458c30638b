//! Changing and removing a session's days, slots and workshops, on SQLite
//! and PostgreSQL, alone and as a crowd of planners.

use chrono::NaiveDateTime;
use majlis_domain::meeting::MeetingInput;
use majlis_domain::session::{SessionInput, SlotDraft, SlotKind, WorkshopDraft, WorkshopRole};
use majlis_domain::{Actor, DomainError, MembershipInput};
use majlis_store::testing::{backends, fresh};
use majlis_store::{Store, StoreError};
use std::sync::Arc;
use uuid::Uuid;

mod common;
use common::*;

fn t(day: u32, h: u32) -> NaiveDateTime {
    d(2017, 2, day).and_hms_opt(h, 0, 0).unwrap()
}

fn session_input(first: &str, last: &str) -> SessionInput {
    SessionInput {
        number: Some("8".into()),
        first_day: first.into(),
        last_day: last.into(),
        venue: Some("المقر الوطني".into()),
        city: Some("الرباط".into()),
    }
}

fn slot(title: &str, start: NaiveDateTime, end: NaiveDateTime, w: Option<Uuid>) -> SlotDraft {
    SlotDraft {
        kind: SlotKind::Workshop,
        title: title.into(),
        start,
        end,
        room: Some("القاعة 1".into()),
        workshop_id: w,
    }
}

fn invalid_code(e: &StoreError) -> Option<&'static str> {
    match e {
        StoreError::Domain(DomainError::Invalid(f)) => f.first().map(|f| f.code),
        _ => None,
    }
}

async fn council_with_session(s: &Store, a: &Actor) -> (Uuid, Uuid) {
    let cc = new_body(s, a, "اللجنة المركزية", "council", None).await;
    let session = s
        .create_council_session(a, cc.id, &session_input("2017-02-04", "2017-02-05"))
        .await
        .unwrap();
    (cc.id, session.id)
}

#[tokio::test]
async fn planners_change_and_remove_sessions_slots_and_workshops() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let (cc, session) = council_with_session(s, &a).await;
        let w1 = s
            .add_workshop(&a, session, "التنظيم", "الهيكلة", "", Some(2))
            .await
            .unwrap();
        let w2 = s
            .add_workshop(&a, session, "التواصل", "الإعلام", "", None)
            .await
            .unwrap();
        let w3 = s
            .add_workshop(&a, session, "الانتخابات", "التقييم", "", None)
            .await
            .unwrap();
        let sl = s
            .add_slot(
                &a,
                session,
                &slot("الورشة الأولى", t(4, 10), t(4, 12), Some(w1)),
            )
            .await
            .unwrap();

        // The session: new days must still hold the slots; the number stays free.
        let e = s
            .update_council_session(&a, session, &session_input("2017-02-05", "2017-02-06"))
            .await
            .unwrap_err();
        assert_eq!(invalid_code(&e), Some("slots_outside_days"));
        let moved = s
            .update_council_session(
                &a,
                session,
                &SessionInput {
                    number: Some("9".into()),
                    venue: Some("قاعة المؤتمرات".into()),
                    ..session_input("2017-02-03", "2017-02-05")
                },
            )
            .await
            .unwrap();
        assert_eq!((moved.number, moved.first_day), (9, d(2017, 2, 3)));
        let other = s
            .create_council_session(&a, cc, &session_input("2017-06-03", "2017-06-04"))
            .await;
        assert!(other.is_err(), "8 is below 9 now");
        let tenth = s
            .create_council_session(
                &a,
                cc,
                &SessionInput {
                    number: None,
                    ..session_input("2017-06-03", "2017-06-04")
                },
            )
            .await
            .unwrap();
        assert_eq!(tenth.number, 10);
        let e = s
            .update_council_session(
                &a,
                tenth.id,
                &SessionInput {
                    number: Some("9".into()),
                    ..session_input("2017-06-03", "2017-06-04")
                },
            )
            .await
            .unwrap_err();
        assert_eq!(invalid_code(&e), Some("number_taken"));

        // A slot: changed within the days, refused outside them, removed.
        assert_eq!(
            s.update_slot(&a, sl, &slot("ورشة التنظيم", t(3, 15), t(3, 17), Some(w2)))
                .await
                .unwrap(),
            session
        );
        assert!(
            s.update_slot(&a, sl, &slot("خارج الأيام", t(7, 15), t(7, 17), None))
                .await
                .is_err()
        );
        let program = s.session_program(&a, session).await.unwrap();
        assert_eq!(program.slots[0].title, "ورشة التنظيم");
        assert_eq!(program.slots[0].workshop_id, Some(w2));

        // A workshop: capacity not below those signed up; removing one
        // renumbers those after it and frees its slots.
        let p1 = s
            .create_person(&a, &person_input("أمينة", "Amina", "CC-1", "female"))
            .await
            .unwrap();
        let p2 = s
            .create_person(&a, &person_input("كريم", "Karim", "CC-2", "male"))
            .await
            .unwrap();
        for p in [&p1, &p2] {
            s.set_workshop_person(&a, w1, p.id, WorkshopRole::Participant)
                .await
                .unwrap();
        }
        let draft = WorkshopDraft {
            title: "التنظيم والهيكلة".into(),
            themes: "الهيكلة\nالتكوين".into(),
            questions: "كيف؟".into(),
            capacity: Some(1),
        };
        let e = s.update_workshop(&a, w1, &draft).await.unwrap_err();
        assert_eq!(invalid_code(&e), Some("capacity_below_signed"));
        s.update_workshop(
            &a,
            w1,
            &WorkshopDraft {
                capacity: Some(30),
                ..draft
            },
        )
        .await
        .unwrap();
        s.delete_workshop(&a, w2).await.unwrap();
        let program = s.session_program(&a, session).await.unwrap();
        let shown: Vec<(i32, &str)> = program
            .workshops
            .iter()
            .map(|w| (w.ordinal, w.title.as_str()))
            .collect();
        assert_eq!(shown, vec![(1, "التنظيم والهيكلة"), (2, "الانتخابات")]);
        assert_eq!(program.workshops[0].themes, vec!["الهيكلة", "التكوين"]);
        assert_eq!(program.slots[0].workshop_id, None, "its slot stays, freed");

        // With a working paper, the workshop and the session are kept.
        s.add_paper(&a, w3, "ورقة الانتخابات", d(2017, 1, 25), &[p1.id])
            .await
            .unwrap();
        let e = s.delete_workshop(&a, w3).await.unwrap_err();
        assert_eq!(invalid_code(&e), Some("workshop_has_papers"));
        let e = s.delete_council_session(&a, session).await.unwrap_err();
        assert_eq!(invalid_code(&e), Some("session_has_papers"));

        // A session without papers goes with its program; its parallel
        // meetings stay, outside it.
        let bureau = new_body(s, &a, "المكتب السياسي", "executive", None).await;
        let m = s
            .create_meeting(
                &a,
                bureau.id,
                &MeetingInput {
                    kind: "thematic".into(),
                    title: "لقاء موضوعاتي".into(),
                    starts_at: "2017-06-03T17:00".into(),
                    ends_at: "2017-06-03T19:00".into(),
                    theme: Some("اليسار اليوم".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        s.link_meeting_to_session(&a, m.id, tenth.id).await.unwrap();
        let wt = s
            .add_workshop(&a, tenth.id, "ورشة", "موضوع", "", None)
            .await
            .unwrap();
        s.set_workshop_person(&a, wt, p2.id, WorkshopRole::Facilitator)
            .await
            .unwrap();
        s.add_slot(&a, tenth.id, &slot("ورشة", t(4, 10), t(4, 12), None))
            .await
            .expect_err("outside the tenth session's days");
        let parallel = s.session_program(&a, tenth.id).await.unwrap().parallel;
        assert_eq!(parallel.len(), 1);
        assert_eq!(s.delete_council_session(&a, tenth.id).await.unwrap(), cc);
        assert!(matches!(
            s.session_program(&a, tenth.id).await,
            Err(StoreError::Domain(DomainError::NotFound))
        ));
        let kept = s.body_meetings(&a, bureau.id, 10).await.unwrap();
        assert!(kept.iter().any(|k| k.id == m.id), "the meeting stays");
        assert_eq!(s.delete_slot(&a, sl).await.unwrap(), session);
        assert!(
            s.session_program(&a, session)
                .await
                .unwrap()
                .slots
                .is_empty()
        );

        // Every change is in the audit log.
        let history = s
            .audit_for(&a, "session", tenth.id, 10)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect::<Vec<_>>();
        assert_eq!(history, vec!["create", "delete"]);
        let history = s.audit_for(&a, "workshop", w1, 10).await.unwrap();
        assert!(history.iter().any(|e| e.action == "update"));
    }
}

#[tokio::test]
async fn only_planners_change_sessions() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let (cc, session) = council_with_session(s, &a).await;
        let w = s
            .add_workshop(&a, session, "التنظيم", "الهيكلة", "", None)
            .await
            .unwrap();
        let sl = s
            .add_slot(&a, session, &slot("ورشة", t(4, 10), t(4, 12), None))
            .await
            .unwrap();
        let p = s
            .create_person(&a, &person_input("عضو", "Member", "CC-9", "male"))
            .await
            .unwrap();
        s.add_membership(
            &a,
            &MembershipInput {
                person_id: p.id.to_string(),
                body_id: cc.to_string(),
                role: "member".into(),
                starts_on: Some("2014-06-01".into()),
                ends_on: None,
            },
            d(2017, 1, 1),
        )
        .await
        .unwrap();
        let member = Actor {
            account_id: Uuid::now_v7(),
            person_id: Some(p.id),
            is_admin: false,
            roles: vec![],
        };
        let forbidden =
            |r: Result<_, StoreError>| matches!(r, Err(StoreError::Domain(DomainError::Forbidden)));
        assert!(forbidden(
            s.update_council_session(&member, session, &session_input("2017-02-04", "2017-02-05"))
                .await
                .map(|_| ())
        ));
        assert!(forbidden(
            s.delete_council_session(&member, session).await.map(|_| ())
        ));
        assert!(forbidden(s.delete_slot(&member, sl).await.map(|_| ())));
        assert!(forbidden(s.delete_workshop(&member, w).await.map(|_| ())));
        assert!(forbidden(
            s.update_workshop(&member, w, &WorkshopDraft::default())
                .await
                .map(|_| ())
        ));
        assert_eq!(s.session_program(&a, session).await.unwrap().slots.len(), 1);
    }
}

/// Sixteen planners at once, each changing a slot and a workshop: no error,
/// no lost write, on both databases.
#[tokio::test]
async fn a_crowd_of_planners_loses_no_change() {
    for b in backends() {
        let db = fresh(b).await;
        let s = Arc::new(db.store.clone());
        let a = admin();
        let (_, session) = council_with_session(&s, &a).await;
        let mut slots = Vec::new();
        let mut workshops = Vec::new();
        for i in 0..16u32 {
            workshops.push(
                s.add_workshop(&a, session, &format!("ورشة {i}"), "موضوع", "", None)
                    .await
                    .unwrap(),
            );
            slots.push(
                s.add_slot(
                    &a,
                    session,
                    &slot(&format!("فقرة {i}"), t(4, 8), t(4, 9), None),
                )
                .await
                .unwrap(),
            );
        }
        let mut tasks = Vec::new();
        for i in 0..16usize {
            let (s, a) = (s.clone(), a.clone());
            let (sl, w) = (slots[i], workshops[i]);
            tasks.push(tokio::spawn(async move {
                let h = 8 + (i as u32 % 12);
                s.update_slot(
                    &a,
                    sl,
                    &slot(&format!("فقرة معدلة {i}"), t(5, h), t(5, h + 1), Some(w)),
                )
                .await?;
                s.update_workshop(
                    &a,
                    w,
                    &WorkshopDraft {
                        title: format!("ورشة معدلة {i}"),
                        themes: "موضوع".into(),
                        questions: String::new(),
                        capacity: Some(10 + i as i32),
                    },
                )
                .await
            }));
        }
        for t in tasks {
            t.await.unwrap().expect("no error in the crowd");
        }
        let program = s.session_program(&a, session).await.unwrap();
        assert_eq!(
            program
                .slots
                .iter()
                .filter(|s| s.title.starts_with("فقرة معدلة") && s.workshop_id.is_some())
                .count(),
            16
        );
        assert_eq!(
            program
                .workshops
                .iter()
                .filter(|w| w.title.starts_with("ورشة معدلة") && w.capacity.is_some())
                .count(),
            16
        );
    }
}
