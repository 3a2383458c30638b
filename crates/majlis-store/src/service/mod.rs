//! Services: each public function checks the domain rule (permission and
//! validation), then writes in one transaction together with its audit event.

pub mod accounts;
pub mod activity;
pub mod actor;
pub mod agenda;
pub mod bodies;
pub mod calendar;
pub mod campaign_reminders;
pub mod campaign_targets;
pub mod campaigns;
pub mod client_salt;
pub mod comment_notices;
pub mod comments;
pub mod communique_record;
pub mod communiques;
pub mod decisions;
pub mod evidence;
pub mod files;
mod hash_memory;
pub mod home;
pub mod identity;
pub mod invitations;
pub mod jobs;
pub mod login;
pub mod meeting_access;
pub mod meeting_detail;
pub mod meetings;
pub mod memberships;
pub mod minutes;
pub mod papers;
pub mod participations;
pub mod passwords;
pub mod people;
pub mod plans;
pub mod public_site;
pub mod reads;
pub mod references;
pub mod replies;
pub mod report_reads;
pub mod reports;
pub mod roles;
pub mod session_edits;
pub mod sessions;
pub mod settings;
pub mod site;
pub mod syntheses;
pub mod templates;
pub mod tree;
pub mod workshops;

use chrono::NaiveDate;
use majlis_domain::{Actor, DomainError, Viewer};

/// Whether the viewer passes a rule over accounts (see [`Viewer::allows`]).
pub(crate) fn ensure_viewer(
    viewer: Viewer<'_>,
    rule: impl FnOnce(&Actor) -> bool,
) -> Result<(), DomainError> {
    ensure(viewer.allows(rule))
}

pub(crate) fn ensure(allowed: bool) -> Result<(), DomainError> {
    if allowed {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// Today in a time zone given by name (the organization's), UTC if unknown.
pub fn today_in(time_zone: &str) -> NaiveDate {
    let now = crate::now();
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).date_naive(),
        Err(_) => now.date_naive(),
    }
}

/// Now in a time zone given by name (the organization's), UTC if unknown.
pub fn now_in(time_zone: &str) -> chrono::NaiveDateTime {
    let now = crate::now();
    match time_zone.parse::<chrono_tz::Tz>() {
        Ok(tz) => now.with_timezone(&tz).naive_local(),
        Err(_) => now.naive_utc(),
    }
}

pub(crate) fn actor_id(actor: &Actor) -> Option<uuid::Uuid> {
    Some(actor.account_id)
}
