//! A working paper's reminder: one e-mail to each assignee with an address,
//! none when the paper was submitted meanwhile.

use super::registry::{Outcome, Runs};
use crate::state::AppState;
use majlis_store::service::jobs::PaperReminder;

pub struct PaperReminders;

impl Runs for PaperReminders {
    type Payload = PaperReminder;

    async fn run(&self, state: &AppState, p: PaperReminder) -> Outcome {
        match super::render::paper_reminder(state, p.paper_id, p.reminder).await {
            Ok(mails) => Outcome::Done(mails),
            Err(e) => Outcome::Retry(e.to_string()),
        }
    }
}
