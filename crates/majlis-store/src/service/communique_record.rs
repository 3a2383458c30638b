//! What a communiqué drafted from a meeting says, read from the record:
//! the meeting with its agenda and decisions, the campaigns carrying out
//! its decisions, the council sessions ahead (within four months) with
//! their workshops and parallel thematic meetings, and the reports heard.

use crate::Store;
use crate::entity::{campaign, campaign_target, council_session};
use crate::error::StoreResult;
use chrono::Days;
use majlis_domain::communique_draft::{
    CampaignFact, DecisionFact, Item, RecordFacts, SessionFact, ThematicFact, WorkshopFact,
};
use majlis_domain::meeting::MeetingKind;
use majlis_domain::{Actor, Viewer, permissions};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

impl Store {
    /// The facts of a meeting's record for a draft in `lang` (names of the
    /// organization, bodies and councils in that language), for those who
    /// may write the body's communiqués.
    pub async fn communique_facts(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        lang: &str,
    ) -> StoreResult<RecordFacts> {
        let detail = self.meeting_detail(actor, meeting_id).await?;
        crate::service::ensure(permissions::can_write_communique(actor, &detail.lineage))?;
        let m = &detail.meeting;
        let day = m.starts_at.date();
        let settings = self.settings().await?;
        let organization = match lang {
            "fr" => settings.name_fr.clone(),
            "en" => settings.name_en.clone(),
            _ => None,
        }
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| settings.name_ar.clone());
        let decision_ids: Vec<Uuid> = detail.decisions.iter().map(|d| d.id).collect();
        let mut campaigns = Vec::new();
        for c in campaign::Entity::find()
            .filter(campaign::Column::DecisionId.is_in(decision_ids))
            .order_by_asc(campaign::Column::DueOn)
            .all(&self.db)
            .await?
        {
            let targets = campaign_target::Entity::find()
                .filter(campaign_target::Column::CampaignId.eq(c.id))
                .count(&self.db)
                .await?;
            campaigns.push(CampaignFact {
                id: c.id,
                title: c.title,
                due_on: c.due_on,
                targets: targets as usize,
                meeting_required: c.meeting_kind.is_some(),
                report_required: c.template_id.is_some(),
            });
        }
        let until = day.checked_add_days(Days::new(120)).unwrap_or(day);
        let mut sessions = Vec::new();
        let mut thematic = Vec::new();
        for s in council_session::Entity::find()
            .filter(council_session::Column::FirstDay.gt(day))
            .filter(council_session::Column::FirstDay.lte(until))
            .order_by_asc(council_session::Column::FirstDay)
            .all(&self.db)
            .await?
        {
            let program = self.session_program(Viewer::System, s.id).await?;
            let council = self.body(s.body_id).await?;
            for p in &program.parallel {
                if p.kind == MeetingKind::Thematic {
                    thematic.push(ThematicFact {
                        id: p.id,
                        city: p.city.clone().unwrap_or_default(),
                        theme: p.theme.clone().unwrap_or_else(|| p.title.clone()),
                        date: p.starts_at.date(),
                    });
                }
            }
            sessions.push(SessionFact {
                id: s.id,
                council: council.name(lang).to_string(),
                number: u32::try_from(s.number).unwrap_or(0),
                first_day: s.first_day,
                last_day: s.last_day,
                venue: s.venue,
                city: s.city,
                workshops: program
                    .workshops
                    .iter()
                    .map(|w| WorkshopFact {
                        id: w.id,
                        title: w.title.clone(),
                    })
                    .collect(),
            });
        }
        thematic.sort_by_key(|t| t.date);
        let reports_heard = self.meeting_reports(actor, meeting_id).await?.len();
        Ok(RecordFacts {
            organization,
            body: detail.body.name(lang).to_string(),
            meeting_id,
            kind: m.kind,
            date: day,
            agenda: detail
                .agenda
                .iter()
                .map(|a| Item {
                    id: a.id,
                    title: a.title.clone(),
                })
                .collect(),
            decisions: detail
                .decisions
                .iter()
                .map(|d| DecisionFact {
                    id: d.id,
                    kind: d.kind,
                    text: d.text.clone(),
                    due_on: d.due_on,
                })
                .collect(),
            campaigns,
            sessions,
            thematic,
            reports_heard,
        })
    }
}
