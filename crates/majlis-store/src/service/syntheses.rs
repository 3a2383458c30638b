//! The synthesis report's versions: each save of the issuing body's
//! analysis is a new version that freezes the figures of that moment; the
//! latest version is approved (and then locked: a change makes the next
//! version), and attached to the agenda item of the meeting that studies it.

use crate::Store;
use crate::audit;
use crate::entity::{agenda_item, meeting, synthesis_version};
use crate::error::StoreResult;
use crate::service::{actor_id, ensure, ensure_viewer};
use chrono::{DateTime, Utc};
use majlis_domain::{Actor, DomainError, Viewer, permissions};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use serde::Serialize;
use uuid::Uuid;

/// Longest analysis.
pub const MAX_ANALYSIS: usize = 50_000;

#[derive(Debug, Clone, Serialize)]
pub struct SynthesisVersion {
    pub id: Uuid,
    pub number: i32,
    pub analysis: String,
    /// The synthesis as it was when this version was saved.
    pub figures: serde_json::Value,
    pub author: Option<String>,
    pub created_at: DateTime<Utc>,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub agenda_item_id: Option<Uuid>,
}

impl Store {
    /// A campaign's synthesis versions, the latest first, for the issuing
    /// body and those above it.
    pub async fn synthesis_versions(
        &self,
        viewer: impl Into<Viewer<'_>>,
        campaign_id: Uuid,
    ) -> StoreResult<Vec<SynthesisVersion>> {
        let (_, _, issuing) = self.campaign_with_issuer(campaign_id).await?;
        ensure_viewer(viewer.into(), |a| permissions::can_view_body(a, &issuing))?;
        let rows = synthesis_version::Entity::find()
            .filter(synthesis_version::Column::CampaignId.eq(campaign_id))
            .order_by_desc(synthesis_version::Column::Number)
            .all(&self.db)
            .await?;
        let ids: Vec<Uuid> = rows
            .iter()
            .flat_map(|r| r.author_id.into_iter().chain(r.approved_by))
            .collect();
        let names = crate::service::minutes::account_names(&self.db, &ids).await?;
        Ok(rows
            .into_iter()
            .map(|r| SynthesisVersion {
                id: r.id,
                number: r.number,
                analysis: r.analysis,
                figures: serde_json::from_str(&r.figures).unwrap_or_default(),
                author: r.author_id.and_then(|a| names.get(&a).cloned()),
                created_at: r.created_at,
                approved_by: r.approved_by.and_then(|a| names.get(&a).cloned()),
                approved_at: r.approved_at,
                agenda_item_id: r.agenda_item_id,
            })
            .collect())
    }

    /// Saves the issuing body's analysis as the next version, with the
    /// figures of now. `expected` is the latest version the writer saw: a
    /// version saved since is not overwritten (`Stale`).
    pub async fn save_synthesis(
        &self,
        actor: &Actor,
        campaign_id: Uuid,
        analysis: &str,
        expected: Option<i32>,
    ) -> StoreResult<SynthesisVersion> {
        let (_, _, issuing) = self.campaign_with_issuer(campaign_id).await?;
        ensure(permissions::can_issue_campaign(actor, &issuing))?;
        let analysis = majlis_domain::validation::clean(analysis);
        if analysis.chars().count() > MAX_ANALYSIS {
            return Err(DomainError::invalid("analysis", "too_long").into());
        }
        let (_, figures) = self.campaign_synthesis(Viewer::System, campaign_id).await?;
        let tx = self.write().await?;
        let latest = synthesis_version::Entity::find()
            .filter(synthesis_version::Column::CampaignId.eq(campaign_id))
            .order_by_desc(synthesis_version::Column::Number)
            .one(&tx)
            .await?
            .map_or(0, |v| v.number);
        if expected.is_some_and(|e| e != latest) {
            return Err(DomainError::Stale.into());
        }
        let row = synthesis_version::ActiveModel {
            id: Set(Uuid::now_v7()),
            campaign_id: Set(campaign_id),
            number: Set(latest + 1),
            analysis: Set(analysis),
            figures: Set(serde_json::to_string(&figures)?),
            author_id: Set(actor_id(actor)),
            created_at: Set(crate::now()),
            approved_by: Set(None),
            approved_at: Set(None),
            agenda_item_id: Set(None),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "save",
            "synthesis",
            row.id,
            None,
            Some(serde_json::json!({"campaign": campaign_id, "number": row.number})),
        )
        .await?;
        tx.commit().await?;
        self.version_of(campaign_id, row.number).await
    }

    async fn version_of(&self, campaign_id: Uuid, number: i32) -> StoreResult<SynthesisVersion> {
        self.synthesis_versions(Viewer::System, campaign_id)
            .await?
            .into_iter()
            .find(|v| v.number == number)
            .ok_or_else(|| DomainError::NotFound.into())
    }

    /// Approves the latest version, optionally attached to an agenda item of
    /// one of the issuing body's meetings.
    pub async fn approve_synthesis(
        &self,
        actor: &Actor,
        campaign_id: Uuid,
        number: i32,
        agenda_item_id: Option<Uuid>,
    ) -> StoreResult<SynthesisVersion> {
        let (c, _, issuing) = self.campaign_with_issuer(campaign_id).await?;
        ensure(permissions::can_issue_campaign(actor, &issuing))?;
        let tx = self.write().await?;
        let latest = synthesis_version::Entity::find()
            .filter(synthesis_version::Column::CampaignId.eq(campaign_id))
            .order_by_desc(synthesis_version::Column::Number)
            .one(&tx)
            .await?
            .ok_or(DomainError::invalid("number", "nothing_to_approve"))?;
        if latest.number != number {
            return Err(DomainError::Stale.into());
        }
        if latest.approved_at.is_some() {
            return Err(DomainError::invalid("number", "already_approved").into());
        }
        if let Some(item) = agenda_item_id {
            let body = match agenda_item::Entity::find_by_id(item).one(&tx).await? {
                Some(i) => meeting::Entity::find_by_id(i.meeting_id)
                    .one(&tx)
                    .await?
                    .map(|m| m.body_id),
                None => None,
            };
            if body != Some(c.issuing_body_id) {
                return Err(DomainError::invalid("agenda_item_id", "not_this_body").into());
            }
        }
        let id = latest.id;
        // Only if still unapproved: two approvals at once make one (on
        // PostgreSQL the second waits for the first, then matches nothing).
        let done = synthesis_version::Entity::update_many()
            .col_expr(
                synthesis_version::Column::ApprovedBy,
                sea_orm::sea_query::Expr::value(actor_id(actor)),
            )
            .col_expr(
                synthesis_version::Column::ApprovedAt,
                sea_orm::sea_query::Expr::value(Some(crate::now())),
            )
            .col_expr(
                synthesis_version::Column::AgendaItemId,
                sea_orm::sea_query::Expr::value(agenda_item_id),
            )
            .filter(synthesis_version::Column::Id.eq(id))
            .filter(synthesis_version::Column::ApprovedAt.is_null())
            .exec(&tx)
            .await?
            .rows_affected;
        if done == 0 {
            return Err(DomainError::invalid("number", "already_approved").into());
        }
        audit::record(
            &tx,
            actor_id(actor),
            "approve",
            "synthesis",
            id,
            None,
            Some(serde_json::json!({"number": number, "agenda_item": agenda_item_id})),
        )
        .await?;
        tx.commit().await?;
        self.version_of(campaign_id, number).await
    }
}
