//! Communiqués (their texts, translations, states and revisions) and the
//! public's comments under them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0013_communiques"
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
                .table("communiques")
                .col(pk_uuid("id"))
                .col(uuid("body_id"))
                .col(uuid_null("meeting_id"))
                .col(uuid("group_id"))
                .col(string("lang"))
                .col(string("title"))
                .col(string("slug"))
                .col(text("body"))
                .col(text("tags"))
                .col(string("state"))
                .col(timestamp_with_time_zone_null("publish_at"))
                .col(timestamp_with_time_zone_null("published_at"))
                .col(timestamp_with_time_zone_null("corrected_at"))
                .col(timestamp_with_time_zone_null("withdrawn_at"))
                .col(text_null("withdrawal_note"))
                .col(uuid_null("author_id"))
                .col(uuid_null("approved_by"))
                .col(integer("version"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_communiques_body_id",
                    ("communiques", "body_id"),
                    "bodies",
                ))
                .foreign_key(&mut fk(
                    "fk_communiques_meeting_id",
                    ("communiques", "meeting_id"),
                    "meetings",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_communiques_slug")
                .table("communiques")
                .col("slug")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("communique_revisions")
                .col(pk_uuid("id"))
                .col(uuid("communique_id"))
                .col(timestamp_with_time_zone("at"))
                .col(uuid_null("actor_id"))
                .col(string("action"))
                .col(string("title"))
                .col(text("body"))
                .col(text_null("note"))
                .foreign_key(&mut fk(
                    "fk_communique_revisions_communique_id",
                    ("communique_revisions", "communique_id"),
                    "communiques",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("comments")
                .col(pk_uuid("id"))
                .col(uuid("communique_id"))
                .col(uuid_null("parent_id"))
                .col(string("name"))
                .col(text_null("email_sealed"))
                .col(string("email_hash"))
                .col(text("text"))
                .col(string("text_hash"))
                .col(string("state"))
                .col(boolean("flagged"))
                .col(string("client_hash"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("moderated_at"))
                .col(uuid_null("moderated_by"))
                .foreign_key(&mut fk(
                    "fk_comments_communique_id",
                    ("comments", "communique_id"),
                    "communiques",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_comments_duplicate")
                .table("comments")
                .col("communique_id")
                .col("text_hash")
                .unique()
                .to_owned(),
        )
        .await?;
        // The public site's version: bumped by every change the public
        // sees, read by every process to know its cached pages are stale.
        m.create_table(
            Table::create()
                .table("site_state")
                .col(integer("id").primary_key())
                .col(big_integer("version"))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::insert()
                .into_table("site_state")
                .columns(["id", "version"])
                .values_panic([1.into(), 0i64.into()])
                .to_owned(),
        )
        .await?;
        for (name, table, cols) in [
            (
                "ix_communiques_state",
                "communiques",
                &["state", "published_at"][..],
            ),
            ("ix_communiques_group", "communiques", &["group_id"][..]),
            (
                "ix_communique_revisions",
                "communique_revisions",
                &["communique_id"][..],
            ),
            (
                "ix_comments_page",
                "comments",
                &["communique_id", "state", "created_at"][..],
            ),
            (
                "ix_comments_client",
                "comments",
                &["client_hash", "created_at"][..],
            ),
            (
                "ix_comments_email",
                "comments",
                &["email_hash", "created_at"][..],
            ),
        ] {
            let mut ix = Index::create().name(name).table(table).to_owned();
            for c in cols {
                ix.col(*c);
            }
            m.create_index(ix).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "site_state",
            "comments",
            "communique_revisions",
            "communiques",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
