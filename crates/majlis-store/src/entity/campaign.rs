use sea_orm::entity::prelude::*;

/// A required action over many bodies with a deadline.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "campaigns")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub issuing_body_id: Uuid,
    pub decision_id: Option<Uuid>,
    pub title: String,
    pub description: Option<String>,
    /// The template version pinned by the campaign.
    pub template_id: Option<Uuid>,
    pub meeting_kind: Option<String>,
    pub due_on: Date,
    pub grace_days: i32,
    pub state: String,
    /// The target rule (JSON), as written.
    pub rule: String,
    pub launched_at: Option<DateTimeUtc>,
    pub closed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
