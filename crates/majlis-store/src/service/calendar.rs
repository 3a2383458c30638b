//! Calendars: the meetings and council sessions an account may see over a
//! range of days (the month view, the agenda), and secret, revocable
//! iCalendar feed addresses (personal, or of one body).

use crate::entity::{body, calendar_feed, council_session, meeting};
use crate::error::StoreResult;
use crate::service::accounts::{random_token, sha256_hex};
use crate::service::ensure;
use crate::service::meetings::{to_meeting, to_utc};
use crate::service::sessions::{CouncilSession, to_session};
use crate::{Account, Store, audit};
use chrono::{DateTime, NaiveDate, Utc};
use majlis_domain::meeting::Meeting;
use majlis_domain::{Actor, DomainError, permissions};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

/// Most events one calendar query returns.
pub const MAX_EVENTS: u64 = 2_000;

/// What a calendar shows over some days.
#[derive(Debug, Clone, Serialize)]
pub struct CalendarRange {
    pub meetings: Vec<(Meeting, String)>,
    pub sessions: Vec<(CouncilSession, String)>,
    /// Campaign deadlines: the campaign, the calendar's body it concerns
    /// (a target, or the issuer) and that body's name.
    pub deadlines: Vec<(crate::service::campaigns::Campaign, Uuid, String)>,
}

/// A feed address as listed (its secret is shown once, at creation).
#[derive(Debug, Clone, Serialize)]
pub struct CalendarFeed {
    pub id: Uuid,
    pub body_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

fn to_feed(m: calendar_feed::Model) -> CalendarFeed {
    CalendarFeed {
        id: m.id,
        body_id: m.body_id,
        created_at: m.created_at,
        revoked_at: m.revoked_at,
    }
}

impl Store {
    /// The bodies a calendar covers: one body the actor may see, or all the
    /// bodies the actor belongs to.
    async fn calendar_bodies(&self, actor: &Actor, body: Option<Uuid>) -> StoreResult<Vec<Uuid>> {
        match body {
            Some(b) => {
                let l = self.lineage(b).await?;
                ensure(permissions::can_view_body(actor, &l))?;
                Ok(vec![b])
            }
            None => {
                let mut ids: Vec<Uuid> = actor.roles.iter().map(|r| r.body_id).collect();
                ids.sort();
                ids.dedup();
                Ok(ids)
            }
        }
    }

    /// Running and closed campaigns due in `[from, to)` that target one of
    /// `bodies` or were issued by one of them, with that body.
    async fn deadlines(
        &self,
        bodies: &[Uuid],
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<Vec<(crate::service::campaigns::Campaign, Uuid)>> {
        use crate::entity::{campaign, campaign_target};
        let rows = campaign::Entity::find()
            .filter(campaign::Column::DueOn.gte(from))
            .filter(campaign::Column::DueOn.lt(to))
            .filter(
                campaign::Column::State.ne(majlis_domain::campaign::CampaignState::Draft.as_str()),
            )
            .limit(MAX_EVENTS)
            .all(&self.db)
            .await?;
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let targets: HashMap<Uuid, Uuid> = campaign_target::Entity::find()
            .filter(campaign_target::Column::CampaignId.is_in(rows.iter().map(|c| c.id)))
            .filter(campaign_target::Column::BodyId.is_in(bodies.iter().copied()))
            .all(&self.db)
            .await?
            .into_iter()
            .map(|t| (t.campaign_id, t.body_id))
            .collect();
        let mut out = Vec::new();
        for row in rows {
            let body = targets.get(&row.id).copied().or_else(|| {
                bodies
                    .contains(&row.issuing_body_id)
                    .then_some(row.issuing_body_id)
            });
            if let Some(b) = body {
                out.push((crate::service::campaigns::to_campaign(row)?, b));
            }
        }
        out.sort_by_key(|(c, _)| c.due_on);
        Ok(out)
    }

    /// Meetings starting in `[from, to)` (local days) and sessions overlapping
    /// them, of the bodies the calendar covers, in time order.
    pub async fn calendar(
        &self,
        actor: &Actor,
        body: Option<Uuid>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> StoreResult<CalendarRange> {
        let tz = self.zone().await?;
        let bodies = self.calendar_bodies(actor, body).await?;
        if bodies.is_empty() {
            return Ok(CalendarRange {
                meetings: Vec::new(),
                sessions: Vec::new(),
                deadlines: Vec::new(),
            });
        }
        let start = to_utc(tz, from.and_hms_opt(0, 0, 0).unwrap_or_default());
        let end = to_utc(tz, to.and_hms_opt(0, 0, 0).unwrap_or_default());
        let rows = meeting::Entity::find()
            .filter(meeting::Column::BodyId.is_in(bodies.iter().copied()))
            .filter(meeting::Column::StartsAt.gte(start))
            .filter(meeting::Column::StartsAt.lt(end))
            .order_by_asc(meeting::Column::StartsAt)
            .limit(MAX_EVENTS)
            .all(&self.db)
            .await?;
        let sessions = council_session::Entity::find()
            .filter(council_session::Column::BodyId.is_in(bodies.iter().copied()))
            .filter(council_session::Column::FirstDay.lt(to))
            .filter(council_session::Column::LastDay.gte(from))
            .order_by_asc(council_session::Column::FirstDay)
            .limit(MAX_EVENTS)
            .all(&self.db)
            .await?;
        let names: HashMap<Uuid, String> = body::Entity::find()
            .select_only()
            .column(body::Column::Id)
            .column(body::Column::NameAr)
            .filter(body::Column::Id.is_in(bodies.iter().copied()))
            .into_tuple::<(Uuid, String)>()
            .all(&self.db)
            .await?
            .into_iter()
            .collect();
        let name = |id: Uuid| names.get(&id).cloned().unwrap_or_default();
        let deadlines = self.deadlines(&bodies, from, to).await?;
        Ok(CalendarRange {
            deadlines: deadlines
                .into_iter()
                .map(|(c, b)| {
                    let n = name(b);
                    (c, b, n)
                })
                .collect(),
            meetings: rows
                .into_iter()
                .map(|m| {
                    let n = name(m.body_id);
                    Ok((to_meeting(m, tz)?, n))
                })
                .collect::<StoreResult<_>>()?,
            sessions: sessions
                .into_iter()
                .map(|s| {
                    let n = name(s.body_id);
                    (to_session(s), n)
                })
                .collect(),
        })
    }

    /// A new secret feed address for the account (all its bodies, or one
    /// body it may see); the secret is returned once.
    pub async fn create_feed(
        &self,
        actor: &Actor,
        body: Option<Uuid>,
    ) -> StoreResult<(CalendarFeed, String)> {
        self.calendar_bodies(actor, body).await?;
        let secret = random_token(24);
        let tx = self.write().await?;
        let row = calendar_feed::ActiveModel {
            id: Set(Uuid::now_v7()),
            token_hash: Set(sha256_hex(&secret)),
            account_id: Set(actor.account_id),
            body_id: Set(body),
            created_at: Set(crate::now()),
            revoked_at: Set(None),
        }
        .insert(&tx)
        .await?;
        let feed = to_feed(row);
        audit::record(
            &tx,
            Some(actor.account_id),
            "create",
            "calendar_feed",
            feed.id,
            None,
            Some(serde_json::to_value(&feed)?),
        )
        .await?;
        tx.commit().await?;
        Ok((feed, secret))
    }

    pub async fn feeds(&self, account_id: Uuid) -> StoreResult<Vec<CalendarFeed>> {
        Ok(calendar_feed::Entity::find()
            .filter(calendar_feed::Column::AccountId.eq(account_id))
            .order_by_desc(calendar_feed::Column::CreatedAt)
            .all(&self.db)
            .await?
            .into_iter()
            .map(to_feed)
            .collect())
    }

    /// Revokes one of the account's feed addresses: it stops working at once.
    pub async fn revoke_feed(&self, account_id: Uuid, id: Uuid) -> StoreResult<()> {
        let tx = self.write().await?;
        let row = calendar_feed::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .filter(|f| f.account_id == account_id)
            .ok_or(DomainError::NotFound)?;
        if row.revoked_at.is_some() {
            return Ok(());
        }
        let mut a = row.into_active_model();
        a.revoked_at = Set(Some(crate::now()));
        a.update(&tx).await?;
        audit::record(
            &tx,
            Some(account_id),
            "revoke",
            "calendar_feed",
            id,
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account and body of a live feed address (none when unknown,
    /// revoked, or its account disabled).
    pub async fn feed_by_secret(
        &self,
        secret: &str,
    ) -> StoreResult<Option<(Account, Option<Uuid>)>> {
        let Some(f) = calendar_feed::Entity::find()
            .filter(calendar_feed::Column::TokenHash.eq(sha256_hex(secret)))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if f.revoked_at.is_some() {
            return Ok(None);
        }
        let account = self.account(f.account_id).await?;
        if account.disabled {
            return Ok(None);
        }
        Ok(Some((account, f.body_id)))
    }
}
