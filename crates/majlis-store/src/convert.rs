//! Rows to domain types. A stored code that does not parse (a kind, a
//! status) is an error, never a default: the web layer logs it as internal.

use crate::entity::{body, membership, person};
use crate::error::{StoreError, StoreResult};
use majlis_domain::{Body, BodyKind, Gender, Membership, Person, Role};

/// A stored code read back, or an error naming the column and the value.
pub(crate) fn stored<T>(parsed: Option<T>, what: &str, raw: &str) -> StoreResult<T> {
    parsed.ok_or_else(|| StoreError::Internal(format!("stored {what} {raw:?} is unknown")))
}

pub(crate) fn body(m: body::Model) -> StoreResult<Body> {
    Ok(Body {
        id: m.id,
        name_ar: m.name_ar,
        name_fr: m.name_fr,
        name_en: m.name_en,
        kind: stored(BodyKind::parse(&m.kind), "body kind", &m.kind)?,
        parent_id: m.parent_id,
        city: m.city,
        archived: m.archived,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

pub(crate) fn person(m: person::Model) -> StoreResult<Person> {
    Ok(Person {
        id: m.id,
        full_name_ar: m.full_name_ar,
        full_name_latin: m.full_name_latin,
        gender: stored(Gender::parse(&m.gender), "gender", &m.gender)?,
        member_number: m.member_number,
        email: m.email,
        phone: m.phone,
        joined_on: m.joined_on,
        archived: m.archived,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

pub(crate) fn membership(m: membership::Model) -> Membership {
    Membership {
        id: m.id,
        person_id: m.person_id,
        body_id: m.body_id,
        role: Role(m.role_key),
        starts_on: m.starts_on,
        ends_on: m.ends_on,
        created_at: m.created_at,
    }
}
