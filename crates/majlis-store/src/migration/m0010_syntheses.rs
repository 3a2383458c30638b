//! The synthesis report's versions: the issuing body's analysis above the
//! generated figures (frozen with each version), approval, and the agenda
//! item of the meeting that studies it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0010_syntheses"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("synthesis_versions")
                .col(pk_uuid("id"))
                .col(uuid("campaign_id"))
                .col(integer("number"))
                .col(text("analysis"))
                .col(text("figures"))
                .col(uuid_null("author_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(uuid_null("approved_by"))
                .col(timestamp_with_time_zone_null("approved_at"))
                .col(uuid_null("agenda_item_id"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_synthesis_versions_campaign_id")
                        .from("synthesis_versions", "campaign_id")
                        .to("campaigns", "id")
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_synthesis_versions_agenda_item_id")
                        .from("synthesis_versions", "agenda_item_id")
                        .to("agenda_items", "id")
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_synthesis_versions_campaign_number")
                .table("synthesis_versions")
                .col("campaign_id")
                .col("number")
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("synthesis_versions").to_owned())
            .await
    }
}
