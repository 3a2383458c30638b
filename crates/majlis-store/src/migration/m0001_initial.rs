//! The foundation: organization, bodies, people, roles, memberships, accounts,
//! API tokens, sessions, login attempts, audit log.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0001_initial"
    }
}

fn fk(
    from_table: &'static str,
    from_col: &'static str,
    to_table: &'static str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(from_table, from_col)
        .to(to_table, "id")
        .on_delete(ForeignKeyAction::Restrict)
        .to_owned()
}

fn index(table: &'static str, cols: &[&'static str], unique: bool) -> IndexCreateStatement {
    let mut i = Index::create();
    i.name(format!("ix_{table}_{}", cols.join("_")))
        .table(table);
    for c in cols {
        i.col(*c);
    }
    if unique {
        i.unique();
    }
    i.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("organization")
                .col(integer("id").primary_key())
                .col(string("name_ar"))
                .col(string_null("name_fr"))
                .col(string_null("name_en"))
                .col(string("short_name"))
                .col(string("default_locale"))
                .col(string("date_locale"))
                .col(string("digits"))
                .col(string("time_zone"))
                .col(boolean("show_hijri"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("bodies")
                .col(pk_uuid("id"))
                .col(string("name_ar"))
                .col(string_null("name_fr"))
                .col(string_null("name_en"))
                .col(string("kind"))
                .col(uuid_null("parent_id"))
                .col(string_null("city"))
                .col(boolean("archived"))
                .col(text("search"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("bodies", "parent_id", "bodies"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("bodies", &["parent_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("people")
                .col(pk_uuid("id"))
                .col(string("full_name_ar"))
                .col(string_null("full_name_latin"))
                .col(string("gender"))
                .col(string_null("member_number"))
                .col(string_null("email"))
                .col(string_null("phone"))
                .col(date_null("joined_on"))
                .col(boolean("archived"))
                .col(text("search"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("people", &["member_number"], true))
            .await?;
        m.create_index(index("people", &["full_name_ar"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("roles")
                .col(string("key").primary_key())
                .col(string("name_ar"))
                .col(string("name_ar_female"))
                .col(string("name_fr"))
                .col(string("name_en"))
                .col(boolean("builtin"))
                .col(integer("position"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("memberships")
                .col(pk_uuid("id"))
                .col(uuid("person_id"))
                .col(uuid("body_id"))
                .col(string("role_key"))
                .col(date("starts_on"))
                .col(date_null("ends_on"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("memberships", "person_id", "people"))
                .foreign_key(&mut fk("memberships", "body_id", "bodies"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_memberships_role_key")
                        .from("memberships", "role_key")
                        .to("roles", "key")
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index("memberships", &["body_id", "ends_on"], false))
            .await?;
        m.create_index(index("memberships", &["person_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("accounts")
                .col(pk_uuid("id"))
                .col(string("username"))
                .col(string_null("email"))
                .col(string("password_hash"))
                .col(uuid_null("person_id"))
                .col(boolean("is_admin"))
                .col(boolean("disabled"))
                .col(string_null("locale"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("accounts", "person_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("accounts", &["username"], true))
            .await?;
        m.create_index(index("accounts", &["email"], true)).await?;
        m.create_index(index("accounts", &["person_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("api_tokens")
                .col(pk_uuid("id"))
                .col(uuid("account_id"))
                .col(string("name"))
                .col(string("token_hash"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("last_used_at"))
                .col(timestamp_with_time_zone_null("revoked_at"))
                .foreign_key(&mut fk("api_tokens", "account_id", "accounts"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("api_tokens", &["token_hash"], true))
            .await?;
        m.create_index(index("api_tokens", &["account_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("sessions")
                .col(string("id").primary_key())
                .col(uuid("account_id"))
                .col(string("csrf_token"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("expires_at"))
                .foreign_key(&mut fk("sessions", "account_id", "accounts"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("sessions", &["account_id"], false))
            .await?;
        m.create_table(
            Table::create()
                .table("login_attempts")
                .col(string("login").primary_key())
                .col(integer("failures"))
                .col(timestamp_with_time_zone("last_failure_at"))
                .col(timestamp_with_time_zone_null("locked_until"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("audit_events")
                .col(pk_uuid("id"))
                .col(timestamp_with_time_zone("at"))
                .col(uuid_null("actor_id"))
                .col(string("action"))
                .col(string("entity_type"))
                .col(uuid("entity_id"))
                .col(text_null("before"))
                .col(text_null("after"))
                .to_owned(),
        )
        .await?;
        m.create_index(index("audit_events", &["entity_type", "entity_id"], false))
            .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "majlis migrations are append-only; restore a backup instead".into(),
        ))
    }
}
