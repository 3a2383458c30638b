//! A campaign's reminders through the durable job queue: scheduled when it
//! is launched (one job per reminder, keyed so that it is queued once),
//! «remind the missing» asked by the issuing body, and what a reminder job
//! needs when it runs — the target bodies still to report, their chairs and
//! secretaries, and the parent bodies' secretariats to tell of late ones.

use crate::Store;
use crate::audit;
use crate::error::StoreResult;
use crate::service::campaigns::Campaign;
use crate::service::jobs::{JobKind, NewJob, enqueue};
use crate::service::meetings::to_utc;
use crate::service::{actor_id, ensure};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use majlis_domain::campaign::reminders::{CampaignReminderKind, reminder_schedule};
use majlis_domain::campaign::{BoardStatus, CampaignState};
use majlis_domain::membership::Role;
use majlis_domain::{Actor, DomainError, Person, Viewer, permissions};
use sea_orm::ConnectionTrait;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Remind a campaign's target bodies that have not reported yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CampaignReminder {
    pub campaign_id: Uuid,
    pub reminder: CampaignReminderKind,
    /// When it was meant to go: one found much later (a server down for
    /// days, a campaign recorded after the fact) is not sent.
    pub at: DateTime<Utc>,
}

impl JobKind for CampaignReminder {
    const KIND: &'static str = "campaign_reminder";
}

/// A target body still to report, and who hears of it.
#[derive(Debug, Clone)]
pub struct Straggler {
    pub body_id: Uuid,
    pub status: BoardStatus,
    pub days_late: i64,
    /// The body's chair and secretary.
    pub officers: Vec<Person>,
    /// The parent body and its chair and secretary (for escalation).
    pub parent: Option<(Uuid, Vec<Person>)>,
}

/// Queues a launched campaign's reminders (in the launch's transaction).
pub(crate) async fn schedule<C: ConnectionTrait>(
    c: &C,
    campaign: &Campaign,
    tz: Tz,
) -> StoreResult<usize> {
    let now = crate::now().with_timezone(&tz).naive_local();
    let schedule = reminder_schedule(campaign.due_on, campaign.grace_days, now);
    for (kind, at) in &schedule {
        let task = NewJob::of(&CampaignReminder {
            campaign_id: campaign.id,
            reminder: *kind,
            at: to_utc(tz, *at),
        })?;
        let key = format!("campaign_reminder:{}:{at}", campaign.id);
        enqueue(c, &task, to_utc(tz, *at), Some(campaign.id), Some(key)).await?;
    }
    Ok(schedule.len())
}

impl Store {
    /// «Remind the missing»: a reminder to every target body still to
    /// report, now. Asked twice in the same minute, it is queued once.
    pub async fn remind_missing(
        &self,
        actor: &Actor,
        campaign_id: Uuid,
    ) -> StoreResult<DateTime<Utc>> {
        let (c, _, issuing) = self.campaign_with_issuer(campaign_id).await?;
        ensure(permissions::can_issue_campaign(actor, &issuing))?;
        if c.state != CampaignState::Launched {
            return Err(DomainError::invalid("campaign", "campaign_not_running").into());
        }
        let now = crate::now();
        let task = NewJob::of(&CampaignReminder {
            campaign_id,
            reminder: CampaignReminderKind::Manual,
            at: now,
        })?;
        let key = format!(
            "campaign_reminder:{campaign_id}:manual:{}",
            now.format("%Y-%m-%dT%H:%M")
        );
        let tx = self.write().await?;
        enqueue(&tx, &task, now, Some(campaign_id), Some(key)).await?;
        audit::record(
            &tx,
            actor_id(actor),
            "remind",
            "campaign",
            campaign_id,
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(now)
    }

    /// The target bodies of a running campaign still to report (not
    /// started, draft, returned or missing), with their officers and, when
    /// `escalate`, their parent body's. Nothing for a campaign not running.
    pub async fn campaign_stragglers(
        &self,
        campaign_id: Uuid,
        escalate: bool,
    ) -> StoreResult<(Campaign, Vec<Straggler>)> {
        let (c, rows) = self.campaign_board(Viewer::System, campaign_id).await?;
        if c.state != CampaignState::Launched {
            return Ok((c, Vec::new()));
        }
        let tree = self.body_tree().await?;
        let tz = self.zone().await?;
        let today = crate::now().with_timezone(&tz).date_naive();
        let mut officers: BTreeMap<Uuid, Vec<Person>> = BTreeMap::new();
        let mut out = Vec::new();
        for r in rows.into_iter().filter(|r| !r.status.done()) {
            let parent = tree.get(r.body_id).and_then(|b| b.parent_id);
            for b in std::iter::once(r.body_id).chain(parent.filter(|_| escalate)) {
                if let std::collections::btree_map::Entry::Vacant(slot) = officers.entry(b) {
                    let people = self
                        .body_members(Viewer::System, b)
                        .await?
                        .into_iter()
                        .filter(|m| m.membership.is_current(today))
                        .filter(|m| {
                            matches!(m.membership.role.as_str(), Role::CHAIR | Role::SECRETARY)
                        })
                        .map(|m| m.person)
                        .collect();
                    slot.insert(people);
                }
            }
            out.push(Straggler {
                body_id: r.body_id,
                status: r.status,
                days_late: r.days_late,
                officers: officers.get(&r.body_id).cloned().unwrap_or_default(),
                parent: parent
                    .filter(|_| escalate)
                    .map(|p| (p, officers.get(&p).cloned().unwrap_or_default())),
            });
        }
        Ok((c, out))
    }
}
