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
        Ok::<Uuid, anyhow::Error>(ar.id)
    })
    .await
}

/// The public's comments under the seed communiqué: 200 approved over the
/// following weeks (a few replies among them) and 5 still held, one of them
/// flagged.
pub(super) async fn seed_comments(
    store: &Store,
    secretary: &Actor,
    slug: &str,
) -> anyhow::Result<()> {
    use majlis_domain::comment::{CleanComment, Verdict};
    use majlis_store::service::comments::{CommentPost, CommentState, Posted};
    use sha2::{Digest, Sha256};
    const OPENINGS: [&str; 8] = [
        "تحية نضالية للرفاق في المكتب السياسي.",
        "بلاغ واضح ومسؤول.",
        "خطوة في الاتجاه الصحيح.",
        "نتمنى التوفيق لأشغال الدورة الثامنة.",
        "من الإقليم نتابع باهتمام.",
        "شكرا على هذا التوضيح.",
        "مبادرة تستحق التنويه.",
        "قراءة متأنية لهذا البلاغ تبين الجدية.",
    ];
    const POINTS: [&str; 10] = [
        "تقييم الانتخابات في الأقاليم ضروري قبل أي خطوة.",
        "الورشات الثلاث تلامس أسئلة حقيقية في العمل الحزبي.",
        "نرجو أن تشمل اللقاءات الموضوعاتية مدنا أخرى.",
        "العمل الحزبي القائم على القرب هو مفتاح الثقة.",
        "التقرير التركيبي يجب أن يُعرض على المناضلين.",
        "تجديد أساليب العمل السياسي مسألة ملحة.",
        "الشباب ينتظرون دورا أكبر في الهيئات.",
        "التواصل مع الفروع المحلية يحتاج إلى دعم.",
        "اليسار قوة اقتراحية حين يصغي للمجتمع.",
        "احترام الآجال المحددة يعطي مصداقية للخطة.",
    ];
    const CLOSINGS: [&str; 3] = ["بالتوفيق.", "إلى الأمام.", "مع خالص التقدير."];
    let tz = majlis_store::service::meetings::zone("Africa/Casablanca");
    let start = tz
        .from_local_datetime(
            &NaiveDate::from_ymd_opt(2016, 12, 20)
                .unwrap_or_default()
                .and_hms_opt(12, 0, 0)
                .unwrap_or_default(),
        )
        .single()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_default();
    let hash = |s: String| hex::encode(Sha256::digest(s.as_bytes()));
    let mut approved = Vec::new();
    let mut held = Vec::new();
    for i in 0..205usize {
        let female = i % 3 == 1;
        let (name, _) = crate::names::name(700 + i, female);
        let text = format!(
            "{} {} {}",
            OPENINGS[i % OPENINGS.len()],
            POINTS[(i / OPENINGS.len()) % POINTS.len()],
            CLOSINGS[i % CLOSINGS.len()]
        );
        let text = if i >= 200 {
            format!("{text} (تعليق في انتظار المراجعة {})", i - 199)
        } else {
            text
        };
        // A reply every 25 comments, to the first comment approved.
        let parent_id = (i % 25 == 24 && i < 200)
            .then(|| approved.first().copied())
            .flatten();
        let at = start + chrono::Duration::minutes(37 * i as i64);
        let post = CommentPost {
            comment: CleanComment {
                name,
                email: format!("reader{i}@example.ma"),
                text: text.clone(),
            },
            verdict: if i == 203 {
                Verdict::Flagged
            } else {
                Verdict::Held
            },
            parent_id,
            email_hash: hash(format!("demo-email-{i}")),
            client_hash: hash(format!("demo-client-{i}")),
            text_hash: hash(format!("demo-text-{i}-{text}")),
        };
        let posted = majlis_store::clock::at(at, store.post_comment(slug, post)).await?;
        if let Posted::Held(id) = posted {
            if i < 200 {
                approved.push(id);
                // Approved as they come, so that replies find their parent.
                if approved.len() == 1 {
                    majlis_store::clock::at(
                        at,
                        store.moderate_comments(secretary, &[id], CommentState::Approved),
                    )
                    .await?;
                }
            } else {
                held.push(id);
            }
        }
    }
    let last = start + chrono::Duration::minutes(37 * 200);
    for chunk in approved[1..].chunks(150) {
        majlis_store::clock::at(
            last,
            store.moderate_comments(secretary, chunk, CommentState::Approved),
        )
        .await?;
    }
    Ok(())
}
