//! The schema and its copies: migrations from an empty database and from the
//! first schema, backup and restore across every pair of backends.

use majlis_domain::MembershipInput;
use majlis_store::testing::{backends, empty_url, fresh};
use majlis_store::{NewAccount, PeopleQuery, Store};

mod common;
use common::*;

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
                "m0005_minutes_mail_files",
                "m0006_replies",
                "m0007_branding",
                "m0008_guest_gender",
                "m0009_campaigns",
                "m0010_syntheses",
                "m0011_plans",
                "m0012_evidence",
                "m0013_communiques",
                "m0014_client_salts"
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
async fn backup_restore_round_trip_on_every_backend_pair() {
    let bs = backends();
    for from in &bs {
        for to in &bs {
            let db = fresh(*from).await;
            let s = &db.store;
            let a = admin();
            let region = new_body(s, &a, "جهة الرباط سلا القنيطرة", "regional", None).await;
            let rabat = new_body(s, &a, "الرباط", "provincial", Some(region.id)).await;
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
