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
use chrono::{DateTime, Utc};
use majlis_domain::body::BodyKind;
use majlis_domain::campaign::{BoardStatus, ReportAction, ReportState, report_transition};
use majlis_domain::error::FieldError;
use majlis_domain::report_template::{Answers, TemplateDef, check_answers};
use majlis_domain::{Actor, DomainError, Lineage, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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
    /// The issuing body's comments when it returned the report.
    pub review: Option<Review>,
    pub updated_at: DateTime<Utc>,
}

/// What the issuing body said when it returned a report: a general comment
/// and notes on single fields and sections (keyed `fields.<key>` or
/// `sections.<key>`, like the errors of a form).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Review {
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
}

/// A stored review: JSON, or (written before notes existed) a plain comment.
pub(crate) fn parse_review(s: &str) -> Review {
    serde_json::from_str(s).unwrap_or_else(|_| Review {
        comment: Some(s.to_string()),
        notes: BTreeMap::new(),
    })
}

/// Most notes on one review.
pub const MAX_NOTES: usize = majlis_domain::report_template::MAX_PARTS;

/// A review's comment and notes, cleaned and checked against the template:
/// a note on a part the template does not have, or too long, is refused.
fn clean_review(
    template: &TemplateDef,
    comment: Option<&str>,
    notes: &BTreeMap<String, String>,
) -> Result<Review, DomainError> {
    let comment = comment
        .map(majlis_domain::validation::clean)
        .filter(|c| !c.is_empty());
    if comment
        .as_ref()
        .is_some_and(|c| c.chars().count() > MAX_REVIEW)
    {
        return Err(DomainError::invalid("comment", "too_long"));
    }
    if notes.len() > MAX_NOTES {
        return Err(DomainError::invalid("notes", "too_many"));
    }
    let mut out = BTreeMap::new();
    for (key, note) in notes {
        let known = match key.split_once('.') {
            Some(("fields", k)) => template.field(k).is_some(),
            Some(("sections", k)) => template.sections.iter().any(|s| s.key == k),
            _ => false,
        };
        if !known {
            return Err(DomainError::Invalid(vec![FieldError::dynamic(
                format!("notes.{key}"),
                "unknown_field",
            )]));
        }
        let note = majlis_domain::validation::clean(note);
        if note.chars().count() > MAX_REVIEW {
            return Err(DomainError::Invalid(vec![FieldError::dynamic(
                format!("notes.{key}"),
                "too_long",
            )]));
        }
        if !note.is_empty() {
            out.insert(key.clone(), note);
        }
    }
    Ok(Review {
        comment,
        notes: out,
    })
}

pub(crate) fn to_report(m: report::Model) -> StoreResult<Report> {
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
        review: m.review.as_deref().map(parse_review),
        updated_at: m.updated_at,
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportEvent {
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    /// The person who acted, by name.
    pub actor: Option<String>,
    pub action: String,
    /// What the issuing body said when it returned the report.
    pub review: Option<Review>,
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

pub(crate) async fn event<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    report_id: Uuid,
    action: &str,
    review: Option<&Review>,
) -> StoreResult<()> {
    report_event::ActiveModel {
        id: Set(Uuid::now_v7()),
        report_id: Set(report_id),
        at: Set(crate::now()),
        actor_id: Set(actor_id(actor)),
        action: Set(action.into()),
        comment: Set(review.map(serde_json::to_string).transpose()?),
    }
    .insert(c)
    .await?;
    Ok(())
}

/// Writes a report only if it still has the version that was read: on
/// PostgreSQL a concurrent writer holds the row until it commits, and then
/// this update matches nothing — refused as `Stale`, never overwritten.
async fn update_if_version<C: ConnectionTrait>(
    c: &C,
    a: report::ActiveModel,
    version: i32,
) -> StoreResult<report::Model> {
    match report::Entity::update(a)
        .validate()?
        .filter(report::Column::Version.eq(version))
        .exec(c)
        .await
    {
        Ok(m) => Ok(m),
        Err(sea_orm::DbErr::RecordNotUpdated) => Err(DomainError::Stale.into()),
        Err(e) => Err(e.into()),
    }
}

impl Store {
    /// The campaign, the lineages of its issuing body and of `body`, and
    /// whether `body` is one of its targets.
    pub(crate) async fn report_context(
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
                update_if_version(&tx, a, version).await?
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
    /// comment or a note required to return) a report.
    pub async fn report_action(
        &self,
        actor: &Actor,
        report_id: Uuid,
        action: ReportAction,
        comment: Option<&str>,
        notes: &BTreeMap<String, String>,
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
        let template_id = c
            .template_id
            .ok_or(DomainError::invalid("campaign", "no_report_required"))?;
        let template = self.template(Viewer::System, template_id).await?;
        let review = clean_review(&template.definition, comment, notes)?;
        if action == ReportAction::Return && review.comment.is_none() && review.notes.is_empty() {
            return Err(DomainError::invalid("comment", "required").into());
        }
        let review = (review.comment.is_some() || !review.notes.is_empty()).then_some(review);
        let next = report_transition(r.state, action, c.state)?;
        if action == ReportAction::Submit {
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
            ReportAction::Return => {
                a.review = Set(review.as_ref().map(serde_json::to_string).transpose()?)
            }
            ReportAction::Accept => {}
        }
        let saved = update_if_version(&tx, a, r.version).await?;
        event(&tx, actor, report_id, next.as_str(), review.as_ref()).await?;
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
}
