//! The store's behaviour on every backend of this run (SQLite always,
//! PostgreSQL when MAJLIS_TEST_PG_URL is set): the same tests, each on a fresh
//! database.

use majlis_domain::{DomainError, MembershipInput};
use majlis_store::testing::{backends, fresh};
use majlis_store::{NewAccount, PeopleQuery, StoreError};
use uuid::Uuid;

mod common;
use common::*;

#[tokio::test]
async fn body_tree_refuses_cycles_and_audits() {
    for b in backends() {
        let db = fresh(b).await;
        let s = &db.store;
        let a = admin();
        let region = new_body(s, &a, "جهة سوس ماسة", "regional", None).await;
        let agadir = new_body(
            s,
            &a,
            "الهيئة الإقليمية أكادير",
            "provincial",
            Some(region.id),
        )
        .await;
        let local = new_body(s, &a, "فرع الحي المحمدي", "local", Some(agadir.id)).await;
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
        let bureau = new_body(s, &a, "المكتب السياسي", "executive", None).await;
        let agadir = new_body(s, &a, "أكادير", "provincial", None).await;
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
