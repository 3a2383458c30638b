//! People search through an index of normalized terms (prefix range scans),
//! and an index for the directory's alphabetical pages.

use crate::entity::{person, person_term};
use sea_orm::{DbBackend, EntityTrait, QueryOrder, QuerySelect, Set};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m0002_person_terms"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut term = string("term");
        if m.get_database_backend() == DbBackend::Postgres {
            // Byte order, so that prefix ranges hold under any database locale.
            term.extra("COLLATE \"C\"");
        }
        m.create_table(
            Table::create()
                .table("person_terms")
                .col(term)
                .col(uuid("person_id"))
                .primary_key(Index::create().col("term").col("person_id"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_person_terms_person_id")
                        .from("person_terms", "person_id")
                        .to("people", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_person_terms_person_id")
                .table("person_terms")
                .col("person_id")
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_people_archived_name_id")
                .table("people")
                .col("archived")
                .col("full_name_ar")
                .col("id")
                .to_owned(),
        )
        .await?;
        // Index the people already there.
        let db = m.get_connection();
        let mut offset = 0;
        loop {
            let rows = person::Entity::find()
                .order_by_asc(person::Column::Id)
                .offset(offset)
                .limit(1000)
                .all(db)
                .await?;
            if rows.is_empty() {
                break;
            }
            let terms: Vec<person_term::ActiveModel> = rows
                .iter()
                .flat_map(|p| {
                    crate::service::people::terms_of(
                        &p.full_name_ar,
                        p.full_name_latin.as_deref(),
                        p.member_number.as_deref(),
                    )
                    .into_iter()
                    .map(|t| person_term::ActiveModel {
                        term: Set(t),
                        person_id: Set(p.id),
                    })
                })
                .collect();
            for chunk in terms.chunks(500) {
                person_term::Entity::insert_many(chunk.to_vec())
                    .exec_without_returning(db)
                    .await?;
            }
            offset += 1000;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "majlis migrations are append-only; restore a backup instead".into(),
        ))
    }
}
