//! Action plans: objectives with measurable targets, tasks with their
//! owners and progress, and the timeline of updates.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0011_plans"
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
                .table("action_plans")
                .col(pk_uuid("id"))
                .col(uuid("owner_body_id"))
                .col(string("title"))
                .col(text_null("description"))
                .col(text("decision_ids"))
                .col(uuid_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_action_plans_owner_body_id",
                    ("action_plans", "owner_body_id"),
                    "bodies",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("plan_objectives")
                .col(pk_uuid("id"))
                .col(uuid("plan_id"))
                .col(integer("position"))
                .col(string("title"))
                .col(double_null("target_value"))
                .col(string_null("unit"))
                .col(date_null("target_date"))
                .col(integer("weight"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "fk_plan_objectives_plan_id",
                    ("plan_objectives", "plan_id"),
                    "action_plans",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("plan_tasks")
                .col(pk_uuid("id"))
                .col(uuid("objective_id"))
                .col(integer("position"))
                .col(string("title"))
                .col(uuid_null("responsible_person_id"))
                .col(uuid_null("responsible_body_id"))
                .col(date_null("due_on"))
                .col(integer("weight"))
                .col(string("status"))
                .col(integer("progress"))
                .col(uuid_null("campaign_id"))
                .col(integer("version"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk(
                    "fk_plan_tasks_objective_id",
                    ("plan_tasks", "objective_id"),
                    "plan_objectives",
                ))
                .foreign_key(&mut fk(
                    "fk_plan_tasks_person",
                    ("plan_tasks", "responsible_person_id"),
                    "people",
                ))
                .foreign_key(&mut fk(
                    "fk_plan_tasks_body",
                    ("plan_tasks", "responsible_body_id"),
                    "bodies",
                ))
                .foreign_key(&mut fk(
                    "fk_plan_tasks_campaign",
                    ("plan_tasks", "campaign_id"),
                    "campaigns",
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("plan_updates")
                .col(pk_uuid("id"))
                .col(uuid("plan_id"))
                .col(uuid_null("task_id"))
                .col(timestamp_with_time_zone("at"))
                .col(uuid_null("actor_id"))
                .col(string("action"))
                .col(string_null("status"))
                .col(integer_null("progress"))
                .col(text_null("note"))
                .foreign_key(&mut fk(
                    "fk_plan_updates_plan_id",
                    ("plan_updates", "plan_id"),
                    "action_plans",
                ))
                .to_owned(),
        )
        .await?;
        for (name, table, col) in [
            ("ix_action_plans_owner", "action_plans", "owner_body_id"),
            ("ix_plan_objectives_plan", "plan_objectives", "plan_id"),
            ("ix_plan_tasks_objective", "plan_tasks", "objective_id"),
            ("ix_plan_updates_plan", "plan_updates", "plan_id"),
        ] {
            m.create_index(Index::create().name(name).table(table).col(col).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "plan_updates",
            "plan_tasks",
            "plan_objectives",
            "action_plans",
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
