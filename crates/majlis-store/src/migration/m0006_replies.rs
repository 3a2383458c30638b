//! Answers to convocations: "I will attend" or "I send my apologies", one per
//! convened person and meeting.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0006_replies"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("replies")
                .col(uuid("meeting_id"))
                .col(uuid("person_id"))
                .col(string("reply"))
                .col(timestamp_with_time_zone("replied_at"))
                .primary_key(Index::create().col("meeting_id").col("person_id"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_replies_meeting_id")
                        .from("replies", "meeting_id")
                        .to("meetings", "id")
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_replies_person_id")
                        .from("replies", "person_id")
                        .to("people", "id")
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("replies").to_owned())
            .await
    }
}
