use sea_orm::entity::prelude::*;

/// A task of an objective: who is in charge, when, how far.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "plan_tasks")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub objective_id: Uuid,
    pub position: i32,
    pub title: String,
    pub responsible_person_id: Option<Uuid>,
    pub responsible_body_id: Option<Uuid>,
    pub due_on: Option<Date>,
    pub weight: i32,
    pub status: String,
    pub progress: i32,
    pub campaign_id: Option<Uuid>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
