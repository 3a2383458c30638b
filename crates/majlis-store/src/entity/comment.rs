use sea_orm::entity::prelude::*;

/// A public comment. The e-mail address is only kept sealed (encrypted
/// with the configuration's key) and as a keyed hash; the client address
/// only as a keyed hash.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
#[sea_orm(table_name = "comments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub communique_id: Uuid,
    pub parent_id: Option<Uuid>,
    pub name: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub email_sealed: Option<String>,
    pub email_hash: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub text_hash: String,
    pub state: String,
    pub flagged: bool,
    pub client_hash: String,
    pub created_at: DateTimeUtc,
    pub moderated_at: Option<DateTimeUtc>,
    pub moderated_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
