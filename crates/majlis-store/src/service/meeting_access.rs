//! Who may change a meeting, and whether its record is still open: the
//! checks every write to a meeting starts with.

use crate::entity::meeting;
use crate::error::StoreResult;
use crate::service::bodies::lineage;
use crate::service::ensure;
use chrono::NaiveDateTime;
use chrono_tz::Tz;
use majlis_domain::{Actor, DomainError, permissions};
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};
use uuid::Uuid;

/// Loads a meeting row for a write and checks that the actor runs the body's
/// meetings. On PostgreSQL the row is locked until the transaction ends, so
/// that writes to one meeting (appending agenda items, renumbering) take
/// turns; SQLite's writers already do.
pub(crate) async fn managed<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<meeting::Model> {
    let mut q = meeting::Entity::find_by_id(id);
    if c.get_database_backend() == sea_orm::DbBackend::Postgres {
        q = q.lock_exclusive();
    }
    let m = q.one(c).await?.ok_or(DomainError::NotFound)?;
    let l = lineage(c, m.body_id).await?;
    ensure(permissions::can_manage_meetings(actor, &l))?;
    Ok(m)
}

/// Loads a meeting whose record the actor may still change: they run the
/// body's meetings and its minutes are not approved (see
/// `majlis_domain::meeting::check_record_open`).
pub(crate) async fn record_editable<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    id: Uuid,
) -> StoreResult<meeting::Model> {
    let m = managed(c, actor, id).await?;
    let status = crate::entity::minutes::Entity::find_by_id(id)
        .one(c)
        .await?
        .map(|row| {
            majlis_domain::minutes::MinutesStatus::parse(&row.status).ok_or_else(|| {
                crate::StoreError::Internal(format!(
                    "minutes of {id}: unknown status {}",
                    row.status
                ))
            })
        })
        .transpose()?;
    majlis_domain::meeting::check_record_open(status)?;
    Ok(m)
}

/// Now, on the clock of the organization's time zone.
pub(crate) fn local_now(tz: Tz) -> NaiveDateTime {
    crate::now().with_timezone(&tz).naive_local()
}
