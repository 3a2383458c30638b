//! Answers to convocations ("I will attend", "I send my apologies"): given by
//! the convened members themselves before the meeting starts, read by those
//! who see the meeting (the secretary beside the attendance sheet, each member
//! on their home page).

use crate::entity::{meeting, membership, reply};
use crate::error::StoreResult;
use crate::service::actor_id;
use crate::service::meeting_access::local_now;
use crate::service::meetings::to_meeting;
use crate::{Store, audit};
use majlis_domain::reply::{Reply, check_reply};
use majlis_domain::{Actor, DomainError, Viewer};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, Set};
use std::collections::HashMap;
use uuid::Uuid;

fn parse(r: &reply::Model) -> StoreResult<Reply> {
    crate::convert::stored(Reply::parse(&r.reply), "Reply", &r.reply)
}

impl Store {
    /// The actor answers the convocation of a meeting of one of their bodies.
    /// Answering again replaces the answer (the audit log keeps both).
    pub async fn reply_to_meeting(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        answer: Reply,
    ) -> StoreResult<Reply> {
        let person = actor.person_id.ok_or(DomainError::Forbidden)?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let m = meeting::Entity::find_by_id(meeting_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let m = to_meeting(m, tz)?;
        let day = m.starts_at.date();
        let convened = membership::Entity::find()
            .filter(membership::Column::PersonId.eq(person))
            .filter(membership::Column::BodyId.eq(m.body_id))
            .filter(membership::Column::StartsOn.lte(day))
            .filter(
                Condition::any()
                    .add(membership::Column::EndsOn.is_null())
                    .add(membership::Column::EndsOn.gte(day)),
            )
            .count(&tx)
            .await?
            > 0;
        if !convened {
            // Not convened: as if the meeting were not there, unless the
            // actor may see it anyway.
            let l = self.lineage(m.body_id).await?;
            if !majlis_domain::permissions::can_view_body(actor, &l) {
                return Err(DomainError::NotFound.into());
            }
        }
        check_reply(m.status, m.starts_at, local_now(tz), convened)?;
        let before = reply::Entity::find_by_id((meeting_id, person))
            .one(&tx)
            .await?;
        let row = reply::ActiveModel {
            meeting_id: Set(meeting_id),
            person_id: Set(person),
            reply: Set(answer.as_str().into()),
            replied_at: Set(crate::now()),
        };
        // An upsert: two answers sent at once both land, the last one wins.
        reply::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([reply::Column::MeetingId, reply::Column::PersonId])
                    .update_columns([reply::Column::Reply, reply::Column::RepliedAt])
                    .to_owned(),
            )
            .exec_without_returning(&tx)
            .await?;
        let json = |r: Option<&str>| {
            r.map(
                |r| serde_json::json!({"meeting_id": meeting_id, "person_id": person, "reply": r}),
            )
        };
        audit::record(
            &tx,
            actor_id(actor),
            if before.is_some() { "update" } else { "create" },
            "reply",
            meeting_id,
            json(before.as_ref().map(|b| b.reply.as_str())),
            json(Some(answer.as_str())),
        )
        .await?;
        tx.commit().await?;
        Ok(answer)
    }

    /// The answers to a meeting's convocation, by person.
    pub async fn replies(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<HashMap<Uuid, Reply>> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        reply::Entity::find()
            .filter(reply::Column::MeetingId.eq(meeting_id))
            .all(&self.db)
            .await?
            .iter()
            .map(|r| Ok((r.person_id, parse(r)?)))
            .collect()
    }

    /// One person's answers to some meetings, by meeting.
    pub(crate) async fn replies_of(
        &self,
        person: Uuid,
        meetings: impl IntoIterator<Item = Uuid>,
    ) -> StoreResult<HashMap<Uuid, Reply>> {
        reply::Entity::find()
            .filter(reply::Column::PersonId.eq(person))
            .filter(reply::Column::MeetingId.is_in(meetings))
            .all(&self.db)
            .await?
            .iter()
            .map(|r| Ok((r.meeting_id, parse(r)?)))
            .collect()
    }
}
