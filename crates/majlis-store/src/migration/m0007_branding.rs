//! The organization's colour and logo (a stored file).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0007_branding"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("organization")
                .add_column(string_null("brand_color"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("organization")
                .add_column(uuid_null("logo_file_id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in ["logo_file_id", "brand_color"] {
            m.alter_table(
                Table::alter()
                    .table("organization")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
