//! Organization settings: one row, created with the defaults on first migration.

use crate::entity::{file, organization};
use crate::error::StoreResult;
use crate::service::ensure;
use crate::{Store, audit};
use majlis_domain::{Actor, Digits, OrgSettings, brand, permissions};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use uuid::Uuid;

fn to_domain(m: organization::Model) -> StoreResult<OrgSettings> {
    let digits = Digits::parse(&m.digits).ok_or_else(|| {
        crate::StoreError::Internal(format!("organization: unknown digits {}", m.digits))
    })?;
    if !is_time_zone(&m.time_zone) {
        return Err(crate::StoreError::Internal(format!(
            "organization: unknown time zone {}",
            m.time_zone
        )));
    }
    Ok(OrgSettings {
        name_ar: m.name_ar,
        name_fr: m.name_fr,
        name_en: m.name_en,
        short_name: m.short_name,
        default_locale: m.default_locale,
        date_locale: m.date_locale,
        digits,
        time_zone: m.time_zone,
        show_hijri: m.show_hijri,
        brand_color: m.brand_color,
        logo: m.logo_file_id,
    })
}

fn apply(a: &mut organization::ActiveModel, s: &OrgSettings) {
    a.name_ar = Set(s.name_ar.clone());
    a.name_fr = Set(s.name_fr.clone());
    a.name_en = Set(s.name_en.clone());
    a.short_name = Set(s.short_name.clone());
    a.default_locale = Set(s.default_locale.clone());
    a.date_locale = Set(s.date_locale.clone());
    a.digits = Set(s.digits.as_str().to_string());
    a.time_zone = Set(s.time_zone.clone());
    a.show_hijri = Set(s.show_hijri);
    a.brand_color = Set(s.brand_color.clone());
    a.updated_at = Set(crate::now());
}

pub(crate) async fn ensure_row(store: &Store) -> StoreResult<()> {
    if organization::Entity::find_by_id(1)
        .one(&store.db)
        .await?
        .is_none()
    {
        let mut a = organization::ActiveModel {
            id: Set(1),
            ..Default::default()
        };
        apply(&mut a, &OrgSettings::default());
        a.insert(&store.db).await?;
    }
    Ok(())
}

pub(crate) fn is_time_zone(name: &str) -> bool {
    name.parse::<chrono_tz::Tz>().is_ok()
}

impl Store {
    /// The organization's settings. Every request reads them, so they are
    /// kept for [`crate::db::SETTINGS_TTL`]: a change made by another majlis
    /// process shows within that time (at once in this one).
    pub async fn settings(&self) -> StoreResult<OrgSettings> {
        if let Some(s) = self.cached_settings() {
            return Ok(s);
        }
        let row = organization::Entity::find_by_id(1).one(&self.db).await?;
        let s = row.map(to_domain).transpose()?.unwrap_or_default();
        self.cache_settings(Some(s.clone()));
        Ok(s)
    }

    pub async fn update_settings(
        &self,
        actor: &Actor,
        input: OrgSettings,
    ) -> StoreResult<OrgSettings> {
        ensure(permissions::can_administer(actor))?;
        self.write_settings(Some(actor.account_id), input).await
    }

    /// Used by `majlis demo`/`init` before any admin exists.
    pub async fn write_settings(
        &self,
        actor_id: Option<uuid::Uuid>,
        input: OrgSettings,
    ) -> StoreResult<OrgSettings> {
        let mut valid = input.validate(is_time_zone)?;
        let tx = self.write().await?;
        let row = organization::Entity::find_by_id(1).one(&tx).await?;
        // The logo changes only through `set_logo`.
        valid.logo = row.as_ref().and_then(|r| r.logo_file_id);
        let before = row.clone().map(to_domain).transpose()?;
        let mut a = match row {
            Some(r) => r.into_active_model(),
            None => organization::ActiveModel {
                id: Set(1),
                ..Default::default()
            },
        };
        apply(&mut a, &valid);
        a.save(&tx).await?;
        audit::record(
            &tx,
            actor_id,
            "update",
            "organization",
            uuid::Uuid::nil(),
            before.map(serde_json::to_value).transpose()?,
            Some(serde_json::to_value(&valid)?),
        )
        .await?;
        tx.commit().await?;
        self.cache_settings(Some(valid.clone()));
        Ok(valid)
    }
}

impl Store {
    /// Sets (or with `None` removes) the organization's logo: a PNG, JPEG or
    /// WebP image up to [`brand::MAX_LOGO_BYTES`], checked by content. The
    /// previous logo's file is deleted in the same transaction.
    pub async fn set_logo(
        &self,
        actor: &Actor,
        upload: Option<&crate::service::files::Upload>,
    ) -> StoreResult<OrgSettings> {
        use sha2::{Digest, Sha256};
        ensure(permissions::can_administer(actor))?;
        let kind = upload.map(|u| brand::check_logo(&u.bytes)).transpose()?;
        let tx = self.write().await?;
        let row = match organization::Entity::find_by_id(1).one(&tx).await? {
            Some(r) => r,
            None => return Err(majlis_domain::DomainError::NotFound.into()),
        };
        let old = row.logo_file_id;
        let new = match (upload, kind) {
            (Some(u), Some(kind)) => {
                let f = file::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(format!("logo.{}", kind.extension())),
                    media_type: Set(kind.media_type().into()),
                    size: Set(u.bytes.len() as i64),
                    sha256: Set(hex::encode(Sha256::digest(&u.bytes))),
                    content: Set(u.bytes.clone()),
                    uploaded_by: Set(Some(actor.account_id)),
                    created_at: Set(crate::now()),
                }
                .insert(&tx)
                .await?;
                Some(f.id)
            }
            _ => None,
        };
        let mut a = row.into_active_model();
        a.logo_file_id = Set(new);
        a.updated_at = Set(crate::now());
        let saved = a.update(&tx).await?;
        if let Some(old) = old {
            file::Entity::delete_by_id(old).exec(&tx).await?;
        }
        audit::record(
            &tx,
            Some(actor.account_id),
            "logo",
            "organization",
            Uuid::nil(),
            Some(serde_json::json!({ "logo": old })),
            Some(serde_json::json!({ "logo": new })),
        )
        .await?;
        tx.commit().await?;
        let s = to_domain(saved)?;
        self.cache_settings(Some(s.clone()));
        Ok(s)
    }

    /// The organization's logo, for anyone (it is on every page, the login
    /// page included); `id` must be the current logo's.
    pub async fn logo(&self, id: Uuid) -> StoreResult<crate::service::files::StoredFile> {
        if self.settings().await?.logo != Some(id) {
            return Err(majlis_domain::DomainError::NotFound.into());
        }
        self.file(id).await
    }
}
