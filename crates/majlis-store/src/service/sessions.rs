//! Council sessions (دورات): numbered per council, their program of slots,
//! workshops with their people, working papers with assignees, and the
//! meetings of their parallel program.

use crate::entity::{
    body, council_session, meeting, paper_assignee, program_slot, working_paper, workshop,
    workshop_person,
};
use crate::error::StoreResult;
use crate::service::invitations::Guest;
use crate::service::meetings::{to_meeting, to_utc};
use crate::service::session_edits::{check_slot_in, slot_fields};
use crate::service::{actor_id, ensure};
use crate::{Store, audit};
use chrono::{NaiveDate, NaiveDateTime};
use majlis_domain::meeting::Meeting;
use majlis_domain::session::{
    Conflict, PaperState, SessionInput, SlotDraft, SlotKind, SlotPlan, WorkshopRole, conflicts,
    facilitators_not_members, lines,
};
use majlis_domain::{Actor, BodyKind, DomainError, Person, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// Longest workshop outcome (recommendations), in characters.
pub const MAX_OUTCOME: usize = 50_000;

#[derive(Debug, Clone, Serialize)]
pub struct CouncilSession {
    pub id: Uuid,
    pub body_id: Uuid,
    pub number: i32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub status: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Slot {
    pub id: Uuid,
    pub kind: SlotKind,
    pub title: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub room: Option<String>,
    pub workshop_id: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paper {
    pub id: Uuid,
    pub workshop_id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub state: PaperState,
    pub assignees: Vec<Person>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Workshop {
    pub id: Uuid,
    pub ordinal: i32,
    pub title: String,
    pub themes: Vec<String>,
    pub questions: Vec<String>,
    pub capacity: Option<i32>,
    pub outcome: Option<String>,
    pub people: Vec<(Person, WorkshopRole)>,
    pub papers: Vec<Paper>,
}

/// Everything the session page shows.
#[derive(Debug, Clone, Serialize)]
pub struct SessionProgram {
    pub session: CouncilSession,
    pub slots: Vec<Slot>,
    pub workshops: Vec<Workshop>,
    pub parallel: Vec<Meeting>,
    /// The speakers of each meeting of the parallel program, in the order they were added.
    pub speakers: HashMap<Uuid, Vec<Guest>>,
    pub conflicts: Vec<Conflict>,
}

pub(crate) fn to_session(m: council_session::Model) -> CouncilSession {
    CouncilSession {
        id: m.id,
        body_id: m.body_id,
        number: m.number,
        first_day: m.first_day,
        last_day: m.last_day,
        venue: m.venue,
        city: m.city,
        status: m.status,
    }
}

impl Store {
    /// Opens the next numbered session of a council (the national executive).
    pub async fn create_council_session(
        &self,
        actor: &Actor,
        body_id: Uuid,
        input: &SessionInput,
    ) -> StoreResult<CouncilSession> {
        ensure(permissions::can_plan_sessions(actor))?;
        let v = input.validate()?;
        let tx = self.write().await?;
        let b = body::Entity::find_by_id(body_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if BodyKind::parse(&b.kind) != Some(BodyKind::Council) {
            return Err(DomainError::invalid("body_id", "not_a_council").into());
        }
        let last = council_session::Entity::find()
            .filter(council_session::Column::BodyId.eq(body_id))
            .order_by_desc(council_session::Column::Number)
            .one(&tx)
            .await?
            .map_or(0, |s| s.number);
        // Numbers only go up: a given number must follow the last one.
        let number = match v.number {
            Some(n) if n <= last => {
                return Err(DomainError::invalid("number", "number_not_after_last").into());
            }
            Some(n) => n,
            None => last + 1,
        };
        let now = crate::now();
        let row = council_session::ActiveModel {
            id: Set(Uuid::now_v7()),
            body_id: Set(body_id),
            number: Set(number),
            first_day: Set(v.first_day),
            last_day: Set(v.last_day),
            venue: Set(v.venue),
            city: Set(v.city),
            status: Set("planned".into()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        let s = to_session(row);
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "session",
            s.id,
            None,
            Some(serde_json::to_value(&s)?),
        )
        .await?;
        tx.commit().await?;
        Ok(s)
    }

    /// A session, if the viewer may see its council.
    pub async fn council_session(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<CouncilSession> {
        let row = council_session::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.check_body(viewer.into(), row.body_id).await?;
        Ok(to_session(row))
    }

    /// A council's sessions, the latest first.
    pub async fn body_sessions(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
    ) -> StoreResult<Vec<CouncilSession>> {
        self.check_body(viewer.into(), body_id).await?;
        let rows = council_session::Entity::find()
            .filter(council_session::Column::BodyId.eq(body_id))
            .order_by_desc(council_session::Column::Number)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(to_session).collect())
    }

    /// Adds a slot to the program (local times, within the session's days).
    pub async fn add_slot(
        &self,
        actor: &Actor,
        session_id: Uuid,
        slot: &SlotDraft,
    ) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let (title, room) = slot_fields(slot)?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let s = council_session::Entity::find_by_id(session_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        check_slot_in(&tx, &s, slot).await?;
        let row = program_slot::ActiveModel {
            id: Set(Uuid::now_v7()),
            session_id: Set(session_id),
            kind: Set(slot.kind.as_str().into()),
            title: Set(title),
            starts_at: Set(to_utc(tz, slot.start)),
            ends_at: Set(to_utc(tz, slot.end)),
            room: Set(room),
            workshop_id: Set(slot.workshop_id),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "program_slot",
            row.id,
            None,
            Some(serde_json::to_value(&row)?),
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Puts a meeting (a thematic meeting, say) in a session's parallel program.
    pub async fn link_meeting_to_session(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        session_id: Uuid,
    ) -> StoreResult<()> {
        ensure(permissions::can_plan_sessions(actor))?;
        let tx = self.write().await?;
        council_session::Entity::find_by_id(session_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let m = meeting::Entity::find_by_id(meeting_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let mut a = m.into_active_model();
        a.session_id = Set(Some(session_id));
        a.update(&tx).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "link",
            "meeting",
            meeting_id,
            None,
            Some(serde_json::json!({"session_id": session_id})),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The whole program of a session, with its conflicts, if the viewer may
    /// see its council.
    pub async fn session_program(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<SessionProgram> {
        let tz = self.zone().await?;
        let session = self.council_session(viewer, id).await?;
        let slot_rows = program_slot::Entity::find()
            .filter(program_slot::Column::SessionId.eq(id))
            .order_by_asc(program_slot::Column::StartsAt)
            .order_by_asc(program_slot::Column::Title)
            .all(&self.db)
            .await?;
        let slots: Vec<Slot> = slot_rows
            .into_iter()
            .map(|s| {
                Ok(Slot {
                    id: s.id,
                    kind: crate::convert::stored(SlotKind::parse(&s.kind), "SlotKind", &s.kind)?,
                    title: s.title,
                    starts_at: s.starts_at.with_timezone(&tz).naive_local(),
                    ends_at: s.ends_at.with_timezone(&tz).naive_local(),
                    room: s.room,
                    workshop_id: s.workshop_id,
                })
            })
            .collect::<StoreResult<_>>()?;
        // Workshops, their people, papers and assignees: one query each,
        // and one for every person named, whatever their numbers.
        let rows = workshop::Entity::find()
            .filter(workshop::Column::SessionId.eq(id))
            .order_by_asc(workshop::Column::Ordinal)
            .all(&self.db)
            .await?;
        let workshop_ids: Vec<Uuid> = rows.iter().map(|w| w.id).collect();
        let links = workshop_person::Entity::find()
            .filter(workshop_person::Column::WorkshopId.is_in(workshop_ids.clone()))
            .all(&self.db)
            .await?;
        let paper_rows = working_paper::Entity::find()
            .filter(working_paper::Column::WorkshopId.is_in(workshop_ids))
            .order_by_asc(working_paper::Column::DueOn)
            .order_by_asc(working_paper::Column::Id)
            .all(&self.db)
            .await?;
        let assignee_rows = paper_assignee::Entity::find()
            .filter(paper_assignee::Column::PaperId.is_in(paper_rows.iter().map(|p| p.id)))
            .all(&self.db)
            .await?;
        let found = self
            .people_by_ids(
                links
                    .iter()
                    .map(|l| l.person_id)
                    .chain(assignee_rows.iter().map(|a| a.person_id))
                    .collect(),
            )
            .await?;
        let unknown = |what: &str, value: &str| {
            crate::StoreError::Internal(format!("session {id}: unknown {what} {value}"))
        };
        let mut workshops = Vec::with_capacity(rows.len());
        for w in rows {
            let mut people: Vec<(Person, WorkshopRole)> = Vec::new();
            for l in links.iter().filter(|l| l.workshop_id == w.id) {
                let role = WorkshopRole::parse(&l.role).ok_or_else(|| unknown("role", &l.role))?;
                if let Some(p) = found.get(&l.person_id) {
                    people.push((p.clone(), role));
                }
            }
            people.sort_by(|a, b| {
                (a.1 as u8, &a.0.full_name_ar).cmp(&(b.1 as u8, &b.0.full_name_ar))
            });
            let mut papers = Vec::new();
            for p in paper_rows.iter().filter(|p| p.workshop_id == w.id) {
                let assignees: Vec<Person> = assignee_rows
                    .iter()
                    .filter(|a| a.paper_id == p.id)
                    .filter_map(|a| found.get(&a.person_id).cloned())
                    .collect();
                papers.push(Paper {
                    id: p.id,
                    workshop_id: w.id,
                    title: p.title.clone(),
                    due_on: p.due_on,
                    state: PaperState::parse(&p.state)
                        .ok_or_else(|| unknown("paper state", &p.state))?,
                    assignees,
                });
            }
            workshops.push(Workshop {
                id: w.id,
                ordinal: w.ordinal,
                title: w.title,
                themes: lines(&w.themes),
                questions: lines(&w.questions),
                capacity: w.capacity,
                outcome: w.outcome,
                people,
                papers,
            });
        }
        // Parallel slots in workshop order (the first workshop first).
        let mut slots = slots;
        let ordinal = |w: Option<Uuid>| {
            w.and_then(|w| workshops.iter().find(|x| x.id == w))
                .map_or(0, |x| x.ordinal)
        };
        slots.sort_by_key(|s| (s.starts_at, ordinal(s.workshop_id)));
        // Conflicts: people of a workshop are in its slots.
        let plans: Vec<SlotPlan> = slots
            .iter()
            .map(|s| SlotPlan {
                id: s.id,
                start: s.starts_at,
                end: s.ends_at,
                room: s.room.clone(),
                people: s
                    .workshop_id
                    .and_then(|w| workshops.iter().find(|x| x.id == w))
                    .map(|w| w.people.iter().map(|(p, _)| p.id).collect())
                    .unwrap_or_default(),
            })
            .collect();
        let mut found = conflicts(&plans);
        let council: Vec<Uuid> = self
            .body_members(Viewer::System, session.body_id)
            .await?
            .into_iter()
            .filter(|m| m.membership.is_current(session.first_day))
            .map(|m| m.person.id)
            .collect();
        for w in &workshops {
            let facilitators: Vec<Uuid> = w
                .people
                .iter()
                .filter(|(_, r)| *r == WorkshopRole::Facilitator)
                .map(|(p, _)| p.id)
                .collect();
            found.extend(facilitators_not_members(w.id, &facilitators, &council));
        }
        let parallel_rows = meeting::Entity::find()
            .filter(meeting::Column::SessionId.eq(id))
            .order_by_asc(meeting::Column::StartsAt)
            .all(&self.db)
            .await?;
        let parallel: Vec<Meeting> = parallel_rows
            .into_iter()
            .map(|m| to_meeting(m, tz))
            .collect::<StoreResult<_>>()?;
        let ids: Vec<Uuid> = parallel.iter().map(|m| m.id).collect();
        let speakers = self.speakers_of(&ids).await?;
        Ok(SessionProgram {
            session,
            slots,
            workshops,
            parallel,
            speakers,
            conflicts: found,
        })
    }
}
