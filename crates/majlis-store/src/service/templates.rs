//! Report templates as their designers see them: every version of one
//! template, and the campaigns that pinned each version (a version in use
//! is never rewritten; a change makes the next one).

use crate::Store;
use crate::entity::{campaign, report_template};
use crate::error::StoreResult;
use crate::service::campaigns::{Template, to_template};
use crate::service::ensure_viewer;
use majlis_domain::campaign::CampaignState;
use majlis_domain::{DomainError, Viewer};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// A campaign that pinned a template version.
#[derive(Debug, Clone)]
pub struct TemplateUse {
    pub campaign_id: Uuid,
    pub title: String,
    pub state: CampaignState,
}

impl Store {
    /// Every version of a template key, the newest first, with the
    /// campaigns that use each (at most 50 a version).
    pub async fn template_versions(
        &self,
        viewer: impl Into<Viewer<'_>>,
        key: &str,
    ) -> StoreResult<Vec<(Template, Vec<TemplateUse>)>> {
        ensure_viewer(viewer.into(), |_| true)?;
        let rows = report_template::Entity::find()
            .filter(report_template::Column::Key.eq(key))
            .order_by_desc(report_template::Column::Version)
            .all(&self.db)
            .await?;
        if rows.is_empty() {
            return Err(DomainError::NotFound.into());
        }
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let mut uses: HashMap<Uuid, Vec<TemplateUse>> = HashMap::new();
        for c in campaign::Entity::find()
            .filter(campaign::Column::TemplateId.is_in(ids))
            .order_by_desc(campaign::Column::DueOn)
            .all(&self.db)
            .await?
        {
            let (Some(t), Some(state)) = (c.template_id, CampaignState::parse(&c.state)) else {
                continue;
            };
            let list = uses.entry(t).or_default();
            if list.len() < 50 {
                list.push(TemplateUse {
                    campaign_id: c.id,
                    title: c.title,
                    state,
                });
            }
        }
        rows.into_iter()
            .map(|r| {
                let used = uses.remove(&r.id).unwrap_or_default();
                Ok((to_template(r)?, used))
            })
            .collect()
    }
}
