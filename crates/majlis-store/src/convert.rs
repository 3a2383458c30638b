//! Rows to domain types.

use crate::entity::{body, membership, person};
use majlis_domain::{Body, BodyKind, Gender, Membership, Person, Role};

pub(crate) fn body(m: body::Model) -> Body {
    Body {
        id: m.id,
        name_ar: m.name_ar,
        name_fr: m.name_fr,
        name_en: m.name_en,
        kind: BodyKind::parse(&m.kind).unwrap_or(BodyKind::Local),
        parent_id: m.parent_id,
        city: m.city,
        archived: m.archived,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
}

pub(crate) fn person(m: person::Model) -> Person {
    Person {
        id: m.id,
        full_name_ar: m.full_name_ar,
        full_name_latin: m.full_name_latin,
        gender: Gender::parse(&m.gender).unwrap_or(Gender::Male),
        member_number: m.member_number,
        email: m.email,
        phone: m.phone,
        joined_on: m.joined_on,
        archived: m.archived,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
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
