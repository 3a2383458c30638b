//! What a write may point at. A presenter, a person or body in charge of a
//! decision, the people of a participation: each must be someone (or a body)
//! the writer may read — a member of a body they run or below it, a body of
//! theirs — never any id that happens to exist. The answer for an id out of
//! reach is the same as for an unknown one (`invalid_choice`), so that a
//! write cannot probe who exists either.

use crate::entity::{membership, person};
use crate::error::StoreResult;
use crate::service::bodies::lineage;
use chrono::NaiveDate;
use majlis_domain::{Actor, DomainError, Lineage, permissions};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

/// The lineages of a person's bodies: current ones on `today`, or every body
/// they ever belonged to with `ever`.
pub(crate) async fn person_bodies<C: ConnectionTrait>(
    c: &C,
    person_id: Uuid,
    today: NaiveDate,
    ever: bool,
) -> StoreResult<Vec<Lineage>> {
    let mut q = membership::Entity::find()
        .select_only()
        .column(membership::Column::BodyId)
        .filter(membership::Column::PersonId.eq(person_id));
    if !ever {
        q = q.filter(membership::Column::StartsOn.lte(today)).filter(
            Condition::any()
                .add(membership::Column::EndsOn.is_null())
                .add(membership::Column::EndsOn.gte(today)),
        );
    }
    let bodies: Vec<Uuid> = q.distinct().into_tuple().all(c).await?;
    let mut out = Vec::with_capacity(bodies.len());
    for b in bodies {
        out.push(lineage(c, b).await?);
    }
    Ok(out)
}

/// Checks that `person_id` names a person the actor may reference.
pub(crate) async fn referable_person<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    person_id: Uuid,
    field: &'static str,
) -> StoreResult<()> {
    let refused = || DomainError::invalid(field, "invalid_choice");
    person::Entity::find_by_id(person_id)
        .one(c)
        .await?
        .ok_or_else(refused)?;
    let bodies = person_bodies(c, person_id, crate::now().date_naive(), false).await?;
    if permissions::can_reference_person(actor, person_id, &bodies) {
        Ok(())
    } else {
        Err(refused().into())
    }
}

/// Checks that `body_id` names a body the actor may reference.
pub(crate) async fn referable_body<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    body_id: Uuid,
    field: &'static str,
) -> StoreResult<()> {
    let refused = || DomainError::invalid(field, "invalid_choice");
    crate::entity::body::Entity::find_by_id(body_id)
        .one(c)
        .await?
        .ok_or_else(refused)?;
    if permissions::can_reference_body(actor, &lineage(c, body_id).await?) {
        Ok(())
    } else {
        Err(refused().into())
    }
}
