//! The one door for reading a meeting: [`Store::meeting_detail`] checks that
//! the viewer may see it and returns the whole record — agenda, attendance,
//! decisions — with every name resolved in batch, in a fixed number of queries
//! whatever the number of items, decisions and invitees. The meeting page and
//! the meeting API are two renderings of it.

use crate::entity::{body, minutes};
use crate::error::StoreResult;
use crate::service::meetings::{AgendaItem, AttendanceSheet, Decision};
use crate::{Store, StoreError};
use majlis_domain::minutes::MinutesStatus;
use majlis_domain::{Body, Lineage, Person, Viewer, meeting::Meeting, permissions};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

/// Names of the people and bodies a record points at.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub people: HashMap<Uuid, Person>,
    pub bodies: HashMap<Uuid, Body>,
}

impl Names {
    pub fn person(&self, id: Uuid) -> Option<&Person> {
        self.people.get(&id)
    }

    pub fn body(&self, id: Uuid) -> Option<&Body> {
        self.bodies.get(&id)
    }
}

/// A meeting as its viewer may read it.
#[derive(Debug, Clone)]
pub struct MeetingDetail {
    pub meeting: Meeting,
    pub body: Body,
    pub lineage: Lineage,
    /// The viewer runs this body's meetings.
    pub can_manage: bool,
    /// Its minutes, when there are some.
    pub minutes: Option<MinutesStatus>,
    pub agenda: Vec<AgendaItem>,
    pub attendance: AttendanceSheet,
    /// The answers to the convocation, by person.
    pub replies: HashMap<Uuid, majlis_domain::reply::Reply>,
    pub decisions: Vec<Decision>,
    /// Presenters and the people and bodies in charge of decisions.
    pub names: Names,
}

impl MeetingDetail {
    /// The record can still change (its minutes are not approved).
    pub fn record_open(&self) -> bool {
        majlis_domain::meeting::check_record_open(self.minutes).is_ok()
    }
}

impl Store {
    /// People and bodies by id, one query each (callers check the viewer).
    pub(crate) async fn names(
        &self,
        people: impl IntoIterator<Item = Uuid>,
        bodies: impl IntoIterator<Item = Uuid>,
    ) -> StoreResult<Names> {
        let mut people: Vec<Uuid> = people.into_iter().collect();
        people.sort();
        people.dedup();
        let mut bodies: Vec<Uuid> = bodies.into_iter().collect();
        bodies.sort();
        bodies.dedup();
        let people = if people.is_empty() {
            HashMap::new()
        } else {
            self.people_by_ids(people).await?
        };
        let bodies = if bodies.is_empty() {
            HashMap::new()
        } else {
            body::Entity::find()
                .filter(body::Column::Id.is_in(bodies))
                .all(&self.db)
                .await?
                .into_iter()
                .map(|b| Ok((b.id, crate::convert::body(b)?)))
                .collect::<StoreResult<_>>()?
        };
        Ok(Names { people, bodies })
    }

    /// A meeting the viewer may see (a member of its body, or someone who
    /// runs it or a body above it), with its body.
    pub async fn visible_meeting(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<(Meeting, Body, Lineage)> {
        let meeting = self.meeting(id).await?;
        let (body, lineage) = self.visible_body(viewer, meeting.body_id).await?;
        Ok((meeting, body, lineage))
    }

    /// The whole record of a meeting, if the viewer may see its body.
    pub async fn meeting_detail(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<MeetingDetail> {
        let viewer = viewer.into();
        let (meeting, body, lineage) = self.visible_meeting(viewer, id).await?;
        let minutes = minutes::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(|m| {
                MinutesStatus::parse(&m.status).ok_or_else(|| {
                    StoreError::Internal(format!("minutes of {id}: unknown status {}", m.status))
                })
            })
            .transpose()?;
        let agenda = self.agenda(Viewer::System, id).await?;
        let attendance = self.attendance_sheet_of(&meeting).await?;
        let replies = self.replies(Viewer::System, id).await?;
        let decisions = self.decisions(Viewer::System, id).await?;
        let names = self
            .names(
                agenda
                    .iter()
                    .filter_map(|i| i.presenter_id)
                    .chain(decisions.iter().filter_map(|d| d.responsible_person_id)),
                decisions.iter().filter_map(|d| d.responsible_body_id),
            )
            .await?;
        Ok(MeetingDetail {
            can_manage: viewer.allows(|a| permissions::can_manage_meetings(a, &lineage)),
            meeting,
            body,
            lineage,
            minutes,
            agenda,
            attendance,
            replies,
            decisions,
            names,
        })
    }

    /// Checks that the viewer may see a meeting (the system always may).
    pub(crate) async fn check_meeting(&self, viewer: Viewer<'_>, id: Uuid) -> StoreResult<()> {
        if !matches!(viewer, Viewer::System) {
            self.visible_meeting(viewer, id).await?;
        }
        Ok(())
    }

    /// Checks that the viewer runs the meeting's body (the system always does).
    pub(crate) async fn check_meeting_manager(
        &self,
        viewer: Viewer<'_>,
        id: Uuid,
    ) -> StoreResult<()> {
        if !matches!(viewer, Viewer::System) {
            let (_, _, lineage) = self.visible_meeting(viewer, id).await?;
            crate::service::ensure_viewer(viewer, |a| {
                permissions::can_manage_meetings(a, &lineage)
            })?;
        }
        Ok(())
    }

    /// Checks that the viewer may see a body (the system always may).
    pub(crate) async fn check_body(&self, viewer: Viewer<'_>, id: Uuid) -> StoreResult<()> {
        if !matches!(viewer, Viewer::System) {
            self.visible_body(viewer, id).await?;
        }
        Ok(())
    }

    /// Checks that the viewer may see a person (the system always may).
    pub(crate) async fn check_person(&self, viewer: Viewer<'_>, id: Uuid) -> StoreResult<()> {
        if !matches!(viewer, Viewer::System) {
            self.visible_person(viewer, id).await?;
        }
        Ok(())
    }
}
