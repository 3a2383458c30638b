//! A launched campaign's targets after launch: bodies added (each once), or
//! removed — refused for a body that has a report, so that nothing written
//! is lost.

use crate::Store;
use crate::audit;
use crate::entity::{campaign, campaign_target, report};
use crate::error::StoreResult;
use crate::service::campaigns::to_campaign;
use crate::service::{actor_id, ensure};
use majlis_domain::campaign::CampaignState;
use majlis_domain::{Actor, DomainError, permissions};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use uuid::Uuid;

impl Store {
    /// Adds bodies to a launched campaign's targets (each once).
    pub async fn add_campaign_targets(
        &self,
        actor: &Actor,
        id: Uuid,
        bodies: &[Uuid],
    ) -> StoreResult<usize> {
        let tree = self.body_tree().await?;
        if bodies
            .iter()
            .any(|b| tree.get(*b).is_none_or(|b| b.archived))
        {
            return Err(DomainError::invalid("targets", "unknown_body").into());
        }
        let tx = self.write().await?;
        let c = to_campaign(
            campaign::Entity::find_by_id(id)
                .one(&tx)
                .await?
                .ok_or(DomainError::NotFound)?,
        )?;
        let lineage = tree
            .lineage(c.issuing_body_id)
            .ok_or(DomainError::NotFound)?;
        ensure(permissions::can_issue_campaign(actor, &lineage))?;
        if c.state != CampaignState::Launched {
            return Err(DomainError::invalid("campaign", "campaign_not_running").into());
        }
        let existing: Vec<Uuid> = campaign_target::Entity::find()
            .select_only()
            .column(campaign_target::Column::BodyId)
            .filter(campaign_target::Column::CampaignId.eq(id))
            .filter(campaign_target::Column::BodyId.is_in(bodies.iter().copied()))
            .into_tuple()
            .all(&tx)
            .await?;
        let mut new: Vec<Uuid> = bodies
            .iter()
            .copied()
            .filter(|b| !existing.contains(b))
            .collect();
        new.sort();
        new.dedup();
        let now = crate::now();
        let mut added = 0;
        if !new.is_empty() {
            // Another process adding the same body at the same moment (on
            // PostgreSQL both may read it absent): the body is kept once.
            added = campaign_target::Entity::insert_many(new.iter().map(|b| {
                campaign_target::ActiveModel {
                    campaign_id: Set(id),
                    body_id: Set(*b),
                    added_at: Set(now),
                }
            }))
            .on_conflict(
                sea_orm::sea_query::OnConflict::columns([
                    campaign_target::Column::CampaignId,
                    campaign_target::Column::BodyId,
                ])
                .do_nothing()
                .to_owned(),
            )
            .exec_without_returning(&tx)
            .await?;
        }
        audit::record(
            &tx,
            actor_id(actor),
            "add_targets",
            "campaign",
            id,
            None,
            Some(serde_json::json!({"added": new})),
        )
        .await?;
        tx.commit().await?;
        Ok(added as usize)
    }

    /// Removes a body from a launched campaign's targets. A body that has a
    /// report (draft, submitted, returned or accepted) stays.
    pub async fn remove_campaign_target(
        &self,
        actor: &Actor,
        id: Uuid,
        body_id: Uuid,
    ) -> StoreResult<()> {
        let tree = self.body_tree().await?;
        let tx = self.write().await?;
        let c = to_campaign(
            campaign::Entity::find_by_id(id)
                .one(&tx)
                .await?
                .ok_or(DomainError::NotFound)?,
        )?;
        let lineage = tree
            .lineage(c.issuing_body_id)
            .ok_or(DomainError::NotFound)?;
        ensure(permissions::can_issue_campaign(actor, &lineage))?;
        if c.state != CampaignState::Launched {
            return Err(DomainError::invalid("campaign", "campaign_not_running").into());
        }
        let has_report = report::Entity::find()
            .filter(report::Column::CampaignId.eq(id))
            .filter(report::Column::BodyId.eq(body_id))
            .one(&tx)
            .await?
            .is_some();
        if has_report {
            return Err(DomainError::invalid("body_id", "target_has_report").into());
        }
        let gone = campaign_target::Entity::delete_by_id((id, body_id))
            .exec(&tx)
            .await?
            .rows_affected;
        if gone == 0 {
            return Err(DomainError::NotFound.into());
        }
        audit::record(
            &tx,
            actor_id(actor),
            "remove_target",
            "campaign",
            id,
            Some(serde_json::json!({"body": body_id})),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
