//! Decisions and measures taken at a meeting: part of its record (their texts
//! lock with the approved minutes), and their follow-up, which stays open.

use crate::convert::stored;
use crate::entity::{decision, meeting};
use crate::error::StoreResult;
use crate::service::actor_id;
use crate::service::meeting_access::{managed, record_editable};
use crate::service::meetings::{Decision, to_meeting};
use crate::service::references::{referable_body, referable_person};
use crate::{Store, audit};
use majlis_domain::meeting::{DecisionInput, DecisionKind, DecisionStatus, Meeting};
use majlis_domain::{Actor, DomainError, Viewer};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

pub(crate) fn to_decision(m: decision::Model) -> StoreResult<Decision> {
    Ok(Decision {
        id: m.id,
        meeting_id: m.meeting_id,
        kind: stored(DecisionKind::parse(&m.kind), "decision kind", &m.kind)?,
        text: m.text,
        responsible_person_id: m.responsible_person_id,
        responsible_body_id: m.responsible_body_id,
        due_on: m.due_on,
        status: stored(
            DecisionStatus::parse(&m.status),
            "decision status",
            &m.status,
        )?,
    })
}

impl Store {
    pub async fn decisions(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<Vec<Decision>> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        let rows = decision::Entity::find()
            .filter(decision::Column::MeetingId.eq(meeting_id))
            .order_by_asc(decision::Column::CreatedAt)
            .all(&self.db)
            .await?;
        rows.into_iter().map(to_decision).collect()
    }

    /// The open decisions of a body with the meeting each was taken at (two
    /// queries whatever their number).
    pub async fn decisions_to_follow(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
    ) -> StoreResult<Vec<(Decision, Meeting)>> {
        let list = self.open_decisions(viewer, body_id).await?;
        let tz = self.zone().await?;
        let meetings: HashMap<Uuid, Meeting> = meeting::Entity::find()
            .filter(meeting::Column::Id.is_in(list.iter().map(|d| d.meeting_id)))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|m| Ok((m.id, to_meeting(m, tz)?)))
            .collect::<StoreResult<_>>()?;
        Ok(list
            .into_iter()
            .filter_map(|d| {
                let m = meetings.get(&d.meeting_id)?.clone();
                Some((d, m))
            })
            .collect())
    }

    /// Open decisions of a body's meetings ("decisions to follow"), by due date.
    pub async fn open_decisions(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
    ) -> StoreResult<Vec<Decision>> {
        use sea_orm::sea_query::Query;
        self.check_body(viewer.into(), body_id).await?;
        let meetings = Query::select()
            .column(meeting::Column::Id)
            .from(meeting::Entity)
            .and_where(meeting::Column::BodyId.eq(body_id))
            .to_owned();
        let rows = decision::Entity::find()
            .filter(decision::Column::MeetingId.in_subquery(meetings))
            .filter(decision::Column::Status.eq(DecisionStatus::Open.as_str()))
            .order_by_asc(decision::Column::DueOn)
            .order_by_asc(decision::Column::CreatedAt)
            .all(&self.db)
            .await?;
        rows.into_iter().map(to_decision).collect()
    }

    pub async fn add_decision(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        input: &DecisionInput,
    ) -> StoreResult<Decision> {
        let v = input.validate()?;
        let tx = self.write().await?;
        record_editable(&tx, actor, meeting_id).await?;
        if let Some(p) = v.responsible_person_id {
            referable_person(&tx, actor, p, "responsible_person_id").await?;
        }
        if let Some(b) = v.responsible_body_id {
            referable_body(&tx, actor, b, "responsible_body_id").await?;
        }
        let now = crate::now();
        let row = decision::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            kind: Set(v.kind.as_str().into()),
            text: Set(v.text),
            responsible_person_id: Set(v.responsible_person_id),
            responsible_body_id: Set(v.responsible_body_id),
            due_on: Set(v.due_on),
            status: Set(DecisionStatus::Open.as_str().into()),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        let d = to_decision(row)?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "decision",
            d.id,
            None,
            Some(serde_json::to_value(&d)?),
        )
        .await?;
        tx.commit().await?;
        Ok(d)
    }

    pub async fn set_decision_status(
        &self,
        actor: &Actor,
        id: Uuid,
        status: DecisionStatus,
    ) -> StoreResult<Decision> {
        let tx = self.write().await?;
        let row = decision::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        managed(&tx, actor, row.meeting_id).await?;
        let before = to_decision(row.clone())?;
        let mut a = row.into_active_model();
        a.status = Set(status.as_str().into());
        a.updated_at = Set(crate::now());
        let after = to_decision(a.update(&tx).await?)?;
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "decision",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
