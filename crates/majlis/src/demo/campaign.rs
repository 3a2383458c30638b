//! The demo's campaign: on 19 December 2016 the Political Bureau sets
//! 7 January 2017 as the last day for every provincial body to hold its
//! meeting evaluating the elections to the House of Representatives and to
//! send its report «تقييم انتخابات أعضاء مجلس النواب». Of the 30 provinces, 24
//! report on time (Agadir's is returned for revision), 4 late, 2 not at all;
//! each report is recorded on its own date (the store's clock is set).

use chrono::{NaiveDate, TimeZone};
use majlis_domain::Actor;
use majlis_domain::campaign::{CampaignAction, CampaignInput, ReportAction, TargetRule};
use majlis_domain::meeting::{MeetingInput, StatusChange};
use majlis_domain::report_template::{Answers, TemplateDef};
use majlis_store::Store;
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The template's key.
pub const TEMPLATE_KEY: &str = "elections-2016";

/// The seed's report template.
pub fn template() -> TemplateDef {
    serde_json::from_value(json!({
        "name": "تقييم انتخابات أعضاء مجلس النواب",
        "fields": [
            {"key": "turnout", "label": "نسبة المشاركة في الإقليم", "type": "percentage", "required": true,
             "help": "النسبة الرسمية المعلنة في الإقليم"},
            {"key": "seats", "label": "عدد المقاعد المتنافس عليها", "type": "integer", "min": 0, "max": 20, "required": true},
            {"key": "votes", "label": "عدد الأصوات المحصل عليها", "type": "integer", "min": 0, "required": true},
            {"key": "candidates_women", "label": "عدد المرشحات", "type": "integer", "min": 0, "max": 100},
            {"key": "candidates_men", "label": "عدد المرشحين", "type": "integer", "min": 0, "max": 100},
            {"key": "difficulties", "label": "أبرز الصعوبات", "type": "choice", "multiple": true, "required": true,
             "options": [
                {"key": "money", "label": "استعمال المال"},
                {"key": "abstention", "label": "العزوف عن التصويت"},
                {"key": "organization", "label": "ضعف التأطير التنظيمي"},
                {"key": "media", "label": "ضعف الحضور الإعلامي"},
                {"key": "lists", "label": "تأخر الحسم في اللوائح"}
             ]}
        ],
        "sections": [
            {"key": "assessment", "title": "تقييم الحملة والنتائج", "required": true,
             "guidance": "ظروف الحملة، التعبئة، النتائج مقارنة بانتخابات 2011"},
            {"key": "lessons", "title": "الدروس المستخلصة", "required": true},
            {"key": "proposals", "title": "المقترحات", "required": true,
             "guidance": "ما تقترحه الهيئة على المكتب السياسي وعلى اللجنة المركزية"}
        ]
    }))
    .expect("the seed's template is valid")
}

/// What happened to a province's report.
#[derive(Clone, Copy, PartialEq)]
enum Fate {
    OnTime(u32),
    Late(u32),
    Returned(u32),
    Missing { meeting: bool },
}

/// Day of the meeting and of the report for the i-th province (in the tree's
/// order): late ones and missing ones chosen to spread over the regions.
fn fate(i: usize, agadir: bool) -> Fate {
    if agadir {
        return Fate::Returned(5);
    }
    match i {
        4 => Fate::Missing { meeting: true },
        25 => Fate::Missing { meeting: false },
        2 => Fate::Late(9),
        11 => Fate::Late(10),
        16 => Fate::Late(12),
        22 => Fate::Late(9),
        _ => Fate::OnTime([28, 30, 2, 3, 4, 5, 6, 7][i % 8]),
    }
}

/// A day of the campaign: late December 2016 or January 2017.
fn day(d: u32) -> NaiveDate {
    let (y, m) = if d >= 20 { (2016, 12) } else { (2017, 1) };
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

const ASSESSMENT: [&str; 4] = [
    "مرت الحملة في ظروف صعبة بسبب ضعف الإمكانيات، غير أن مناضلات ومناضلي {p} تعبأوا بشكل ملحوظ في الأحياء الشعبية.",
    "عرفت الحملة في {p} حضورا ميدانيا منتظما، لكن النتائج جاءت دون الانتظارات مقارنة بانتخابات 2011.",
    "تميزت الحملة في {p} بتنسيق جيد مع الشبيبة الاشتراكية، وسجلنا تحسنا في عدد الأصوات في الدوائر الحضرية.",
    "واجهت الهيئة في {p} منافسة شديدة واستعمالا واسعا للمال، وحافظ الحزب مع ذلك على قاعدته الانتخابية.",
];
const LESSONS: [&str; 4] = [
    "ضرورة الاشتغال الدائم في القرب بدل التعبئة الظرفية عند كل استحقاق.",
    "أهمية الحسم المبكر في الترشيحات وإشراك القواعد في اختيار المرشحين.",
    "الحاجة إلى تكوين المناضلين في التواصل الرقمي وتدبير الحملات.",
    "ربط العمل الانتخابي بالنضال اليومي إلى جانب المواطنين في قضاياهم.",
];
const PROPOSALS: [&str; 4] = [
    "تنظيم دورات تكوينية جهوية قبل نهاية الربع الأول من 2017.",
    "إحداث خلية دائمة للتواصل في كل هيئة إقليمية.",
    "مراجعة معايير الترشيح وتشبيب اللوائح وتأنيثها.",
    "تخصيص دعم مالي للهيئات الإقليمية الأقل إمكانيات.",
];

/// The answers of the i-th province's report.
fn answers(i: usize, province: &str) -> Answers {
    let pick = |pool: &[&str; 4], k: usize| pool[k % 4].replace("{p}", province);
    let all = ["money", "abstention", "organization", "media", "lists"];
    let difficulties: Vec<&str> = all
        .iter()
        .enumerate()
        .filter(|(k, _)| (i * 7 + k * 3) % 5 < 2 || *k == i % 5)
        .map(|(_, d)| *d)
        .collect();
    serde_json::from_value(json!({
        "fields": {
            "turnout": 30.0 + ((i * 37) % 220) as f64 / 10.0,
            "seats": 1 + (i * 3) % 6,
            "votes": 1_800 + (i * 1_373) % 9_000,
            "candidates_women": 1 + i % 3,
            "candidates_men": 3 + (i * 2) % 4,
            "difficulties": difficulties,
        },
        "sections": {
            "assessment": pick(&ASSESSMENT, i),
            "lessons": format!("{} {}", pick(&LESSONS, i), pick(&LESSONS, i + 1)),
            "proposals": pick(&PROPOSALS, i + 2),
        }
    }))
    .unwrap_or_default()
}

/// Records the campaign, the provinces' meetings and their reports.
pub(super) async fn elections_campaign(
    store: &Store,
    actor: &Actor,
    reviewer: &Actor,
    agadir_secretary: &Actor,
    bureau: Uuid,
    provinces: &[(Uuid, String)],
    agadir: Uuid,
) -> anyhow::Result<Uuid> {
    let tz = majlis_store::service::meetings::zone("Africa/Casablanca");
    let at = |d: NaiveDate, h: u32, m: u32| {
        tz.from_local_datetime(&d.and_hms_opt(h, m, 0).unwrap_or_default())
            .single()
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default()
    };
    let launch = NaiveDate::from_ymd_opt(2016, 12, 19).unwrap_or_default();
    majlis_store::clock::at(at(launch, 21, 45), async {
        store.save_template(actor, TEMPLATE_KEY, template()).await?;
        let decision = store
            .body_meetings(majlis_domain::Viewer::System, bureau, 50)
            .await?
            .into_iter()
            .find(|m| m.starts_at.date() == launch);
        let decision = match decision {
            Some(m) => store
                .decisions(majlis_domain::Viewer::System, m.id)
                .await?
                .into_iter()
                .find(|d| d.text.contains("7 يناير"))
                .map(|d| d.id),
            None => None,
        };
        let c = store
            .create_campaign(
                actor,
                bureau,
                &CampaignInput {
                    title: "تقييم انتخابات أعضاء مجلس النواب".into(),
                    description: Some(
                        "تعقد الهيئات الإقليمية اجتماعاتها المخصصة لتقييم انتخابات أعضاء مجلس النواب في أجل أقصاه 7 يناير 2017، وترسل تقاريرها إلى المكتب السياسي ليعالجها أرضيةً للتقرير التركيبي."
                            .into(),
                    ),
                    due_on: "2017-01-07".into(),
                    grace_days: None,
                    meeting_kind: Some("special".into()),
                    template: Some(TEMPLATE_KEY.into()),
                    targets: TargetRule {
                        kinds: vec![majlis_domain::body::BodyKind::Provincial],
                        within: None,
                        bodies: vec![],
                    },
                    decision_id: decision,
                },
            )
            .await?;
        store
            .campaign_action(actor, c.id, CampaignAction::Launch)
            .await?;
        // Each province's meeting and report, in the order of the days.
        let mut plan: Vec<(NaiveDate, usize)> = provinces
            .iter()
            .enumerate()
            .filter_map(|(i, (id, _))| match fate(i, *id == agadir) {
                Fate::OnTime(d) | Fate::Late(d) | Fate::Returned(d) => Some((day(d), i)),
                Fate::Missing { meeting: true } => Some((day(6), i)),
                Fate::Missing { meeting: false } => None,
            })
            .collect();
        plan.sort();
        let no_notes = BTreeMap::new();
        for (d, i) in plan {
            let (body, name) = &provinces[i];
            let writer = if *body == agadir {
                agadir_secretary
            } else {
                actor
            };
            let meeting_day = d.pred_opt().unwrap_or(d);
            majlis_store::clock::set(at(meeting_day, 9, 0));
            let m = store
                .create_meeting(
                    actor,
                    *body,
                    &MeetingInput {
                        kind: "special".into(),
                        title: "اجتماع خاص لتقييم انتخابات أعضاء مجلس النواب".into(),
                        starts_at: format!("{meeting_day}T17:00"),
                        ends_at: format!("{meeting_day}T20:00"),
                        venue: Some("مقر الهيئة الإقليمية".into()),
                        city: None,
                        theme: None,
                        quorum: None,
                    },
                )
                .await?;
            majlis_store::clock::set(at(meeting_day, 20, 30));
            store
                .change_meeting_status(actor, m.id, StatusChange::Hold)
                .await?;
            if matches!(fate(i, *body == agadir), Fate::Missing { .. }) {
                continue;
            }
            majlis_store::clock::set(at(d, 19, 15));
            let r = store
                .save_report(writer, c.id, *body, &answers(i, name), Some(m.id), None)
                .await?;
            majlis_store::clock::set(at(d, 21, 40));
            store
                .report_action(writer, r.id, ReportAction::Submit, None, &no_notes)
                .await?;
            if *body == agadir {
                majlis_store::clock::set(at(day(6), 11, 20));
                let notes = BTreeMap::from([(
                    "fields.votes".to_string(),
                    "العدد لا يطابق محضر لجنة الإحصاء الإقليمية: المرجو التحقق.".to_string(),
                )]);
                store
                    .report_action(
                        reviewer,
                        r.id,
                        ReportAction::Return,
                        Some("شكرا على التقرير. المرجو مراجعة عدد الأصوات وإضافة مقترحات عملية قبل إعادة الإرسال."),
                        &notes,
                    )
                    .await?;
            }
        }
        // The synthesis report, written and approved for the special
        // meeting of Wednesday 11 January 2017.
        let special = store
            .body_meetings(majlis_domain::Viewer::System, bureau, 50)
            .await?
            .into_iter()
            .find(|m| m.starts_at.date() == day(11));
        let item = match special {
            Some(m) => {
                majlis_store::clock::set(at(day(8), 10, 0));
                let item = store
                    .add_agenda_item(
                        actor,
                        m.id,
                        &majlis_domain::meeting::AgendaInput {
                            title: "دراسة التقرير التركيبي لتقارير الهيئات الإقليمية حول تقييم انتخابات أعضاء مجلس النواب".into(),
                            presenter_id: None,
                            planned_minutes: Some("90".into()),
                            description: None,
                        },
                    )
                    .await?;
                Some(item.id)
            }
            None => None,
        };
        majlis_store::clock::set(at(day(9), 18, 30));
        let v = store
            .save_synthesis(
                reviewer,
                c.id,
                "توصل المكتب السياسي بتقارير 28 هيئة إقليمية من أصل 30، منها 4 بعد الأجل، وأعاد تقريرا واحدا للمراجعة. تكشف الأرقام عن نسبة مشاركة متوسطة تقارب ما سجل وطنيا، وعن تحسن في عدد الأصوات في الدوائر الحضرية.\n\nتجمع التقارير على أن استعمال المال والعزوف عن التصويت كانا أبرز الصعوبات، وتدعو إلى العمل الدائم في القرب وتكوين المناضلين وتشبيب اللوائح وتأنيثها. يقترح المكتب السياسي عرض هذه الخلاصات على الدورة الثامنة للجنة المركزية.",
                None,
            )
            .await?;
        majlis_store::clock::set(at(day(10), 12, 0));
        store
            .approve_synthesis(reviewer, c.id, v.number, item)
            .await?;
        Ok(c.id)
    })
    .await
}
