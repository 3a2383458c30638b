//! The convocation of a meeting: rendered for each invitee in their
//! language, one e-mail job each.

use super::registry::{Outcome, Runs};
use crate::state::AppState;
use majlis_store::service::jobs::Invitation;

pub struct Invitations;

impl Runs for Invitations {
    type Payload = Invitation;

    async fn run(&self, state: &AppState, p: Invitation) -> Outcome {
        match super::render::invitation(state, p.meeting_id, p.reason).await {
            Ok(mails) => Outcome::Done(mails),
            Err(e) => Outcome::Retry(e.to_string()),
        }
    }
}
