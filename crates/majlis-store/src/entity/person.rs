use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub full_name_ar: String,
    pub full_name_latin: Option<String>,
    pub gender: String,
    pub member_number: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub joined_on: Option<Date>,
    pub archived: bool,
    /// Names and member number, normalized by majlis-text for search.
    pub search: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
