use sea_orm::entity::prelude::*;

/// One version of a campaign's synthesis report: the issuing body's
/// analysis and the figures as they were (JSON), approved or not.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "synthesis_versions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub campaign_id: Uuid,
    pub number: i32,
    pub analysis: String,
    pub figures: String,
    pub author_id: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub approved_by: Option<Uuid>,
    pub approved_at: Option<DateTimeUtc>,
    pub agenda_item_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
