//! The audit log: every change is recorded in the same transaction as the change
//! itself, with actor, time, entity, and the record before and after.

use crate::entity::audit_event;
use crate::error::StoreResult;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use uuid::Uuid;

/// One event as read back.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEvent {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Uuid,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Appends an event inside the caller's transaction.
pub(crate) async fn record<C: ConnectionTrait>(
    tx: &C,
    actor_id: Option<Uuid>,
    action: &str,
    entity_type: &str,
    entity_id: Uuid,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> StoreResult<()> {
    audit_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        at: Set(crate::now()),
        actor_id: Set(actor_id),
        action: Set(action.to_string()),
        entity_type: Set(entity_type.to_string()),
        entity_id: Set(entity_id),
        before: Set(before.map(|v| v.to_string())),
        after: Set(after.map(|v| v.to_string())),
    }
    .insert(tx)
    .await?;
    Ok(())
}

impl crate::Store {
    /// The history of one entity, oldest first (at most `limit` events), for
    /// those who may read the audit log.
    pub async fn audit_for(
        &self,
        viewer: impl Into<majlis_domain::Viewer<'_>>,
        entity_type: &str,
        entity_id: Uuid,
        limit: u64,
    ) -> StoreResult<Vec<AuditEvent>> {
        use sea_orm::QuerySelect;
        crate::service::ensure_viewer(viewer.into(), majlis_domain::permissions::can_view_audit)?;
        let rows = audit_event::Entity::find()
            .filter(audit_event::Column::EntityType.eq(entity_type))
            .filter(audit_event::Column::EntityId.eq(entity_id))
            .order_by_asc(audit_event::Column::Id)
            .limit(limit)
            .all(&self.db)
            .await?;
        rows.into_iter()
            .map(|r| {
                let json = |s: Option<String>| -> StoreResult<Option<serde_json::Value>> {
                    s.map(|s| {
                        serde_json::from_str(&s).map_err(|e| {
                            crate::StoreError::Internal(format!("audit event {}: {e}", r.id))
                        })
                    })
                    .transpose()
                };
                Ok(AuditEvent {
                    id: r.id,
                    at: r.at,
                    actor_id: r.actor_id,
                    before: json(r.before.clone())?,
                    after: json(r.after.clone())?,
                    action: r.action,
                    entity_type: r.entity_type,
                    entity_id: r.entity_id,
                })
            })
            .collect()
    }
}
