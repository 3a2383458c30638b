//! The public's comments under a communiqué: taken while it is public and
//! not withdrawn, held for moderation, approved, rejected or marked as spam
//! (in bulk) by those who write the body's communiqués, shown approved, 50
//! a page. The e-mail address is never kept: only its keyed hash (the key
//! is in the configuration, not the database), and so is the client's
//! address (keyed with a random salt of the day, deleted the next day). Flood limits per
//! client and per address, duplicates refused.

use crate::Store;
use crate::audit;
use crate::entity::{comment, communique};
use crate::error::StoreResult;
use crate::service::communiques::to_communique;
use crate::service::{actor_id, ensure};
use chrono::{DateTime, Duration, Utc};
use majlis_domain::comment::{CleanComment, Verdict};
use majlis_domain::{Actor, DomainError, permissions};
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde::Serialize;
use uuid::Uuid;

/// Comments a page shows.
pub const PAGE: u64 = 50;
/// Least time between two comments from one client or one address.
pub const FLOOD_SECONDS: i64 = 15;
/// Most comments from one client or one address in an hour.
pub const HOURLY_CAP: u64 = 10;
/// Most comments moderated at once.
pub const MAX_BULK: usize = 200;

/// A comment as sent, its e-mail and client already hashed by the caller.
pub struct CommentPost {
    pub comment: CleanComment,
    pub verdict: Verdict,
    pub parent_id: Option<Uuid>,
    pub email_hash: String,
    pub client_hash: String,
    pub text_hash: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentState {
    Held,
    Approved,
    Rejected,
    Spam,
}

impl CommentState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Spam => "spam",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Held, Self::Approved, Self::Rejected, Self::Spam]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// A comment as the public sees it: no e-mail, no client.
#[derive(Debug, Clone, Serialize)]
pub struct PublicComment {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub name: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
}

/// A comment as a moderator sees it (still no e-mail).
#[derive(Debug, Clone, Serialize)]
pub struct HeldComment {
    pub id: Uuid,
    pub communique_id: Uuid,
    pub communique_title: String,
    pub name: String,
    pub text: String,
    pub flagged: bool,
    pub state: CommentState,
    pub created_at: DateTime<Utc>,
}

/// What becomes of a posted comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Posted {
    /// Kept, waiting for a moderator.
    Held(Uuid),
    /// Dropped without a word (a blocked word): answered like a success.
    Dropped,
}

impl Store {
    /// Takes a comment on a public communiqué (`slug`).
    pub async fn post_comment(&self, slug: &str, post: CommentPost) -> StoreResult<Posted> {
        let now = crate::now();
        let slug = majlis_domain::communique::check_slug(slug)?;
        let row = communique::Entity::find()
            .filter(communique::Column::Slug.eq(slug))
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        let c = to_communique(row)?;
        if !c.state.public_at(c.publish_at, now) {
            return Err(DomainError::NotFound.into());
        }
        if !c.state.open_to_comments(c.publish_at, now) {
            return Err(DomainError::invalid("text", "comments_closed").into());
        }
        if post.verdict == Verdict::Dropped {
            return Ok(Posted::Dropped);
        }
        let tx = self.write().await?;
        // On PostgreSQL, one client's comments take turns (SQLite's writers
        // already do), so that the flood limits hold under a crowd.
        if sea_orm::ConnectionTrait::get_database_backend(&tx) == sea_orm::DbBackend::Postgres {
            sea_orm::ConnectionTrait::execute_raw(
                &tx,
                sea_orm::Statement::from_sql_and_values(
                    sea_orm::DbBackend::Postgres,
                    "SELECT pg_advisory_xact_lock(hashtext($1))",
                    [post.client_hash.clone().into()],
                ),
            )
            .await?;
        }
        if let Some(p) = post.parent_id {
            let parent = comment::Entity::find_by_id(p).one(&tx).await?;
            // One level of replies, to an approved comment of this communiqué.
            let ok = parent.is_some_and(|x| {
                x.communique_id == c.id && x.parent_id.is_none() && x.state == "approved"
            });
            if !ok {
                return Err(DomainError::invalid("parent_id", "invalid_choice").into());
            }
        }
        let sender = || {
            Condition::any()
                .add(comment::Column::ClientHash.eq(post.client_hash.as_str()))
                .add(comment::Column::EmailHash.eq(post.email_hash.as_str()))
        };
        let last: Option<DateTime<Utc>> = comment::Entity::find()
            .select_only()
            .column(comment::Column::CreatedAt)
            .filter(sender())
            .order_by_desc(comment::Column::CreatedAt)
            .into_tuple()
            .one(&tx)
            .await?;
        if let Some(t) = last {
            let wait = FLOOD_SECONDS - (now - t).num_seconds();
            if wait > 0 {
                return Err(DomainError::RateLimited(wait).into());
            }
        }
        let hour = comment::Entity::find()
            .filter(sender())
            .filter(comment::Column::CreatedAt.gt(now - Duration::hours(1)))
            .count(&tx)
            .await?;
        if hour >= HOURLY_CAP {
            return Err(DomainError::RateLimited(600).into());
        }
        let id = Uuid::now_v7();
        comment::Entity::insert(comment::ActiveModel {
            id: Set(id),
            communique_id: Set(c.id),
            parent_id: Set(post.parent_id),
            name: Set(post.comment.name),
            email_sealed: Set(None),
            email_hash: Set(post.email_hash),
            text: Set(post.comment.text),
            text_hash: Set(post.text_hash),
            state: Set(CommentState::Held.as_str().into()),
            flagged: Set(post.verdict == Verdict::Flagged),
            client_hash: Set(post.client_hash),
            created_at: Set(now),
            moderated_at: Set(None),
            moderated_by: Set(None),
        })
        .exec_without_returning(&tx)
        .await?;
        crate::service::comment_notices::queue_notice(&tx, c.id, now).await?;
        tx.commit().await?;
        Ok(Posted::Held(id))
    }

    /// Approved comments of a communiqué, oldest first, a page of 50, and
    /// their number.
    pub async fn public_comments(
        &self,
        communique_id: Uuid,
        page: u64,
    ) -> StoreResult<(Vec<PublicComment>, u64)> {
        let q = comment::Entity::find()
            .filter(comment::Column::CommuniqueId.eq(communique_id))
            .filter(comment::Column::State.eq(CommentState::Approved.as_str()));
        let total = q.clone().count(&self.db).await?;
        let rows = q
            .order_by_asc(comment::Column::CreatedAt)
            .order_by_asc(comment::Column::Id)
            .offset(page.saturating_sub(1) * PAGE)
            .limit(PAGE)
            .all(&self.db)
            .await?;
        Ok((
            rows.into_iter()
                .map(|r| PublicComment {
                    id: r.id,
                    parent_id: r.parent_id,
                    name: r.name,
                    text: r.text,
                    created_at: r.created_at,
                })
                .collect(),
            total,
        ))
    }

    /// The comments waiting for moderation on the communiqués of bodies
    /// the actor writes for, oldest first (at most `limit`).
    pub async fn held_comments(&self, actor: &Actor, limit: u64) -> StoreResult<Vec<HeldComment>> {
        let tree = self.body_tree().await?;
        let writable: Vec<(Uuid, String)> = communique::Entity::find()
            .all(&self.db)
            .await?
            .into_iter()
            .filter(|c| {
                tree.lineage(c.body_id)
                    .is_some_and(|l| permissions::can_write_communique(actor, &l))
            })
            .map(|c| (c.id, c.title))
            .collect();
        let titles: std::collections::HashMap<Uuid, String> = writable.iter().cloned().collect();
        let rows = comment::Entity::find()
            .filter(comment::Column::CommuniqueId.is_in(writable.iter().map(|w| w.0)))
            .filter(comment::Column::State.eq(CommentState::Held.as_str()))
            .order_by_asc(comment::Column::CreatedAt)
            .limit(limit)
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| HeldComment {
                communique_title: titles.get(&r.communique_id).cloned().unwrap_or_default(),
                id: r.id,
                communique_id: r.communique_id,
                name: r.name,
                text: r.text,
                flagged: r.flagged,
                state: CommentState::parse(&r.state).unwrap_or(CommentState::Held),
                created_at: r.created_at,
            })
            .collect())
    }

    /// Approves, rejects or marks as spam several comments at once; only
    /// those of communiqués the actor writes for. Returns how many changed.
    pub async fn moderate_comments(
        &self,
        actor: &Actor,
        ids: &[Uuid],
        to: CommentState,
    ) -> StoreResult<u64> {
        if ids.len() > MAX_BULK {
            return Err(DomainError::invalid("ids", "too_many").into());
        }
        if to == CommentState::Held {
            return Err(DomainError::invalid("action", "invalid_choice").into());
        }
        let tree = self.body_tree().await?;
        let rows = comment::Entity::find()
            .filter(comment::Column::Id.is_in(ids.iter().copied()))
            .all(&self.db)
            .await?;
        let owners: Vec<Uuid> = rows.iter().map(|r| r.communique_id).collect();
        let bodies: std::collections::HashMap<Uuid, Uuid> = communique::Entity::find()
            .filter(communique::Column::Id.is_in(owners))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|c| (c.id, c.body_id))
            .collect();
        for r in &rows {
            let allowed = bodies
                .get(&r.communique_id)
                .and_then(|b| tree.lineage(*b))
                .is_some_and(|l| permissions::can_write_communique(actor, &l));
            ensure(allowed)?;
        }
        let tx = self.write().await?;
        let now = crate::now();
        let done = comment::Entity::update_many()
            .col_expr(
                comment::Column::State,
                sea_orm::sea_query::Expr::value(to.as_str()),
            )
            .col_expr(
                comment::Column::ModeratedAt,
                sea_orm::sea_query::Expr::value(now),
            )
            .col_expr(
                comment::Column::ModeratedBy,
                sea_orm::sea_query::Expr::value(actor_id(actor)),
            )
            .filter(comment::Column::Id.is_in(rows.iter().map(|r| r.id)))
            .exec(&tx)
            .await?
            .rows_affected;
        audit::record(
            &tx,
            actor_id(actor),
            to.as_str(),
            "comments",
            Uuid::nil(),
            None,
            Some(serde_json::json!({"ids": rows.iter().map(|r| r.id).collect::<Vec<_>>()})),
        )
        .await?;
        self.touch_site(&tx).await?;
        tx.commit().await?;
        Ok(done)
    }
}
