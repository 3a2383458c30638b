//! Minutes (محضر) of a meeting: an overall text and one text per agenda item,
//! saved with optimistic locking (a version number that every save must
//! start from), approved once and then locked. Also the carry-over of agenda
//! items to a later meeting.

use crate::entity::{account, agenda_item, meeting, minutes, person};
use crate::error::StoreResult;
use crate::service::meetings::{
    AgendaItem, append_item, local_now, managed, record_editable, to_item, to_meeting,
};
use crate::service::{actor_id, ensure_viewer};
use crate::{Store, audit};
use chrono::{DateTime, Utc};
use majlis_domain::meeting::{Meeting, MeetingStatus};
use majlis_domain::minutes::{MinutesInput, MinutesStatus, check_approve, check_minutes_edit};
use majlis_domain::{Actor, DomainError, Viewer, permissions};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// A meeting's minutes as read: the meeting, its agenda with each item's
/// text, the overall text, the version to edit from, and the approval.
#[derive(Debug, Clone, Serialize)]
pub struct Minutes {
    pub meeting: Meeting,
    pub status: MinutesStatus,
    pub version: i32,
    pub overall: Option<String>,
    pub items: Vec<AgendaItem>,
    pub updated_at: Option<DateTime<Utc>>,
    pub approved_at: Option<DateTime<Utc>>,
    /// The approver's name (their person's, else their login).
    pub approved_by: Option<String>,
}

impl Minutes {
    pub fn approved(&self) -> bool {
        self.status == MinutesStatus::Approved
    }

    pub fn is_empty(&self) -> bool {
        self.overall.is_none() && self.items.iter().all(|i| i.minutes.is_none())
    }
}

/// The names of accounts (their person's, else their login), by account.
pub(crate) async fn account_names<C: ConnectionTrait>(
    c: &C,
    ids: &[Uuid],
) -> StoreResult<HashMap<Uuid, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let accounts = account::Entity::find()
        .filter(account::Column::Id.is_in(ids.iter().copied()))
        .all(c)
        .await?;
    let people: HashMap<Uuid, String> = person::Entity::find()
        .filter(person::Column::Id.is_in(accounts.iter().filter_map(|a| a.person_id)))
        .all(c)
        .await?
        .into_iter()
        .map(|p| (p.id, p.full_name_ar))
        .collect();
    Ok(accounts
        .into_iter()
        .map(|a| {
            let name = a
                .person_id
                .and_then(|p| people.get(&p).cloned())
                .unwrap_or(a.username);
            (a.id, name)
        })
        .collect())
}

async fn read<C: ConnectionTrait>(
    c: &C,
    m: meeting::Model,
    tz: chrono_tz::Tz,
) -> StoreResult<Minutes> {
    let row = minutes::Entity::find_by_id(m.id).one(c).await?;
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(m.id))
        .order_by_asc(agenda_item::Column::Position)
        .all(c)
        .await?
        .into_iter()
        .map(to_item)
        .collect();
    let meeting = to_meeting(m, tz)?;
    Ok(match row {
        None => Minutes {
            meeting,
            status: MinutesStatus::Draft,
            version: 0,
            overall: None,
            items,
            updated_at: None,
            approved_at: None,
            approved_by: None,
        },
        Some(r) => Minutes {
            meeting,
            status: crate::convert::stored(
                MinutesStatus::parse(&r.status),
                "MinutesStatus",
                &r.status,
            )?,
            version: r.version,
            overall: r.overall,
            items,
            updated_at: Some(r.updated_at),
            approved_at: r.approved_at,
            approved_by: match r.approved_by {
                Some(a) => account_names(c, &[a]).await?.remove(&a),
                None => None,
            },
        },
    })
}

impl Store {
    /// The minutes of a meeting, if the actor may read them: drafts for those
    /// who run the body's meetings, approved minutes for its members.
    pub async fn minutes(
        &self,
        viewer: impl Into<Viewer<'_>>,
        meeting_id: Uuid,
    ) -> StoreResult<Minutes> {
        let viewer = viewer.into();
        let tz = self.zone().await?;
        let m = meeting::Entity::find_by_id(meeting_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let l = self.lineage(m.body_id).await?;
        ensure_viewer(viewer, |a| permissions::can_view_body(a, &l))?;
        let out = read(&self.db, m, tz).await?;
        ensure_viewer(viewer, |a| {
            permissions::can_read_minutes(a, &l, out.approved())
        })?;
        Ok(out)
    }

    /// Saves the minutes from the version the editor started from; a save
    /// from an older version (someone else saved meanwhile) is refused with
    /// [`DomainError::Stale`] and nothing is written.
    pub async fn save_minutes(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        input: &MinutesInput,
    ) -> StoreResult<Minutes> {
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let m = managed(&tx, actor, meeting_id).await?;
        let before = read(&tx, m.clone(), tz).await?;
        check_minutes_edit(before.status, input.version, before.version)?;
        let agenda: Vec<Uuid> = before.items.iter().map(|i| i.id).collect();
        let (overall, items) = input.validate(&agenda)?;
        let now = crate::now();
        if before.version == 0 && before.updated_at.is_none() {
            minutes::ActiveModel {
                meeting_id: Set(meeting_id),
                overall: Set(overall),
                status: Set(MinutesStatus::Draft.as_str().into()),
                version: Set(1),
                updated_by: Set(actor_id(actor)),
                updated_at: Set(now),
                approved_by: Set(None),
                approved_at: Set(None),
            }
            .insert(&tx)
            .await
            .map_err(|_| DomainError::Stale)?;
        } else {
            // The version check again, inside the UPDATE: of two concurrent
            // saves from the same version exactly one matches.
            let done = minutes::Entity::update_many()
                .col_expr(minutes::Column::Overall, Expr::value(overall))
                .col_expr(minutes::Column::Version, Expr::value(input.version + 1))
                .col_expr(minutes::Column::UpdatedBy, Expr::value(actor_id(actor)))
                .col_expr(minutes::Column::UpdatedAt, Expr::value(now))
                .filter(minutes::Column::MeetingId.eq(meeting_id))
                .filter(minutes::Column::Version.eq(input.version))
                .filter(minutes::Column::Status.eq(MinutesStatus::Draft.as_str()))
                .exec(&tx)
                .await?;
            if done.rows_affected != 1 {
                return Err(DomainError::Stale.into());
            }
        }
        for i in &items {
            agenda_item::Entity::update_many()
                .col_expr(agenda_item::Column::Minutes, Expr::value(i.text.clone()))
                .filter(agenda_item::Column::Id.eq(i.agenda_item_id))
                .exec(&tx)
                .await?;
        }
        let after = read(&tx, m, tz).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "update",
            "minutes",
            meeting_id,
            Some(serde_json::json!({"version": before.version, "overall": before.overall})),
            Some(serde_json::json!({"version": after.version, "overall": after.overall, "items": items})),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Approves the minutes as read at `version`; from then on they are
    /// locked and members of the body can read them.
    pub async fn approve_minutes(
        &self,
        actor: &Actor,
        meeting_id: Uuid,
        version: i32,
    ) -> StoreResult<Minutes> {
        let tz = self.zone().await?;
        let tx = self.write().await?;
        let m = managed(&tx, actor, meeting_id).await?;
        let status = MeetingStatus::parse(&m.status).ok_or_else(|| {
            crate::StoreError::Internal(format!(
                "meeting {meeting_id}: unknown status {}",
                m.status
            ))
        })?;
        let before = read(&tx, m.clone(), tz).await?;
        check_approve(
            status,
            m.starts_at.with_timezone(&tz).naive_local(),
            local_now(tz),
            before.status,
            version,
            before.version,
            !before.is_empty(),
        )?;
        let now = crate::now();
        let done = minutes::Entity::update_many()
            .col_expr(
                minutes::Column::Status,
                Expr::value(MinutesStatus::Approved.as_str()),
            )
            .col_expr(minutes::Column::ApprovedBy, Expr::value(actor_id(actor)))
            .col_expr(minutes::Column::ApprovedAt, Expr::value(now))
            .filter(minutes::Column::MeetingId.eq(meeting_id))
            .filter(minutes::Column::Version.eq(version))
            .filter(minutes::Column::Status.eq(MinutesStatus::Draft.as_str()))
            .exec(&tx)
            .await?;
        if done.rows_affected != 1 {
            return Err(DomainError::Stale.into());
        }
        audit::record(
            &tx,
            actor_id(actor),
            "approve",
            "minutes",
            meeting_id,
            Some(serde_json::json!({"status": "draft", "version": version})),
            Some(serde_json::json!({"status": "approved", "version": version})),
        )
        .await?;
        let after = read(&tx, m, tz).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Carries an agenda item over to a later meeting of the same body (an
    /// item not reached, or to be followed up): a copy at the end of that
    /// meeting's agenda, pointing back to the original.
    pub async fn carry_over_item(
        &self,
        actor: &Actor,
        item_id: Uuid,
        to_meeting_id: Uuid,
    ) -> StoreResult<AgendaItem> {
        let tx = self.write().await?;
        let item = agenda_item::Entity::find_by_id(item_id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let from = record_editable(&tx, actor, item.meeting_id).await?;
        let to = record_editable(&tx, actor, to_meeting_id).await?;
        if to.body_id != from.body_id || to.starts_at <= from.starts_at {
            return Err(DomainError::invalid("meeting_id", "not_a_later_meeting").into());
        }
        let to_status = crate::convert::stored(
            MeetingStatus::parse(&to.status),
            "MeetingStatus",
            &to.status,
        )?;
        if to_status != MeetingStatus::Planned {
            return Err(DomainError::invalid("meeting_id", "meeting_not_planned").into());
        }
        let row = append_item(
            &tx,
            to_meeting_id,
            agenda_item::ActiveModel {
                title: Set(item.title.clone()),
                presenter_id: Set(item.presenter_id),
                planned_minutes: Set(item.planned_minutes),
                description: Set(item.description.clone()),
                carried_from: Set(Some(item.id)),
                ..Default::default()
            },
        )
        .await?;
        let out = to_item(row);
        audit::record(
            &tx,
            actor_id(actor),
            "carry_over",
            "agenda_item",
            out.id,
            None,
            Some(serde_json::to_value(&out)?),
        )
        .await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Later planned meetings of the same body (targets of a carry-over).
    pub async fn later_meetings(&self, meeting_id: Uuid) -> StoreResult<Vec<Meeting>> {
        let tz = self.zone().await?;
        let m = meeting::Entity::find_by_id(meeting_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let rows = meeting::Entity::find()
            .filter(meeting::Column::BodyId.eq(m.body_id))
            .filter(meeting::Column::StartsAt.gt(m.starts_at))
            .filter(meeting::Column::Status.eq(MeetingStatus::Planned.as_str()))
            .order_by_asc(meeting::Column::StartsAt)
            .all(&self.db)
            .await?;
        rows.into_iter().map(|r| to_meeting(r, tz)).collect()
    }
}
