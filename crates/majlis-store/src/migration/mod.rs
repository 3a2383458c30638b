//! Migrations: append-only, in code, the same on SQLite and PostgreSQL.
//! Never edit a migration that has shipped; add a new one.

use sea_orm_migration::prelude::*;

mod m0001_initial;
mod m0002_person_terms;
mod m0003_meetings;
mod m0004_sessions;
mod m0005_minutes_mail_files;
mod m0006_replies;
mod m0007_branding;
mod m0008_guest_gender;
mod m0009_campaigns;
mod m0010_syntheses;
mod m0011_plans;
mod m0012_evidence;
mod m0013_communiques;
mod m0014_client_salts;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_initial::Migration),
            Box::new(m0002_person_terms::Migration),
            Box::new(m0003_meetings::Migration),
            Box::new(m0004_sessions::Migration),
            Box::new(m0005_minutes_mail_files::Migration),
            Box::new(m0006_replies::Migration),
            Box::new(m0007_branding::Migration),
            Box::new(m0008_guest_gender::Migration),
            Box::new(m0009_campaigns::Migration),
            Box::new(m0010_syntheses::Migration),
            Box::new(m0011_plans::Migration),
            Box::new(m0012_evidence::Migration),
            Box::new(m0013_communiques::Migration),
            Box::new(m0014_client_salts::Migration),
        ]
    }
}
