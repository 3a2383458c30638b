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
use std::time::Duration;

/// How long an identity is kept without a write.
pub const IDENTITY_TTL: Duration = Duration::from_secs(1);
/// At most this many identities are kept (the map is emptied beyond).
pub(crate) const MAX_KEPT: usize = 10_000;

/// A signed-in request's identity: the account, its session's CSRF token and
/// its current roles.
#[derive(Debug, Clone)]
pub struct Identity {
    pub account: Account,
    pub csrf: String,
    pub actor: Actor,
    /// The account's person's names (Arabic, Latin), shown in the header.
    pub names: Option<(String, Option<String>)>,
    /// The person's gender, for the words that address them.
    pub gender: Option<majlis_domain::Gender>,
}

impl Store {
    /// Forgets every kept identity (tests that count a request's queries).
    pub fn forget_identities(&self) {
        self.epoch.advance();
    }

    /// The identity of a session cookie, if the session is live and its
    /// account enabled.
    pub async fn session_identity(&self, token: &str) -> StoreResult<Option<Identity>> {
        let key = sha256_hex(token);
        if let Some(i) = self.identities.get(&key) {
            return Ok(Some(i));
        }
        // Read before the queries: a write during them makes this stale.
        let epoch = self.identities.epoch();
        let Some((account, csrf)) = self.session(token).await? else {
            return Ok(None);
        };
        let actor = self.actor_for(&account).await?;
        let person = match account.person_id {
            Some(id) => {
                use crate::entity::person;
                use sea_orm::EntityTrait;
                person::Entity::find_by_id(id).one(&self.db).await?
            }
            None => None,
        };
        let gender = person
            .as_ref()
            .and_then(|p| majlis_domain::Gender::parse(&p.gender));
        let names = person.map(|p| (p.full_name_ar, p.full_name_latin));
        let identity = Identity {
            account,
            csrf,
            actor,
            names,
            gender,
        };
        self.identities.put(key, epoch, identity.clone());
        Ok(Some(identity))
    }
}
