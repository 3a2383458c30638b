//! Who a request is, kept for a moment: every request of a signed-in user
//! reads its session, account and roles — two queries that would otherwise
//! cost as much as the page itself. An identity is kept for [`IDENTITY_TTL`]
//! and only until the next write of this process (any write: a logout, a
//! disabled account, a new role — the write transaction's commit moves an
//! epoch that every kept identity is checked against). Another majlis process
//! (PostgreSQL) sees a change within the TTL.

use crate::Store;
use crate::error::StoreResult;
use crate::service::accounts::{Account, sha256_hex};
use majlis_domain::Actor;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long an identity is kept without a write.
pub const IDENTITY_TTL: Duration = Duration::from_secs(1);
/// At most this many identities are kept (the map is emptied beyond).
const MAX_KEPT: usize = 10_000;

/// A signed-in request's identity: the account, its session's CSRF token and
/// its current roles.
#[derive(Debug, Clone)]
pub struct Identity {
    pub account: Account,
    pub csrf: String,
    pub actor: Actor,
}

#[derive(Debug, Default)]
pub(crate) struct Identities {
    /// Moved by every committed write transaction.
    pub(crate) epoch: Arc<AtomicU64>,
    kept: Mutex<HashMap<String, (Instant, u64, Identity)>>,
}

impl Identities {
    fn get(&self, key: &str) -> Option<Identity> {
        let epoch = self.epoch.load(Ordering::Acquire);
        let kept = self.kept.lock().ok()?;
        kept.get(key)
            .filter(|(at, e, _)| *e == epoch && at.elapsed() < IDENTITY_TTL)
            .map(|(_, _, i)| i.clone())
    }

    fn put(&self, key: String, epoch: u64, identity: Identity) {
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= MAX_KEPT {
                kept.clear();
            }
            kept.insert(key, (Instant::now(), epoch, identity));
        }
    }
}

impl Store {
    /// Forgets every kept identity (tests that count a request's queries).
    pub fn forget_identities(&self) {
        self.identities.epoch.fetch_add(1, Ordering::AcqRel);
    }

    /// The identity of a session cookie, if the session is live and its
    /// account enabled.
    pub async fn session_identity(&self, token: &str) -> StoreResult<Option<Identity>> {
        let key = sha256_hex(token);
        if let Some(i) = self.identities.get(&key) {
            return Ok(Some(i));
        }
        // Read before the queries: a write during them makes this stale.
        let epoch = self.identities.epoch.load(Ordering::Acquire);
        let Some((account, csrf)) = self.session(token).await? else {
            return Ok(None);
        };
        let actor = self.actor_for(&account).await?;
        let identity = Identity {
            account,
            csrf,
            actor,
        };
        self.identities.put(key, epoch, identity.clone());
        Ok(Some(identity))
    }
}
