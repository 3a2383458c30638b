//! Corrections of a meeting's agenda while the meeting is still planned:
//! editing an item, removing one (the items after it move up).

use crate::entity::{agenda_attachment, agenda_item};
use crate::error::StoreResult;
use crate::service::actor_id;
use crate::service::meetings::{AgendaItem, record_editable, renumber, to_item};
use crate::{Store, audit};
use majlis_domain::meeting::{AgendaInput, MeetingStatus};
use majlis_domain::{Actor, DomainError};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

/// The item, once the actor is known to run its meeting and the meeting is
/// still planned (or postponed).
async fn editable<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    item_id: Uuid,
) -> StoreResult<agenda_item::Model> {
    let item = agenda_item::Entity::find_by_id(item_id)
        .one(c)
        .await?
        .ok_or(DomainError::NotFound)?;
    let m = record_editable(c, actor, item.meeting_id).await?;
    let status =
        crate::convert::stored(MeetingStatus::parse(&m.status), "MeetingStatus", &m.status)?;
    if !matches!(status, MeetingStatus::Planned | MeetingStatus::Postponed) {
        return Err(DomainError::invalid("status", "meeting_not_planned").into());
    }
    Ok(item)
}

impl Store {
    /// Changes an item's title, presenter, planned duration or description.
    pub async fn update_agenda_item(
        &self,
        actor: &Actor,
        item_id: Uuid,
        input: &AgendaInput,
    ) -> StoreResult<AgendaItem> {
        let v = input.validate()?;
        let tx = self.write().await?;
        let item = editable(&tx, actor, item_id).await?;
        if let Some(p) = v.presenter_id {
            crate::service::references::referable_person(&tx, actor, p, "presenter_id").await?;
        }
        let before = to_item(item.clone());
        let mut a = item.into_active_model();
        a.title = Set(v.title);
        a.presenter_id = Set(v.presenter_id);
        a.planned_minutes = Set(v.planned_minutes);
        a.description = Set(v.description);
        let after = to_item(a.update(&tx).await?);
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "agenda_item",
            item_id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Removes an item (and its attachment links) from a planned meeting's
    /// agenda; the items after it move up.
    pub async fn remove_agenda_item(&self, actor: &Actor, item_id: Uuid) -> StoreResult<Uuid> {
        let tx = self.write().await?;
        let item = editable(&tx, actor, item_id).await?;
        agenda_attachment::Entity::delete_many()
            .filter(agenda_attachment::Column::AgendaItemId.eq(item_id))
            .exec(&tx)
            .await?;
        agenda_item::Entity::delete_by_id(item_id).exec(&tx).await?;
        let rest = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(item.meeting_id))
            .order_by_asc(agenda_item::Column::Position)
            .all(&tx)
            .await?;
        renumber(&tx, &rest).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "delete",
            "agenda_item",
            item_id,
            Some(serde_json::to_value(to_item(item.clone()))?),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(item.meeting_id)
    }
}
