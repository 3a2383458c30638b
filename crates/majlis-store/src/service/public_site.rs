//! What the public site reads, without an account: communiqués that are
//! public now (published, corrected, withdrawn — or scheduled and their
//! time has come), newest first, by year and month or by tag, one by its
//! slug with its public translations, and when the next scheduled one goes
//! public (the end of a cached page's life).

use crate::Store;
use crate::entity::communique;
use crate::error::StoreResult;
use crate::service::communiques::{Communique, to_communique};
use chrono::{DateTime, Datelike, Utc};
use majlis_domain::DomainError;
use majlis_domain::communique::{CommuniqueState, check_slug};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// Which public communiqués a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PublicFilter {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub tag: Option<String>,
    /// Lists for people show a communiqué once, not once per translation:
    /// in this language when it has one, else the newest of its group.
    pub one_per_group: Option<String>,
}

/// Most communiqués a public list reads (the archive pages through them).
const MAX_PUBLIC: u64 = 5_000;

fn public_now(now: DateTime<Utc>) -> Condition {
    Condition::any()
        .add(communique::Column::State.is_in([
            CommuniqueState::Published.as_str(),
            CommuniqueState::Corrected.as_str(),
            CommuniqueState::Withdrawn.as_str(),
        ]))
        .add(
            Condition::all()
                .add(communique::Column::State.eq(CommuniqueState::Scheduled.as_str()))
                .add(communique::Column::PublishAt.lte(now)),
        )
}

/// One communiqué of each group of translations, where the group's newest
/// stands: the one in `lang` if there is one.
fn one_per_group(all: Vec<Communique>, lang: &str) -> Vec<Communique> {
    let mut at: std::collections::HashMap<uuid::Uuid, usize> = Default::default();
    let mut out: Vec<Communique> = Vec::with_capacity(all.len());
    for c in all {
        match at.get(&c.group_id) {
            None => {
                at.insert(c.group_id, out.len());
                out.push(c);
            }
            Some(&i) => {
                if c.lang == lang && out[i].lang != lang {
                    out[i] = c;
                }
            }
        }
    }
    out
}

impl Store {
    /// Public communiqués matching `filter`, newest first: one page of
    /// `per_page` and the total.
    pub async fn public_communiques(
        &self,
        now: DateTime<Utc>,
        filter: &PublicFilter,
        page: u64,
        per_page: u64,
    ) -> StoreResult<(Vec<Communique>, u64)> {
        let rows = communique::Entity::find()
            .filter(public_now(now))
            .order_by_desc(communique::Column::PublishedAt)
            .order_by_desc(communique::Column::Id)
            .limit(MAX_PUBLIC)
            .all(&self.db)
            .await?;
        let mut all = Vec::new();
        for r in rows {
            let c = to_communique(r)?;
            let at = c.published_at.unwrap_or(c.created_at);
            let keep = filter.year.is_none_or(|y| at.year() == y)
                && filter.month.is_none_or(|m| at.month() == m)
                && filter.tag.as_ref().is_none_or(|t| c.tags.contains(t));
            if keep {
                all.push(c);
            }
        }
        if let Some(lang) = &filter.one_per_group {
            all = one_per_group(all, lang);
        }
        let total = all.len() as u64;
        let start = (page.saturating_sub(1) * per_page) as usize;
        let list = all
            .into_iter()
            .skip(start)
            .take(per_page as usize)
            .collect();
        Ok((list, total))
    }

    /// A public communiqué by its slug, with its public translations; a
    /// malformed or unknown slug, or one not public yet, is not found.
    pub async fn public_communique(
        &self,
        now: DateTime<Utc>,
        slug: &str,
    ) -> StoreResult<(Communique, Vec<Communique>)> {
        let c = self.public_by_slug(now, slug).await?;
        let translations = communique::Entity::find()
            .filter(communique::Column::GroupId.eq(c.group_id))
            .filter(communique::Column::Id.ne(c.id))
            .filter(public_now(now))
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_communique)
            .collect::<StoreResult<_>>()?;
        Ok((c, translations))
    }

    /// A public communiqué by its slug, alone (a comment form's token, a
    /// comment's language); a malformed, unknown or not yet public slug is
    /// not found.
    pub async fn public_by_slug(&self, now: DateTime<Utc>, slug: &str) -> StoreResult<Communique> {
        let slug = check_slug(slug)?;
        let row = communique::Entity::find()
            .filter(communique::Column::Slug.eq(slug))
            .filter(public_now(now))
            .one(&self.db)
            .await?
            .ok_or(DomainError::NotFound)?;
        to_communique(row)
    }

    /// The next moment a scheduled communiqué goes public, if any.
    pub async fn next_scheduled(&self, now: DateTime<Utc>) -> StoreResult<Option<DateTime<Utc>>> {
        Ok(communique::Entity::find()
            .filter(communique::Column::State.eq(CommuniqueState::Scheduled.as_str()))
            .filter(communique::Column::PublishAt.gt(now))
            .order_by_asc(communique::Column::PublishAt)
            .one(&self.db)
            .await?
            .and_then(|r| r.publish_at))
    }
}
