//! Memberships: assigning a role in a body for a period, and ending it.

use crate::entity::{body, membership, person, role};
use crate::error::StoreResult;
use crate::service::bodies::lineage;
use crate::service::{actor_id, ensure, ensure_viewer};
use crate::{Store, audit, convert};
use chrono::NaiveDate;
use majlis_domain::membership::check_end;
use majlis_domain::{
    Actor, Body, DomainError, Membership, MembershipInput, Person, Viewer, permissions,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// A membership with its person (body pages).
#[derive(Debug, Clone, Serialize)]
pub struct MemberRow {
    pub membership: Membership,
    pub person: Person,
}

/// A membership with its body (person pages).
#[derive(Debug, Clone, Serialize)]
pub struct BodyRow {
    pub membership: Membership,
    pub body: Body,
}

impl Store {
    /// Every membership of a body, current and past, with the people, if the
    /// viewer may see the body; their contact fields only for those who
    /// manage its memberships (and each for the person themself).
    pub async fn body_members(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
    ) -> StoreResult<Vec<MemberRow>> {
        let viewer = viewer.into();
        let contact = match viewer {
            Viewer::System => true,
            _ => {
                let (_, l) = self.visible_body(viewer, body_id).await?;
                viewer.allows(|a| permissions::can_manage_memberships(a, &l))
            }
        };
        let ms = membership::Entity::find()
            .filter(membership::Column::BodyId.eq(body_id))
            .order_by_asc(membership::Column::StartsOn)
            .all(&self.db)
            .await?;
        let ids: Vec<Uuid> = ms.iter().map(|m| m.person_id).collect();
        let people = self.people_by_ids(ids).await?;
        let mut out: Vec<MemberRow> = ms
            .into_iter()
            .filter_map(|m| {
                let person = people.get(&m.person_id)?.clone();
                let own = viewer.actor().and_then(|a| a.person_id) == Some(person.id);
                let person = if contact || own {
                    person
                } else {
                    person.without_contact()
                };
                Some(MemberRow {
                    membership: convert::membership(m),
                    person,
                })
            })
            .collect();
        out.sort_by(|a, b| a.person.full_name_ar.cmp(&b.person.full_name_ar));
        Ok(out)
    }

    /// People a viewer who manages a body's memberships may pick to add to it,
    /// by name or member number, without their contact fields (whether each
    /// may be added is checked when adding).
    pub async fn member_candidates(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
        query: &str,
        limit: u64,
    ) -> StoreResult<Vec<Person>> {
        let viewer = viewer.into();
        let (_, l) = self.visible_body(viewer, body_id).await?;
        ensure_viewer(viewer, |a| permissions::can_manage_memberships(a, &l))?;
        let page = self
            .people(
                &crate::PeopleQuery {
                    q: query.to_string(),
                    page: 1,
                    per_page: limit,
                    include_archived: false,
                },
                None,
            )
            .await?;
        Ok(page
            .items
            .into_iter()
            .map(Person::without_contact)
            .collect())
    }

    /// Every membership of a person, with the bodies, if the viewer may see
    /// the person.
    pub async fn person_memberships(
        &self,
        viewer: impl Into<Viewer<'_>>,
        person_id: Uuid,
    ) -> StoreResult<Vec<BodyRow>> {
        self.check_person(viewer.into(), person_id).await?;
        let ms = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person_id))
            .order_by_desc(membership::Column::StartsOn)
            .all(&self.db)
            .await?;
        let ids: Vec<Uuid> = ms.iter().map(|m| m.body_id).collect();
        let bodies: HashMap<Uuid, Body> = body::Entity::find()
            .filter(body::Column::Id.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|b| Ok((b.id, convert::body(b)?)))
            .collect::<StoreResult<_>>()?;
        Ok(ms
            .into_iter()
            .filter_map(|m| {
                let body = bodies.get(&m.body_id)?.clone();
                Some(BodyRow {
                    membership: convert::membership(m),
                    body,
                })
            })
            .collect())
    }

    pub async fn membership(&self, id: Uuid) -> StoreResult<Membership> {
        membership::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(convert::membership)
            .ok_or(DomainError::NotFound.into())
    }

    pub async fn add_membership(
        &self,
        actor: &Actor,
        input: &MembershipInput,
        today: NaiveDate,
    ) -> StoreResult<Membership> {
        let v = input.validate(today)?;
        let tx = self.write().await?;
        let b = body::Entity::find_by_id(v.body_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::invalid("body_id", "invalid_choice"))?;
        let l = lineage(&tx, v.body_id).await?;
        ensure(permissions::can_manage_memberships(actor, &l))?;
        if b.archived {
            return Err(DomainError::invalid("body_id", "archived").into());
        }
        match person::Entity::find_by_id(v.person_id).one(&tx).await? {
            Some(p) if !p.archived => {}
            Some(_) => return Err(DomainError::invalid("person_id", "archived").into()),
            None => return Err(DomainError::invalid("person_id", "invalid_choice").into()),
        }
        // Another body's people are not the writer's to take in (nor, through
        // the new membership, their private contacts).
        let now = crate::service::references::person_bodies(&tx, v.person_id, today, false).await?;
        let ever = crate::service::references::person_bodies(&tx, v.person_id, today, true).await?;
        ensure(permissions::can_add_to_body(actor, &l, &now, &ever))?;
        if role::Entity::find_by_id(v.role.as_str())
            .one(&tx)
            .await?
            .is_none()
        {
            return Err(DomainError::invalid("role", "invalid_choice").into());
        }
        // The same role in the same body over an overlapping period is refused.
        let overlapping = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(v.person_id))
            .filter(membership::Column::BodyId.eq(v.body_id))
            .filter(membership::Column::RoleKey.eq(v.role.as_str()))
            .filter(
                Condition::any()
                    .add(membership::Column::EndsOn.is_null())
                    .add(membership::Column::EndsOn.gte(v.starts_on)),
            )
            .all(&tx)
            .await?;
        if overlapping
            .iter()
            .any(|m| v.ends_on.is_none_or(|end| m.starts_on <= end))
        {
            return Err(DomainError::Conflict { field: "role" }.into());
        }
        let model = membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            person_id: Set(v.person_id),
            body_id: Set(v.body_id),
            role_key: Set(v.role.0.clone()),
            starts_on: Set(v.starts_on),
            ends_on: Set(v.ends_on),
            created_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        let m = convert::membership(model);
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "membership",
            m.id,
            None,
            Some(serde_json::to_value(&m)?),
        )
        .await?;
        tx.commit().await?;
        Ok(m)
    }

    /// Ends a membership on `on` (the record stays, as past membership).
    pub async fn end_membership(
        &self,
        actor: &Actor,
        id: Uuid,
        on: NaiveDate,
    ) -> StoreResult<Membership> {
        let tx = self.write().await?;
        let row = membership::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let l = lineage(&tx, row.body_id).await?;
        ensure(permissions::can_manage_memberships(actor, &l))?;
        check_end(row.starts_on, row.ends_on, on)?;
        let before = convert::membership(row.clone());
        let mut a = row.into_active_model();
        a.ends_on = Set(Some(on));
        let after = convert::membership(a.update(&tx).await?);
        audit::record(
            &tx,
            actor_id(actor),
            "end",
            "membership",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
