use sea_orm::entity::prelude::*;

/// A target body's report for a campaign: its answers (JSON), its state,
/// a version for optimistic locking.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub body_id: Uuid,
    pub state: String,
    pub answers: String,
    /// The meeting that evaluated (the campaign's required meeting).
    pub meeting_id: Option<Uuid>,
    pub version: i32,
    pub first_submitted_at: Option<DateTimeUtc>,
    pub submitted_at: Option<DateTimeUtc>,
    /// The issuing body's comments when it returned the report (JSON).
    pub review: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
