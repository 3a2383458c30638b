//! SeaORM entities: one per table, the same on SQLite and PostgreSQL.

pub mod account;
pub mod agenda_item;
pub mod api_token;
pub mod attendance;
pub mod audit_event;
pub mod body;
pub mod council_session;
pub mod decision;
pub mod login_attempt;
pub mod meeting;
pub mod membership;
pub mod organization;
pub mod paper_assignee;
pub mod person;
pub mod person_term;
pub mod program_slot;
pub mod role;
pub mod session;
pub mod working_paper;
pub mod workshop;
pub mod workshop_person;
