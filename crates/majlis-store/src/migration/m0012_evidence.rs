//! Evidence: files attached to a report (attendance sheets, results) and to
//! a plan task (what was done).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0012_evidence"
    }
}

fn fk(
    name: &str,
    from: (&'static str, &'static str),
    to: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, owner, owner_table) in [
            ("report_files", "report_id", "reports"),
            ("plan_task_files", "task_id", "plan_tasks"),
        ] {
            m.create_table(
                Table::create()
                    .table(table)
                    .col(uuid(owner))
                    .col(uuid("file_id"))
                    .col(uuid_null("added_by"))
                    .col(timestamp_with_time_zone("added_at"))
                    .primary_key(Index::create().col(owner).col("file_id"))
                    .foreign_key(&mut fk(
                        &format!("fk_{table}_{owner}"),
                        (table, owner),
                        owner_table,
                    ))
                    .foreign_key(&mut fk(
                        &format!("fk_{table}_file_id"),
                        (table, "file_id"),
                        "files",
                    ))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["plan_task_files", "report_files"] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
