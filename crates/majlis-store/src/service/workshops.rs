//! Workshops of a council session: creation, their people (assigned by the
//! executive, or council members signing up within the capacity), leaving,
//! and their outcome.

use crate::entity::{council_session, person, workshop, workshop_person};
use crate::error::StoreResult;
use crate::service::sessions::MAX_OUTCOME;
use crate::service::{actor_id, ensure};
use crate::{Store, audit};
use majlis_domain::session::{WorkshopDraft, WorkshopRole};
use majlis_domain::validation::Checker;
use majlis_domain::{Actor, DomainError, permissions};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use uuid::Uuid;

impl Store {
    pub async fn add_workshop(
        &self,
        actor: &Actor,
        session_id: Uuid,
        title: &str,
        themes: &str,
        questions: &str,
        capacity: Option<i32>,
    ) -> StoreResult<Uuid> {
        ensure(permissions::can_plan_sessions(actor))?;
        let v = WorkshopDraft {
            title: title.into(),
            themes: themes.into(),
            questions: questions.into(),
            capacity,
        }
        .validate()?;
        let tx = self.write().await?;
        council_session::Entity::find_by_id(session_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let n = workshop::Entity::find()
            .filter(workshop::Column::SessionId.eq(session_id))
            .all(&tx)
            .await?
            .len() as i32;
        let row = workshop::ActiveModel {
            id: Set(Uuid::now_v7()),
            session_id: Set(session_id),
            ordinal: Set(n + 1),
            title: Set(v.title),
            themes: Set(v.themes),
            questions: Set(v.questions),
            capacity: Set(v.capacity),
            outcome: Set(None),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "workshop",
            row.id,
            None,
            Some(serde_json::to_value(&row)?),
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Leaves a workshop one signed up for (participants only; the executive
    /// may remove anyone).
    pub async fn leave_workshop(
        &self,
        actor: &Actor,
        workshop_id: Uuid,
        person_id: Uuid,
    ) -> StoreResult<()> {
        let allowed = permissions::can_plan_sessions(actor) || actor.person_id == Some(person_id);
        ensure(allowed)?;
        let tx = self.write().await?;
        let row = workshop_person::Entity::find_by_id((workshop_id, person_id))
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if row.role != WorkshopRole::Participant.as_str() && !permissions::can_plan_sessions(actor)
        {
            return Err(DomainError::Forbidden.into());
        }
        workshop_person::Entity::delete_by_id((workshop_id, person_id))
            .exec(&tx)
            .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "leave",
            "workshop",
            workshop_id,
            Some(serde_json::json!({"person_id": person_id, "role": row.role})),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a workshop's outcome (its recommendations), after the session.
    pub async fn set_workshop_outcome(
        &self,
        actor: &Actor,
        workshop_id: Uuid,
        outcome: &str,
    ) -> StoreResult<()> {
        ensure(permissions::can_plan_sessions(actor))?;
        let mut c = Checker::new();
        let outcome = c.optional_text("outcome", Some(outcome), MAX_OUTCOME);
        c.finish().map_err(DomainError::Invalid)?;
        let tx = self.write().await?;
        let w = workshop::Entity::find_by_id(workshop_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let before = w.outcome.clone();
        let mut a = w.into_active_model();
        a.outcome = Set(outcome.clone());
        a.update(&tx).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "outcome",
            "workshop",
            workshop_id,
            Some(serde_json::json!({"outcome": before})),
            Some(serde_json::json!({"outcome": outcome})),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Assigns a person to a workshop as facilitator, rapporteur or participant.
    pub async fn set_workshop_person(
        &self,
        actor: &Actor,
        workshop_id: Uuid,
        person_id: Uuid,
        role: WorkshopRole,
    ) -> StoreResult<()> {
        let tx = self.write().await?;
        let w = workshop::Entity::find_by_id(workshop_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let council = council_session::Entity::find_by_id(w.session_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?
            .body_id;
        ensure(
            permissions::can_plan_sessions(actor)
                || (role == WorkshopRole::Participant
                    && permissions::can_join_workshop(actor, person_id, council)),
        )?;
        person::Entity::find_by_id(person_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::invalid("person_id", "invalid_choice"))?;
        let existing = workshop_person::Entity::find_by_id((workshop_id, person_id))
            .one(&tx)
            .await?;
        if existing.is_none() && role == WorkshopRole::Participant {
            let count = workshop_person::Entity::find()
                .filter(workshop_person::Column::WorkshopId.eq(workshop_id))
                .filter(workshop_person::Column::Role.eq(WorkshopRole::Participant.as_str()))
                .all(&tx)
                .await?
                .len() as i32;
            if w.capacity.is_some_and(|cap| count >= cap) {
                return Err(DomainError::invalid("person_id", "workshop_full").into());
            }
        }
        let row = workshop_person::ActiveModel {
            workshop_id: Set(workshop_id),
            person_id: Set(person_id),
            role: Set(role.as_str().into()),
        };
        if existing.is_some() {
            row.update(&tx).await?;
        } else {
            row.insert(&tx).await?;
        }
        audit::record(
            &tx,
            actor_id(actor),
            "assign",
            "workshop",
            workshop_id,
            None,
            Some(serde_json::json!({"person_id": person_id, "role": role})),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
