//! Helpers shared by the store's suites.
#![allow(dead_code)]

use chrono::NaiveDate;
use majlis_domain::{Actor, BodyInput, DomainError, PersonInput};
use majlis_store::{Store, StoreError};
use uuid::Uuid;

pub fn admin() -> Actor {
    Actor {
        account_id: Uuid::now_v7(),
        person_id: None,
        is_admin: true,
        roles: vec![],
    }
}

pub fn body_input(name: &str, kind: &str, parent: Option<Uuid>) -> BodyInput {
    BodyInput {
        name_ar: name.into(),
        kind: kind.into(),
        parent_id: parent.map(|p| p.to_string()),
        ..Default::default()
    }
}

/// Creates a body (the store's tests set up their trees with it).
pub async fn new_body(
    s: &Store,
    actor: &Actor,
    name: &str,
    kind: &str,
    parent: Option<Uuid>,
) -> majlis_domain::Body {
    s.create_body(actor, &body_input(name, kind, parent))
        .await
        .unwrap()
}

pub fn person_input(name: &str, latin: &str, number: &str, gender: &str) -> PersonInput {
    PersonInput {
        full_name_ar: name.into(),
        full_name_latin: Some(latin.into()),
        gender: gender.into(),
        member_number: Some(number.into()),
        ..Default::default()
    }
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn is_domain(e: &StoreError, expected: &DomainError) -> bool {
    matches!(e, StoreError::Domain(d) if d == expected)
}
