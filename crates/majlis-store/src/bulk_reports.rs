//! Bulk loading of submitted reports, for the campaign benchmarks
//! (`majlis bench-campaigns`): thousands of reports in batches, one audit
//! event for the whole load. The answers are checked against the campaign's
//! template like any report's.

use crate::entity::report;
use crate::error::StoreResult;
use crate::{Store, audit};
use chrono::{DateTime, Utc};
use majlis_domain::campaign::ReportState;
use majlis_domain::report_template::{Answers, check_answers};
use majlis_domain::{DomainError, Viewer};
use sea_orm::{EntityTrait, Set};
use uuid::Uuid;

const BATCH: usize = 200;

/// One submitted report of a target body.
pub struct SubmittedReport {
    pub body_id: Uuid,
    pub answers: Answers,
    pub submitted_at: DateTime<Utc>,
}

impl Store {
    /// Inserts submitted reports of a launched campaign's target bodies.
    pub async fn bulk_reports(
        &self,
        campaign_id: Uuid,
        rows: Vec<SubmittedReport>,
    ) -> StoreResult<usize> {
        let c = self.campaign(Viewer::System, campaign_id).await?;
        let template_id = c
            .template_id
            .ok_or(DomainError::invalid("campaign", "no_report_required"))?;
        let template = self.template(Viewer::System, template_id).await?;
        let now = crate::now();
        let n = rows.len();
        for chunk in rows.chunks(BATCH) {
            let mut models = Vec::with_capacity(chunk.len());
            for r in chunk {
                let answers = check_answers(&template.definition, &r.answers, true)?;
                models.push(report::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    campaign_id: Set(campaign_id),
                    body_id: Set(r.body_id),
                    state: Set(ReportState::Submitted.as_str().into()),
                    answers: Set(serde_json::to_string(&answers)?),
                    meeting_id: Set(None),
                    version: Set(2),
                    first_submitted_at: Set(Some(r.submitted_at)),
                    submitted_at: Set(Some(r.submitted_at)),
                    review: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                });
            }
            let tx = self.write().await?;
            report::Entity::insert_many(models)
                .exec_without_returning(&tx)
                .await?;
            tx.commit().await?;
        }
        let tx = self.write().await?;
        audit::record(
            &tx,
            None,
            "bulk_load",
            "campaign",
            campaign_id,
            None,
            Some(serde_json::json!({"reports": n})),
        )
        .await?;
        tx.commit().await?;
        Ok(n)
    }
}
