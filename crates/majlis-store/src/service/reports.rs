//! Target bodies' reports: drafted (saved as they go, optimistic locking),
//! submitted (locked, time-stamped), accepted or returned by the issuing
//! body with a comment; the compliance board over a campaign's targets and
//! the synthesis of its reports.

use crate::Store;
use crate::audit;
use crate::entity::{campaign_target, meeting, report, report_event};
use crate::error::{StoreError, StoreResult};
use crate::service::campaigns::Campaign;
use crate::service::{actor_id, ensure};
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::body::BodyKind;
use majlis_domain::campaign::{
    BoardStatus, ReportAction, ReportFacts, ReportState, board_status, report_transition,
};
use majlis_domain::meeting::MeetingStatus;
use majlis_domain::report_template::{Answers, check_answers};
use majlis_domain::synthesis::{ReportRow, Synthesis, synthesize};
use majlis_domain::{Actor, DomainError, Lineage, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// Longest comment of a returned report.
pub const MAX_REVIEW: usize = 5_000;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub body_id: Uuid,
    pub state: ReportState,
    pub answers: Answers,
    pub meeting_id: Option<Uuid>,
    /// Sent back with each save (optimistic locking).
    pub version: i32,
    pub first_submitted_at: Option<DateTime<Utc>>,
    pub submitted_at: Option<DateTime<Utc>>,
    /// The issuing body's comment when it returned the report.
    pub review: Option<String>,
    pub updated_at: DateTime<Utc>,
}

fn to_report(m: report::Model) -> StoreResult<Report> {
    let internal = |what: &str| StoreError::Internal(format!("report {}: {what}", m.id));
    Ok(Report {
        state: ReportState::parse(&m.state).ok_or_else(|| internal("state"))?,
        answers: serde_json::from_str(&m.answers).map_err(|_| internal("answers"))?,
        id: m.id,
        campaign_id: m.campaign_id,
        body_id: m.body_id,
        meeting_id: m.meeting_id,
        version: m.version,
        first_submitted_at: m.first_submitted_at,
        submitted_at: m.submitted_at,
        review: m.review,
        updated_at: m.updated_at,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportEvent {
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub comment: Option<String>,
}

/// One target body on the compliance board.
#[derive(Debug, Clone, Serialize)]
pub struct BoardRow {
    pub body_id: Uuid,
    pub kind: BodyKind,
    /// The regional body above it, if any.
    pub region_id: Option<Uuid>,
    pub status: BoardStatus,
    pub report_id: Option<Uuid>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub days_late: i64,
    /// Whether it held the required meeting (`None` when none is required).
    pub meeting_held: Option<bool>,
}

async fn event<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    report_id: Uuid,
    action: &str,
    comment: Option<String>,
) -> StoreResult<()> {
    report_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        report_id: Set(report_id),
        at: Set(crate::now()),
        actor_id: Set(actor_id(actor)),
        action: Set(action.into()),
        comment: Set(comment),
    }
    .insert(c)
    .await?;
    Ok(())
}

impl Store {
    /// The campaign, the lineages of its issuing body and of `body`, and
    /// whether `body` is one of its targets.
    async fn report_context(
        &self,
        campaign_id: Uuid,
        body_id: Uuid,
    ) -> StoreResult<(Campaign, Lineage, Lineage, bool)> {
        let (c, tree, issuing) = self.campaign_with_issuer(campaign_id).await?;
        let target = tree.lineage(body_id).ok_or(DomainError::NotFound)?;
        let is_target = campaign_target::Entity::find_by_id((campaign_id, body_id))
            .one(&self.db)
            .await?
            .is_some();
        Ok((c, issuing, target, is_target))
    }

    /// Saves a target body's draft (creating it on first save). `expected`
    /// is the version the writer read: a report changed since is refused
    /// (`Stale`) rather than overwritten.
    pub async fn save_report(
        &self,
        actor: &Actor,
        campaign_id: Uuid,
        body_id: Uuid,
        answers: &Answers,
        meeting_id: Option<Uuid>,
        expected: Option<i32>,
    ) -> StoreResult<Report> {
        let (c, _, target, is_target) = self.report_context(campaign_id, body_id).await?;
        ensure(permissions::can_write_report(actor, &target))?;
        if !is_target {
            return Err(DomainError::invalid("body_id", "not_a_target").into());
        }
        if c.state != majlis_domain::campaign::CampaignState::Launched {
            return Err(DomainError::invalid("campaign", "campaign_not_running").into());
        }
        let template_id = c
            .template_id
            .ok_or(DomainError::invalid("campaign", "no_report_required"))?;
        let template = self.template(Viewer::System, template_id).await?;
        let clean = check_answers(&template.definition, answers, false)?;
        let tx = self.write().await?;
        if let Some(m) = meeting_id {
            let held = meeting::Entity::find_by_id(m).one(&tx).await?;
            if held.is_none_or(|m| m.body_id != body_id) {
                return Err(DomainError::invalid("meeting_id", "not_this_body").into());
            }
        }
        let existing = report::Entity::find()
            .filter(report::Column::CampaignId.eq(campaign_id))
            .filter(report::Column::BodyId.eq(body_id))
            .one(&tx)
            .await?;
        let now = crate::now();
        let saved = match existing {
            Some(row) => {
                let state = to_report(row.clone())?.state;
                if !state.editable() {
                    return Err(DomainError::invalid("state", "report_locked").into());
                }
                if expected.is_some_and(|v| v != row.version) {
                    return Err(DomainError::Stale.into());
                }
                let version = row.version;
                let mut a = row.into_active_model();
                a.answers = Set(serde_json::to_string(&clean)?);
                a.meeting_id = Set(meeting_id);
                a.version = Set(version + 1);
                a.updated_at = Set(now);
                a.update(&tx).await?
            }
            None => {
                report::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    campaign_id: Set(campaign_id),
                    body_id: Set(body_id),
                    state: Set(ReportState::Draft.as_str().into()),
                    answers: Set(serde_json::to_string(&clean)?),
                    meeting_id: Set(meeting_id),
                    version: Set(1),
                    first_submitted_at: Set(None),
                    submitted_at: Set(None),
                    review: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                }
                .insert(&tx)
                .await?
            }
        };
        event(&tx, actor, saved.id, "save", None).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "save",
            "report",
            saved.id,
            None,
            Some(serde_json::json!({"version": saved.version})),
        )
        .await?;
        tx.commit().await?;
        to_report(saved)
    }

    /// Submits (the target body), accepts or returns (the issuing body, a
    /// comment required to return) a report.
    pub async fn report_action(
        &self,
        actor: &Actor,
        report_id: Uuid,
        action: ReportAction,
        comment: Option<&str>,
    ) -> StoreResult<Report> {
        let row = report::Entity::find_by_id(report_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let r = to_report(row)?;
        let (c, issuing, target, _) = self.report_context(r.campaign_id, r.body_id).await?;
        let allowed = if action.by_target() {
            permissions::can_write_report(actor, &target)
        } else {
            permissions::can_issue_campaign(actor, &issuing)
        };
        ensure(allowed)?;
        let comment = comment
            .map(majlis_domain::validation::clean)
            .filter(|c| !c.is_empty());
        if comment
            .as_ref()
            .is_some_and(|c| c.chars().count() > MAX_REVIEW)
        {
            return Err(DomainError::invalid("comment", "too_long").into());
        }
        if action == ReportAction::Return && comment.is_none() {
            return Err(DomainError::invalid("comment", "required").into());
        }
        let next = report_transition(r.state, action, c.state)?;
        if action == ReportAction::Submit {
            let template_id = c
                .template_id
                .ok_or(DomainError::invalid("campaign", "no_report_required"))?;
            let template = self.template(Viewer::System, template_id).await?;
            check_answers(&template.definition, &r.answers, true)?;
            if c.meeting_kind.is_some() && r.meeting_id.is_none() {
                return Err(DomainError::invalid("meeting_id", "required").into());
            }
        }
        let tx = self.write().await?;
        // Read again under the write lock: another submit in between wins.
        let row = report::Entity::find_by_id(report_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if row.version != r.version || row.state != r.state.as_str() {
            return Err(DomainError::Stale.into());
        }
        let now = crate::now();
        let mut a = row.into_active_model();
        a.state = Set(next.as_str().into());
        a.version = Set(r.version + 1);
        a.updated_at = Set(now);
        match action {
            ReportAction::Submit => {
                a.submitted_at = Set(Some(now));
                if r.first_submitted_at.is_none() {
                    a.first_submitted_at = Set(Some(now));
                }
            }
            ReportAction::Return => a.review = Set(comment.clone()),
            ReportAction::Accept => {}
        }
        let saved = a.update(&tx).await?;
        event(&tx, actor, report_id, next.as_str(), comment).await?;
        audit::record(
            &tx,
            actor_id(actor),
            next.as_str(),
            "report",
            report_id,
            Some(serde_json::json!({"state": r.state})),
            Some(serde_json::json!({"state": next})),
        )
        .await?;
        tx.commit().await?;
        to_report(saved)
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
        let events = report_event::Entity::find()
            .filter(report_event::Column::ReportId.eq(id))
            .order_by_asc(report_event::Column::At)
            .order_by_asc(report_event::Column::Id)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|e| ReportEvent {
                at: e.at,
                actor_id: e.actor_id,
                action: e.action,
                comment: e.comment,
            })
            .collect();
        Ok((r, events))
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
        let today = crate::now().with_timezone(&tz).date_naive();
        let held = match (c.meeting_kind, c.launched_at) {
            (Some(kind), Some(from)) => {
                let until = crate::service::meetings::to_utc(
                    tz,
                    majlis_domain::campaign::last_day(c.due_on, c.grace_days)
                        .and_hms_opt(23, 59, 59)
                        .unwrap_or_default(),
                );
                let bodies: Vec<Uuid> = meeting::Entity::find()
                    .filter(meeting::Column::BodyId.is_in(targets.iter().copied()))
                    .filter(meeting::Column::Kind.eq(kind.as_str()))
                    .filter(meeting::Column::Status.eq(MeetingStatus::Held.as_str()))
                    .filter(meeting::Column::StartsAt.lte(until))
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
    ) -> StoreResult<(
        Campaign,
        Option<crate::service::campaigns::Template>,
        Vec<Report>,
    )> {
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
