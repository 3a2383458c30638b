//! Recent activity in the viewer's bodies, read from the audit log: meetings
//! planned, held, postponed or cancelled; minutes approved; decisions taken
//! or followed up; members joining or leaving; working papers circulated.
//! Only events about records of the bodies the viewer holds a role in, and
//! only their titles (no before/after values), so nothing is shown that the
//! viewer could not read on the body's own pages. A fixed number of queries.

use crate::Store;
use crate::entity::{account, audit_event, decision, meeting, membership, working_paper, workshop};
use crate::error::StoreResult;
use chrono::{DateTime, Utc};
use majlis_domain::{Actor, Person};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// How many events the home page shows.
pub const ACTIVITY_LIMIT: u64 = 10;

/// What happened, in the glossary's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActivityKind {
    MeetingPlanned,
    MeetingHeld,
    MeetingPostponed,
    MeetingCancelled,
    MinutesApproved,
    DecisionTaken,
    DecisionFollowedUp,
    MemberJoined,
    MemberLeft,
    PaperCirculated,
}

impl ActivityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::MeetingPlanned => "meeting-planned",
            Self::MeetingHeld => "meeting-held",
            Self::MeetingPostponed => "meeting-postponed",
            Self::MeetingCancelled => "meeting-cancelled",
            Self::MinutesApproved => "minutes-approved",
            Self::DecisionTaken => "decision-taken",
            Self::DecisionFollowedUp => "decision-followed-up",
            Self::MemberJoined => "member-joined",
            Self::MemberLeft => "member-left",
            Self::PaperCirculated => "paper-circulated",
        }
    }
}

/// Where an event points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActivityTarget {
    Meeting(Uuid),
    Body(Uuid),
    Paper(Uuid),
}

/// One line of recent activity.
#[derive(Debug, Clone)]
pub struct Activity {
    pub at: DateTime<Utc>,
    pub kind: ActivityKind,
    /// Who did it (their person record), `None` for the system or an account
    /// without a person.
    pub by: Option<Person>,
    /// The record's words: a meeting's title, a decision's text, a member's
    /// Arabic and Latin names, a paper's title.
    pub subject: String,
    pub subject_latin: Option<String>,
    pub body_id: Uuid,
    pub target: ActivityTarget,
}

fn kind_of(entity: &str, action: &str) -> Option<ActivityKind> {
    use ActivityKind as K;
    Some(match (entity, action) {
        ("meeting", "create") => K::MeetingPlanned,
        ("meeting", "held") => K::MeetingHeld,
        ("meeting", "postponed") => K::MeetingPostponed,
        ("meeting", "cancelled") => K::MeetingCancelled,
        ("minutes", "approve") => K::MinutesApproved,
        ("decision", "create") => K::DecisionTaken,
        ("decision", "update") => K::DecisionFollowedUp,
        ("membership", "create") => K::MemberJoined,
        ("membership", "end") => K::MemberLeft,
        ("working_paper", "circulated") => K::PaperCirculated,
        _ => return None,
    })
}

impl Store {
    /// The latest events in the bodies `actor` holds a role in, newest first.
    pub async fn recent_activity(&self, actor: &Actor) -> StoreResult<Vec<Activity>> {
        let mut mine: Vec<Uuid> = actor.roles.iter().map(|r| r.body_id).collect();
        mine.sort();
        mine.dedup();
        if mine.is_empty() {
            return Ok(Vec::new());
        }
        let meetings_of_mine = Query::select()
            .column(meeting::Column::Id)
            .from(meeting::Entity)
            .and_where(meeting::Column::BodyId.is_in(mine.iter().copied()))
            .to_owned();
        let decisions_of_mine = Query::select()
            .column(decision::Column::Id)
            .from(decision::Entity)
            .and_where(decision::Column::MeetingId.in_subquery(meetings_of_mine.clone()))
            .to_owned();
        let memberships_of_mine = Query::select()
            .column(membership::Column::Id)
            .from(membership::Entity)
            .and_where(membership::Column::BodyId.is_in(mine.iter().copied()))
            .to_owned();
        let sessions_of_mine = Query::select()
            .column(crate::entity::council_session::Column::Id)
            .from(crate::entity::council_session::Entity)
            .and_where(crate::entity::council_session::Column::BodyId.is_in(mine.iter().copied()))
            .to_owned();
        let workshops_of_mine = Query::select()
            .column(workshop::Column::Id)
            .from(workshop::Entity)
            .and_where(workshop::Column::SessionId.in_subquery(sessions_of_mine))
            .to_owned();
        let papers_of_mine = Query::select()
            .column(working_paper::Column::Id)
            .from(working_paper::Entity)
            .and_where(working_paper::Column::WorkshopId.in_subquery(workshops_of_mine))
            .to_owned();
        use audit_event::Column as A;
        let about = |entity: &str, actions: &[&str]| {
            Condition::all()
                .add(A::EntityType.eq(entity))
                .add(A::Action.is_in(actions.iter().map(|a| a.to_string())))
        };
        let cond = Condition::any()
            .add(
                about("meeting", &["create", "held", "postponed", "cancelled"])
                    .add(A::EntityId.in_subquery(meetings_of_mine.clone())),
            )
            .add(about("minutes", &["approve"]).add(A::EntityId.in_subquery(meetings_of_mine)))
            .add(
                about("decision", &["create", "update"])
                    .add(A::EntityId.in_subquery(decisions_of_mine)),
            )
            .add(
                about("membership", &["create", "end"])
                    .add(A::EntityId.in_subquery(memberships_of_mine)),
            )
            .add(
                about("working_paper", &["circulated"])
                    .add(A::EntityId.in_subquery(papers_of_mine)),
            );
        let events = audit_event::Entity::find()
            .select_only()
            .column(A::At)
            .column(A::ActorId)
            .column(A::Action)
            .column(A::EntityType)
            .column(A::EntityId)
            .filter(cond)
            .order_by_desc(A::At)
            .order_by_desc(A::Id)
            .limit(ACTIVITY_LIMIT)
            .into_tuple::<(DateTime<Utc>, Option<Uuid>, String, String, Uuid)>()
            .all(&self.db)
            .await?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let ids_of = |entity: &str| -> Vec<Uuid> {
            events
                .iter()
                .filter(|e| e.3 == entity)
                .map(|e| e.4)
                .collect()
        };
        let decisions: HashMap<Uuid, decision::Model> = decision::Entity::find()
            .filter(decision::Column::Id.is_in(ids_of("decision")))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect();
        let mut meeting_ids = ids_of("meeting");
        meeting_ids.extend(ids_of("minutes"));
        meeting_ids.extend(decisions.values().map(|d| d.meeting_id));
        let meetings: HashMap<Uuid, (String, Uuid)> = meeting::Entity::find()
            .select_only()
            .column(meeting::Column::Id)
            .column(meeting::Column::Title)
            .column(meeting::Column::BodyId)
            .filter(meeting::Column::Id.is_in(meeting_ids))
            .into_tuple::<(Uuid, String, Uuid)>()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|(id, title, body)| (id, (title, body)))
            .collect();
        let memberships: HashMap<Uuid, (Uuid, Uuid)> = membership::Entity::find()
            .select_only()
            .column(membership::Column::Id)
            .column(membership::Column::PersonId)
            .column(membership::Column::BodyId)
            .filter(membership::Column::Id.is_in(ids_of("membership")))
            .into_tuple::<(Uuid, Uuid, Uuid)>()
            .all(&self.db)
            .await?
            .into_iter()
            .map(|(id, person, body)| (id, (person, body)))
            .collect();
        let paper_rows: Vec<(Uuid, String, Uuid)> = working_paper::Entity::find()
            .select_only()
            .column(working_paper::Column::Id)
            .column(working_paper::Column::Title)
            .column(working_paper::Column::WorkshopId)
            .filter(working_paper::Column::Id.is_in(ids_of("working_paper")))
            .into_tuple()
            .all(&self.db)
            .await?;
        let workshop_sessions: HashMap<Uuid, Uuid> = if paper_rows.is_empty() {
            HashMap::new()
        } else {
            workshop::Entity::find()
                .select_only()
                .column(workshop::Column::Id)
                .column(workshop::Column::SessionId)
                .filter(workshop::Column::Id.is_in(paper_rows.iter().map(|p| p.2)))
                .into_tuple::<(Uuid, Uuid)>()
                .all(&self.db)
                .await?
                .into_iter()
                .collect()
        };
        let papers: HashMap<Uuid, (String, Uuid)> = paper_rows
            .into_iter()
            .filter_map(|(id, title, w)| workshop_sessions.get(&w).map(|s| (id, (title, *s))))
            .collect();
        let session_bodies: HashMap<Uuid, Uuid> = if papers.is_empty() {
            HashMap::new()
        } else {
            crate::entity::council_session::Entity::find()
                .select_only()
                .column(crate::entity::council_session::Column::Id)
                .column(crate::entity::council_session::Column::BodyId)
                .filter(
                    crate::entity::council_session::Column::Id.is_in(papers.values().map(|p| p.1)),
                )
                .into_tuple::<(Uuid, Uuid)>()
                .all(&self.db)
                .await?
                .into_iter()
                .collect()
        };
        let accounts: HashMap<Uuid, Uuid> = account::Entity::find()
            .select_only()
            .column(account::Column::Id)
            .column(account::Column::PersonId)
            .filter(account::Column::Id.is_in(events.iter().filter_map(|e| e.1)))
            .filter(account::Column::PersonId.is_not_null())
            .into_tuple::<(Uuid, Uuid)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let mut person_ids: Vec<Uuid> = accounts.values().copied().collect();
        person_ids.extend(memberships.values().map(|m| m.0));
        person_ids.sort();
        person_ids.dedup();
        let people = self.people_by_ids(person_ids).await?;

        let mut out = Vec::with_capacity(events.len());
        for (at, actor_id, action, entity, id) in events {
            let Some(kind) = kind_of(&entity, &action) else {
                continue;
            };
            let by = actor_id
                .and_then(|a| accounts.get(&a))
                .and_then(|p| people.get(p))
                .cloned();
            let on_meeting = |meeting_id: Uuid| {
                meetings.get(&meeting_id).map(|(title, body)| {
                    (
                        title.clone(),
                        None,
                        *body,
                        ActivityTarget::Meeting(meeting_id),
                    )
                })
            };
            let found = match entity.as_str() {
                "meeting" | "minutes" => on_meeting(id),
                "decision" => decisions.get(&id).and_then(|d| {
                    on_meeting(d.meeting_id)
                        .map(|(_, _, body, target)| (d.text.clone(), None, body, target))
                }),
                "membership" => memberships.get(&id).and_then(|(person, body)| {
                    people.get(person).map(|p| {
                        (
                            p.full_name_ar.clone(),
                            p.full_name_latin.clone(),
                            *body,
                            ActivityTarget::Body(*body),
                        )
                    })
                }),
                "working_paper" => papers.get(&id).and_then(|(title, session)| {
                    session_bodies
                        .get(session)
                        .map(|body| (title.clone(), None, *body, ActivityTarget::Paper(id)))
                }),
                _ => None,
            };
            if let Some((subject, subject_latin, body_id, target)) = found {
                out.push(Activity {
                    at,
                    kind,
                    by,
                    subject,
                    subject_latin,
                    body_id,
                    target,
                });
            }
        }
        Ok(out)
    }
}
