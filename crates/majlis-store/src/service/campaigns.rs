//! Report templates (versioned) and campaigns: written as drafts by the
//! issuing body, launched over their target bodies (frozen then, additions
//! allowed), closed. Every change audited.

use crate::Store;
use crate::audit;
use crate::entity::{campaign, campaign_target, report_template};
use crate::error::{StoreError, StoreResult};
use crate::service::{actor_id, ensure, ensure_viewer};
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::campaign::{
    CampaignAction, CampaignInput, CampaignState, Candidate, TargetRule, campaign_transition,
};
use majlis_domain::meeting::MeetingKind;
use majlis_domain::report_template::TemplateDef;
use majlis_domain::{Actor, DomainError, Lineage, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use uuid::Uuid;

/// What a template's save starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateBase {
    /// A new key or the next version of a known one (the API).
    Any,
    /// A new key only.
    New,
    /// The next version after this one, which must still be the latest.
    Version(i32),
}

/// One version of a template.
#[derive(Debug, Clone, Serialize)]
pub struct Template {
    pub id: Uuid,
    pub key: String,
    pub version: i32,
    pub definition: TemplateDef,
    pub created_at: DateTime<Utc>,
}

pub(crate) fn to_template(m: report_template::Model) -> StoreResult<Template> {
    let definition = serde_json::from_str(&m.definition)
        .map_err(|e| StoreError::Internal(format!("template {}: {e}", m.id)))?;
    Ok(Template {
        id: m.id,
        key: m.key,
        version: m.version,
        definition,
        created_at: m.created_at,
    })
}

/// A campaign as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Campaign {
    pub id: Uuid,
    pub issuing_body_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    pub template_id: Option<Uuid>,
    pub meeting_kind: Option<MeetingKind>,
    pub due_on: NaiveDate,
    pub grace_days: i64,
    pub state: CampaignState,
    pub rule: TargetRule,
    pub launched_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
}

pub(crate) fn to_campaign(m: campaign::Model) -> StoreResult<Campaign> {
    let internal = |what: &str| StoreError::Internal(format!("campaign {}: {what}", m.id));
    Ok(Campaign {
        state: CampaignState::parse(&m.state).ok_or_else(|| internal("state"))?,
        rule: serde_json::from_str(&m.rule).map_err(|_| internal("rule"))?,
        meeting_kind: match &m.meeting_kind {
            Some(k) => Some(MeetingKind::parse(k).ok_or_else(|| internal("meeting kind"))?),
            None => None,
        },
        id: m.id,
        issuing_body_id: m.issuing_body_id,
        decision_id: m.decision_id,
        title: m.title,
        description: m.description,
        template_id: m.template_id,
        due_on: m.due_on,
        grace_days: i64::from(m.grace_days),
        launched_at: m.launched_at,
        closed_at: m.closed_at,
    })
}

impl Store {
    /// Writes a template: a new key starts at version 1, an existing key
    /// gets its next version (versions in use are never rewritten).
    pub async fn save_template(
        &self,
        actor: &Actor,
        key: &str,
        def: TemplateDef,
    ) -> StoreResult<Template> {
        self.save_template_on(actor, key, def, TemplateBase::Any)
            .await
    }

    /// Writes a template from a designer's page: a new key must be free
    /// (`Invalid key key_taken`), an edit must start from the latest version
    /// (`Stale` when someone saved another meanwhile).
    pub async fn save_template_on(
        &self,
        actor: &Actor,
        key: &str,
        def: TemplateDef,
        base: TemplateBase,
    ) -> StoreResult<Template> {
        ensure(permissions::can_manage_templates(actor))?;
        let key = key.trim();
        if key.is_empty()
            || key.len() > 60
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            return Err(DomainError::invalid("key", "invalid_key").into());
        }
        let def = def.validate()?;
        let tx = self.write().await?;
        let last: Option<i32> = report_template::Entity::find()
            .select_only()
            .column_as(report_template::Column::Version.max(), "v")
            .filter(report_template::Column::Key.eq(key))
            .into_tuple::<Option<i32>>()
            .one(&tx)
            .await?
            .flatten();
        match base {
            TemplateBase::New if last.is_some() => {
                return Err(DomainError::invalid("key", "key_taken").into());
            }
            TemplateBase::Version(v) if last != Some(v) => {
                return Err(DomainError::Stale.into());
            }
            _ => {}
        }
        let row = report_template::ActiveModel {
            id: Set(Uuid::now_v7()),
            key: Set(key.to_string()),
            version: Set(last.unwrap_or(0) + 1),
            name: Set(def.name.clone()),
            definition: Set(serde_json::to_string(&def)?),
            created_by: Set(Some(actor.account_id)),
            created_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "report_template",
            row.id,
            None,
            Some(serde_json::json!({"key": row.key, "version": row.version})),
        )
        .await?;
        tx.commit().await?;
        to_template(row)
    }

    /// The latest version of each template, by key.
    pub async fn templates(&self, viewer: impl Into<Viewer<'_>>) -> StoreResult<Vec<Template>> {
        ensure_viewer(viewer.into(), |_| true)?;
        let rows = report_template::Entity::find()
            .order_by_asc(report_template::Column::Key)
            .order_by_desc(report_template::Column::Version)
            .all(&self.db)
            .await?;
        let mut out: Vec<Template> = Vec::new();
        for r in rows {
            if out.last().is_none_or(|t| t.key != r.key) {
                out.push(to_template(r)?);
            }
        }
        Ok(out)
    }

    /// One template version by id (a campaign's pinned version).
    pub async fn template(&self, viewer: impl Into<Viewer<'_>>, id: Uuid) -> StoreResult<Template> {
        ensure_viewer(viewer.into(), |_| true)?;
        let row = report_template::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        to_template(row)
    }

    /// The bodies that issued these campaigns, by id: a campaign the viewer
    /// could read (it asks something of one of their bodies) names its
    /// issuer even when the viewer may not open the issuer's page.
    pub async fn issuers<'a>(
        &self,
        campaigns: impl IntoIterator<Item = &'a Campaign>,
    ) -> StoreResult<std::collections::HashMap<Uuid, majlis_domain::Body>> {
        let ids: Vec<Uuid> = campaigns.into_iter().map(|c| c.issuing_body_id).collect();
        Ok(self.names(Vec::new(), ids).await?.bodies)
    }

    /// A draft campaign in the name of `issuing_body`; its template (by key)
    /// is pinned at its latest version.
    pub async fn create_campaign(
        &self,
        actor: &Actor,
        issuing_body: Uuid,
        input: &CampaignInput,
    ) -> StoreResult<Campaign> {
        let v = input.validate()?;
        let lineage = self.lineage(issuing_body).await?;
        ensure(permissions::can_issue_campaign(actor, &lineage))?;
        let tree = self.body_tree().await?;
        for b in v.targets.bodies.iter().chain(v.targets.within.iter()) {
            if tree.get(*b).is_none() {
                return Err(DomainError::invalid("targets", "unknown_body").into());
            }
        }
        let tx = self.write().await?;
        let template_id = match &v.template {
            Some(key) => Some(
                report_template::Entity::find()
                    .filter(report_template::Column::Key.eq(key.as_str()))
                    .order_by_desc(report_template::Column::Version)
                    .one(&tx)
                    .await?
                    .ok_or(DomainError::invalid("template", "unknown_template"))?
                    .id,
            ),
            None => None,
        };
        if let Some(d) = v.decision_id {
            let found = crate::entity::decision::Entity::find_by_id(d)
                .one(&tx)
                .await?;
            if found.is_none() {
                return Err(DomainError::invalid("decision_id", "unknown_decision").into());
            }
        }
        let now = crate::now();
        let row = campaign::ActiveModel {
            id: Set(Uuid::now_v7()),
            issuing_body_id: Set(issuing_body),
            decision_id: Set(v.decision_id),
            title: Set(v.title.clone()),
            description: Set(v.description.clone()),
            template_id: Set(template_id),
            meeting_kind: Set(v.meeting_kind.map(|k| k.as_str().to_string())),
            due_on: Set(v.due_on),
            grace_days: Set(v.grace_days as i32),
            state: Set(CampaignState::Draft.as_str().into()),
            rule: Set(serde_json::to_string(&v.targets)?),
            launched_at: Set(None),
            closed_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "campaign",
            row.id,
            None,
            Some(serde_json::to_value(&row)?),
        )
        .await?;
        tx.commit().await?;
        to_campaign(row)
    }

    /// Launches or closes a campaign. Launching resolves the target rule
    /// against the body tree and freezes the list.
    pub async fn campaign_action(
        &self,
        actor: &Actor,
        id: Uuid,
        action: CampaignAction,
    ) -> StoreResult<Campaign> {
        let tree = self.body_tree().await?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let row = campaign::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let c = to_campaign(row.clone())?;
        let lineage = tree
            .lineage(c.issuing_body_id)
            .ok_or(DomainError::NotFound)?;
        ensure(permissions::can_issue_campaign(actor, &lineage))?;
        let targets = if action == CampaignAction::Launch {
            let within = |b: Uuid| match c.rule.within {
                None => true,
                Some(w) => tree.lineage(b).is_some_and(|l| l.ancestors.contains(&w)),
            };
            let candidates: Vec<Candidate> = tree
                .all()
                .iter()
                .map(|b| Candidate {
                    id: b.id,
                    kind: b.kind,
                    within: within(b.id),
                    archived: b.archived,
                })
                .collect();
            c.rule.resolve(&candidates)
        } else {
            Vec::new()
        };
        // Closing does not count targets.
        let count = match action {
            CampaignAction::Launch => targets.len(),
            CampaignAction::Close => 1,
        };
        let next = campaign_transition(c.state, action, count)?;
        let now = crate::now();
        for chunk in targets.chunks(500) {
            campaign_target::Entity::insert_many(chunk.iter().map(|b| {
                campaign_target::ActiveModel {
                    campaign_id: Set(id),
                    body_id: Set(*b),
                    added_at: Set(now),
                }
            }))
            .exec_without_returning(&tx)
            .await?;
        }
        let mut a = row.into_active_model();
        a.state = Set(next.as_str().into());
        a.updated_at = Set(now);
        match action {
            CampaignAction::Launch => a.launched_at = Set(Some(now)),
            CampaignAction::Close => a.closed_at = Set(Some(now)),
        }
        let saved = a.update(&tx).await?;
        if action == CampaignAction::Launch {
            let launched = to_campaign(saved.clone())?;
            crate::service::campaign_reminders::schedule(&tx, &launched, tz).await?;
        }
        audit::record(
            &tx,
            actor_id(actor),
            next.as_str(),
            "campaign",
            id,
            Some(serde_json::json!({"state": c.state})),
            Some(serde_json::json!({"state": next, "targets": targets.len()})),
        )
        .await?;
        tx.commit().await?;
        to_campaign(saved)
    }

    /// A campaign, for those who may read it: the issuing body's members,
    /// and those of its target bodies.
    pub async fn campaign(&self, viewer: impl Into<Viewer<'_>>, id: Uuid) -> StoreResult<Campaign> {
        let viewer = viewer.into();
        let (c, _, issuing) = self.campaign_with_issuer(id).await?;
        if viewer.allows(|a| permissions::can_view_body(a, &issuing)) {
            return Ok(c);
        }
        let Some(actor) = viewer.actor() else {
            return Err(DomainError::Forbidden.into());
        };
        let mine: Vec<Uuid> = actor.roles.iter().map(|r| r.body_id).collect();
        let targeted = campaign_target::Entity::find()
            .filter(campaign_target::Column::CampaignId.eq(id))
            .filter(campaign_target::Column::BodyId.is_in(mine))
            .one(&self.db)
            .await?
            .is_some();
        ensure(targeted)?;
        Ok(c)
    }

    /// A campaign (unchecked), the body tree and the issuing body's lineage.
    pub(crate) async fn campaign_with_issuer(
        &self,
        id: Uuid,
    ) -> StoreResult<(
        Campaign,
        std::sync::Arc<crate::service::tree::BodyTree>,
        Lineage,
    )> {
        let c = to_campaign(
            campaign::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .ok_or(DomainError::NotFound)?,
        )?;
        let tree = self.body_tree().await?;
        let issuing = tree
            .lineage(c.issuing_body_id)
            .ok_or(DomainError::NotFound)?;
        Ok((c, tree, issuing))
    }

    /// The campaigns the viewer may read — issued by a body they may view, or
    /// targeting one of their bodies —, the latest deadline first.
    pub async fn campaigns_for(
        &self,
        viewer: impl Into<Viewer<'_>>,
        limit: u64,
    ) -> StoreResult<Vec<Campaign>> {
        let viewer = viewer.into();
        ensure_viewer(viewer, |_| true)?;
        let tree = self.body_tree().await?;
        let mine: Vec<Uuid> = viewer
            .actor()
            .map(|a| a.roles.iter().map(|r| r.body_id).collect())
            .unwrap_or_default();
        let targeted: std::collections::HashSet<Uuid> = if mine.is_empty() {
            Default::default()
        } else {
            campaign_target::Entity::find()
                .select_only()
                .column(campaign_target::Column::CampaignId)
                .filter(campaign_target::Column::BodyId.is_in(mine))
                .into_tuple::<Uuid>()
                .all(&self.db)
                .await?
                .into_iter()
                .collect()
        };
        let rows = campaign::Entity::find()
            .order_by_desc(campaign::Column::DueOn)
            .order_by_desc(campaign::Column::CreatedAt)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let issuer_visible = tree
                .lineage(r.issuing_body_id)
                .is_some_and(|l| viewer.allows(|a| permissions::can_view_body(a, &l)));
            if issuer_visible || targeted.contains(&r.id) {
                out.push(to_campaign(r)?);
                if out.len() as u64 >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    /// A campaign's target bodies, in the tree's order.
    pub async fn campaign_targets(&self, campaign_id: Uuid) -> StoreResult<Vec<Uuid>> {
        let mut ids: Vec<Uuid> = campaign_target::Entity::find()
            .select_only()
            .column(campaign_target::Column::BodyId)
            .filter(campaign_target::Column::CampaignId.eq(campaign_id))
            .into_tuple()
            .all(&self.db)
            .await?;
        let tree = self.body_tree().await?;
        let order = tree.positions();
        ids.sort_by_key(|id| order.get(id).copied().unwrap_or(usize::MAX));
        Ok(ids)
    }
}
