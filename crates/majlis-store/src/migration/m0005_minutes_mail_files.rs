//! Minutes, stored files (paper versions, agenda attachments, reports),
//! guests, the participation log and reports heard, the durable job queue
//! (e-mail, reminders) and secret calendar feeds.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0005_minutes_mail_files"
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

fn index(name: &str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(name).table(table);
    for c in cols {
        i.col(*c);
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("minutes")
                .col(pk_uuid("meeting_id"))
                .col(text_null("overall"))
                .col(string("status"))
                .col(integer("version"))
                .col(uuid_null("updated_by"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(uuid_null("approved_by"))
                .col(timestamp_with_time_zone_null("approved_at"))
                .foreign_key(&mut fk(
                    "fk_minutes_meeting_id",
                    ("minutes", "meeting_id"),
                    "meetings",
                ))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("agenda_items")
                .add_column(text_null("minutes"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("agenda_items")
                .add_column(uuid_null("carried_from"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("files")
                .col(pk_uuid("id"))
                .col(string("name"))
                .col(string("media_type"))
                .col(big_integer("size"))
                .col(string("sha256"))
                .col(blob("content"))
                .col(uuid_null("uploaded_by"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("agenda_attachments")
                .col(uuid("agenda_item_id"))
                .col(uuid("file_id"))
                .primary_key(Index::create().col("agenda_item_id").col("file_id"))
                .foreign_key(&mut fk(
                    "fk_agenda_attachments_item",
                    ("agenda_attachments", "agenda_item_id"),
                    "agenda_items",
                ))
                .foreign_key(&mut fk(
                    "fk_agenda_attachments_file",
                    ("agenda_attachments", "file_id"),
                    "files",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("paper_versions")
                .col(pk_uuid("id"))
                .col(uuid("paper_id"))
                .col(integer("number"))
                .col(uuid_null("author_id"))
                .col(uuid_null("file_id"))
                .col(text_null("text"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "fk_paper_versions_paper",
                    ("paper_versions", "paper_id"),
                    "working_papers",
                ))
                .foreign_key(&mut fk(
                    "fk_paper_versions_file",
                    ("paper_versions", "file_id"),
                    "files",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index(
                "ix_paper_versions_number",
                "paper_versions",
                &["paper_id", "number"],
            )
            .unique()
            .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("paper_events")
                .col(pk_uuid("id"))
                .col(uuid("paper_id"))
                .col(string("action"))
                .col(text_null("comment"))
                .col(uuid_null("account_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "fk_paper_events_paper",
                    ("paper_events", "paper_id"),
                    "working_papers",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_paper_events_paper",
            "paper_events",
            &["paper_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("meeting_guests")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(string("name"))
                .col(string_null("quality"))
                .col(string_null("email"))
                .col(string_null("attendance"))
                .col(boolean("speaker").default(false))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "fk_meeting_guests_meeting",
                    ("meeting_guests", "meeting_id"),
                    "meetings",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_meeting_guests_meeting",
            "meeting_guests",
            &["meeting_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("participations")
                .col(pk_uuid("id"))
                .col(uuid("body_id"))
                .col(string("event"))
                .col(string("organizer"))
                .col(string("scope"))
                .col(string_null("country"))
                .col(string_null("city"))
                .col(date("first_day"))
                .col(date("last_day"))
                .col(text_null("report"))
                .col(uuid_null("report_file_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_participations_body",
                    ("participations", "body_id"),
                    "bodies",
                ))
                .foreign_key(&mut fk(
                    "fk_participations_file",
                    ("participations", "report_file_id"),
                    "files",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_participations_body",
            "participations",
            &["body_id", "first_day"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("participation_people")
                .col(uuid("participation_id"))
                .col(uuid("person_id"))
                .primary_key(Index::create().col("participation_id").col("person_id"))
                .foreign_key(&mut fk(
                    "fk_participation_people_p",
                    ("participation_people", "participation_id"),
                    "participations",
                ))
                .foreign_key(&mut fk(
                    "fk_participation_people_person",
                    ("participation_people", "person_id"),
                    "people",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_participation_people_person",
            "participation_people",
            &["person_id"],
        ))
        .await?;
        m.create_table(
            Table::create()
                .table("meeting_reports")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(integer("position"))
                .col(string("title"))
                .col(uuid_null("participation_id"))
                .col(uuid_null("file_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "fk_meeting_reports_meeting",
                    ("meeting_reports", "meeting_id"),
                    "meetings",
                ))
                .foreign_key(&mut fk(
                    "fk_meeting_reports_participation",
                    ("meeting_reports", "participation_id"),
                    "participations",
                ))
                .foreign_key(&mut fk(
                    "fk_meeting_reports_file",
                    ("meeting_reports", "file_id"),
                    "files",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("jobs")
                .col(pk_uuid("id"))
                .col(string("kind"))
                .col(text("payload"))
                .col(string("status"))
                .col(timestamp_with_time_zone("run_at"))
                .col(integer("attempts"))
                .col(text_null("last_error"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(string_null("dedupe_key"))
                .col(uuid_null("subject_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("finished_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("ix_jobs_due", "jobs", &["status", "run_at"]))
            .await?;
        m.create_index(index("ix_jobs_subject", "jobs", &["subject_id"]))
            .await?;
        m.create_index(
            index("ix_jobs_dedupe", "jobs", &["dedupe_key"])
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("calendar_feeds")
                .col(pk_uuid("id"))
                .col(string("token_hash"))
                .col(uuid("account_id"))
                .col(uuid_null("body_id"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk(
                    "fk_calendar_feeds_account",
                    ("calendar_feeds", "account_id"),
                    "accounts",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            index("ix_calendar_feeds_token", "calendar_feeds", &["token_hash"])
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
