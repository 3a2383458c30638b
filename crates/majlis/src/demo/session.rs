//! The demo's 8th session of the Central Committee.

use majlis_domain::Actor;
use majlis_store::Store;
use uuid::Uuid;

/// The 8th session of the Central Committee, Saturday 4 and Sunday 5
/// February 2017 at the national headquarters in Rabat: opening, three
/// workshops with the communiqué's themes and their working papers, closing,
/// and the three thematic meetings as its parallel program.
pub(super) async fn eighth_session(
    store: &Store,
    actor: &Actor,
    committee: Uuid,
    bureau: &[Uuid],
    members: &[Uuid],
    thematic: &[Uuid],
) -> anyhow::Result<()> {
    use majlis_domain::session::{PaperAction, SessionInput, SlotDraft, SlotKind, WorkshopRole};
    let input = SessionInput {
        number: Some("8".into()),
        first_day: "2017-02-04".into(),
        last_day: "2017-02-05".into(),
        venue: Some("المقر الوطني للحزب".into()),
        city: Some("الرباط".into()),
    };
    let session = store
        .create_council_session(actor, committee, &input)
        .await?;
    let workshops = [
        (
            "صياغة جديدة لدور ومهام الهيئات الحزبية والمنظمات والقطاعات الموازية",
            "آليات العمل الحزبي القائم على القرب\nقضايا التنسيق والمواكبة والتواصل\nالتكوين والتقييم",
            "كيف نقرب الحزب من المواطنات والمواطنين؟\nأي تنسيق بين الهيئات الإقليمية والمنظمات الموازية؟",
        ),
        (
            "ممارسة سياسية ونضال حزبي في تناغم مع الواقع المجتمعي",
            "سؤال التجديد في أساليب العمل السياسي\nتحويل التأثير التنظيمي والإشعاع السياسي إلى قوة انتخابية\nصيغ النضال الحزبي المنطلق من منظومة اليسار وقيمها ومبادئها",
            "ما الذي يجب تجديده في أساليب عملنا؟\nكيف نحول الإشعاع إلى أصوات؟",
        ),
        (
            "الحزب قوة اقتراحية للأفكار والبدائل الكفيلة بتقدم المجتمع",
            "الأفكار والبدائل الكفيلة بتقدم المجتمع\nسبل إشعاعها والتعريف بها على أوسع نطاق\nالقدرة على خلق الاهتمام والتفاعل المطلوب",
            "أي بدائل نقترح في السنوات المقبلة؟",
        ),
    ];
    let day = |d: u32, h: u32, m: u32| {
        chrono::NaiveDate::from_ymd_opt(2017, 2, d)
            .and_then(|x| x.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    };
    let slot = |kind, title: &str, start, end, room: &str, workshop| SlotDraft {
        kind,
        title: title.into(),
        start,
        end,
        room: Some(room.into()),
        workshop_id: workshop,
    };
    let plenary = "القاعة الكبرى";
    store
        .add_slot(
            actor,
            session.id,
            &slot(
                SlotKind::Opening,
                "الجلسة الافتتاحية",
                day(4, 10, 0),
                day(4, 12, 30),
                plenary,
                None,
            ),
        )
        .await?;
    store
        .add_slot(
            actor,
            session.id,
            &slot(
                SlotKind::Break,
                "استراحة وغداء",
                day(4, 12, 30),
                day(4, 14, 30),
                "الفضاء المشترك",
                None,
            ),
        )
        .await?;
    let rooms = ["القاعة 1", "القاعة 2", "القاعة 3"];
    for (i, (title, themes, questions)) in workshops.iter().enumerate() {
        let w = store
            .add_workshop(actor, session.id, title, themes, questions, Some(60))
            .await?;
        // Two bureau members lead each workshop: one facilitates, one reports.
        let facilitator = bureau[5 + 2 * i];
        let rapporteur = bureau[6 + 2 * i];
        store
            .set_workshop_person(actor, w, facilitator, WorkshopRole::Facilitator)
            .await?;
        store
            .set_workshop_person(actor, w, rapporteur, WorkshopRole::Rapporteur)
            .await?;
        for p in members.iter().skip(i * 40).take(40) {
            store
                .set_workshop_person(actor, w, *p, WorkshopRole::Participant)
                .await?;
        }
        let heading = format!(
            "الورشة {}",
            majlis_text::ordinal::arabic_feminine(i as u32 + 1).unwrap_or_default()
        );
        store
            .add_slot(
                actor,
                session.id,
                &slot(
                    SlotKind::Workshop,
                    &heading,
                    day(4, 15, 0),
                    day(4, 19, 0),
                    rooms[i],
                    Some(w),
                ),
            )
            .await?;
        store
            .add_slot(
                actor,
                session.id,
                &slot(
                    SlotKind::Workshop,
                    &heading,
                    day(5, 9, 30),
                    day(5, 12, 30),
                    rooms[i],
                    Some(w),
                ),
            )
            .await?;
        let due = chrono::NaiveDate::from_ymd_opt(2017, 1, 25).unwrap_or_default();
        let paper = store
            .add_paper(
                actor,
                w,
                &format!("ورقة عمل {heading}"),
                due,
                &[facilitator, rapporteur],
            )
            .await?;
        let steps: &[PaperAction] = match i {
            0 => &[
                PaperAction::SaveVersion,
                PaperAction::Submit,
                PaperAction::Approve,
            ],
            1 => &[PaperAction::SaveVersion],
            _ => &[],
        };
        for step in steps {
            if *step == PaperAction::SaveVersion {
                let text = format!("# {heading}\n\nمساهمة في النقاش حول: {}.\n", title);
                store
                    .add_paper_version(
                        actor,
                        paper,
                        None,
                        Some(&text),
                        majlis_domain::upload::MAX_UPLOAD_BYTES,
                    )
                    .await?;
            } else {
                store.paper_action(actor, paper, *step, None).await?;
            }
        }
    }
    store
        .add_slot(
            actor,
            session.id,
            &slot(
                SlotKind::Closing,
                "الجلسة الختامية",
                day(5, 15, 0),
                day(5, 18, 0),
                plenary,
                None,
            ),
        )
        .await?;
    for m in thematic {
        store.link_meeting_to_session(actor, *m, session.id).await?;
    }
    Ok(())
}
