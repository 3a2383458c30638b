//! Changing and removing what a session's planners set up: the session's
//! days and venue, its program slots and its workshops. A session or a
//! workshop that already has working papers is kept: the papers' authors'
//! work hangs on it.

use crate::entity::{
    council_session, meeting, program_slot, working_paper, workshop, workshop_person,
};
use crate::error::StoreResult;
use crate::service::meetings::to_utc;
use crate::service::sessions::{CouncilSession, to_session};
use crate::service::{actor_id, ensure};
use crate::{Store, audit};
use majlis_domain::session::{SessionInput, SlotDraft, WorkshopDraft, check_slot};
use majlis_domain::validation::{Checker, MAX_NAME, MAX_SHORT};
use majlis_domain::{Actor, DomainError, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

async fn session_row(tx: &impl ConnectionTrait, id: Uuid) -> StoreResult<council_session::Model> {
    Ok(council_session::Entity::find_by_id(id)
        .one(tx)
        .await?
        .ok_or(DomainError::NotFound)?)
}

async fn papers_of(tx: &impl ConnectionTrait, workshops: &[Uuid]) -> StoreResult<usize> {
    if workshops.is_empty() {
        return Ok(0);
    }
    Ok(working_paper::Entity::find()
        .filter(working_paper::Column::WorkshopId.is_in(workshops.iter().copied()))
        .all(tx)
        .await?
        .len())
}

/// A slot's title and room, checked.
pub(crate) fn slot_fields(slot: &SlotDraft) -> StoreResult<(String, Option<String>)> {
    let mut c = Checker::new();
    let title = c.required("title", &slot.title, MAX_NAME);
    let room = c.optional("room", slot.room.as_deref(), MAX_SHORT);
    c.finish().map_err(DomainError::Invalid)?;
    Ok((title, room))
}

/// A slot falls within its session's days, and its workshop is the session's.
pub(crate) async fn check_slot_in(
    tx: &impl ConnectionTrait,
    s: &council_session::Model,
    slot: &SlotDraft,
) -> StoreResult<()> {
    check_slot(s.first_day, s.last_day, slot.start, slot.end)?;
    if let Some(w) = slot.workshop_id {
        let w = workshop::Entity::find_by_id(w).one(tx).await?;
        if w.is_none_or(|w| w.session_id != s.id) {
            return Err(DomainError::invalid("workshop_id", "invalid_choice").into());
        }
    }
    Ok(())
}

impl Store {
    /// The session a program slot belongs to, if the viewer may see its council.
    pub async fn slot_session(
        &self,
        viewer: impl Into<Viewer<'_>>,
        slot_id: Uuid,
    ) -> StoreResult<Uuid> {
        let s = program_slot::Entity::find_by_id(slot_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.council_session(viewer, s.session_id).await?;
        Ok(s.session_id)
    }

    /// The session a workshop belongs to, if the viewer may see its council.
    pub async fn workshop_session(
        &self,
        viewer: impl Into<Viewer<'_>>,
        workshop_id: Uuid,
    ) -> StoreResult<Uuid> {
        let w = workshop::Entity::find_by_id(workshop_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.council_session(viewer, w.session_id).await?;
        Ok(w.session_id)
    }

    /// Changes a session's number, days, venue and city. Its program slots
    /// must still fall within the new days, and the number must stay free.
    pub async fn update_council_session(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &SessionInput,
    ) -> StoreResult<CouncilSession> {
        ensure(permissions::can_plan_sessions(actor))?;
        let v = input.validate()?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let row = session_row(&tx, id).await?;
        let number = v.number.unwrap_or(row.number);
        if number != row.number {
            let taken = council_session::Entity::find()
                .filter(council_session::Column::BodyId.eq(row.body_id))
                .filter(council_session::Column::Number.eq(number))
                .one(&tx)
                .await?;
            if taken.is_some() {
                return Err(DomainError::invalid("number", "number_taken").into());
            }
        }
        let slots = program_slot::Entity::find()
            .filter(program_slot::Column::SessionId.eq(id))
            .all(&tx)
            .await?;
        for s in &slots {
            let start = s.starts_at.with_timezone(&tz).naive_local();
            let end = s.ends_at.with_timezone(&tz).naive_local();
            if check_slot(v.first_day, v.last_day, start, end).is_err() {
                return Err(DomainError::invalid("last_day", "slots_outside_days").into());
            }
        }
        let before = to_session(row.clone());
        let mut a = row.into_active_model();
        a.number = Set(number);
        a.first_day = Set(v.first_day);
        a.last_day = Set(v.last_day);
        a.venue = Set(v.venue);
        a.city = Set(v.city);
        a.updated_at = Set(crate::now());
        let after = to_session(a.update(&tx).await?);
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "session",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Removes a session planned by mistake, with its slots and workshops;
    /// the meetings of its parallel program stay, out of the session.
    /// Refused once a working paper is assigned. Returns the council's id.
    pub async fn delete_council_session(&self, actor: &Actor, id: Uuid) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let tx = self.write().await?;
        let row = session_row(&tx, id).await?;
        let workshops: Vec<Uuid> = workshop::Entity::find()
            .filter(workshop::Column::SessionId.eq(id))
            .all(&tx)
            .await?
            .into_iter()
            .map(|w| w.id)
            .collect();
        if papers_of(&tx, &workshops).await? > 0 {
            return Err(DomainError::invalid("session", "session_has_papers").into());
        }
        program_slot::Entity::delete_many()
            .filter(program_slot::Column::SessionId.eq(id))
            .exec(&tx)
            .await?;
        if !workshops.is_empty() {
            workshop_person::Entity::delete_many()
                .filter(workshop_person::Column::WorkshopId.is_in(workshops.iter().copied()))
                .exec(&tx)
                .await?;
        }
        workshop::Entity::delete_many()
            .filter(workshop::Column::SessionId.eq(id))
            .exec(&tx)
            .await?;
        let linked = meeting::Entity::find()
            .filter(meeting::Column::SessionId.eq(id))
            .all(&tx)
            .await?;
        for m in linked {
            let mut a = m.into_active_model();
            a.session_id = Set(None);
            a.update(&tx).await?;
        }
        council_session::Entity::delete_by_id(id).exec(&tx).await?;
        let body = row.body_id;
        audit::record(
            &tx,
            actor_id(actor),
            "delete",
            "session",
            id,
            Some(serde_json::to_value(to_session(row))?),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(body)
    }

    /// Changes a program slot (local times, within the session's days).
    /// Returns the session's id.
    pub async fn update_slot(
        &self,
        actor: &Actor,
        slot_id: Uuid,
        slot: &SlotDraft,
    ) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let (title, room) = slot_fields(slot)?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let row = program_slot::Entity::find_by_id(slot_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let s = session_row(&tx, row.session_id).await?;
        check_slot_in(&tx, &s, slot).await?;
        let before = serde_json::to_value(&row)?;
        let mut a = row.into_active_model();
        a.kind = Set(slot.kind.as_str().into());
        a.title = Set(title);
        a.starts_at = Set(to_utc(tz, slot.start));
        a.ends_at = Set(to_utc(tz, slot.end));
        a.room = Set(room);
        a.workshop_id = Set(slot.workshop_id);
        let after = a.update(&tx).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "program_slot",
            slot_id,
            Some(before),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(s.id)
    }

    /// Removes a program slot. Returns the session's id.
    pub async fn delete_slot(&self, actor: &Actor, slot_id: Uuid) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let tx = self.write().await?;
        let row = program_slot::Entity::find_by_id(slot_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let session = row.session_id;
        program_slot::Entity::delete_by_id(slot_id)
            .exec(&tx)
            .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "delete",
            "program_slot",
            slot_id,
            Some(serde_json::to_value(&row)?),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(session)
    }

    /// Changes a workshop's title, themes, questions and capacity. The
    /// capacity may not fall below the participants already signed up.
    /// Returns the session's id.
    pub async fn update_workshop(
        &self,
        actor: &Actor,
        workshop_id: Uuid,
        draft: &WorkshopDraft,
    ) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let v = draft.validate()?;
        let tx = self.write().await?;
        let row = workshop::Entity::find_by_id(workshop_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if let Some(cap) = v.capacity {
            let signed = workshop_person::Entity::find()
                .filter(workshop_person::Column::WorkshopId.eq(workshop_id))
                .filter(workshop_person::Column::Role.eq("participant"))
                .all(&tx)
                .await?
                .len();
            if (cap as usize) < signed {
                return Err(DomainError::invalid("capacity", "capacity_below_signed").into());
            }
        }
        let session = row.session_id;
        let before = serde_json::to_value(&row)?;
        let mut a = row.into_active_model();
        a.title = Set(v.title);
        a.themes = Set(v.themes);
        a.questions = Set(v.questions);
        a.capacity = Set(v.capacity);
        let after = a.update(&tx).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "workshop",
            workshop_id,
            Some(before),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(session)
    }

    /// Removes a workshop without working papers: its people leave it, its
    /// slots stay in the program without it, and the workshops after it
    /// move up one number. Returns the session's id.
    pub async fn delete_workshop(&self, actor: &Actor, workshop_id: Uuid) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let tx = self.write().await?;
        let row = workshop::Entity::find_by_id(workshop_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if papers_of(&tx, &[workshop_id]).await? > 0 {
            return Err(DomainError::invalid("workshop", "workshop_has_papers").into());
        }
        workshop_person::Entity::delete_many()
            .filter(workshop_person::Column::WorkshopId.eq(workshop_id))
            .exec(&tx)
            .await?;
        let slots = program_slot::Entity::find()
            .filter(program_slot::Column::WorkshopId.eq(workshop_id))
            .all(&tx)
            .await?;
        for s in slots {
            let mut a = s.into_active_model();
            a.workshop_id = Set(None);
            a.update(&tx).await?;
        }
        workshop::Entity::delete_by_id(workshop_id)
            .exec(&tx)
            .await?;
        let later = workshop::Entity::find()
            .filter(workshop::Column::SessionId.eq(row.session_id))
            .filter(workshop::Column::Ordinal.gt(row.ordinal))
            .order_by_asc(workshop::Column::Ordinal)
            .all(&tx)
            .await?;
        for w in later {
            let n = w.ordinal;
            let mut a = w.into_active_model();
            a.ordinal = Set(n - 1);
            a.update(&tx).await?;
        }
        let session = row.session_id;
        audit::record(
            &tx,
            actor_id(actor),
            "delete",
            "workshop",
            workshop_id,
            Some(serde_json::to_value(&row)?),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(session)
    }
}
