//! Data for the meetings benchmarks (`majlis bench-data`): a council of 300
//! members with a session of 3 workshops (100 participants each) and 10
//! working papers; a member of 5 bodies that hold 1,000 meetings in a year;
//! a held meeting whose approved minutes fill about ten pages.

use chrono::{Duration, NaiveDate};
use majlis_domain::meeting::{AgendaInput, MeetingInput, StatusChange};
use majlis_domain::minutes::{ItemMinutes, MinutesInput};
use majlis_domain::session::{SessionInput, SlotDraft, SlotKind, WorkshopRole};
use majlis_domain::{BodyInput, MembershipInput, PersonInput};
use majlis_store::{NewAccount, Store};
use serde_json::json;

fn person(i: usize) -> PersonInput {
    PersonInput {
        full_name_ar: format!("عضو المجلس رقم {i}"),
        full_name_latin: Some(format!("Membre {i}")),
        gender: if i.is_multiple_of(2) {
            "female"
        } else {
            "male"
        }
        .into(),
        member_number: Some(format!("BENCH-{i:05}")),
        email: Some(format!("member{i}@bench.example")),
        phone: None,
        joined_on: None,
    }
}

/// Loads the data and returns the ids the benchmark script needs.
pub async fn load(store: &Store, password: &str) -> anyhow::Result<serde_json::Value> {
    let admin_account = store
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
    let admin = store.actor_for(&admin_account).await?;
    let today = chrono::Utc::now().date_naive();
    let body = |name: &str, kind: &str| BodyInput {
        name_ar: name.into(),
        name_fr: None,
        name_en: None,
        kind: kind.into(),
        parent_id: None,
        city: Some("الرباط".into()),
    };
    let member_of = |p: uuid::Uuid, b: uuid::Uuid, role: &str| MembershipInput {
        person_id: p.to_string(),
        body_id: b.to_string(),
        role: role.into(),
        starts_on: Some("2015-01-01".into()),
        ends_on: None,
    };

    // The council, its 300 members, the session.
    let council = store
        .create_body(&admin, &body("المجلس الوطني للقياس", "council"))
        .await?;
    let mut members = Vec::new();
    for i in 0..300 {
        let p = store.create_person(&admin, &person(i)).await?;
        store
            .add_membership(&admin, &member_of(p.id, council.id, "member"), today)
            .await?;
        members.push(p.id);
    }
    let session = store
        .create_council_session(
            &admin,
            council.id,
            &SessionInput {
                number: Some("8".into()),
                first_day: "2027-02-06".into(),
                last_day: "2027-02-07".into(),
                venue: Some("المقر الوطني".into()),
                city: Some("الرباط".into()),
            },
        )
        .await?;
    let at = |d: u32, h: u32, m: u32| {
        NaiveDate::from_ymd_opt(2027, 2, d)
            .and_then(|x| x.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    };
    let slot = |kind, title: &str, s, e, room: &str, w| SlotDraft {
        kind,
        title: title.into(),
        start: s,
        end: e,
        room: Some(room.into()),
        workshop_id: w,
    };
    store
        .add_slot(
            &admin,
            session.id,
            &slot(
                SlotKind::Opening,
                "الجلسة الافتتاحية",
                at(6, 10, 0),
                at(6, 12, 0),
                "القاعة الكبرى",
                None,
            ),
        )
        .await?;
    let mut paper_count = 0;
    for w in 0..3 {
        let id = store
            .add_workshop(
                &admin,
                session.id,
                &format!("الورشة {}", w + 1),
                "المحور الأول\nالمحور الثاني\nالمحور الثالث",
                "سؤال أول؟\nسؤال ثان؟",
                Some(120),
            )
            .await?;
        store
            .add_slot(
                &admin,
                session.id,
                &slot(
                    SlotKind::Workshop,
                    "ورشة",
                    at(6, 14, 0),
                    at(6, 18, 0),
                    &format!("القاعة {}", w + 1),
                    Some(id),
                ),
            )
            .await?;
        for (k, p) in members[w * 100..(w + 1) * 100].iter().enumerate() {
            let role = match k {
                0 => WorkshopRole::Facilitator,
                1 => WorkshopRole::Rapporteur,
                _ => WorkshopRole::Participant,
            };
            store.set_workshop_person(&admin, id, *p, role).await?;
        }
        let papers = if w == 0 { 4 } else { 3 };
        for k in 0..papers {
            store
                .add_paper(
                    &admin,
                    id,
                    &format!("ورقة العمل {}", paper_count + 1),
                    NaiveDate::from_ymd_opt(2027, 1, 20 + k).unwrap_or(today),
                    &[
                        members[w * 100 + k as usize],
                        members[w * 100 + 50 + k as usize],
                    ],
                )
                .await?;
            paper_count += 1;
        }
    }
    store
        .add_slot(
            &admin,
            session.id,
            &slot(
                SlotKind::Closing,
                "الجلسة الختامية",
                at(7, 10, 0),
                at(7, 12, 0),
                "القاعة الكبرى",
                None,
            ),
        )
        .await?;

    // A member of five bodies that meet 1,000 times in 2027.
    let me = store.create_person(&admin, &person(9999)).await?;
    store
        .create_account(
            None,
            NewAccount {
                username: "bench-member".into(),
                email: None,
                password: password.into(),
                person_id: Some(me.id),
                is_admin: false,
            },
        )
        .await?;
    let mut bodies = Vec::new();
    for b in 0..5 {
        let x = store
            .create_body(
                &admin,
                &body(&format!("الكتابة الإقليمية للقياس {}", b + 1), "provincial"),
            )
            .await?;
        store
            .add_membership(&admin, &member_of(me.id, x.id, "member"), today)
            .await?;
        for p in &members[b * 20..b * 20 + 20] {
            store
                .add_membership(&admin, &member_of(*p, x.id, "member"), today)
                .await?;
        }
        bodies.push(x.id);
    }
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or(today);
    for i in 0..1000 {
        let day = first + Duration::days((i * 365 / 1000) as i64);
        let hour = 9 + (i % 10) as u32;
        let start = day.and_hms_opt(hour, 0, 0).unwrap_or_default();
        let input = MeetingInput {
            kind: "periodic".into(),
            title: format!("اجتماع رقم {}", i + 1),
            starts_at: start.format("%Y-%m-%dT%H:%M").to_string(),
            ends_at: (start + Duration::hours(2))
                .format("%Y-%m-%dT%H:%M")
                .to_string(),
            venue: Some("المقر".into()),
            city: Some("الرباط".into()),
            theme: None,
            quorum: None,
        };
        store.create_meeting(&admin, bodies[i % 5], &input).await?;
    }

    // A held meeting with about ten pages of approved minutes.
    let long = store
        .create_meeting(
            &admin,
            bodies[0],
            &MeetingInput {
                kind: "extraordinary".into(),
                title: "اجتماع استثنائي طويل".into(),
                starts_at: "2026-11-02T09:00".into(),
                ends_at: "2026-11-02T18:00".into(),
                venue: Some("المقر".into()),
                city: Some("الرباط".into()),
                theme: None,
                quorum: None,
            },
        )
        .await?;
    let sentence = "تداول المجلس في هذه النقطة بتفصيل، واستمع إلى مداخلات الأعضاء التي ركزت على ضرورة تجديد أساليب العمل والقرب من المواطنات والمواطنين، وخلص إلى جملة من التوصيات العملية. ";
    let mut items = Vec::new();
    for k in 0..12 {
        let item = store
            .add_agenda_item(
                &admin,
                long.id,
                &AgendaInput {
                    title: format!("النقطة {} من جدول الأعمال", k + 1),
                    presenter_id: None,
                    planned_minutes: Some("30".into()),
                    description: None,
                },
            )
            .await?;
        items.push(ItemMinutes {
            agenda_item_id: item.id,
            text: Some(
                (0..4)
                    .map(|_| sentence.repeat(5))
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ),
        });
    }
    store
        .change_meeting_status(&admin, long.id, StatusChange::Hold)
        .await?;
    let saved = store
        .save_minutes(
            &admin,
            long.id,
            &MinutesInput {
                version: 0,
                overall: Some(sentence.repeat(10)),
                items,
            },
        )
        .await?;
    store
        .approve_minutes(&admin, long.id, saved.version)
        .await?;
    Ok(json!({
        "session": session.id,
        "minutes_meeting": long.id,
        "month": "2027-03",
        "member": "bench-member",
        "admin": "bench-admin",
    }))
}
