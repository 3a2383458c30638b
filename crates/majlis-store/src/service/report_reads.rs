//! Reading campaigns' reports: one report with its history, one target
//! body's report page, the compliance board over a campaign's targets and
//! the synthesis of its reports — each for the viewer it is asked for.

use crate::Store;
use crate::entity::{meeting, report, report_event};
use crate::error::StoreResult;
use crate::service::campaigns::{Campaign, Template};
use crate::service::reports::{BoardRow, Report, ReportEvent, parse_review, to_report};
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::campaign::{ReportFacts, ReportState, board_status};
use majlis_domain::meeting::MeetingStatus;
use majlis_domain::synthesis::{ReportRow, Synthesis, synthesize};
use majlis_domain::{DomainError, Lineage, Viewer, permissions};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// A target body's report with its campaign and template.
pub struct BodyReport {
    pub campaign: Campaign,
    pub template: Option<Template>,
    /// The issuing body's lineage (for the reviewer's permission).
    pub issuing: Lineage,
    /// The target body's lineage (for the writer's permission).
    pub target: Lineage,
    pub report: Option<(Report, Vec<ReportEvent>)>,
}

/// A report a body the actor runs still has to send.
#[derive(Debug, Clone)]
pub struct ReportDue {
    pub campaign: Campaign,
    pub body_id: Uuid,
    /// `None` before the first save.
    pub state: Option<ReportState>,
}

/// A campaign as one body sees it: issued by it, or asking it for a report.
#[derive(Debug, Clone)]
pub struct BodyCampaign {
    pub campaign: Campaign,
    /// The body issued it (else it is one of its targets).
    pub issued: bool,
    /// The body's own report (targets only).
    pub report: Option<ReportState>,
}

impl Store {
    /// The running and closed campaigns a body issued or is a target of,
    /// the latest deadline first (at most 20), for those who may see the body.
    pub async fn body_campaigns(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
    ) -> StoreResult<Vec<BodyCampaign>> {
        use crate::entity::{campaign, campaign_target};
        use sea_orm::{Condition, QuerySelect};
        self.visible_body(viewer, body_id).await?;
        let targeted: Vec<Uuid> = campaign_target::Entity::find()
            .filter(campaign_target::Column::BodyId.eq(body_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| t.campaign_id)
            .collect();
        let rows = campaign::Entity::find()
            .filter(
                Condition::any()
                    .add(campaign::Column::IssuingBodyId.eq(body_id))
                    .add(campaign::Column::Id.is_in(targeted)),
            )
            .filter(
                campaign::Column::State.ne(majlis_domain::campaign::CampaignState::Draft.as_str()),
            )
            .order_by_desc(campaign::Column::DueOn)
            .limit(20)
            .all(&self.db)
            .await?;
        let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
        let reports: HashMap<Uuid, ReportState> = report::Entity::find()
            .filter(report::Column::BodyId.eq(body_id))
            .filter(report::Column::CampaignId.is_in(ids))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|r| Some((r.campaign_id, ReportState::parse(&r.state)?)))
            .collect();
        rows.into_iter()
            .map(|m| {
                let c = crate::service::campaigns::to_campaign(m)?;
                Ok(BodyCampaign {
                    issued: c.issuing_body_id == body_id,
                    report: reports.get(&c.id).copied(),
                    campaign: c,
                })
            })
            .collect()
    }
    /// The reports still to send (none yet, draft or returned) by the
    /// bodies the actor chairs or is secretary of, for running campaigns,
    /// the nearest deadline first. Three queries.
    pub async fn reports_to_send(
        &self,
        actor: &majlis_domain::Actor,
    ) -> StoreResult<Vec<ReportDue>> {
        use crate::entity::{campaign, campaign_target};
        let managed: Vec<Uuid> = actor
            .roles
            .iter()
            .filter(|r| r.role.manages())
            .map(|r| r.body_id)
            .collect();
        if managed.is_empty() {
            return Ok(Vec::new());
        }
        let targets = campaign_target::Entity::find()
            .filter(campaign_target::Column::BodyId.is_in(managed.iter().copied()))
            .all(&self.db)
            .await?;
        if targets.is_empty() {
            return Ok(Vec::new());
        }
        let campaigns: HashMap<Uuid, Campaign> = campaign::Entity::find()
            .filter(campaign::Column::Id.is_in(targets.iter().map(|t| t.campaign_id)))
            .filter(
                campaign::Column::State
                    .eq(majlis_domain::campaign::CampaignState::Launched.as_str()),
            )
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| crate::service::campaigns::to_campaign(m).map(|c| (c.id, c)))
            .collect::<StoreResult<_>>()?;
        let reports: HashMap<(Uuid, Uuid), ReportState> = report::Entity::find()
            .filter(report::Column::CampaignId.is_in(campaigns.keys().copied()))
            .filter(report::Column::BodyId.is_in(managed.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|r| Some(((r.campaign_id, r.body_id), ReportState::parse(&r.state)?)))
            .collect();
        let mut out: Vec<ReportDue> = targets
            .into_iter()
            .filter_map(|t| {
                let campaign = campaigns.get(&t.campaign_id)?.clone();
                let state = reports.get(&(t.campaign_id, t.body_id)).copied();
                state
                    .is_none_or(ReportState::editable)
                    .then_some(ReportDue {
                        campaign,
                        body_id: t.body_id,
                        state,
                    })
            })
            .collect();
        out.sort_by_key(|d| (d.campaign.due_on, d.campaign.id, d.body_id));
        Ok(out)
    }
    /// A report's history, oldest first, with the names of those who acted.
    async fn report_events(&self, report_id: Uuid) -> StoreResult<Vec<ReportEvent>> {
        let rows = report_event::Entity::find()
            .filter(report_event::Column::ReportId.eq(report_id))
            .order_by_asc(report_event::Column::At)
            .order_by_asc(report_event::Column::Id)
            .all(&self.db)
            .await?;
        let ids: Vec<Uuid> = rows.iter().filter_map(|e| e.actor_id).collect();
        let names = crate::service::minutes::account_names(&self.db, &ids).await?;
        Ok(rows
            .into_iter()
            .map(|e| ReportEvent {
                at: e.at,
                actor: e.actor_id.and_then(|a| names.get(&a).cloned()),
                actor_id: e.actor_id,
                action: e.action,
                review: e.comment.as_deref().map(parse_review),
            })
            .collect())
    }

    /// A report and its history, for its body, those above it and the
    /// issuing body.
    pub async fn report(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<(Report, Vec<ReportEvent>)> {
        let viewer = viewer.into();
        let r = to_report(
            report::Entity::find_by_id(id)
                .one(&self.db)
                .await?
                .ok_or(DomainError::NotFound)?,
        )?;
        let (_, issuing, target, _) = self.report_context(r.campaign_id, r.body_id).await?;
        crate::service::ensure_viewer(viewer, |a| {
            permissions::can_read_report(a, &target, &issuing)
        })?;
        let events = self.report_events(id).await?;
        Ok((r, events))
    }

    /// One target body's report for a campaign (`None` before its first
    /// save), for those who may read it, with what a page needs to decide
    /// who may write or review it.
    pub async fn body_report(
        &self,
        viewer: impl Into<Viewer<'_>>,
        campaign_id: Uuid,
        body_id: Uuid,
    ) -> StoreResult<BodyReport> {
        let viewer = viewer.into();
        let (campaign, issuing, target, is_target) =
            self.report_context(campaign_id, body_id).await?;
        crate::service::ensure_viewer(viewer, |a| {
            permissions::can_read_report(a, &target, &issuing)
        })?;
        if !is_target {
            return Err(DomainError::NotFound.into());
        }
        let template = match campaign.template_id {
            Some(t) => Some(self.template(Viewer::System, t).await?),
            None => None,
        };
        let row = report::Entity::find()
            .filter(report::Column::CampaignId.eq(campaign_id))
            .filter(report::Column::BodyId.eq(body_id))
            .one(&self.db)
            .await?;
        let report = match row {
            Some(r) => {
                let events = self.report_events(r.id).await?;
                Some((to_report(r)?, events))
            }
            None => None,
        };
        Ok(BodyReport {
            campaign,
            template,
            issuing,
            target,
            report,
        })
    }

    /// The compliance board: one row per target body the viewer may see
    /// (all of them for the issuing body), in the tree's order.
    pub async fn campaign_board(
        &self,
        viewer: impl Into<Viewer<'_>>,
        campaign_id: Uuid,
    ) -> StoreResult<(Campaign, Vec<BoardRow>)> {
        let viewer = viewer.into();
        let c = self.campaign(viewer, campaign_id).await?;
        let tree = self.body_tree().await?;
        let issuing = tree
            .lineage(c.issuing_body_id)
            .ok_or(DomainError::NotFound)?;
        let all = viewer.allows(|a| permissions::can_view_body(a, &issuing));
        let targets: Vec<Uuid> = self
            .campaign_targets(campaign_id)
            .await?
            .into_iter()
            .filter(|b| {
                all || tree.lineage(*b).is_some_and(|l| {
                    viewer.allows(|a| permissions::can_read_report(a, &l, &issuing))
                })
            })
            .collect();
        let reports: HashMap<Uuid, Report> = report::Entity::find()
            .filter(report::Column::CampaignId.eq(campaign_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| to_report(r).map(|r| (r.body_id, r)))
            .collect::<StoreResult<_>>()?;
        let tz = self.zone().await?;
        let today = majlis_domain::campaign::counted_until(
            crate::now().with_timezone(&tz).date_naive(),
            c.closed_at.map(|t| t.with_timezone(&tz).date_naive()),
        );
        let held = match (c.meeting_kind, c.launched_at) {
            // Held at any time since the campaign was launched (a month
            // before counts too: a body may have met just ahead of it).
            (Some(kind), Some(from)) => {
                let bodies: Vec<Uuid> = meeting::Entity::find()
                    .filter(meeting::Column::BodyId.is_in(targets.iter().copied()))
                    .filter(meeting::Column::Kind.eq(kind.as_str()))
                    .filter(meeting::Column::Status.eq(MeetingStatus::Held.as_str()))
                    .filter(meeting::Column::EndsAt.gte(from - chrono::Duration::days(31)))
                    .all(&self.db)
                    .await?
                    .into_iter()
                    .map(|m| m.body_id)
                    .collect();
                Some(bodies)
            }
            _ => None,
        };
        let local_day = |at: DateTime<Utc>| -> NaiveDate { at.with_timezone(&tz).date_naive() };
        let rows = targets
            .into_iter()
            .filter_map(|b| {
                let body = tree.get(b)?;
                let region_id = tree.region_of(b);
                let r = reports.get(&b);
                let facts = r.map(|r| ReportFacts {
                    state: r.state,
                    first_submitted_on: r.first_submitted_at.map(local_day),
                });
                let (status, days_late) = board_status(facts, c.due_on, c.grace_days, today);
                Some(BoardRow {
                    body_id: b,
                    kind: body.kind,
                    region_id,
                    status,
                    report_id: r.map(|r| r.id),
                    submitted_at: r.and_then(|r| r.first_submitted_at),
                    days_late,
                    meeting_held: held.as_ref().map(|h| h.contains(&b)),
                })
            })
            .collect();
        Ok((c, rows))
    }

    /// A campaign's reports the viewer may read (all of them for the issuing
    /// body), in the tree's order, with the campaign's pinned template.
    pub async fn campaign_reports(
        &self,
        viewer: impl Into<Viewer<'_>>,
        campaign_id: Uuid,
    ) -> StoreResult<(Campaign, Option<Template>, Vec<Report>)> {
        let viewer = viewer.into();
        let (c, tree, issuing) = self.campaign_with_issuer(campaign_id).await?;
        self.campaign(viewer, campaign_id).await?;
        let mut reports: Vec<Report> = report::Entity::find()
            .filter(report::Column::CampaignId.eq(campaign_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_report)
            .collect::<StoreResult<Vec<_>>>()?
            .into_iter()
            .filter(|r| {
                tree.lineage(r.body_id).is_some_and(|l| {
                    viewer.allows(|a| permissions::can_read_report(a, &l, &issuing))
                })
            })
            .collect();
        let order = tree.positions();
        reports.sort_by_key(|r| order.get(&r.body_id).copied().unwrap_or(usize::MAX));
        let template = match c.template_id {
            Some(t) => Some(self.template(Viewer::System, t).await?),
            None => None,
        };
        Ok((c, template, reports))
    }

    /// The synthesis of a campaign's submitted and accepted reports, for
    /// the issuing body.
    pub async fn campaign_synthesis(
        &self,
        viewer: impl Into<Viewer<'_>>,
        campaign_id: Uuid,
    ) -> StoreResult<(Campaign, Synthesis)> {
        let viewer = viewer.into();
        let (c, tree, issuing) = self.campaign_with_issuer(campaign_id).await?;
        crate::service::ensure_viewer(viewer, |a| permissions::can_view_body(a, &issuing))?;
        let template_id = c
            .template_id
            .ok_or(DomainError::invalid("campaign", "no_report_required"))?;
        let template = self.template(Viewer::System, template_id).await?;
        let reports: Vec<Report> = report::Entity::find()
            .filter(report::Column::CampaignId.eq(campaign_id))
            .filter(report::Column::State.is_in([
                ReportState::Submitted.as_str(),
                ReportState::Accepted.as_str(),
            ]))
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_report)
            .collect::<StoreResult<_>>()?;
        let order: HashMap<Uuid, usize> = tree
            .all()
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id, i))
            .collect();
        let mut reports = reports;
        reports.sort_by_key(|r| order.get(&r.body_id).copied().unwrap_or(usize::MAX));
        let rows: Vec<ReportRow> = reports
            .iter()
            .filter_map(|r| {
                let body = tree.get(r.body_id)?;
                let region = tree.region_of(r.body_id);
                Some(ReportRow {
                    report_id: r.id,
                    body_id: r.body_id,
                    region,
                    kind: body.kind,
                    answers: &r.answers,
                })
            })
            .collect();
        let s = synthesize(&template.definition, &rows);
        Ok((c, s))
    }
}
