//! Campaigns over many bodies, versioned report templates, the reports the
//! target bodies send back and their history.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0009_campaigns"
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
                .table("report_templates")
                .col(pk_uuid("id"))
                .col(string("key"))
                .col(integer("version"))
                .col(string("name"))
                .col(text("definition"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_report_templates_key_version")
                .table("report_templates")
                .col("key")
                .col("version")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("campaigns")
                .col(pk_uuid("id"))
                .col(uuid("issuing_body_id"))
                .col(uuid_null("decision_id"))
                .col(string("title"))
                .col(text_null("description"))
                .col(uuid_null("template_id"))
                .col(string_null("meeting_kind"))
                .col(date("due_on"))
                .col(integer("grace_days"))
                .col(string("state"))
                .col(text("rule"))
                .col(timestamp_with_time_zone_null("launched_at"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_campaigns_issuing_body_id",
                    ("campaigns", "issuing_body_id"),
                    "bodies",
                ))
                .foreign_key(&mut fk(
                    "fk_campaigns_decision_id",
                    ("campaigns", "decision_id"),
                    "decisions",
                ))
                .foreign_key(&mut fk(
                    "fk_campaigns_template_id",
                    ("campaigns", "template_id"),
                    "report_templates",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_campaigns_issuing_body")
                .table("campaigns")
                .col("issuing_body_id")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("campaign_targets")
                .col(uuid("campaign_id"))
                .col(uuid("body_id"))
                .col(timestamp_with_time_zone("added_at"))
                .primary_key(Index::create().col("campaign_id").col("body_id"))
                .foreign_key(&mut fk(
                    "fk_campaign_targets_campaign_id",
                    ("campaign_targets", "campaign_id"),
                    "campaigns",
                ))
                .foreign_key(&mut fk(
                    "fk_campaign_targets_body_id",
                    ("campaign_targets", "body_id"),
                    "bodies",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_campaign_targets_body")
                .table("campaign_targets")
                .col("body_id")
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("reports")
                .col(pk_uuid("id"))
                .col(uuid("campaign_id"))
                .col(uuid("body_id"))
                .col(string("state"))
                .col(text("answers"))
                .col(uuid_null("meeting_id"))
                .col(integer("version"))
                .col(timestamp_with_time_zone_null("first_submitted_at"))
                .col(timestamp_with_time_zone_null("submitted_at"))
                .col(text_null("review"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_reports_campaign_id",
                    ("reports", "campaign_id"),
                    "campaigns",
                ))
                .foreign_key(&mut fk(
                    "fk_reports_body_id",
                    ("reports", "body_id"),
                    "bodies",
                ))
                .foreign_key(&mut fk(
                    "fk_reports_meeting_id",
                    ("reports", "meeting_id"),
                    "meetings",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_reports_campaign_body")
                .table("reports")
                .col("campaign_id")
                .col("body_id")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("report_events")
                .col(pk_uuid("id"))
                .col(uuid("report_id"))
                .col(timestamp_with_time_zone("at"))
                .col(uuid_null("actor_id"))
                .col(string("action"))
                .col(text_null("comment"))
                .foreign_key(&mut fk(
                    "fk_report_events_report_id",
                    ("report_events", "report_id"),
                    "reports",
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_report_events_report")
                .table("report_events")
                .col("report_id")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "report_events",
            "reports",
            "campaign_targets",
            "campaigns",
            "report_templates",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
