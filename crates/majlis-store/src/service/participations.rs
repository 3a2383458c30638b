//! The participation log (مشاركات) of a body's representatives at national
//! and international events, with their reports; the reports a meeting
//! heard; documents attached to agenda items.

use crate::entity::{
    agenda_attachment, agenda_item, meeting_report, participation, participation_person,
};
use crate::error::StoreResult;
use crate::service::bodies::lineage;
use crate::service::files::{FileInfo, StoredFile, Upload, store_file};
use crate::service::meetings::record_editable;
use crate::service::{actor_id, ensure};
use crate::{Store, audit};
use chrono::NaiveDate;
use majlis_domain::participation::{ParticipationInput, Scope, check_report_title};
use majlis_domain::upload::Accept;
use majlis_domain::{Actor, DomainError, Person, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// One participation with the people who went.
#[derive(Debug, Clone, Serialize)]
pub struct Participation {
    pub id: Uuid,
    pub body_id: Uuid,
    pub event: String,
    pub organizer: String,
    pub scope: Scope,
    pub country: Option<String>,
    pub city: Option<String>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub report: Option<String>,
    pub report_file: Option<FileInfo>,
    pub people: Vec<Person>,
}

/// A report a meeting heard.
#[derive(Debug, Clone, Serialize)]
pub struct MeetingReport {
    pub id: Uuid,
    pub title: String,
    pub participation: Option<Participation>,
    pub file: Option<FileInfo>,
}

impl Store {
    async fn to_participations(
        &self,
        rows: Vec<participation::Model>,
    ) -> StoreResult<Vec<Participation>> {
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let links: Vec<(Uuid, Uuid)> = if ids.is_empty() {
            Vec::new()
        } else {
            participation_person::Entity::find()
                .select_only()
                .column(participation_person::Column::ParticipationId)
                .column(participation_person::Column::PersonId)
                .filter(participation_person::Column::ParticipationId.is_in(ids))
                .into_tuple()
                .all(&self.db)
                .await?
        };
        let people = self
            .people_by_ids(links.iter().map(|l| l.1).collect())
            .await?;
        let files = self
            .file_infos(
                &rows
                    .iter()
                    .filter_map(|r| r.report_file_id)
                    .collect::<Vec<_>>(),
            )
            .await?;
        let mut by: HashMap<Uuid, Vec<Person>> = HashMap::new();
        for (p, person) in links {
            if let Some(x) = people.get(&person) {
                by.entry(p).or_default().push(x.clone());
            }
        }
        rows.into_iter()
            .map(|r| {
                let mut people = by.remove(&r.id).unwrap_or_default();
                people.sort_by(|a, b| a.full_name_ar.cmp(&b.full_name_ar));
                Ok(Participation {
                    id: r.id,
                    body_id: r.body_id,
                    event: r.event,
                    organizer: r.organizer,
                    scope: crate::convert::stored(Scope::parse(&r.scope), "Scope", &r.scope)?,
                    country: r.country,
                    city: r.city,
                    first_day: r.first_day,
                    last_day: r.last_day,
                    report: r.report,
                    report_file: r
                        .report_file_id
                        .and_then(|f| files.iter().find(|i| i.id == f).cloned()),
                    people,
                })
            })
            .collect()
    }

    /// Records a participation of the body's representatives, with their
    /// written report and/or an uploaded report document.
    pub async fn create_participation(
        &self,
        actor: &Actor,
        body_id: Uuid,
        input: &ParticipationInput,
        report_file: Option<&Upload>,
        max_bytes: usize,
    ) -> StoreResult<Participation> {
        let v = input.validate()?;
        let tx = self.write().await?;
        let l = lineage(&tx, body_id).await?;
        ensure(permissions::can_manage_meetings(actor, &l))?;
        let file = match report_file {
            Some(u) => Some(
                store_file(&tx, actor_id(actor), u, max_bytes, Accept::Documents)
                    .await?
                    .0,
            ),
            None => None,
        };
        let now = crate::now();
        let row = participation::ActiveModel {
            id: Set(Uuid::now_v7()),
            body_id: Set(body_id),
            event: Set(v.event.clone()),
            organizer: Set(v.organizer.clone()),
            scope: Set(v.scope.as_str().into()),
            country: Set(v.country.clone()),
            city: Set(v.city.clone()),
            first_day: Set(v.first_day),
            last_day: Set(v.last_day),
            report: Set(v.report.clone()),
            report_file_id: Set(file.as_ref().map(|f| f.id)),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        for p in &v.people {
            crate::service::references::referable_person(&tx, actor, *p, "people").await?;
            participation_person::ActiveModel {
                participation_id: Set(row.id),
                person_id: Set(*p),
            }
            .insert(&tx)
            .await?;
        }
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "participation",
            row.id,
            None,
            Some(serde_json::to_value(&v)?),
        )
        .await?;
        tx.commit().await?;
        Ok(self
            .to_participations(vec![row])
            .await?
            .pop()
            .ok_or(DomainError::NotFound)?)
    }

    /// Corrects a participation (its event, dates, people, report); a new
    /// report document replaces the old one, none keeps it.
    pub async fn update_participation(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &ParticipationInput,
        report_file: Option<&Upload>,
        max_bytes: usize,
    ) -> StoreResult<Participation> {
        let v = input.validate()?;
        let tx = self.write().await?;
        let row = participation::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let l = lineage(&tx, row.body_id).await?;
        ensure(permissions::can_manage_meetings(actor, &l))?;
        let before = serde_json::to_value(&row)?;
        let file = match report_file {
            Some(u) => Some(
                store_file(&tx, actor_id(actor), u, max_bytes, Accept::Documents)
                    .await?
                    .0,
            ),
            None => None,
        };
        let mut a = row.into_active_model();
        a.event = Set(v.event.clone());
        a.organizer = Set(v.organizer.clone());
        a.scope = Set(v.scope.as_str().into());
        a.country = Set(v.country.clone());
        a.city = Set(v.city.clone());
        a.first_day = Set(v.first_day);
        a.last_day = Set(v.last_day);
        a.report = Set(v.report.clone());
        if let Some(f) = &file {
            a.report_file_id = Set(Some(f.id));
        }
        a.updated_at = Set(crate::now());
        let row = a.update(&tx).await?;
        participation_person::Entity::delete_many()
            .filter(participation_person::Column::ParticipationId.eq(id))
            .exec(&tx)
            .await?;
        for p in &v.people {
            crate::service::references::referable_person(&tx, actor, *p, "people").await?;
            participation_person::ActiveModel {
                participation_id: Set(id),
                person_id: Set(*p),
            }
            .insert(&tx)
            .await?;
        }
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "participation",
            id,
            Some(before),
            Some(serde_json::to_value(&v)?),
        )
        .await?;
        tx.commit().await?;
        Ok(self
            .to_participations(vec![row])
            .await?
            .pop()
            .ok_or(DomainError::NotFound)?)
    }

    /// Deletes a participation recorded by mistake; one whose report a
    /// meeting heard stays (the minutes refer to it).
    pub async fn delete_participation(&self, actor: &Actor, id: Uuid) -> StoreResult<Uuid> {
        let tx = self.write().await?;
        let row = participation::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let l = lineage(&tx, row.body_id).await?;
        ensure(permissions::can_manage_meetings(actor, &l))?;
        let heard = meeting_report::Entity::find()
            .filter(meeting_report::Column::ParticipationId.eq(id))
            .one(&tx)
            .await?
            .is_some();
        if heard {
            return Err(DomainError::invalid("participation_id", "participation_heard").into());
        }
        participation_person::Entity::delete_many()
            .filter(participation_person::Column::ParticipationId.eq(id))
            .exec(&tx)
            .await?;
        participation::Entity::delete_by_id(id).exec(&tx).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "delete",
            "participation",
            id,
            Some(serde_json::to_value(&row)?),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(row.body_id)
    }

    /// A body's participations, the latest first.
    pub async fn body_participations(
        &self,
        viewer: impl Into<Viewer<'_>>,
        body_id: Uuid,
        limit: u64,
    ) -> StoreResult<Vec<Participation>> {
        self.check_body(viewer.into(), body_id).await?;
        let rows = participation::Entity::find()
            .filter(participation::Column::BodyId.eq(body_id))
            .order_by_desc(participation::Column::FirstDay)
            .limit(limit)
            .all(&self.db)
            .await?;
        self.to_participations(rows).await
    }

    /// One participation, for members of its body.
    pub async fn participation(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<Participation> {
        let row = participation::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.check_body(viewer.into(), row.body_id).await?;
        Ok(self
            .to_participations(vec![row])
            .await?
            .pop()
            .ok_or(DomainError::NotFound)?)
    }

    /// The participations a person took part in, the latest first, if the
    /// viewer may see the person.
    pub async fn person_participations(
        &self,
        viewer: impl Into<Viewer<'_>>,
        person_id: Uuid,
    ) -> StoreResult<Vec<Participation>> {
        self.check_person(viewer.into(), person_id).await?;
        let ids: Vec<Uuid> = participation_person::Entity::find()
            .filter(participation_person::Column::PersonId.eq(person_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|l| l.participation_id)
            .collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let rows = participation::Entity::find()
            .filter(participation::Column::Id.is_in(ids))
            .order_by_desc(participation::Column::FirstDay)
            .all(&self.db)
            .await?;
        self.to_participations(rows).await
    }

    /// The report document of a participation, for members of its body.
    pub async fn participation_file(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<StoredFile> {
        let p = participation::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        self.check_body(viewer.into(), p.body_id).await?;
        self.file(p.report_file_id.ok_or(DomainError::NotFound)?)
            .await
    }

    /// Records that a meeting heard a report: of a participation (of the
    /// same body) or an uploaded document, or an oral report.
    pub async fn add_meeting_report(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        title: &str,
        participation_id: Option<Uuid>,
        upload: Option<&Upload>,
        max_bytes: usize,
    ) -> StoreResult<Uuid> {
        let title = check_report_title(title)?;
        let tx = self.write().await?;
        let m = record_editable(&tx, actor, meeting_id).await?;
        if let Some(pid) = participation_id {
            let p = participation::Entity::find_by_id(pid)
                .one(&tx)
                .await?
                .ok_or(DomainError::invalid("participation_id", "invalid_choice"))?;
            if p.body_id != m.body_id {
                return Err(DomainError::invalid("participation_id", "invalid_choice").into());
            }
        }
        let file = match upload {
            Some(u) => Some(
                store_file(&tx, actor_id(actor), u, max_bytes, Accept::Documents)
                    .await?
                    .0,
            ),
            None => None,
        };
        let last = meeting_report::Entity::find()
            .filter(meeting_report::Column::MeetingId.eq(meeting_id))
            .order_by_desc(meeting_report::Column::Position)
            .one(&tx)
            .await?
            .map_or(0, |r| r.position);
        let row = meeting_report::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(meeting_id),
            position: Set(last + 1),
            title: Set(title.clone()),
            participation_id: Set(participation_id),
            file_id: Set(file.as_ref().map(|f| f.id)),
            created_at: Set(crate::now()),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "meeting_report",
            row.id,
            None,
            Some(serde_json::json!({"meeting_id": meeting_id, "title": title, "participation_id": participation_id, "file": file})),
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// The reports a meeting heard, in order.
    pub async fn meeting_reports(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<Vec<MeetingReport>> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        let rows = meeting_report::Entity::find()
            .filter(meeting_report::Column::MeetingId.eq(meeting_id))
            .order_by_asc(meeting_report::Column::Position)
            .all(&self.db)
            .await?;
        let pids: Vec<Uuid> = rows.iter().filter_map(|r| r.participation_id).collect();
        let parts = if pids.is_empty() {
            Vec::new()
        } else {
            let p = participation::Entity::find()
                .filter(participation::Column::Id.is_in(pids))
                .all(&self.db)
                .await?;
            self.to_participations(p).await?
        };
        let files = self
            .file_infos(&rows.iter().filter_map(|r| r.file_id).collect::<Vec<_>>())
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| MeetingReport {
                id: r.id,
                title: r.title,
                participation: r
                    .participation_id
                    .and_then(|p| parts.iter().find(|x| x.id == p).cloned()),
                file: r
                    .file_id
                    .and_then(|f| files.iter().find(|i| i.id == f).cloned()),
            })
            .collect())
    }

    /// Attaches a document to an agenda item.
    pub async fn attach_to_agenda_item(
        &self,
        actor: &Actor,
        item_id: Uuid,
        upload: &Upload,
        max_bytes: usize,
    ) -> StoreResult<FileInfo> {
        let tx = self.write().await?;
        let item = agenda_item::Entity::find_by_id(item_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        record_editable(&tx, actor, item.meeting_id).await?;
        let (file, _) =
            store_file(&tx, actor_id(actor), upload, max_bytes, Accept::Documents).await?;
        agenda_attachment::ActiveModel {
            agenda_item_id: Set(item_id),
            file_id: Set(file.id),
        }
        .insert(&tx)
        .await?;
        audit::record(
            &tx,
            actor_id(actor),
            "attach",
            "agenda_item",
            item_id,
            None,
            Some(serde_json::to_value(&file)?),
        )
        .await?;
        tx.commit().await?;
        Ok(file)
    }

    /// The attachments of a meeting's agenda items, by item.
    pub async fn agenda_attachments(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<HashMap<Uuid, Vec<FileInfo>>> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        let items: Vec<Uuid> = agenda_item::Entity::find()
            .filter(agenda_item::Column::MeetingId.eq(meeting_id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|i| i.id)
            .collect();
        if items.is_empty() {
            return Ok(HashMap::new());
        }
        let links = agenda_attachment::Entity::find()
            .filter(agenda_attachment::Column::AgendaItemId.is_in(items))
            .all(&self.db)
            .await?;
        let files = self
            .file_infos(&links.iter().map(|l| l.file_id).collect::<Vec<_>>())
            .await?;
        let mut out: HashMap<Uuid, Vec<FileInfo>> = HashMap::new();
        for l in links {
            if let Some(f) = files.iter().find(|f| f.id == l.file_id) {
                out.entry(l.agenda_item_id).or_default().push(f.clone());
            }
        }
        Ok(out)
    }

    /// A file attached to a meeting (agenda item or report), for those who
    /// may see the meeting.
    pub async fn meeting_file(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
        file_id: Uuid,
    ) -> StoreResult<StoredFile> {
        self.check_meeting(viewer.into(), meeting_id).await?;
        let attached = self
            .agenda_attachments(Viewer::System, meeting_id)
            .await?
            .values()
            .flatten()
            .any(|f| f.id == file_id);
        let reported = meeting_report::Entity::find()
            .filter(meeting_report::Column::MeetingId.eq(meeting_id))
            .filter(meeting_report::Column::FileId.eq(file_id))
            .one(&self.db)
            .await?
            .is_some();
        if !attached && !reported {
            return Err(DomainError::NotFound.into());
        }
        self.file(file_id).await
    }
}
