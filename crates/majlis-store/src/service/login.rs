//! Logging in: a login (username or e-mail) and a password checked with a
//! progressive delay per account and per client address (the rules are in
//! `majlis_domain::login`). Failures are rows of `login_attempts`, shared by
//! every majlis process: an account's under `account <id>` (or the typed login
//! when no account has it), an address's under `address <ip>` — keys no typed
//! login can take, since logins hold no spaces.

use crate::entity::{account, login_attempt};
use crate::error::StoreResult;
use crate::service::accounts::{Account, sha256_hex, to_account};
use crate::{Store, WriteTx};
use chrono::{DateTime, Utc};
use majlis_domain::login::{self, Failures};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, Set};
use std::net::IpAddr;

/// Why a login failed. Both cases look the same to the user except the delay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginFailure {
    InvalidCredentials,
    /// Too many failures: the client must wait this many seconds.
    Throttled {
        retry_after: i64,
    },
}

/// Where a login attempt comes from.
#[derive(Debug, Clone, Default)]
pub struct LoginClient {
    pub address: Option<IpAddr>,
    /// The device cookie of an earlier successful login, if sent.
    pub device: Option<String>,
}

/// A successful login: the account and the device cookie to keep.
#[derive(Debug, Clone)]
pub struct LoggedIn {
    pub account: Account,
    pub device: String,
}

/// The address a throttle counts under: an IPv4 address, or an IPv6 /64 (one
/// customer's whole network: each of its 2^64 addresses is not a new client).
fn address_scope(a: IpAddr) -> String {
    match a {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// The device cookie of an account: only the server can make it (it is
/// derived from the secret password hash), and a new password voids it.
fn device_token(account_id: uuid::Uuid, password_hash: &str) -> String {
    sha256_hex(&format!("majlis-device\n{account_id}\n{password_hash}"))
}

fn failures(row: Option<&login_attempt::Model>) -> Option<Failures> {
    row.map(|r| Failures {
        count: r.failures,
        last_at: r.last_failure_at,
    })
}

/// Counts one more failure under `key`, in the database: attempts checked
/// side by side (one per core, or per process on PostgreSQL) each add their
/// own failure — the count is incremented by the UPDATE, not written from
/// what each attempt read.
async fn record_failure(
    tx: &WriteTx,
    key: String,
    row: Option<&login_attempt::Model>,
    now: DateTime<Utc>,
    free: i32,
) -> StoreResult<()> {
    use login_attempt::Column as C;
    let first = login_attempt::ActiveModel {
        login: Set(key.clone()),
        failures: Set(0),
        last_failure_at: Set(now),
        locked_until: Set(None),
    };
    login_attempt::Entity::insert(first)
        .on_conflict_do_nothing_on([C::Login])
        .exec(tx)
        .await?;
    let forget_before = now - chrono::Duration::seconds(login::FORGET_AFTER_SECONDS);
    login_attempt::Entity::update_many()
        .col_expr(
            C::Failures,
            Expr::case(C::LastFailureAt.lt(forget_before), 1)
                .finally(Expr::col(C::Failures).add(1))
                .into(),
        )
        .col_expr(C::LastFailureAt, Expr::value(now))
        .filter(C::Login.eq(key.as_str()))
        .exec(tx)
        .await?;
    // For the record only (the delay is judged from the count): when the
    // next attempt may come, as this attempt saw it.
    let next = login::after_failure(failures(row).as_ref(), now);
    let delay = login::delay_after(next.count, free);
    login_attempt::Entity::update_many()
        .col_expr(
            C::LockedUntil,
            Expr::value((delay > 0).then(|| now + chrono::Duration::seconds(delay))),
        )
        .filter(C::Login.eq(key))
        .exec(tx)
        .await?;
    Ok(())
}

impl Store {
    /// Checks a login and password from an unknown client (command line,
    /// tests).
    pub async fn authenticate(
        &self,
        login: &str,
        password: &str,
    ) -> StoreResult<Result<Account, LoginFailure>> {
        Ok(self
            .authenticate_from(login, password, &LoginClient::default())
            .await?
            .map(|l| l.account))
    }

    /// Checks a login and password. A throttled attempt is refused before
    /// any hashing; unknown logins cost the same argon2 work as known ones.
    pub async fn authenticate_from(
        &self,
        login: &str,
        password: &str,
        client: &LoginClient,
    ) -> StoreResult<Result<LoggedIn, LoginFailure>> {
        let login = login.trim().to_lowercase();
        if !login::plausible_login(&login)
            || password.len() > majlis_domain::validation::MAX_PASSWORD
        {
            return Ok(Err(LoginFailure::InvalidCredentials));
        }
        let now = crate::now();
        let row = account::Entity::find()
            .filter(
                Condition::any()
                    .add(account::Column::Username.eq(&login))
                    .add(account::Column::Email.eq(&login)),
            )
            .one(&self.db)
            .await?;
        // Throttling is judged, and failures recorded, under a hashing permit:
        // a burst of attempts is taken in turn, so none of it slips past the
        // count that the earlier ones are writing.
        let permit = self.hash_permit().await?;
        let account_key = row
            .as_ref()
            .map_or_else(|| login.clone(), |r| format!("account {}", r.id));
        let address_key = client
            .address
            .map(|a| format!("address {}", address_scope(a)));
        let keys: Vec<String> = std::iter::once(account_key.clone())
            .chain(address_key.clone())
            .collect();
        let attempts = login_attempt::Entity::find()
            .filter(login_attempt::Column::Login.is_in(keys))
            .all(&self.db)
            .await?;
        let by_key = |k: &str| attempts.iter().find(|a| a.login == k);
        let account_row = by_key(&account_key);
        let address_row = address_key.as_deref().and_then(by_key);
        let device = row.as_ref().map(|r| device_token(r.id, &r.password_hash));
        let known_device = matches!((&device, &client.device),
            (Some(d), Some(sent)) if crate::service::accounts::tokens_equal(d, sent));
        let wait = login::wait_seconds(
            failures(account_row).as_ref(),
            failures(address_row).as_ref(),
            known_device,
            now,
        );
        if wait > 0 {
            return Ok(Err(LoginFailure::Throttled { retry_after: wait }));
        }
        let (ok, permit) = self
            .verify_password(
                permit,
                row.as_ref().map(|r| r.password_hash.clone()),
                password.into(),
            )
            .await?;
        let tx = self.write().await?;
        let outcome = match row {
            Some(r) if ok && !r.disabled => {
                // Success clears the account's failures, not the address's:
                // a sprayer with one good password cannot reset its own count.
                login_attempt::Entity::delete_by_id(account_key)
                    .exec(&tx)
                    .await?;
                Ok(LoggedIn {
                    account: to_account(r),
                    device: device.unwrap_or_default(),
                })
            }
            _ => {
                record_failure(
                    &tx,
                    account_key,
                    account_row,
                    now,
                    login::ACCOUNT_FREE_FAILURES,
                )
                .await?;
                if let Some(k) = address_key {
                    record_failure(&tx, k, address_row, now, login::ADDRESS_FREE_FAILURES).await?;
                }
                Err(LoginFailure::InvalidCredentials)
            }
        };
        tx.commit().await?;
        drop(permit);
        Ok(outcome)
    }
}
