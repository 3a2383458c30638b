//! Council sessions: program slots, workshops and their people, working
//! papers and their assignees; meetings may belong to a session's parallel
//! program.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0004_sessions"
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
                .table("sessions_council")
                .col(pk_uuid("id"))
                .col(uuid("body_id"))
                .col(integer("number"))
                .col(date("first_day"))
                .col(date("last_day"))
                .col(string_null("venue"))
                .col(string_null("city"))
                .col(string("status"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_sessions_body_id",
                    ("sessions_council", "body_id"),
                    "bodies",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_sessions_body_number")
                .table("sessions_council")
                .col("body_id")
                .col("number")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("workshops")
                .col(pk_uuid("id"))
                .col(uuid("session_id"))
                .col(integer("ordinal"))
                .col(string("title"))
                .col(text("themes"))
                .col(text("questions"))
                .col(integer_null("capacity"))
                .col(text_null("outcome"))
                .foreign_key(&mut fk(
                    "fk_workshops_session_id",
                    ("workshops", "session_id"),
                    "sessions_council",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("workshop_people")
                .col(uuid("workshop_id"))
                .col(uuid("person_id"))
                .col(string("role"))
                .primary_key(Index::create().col("workshop_id").col("person_id"))
                .foreign_key(&mut fk(
                    "fk_workshop_people_workshop",
                    ("workshop_people", "workshop_id"),
                    "workshops",
                ))
                .foreign_key(&mut fk(
                    "fk_workshop_people_person",
                    ("workshop_people", "person_id"),
                    "people",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("program_slots")
                .col(pk_uuid("id"))
                .col(uuid("session_id"))
                .col(string("kind"))
                .col(string("title"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone("ends_at"))
                .col(string_null("room"))
                .col(uuid_null("workshop_id"))
                .foreign_key(&mut fk(
                    "fk_program_slots_session",
                    ("program_slots", "session_id"),
                    "sessions_council",
                ))
                .foreign_key(&mut fk(
                    "fk_program_slots_workshop",
                    ("program_slots", "workshop_id"),
                    "workshops",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_program_slots_session")
                .table("program_slots")
                .col("session_id")
                .col("starts_at")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("working_papers")
                .col(pk_uuid("id"))
                .col(uuid("workshop_id"))
                .col(string("title"))
                .col(date("due_on"))
                .col(string("state"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_working_papers_workshop",
                    ("working_papers", "workshop_id"),
                    "workshops",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("paper_assignees")
                .col(uuid("paper_id"))
                .col(uuid("person_id"))
                .primary_key(Index::create().col("paper_id").col("person_id"))
                .foreign_key(&mut fk(
                    "fk_paper_assignees_paper",
                    ("paper_assignees", "paper_id"),
                    "working_papers",
                ))
                .foreign_key(&mut fk(
                    "fk_paper_assignees_person",
                    ("paper_assignees", "person_id"),
                    "people",
                ))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("meetings")
                .add_column(uuid_null("session_id"))
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
