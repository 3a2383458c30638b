//! The store's behaviour on every backend of this run (SQLite always,
//! PostgreSQL when MAJLIS_TEST_PG_URL is set): the same tests, each on a fresh
//! database.

use chrono::NaiveDate;
use majlis_domain::{Actor, BodyInput, DomainError, MembershipInput, PersonInput};
use majlis_store::testing::{backends, empty_url, fresh};
use majlis_store::{NewAccount, PeopleQuery, Store, StoreError};
use uuid::Uuid;

fn admin() -> Actor {
    Actor {
        account_id: Uuid::now_v7(),
        person_id: None,
        is_admin: true,
        roles: vec![],
    }
}

fn body_input(name: &str, kind: &str, parent: Option<Uuid>) -> BodyInput {
    BodyInput {
        name_ar: name.into(),
        kind: kind.into(),
        parent_id: parent.map(|p| p.to_string()),
        ..Default::default()
    }
}

fn person_input(name: &str, latin: &str, number: &str, gender: &str) -> PersonInput {
    PersonInput {
        full_name_ar: name.into(),
        full_name_latin: Some(latin.into()),
        gender: gender.into(),
        member_number: Some(number.into()),
        ..Default::default()
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn is_domain(e: &StoreError, expected: &DomainError) -> bool {
    matches!(e, StoreError::Domain(d) if d == expected)
}

#[tokio::test]
async fn migrations_from_empty_database() {
    for b in backends() {
        let (url, _guard) = empty_url(b).await;
        let store = Store::connect(&url).await.unwrap();
        assert!(
            store
                .applied_migrations()
                .await
                .unwrap_or_default()
                .is_empty()
        );
        store.migrate().await.unwrap();
        assert_eq!(
            store.applied_migrations().await.unwrap(),
            vec![
                "m0001_initial",
                "m0002_person_terms",
                "m0003_meetings",
                "m0004_sessions",
                "m0005_minutes_mail_files"
            ]
        );
        // Migrating again is a no-op.
        store.migrate().await.unwrap();
        let roles: Vec<String> = store
            .roles()
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.key)
            .collect();
        assert_eq!(
            roles,
            ["chair", "deputy_chair", "secretary", "treasurer", "member"]
        );
        let s = store.settings().await.unwrap();
        assert_eq!(
            (s.date_locale.as_str(), s.time_zone.as_str()),
            ("ar-MA", "Africa/Casablanca")
        );
        assert!(store.is_empty().await.unwrap());
    }
}

#[tokio::test]
async fn migrations_forward_from_the_first_schema_index_existing_people() {
    for b in backends() {
        let (url, _guard) = empty_url(b).await;
        let store = Store::connect(&url).await.unwrap();
        store.migrate_steps(1).await.unwrap();
        assert_eq!(
            store.applied_migrations().await.unwrap(),
            vec!["m0001_initial"]
        );
        // A person written by the first schema (no search terms yet).
        store
            .insert_raw_person_for_tests("نزهة الصقلي", "Nezha Sqalli")
            .await
            .unwrap();
        store.migrate().await.unwrap();
        let q = PeopleQuery {
            q: "صقلي".into(),
            page: 1,
            per_page: 10,
            include_archived: false,
        };
        assert_eq!(
            store
                .directory(majlis_domain::Viewer::System, &q)
                .await
                .unwrap()
                .total,
            1
        );
    }
}

#[tokio::test]
async fn reads_answer_to_their_viewer() {
    use majlis_domain::Viewer;
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let region = s
            .create_body(&a, &body_input("جهة سوس ماسة", "regional", None))
            .await
            .unwrap();
        let agadir = s
            .create_body(
                &a,
                &body_input("الهيئة الإقليمية أكادير", "provincial", Some(region.id)),
            )
            .await
            .unwrap();
        let mut people = Vec::new();
        for (i, name) in ["سعاد الإدريسي", "محمد الأمين"].iter().enumerate() {
            let mut input = person_input(name, "X", &format!("PPS-{i}"), "female");
            input.email = Some(format!("p{i}@example.org"));
            let p = s.create_person(&a, &input).await.unwrap();
            s.add_membership(
                &a,
                &MembershipInput {
                    person_id: p.id.to_string(),
                    body_id: agadir.id.to_string(),
                    role: "member".into(),
                    starts_on: Some("2016-01-01".into()),
                    ends_on: None,
                },
                d(2016, 12, 19),
            )
            .await
            .unwrap();
            people.push(p);
        }
        let account = s
            .create_account(
                Some(&a),
                NewAccount {
                    username: "souad".into(),
                    email: None,
                    password: "a long pass phrase".into(),
                    person_id: Some(people[0].id),
                    is_admin: false,
                },
            )
            .await
            .unwrap();
        let member = s.actor_for(&account).await.unwrap();

        // An anonymous visitor reads nothing that needs an account.
        let e = s
            .visible_body(Viewer::Anonymous, agadir.id)
            .await
            .unwrap_err();
        assert!(is_domain(&e, &DomainError::Forbidden), "{b:?}");
        assert!(s.body_members(Viewer::Anonymous, agadir.id).await.is_err());
        assert_eq!(
            s.viewable_bodies(Viewer::Anonymous).await.unwrap(),
            Some(Default::default())
        );

        // A member reads their body, not the region above it, whose name the
        // outline gives as plain text.
        let outline = s.body_outline(&member, agadir.id).await.unwrap();
        assert_eq!(outline.ancestors.len(), 1);
        assert_eq!(outline.ancestors[0].item.id, region.id);
        assert!(!outline.ancestors[0].open, "{b:?}");
        assert!(s.visible_body(&member, region.id).await.is_err());
        let admin_outline = s.body_outline(&a, region.id).await.unwrap();
        assert!(admin_outline.children.iter().all(|c| c.open));

        // The member list: the member's own e-mail, not the others'.
        let rows = s.body_members(&member, agadir.id).await.unwrap();
        for r in &rows {
            assert_eq!(
                r.person.email.is_some(),
                r.person.id == people[0].id,
                "{b:?}"
            );
        }
        let rows = s.body_members(Viewer::System, agadir.id).await.unwrap();
        assert!(rows.iter().all(|r| r.person.email.is_some()));
        // Counts and the audit log are for the national level.
        assert!(s.counts(&member).await.is_err());
        assert!(s.counts(&a).await.is_ok());
        assert!(s.audit_for(&member, "body", agadir.id, 10).await.is_err());
    }
}

#[tokio::test]
async fn a_stored_value_that_does_not_parse_is_an_error_not_a_default() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let body = s
            .create_body(
                &admin(),
                &body_input("الهيئة الإقليمية أكادير", "provincial", None),
            )
            .await
            .unwrap();
        s.execute_raw_for_tests("UPDATE bodies SET kind = 'galaxy'")
            .await
            .unwrap();
        let e = s
            .visible_body(majlis_domain::Viewer::System, body.id)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, StoreError::Internal(m) if m.contains("galaxy")),
            "{b:?}: {e:?}"
        );
        let e = s
            .visible_bodies(majlis_domain::Viewer::System, "", false)
            .await
            .unwrap_err();
        assert!(matches!(e, StoreError::Internal(_)), "{b:?}");
    }
}

#[tokio::test]
async fn body_tree_refuses_cycles_and_audits() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let region = s
            .create_body(&a, &body_input("جهة سوس ماسة", "regional", None))
            .await
            .unwrap();
        let agadir = s
            .create_body(
                &a,
                &body_input("الهيئة الإقليمية أكادير", "provincial", Some(region.id)),
            )
            .await
            .unwrap();
        let local = s
            .create_body(
                &a,
                &body_input("فرع الحي المحمدي", "local", Some(agadir.id)),
            )
            .await
            .unwrap();
        assert_eq!(
            s.visible_body(majlis_domain::Viewer::System, local.id)
                .await
                .unwrap()
                .1
                .ancestors,
            vec![agadir.id, region.id]
        );

        // Moving the region under its grandchild is refused, and nothing changes.
        let err = s
            .update_body(
                &a,
                region.id,
                &body_input("جهة سوس ماسة", "regional", Some(local.id)),
            )
            .await
            .unwrap_err();
        assert!(
            is_domain(&err, &DomainError::invalid("parent_id", "parent_cycle")),
            "{err:?}"
        );
        assert_eq!(
            s.visible_body(majlis_domain::Viewer::System, region.id)
                .await
                .unwrap()
                .0
                .parent_id,
            None
        );

        // Archiving a body with active sub-bodies is refused.
        assert!(s.archive_body(&a, agadir.id).await.is_err());
        s.archive_body(&a, local.id).await.unwrap();
        s.archive_body(&a, agadir.id).await.unwrap();
        assert!(
            s.visible_body(majlis_domain::Viewer::System, agadir.id)
                .await
                .unwrap()
                .0
                .archived
        );
        assert_eq!(
            s.visible_bodies(majlis_domain::Viewer::System, "", false)
                .await
                .unwrap()
                .len(),
            1
        );

        let history = s
            .audit_for(majlis_domain::Viewer::System, "body", agadir.id, 100)
            .await
            .unwrap();
        let actions: Vec<_> = history.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(actions, ["create", "archive"]);
        assert_eq!(history[1].before.as_ref().unwrap()["archived"], false);
        assert_eq!(history[1].after.as_ref().unwrap()["archived"], true);

        // Search is normalized: hamza and ta marbuta do not matter.
        let found = s
            .visible_bodies(majlis_domain::Viewer::System, "اكادير", false)
            .await
            .unwrap();
        assert!(found.is_empty(), "archived bodies are not found");
        let found = s
            .visible_bodies(majlis_domain::Viewer::System, "سوس", false)
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
    }
}

#[tokio::test]
async fn people_search_pagination_and_unique_numbers() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let fatima = s
            .create_person(
                &a,
                &person_input(
                    "فاطمة الزهراء بناني",
                    "Fatima Zahra Bennani",
                    "PPS-1",
                    "female",
                ),
            )
            .await
            .unwrap();
        for i in 0..30 {
            s.create_person(
                &a,
                &person_input(
                    &format!("عضو رقم {i}"),
                    &format!("Member {i}"),
                    &format!("PPS-{}", i + 100),
                    "male",
                ),
            )
            .await
            .unwrap();
        }
        let err = s
            .create_person(&a, &person_input("آخر", "Other", "PPS-1", "male"))
            .await
            .unwrap_err();
        assert!(
            is_domain(
                &err,
                &DomainError::Conflict {
                    field: "member_number"
                }
            ),
            "{err:?}"
        );

        let page = s
            .directory(
                majlis_domain::Viewer::System,
                &PeopleQuery {
                    q: "فاطمه بنانى".into(),
                    page: 1,
                    per_page: 50,
                    include_archived: false,
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.items[0].id, fatima.id);
        let page = s
            .directory(
                majlis_domain::Viewer::System,
                &PeopleQuery {
                    q: "BENNANI".into(),
                    page: 1,
                    per_page: 50,
                    include_archived: false,
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 1);
        // Prefixes, the article, member numbers; renaming re-indexes.
        let q = |q: &str| PeopleQuery {
            q: q.into(),
            page: 1,
            per_page: 50,
            include_archived: false,
        };
        for text in ["فاط بنا", "الزهراء", "زهراء", "pps-100", "Benn"] {
            assert_eq!(
                s.directory(majlis_domain::Viewer::System, &q(text))
                    .await
                    .unwrap()
                    .total,
                1,
                "{text}"
            );
        }
        let renamed = person_input(
            "فاطمة الزهراء التازي",
            "Fatima Zahra Tazi",
            "PPS-1",
            "female",
        );
        s.update_person(&a, fatima.id, &renamed).await.unwrap();
        assert_eq!(
            s.directory(majlis_domain::Viewer::System, &q("بناني"))
                .await
                .unwrap()
                .total,
            0
        );
        assert_eq!(
            s.directory(majlis_domain::Viewer::System, &q("التازي"))
                .await
                .unwrap()
                .total,
            1
        );
        assert_eq!(s.reindex().await.unwrap(), 31);
        assert_eq!(
            s.directory(majlis_domain::Viewer::System, &q("tazi"))
                .await
                .unwrap()
                .total,
            1
        );

        let p2 = s
            .directory(
                majlis_domain::Viewer::System,
                &PeopleQuery {
                    q: String::new(),
                    page: 2,
                    per_page: 20,
                    include_archived: false,
                },
            )
            .await
            .unwrap();
        assert_eq!((p2.total, p2.items.len(), p2.pages()), (31, 11, 2));

        s.archive_person(&a, fatima.id).await.unwrap();
        let page = s
            .directory(
                majlis_domain::Viewer::System,
                &PeopleQuery {
                    q: "bennani".into(),
                    page: 1,
                    per_page: 50,
                    include_archived: false,
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 0);
    }
}

#[tokio::test]
async fn memberships_and_actor_roles() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let bureau = s
            .create_body(&a, &body_input("المكتب السياسي", "executive", None))
            .await
            .unwrap();
        let agadir = s
            .create_body(&a, &body_input("أكادير", "provincial", None))
            .await
            .unwrap();
        let p = s
            .create_person(
                &a,
                &person_input("كريم العلوي", "Karim Alaoui", "PPS-7", "male"),
            )
            .await
            .unwrap();
        let input = MembershipInput {
            person_id: p.id.to_string(),
            body_id: agadir.id.to_string(),
            role: "secretary".into(),
            starts_on: Some("2016-01-01".into()),
            ends_on: None,
        };
        let today = chrono::Utc::now().date_naive();
        let m = s.add_membership(&a, &input, today).await.unwrap();
        let err = s.add_membership(&a, &input, today).await.unwrap_err();
        assert!(is_domain(&err, &DomainError::Conflict { field: "role" }));

        let acc = s
            .create_account(
                None,
                NewAccount {
                    username: "agadir".into(),
                    password: "majlis-demo".into(),
                    person_id: Some(p.id),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let actor = s.actor_for(&acc).await.unwrap();
        assert_eq!(actor.roles.len(), 1);
        assert!(!actor.is_executive());
        // The secretary may not touch the bureau's memberships.
        let bad = MembershipInput {
            body_id: bureau.id.to_string(),
            role: "member".into(),
            ..input.clone()
        };
        assert!(matches!(
            s.add_membership(&actor, &bad, today).await,
            Err(StoreError::Domain(DomainError::Forbidden))
        ));
        let visible = s.viewable_bodies(&actor).await.unwrap().unwrap();
        assert!(visible.contains(&agadir.id) && !visible.contains(&bureau.id));

        // Ending before the start is refused; ending later works and is kept.
        assert!(s.end_membership(&a, m.id, d(2015, 1, 1)).await.is_err());
        s.end_membership(&a, m.id, d(2016, 12, 19)).await.unwrap();
        let members = s
            .body_members(majlis_domain::Viewer::System, agadir.id)
            .await
            .unwrap();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].membership.ends_on, Some(d(2016, 12, 19)));
        assert!(s.actor_for(&acc).await.unwrap().roles.is_empty());
        assert_eq!(
            s.person_memberships(majlis_domain::Viewer::System, p.id)
                .await
                .unwrap()[0]
                .body
                .id,
            agadir.id
        );
    }
}

#[tokio::test]
async fn backup_restore_round_trip_on_every_backend_pair() {
    let bs = backends();
    for from in &bs {
        for to in &bs {
            let db = fresh(*from).await;
            let s = &db.store;
            let a = admin();
            let region = s
                .create_body(&a, &body_input("جهة الرباط سلا القنيطرة", "regional", None))
                .await
                .unwrap();
            let rabat = s
                .create_body(&a, &body_input("الرباط", "provincial", Some(region.id)))
                .await
                .unwrap();
            let p = s
                .create_person(&a, &person_input("سعاد", "Souad", "PPS-9", "female"))
                .await
                .unwrap();
            let m = MembershipInput {
                person_id: p.id.to_string(),
                body_id: rabat.id.to_string(),
                role: "chair".into(),
                starts_on: Some("2016-12-19".into()),
                ends_on: None,
            };
            s.add_membership(&a, &m, d(2016, 12, 19)).await.unwrap();
            s.create_account(
                None,
                NewAccount {
                    username: "admin".into(),
                    password: "majlis-demo".into(),
                    is_admin: true,
                    ..Default::default()
                },
            )
            .await
            .unwrap();

            let mut buf = Vec::new();
            let counts = s.backup(&mut buf).await.unwrap();
            assert_eq!(
                (
                    counts.get("bodies"),
                    counts.get("people"),
                    counts.get("memberships")
                ),
                (2, 1, 1)
            );

            let (url, _guard) = empty_url(*to).await;
            let target = Store::connect(&url).await.unwrap();
            let restored = target.restore(&mut buf.as_slice(), false).await.unwrap();
            assert_eq!(restored, counts);
            assert_eq!(
                target
                    .visible_body(majlis_domain::Viewer::System, rabat.id)
                    .await
                    .unwrap()
                    .0,
                s.visible_body(majlis_domain::Viewer::System, rabat.id)
                    .await
                    .unwrap()
                    .0
            );
            assert_eq!(
                target
                    .visible_person(majlis_domain::Viewer::System, p.id)
                    .await
                    .unwrap()
                    .0,
                s.visible_person(majlis_domain::Viewer::System, p.id)
                    .await
                    .unwrap()
                    .0
            );
            assert_eq!(
                target
                    .body_members(majlis_domain::Viewer::System, rabat.id)
                    .await
                    .unwrap()
                    .len(),
                1
            );
            assert!(
                target
                    .authenticate("admin", "majlis-demo")
                    .await
                    .unwrap()
                    .is_ok()
            );
            // The search index is rebuilt.
            let q = PeopleQuery {
                q: "سعاد".into(),
                page: 1,
                per_page: 5,
                include_archived: false,
            };
            assert_eq!(
                target
                    .directory(majlis_domain::Viewer::System, &q)
                    .await
                    .unwrap()
                    .total,
                1
            );
            // A non-empty database is not overwritten unless forced.
            assert!(target.restore(&mut buf.as_slice(), false).await.is_err());
            target.restore(&mut buf.as_slice(), true).await.unwrap();
            assert_eq!(
                target
                    .visible_bodies(majlis_domain::Viewer::System, "", true)
                    .await
                    .unwrap()
                    .len(),
                2
            );
            assert_eq!(
                target
                    .directory(majlis_domain::Viewer::System, &q)
                    .await
                    .unwrap()
                    .total,
                1
            );
        }
    }
}

#[tokio::test]
async fn search_with_very_many_matches_pages_along_the_name_index() {
    use majlis_store::bulk::PersonRow;
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let people: Vec<PersonRow> = (0..10_050)
            .map(|i| PersonRow {
                id: Uuid::now_v7(),
                full_name_ar: format!("محمد {i:05}"),
                full_name_latin: format!("Mohammed {i:05}"),
                female: false,
                member_number: format!("X-{i:05}"),
                email: format!("m{i}@example.ma"),
            })
            .collect();
        s.bulk_load(vec![], people, vec![], |_| {}).await.unwrap();
        let q = PeopleQuery {
            q: "محمد".into(),
            page: 3,
            per_page: 50,
            include_archived: false,
        };
        let page = s
            .directory(majlis_domain::Viewer::System, &q)
            .await
            .unwrap();
        assert_eq!(page.total, 10_050);
        assert_eq!(page.items[0].full_name_ar, "محمد 00100");
        assert_eq!(page.items[49].full_name_ar, "محمد 00149");
        // Few matches: the term-driven path gives the same order.
        let q = PeopleQuery {
            q: "محمد 0014".into(),
            page: 1,
            per_page: 5,
            include_archived: false,
        };
        let page = s
            .directory(majlis_domain::Viewer::System, &q)
            .await
            .unwrap();
        assert_eq!(page.total, 10);
        assert_eq!(page.items[0].full_name_ar, "محمد 00140");
    }
}

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
        let bureau = s
            .create_body(&a, &body_input("المكتب السياسي", "executive", None))
            .await
            .unwrap();
        let agadir = s
            .create_body(&a, &body_input("أكادير", "provincial", None))
            .await
            .unwrap();
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
        let cc = s
            .create_body(&a, &body_input("اللجنة المركزية", "council", None))
            .await
            .unwrap();
        let other = s
            .create_body(&a, &body_input("أكادير", "provincial", None))
            .await
            .unwrap();
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
