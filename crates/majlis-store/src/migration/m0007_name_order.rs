//! One order of names on both databases. SQLite compares text by code
//! point; PostgreSQL used the server's locale, which sorts Arabic names with
//! hamza on the alef («أحمد», «إدريس») among the bare alef ones: the same
//! directory page listed different people on each. People's and bodies'
//! Arabic names now compare by code point on PostgreSQL too (its indexes are
//! rebuilt by the change). Nothing to do on SQLite.

use sea_orm::{ConnectionTrait, DatabaseBackend};
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0007_name_order"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = m.get_connection();
        for (table, column) in [("people", "full_name_ar"), ("bodies", "name_ar")] {
            db.execute_unprepared(&format!(
                r#"ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE varchar COLLATE "C""#
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        let db = m.get_connection();
        for (table, column) in [("people", "full_name_ar"), ("bodies", "name_ar")] {
            db.execute_unprepared(&format!(
                r#"ALTER TABLE "{table}" ALTER COLUMN "{column}" TYPE varchar COLLATE "default""#
            ))
            .await?;
        }
        Ok(())
    }
}
