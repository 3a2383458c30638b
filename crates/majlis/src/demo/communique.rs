//! The seed communiqué itself: written by the Political Bureau from its
//! meeting of 19 December 2016 (the text of `../shared/seed/`), approved by
//! its secretary and published on 20 December 2016, with its French
//! translation.

use chrono::{NaiveDate, TimeZone};
use majlis_domain::Actor;
use majlis_domain::communique::{CommuniqueAction, CommuniqueInput};
use majlis_store::Store;
use uuid::Uuid;

const ARABIC: &str = include_str!("communique-2016-12-19.md");
const FRENCH: &str = include_str!("communique-2016-12-19-fr.md");

/// (title, body) of a stored text: its first line, then the rest.
fn split(text: &str) -> (String, String) {
    let (title, body) = text.split_once("\n\n").unwrap_or((text, ""));
    (title.trim().to_string(), body.trim().to_string())
}

/// Publishes the seed communiqué and its translation; returns the Arabic one's id.
pub(super) async fn seed_communique(
    store: &Store,
    writer: &Actor,
    secretary: &Actor,
    bureau: Uuid,
) -> anyhow::Result<Uuid> {
    let tz = majlis_store::service::meetings::zone("Africa/Casablanca");
    let at = |h: u32, m: u32| {
        let d = NaiveDate::from_ymd_opt(2016, 12, 20).unwrap_or_default();
        tz.from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap_or_default())
            .single()
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default()
    };
    let meeting = store
        .body_meetings(majlis_domain::Viewer::System, bureau, 200)
        .await?
        .into_iter()
        .find(|m| m.starts_at.date() == NaiveDate::from_ymd_opt(2016, 12, 19).unwrap_or_default())
        .map(|m| m.id);
    majlis_store::clock::at(at(9, 30), async {
        let input = |text: &str, lang: &str, tags: &[&str]| {
            let (title, body) = split(text);
            CommuniqueInput {
                title,
                body,
                lang: lang.into(),
                slug: None,
                tags: tags.iter().map(|t| t.to_string()).collect(),
            }
        };
        let ar = store
            .create_communique(
                writer,
                bureau,
                meeting,
                None,
                &input(
                    ARABIC,
                    "ar",
                    &["المكتب السياسي", "اللجنة المركزية", "الانتخابات التشريعية"],
                ),
            )
            .await?;
        let fr = store
            .create_communique(
                writer,
                bureau,
                meeting,
                Some(ar.id),
                &input(FRENCH, "fr", &["Bureau politique", "Comité central"]),
            )
            .await?;
        for id in [ar.id, fr.id] {
            store
                .communique_action(writer, id, CommuniqueAction::Submit, None, None)
                .await?;
            store
                .communique_action(secretary, id, CommuniqueAction::Approve, None, None)
                .await?;
        }
        majlis_store::clock::set(at(11, 0));
        for id in [ar.id, fr.id] {
            store
                .communique_action(secretary, id, CommuniqueAction::Publish, None, None)
                .await?;
        }
        Ok(ar.id)
    })
    .await
}
