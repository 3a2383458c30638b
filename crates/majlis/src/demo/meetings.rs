//! The demo's meetings: the Political Bureau's periodic meeting of Monday
//! 19 December 2016 (agenda, attendance, decisions, the reports heard, its
//! approved minutes), the special meeting of 11 January 2017 and the three
//! thematic meetings with their speakers.

use crate::names;
use majlis_domain::{Actor, Gender};
use majlis_store::Store;
use uuid::Uuid;

/// The seed's meetings: the Political Bureau's periodic meeting of Monday
/// 19 December 2016 (agenda, attendance, decisions and measures, held), the
/// special meeting of Wednesday 11 January 2017 on the synthesis report, and
/// the three thematic meetings of January.
pub(super) async fn meetings(
    store: &Store,
    actor: &Actor,
    approver: &Actor,
    bureau: Uuid,
    members: &[Uuid],
    agadir: Uuid,
) -> anyhow::Result<Vec<Uuid>> {
    use majlis_domain::meeting::{
        AgendaInput, Attendance, DecisionInput, MeetingInput, StatusChange,
    };
    let meeting = |kind: &str,
                   title: &str,
                   start: &str,
                   end: &str,
                   venue: Option<&str>,
                   city: &str,
                   theme: Option<&str>| MeetingInput {
        kind: kind.into(),
        title: title.into(),
        starts_at: start.into(),
        ends_at: end.into(),
        venue: venue.map(String::from),
        city: Some(city.into()),
        theme: theme.map(String::from),
        quorum: None,
    };
    let m = store
        .create_meeting(
            actor,
            bureau,
            &meeting(
                "periodic",
                "الاجتماع الدوري للمكتب السياسي",
                "2016-12-19T18:00",
                "2016-12-19T21:30",
                Some("المقر الوطني للحزب"),
                "الرباط",
                None,
            ),
        )
        .await?;
    let agenda = [
        ("مواصلة التحضير لاجتماع الدورة الثامنة للجنة المركزية", 60),
        ("خطة عمل مدققة بأهداف واضحة لتفعيل مقررات الدورة الأخيرة", 45),
        ("برنامج الورشات الثلاث والمكلفون بأوراق العمل", 30),
        ("برنامج اللقاءات الموضوعاتية الموازية لشهر يناير", 20),
        (
            "تقارير حول مساهمة ممثلين من القيادة الوطنية في أنشطة وتظاهرات وطنية ودولية",
            20,
        ),
        ("قضايا مختلفة", 15),
    ];
    for (i, (title, minutes)) in agenda.iter().enumerate() {
        let presenter = members.get(i % 3).map(|p| p.to_string());
        store
            .add_agenda_item(
                actor,
                m.id,
                &AgendaInput {
                    title: (*title).into(),
                    presenter_id: presenter,
                    planned_minutes: Some(minutes.to_string()),
                    description: None,
                },
            )
            .await?;
    }
    let marks: Vec<(Uuid, Attendance)> = members
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                *p,
                match i {
                    7 | 13 => Attendance::Excused,
                    18 => Attendance::Absent,
                    _ => Attendance::Present,
                },
            )
        })
        .collect();
    store.record_attendances(actor, m.id, &marks).await?;
    let decisions = [
        (
            "measure",
            "تحديد تاريخ 7 يناير 2017 كآخر أجل لعقد اجتماعات الهيئات الإقليمية المخصصة لتقييم انتخابات أعضاء مجلس النواب وإرسال تقاريرها",
            None,
            Some("2017-01-07"),
        ),
        (
            "decision",
            "معالجة التقارير الصادرة عن اجتماعات الهيئات الإقليمية لاعتمادها كأرضية للتقرير التركيبي",
            Some(bureau),
            Some("2017-01-11"),
        ),
        (
            "decision",
            "دراسة التقرير التركيبي خلال لقاء خاص يعقده المكتب السياسي يوم الأربعاء 11 يناير 2017",
            Some(bureau),
            Some("2017-01-11"),
        ),
        (
            "decision",
            "تنظيم أشغال الدورة الثامنة للجنة المركزية يومي 4 و5 فبراير 2017 في جلستي الافتتاح والاختتام وثلاث ورشات",
            Some(bureau),
            Some("2017-02-04"),
        ),
        (
            "measure",
            "تحديد المكلفين، من بين عضوات وأعضاء المكتب السياسي، بإعداد أوراق العمل الخاصة بالورشات الثلاث",
            Some(bureau),
            Some("2017-01-25"),
        ),
        (
            "measure",
            "تدقيق برنامج اللقاءات الموضوعاتية بأكادير والدار البيضاء والرباط خلال شهر يناير",
            Some(bureau),
            Some("2017-01-31"),
        ),
    ];
    for (kind, text, body, due) in decisions {
        let body = if kind == "measure" && body.is_none() {
            Some(agadir)
        } else {
            body
        };
        store
            .add_decision(
                actor,
                m.id,
                &DecisionInput {
                    kind: kind.into(),
                    text: text.into(),
                    responsible_person_id: None,
                    responsible_body_id: body.map(|b| b.to_string()),
                    due_on: due.map(String::from),
                },
            )
            .await?;
    }
    // «استمع إلى تقارير حول مساهمة ممثلين من القيادة الوطنية في بعض
    // الأنشطة والتظاهرات الوطنية والدولية» (demo records, not real events).
    let participations = [
        (
            "ندوة دولية حول بدائل اليسار",
            "شبكة من الأحزاب اليسارية المتوسطية",
            "international",
            Some("تونس"),
            Some("تونس"),
            "2016-12-09",
            "2016-12-11",
            &members[2..4],
        ),
        (
            "ملتقى وطني حول العمل الجمعوي",
            "فيدرالية جمعيات المجتمع المدني",
            "national",
            None,
            Some("مراكش"),
            "2016-12-15",
            "2016-12-15",
            &members[6..7],
        ),
    ];
    for (event, organizer, scope, country, city, first, last, people) in participations {
        let p = store
            .create_participation(
                actor,
                bureau,
                &majlis_domain::participation::ParticipationInput {
                    event: event.into(),
                    organizer: organizer.into(),
                    scope: scope.into(),
                    country: country.map(String::from),
                    city: city.map(String::from),
                    first_day: first.into(),
                    last_day: Some(last.into()),
                    people: people.to_vec(),
                    report: Some(format!(
                        "تقرير المشاركة في «{event}»: عرض لمواقف الحزب وتبادل حول القضايا المطروحة."
                    )),
                },
                None,
                majlis_domain::upload::MAX_UPLOAD_BYTES,
            )
            .await?;
        store
            .add_meeting_report(
                actor,
                m.id,
                &format!("تقرير حول المشاركة في {event}"),
                Some(p.id),
                None,
                majlis_domain::upload::MAX_UPLOAD_BYTES,
            )
            .await?;
    }
    store
        .change_meeting_status(actor, m.id, StatusChange::Hold)
        .await?;
    // The minutes, written and approved.
    let items = store.agenda(majlis_domain::Viewer::System, m.id).await?;
    // One text per agenda item, in the communiqué's words.
    let texts = [
        "واصل المكتب السياسي التحضير لاجتماع الدورة الثامنة للجنة المركزية المقرر يومي السبت 4 والأحد 5 فبراير 2017 بالمقر الوطني بالرباط، وحدد تاريخ 7 يناير المقبل آخر أجل لاجتماعات الهيئات الإقليمية المخصصة لتقييم انتخابات أعضاء مجلس النواب.",
        "تقرر إعداد خطة عمل مدققة بأهداف واضحة ومواعيد محددة لتفعيل مقررات الدورة الأخيرة، يعالج المكتب السياسي على أساسها تقارير الهيئات الإقليمية أرضيةً للتقرير التركيبي المعروض على اللجنة المركزية.",
        "قرر أن تنتظم أشغال الدورة، إضافة إلى جلستي الافتتاح والاختتام، في ثلاث ورشات: آليات العمل الحزبي القائم على القرب، وتحويل التأثير التنظيمي والإشعاع السياسي إلى قوة انتخابية، والحزب قوة اقتراحية للأفكار والبدائل؛ وحدد المكلفين بإعداد أوراق العمل.",
        "صادق على برنامج اللقاءات الموضوعاتية الموازية خلال شهر يناير: «الحزب والمجتمع» بأكادير، و«مشروع اليسار في مغرب اليوم» بالدار البيضاء، و«طرق العمل الحزبي في قطاع الاقتصاد والعمل التضامني» بالرباط.",
        "استمع المكتب السياسي إلى تقارير حول مساهمة ممثلين من القيادة الوطنية في بعض الأنشطة والتظاهرات الوطنية والدولية، وسجل أهميتها في التعريف بمواقف الحزب.",
        "تداول المكتب السياسي في بعض القضايا المختلفة، واتخذ التدابير اللازمة في شأنها.",
    ];
    let minutes = majlis_domain::minutes::MinutesInput {
        version: 0,
        overall: Some(
            "انعقد الاجتماع برئاسة الأمين العام، وتداول المكتب السياسي في النقط المدرجة في جدول الأعمال، وخلص إلى المقررات والتدابير المسجلة في هذا المحضر.".into(),
        ),
        items: items
            .iter()
            .zip(texts.iter())
            .map(|(i, t)| majlis_domain::minutes::ItemMinutes {
                agenda_item_id: i.id,
                text: Some((*t).into()),
            })
            .collect(),
    };
    let saved = store.save_minutes(actor, m.id, &minutes).await?;
    // Approved by a member of the bureau, whose name the minutes carry, the
    // evening of the meeting (22:00 in Morocco, UTC+0 in December 2016).
    let evening = chrono::NaiveDate::from_ymd_opt(2016, 12, 19)
        .and_then(|d| d.and_hms_opt(22, 0, 0))
        .unwrap_or_default()
        .and_utc();
    majlis_store::clock::at(
        evening,
        store.approve_minutes(approver, m.id, saved.version),
    )
    .await?;

    store
        .create_meeting(
            actor,
            bureau,
            &meeting(
                "special",
                "لقاء خاص لدراسة التقرير التركيبي",
                "2017-01-11T17:00",
                "2017-01-11T20:00",
                Some("المقر الوطني للحزب"),
                "الرباط",
                None,
            ),
        )
        .await?;
    let mut thematic = Vec::new();
    for (date, city, theme) in [
        ("2017-01-14", "أكادير", "الحزب والمجتمع"),
        ("2017-01-21", "الدار البيضاء", "مشروع اليسار في مغرب اليوم"),
        (
            "2017-01-28",
            "الرباط",
            "طرق العمل الحزبي في قطاع الاقتصاد والعمل التضامني",
        ),
    ] {
        let title = format!("لقاء موضوعاتي بمدينة {city}");
        let input = meeting(
            "thematic",
            &title,
            &format!("{date}T10:00"),
            &format!("{date}T13:00"),
            None,
            city,
            Some(theme),
        );
        let id = store.create_meeting(actor, bureau, &input).await?.id;
        // Speakers: a member of the bureau and a guest from outside the party
        // (demo names).
        let k = thematic.len();
        let member = store
            .visible_person(majlis_domain::Viewer::System, members[8 + k])
            .await?
            .0;
        // The second speaker's quality says her or his gender.
        let female = k == 1;
        let (outsider, _) = names::name(300 + k, female);
        let outsider_gender = if female { Gender::Female } else { Gender::Male };
        for (name, quality, gender) in [
            (
                member.full_name_ar.clone(),
                if member.gender == Gender::Female {
                    "عضوة المكتب السياسي"
                } else {
                    "عضو المكتب السياسي"
                },
                member.gender,
            ),
            (
                outsider,
                [
                    "أستاذ باحث في علم الاجتماع",
                    "فاعلة جمعوية",
                    "خبير في الاقتصاد الاجتماعي والتضامني",
                ][k],
                outsider_gender,
            ),
        ] {
            store
                .add_guest(
                    actor,
                    id,
                    &majlis_domain::participation::GuestInput {
                        name,
                        quality: Some(quality.into()),
                        email: None,
                        speaker: true,
                        gender: Some(gender.as_str().into()),
                    },
                )
                .await?;
        }
        thematic.push(id);
    }
    Ok(thematic)
}
