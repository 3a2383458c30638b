//! Reads answer to their viewer; a damaged stored value is an error.

use majlis_domain::{DomainError, MembershipInput};
use majlis_store::testing::{backends, fresh};
use majlis_store::{NewAccount, StoreError};

mod common;
use common::*;

#[tokio::test]
async fn reads_answer_to_their_viewer() {
    use majlis_domain::Viewer;
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
