//! Invitations to meetings: the body's members and the meeting's guests,
//! the convocation queued as a durable job (one e-mail per invitee), and its
//! re-sending when the date, time or venue changes. Also edits of a planned
//! meeting.

use crate::entity::{job, meeting, meeting_guest};
use crate::error::StoreResult;
use crate::service::actor_id;
use crate::service::jobs::{Invitation, InvitationReason, NewJob, enqueue};
use crate::service::meetings::{managed, record_editable, to_meeting, to_utc};
use crate::{Store, audit};
use majlis_domain::meeting::{Attendance, Meeting, MeetingInput, MeetingStatus};
use majlis_domain::participation::GuestInput;
use majlis_domain::{Actor, Viewer, permissions};
use majlis_domain::{DomainError, Person};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use uuid::Uuid;

/// A guest of a meeting.
#[derive(Debug, Clone, Serialize)]
pub struct Guest {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub name: String,
    pub quality: Option<String>,
    /// Only shown to those who run the meeting.
    pub email: Option<String>,
    pub attendance: Option<Attendance>,
    pub speaker: bool,
    pub gender: Option<majlis_domain::Gender>,
}

fn to_guest(g: meeting_guest::Model) -> Guest {
    Guest {
        id: g.id,
        meeting_id: g.meeting_id,
        name: g.name,
        quality: g.quality,
        email: g.email,
        attendance: g.attendance.as_deref().and_then(Attendance::parse),
        speaker: g.speaker,
        gender: g.gender.as_deref().and_then(majlis_domain::Gender::parse),
    }
}

/// Someone a convocation goes to.
#[derive(Debug, Clone, Serialize)]
pub struct Recipient {
    pub name: String,
    pub email: String,
    pub person: Option<Person>,
}

/// Whether a convocation was ever queued for this meeting.
async fn was_invited<C: ConnectionTrait>(c: &C, meeting_id: Uuid) -> StoreResult<bool> {
    Ok(job::Entity::find()
        .filter(job::Column::SubjectId.eq(meeting_id))
        .filter(job::Column::Kind.eq("invitation"))
        .count(c)
        .await?
        > 0)
}

/// Queues the re-sending of a convocation after a change, if one was sent.
pub(crate) async fn resend_if_invited<C: ConnectionTrait>(
    c: &C,
    meeting_id: Uuid,
    reason: InvitationReason,
) -> StoreResult<()> {
    if was_invited(c, meeting_id).await? {
        let task = NewJob::of(&Invitation { meeting_id, reason })?;
        enqueue(c, &task, crate::now(), Some(meeting_id), None).await?;
    }
    Ok(())
}

impl Store {
    /// Queues the convocation of a planned meeting: one e-mail, with the
    /// agenda and an `.ics`, to each invitee who has an address.
    pub async fn send_invitations(&self, actor: &Actor, meeting_id: Uuid) -> StoreResult<()> {
        let tx = self.write().await?;
        let m = managed(&tx, actor, meeting_id).await?;
        let status =
            crate::convert::stored(MeetingStatus::parse(&m.status), "MeetingStatus", &m.status)?;
        if !matches!(status, MeetingStatus::Planned | MeetingStatus::Postponed) {
            return Err(DomainError::invalid("status", "meeting_not_planned").into());
        }
        let task = NewJob::of(&Invitation {
            meeting_id,
            reason: InvitationReason::Convocation,
        })?;
        enqueue(&tx, &task, crate::now(), Some(meeting_id), None).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "invite",
            "meeting",
            meeting_id,
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many convocations (first and re-sent) were queued: the iCalendar
    /// SEQUENCE of the next one.
    pub async fn invitation_count(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<u64> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        Ok(job::Entity::find()
            .filter(job::Column::SubjectId.eq(meeting_id))
            .filter(job::Column::Kind.eq("invitation"))
            .count(&self.db)
            .await?)
    }

    /// Everyone a convocation goes to: the body's members on the meeting's day
    /// and the guests, those with an e-mail address. Only for those who run
    /// the meeting's body.
    pub async fn invitation_recipients(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<Vec<Recipient>> {
        self.check_meeting_manager(viewer.into(), meeting_id)
            .await?;
        let sheet = self.attendance_sheet(Viewer::System, meeting_id).await?;
        let mut out: Vec<Recipient> = sheet
            .rows
            .into_iter()
            .filter_map(|(p, _)| {
                p.email.clone().map(|email| Recipient {
                    name: p.full_name_ar.clone(),
                    email,
                    person: Some(p),
                })
            })
            .collect();
        for g in self.guests(Viewer::System, meeting_id).await? {
            if let Some(email) = g.email {
                out.push(Recipient {
                    name: g.name,
                    email,
                    person: None,
                });
            }
        }
        Ok(out)
    }

    /// Changes a planned meeting's title, times, venue or quorum rule; a
    /// convocation already sent is re-sent when the times or venue change.
    pub async fn update_meeting(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &MeetingInput,
    ) -> StoreResult<Meeting> {
        let v = input.validate()?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let row = record_editable(&tx, actor, id).await?;
        let before = to_meeting(row.clone(), tz)?;
        if !matches!(
            before.status,
            MeetingStatus::Planned | MeetingStatus::Postponed
        ) {
            return Err(DomainError::invalid("status", "meeting_not_planned").into());
        }
        let mut a = row.into_active_model();
        a.kind = Set(v.kind.as_str().into());
        a.title = Set(v.title);
        a.starts_at = Set(to_utc(tz, v.start));
        a.ends_at = Set(to_utc(tz, v.end));
        a.venue = Set(v.venue);
        a.city = Set(v.city);
        a.theme = Set(v.theme);
        a.quorum_rule = Set(v.quorum.as_string());
        a.updated_at = Set(crate::now());
        let after = to_meeting(a.update(&tx).await?, tz)?;
        let moved = before.starts_at != after.starts_at
            || before.ends_at != after.ends_at
            || before.venue != after.venue
            || before.city != after.city;
        if moved {
            resend_if_invited(&tx, id, InvitationReason::Changed).await?;
        }
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "meeting",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn guests(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<Vec<Guest>> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        Ok(meeting_guest::Entity::find()
            .filter(meeting_guest::Column::MeetingId.eq(meeting_id))
            .order_by_asc(meeting_guest::Column::CreatedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_guest)
            .collect())
    }

    /// The speakers of several meetings (a session's parallel program), by
    /// meeting, in the order they were added.
    pub(crate) async fn speakers_of(
        &self,
        meetings: &[Uuid],
    ) -> StoreResult<std::collections::HashMap<Uuid, Vec<Guest>>> {
        let mut out: std::collections::HashMap<Uuid, Vec<Guest>> = Default::default();
        if meetings.is_empty() {
            return Ok(out);
        }
        for g in meeting_guest::Entity::find()
            .filter(meeting_guest::Column::MeetingId.is_in(meetings.iter().copied()))
            .filter(meeting_guest::Column::Speaker.eq(true))
            .order_by_asc(meeting_guest::Column::CreatedAt)
            .all(&self.db)
            .await?
        {
            out.entry(g.meeting_id).or_default().push(to_guest(g));
        }
        Ok(out)
    }

    /// Invites a guest (not a member of the body) to a meeting.
    pub async fn add_guest(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        input: &GuestInput,
    ) -> StoreResult<Guest> {
        let v = input.validate()?;
        let tx = self.write().await?;
        record_editable(&tx, actor, meeting_id).await?;
        let g = meeting_guest::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            name: Set(v.name),
            quality: Set(v.quality),
            email: Set(v.email),
            attendance: Set(None),
            speaker: Set(v.speaker),
            created_at: Set(crate::now()),
            gender: Set(v.gender.map(|g| g.as_str().to_string())),
        }
        .insert(&tx)
        .await?;
        let out = to_guest(g);
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "meeting_guest",
            out.id,
            None,
            Some(serde_json::json!({"meeting_id": meeting_id, "name": out.name})),
        )
        .await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Records whether a guest came.
    pub async fn record_guest_attendance(
        &self,
        actor: &Actor,
        guest_id: Uuid,
        status: Attendance,
    ) -> StoreResult<()> {
        let tx = self.write().await?;
        let g = meeting_guest::Entity::find_by_id(guest_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let m = record_editable(&tx, actor, g.meeting_id).await?;
        let ms =
            crate::convert::stored(MeetingStatus::parse(&m.status), "MeetingStatus", &m.status)?;
        majlis_domain::meeting::check_attendance(ms, true)?;
        let before = g.attendance.clone();
        let mut a = g.into_active_model();
        a.attendance = Set(Some(status.as_str().into()));
        a.update(&tx).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "attendance",
            "meeting_guest",
            guest_id,
            Some(serde_json::json!({"attendance": before})),
            Some(serde_json::json!({"attendance": status.as_str()})),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether the actor may see the meeting (a member of its body).
    pub async fn can_see_meeting(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<bool> {
        let m = meeting::Entity::find_by_id(meeting_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let l = self.lineage(m.body_id).await?;
        Ok(viewer.into().allows(|a| permissions::can_view_body(a, &l)))
    }
}
