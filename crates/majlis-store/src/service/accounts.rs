//! Accounts, passwords (argon2id), login lock-out, sessions and API tokens.

use crate::entity::{account, api_token, login_attempt, session};
use crate::error::{StoreError, StoreResult};
use crate::service::ensure;
use crate::{Store, audit};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use majlis_domain::validation::{Checker, check_password, check_username};
use majlis_domain::{Actor, DomainError, permissions};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TransactionTrait,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// Failed attempts before a login is locked.
pub const MAX_FAILURES: i32 = 5;
/// How long a lock lasts.
pub const LOCK_MINUTES: i64 = 15;
/// Session lifetime.
pub const SESSION_DAYS: i64 = 14;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Account {
    pub id: Uuid,
    pub username: String,
    pub email: Option<String>,
    pub person_id: Option<Uuid>,
    pub is_admin: bool,
    pub disabled: bool,
    pub locale: Option<String>,
    pub created_at: DateTime<Utc>,
}

fn to_account(m: account::Model) -> Account {
    Account {
        id: m.id,
        username: m.username,
        email: m.email,
        person_id: m.person_id,
        is_admin: m.is_admin,
        disabled: m.disabled,
        locale: m.locale,
        created_at: m.created_at,
    }
}

#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct NewAccount {
    pub username: String,
    #[serde(default)]
    pub email: Option<String>,
    pub password: String,
    #[serde(default)]
    pub person_id: Option<Uuid>,
    #[serde(default)]
    pub is_admin: bool,
}

impl std::fmt::Debug for ApiTokenSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiTokenSecret(***)")
    }
}

/// A freshly created token's secret, shown once.
pub struct ApiTokenSecret(pub String);

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: Uuid,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

fn to_token(m: api_token::Model) -> ApiToken {
    ApiToken {
        id: m.id,
        name: m.name,
        created_at: m.created_at,
        last_used_at: m.last_used_at,
        revoked_at: m.revoked_at,
    }
}

/// Why a login failed. Both cases look the same to the user except the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginFailure {
    InvalidCredentials,
    Locked,
}

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

async fn hash_password(password: String) -> StoreResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .map_err(|e| StoreError::Internal(e.to_string()))?
    .map_err(|e| StoreError::Internal(e.to_string()))
}

/// A hash verified when the login is unknown, so that unknown and known logins
/// cost the same argon2 work (made once per process, with the same parameters).
fn dummy_hash() -> String {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut rand::rngs::OsRng);
            Argon2::default()
                .hash_password(b"majlis-dummy-password", &salt)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone()
}

async fn verify_password(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
    })
    .await
    .unwrap_or(false)
}

fn account_audit(a: &Account) -> serde_json::Value {
    serde_json::to_value(a).unwrap_or_default()
}

impl Store {
    /// Creates an account. `actor` is `None` only for the command line.
    pub async fn create_account(
        &self,
        actor: Option<&Actor>,
        new: NewAccount,
    ) -> StoreResult<Account> {
        if let Some(a) = actor {
            ensure(permissions::can_administer(a))?;
        }
        let mut c = Checker::new();
        let username = check_username(&new.username)
            .map_err(|e| c.fail(e.field, e.code))
            .unwrap_or_default();
        let email = c.email("email", new.email.as_deref());
        if let Err(e) = check_password(&new.password) {
            c.fail(e.field, e.code);
        }
        c.finish().map_err(DomainError::Invalid)?;
        let hash = hash_password(new.password).await?;
        let tx = self.db.begin().await?;
        if account::Entity::find()
            .filter(account::Column::Username.eq(&username))
            .one(&tx)
            .await?
            .is_some()
        {
            return Err(DomainError::Conflict { field: "username" }.into());
        }
        if let Some(e) = &email
            && account::Entity::find()
                .filter(account::Column::Email.eq(e))
                .one(&tx)
                .await?
                .is_some()
        {
            return Err(DomainError::Conflict { field: "email" }.into());
        }
        if let Some(p) = new.person_id
            && crate::entity::person::Entity::find_by_id(p)
                .one(&tx)
                .await?
                .is_none()
        {
            return Err(DomainError::invalid("person_id", "invalid_choice").into());
        }
        let now = crate::now();
        let m = account::ActiveModel {
            id: Set(Uuid::now_v7()),
            username: Set(username),
            email: Set(email),
            password_hash: Set(hash),
            person_id: Set(new.person_id),
            is_admin: Set(new.is_admin),
            disabled: Set(false),
            locale: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await?;
        let acc = to_account(m);
        audit::record(
            &tx,
            actor.map(|a| a.account_id),
            "create",
            "account",
            acc.id,
            None,
            Some(account_audit(&acc)),
        )
        .await?;
        tx.commit().await?;
        Ok(acc)
    }

    /// The chosen language of the accounts of these people (those who chose
    /// one), for e-mails written in each reader's language.
    pub async fn locales_of(
        &self,
        people: &[Uuid],
    ) -> StoreResult<std::collections::HashMap<Uuid, String>> {
        if people.is_empty() {
            return Ok(Default::default());
        }
        let rows = account::Entity::find()
            .filter(account::Column::PersonId.is_in(people.iter().copied()))
            .filter(account::Column::Locale.is_not_null())
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|a| Some((a.person_id?, a.locale?)))
            .collect())
    }

    pub async fn accounts(&self) -> StoreResult<Vec<Account>> {
        let rows = account::Entity::find()
            .order_by_asc(account::Column::Username)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(to_account).collect())
    }

    pub async fn account(&self, id: Uuid) -> StoreResult<Account> {
        account::Entity::find_by_id(id)
            .one(&self.db)
            .await?
            .map(to_account)
            .ok_or(DomainError::NotFound.into())
    }

    pub async fn account_by_username(&self, username: &str) -> StoreResult<Account> {
        account::Entity::find()
            .filter(account::Column::Username.eq(username.trim().to_lowercase()))
            .one(&self.db)
            .await?
            .map(to_account)
            .ok_or(DomainError::NotFound.into())
    }

    /// Checks a login (username or e-mail) and password, with lock-out after
    /// repeated failures. Unknown logins cost the same time as known ones.
    pub async fn authenticate(
        &self,
        login: &str,
        password: &str,
    ) -> StoreResult<Result<Account, LoginFailure>> {
        let login = login.trim().to_lowercase();
        let now = crate::now();
        if login.is_empty()
            || login.len() > 254
            || password.len() > majlis_domain::validation::MAX_PASSWORD
        {
            return Ok(Err(LoginFailure::InvalidCredentials));
        }
        if let Some(at) = login_attempt::Entity::find_by_id(login.clone())
            .one(&self.db)
            .await?
            && at.locked_until.is_some_and(|until| until > now)
        {
            return Ok(Err(LoginFailure::Locked));
        }
        let row = account::Entity::find()
            .filter(
                Condition::any()
                    .add(account::Column::Username.eq(&login))
                    .add(account::Column::Email.eq(&login)),
            )
            .one(&self.db)
            .await?;
        let hash = match &row {
            Some(r) => r.password_hash.clone(),
            None => tokio::task::spawn_blocking(dummy_hash)
                .await
                .unwrap_or_default(),
        };
        let ok = verify_password(hash, password.to_string()).await;
        match row {
            Some(r) if ok && !r.disabled => {
                login_attempt::Entity::delete_by_id(login)
                    .exec(&self.db)
                    .await?;
                Ok(Ok(to_account(r)))
            }
            _ => {
                self.record_failure(&login, now).await?;
                Ok(Err(LoginFailure::InvalidCredentials))
            }
        }
    }

    async fn record_failure(&self, login: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let tx = self.db.begin().await?;
        let existing = login_attempt::Entity::find_by_id(login.to_string())
            .one(&tx)
            .await?;
        let failures = existing.as_ref().map_or(0, |e| {
            // Failures older than the lock window are forgotten.
            if now - e.last_failure_at > Duration::minutes(LOCK_MINUTES) {
                0
            } else {
                e.failures
            }
        }) + 1;
        let locked_until =
            (failures >= MAX_FAILURES).then(|| now + Duration::minutes(LOCK_MINUTES));
        let m = login_attempt::ActiveModel {
            login: Set(login.to_string()),
            failures: Set(if locked_until.is_some() { 0 } else { failures }),
            last_failure_at: Set(now),
            locked_until: Set(locked_until),
        };
        if existing.is_some() {
            m.update(&tx).await?;
        } else {
            m.insert(&tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password (admin, or the command line with `actor = None`);
    /// every session of the account is closed.
    pub async fn reset_password(
        &self,
        actor: Option<&Actor>,
        id: Uuid,
        password: &str,
    ) -> StoreResult<()> {
        if let Some(a) = actor {
            ensure(permissions::can_administer(a))?;
        }
        check_password(password).map_err(|e| DomainError::Invalid(vec![e]))?;
        let hash = hash_password(password.to_string()).await?;
        let tx = self.db.begin().await?;
        let row = account::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let mut a = row.into_active_model();
        a.password_hash = Set(hash);
        a.updated_at = Set(crate::now());
        a.update(&tx).await?;
        session::Entity::delete_many()
            .filter(session::Column::AccountId.eq(id))
            .exec(&tx)
            .await?;
        audit::record(
            &tx,
            actor.map(|a| a.account_id),
            "reset_password",
            "account",
            id,
            None,
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Disables or re-enables an account; disabling closes its sessions.
    pub async fn set_disabled(
        &self,
        actor: Option<&Actor>,
        id: Uuid,
        disabled: bool,
    ) -> StoreResult<Account> {
        if let Some(a) = actor {
            ensure(permissions::can_administer(a))?;
            if a.account_id == id && disabled {
                return Err(DomainError::invalid("disabled", "cannot_disable_self").into());
            }
        }
        let tx = self.db.begin().await?;
        let row = account::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let before = to_account(row.clone());
        let mut a = row.into_active_model();
        a.disabled = Set(disabled);
        a.updated_at = Set(crate::now());
        let after = to_account(a.update(&tx).await?);
        if disabled {
            session::Entity::delete_many()
                .filter(session::Column::AccountId.eq(id))
                .exec(&tx)
                .await?;
        }
        let action = if disabled { "disable" } else { "enable" };
        audit::record(
            &tx,
            actor.map(|a| a.account_id),
            action,
            "account",
            id,
            Some(account_audit(&before)),
            Some(account_audit(&after)),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// The account's preferred interface language.
    pub async fn set_locale(&self, id: Uuid, locale: Option<&str>) -> StoreResult<()> {
        if let Some(l) = locale
            && !majlis_domain::settings::LOCALES.contains(&l)
        {
            return Err(DomainError::invalid("locale", "invalid_choice").into());
        }
        let tx = self.db.begin().await?;
        let row = account::Entity::find_by_id(id)
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        let before = row.locale.clone();
        let mut a = row.into_active_model();
        a.locale = Set(locale.map(String::from));
        a.updated_at = Set(crate::now());
        a.update(&tx).await?;
        audit::record(
            &tx,
            Some(id),
            "update",
            "account",
            id,
            Some(serde_json::json!({ "locale": before })),
            Some(serde_json::json!({ "locale": locale })),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    // ---- sessions ----

    /// Opens a session; returns the cookie value and the CSRF token.
    pub async fn create_session(&self, account_id: Uuid) -> StoreResult<(String, String)> {
        let token = random_token(32);
        let csrf = random_token(32);
        let now = crate::now();
        session::ActiveModel {
            id: Set(sha256_hex(&token)),
            account_id: Set(account_id),
            csrf_token: Set(csrf.clone()),
            created_at: Set(now),
            expires_at: Set(now + Duration::days(SESSION_DAYS)),
        }
        .insert(&self.db)
        .await?;
        Ok((token, csrf))
    }

    /// The account and CSRF token of a live session.
    pub async fn session(&self, token: &str) -> StoreResult<Option<(Account, String)>> {
        let Some(s) = session::Entity::find_by_id(sha256_hex(token))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if s.expires_at < crate::now() {
            session::Entity::delete_by_id(s.id).exec(&self.db).await?;
            return Ok(None);
        }
        let acc = account::Entity::find_by_id(s.account_id)
            .one(&self.db)
            .await?;
        Ok(acc
            .filter(|a| !a.disabled)
            .map(|a| (to_account(a), s.csrf_token)))
    }

    pub async fn delete_session(&self, token: &str) -> StoreResult<()> {
        session::Entity::delete_by_id(sha256_hex(token))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    // ---- API tokens ----

    pub async fn create_api_token(
        &self,
        account_id: Uuid,
        name: &str,
    ) -> StoreResult<(ApiToken, ApiTokenSecret)> {
        let mut c = Checker::new();
        let name = c.required("name", name, majlis_domain::validation::MAX_SHORT);
        c.finish().map_err(DomainError::Invalid)?;
        let secret = format!("mj_{}", random_token(24));
        let tx = self.db.begin().await?;
        let m = api_token::ActiveModel {
            id: Set(Uuid::now_v7()),
            account_id: Set(account_id),
            name: Set(name),
            token_hash: Set(sha256_hex(&secret)),
            created_at: Set(crate::now()),
            last_used_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&tx)
        .await?;
        let t = to_token(m);
        audit::record(
            &tx,
            Some(account_id),
            "create",
            "api_token",
            t.id,
            None,
            Some(serde_json::to_value(&t)?),
        )
        .await?;
        tx.commit().await?;
        Ok((t, ApiTokenSecret(secret)))
    }

    pub async fn api_tokens(&self, account_id: Uuid) -> StoreResult<Vec<ApiToken>> {
        let rows = api_token::Entity::find()
            .filter(api_token::Column::AccountId.eq(account_id))
            .order_by_desc(api_token::Column::CreatedAt)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(to_token).collect())
    }

    /// Revokes one of the account's own tokens.
    pub async fn revoke_api_token(&self, account_id: Uuid, id: Uuid) -> StoreResult<ApiToken> {
        let tx = self.db.begin().await?;
        let row = api_token::Entity::find_by_id(id)
            .filter(api_token::Column::AccountId.eq(account_id))
            .one(&tx)
            .await?
            .ok_or(DomainError::NotFound)?;
        if row.revoked_at.is_some() {
            return Ok(to_token(row));
        }
        let mut a = row.into_active_model();
        a.revoked_at = Set(Some(crate::now()));
        let t = to_token(a.update(&tx).await?);
        audit::record(
            &tx,
            Some(account_id),
            "revoke",
            "api_token",
            id,
            None,
            Some(serde_json::to_value(&t)?),
        )
        .await?;
        tx.commit().await?;
        Ok(t)
    }

    /// The account behind a bearer token, if the token is live.
    pub async fn account_by_api_token(&self, secret: &str) -> StoreResult<Option<Account>> {
        let Some(t) = api_token::Entity::find()
            .filter(api_token::Column::TokenHash.eq(sha256_hex(secret)))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if t.revoked_at.is_some() {
            return Ok(None);
        }
        let now = crate::now();
        if t.last_used_at
            .is_none_or(|at| now - at > Duration::minutes(5))
        {
            let mut a = t.clone().into_active_model();
            a.last_used_at = Set(Some(now));
            a.update(&self.db).await?;
        }
        let acc = account::Entity::find_by_id(t.account_id)
            .one(&self.db)
            .await?;
        Ok(acc.filter(|a| !a.disabled).map(to_account))
    }
}
