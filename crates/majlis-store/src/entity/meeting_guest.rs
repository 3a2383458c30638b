use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "meeting_guests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub name: String,
    pub quality: Option<String>,
    pub email: Option<String>,
    pub attendance: Option<String>,
    /// Speaks at the meeting (a thematic meeting's speakers).
    pub speaker: bool,
    pub created_at: DateTimeUtc,
    /// `female` or `male` when known; backups written before m0008 have none.
    #[serde(default)]
    pub gender: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
