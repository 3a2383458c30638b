//! Telling moderators that comments wait: one notice per communiqué per
//! hour at most (queued with the first comment held in that hour, sent a
//! few minutes later so that a burst makes one e-mail), to the issuing
//! body's chair and secretary.

use crate::Store;
use crate::entity::{comment, communique};
use crate::error::StoreResult;
use crate::service::communiques::{Communique, to_communique};
use crate::service::jobs::{JobKind, NewJob, enqueue};
use chrono::{DateTime, Utc};
use majlis_domain::membership::Role;
use majlis_domain::{DomainError, Person, Viewer};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Minutes between the first held comment and the notice.
pub const NOTICE_DELAY_MINUTES: i64 = 5;

/// Comments wait for moderation under a communiqué.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentsHeld {
    pub communique_id: Uuid,
    pub at: DateTime<Utc>,
}

impl JobKind for CommentsHeld {
    const KIND: &'static str = "comments_held";
}

/// Queues the notice for this hour (once) in the caller's transaction.
pub(crate) async fn queue_notice<C: ConnectionTrait>(
    c: &C,
    communique_id: Uuid,
    now: DateTime<Utc>,
) -> StoreResult<()> {
    let task = NewJob::of(&CommentsHeld {
        communique_id,
        at: now,
    })?;
    let key = format!(
        "comments_held:{communique_id}:{}",
        now.format("%Y-%m-%dT%H")
    );
    let run_at = now + chrono::Duration::minutes(NOTICE_DELAY_MINUTES);
    enqueue(c, &task, run_at, Some(communique_id), Some(key)).await
}

impl Store {
    /// A communiqué, how many comments wait under it, and who moderates it
    /// (the issuing body's chair and secretary, current).
    pub async fn comment_moderators(
        &self,
        communique_id: Uuid,
    ) -> StoreResult<(Communique, u64, Vec<Person>)> {
        let row = communique::Entity::find_by_id(communique_id)
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let c = to_communique(row)?;
        let held = comment::Entity::find()
            .filter(comment::Column::CommuniqueId.eq(communique_id))
            .filter(comment::Column::State.eq("held"))
            .count(&self.db)
            .await?;
        let tz = self.zone().await?;
        let today = crate::now().with_timezone(&tz).date_naive();
        let people = self
            .body_members(Viewer::System, c.body_id)
            .await?
            .into_iter()
            .filter(|m| m.membership.is_current(today))
            .filter(|m| matches!(m.membership.role.as_str(), Role::CHAIR | Role::SECRETARY))
            .map(|m| m.person)
            .collect();
        Ok((c, held, people))
    }
}
