//! Meetings of bodies: agenda items, attendance, decisions and measures.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0003_meetings"
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
        m.create_table(
            Table::create()
                .table("meetings")
                .col(pk_uuid("id"))
                .col(uuid("body_id"))
                .col(string("kind"))
                .col(string("title"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone("ends_at"))
                .col(string_null("venue"))
                .col(string_null("city"))
                .col(string_null("theme"))
                .col(string("status"))
                .col(string("quorum_rule"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_meetings_body_id",
                    ("meetings", "body_id"),
                    "bodies",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_meetings_body_id_starts_at")
                .table("meetings")
                .col("body_id")
                .col("starts_at")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_meetings_starts_at")
                .table("meetings")
                .col("starts_at")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("agenda_items")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(integer("position"))
                .col(string("title"))
                .col(uuid_null("presenter_id"))
                .col(integer_null("planned_minutes"))
                .col(text_null("description"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "fk_agenda_items_meeting_id",
                    ("agenda_items", "meeting_id"),
                    "meetings",
                ))
                .foreign_key(&mut fk(
                    "fk_agenda_items_presenter_id",
                    ("agenda_items", "presenter_id"),
                    "people",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_agenda_items_meeting_id")
                .table("agenda_items")
                .col("meeting_id")
                .col("position")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("attendances")
                .col(uuid("meeting_id"))
                .col(uuid("person_id"))
                .col(string("status"))
                .col(timestamp_with_time_zone("recorded_at"))
                .col(uuid_null("recorded_by"))
                .primary_key(Index::create().col("meeting_id").col("person_id"))
                .foreign_key(&mut fk(
                    "fk_attendances_meeting_id",
                    ("attendances", "meeting_id"),
                    "meetings",
                ))
                .foreign_key(&mut fk(
                    "fk_attendances_person_id",
                    ("attendances", "person_id"),
                    "people",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("decisions")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(string("kind"))
                .col(text("text"))
                .col(uuid_null("responsible_person_id"))
                .col(uuid_null("responsible_body_id"))
                .col(date_null("due_on"))
                .col(string("status"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_decisions_meeting_id",
                    ("decisions", "meeting_id"),
                    "meetings",
                ))
                .foreign_key(&mut fk(
                    "fk_decisions_person_id",
                    ("decisions", "responsible_person_id"),
                    "people",
                ))
                .foreign_key(&mut fk(
                    "fk_decisions_body_id",
                    ("decisions", "responsible_body_id"),
                    "bodies",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_decisions_meeting_id")
                .table("decisions")
                .col("meeting_id")
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "majlis migrations are append-only; restore a backup instead".into(),
        ))
    }
}
