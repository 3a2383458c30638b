//! The demo's action plan: «خطة عمل مدققة بأهداف واضحة» adopted by the
//! Political Bureau on 19 December 2016 to carry out the decisions of that
//! meeting and prepare the 8th session — the provinces' evaluation (a task
//! that follows the campaign), the working papers of the three workshops
//! and the thematic meetings of January, each task updated on its own date.

use chrono::{NaiveDate, TimeZone};
use majlis_domain::Actor;
use majlis_domain::plan::{ObjectiveInput, PlanInput, TaskChange, TaskInput};
use majlis_store::Store;
use uuid::Uuid;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

pub(super) async fn eighth_session_plan(
    store: &Store,
    actor: &Actor,
    bureau: Uuid,
    committee: Uuid,
    campaign: Uuid,
) -> anyhow::Result<Uuid> {
    let tz = majlis_store::service::meetings::zone("Africa/Casablanca");
    let at = |d: NaiveDate, h: u32| {
        tz.from_local_datetime(&d.and_hms_opt(h, 0, 0).unwrap_or_default())
            .single()
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default()
    };
    majlis_store::clock::at(at(day(2016, 12, 19), 22), async {
        let meeting = store
            .body_meetings(majlis_domain::Viewer::System, bureau, 50)
            .await?
            .into_iter()
            .find(|m| m.starts_at.date() == day(2016, 12, 19));
        let decisions = match meeting {
            Some(m) => store
                .decisions(majlis_domain::Viewer::System, m.id)
                .await?
                .into_iter()
                .map(|d| d.id)
                .collect(),
            None => Vec::new(),
        };
        let plan = store
            .create_plan(
                actor,
                bureau,
                &PlanInput {
                    title: "خطة عمل التحضير للدورة الثامنة للجنة المركزية".into(),
                    description: Some(
                        "خطة عمل مدققة بأهداف واضحة ومواعيد محددة لتفعيل مقررات الدورة الأخيرة والتحضير لأشغال الدورة الثامنة يومي 4 و5 فبراير 2017."
                            .into(),
                    ),
                    decision_ids: decisions,
                },
            )
            .await?;
        let objective = |title: &str, value: &str, unit: &str, date: &str, weight: &str| {
            ObjectiveInput {
                title: title.into(),
                target_value: Some(value.into()),
                unit: Some(unit.into()),
                target_date: Some(date.into()),
                weight: Some(weight.into()),
            }
        };
        let task = |title: &str, body: Option<Uuid>, due: &str, campaign: Option<Uuid>| TaskInput {
            title: title.into(),
            responsible_person_id: None,
            responsible_body_id: body.map(|b| b.to_string()),
            due_on: Some(due.into()),
            weight: None,
            campaign_id: campaign.map(|c| c.to_string()),
        };
        // 1. The provinces' evaluation of the elections.
        let o1 = store
            .add_objective(
                actor,
                plan,
                &objective("تقييم انتخابات أعضاء مجلس النواب في كل الأقاليم", "30", "تقريرا إقليميا", "2017-01-07", "2"),
            )
            .await?;
        store
            .add_task(actor, o1, &task("تقارير الهيئات الإقليمية", None, "2017-01-07", Some(campaign)))
            .await?;
        let synthesis = store
            .add_task(actor, o1, &task("إعداد التقرير التركيبي ودراسته", Some(bureau), "2017-01-11", None))
            .await?;
        // 2. The working papers of the three workshops.
        let o2 = store
            .add_objective(
                actor,
                plan,
                &objective("أوراق عمل الورشات الثلاث", "3", "أوراق عمل", "2017-01-25", "2"),
            )
            .await?;
        let mut papers = Vec::new();
        for w in [
            "ورقة ورشة آليات العمل الحزبي القائم على القرب",
            "ورقة ورشة تحويل التأثير التنظيمي والإشعاع السياسي إلى قوة انتخابية",
            "ورقة ورشة الحزب قوة اقتراحية للأفكار والبدائل",
        ] {
            papers.push(store.add_task(actor, o2, &task(w, Some(bureau), "2017-01-25", None)).await?);
        }
        // 3. The thematic meetings of January.
        let o3 = store
            .add_objective(
                actor,
                plan,
                &objective("اللقاءات الموضوعاتية الموازية", "3", "لقاءات", "2017-01-31", "1"),
            )
            .await?;
        let mut meetings = Vec::new();
        for city in ["أكادير", "الدار البيضاء", "الرباط"] {
            meetings.push(
                store
                    .add_task(actor, o3, &task(&format!("اللقاء الموضوعاتي بـ{city}"), Some(bureau), "2017-01-31", None))
                    .await?,
            );
        }
        let session = store
            .add_objective(
                actor,
                plan,
                &objective("انعقاد الدورة الثامنة للجنة المركزية", "1", "دورة", "2017-02-05", "1"),
            )
            .await?;
        store
            .add_task(actor, session, &task("التحضير المادي والتنظيمي للدورة", Some(committee), "2017-02-04", None))
            .await?;
        // Progress over the weeks.
        let updates: [(Uuid, NaiveDate, &str, &str, &str); 7] = [
            (papers[0], day(2017, 1, 10), "in_progress", "60", "مسودة أولى نوقشت داخل المكتب السياسي"),
            (synthesis, day(2017, 1, 11), "done", "100", "صودق على التقرير التركيبي في اللقاء الخاص"),
            (meetings[0], day(2017, 1, 14), "done", "100", "انعقد لقاء «الحزب والمجتمع» بأكادير"),
            (papers[0], day(2017, 1, 20), "done", "100", "الورقة جاهزة"),
            (papers[1], day(2017, 1, 21), "in_progress", "80", "في انتظار ملاحظات المكلفين"),
            (meetings[1], day(2017, 1, 21), "done", "100", "انعقد لقاء «مشروع اليسار في مغرب اليوم» بالدار البيضاء"),
            (papers[2], day(2017, 1, 22), "in_progress", "50", "تجميع المقترحات"),
        ];
        for (task, d, status, progress, note) in updates {
            majlis_store::clock::set(at(d, 19));
            store
                .change_task(
                    actor,
                    task,
                    &TaskChange {
                        status: status.into(),
                        progress: Some(progress.into()),
                        note: Some(note.into()),
                        version: None,
                    },
                )
                .await?;
        }
        Ok(plan)
    })
    .await
}
