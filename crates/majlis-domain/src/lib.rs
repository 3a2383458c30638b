//! majlis domain: the types, validation rules and permission checks of the
//! organization. Pure: no I/O, no async, no SQL. Every rule is a plain function
//! with its own tests.

pub mod body;
pub mod brand;
pub mod calendar;
pub mod campaign;
pub mod comment;
pub mod communique;
pub mod communique_draft;
pub mod decision;
pub mod error;
pub mod jobs;
pub mod login;
pub mod meeting;
pub mod membership;
pub mod minutes;
pub mod participation;
pub mod permissions;
pub mod person;
pub mod plan;
pub mod record;
pub mod reply;
pub mod report_template;
pub mod session;
pub mod settings;
pub mod synthesis;
pub mod template_draft;
pub mod upload;
pub mod validation;
pub mod viewer;

pub use body::{Body, BodyInput, BodyKind};
pub use error::{DomainError, FieldError};
pub use membership::{Membership, MembershipInput, Role};
pub use permissions::{Actor, ActorRole, Lineage};
pub use person::{Gender, Person, PersonInput};
pub use settings::{Digits, OrgSettings};
pub use viewer::Viewer;
