//! Sending one e-mail through SMTP (lettre): plain text, with the `.ics`
//! convocation attached when there is one.

use super::registry::{Outcome, Runs};
use crate::state::AppState;
use crate::state::MailConfig;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use majlis_store::service::jobs::OutgoingMail;
use std::sync::Arc;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for the configured server; an unusable URL or sender is an
    /// error at start-up, not at the first e-mail.
    pub fn new(cfg: &MailConfig) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&cfg.smtp_url)
            .map_err(|e| format!("smtp url: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = cfg
            .from
            .parse::<Mailbox>()
            .map_err(|e| format!("mail sender {:?}: {e}", cfg.from))?;
        Ok(Self { transport, from })
    }

    /// Builds the message (errors here are permanent: a bad address).
    pub fn message(&self, mail: &OutgoingMail) -> Result<Message, String> {
        let to = Mailbox::new(
            mail.to_name.clone(),
            mail.to.parse().map_err(|e| format!("recipient: {e}"))?,
        );
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject);
        let text = SinglePart::builder()
            .header(ContentType::TEXT_PLAIN)
            .body(mail.text.clone());
        let built = match &mail.ics {
            Some(ics) => {
                let method = mail.ics_method.as_deref().unwrap_or("PUBLISH");
                let kind =
                    ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                        .map_err(|e| format!("content type: {e}"))?;
                let attachment = Attachment::new("invite.ics".into()).body(ics.clone(), kind);
                builder.multipart(MultiPart::mixed().singlepart(text).singlepart(attachment))
            }
            None => builder.singlepart(text),
        };
        built.map_err(|e| format!("message: {e}"))
    }

    /// Sends; a refusal or an unreachable server is an error to retry.
    pub async fn send(&self, message: Message) -> Result<(), String> {
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| format!("smtp: {e}"))
    }
}

/// The e-mail job: one message through the configured server.
pub struct Mails(pub Arc<Mailer>);

impl Runs for Mails {
    type Payload = OutgoingMail;

    async fn run(&self, _state: &AppState, mail: OutgoingMail) -> Outcome {
        match self.0.message(&mail) {
            // A message that cannot be built never will be.
            Err(e) => Outcome::GiveUp(e),
            Ok(msg) => match self.0.send(msg).await {
                Ok(()) => Outcome::Done(Vec::new()),
                Err(e) => Outcome::Retry(e),
            },
        }
    }
}
