//! Meetings of bodies: planning, status changes, agenda, attendance with
//! quorum, decisions and measures. Times are stored in UTC and handed to
//! callers in the organization's time zone.

use crate::convert::stored;
use crate::entity::{agenda_item, attendance, meeting, membership};
use crate::error::StoreResult;
use crate::service::bodies::lineage;
use crate::service::invitations::resend_if_invited;
use crate::service::jobs::InvitationReason;
use crate::service::references::referable_person;
use crate::service::{actor_id, ensure};
use crate::{Store, audit};
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use majlis_domain::meeting::{
    AgendaInput, Attendance, DecisionKind, DecisionStatus, Meeting, MeetingInput, MeetingKind,
    MeetingStatus, QuorumRule, StatusChange, check_attendance, transition,
};
use majlis_domain::{Actor, DomainError, Person, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
pub struct AgendaItem {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub position: i32,
    pub title: String,
    pub presenter_id: Option<Uuid>,
    pub planned_minutes: Option<i32>,
    pub description: Option<String>,
    /// The item's part of the minutes.
    pub minutes: Option<String>,
    /// The item of an earlier meeting this one was carried over from.
    pub carried_from: Option<Uuid>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub kind: DecisionKind,
    pub text: String,
    pub responsible_person_id: Option<Uuid>,
    pub responsible_body_id: Option<Uuid>,
    pub due_on: Option<chrono::NaiveDate>,
    pub status: DecisionStatus,
}

/// Who was invited, who came, and whether the quorum was reached.
#[derive(Debug, Clone, Serialize)]
pub struct AttendanceSheet {
    pub rows: Vec<(Person, Option<Attendance>)>,
    pub present: u32,
    pub members: u32,
    pub needed: u32,
    pub reached: bool,
}

/// The organization's time zone by name (Casablanca if unknown).
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Africa::Casablanca)
}

/// Local wall-clock time → UTC (in a spring-forward gap, the hour after).
pub fn to_utc(tz: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map_or_else(|| Utc.from_utc_datetime(&local), |t| t.with_timezone(&Utc))
}

pub(crate) fn to_meeting(m: meeting::Model, tz: Tz) -> StoreResult<Meeting> {
    Ok(Meeting {
        id: m.id,
        body_id: m.body_id,
        kind: stored(MeetingKind::parse(&m.kind), "meeting kind", &m.kind)?,
        title: m.title,
        starts_at: m.starts_at.with_timezone(&tz).naive_local(),
        ends_at: m.ends_at.with_timezone(&tz).naive_local(),
        venue: m.venue,
        city: m.city,
        theme: m.theme,
        status: stored(MeetingStatus::parse(&m.status), "meeting status", &m.status)?,
        quorum: stored(
            QuorumRule::parse(&m.quorum_rule),
            "quorum rule",
            &m.quorum_rule,
        )?,
    })
}

pub(crate) fn to_item(m: agenda_item::Model) -> AgendaItem {
    AgendaItem {
        id: m.id,
        meeting_id: m.meeting_id,
        position: m.position,
        title: m.title,
        presenter_id: m.presenter_id,
        planned_minutes: m.planned_minutes,
        description: m.description,
        minutes: m.minutes,
        carried_from: m.carried_from,
    }
}

/// Appends an item (its content fields set) at the end of a meeting's agenda.
pub(crate) async fn append_item<C: ConnectionTrait>(
    c: &C,
    meeting_id: Uuid,
    mut item: agenda_item::ActiveModel,
) -> StoreResult<agenda_item::Model> {
    let last = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_desc(agenda_item::Column::Position)
        .one(c)
        .await?
        .map_or(0, |i| i.position);
    item.id = Set(Uuid::now_v7());
    item.meeting_id = Set(meeting_id);
    item.position = Set(last + 1);
    item.created_at = Set(crate::now());
    item.minutes = Set(None);
    Ok(item.insert(c).await?)
}

/// Gives agenda items the positions 1, 2, 3… in the order given (writing
/// only those that change).
pub(crate) async fn renumber<C: ConnectionTrait>(
    c: &C,
    items: &[agenda_item::Model],
) -> StoreResult<()> {
    for (pos, it) in items.iter().enumerate() {
        if it.position != pos as i32 + 1 {
            let mut a = it.clone().into_active_model();
            a.position = Set(pos as i32 + 1);
            a.update(c).await?;
        }
    }
    Ok(())
}

pub(crate) use crate::service::meeting_access::{local_now, managed, record_editable};

impl Store {
    pub(crate) async fn zone(&self) -> StoreResult<Tz> {
        Ok(zone(&self.settings().await?.time_zone))
    }

    pub async fn create_meeting(
        &self,
        actor: &Actor,
        body_id: Uuid,
        input: &MeetingInput,
    ) -> StoreResult<Meeting> {
        let v = input.validate()?;
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let l = lineage(&tx, body_id).await?;
        ensure(permissions::can_manage_meetings(actor, &l))?;
        let now = crate::now();
        let row = meeting::ActiveModel {
            id: Set(Uuid::now_v7()),
            body_id: Set(body_id),
            kind: Set(v.kind.as_str().into()),
            title: Set(v.title),
            starts_at: Set(to_utc(tz, v.start)),
            ends_at: Set(to_utc(tz, v.end)),
            venue: Set(v.venue),
            city: Set(v.city),
            theme: Set(v.theme),
            status: Set(MeetingStatus::Planned.as_str().into()),
            quorum_rule: Set(v.quorum.as_string()),
            session_id: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        let m = to_meeting(row, tz)?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "meeting",
            m.id,
            None,
            Some(serde_json::to_value(&m)?),
        )
        .await?;
        tx.commit().await?;
        Ok(m)
    }

    /// A meeting by id (kept for a moment: a page's reads check it several
    /// times).
    pub(crate) async fn meeting(&self, id: Uuid) -> StoreResult<Meeting> {
        self.meetings
            .get_or_load(&id.to_string(), || async {
                let tz = self.zone().await?;
                let m = meeting::Entity::find_by_id(id)
                    .one(&self.db)
                    .await?
                    .ok_or(DomainError::NotFound)?;
                to_meeting(m, tz)
            })
            .await
    }

    /// A body's meetings, the latest first (at most `limit`).
    pub async fn body_meetings(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
        limit: u64,
    ) -> StoreResult<Vec<Meeting>> {
        use sea_orm::QuerySelect;
        self.check_body(viewer.into(), body_id).await?;
        let tz = self.zone().await?;
        let rows = meeting::Entity::find()
            .filter(meeting::Column::BodyId.eq(body_id))
            .order_by_desc(meeting::Column::StartsAt)
            .limit(limit)
            .all(&self.db)
            .await?;
        rows.into_iter().map(|m| to_meeting(m, tz)).collect()
    }

    /// Holds, cancels or postpones a meeting (postponing moves its times).
    pub async fn change_meeting_status(
        &self,
        actor: &Actor,
        id: Uuid,
        change: StatusChange,
    ) -> StoreResult<Meeting> {
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let row = managed(&tx, actor, id).await?;
        let before = to_meeting(row.clone(), tz)?;
        let next = transition(before.status, before.starts_at, change, local_now(tz))?;
        let mut a = row.into_active_model();
        a.status = Set(next.as_str().into());
        if let StatusChange::Postpone { start, end } = change {
            a.starts_at = Set(to_utc(tz, start));
            a.ends_at = Set(to_utc(tz, end));
        }
        a.updated_at = Set(crate::now());
        let after = to_meeting(a.update(&tx).await?, tz)?;
        match change {
            StatusChange::Postpone { .. } => {
                resend_if_invited(&tx, id, InvitationReason::Changed).await?;
            }
            StatusChange::Cancel => {
                resend_if_invited(&tx, id, InvitationReason::Cancelled).await?;
            }
            StatusChange::Hold => {}
        }
        audit::record(
            &tx,
            actor_id(actor),
            next.as_str(),
            "meeting",
            id,
            Some(serde_json::to_value(&before)?),
            Some(serde_json::to_value(&after)?),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    pub async fn agenda(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<Vec<AgendaItem>> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        let rows = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .order_by_asc(agenda_item::Column::Position)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(to_item).collect())
    }

    pub async fn add_agenda_item(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        input: &AgendaInput,
    ) -> StoreResult<AgendaItem> {
        let v = input.validate()?;
        let tx = self.write().await?;
        record_editable(&tx, actor, meeting_id).await?;
        if let Some(p) = v.presenter_id {
            referable_person(&tx, actor, p, "presenter_id").await?;
        }
        let row = append_item(
            &tx,
            meeting_id,
            agenda_item::ActiveModel {
                title: Set(v.title),
                presenter_id: Set(v.presenter_id),
                planned_minutes: Set(v.planned_minutes),
                description: Set(v.description),
                carried_from: Set(None),
                ..Default::default()
            },
        )
        .await?;
        let item = to_item(row);
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "agenda_item",
            item.id,
            None,
            Some(serde_json::to_value(&item)?),
        )
        .await?;
        tx.commit().await?;
        Ok(item)
    }

    /// Moves an agenda item one place up (`up`) or down.
    pub async fn move_agenda_item(
        &self,
        actor: &Actor,
        item_id: Uuid,
        up: bool,
    ) -> StoreResult<Vec<AgendaItem>> {
        let tx = self.write().await?;
        let item = agenda_item::Entity::find_by_id(item_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        record_editable(&tx, actor, item.meeting_id).await?;
        let mut items = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(item.meeting_id))
            .order_by_asc(agenda_item::Column::Position)
            .all(&tx)
            .await?;
        let i = items.iter().position(|x| x.id == item_id).unwrap_or(0);
        let j = if up {
            i.checked_sub(1)
        } else {
            (i + 1 < items.len()).then_some(i + 1)
        };
        if let Some(j) = j {
            items.swap(i, j);
            renumber(&tx, &items).await?;
            let order: Vec<Uuid> = items.iter().map(|x| x.id).collect();
            audit::record(
                &tx,
                actor_id(actor),
                "reorder",
                "meeting",
                item.meeting_id,
                None,
                Some(serde_json::json!({ "agenda": order })),
            )
            .await?;
        }
        tx.commit().await?;
        self.agenda(Viewer::System, item.meeting_id).await
    }

    /// The invitees (the body's members on the meeting's day) and their attendance.
    pub async fn attendance_sheet(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<AttendanceSheet> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        let m = self.meeting(meeting_id).await?;
        self.attendance_sheet_of(&m).await
    }

    /// The attendance sheet of a meeting already read.
    pub(crate) async fn attendance_sheet_of(&self, m: &Meeting) -> StoreResult<AttendanceSheet> {
        let meeting_id = m.id;
        let day = m.starts_at.date();
        let member_ids: Vec<Uuid> = membership::Entity::find()
            .filter(membership::Column::BodyId.eq(m.body_id))
            .filter(membership::Column::StartsOn.lte(day))
            .filter(
                Condition::any()
                    .add(membership::Column::EndsOn.is_null())
                    .add(membership::Column::EndsOn.gte(day)),
            )
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| r.person_id)
            .collect();
        // Distinct people (one may hold two roles), by name.
        let mut people: Vec<Person> = self
            .people_by_ids(member_ids)
            .await?
            .into_values()
            .collect();
        people.sort_by(|a, b| a.full_name_ar.cmp(&b.full_name_ar).then(a.id.cmp(&b.id)));
        let marks: HashMap<Uuid, Attendance> = attendance::Entity::find()
            .filter(attendance::Column::MeetingId.eq(meeting_id))
            .all(&self.db)
            .await?
            .into_iter()
            .filter_map(|a| Attendance::parse(&a.status).map(|s| (a.person_id, s)))
            .collect();
        let rows: Vec<(Person, Option<Attendance>)> = people
            .into_iter()
            .map(|p| {
                let s = marks.get(&p.id).copied();
                (p, s)
            })
            .collect();
        let members = rows.len() as u32;
        let present = rows
            .iter()
            .filter(|(_, s)| *s == Some(Attendance::Present))
            .count() as u32;
        Ok(AttendanceSheet {
            needed: m.quorum.needed(members),
            reached: m.quorum.reached(present, members),
            rows,
            present,
            members,
        })
    }

    /// Records (or corrects) one invitee's attendance.
    pub async fn record_attendance(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        person_id: Uuid,
        status: Attendance,
    ) -> StoreResult<()> {
        self.record_attendances(actor, meeting_id, &[(person_id, status)])
            .await
    }

    /// Records several invitees' attendance at once, all or nothing.
    pub async fn record_attendances(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        marks: &[(Uuid, Attendance)],
    ) -> StoreResult<()> {
        let sheet = self.attendance_sheet(Viewer::System, meeting_id).await?;
        let tx = self.write().await?;
        let m = record_editable(&tx, actor, meeting_id).await?;
        let status_now =
            crate::convert::stored(MeetingStatus::parse(&m.status), "MeetingStatus", &m.status)?;
        for (person_id, status) in marks {
            let previous = sheet
                .rows
                .iter()
                .find(|(p, _)| p.id == *person_id)
                .map(|(_, s)| *s);
            check_attendance(status_now, previous.is_some())?;
            let previous = previous.flatten();
            if previous == Some(*status) {
                continue;
            }
            let row = attendance::ActiveModel {
                meeting_id: Set(meeting_id),
                person_id: Set(*person_id),
                status: Set(status.as_str().into()),
                recorded_at: Set(crate::now()),
                recorded_by: Set(Some(actor.account_id)),
            };
            if previous.is_some() {
                row.update(&tx).await?;
            } else {
                row.insert(&tx).await?;
            }
            audit::record(
                &tx,
                actor_id(actor),
                "attendance",
                "meeting",
                meeting_id,
                previous
                    .map(|p| serde_json::json!({ "person_id": person_id, "status": p.as_str() })),
                Some(serde_json::json!({ "person_id": person_id, "status": status.as_str() })),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
