//! Accounts, sessions and API tokens (passwords: `passwords`; logging in: `login`).

use crate::entity::{account, api_token, session};
use crate::error::StoreResult;
use crate::service::ensure;
use crate::{Store, audit};
use chrono::{DateTime, Duration, Utc};
use majlis_domain::validation::{Checker, check_password, check_username};
use majlis_domain::{Actor, DomainError, permissions};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Set,
};
use serde::Serialize;
use sha2::{Digest, Sha256};
use uuid::Uuid;

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

pub(crate) fn to_account(m: account::Model) -> Account {
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

pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    hex::encode(buf)
}

/// Compares two secrets in constant time.
pub fn tokens_equal(a: &str, b: &str) -> bool {
    use subtle::ConstantTimeEq;
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
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
            .map_err(|e| c.fail(e.field.clone(), e.code))
            .unwrap_or_default();
        let email = c.email("email", new.email.as_deref());
        if let Err(e) = check_password(&new.password) {
            c.fail(e.field.clone(), e.code);
        }
        c.finish().map_err(DomainError::Invalid)?;
        let hash = self.hash_password(new.password).await?;
        let tx = self.write().await?;
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

    /// Every account, for the instance's administrators.
    pub async fn accounts(
        &self,
        viewer: impl Into<majlis_domain::Viewer<'_>>,
    ) -> StoreResult<Vec<Account>> {
        crate::service::ensure_viewer(viewer.into(), permissions::can_administer)?;
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
        let hash = self.hash_password(password.to_string()).await?;
        let tx = self.write().await?;
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
        let tx = self.write().await?;
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
            // Revoked, not suspended: enabling the account again does not
            // bring back its old tokens and feed addresses.
            let now = crate::now();
            api_token::Entity::update_many()
                .col_expr(
                    api_token::Column::RevokedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(api_token::Column::AccountId.eq(id))
                .filter(api_token::Column::RevokedAt.is_null())
                .exec(&tx)
                .await?;
            crate::entity::calendar_feed::Entity::update_many()
                .col_expr(
                    crate::entity::calendar_feed::Column::RevokedAt,
                    sea_orm::sea_query::Expr::value(now),
                )
                .filter(crate::entity::calendar_feed::Column::AccountId.eq(id))
                .filter(crate::entity::calendar_feed::Column::RevokedAt.is_null())
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
        let tx = self.write().await?;
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
        let tx = self.write().await?;
        session::ActiveModel {
            id: Set(sha256_hex(&token)),
            account_id: Set(account_id),
            csrf_token: Set(csrf.clone()),
            created_at: Set(now),
            expires_at: Set(now + Duration::days(SESSION_DAYS)),
        }
        .insert(&tx)
        .await?;
        tx.commit().await?;
        Ok((token, csrf))
    }

    /// The account and CSRF token of a live session.
    pub async fn session(&self, token: &str) -> StoreResult<Option<(Account, String)>> {
        // The session and its account in one query (every request asks).
        let Some((s, acc)) = session::Entity::find_by_id(sha256_hex(token))
            .find_also_related(account::Entity)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if s.expires_at < crate::now() {
            let tx = self.write().await?;
            session::Entity::delete_by_id(s.id).exec(&tx).await?;
            tx.commit().await?;
            return Ok(None);
        }
        Ok(acc
            .filter(|a| !a.disabled)
            .map(|a| (to_account(a), s.csrf_token)))
    }

    pub async fn delete_session(&self, token: &str) -> StoreResult<()> {
        let tx = self.write().await?;
        session::Entity::delete_by_id(sha256_hex(token))
            .exec(&tx)
            .await?;
        tx.commit().await?;
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
        let tx = self.write().await?;
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
        let tx = self.write().await?;
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
            let tx = self.write().await?;
            a.update(&tx).await?;
            tx.commit().await?;
        }
        let acc = account::Entity::find_by_id(t.account_id)
            .one(&self.db)
            .await?;
        Ok(acc.filter(|a| !a.disabled).map(to_account))
    }
}
