//! The home page's read model: what needs the viewer now — their next
//! meetings, their working papers, the decisions their bodies (or they)
//! must carry out, and the minutes waiting for their approval. A fixed
//! number of queries whatever the viewer's roles.

use crate::Store;
use crate::entity::{decision, meeting, minutes, paper_assignee, working_paper, workshop};
use crate::error::StoreResult;
use crate::service::decisions::to_decision;
use crate::service::meetings::Decision;
use crate::service::meetings::to_meeting;
use chrono::NaiveDate;
use majlis_domain::meeting::{DecisionStatus, Meeting, MeetingStatus};
use majlis_domain::reply::Reply;
use majlis_domain::session::PaperState;
use majlis_domain::{Actor, Body};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// How many of each kind the home page shows.
pub const HOME_LIMIT: u64 = 8;

/// A working paper its assignee must still write or rework.
#[derive(Debug, Clone)]
pub struct PaperDue {
    pub id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub state: PaperState,
    pub session_id: Uuid,
}

/// What needs the viewer now.
#[derive(Debug, Clone, Default)]
pub struct Home {
    /// Planned (or postponed) meetings of the viewer's bodies from today on,
    /// soonest first, with their body and the viewer's answer to the
    /// convocation.
    pub meetings: Vec<(Meeting, Body, Option<Reply>)>,
    /// The viewer's working papers not yet submitted, by due date.
    pub papers: Vec<PaperDue>,
    /// Open decisions in the charge of one of the viewer's bodies or of the
    /// viewer, by due date, with the meeting that took each.
    pub decisions: Vec<(Decision, Meeting)>,
    /// Held meetings of bodies the viewer runs whose minutes are not yet
    /// approved, oldest first.
    pub minutes: Vec<(Meeting, Body)>,
    /// Working papers submitted and waiting for the executive's approval
    /// (for those who plan sessions), oldest submission first.
    pub papers_to_review: Vec<PaperDue>,
}

impl Store {
    /// What needs `actor` now (see [`Home`]).
    pub async fn home(&self, actor: &Actor) -> StoreResult<Home> {
        let tz = self.zone().await?;
        let tree = self.body_tree().await?;
        let mut mine: Vec<Uuid> = actor.roles.iter().map(|r| r.body_id).collect();
        mine.sort();
        mine.dedup();
        let mut run: Vec<Uuid> = actor
            .roles
            .iter()
            .filter(|r| r.role.manages())
            .map(|r| r.body_id)
            .collect();
        run.sort();
        run.dedup();
        let body_of = |id: Uuid| tree.get(id).cloned();
        let today_start = crate::service::meetings::to_utc(
            tz,
            crate::now()
                .with_timezone(&tz)
                .date_naive()
                .and_hms_opt(0, 0, 0)
                .unwrap_or_default(),
        );

        let mut home = Home::default();
        if !mine.is_empty() {
            let rows = meeting::Entity::find()
                .filter(meeting::Column::BodyId.is_in(mine.iter().copied()))
                .filter(meeting::Column::StartsAt.gte(today_start))
                .filter(meeting::Column::Status.is_in([
                    MeetingStatus::Planned.as_str(),
                    MeetingStatus::Postponed.as_str(),
                ]))
                .order_by_asc(meeting::Column::StartsAt)
                .limit(HOME_LIMIT)
                .all(&self.db)
                .await?;
            let replies = match actor.person_id {
                Some(p) => self.replies_of(p, rows.iter().map(|m| m.id)).await?,
                None => HashMap::new(),
            };
            for m in rows {
                if let Some(b) = body_of(m.body_id) {
                    let r = replies.get(&m.id).copied();
                    home.meetings.push((to_meeting(m, tz)?, b, r));
                }
            }
        }

        if let Some(person) = actor.person_id {
            let assigned = Query::select()
                .column(paper_assignee::Column::PaperId)
                .from(paper_assignee::Entity)
                .and_where(paper_assignee::Column::PersonId.eq(person))
                .to_owned();
            let rows = working_paper::Entity::find()
                .filter(working_paper::Column::Id.in_subquery(assigned))
                .filter(working_paper::Column::State.is_in([
                    PaperState::Assigned.as_str(),
                    PaperState::Draft.as_str(),
                    PaperState::Returned.as_str(),
                ]))
                .order_by_asc(working_paper::Column::DueOn)
                .limit(HOME_LIMIT)
                .all(&self.db)
                .await?;
            home.papers = self.papers_due(rows).await?;
        }

        let mut charge = Condition::any();
        if !mine.is_empty() {
            charge = charge.add(decision::Column::ResponsibleBodyId.is_in(mine.iter().copied()));
        }
        if let Some(person) = actor.person_id {
            charge = charge.add(decision::Column::ResponsiblePersonId.eq(person));
        }
        if !mine.is_empty() || actor.person_id.is_some() {
            let rows = decision::Entity::find()
                .filter(charge)
                .filter(decision::Column::Status.eq(DecisionStatus::Open.as_str()))
                .order_by_asc(decision::Column::DueOn)
                .order_by_asc(decision::Column::CreatedAt)
                .limit(HOME_LIMIT)
                .all(&self.db)
                .await?;
            let meetings: HashMap<Uuid, Meeting> = meeting::Entity::find()
                .filter(meeting::Column::Id.is_in(rows.iter().map(|d| d.meeting_id)))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|m| Ok((m.id, to_meeting(m, tz)?)))
                .collect::<StoreResult<_>>()?;
            for d in rows {
                if let Some(m) = meetings.get(&d.meeting_id) {
                    home.decisions.push((to_decision(d)?, m.clone()));
                }
            }
        }

        if !run.is_empty() {
            let approved = Query::select()
                .column(minutes::Column::MeetingId)
                .from(minutes::Entity)
                .and_where(minutes::Column::ApprovedAt.is_not_null())
                .to_owned();
            let rows = meeting::Entity::find()
                .filter(meeting::Column::BodyId.is_in(run.iter().copied()))
                .filter(meeting::Column::Status.eq(MeetingStatus::Held.as_str()))
                .filter(meeting::Column::Id.not_in_subquery(approved))
                .order_by_asc(meeting::Column::StartsAt)
                .limit(HOME_LIMIT)
                .all(&self.db)
                .await?;
            for m in rows {
                if let Some(b) = body_of(m.body_id) {
                    home.minutes.push((to_meeting(m, tz)?, b));
                }
            }
        }
        if majlis_domain::permissions::can_plan_sessions(actor) {
            let rows = working_paper::Entity::find()
                .filter(working_paper::Column::State.eq(PaperState::Submitted.as_str()))
                .order_by_asc(working_paper::Column::UpdatedAt)
                .limit(HOME_LIMIT)
                .all(&self.db)
                .await?;
            home.papers_to_review = self.papers_due(rows).await?;
        }
        Ok(home)
    }

    /// Working papers with the session each belongs to.
    async fn papers_due(&self, rows: Vec<working_paper::Model>) -> StoreResult<Vec<PaperDue>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let sessions: HashMap<Uuid, Uuid> = workshop::Entity::find()
            .select_only()
            .column(workshop::Column::Id)
            .column(workshop::Column::SessionId)
            .filter(workshop::Column::Id.is_in(rows.iter().map(|p| p.workshop_id)))
            .into_tuple::<(Uuid, Uuid)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let mut out = Vec::with_capacity(rows.len());
        for p in rows {
            let Some(session_id) = sessions.get(&p.workshop_id).copied() else {
                continue;
            };
            out.push(PaperDue {
                id: p.id,
                title: p.title,
                due_on: p.due_on,
                state: crate::convert::stored(PaperState::parse(&p.state), "PaperState", &p.state)?,
                session_id,
            });
        }
        Ok(out)
    }
}
