//! Roles: the built-in ones (with their gendered Arabic titles) and those an
//! admin adds.

use crate::entity::role;
use crate::error::StoreResult;
use crate::service::ensure;
use crate::{Store, audit};
use majlis_domain::validation::{Checker, MAX_SHORT};
use majlis_domain::{Actor, DomainError, Role, permissions};
use sea_orm::{ActiveModelTrait, EntityTrait, QueryOrder, Set};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleInfo {
    pub key: String,
    pub name_ar: String,
    pub name_ar_female: String,
    pub name_fr: String,
    pub name_en: String,
    pub builtin: bool,
    pub manages: bool,
}

impl RoleInfo {
    /// The title in a language, agreeing with the holder's gender in Arabic.
    pub fn title(&self, lang: &str, female: bool) -> &str {
        match lang {
            "fr" => &self.name_fr,
            "en" => &self.name_en,
            _ if female => &self.name_ar_female,
            _ => &self.name_ar,
        }
    }
}

const BUILTIN: [(&str, &str, &str, &str, &str); 5] = [
    (
        "chair",
        "الكاتب العام",
        "الكاتبة العامة",
        "Secrétaire général(e)",
        "Chair",
    ),
    (
        "deputy_chair",
        "نائب الكاتب العام",
        "نائبة الكاتب العام",
        "Secrétaire général(e) adjoint(e)",
        "Deputy chair",
    ),
    ("secretary", "الكاتب", "الكاتبة", "Secrétaire", "Secretary"),
    (
        "treasurer",
        "أمين المال",
        "أمينة المال",
        "Trésorier·ère",
        "Treasurer",
    ),
    ("member", "عضو", "عضوة", "Membre", "Member"),
];

fn to_info(m: role::Model) -> RoleInfo {
    let manages = Role(m.key.clone()).manages();
    RoleInfo {
        key: m.key,
        name_ar: m.name_ar,
        name_ar_female: m.name_ar_female,
        name_fr: m.name_fr,
        name_en: m.name_en,
        builtin: m.builtin,
        manages,
    }
}

pub(crate) async fn ensure_builtin(store: &Store) -> StoreResult<()> {
    for (position, (key, ar, ar_f, fr, en)) in BUILTIN.iter().enumerate() {
        if role::Entity::find_by_id(*key)
            .one(&store.db)
            .await?
            .is_none()
        {
            role::ActiveModel {
                key: Set((*key).into()),
                name_ar: Set((*ar).into()),
                name_ar_female: Set((*ar_f).into()),
                name_fr: Set((*fr).into()),
                name_en: Set((*en).into()),
                builtin: Set(true),
                position: Set(position as i32),
            }
            .insert(&store.db)
            .await?;
        }
    }
    Ok(())
}

/// Input for a new role.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RoleInput {
    pub key: String,
    pub name_ar: String,
    #[serde(default)]
    pub name_ar_female: Option<String>,
    pub name_fr: String,
    pub name_en: String,
}

impl Store {
    pub async fn roles(&self) -> StoreResult<Vec<RoleInfo>> {
        let rows = role::Entity::find()
            .order_by_asc(role::Column::Position)
            .order_by_asc(role::Column::Key)
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(to_info).collect())
    }

    pub async fn add_role(&self, actor: &Actor, input: RoleInput) -> StoreResult<RoleInfo> {
        ensure(permissions::can_administer(actor))?;
        let mut c = Checker::new();
        let key = input.key.trim().to_string();
        if !Role::is_valid_key(&key) {
            c.fail("key", "invalid_role_key");
        }
        let name_ar = c.required("name_ar", &input.name_ar, MAX_SHORT);
        let name_ar_female =
            c.optional("name_ar_female", input.name_ar_female.as_deref(), MAX_SHORT);
        let name_fr = c.required("name_fr", &input.name_fr, MAX_SHORT);
        let name_en = c.required("name_en", &input.name_en, MAX_SHORT);
        c.finish().map_err(DomainError::Invalid)?;
        let tx = self.write().await?;
        if role::Entity::find_by_id(key.clone())
            .one(&tx)
            .await?
            .is_some()
        {
            return Err(DomainError::Conflict { field: "key" }.into());
        }
        let count = role::Entity::find().all(&tx).await?.len();
        let model = role::ActiveModel {
            key: Set(key.clone()),
            name_ar_female: Set(name_ar_female.unwrap_or_else(|| name_ar.clone())),
            name_ar: Set(name_ar),
            name_fr: Set(name_fr),
            name_en: Set(name_en),
            builtin: Set(false),
            position: Set(count as i32),
        }
        .insert(&tx)
        .await?;
        let info = to_info(model);
        audit::record(
            &tx,
            Some(actor.account_id),
            "create",
            "role",
            uuid::Uuid::nil(),
            None,
            Some(serde_json::to_value(&info)?),
        )
        .await?;
        tx.commit().await?;
        Ok(info)
    }
}
