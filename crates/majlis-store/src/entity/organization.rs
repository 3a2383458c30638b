use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub name_ar: String,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub short_name: String,
    pub default_locale: String,
    pub date_locale: String,
    pub digits: String,
    pub time_zone: String,
    pub show_hijri: bool,
    /// Backups written before m0007 have neither.
    #[serde(default)]
    pub brand_color: Option<String>,
    #[serde(default)]
    pub logo_file_id: Option<Uuid>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
