//! Communiqués: drafted by those who run a body (from a meeting's record or
//! from scratch, in Arabic, French or English, translations linked), sent
//! for review, approved by the body's chair or secretary, published at once
//! or at a set time, corrected (the old text kept in the revisions) and
//! withdrawn (still answering, saying so). Every change audited; the
//! public reads only what `CommuniqueState::public_at` allows.

use crate::Store;
use crate::audit;
use crate::entity::{communique, communique_revision};
use crate::error::{StoreError, StoreResult};
use crate::service::{actor_id, ensure, ensure_viewer};
use chrono::{DateTime, Utc};
use majlis_domain::communique::{
    CommuniqueAction, CommuniqueInput, CommuniqueState, ValidCommunique, transition,
};
use majlis_domain::{Actor, DomainError, Viewer, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;
use uuid::Uuid;

#[derive(Debug, Clone, Serialize)]
pub struct Communique {
    pub id: Uuid,
    pub body_id: Uuid,
    pub meeting_id: Option<Uuid>,
    /// Shared by a communiqué and its translations.
    pub group_id: Uuid,
    pub lang: String,
    pub title: String,
    pub slug: String,
    pub body: String,
    pub tags: Vec<String>,
    pub state: CommuniqueState,
    pub publish_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub corrected_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub withdrawal_note: Option<String>,
    pub author_id: Option<Uuid>,
    pub approved_by: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A communiqué's text after an action.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub title: String,
    pub body: String,
    pub note: Option<String>,
}

pub(crate) fn to_communique(m: communique::Model) -> StoreResult<Communique> {
    let internal = |what: &str| StoreError::Internal(format!("communique {}: {what}", m.id));
    Ok(Communique {
        state: CommuniqueState::parse(&m.state).ok_or_else(|| internal("state"))?,
        tags: serde_json::from_str(&m.tags).map_err(|_| internal("tags"))?,
        id: m.id,
        body_id: m.body_id,
        meeting_id: m.meeting_id,
        group_id: m.group_id,
        lang: m.lang,
        title: m.title,
        slug: m.slug,
        body: m.body,
        publish_at: m.publish_at,
        published_at: m.published_at,
        corrected_at: m.corrected_at,
        withdrawn_at: m.withdrawn_at,
        withdrawal_note: m.withdrawal_note,
        author_id: m.author_id,
        approved_by: m.approved_by,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    })
}

/// Longest note of an erratum or a withdrawal.
pub const MAX_NOTE: usize = 2_000;

async fn revision<C: ConnectionTrait>(
    c: &C,
    actor: &Actor,
    m: &communique::Model,
    action: &str,
    note: Option<String>,
) -> StoreResult<()> {
    communique_revision::ActiveModel {
        id: Set(Uuid::now_v7()),
        communique_id: Set(m.id),
        at: Set(crate::now()),
        actor_id: Set(actor_id(actor)),
        action: Set(action.into()),
        title: Set(m.title.clone()),
        body: Set(m.body.clone()),
        note: Set(note),
    }
    .insert(c)
    .await?;
    Ok(())
}

/// A slug not yet taken: the wanted one, else with `-2`, `-3`…
async fn free_slug<C: ConnectionTrait>(
    c: &C,
    wanted: &str,
    own: Option<Uuid>,
) -> StoreResult<String> {
    for n in 1..1000 {
        let slug = if n == 1 {
            wanted.to_string()
        } else {
            format!("{wanted}-{n}")
        };
        let taken = communique::Entity::find()
            .filter(communique::Column::Slug.eq(&slug))
            .one(c)
            .await?;
        if taken.is_none_or(|t| Some(t.id) == own) {
            return Ok(slug);
        }
    }
    Err(DomainError::invalid("slug", "taken").into())
}

fn clean_note(note: Option<&str>) -> StoreResult<Option<String>> {
    let note = note
        .map(majlis_domain::validation::clean)
        .filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > MAX_NOTE) {
        return Err(DomainError::invalid("note", "too_long").into());
    }
    Ok(note)
}

impl Store {
    /// A communiqué's row and the lineage of its body.
    async fn communique_row(&self, id: Uuid) -> StoreResult<communique::Model> {
        communique::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .ok_or_else(|| DomainError::NotFound.into())
    }

    /// A new draft in the name of `body_id`, reporting on `meeting_id` if
    /// given, as a translation of `translation_of` if given (same body).
    pub async fn create_communique(
        &self,
        actor: &Actor,
        body_id: Uuid,
        meeting_id: Option<Uuid>,
        translation_of: Option<Uuid>,
        input: &CommuniqueInput,
    ) -> StoreResult<Communique> {
        let v: ValidCommunique = input.validate()?;
        let lineage = self.lineage(body_id).await?;
        ensure(permissions::can_write_communique(actor, &lineage))?;
        let group_id = match translation_of {
            Some(t) => {
                let original = self.communique_row(t).await?;
                if original.body_id != body_id {
                    return Err(DomainError::invalid("translation_of", "not_this_body").into());
                }
                original.group_id
            }
            None => Uuid::now_v7(),
        };
        if let Some(m) = meeting_id {
            let (meeting, _, _) = self.visible_meeting(actor, m).await?;
            if meeting.body_id != body_id {
                return Err(DomainError::invalid("meeting_id", "not_this_body").into());
            }
        }
        let tx = self.write().await?;
        let slug = free_slug(&tx, &v.slug, None).await?;
        let now = crate::now();
        let id = if translation_of.is_none() {
            group_id
        } else {
            Uuid::now_v7()
        };
        let row = communique::ActiveModel {
            id: Set(id),
            body_id: Set(body_id),
            meeting_id: Set(meeting_id),
            group_id: Set(group_id),
            lang: Set(v.lang),
            title: Set(v.title),
            slug: Set(slug),
            body: Set(v.body),
            tags: Set(serde_json::to_string(&v.tags)?),
            state: Set(CommuniqueState::Draft.as_str().into()),
            publish_at: Set(None),
            published_at: Set(None),
            corrected_at: Set(None),
            withdrawn_at: Set(None),
            withdrawal_note: Set(None),
            author_id: Set(actor_id(actor)),
            approved_by: Set(None),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        revision(&tx, actor, &row, "create", None).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "create",
            "communique",
            row.id,
            None,
            Some(serde_json::json!({"title": row.title, "lang": row.lang})),
        )
        .await?;
        self.touch_site(&tx).await?;
        tx.commit().await?;
        to_communique(row)
    }

    /// Changes a communiqué's text. A draft or one in review changes
    /// freely; a published one only as an erratum (`note` required, the
    /// old text kept, the page says it was corrected). `expected` is the
    /// version read: a communiqué changed since is refused (`Stale`).
    pub async fn edit_communique(
        &self,
        actor: &Actor,
        id: Uuid,
        input: &CommuniqueInput,
        expected: Option<i32>,
        note: Option<&str>,
    ) -> StoreResult<Communique> {
        let v = input.validate()?;
        let note = clean_note(note)?;
        let row = self.communique_row(id).await?;
        let lineage = self.lineage(row.body_id).await?;
        ensure(permissions::can_write_communique(actor, &lineage))?;
        let state = to_communique(row.clone())?.state;
        let erratum = matches!(
            state,
            CommuniqueState::Published | CommuniqueState::Corrected
        );
        if erratum {
            ensure(permissions::can_approve_communique(actor, row.body_id))?;
            transition(state, CommuniqueAction::Correct)?;
            if note.is_none() {
                return Err(DomainError::invalid("note", "required").into());
            }
        } else if !state.editable() {
            return Err(DomainError::invalid("state", "communique_locked").into());
        }
        let tx = self.write().await?;
        let current = communique::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if current.version != row.version || expected.is_some_and(|e| e != row.version) {
            return Err(DomainError::Stale.into());
        }
        if erratum {
            // The text as it stood before the erratum stays readable.
            revision(&tx, actor, &current, "before_correction", None).await?;
        }
        let slug = if current.state == CommuniqueState::Draft.as_str() {
            free_slug(&tx, &v.slug, Some(id)).await?
        } else {
            current.slug.clone()
        };
        let now = crate::now();
        let mut a = current.clone().into_active_model();
        a.title = Set(v.title);
        a.body = Set(v.body);
        a.lang = Set(v.lang);
        a.slug = Set(slug);
        a.tags = Set(serde_json::to_string(&v.tags)?);
        a.version = Set(current.version + 1);
        a.updated_at = Set(now);
        if erratum {
            a.state = Set(CommuniqueState::Corrected.as_str().into());
            a.corrected_at = Set(Some(now));
        }
        let saved = match communique::Entity::update(a)
            .validate()?
            .filter(communique::Column::Version.eq(current.version))
            .exec(&tx)
            .await
        {
            Ok(m) => m,
            Err(sea_orm::DbErr::RecordNotUpdated) => return Err(DomainError::Stale.into()),
            Err(e) => return Err(e.into()),
        };
        let action = if erratum { "correct" } else { "edit" };
        revision(&tx, actor, &saved, action, note).await?;
        audit::record(
            &tx,
            actor_id(actor),
            action,
            "communique",
            id,
            Some(serde_json::json!({"version": current.version})),
            Some(serde_json::json!({"version": saved.version})),
        )
        .await?;
        self.touch_site(&tx).await?;
        tx.commit().await?;
        to_communique(saved)
    }

    /// Moves a communiqué along its life: submit and reject by those who
    /// write it, the rest by the body's chair or secretary. `publish_at`
    /// for `Schedule` (in the future), `note` for `Withdraw` (required).
    pub async fn communique_action(
        &self,
        actor: &Actor,
        id: Uuid,
        action: CommuniqueAction,
        publish_at: Option<DateTime<Utc>>,
        note: Option<&str>,
    ) -> StoreResult<Communique> {
        let note = clean_note(note)?;
        let row = self.communique_row(id).await?;
        let lineage = self.lineage(row.body_id).await?;
        let allowed = if action.needs_approver() {
            permissions::can_approve_communique(actor, row.body_id)
        } else {
            permissions::can_write_communique(actor, &lineage)
        };
        ensure(allowed)?;
        let now = crate::now();
        if action == CommuniqueAction::Correct {
            return Err(DomainError::invalid("action", "invalid_choice").into());
        }
        if action == CommuniqueAction::Schedule && publish_at.is_none_or(|t| t <= now) {
            return Err(DomainError::invalid("publish_at", "in_the_past").into());
        }
        if action == CommuniqueAction::Withdraw && note.is_none() {
            return Err(DomainError::invalid("note", "required").into());
        }
        let tx = self.write().await?;
        let current = communique::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let from = to_communique(current.clone())?.state;
        let to = transition(from, action)?;
        let mut a = current.clone().into_active_model();
        a.state = Set(to.as_str().into());
        a.version = Set(current.version + 1);
        a.updated_at = Set(now);
        match action {
            CommuniqueAction::Approve => a.approved_by = Set(actor_id(actor)),
            CommuniqueAction::Publish => {
                a.published_at = Set(Some(now));
                a.publish_at = Set(None);
            }
            CommuniqueAction::Schedule => {
                a.publish_at = Set(publish_at);
                a.published_at = Set(publish_at);
            }
            CommuniqueAction::Unschedule => {
                a.publish_at = Set(None);
                a.published_at = Set(None);
            }
            CommuniqueAction::Withdraw => {
                a.withdrawn_at = Set(Some(now));
                a.withdrawal_note = Set(note.clone());
            }
            _ => {}
        }
        let saved = match communique::Entity::update(a)
            .validate()?
            .filter(communique::Column::Version.eq(current.version))
            .exec(&tx)
            .await
        {
            Ok(m) => m,
            Err(sea_orm::DbErr::RecordNotUpdated) => return Err(DomainError::Stale.into()),
            Err(e) => return Err(e.into()),
        };
        revision(&tx, actor, &saved, to.as_str(), note).await?;
        audit::record(
            &tx,
            actor_id(actor),
            to.as_str(),
            "communique",
            id,
            Some(serde_json::json!({"state": from})),
            Some(serde_json::json!({"state": to})),
        )
        .await?;
        self.touch_site(&tx).await?;
        tx.commit().await?;
        to_communique(saved)
    }

    /// A communiqué for those who may see its body, with its revisions
    /// (newest first) and its translations.
    pub async fn communique(
        &self,
        viewer: impl Into<Viewer<'_>>,
        id: Uuid,
    ) -> StoreResult<(Communique, Vec<Revision>, Vec<Communique>)> {
        let row = self.communique_row(id).await?;
        let lineage = self.lineage(row.body_id).await?;
        ensure_viewer(viewer.into(), |a| permissions::can_view_body(a, &lineage))?;
        let revisions = communique_revision::Entity::find()
            .filter(communique_revision::Column::CommuniqueId.eq(id))
            .order_by_desc(communique_revision::Column::At)
            .all(&self.db)
            .await?
            .into_iter()
            .map(|r| Revision {
                at: r.at,
                actor_id: r.actor_id,
                action: r.action,
                title: r.title,
                body: r.body,
                note: r.note,
            })
            .collect();
        let translations = communique::Entity::find()
            .filter(communique::Column::GroupId.eq(row.group_id))
            .filter(communique::Column::Id.ne(id))
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_communique)
            .collect::<StoreResult<_>>()?;
        Ok((to_communique(row)?, revisions, translations))
    }

    /// The communiqués of the bodies the viewer may see, newest first (at
    /// most `limit`).
    pub async fn communiques(
        &self,
        viewer: impl Into<Viewer<'_>>,
        limit: usize,
    ) -> StoreResult<Vec<Communique>> {
        let viewer = viewer.into();
        let tree = self.body_tree().await?;
        let rows = communique::Entity::find()
            .order_by_desc(communique::Column::UpdatedAt)
            .all(&self.db)
            .await?;
        let mut out = Vec::new();
        for r in rows {
            let visible = tree
                .lineage(r.body_id)
                .is_some_and(|l| viewer.allows(|a| permissions::can_view_body(a, &l)));
            if visible {
                out.push(to_communique(r)?);
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }
}
