use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub position: i32,
    pub title: String,
    pub presenter_id: Option<Uuid>,
    pub planned_minutes: Option<i32>,
    pub description: Option<String>,
    pub created_at: DateTimeUtc,
    pub minutes: Option<String>,
    pub carried_from: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
