//! `majlis demo`: the organization of the seed communiqué (19 December 2016):
//! the Political Bureau, the Central Committee, regional and provincial bodies
//! (Agadir, Casablanca and Rabat among them), two parallel organizations and
//! two sectors, with invented members, and the four demo logins.

use crate::names;
use chrono::NaiveDate;
use majlis_domain::{Actor, BodyInput, MembershipInput, OrgSettings, PersonInput};
use majlis_store::{NewAccount, Store};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "majlis-demo";

/// (login, what it shows) — printed at start and listed in the README.
pub const LOGINS: [(&str, &str); 4] = [
    ("admin", "instance admin"),
    ("bureau", "a Political Bureau member"),
    ("agadir", "the Agadir provincial secretary"),
    ("member", "a plain member of the Agadir provincial body"),
];

/// A province: (Arabic name, French name).
type Province = (&'static str, &'static str);

/// Regions (Arabic, French) and their provinces.
const REGIONS: [(&str, &str, &[Province]); 12] = [
    (
        "جهة طنجة تطوان الحسيمة",
        "Tanger-Tétouan-Al Hoceïma",
        &[
            ("طنجة أصيلة", "Tanger-Assilah"),
            ("تطوان", "Tétouan"),
            ("الحسيمة", "Al Hoceïma"),
        ],
    ),
    (
        "جهة الشرق",
        "Oriental",
        &[("وجدة أنكاد", "Oujda-Angad"), ("الناظور", "Nador")],
    ),
    (
        "جهة فاس مكناس",
        "Fès-Meknès",
        &[("فاس", "Fès"), ("مكناس", "Meknès")],
    ),
    (
        "جهة الرباط سلا القنيطرة",
        "Rabat-Salé-Kénitra",
        &[
            ("الرباط", "Rabat"),
            ("سلا", "Salé"),
            ("القنيطرة", "Kénitra"),
            ("الخميسات", "Khémisset"),
        ],
    ),
    (
        "جهة بني ملال خنيفرة",
        "Béni Mellal-Khénifra",
        &[("بني ملال", "Béni Mellal"), ("خريبكة", "Khouribga")],
    ),
    (
        "جهة الدار البيضاء سطات",
        "Casablanca-Settat",
        &[
            ("الدار البيضاء", "Casablanca"),
            ("المحمدية", "Mohammédia"),
            ("الجديدة", "El Jadida"),
            ("سطات", "Settat"),
        ],
    ),
    (
        "جهة مراكش آسفي",
        "Marrakech-Safi",
        &[("مراكش", "Marrakech"), ("آسفي", "Safi")],
    ),
    (
        "جهة درعة تافيلالت",
        "Drâa-Tafilalet",
        &[("الرشيدية", "Errachidia"), ("ورزازات", "Ouarzazate")],
    ),
    (
        "جهة سوس ماسة",
        "Souss-Massa",
        &[
            ("أكادير إداوتنان", "Agadir Ida-Outanane"),
            ("إنزكان آيت ملول", "Inezgane-Aït Melloul"),
            ("تارودانت", "Taroudant"),
        ],
    ),
    (
        "جهة كلميم واد نون",
        "Guelmim-Oued Noun",
        &[("كلميم", "Guelmim")],
    ),
    (
        "جهة العيون الساقية الحمراء",
        "Laâyoune-Sakia El Hamra",
        &[("العيون", "Laâyoune")],
    ),
    (
        "جهة الداخلة وادي الذهب",
        "Dakhla-Oued Ed-Dahab",
        &[("الداخلة", "Dakhla")],
    ),
];

struct Seeder<'a> {
    store: &'a Store,
    actor: Actor,
    next_person: usize,
    start: NaiveDate,
}

impl Seeder<'_> {
    async fn body(
        &self,
        ar: &str,
        fr: &str,
        en: &str,
        kind: &str,
        parent: Option<Uuid>,
        city: &str,
    ) -> anyhow::Result<Uuid> {
        let input = BodyInput {
            name_ar: ar.into(),
            name_fr: Some(fr.into()),
            name_en: Some(en.into()),
            kind: kind.into(),
            parent_id: parent.map(|p| p.to_string()),
            city: Some(city.into()),
        };
        Ok(self.store.create_body(&self.actor, &input).await?.id)
    }

    async fn person(&mut self, female: bool) -> anyhow::Result<Uuid> {
        let i = self.next_person;
        self.next_person += 1;
        let (ar, latin) = names::name(i / 2, female);
        // «Nabil Ben Abdellah» → nabil.ben.abdellah (no leading, trailing or doubled dots).
        let slug = latin
            .to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(".");
        let input = PersonInput {
            full_name_ar: ar,
            full_name_latin: Some(latin),
            gender: if female { "female" } else { "male" }.into(),
            member_number: Some(format!("PPS-{:06}", i + 1)),
            email: Some(format!("{slug}.{}@example.ma", i + 1)),
            phone: Some(format!(
                "+212 6 {:02} {:02} {:02} {:02}",
                10 + i % 80,
                i % 97,
                (i * 7) % 100,
                (i * 13) % 100
            )),
            joined_on: Some(format!(
                "{}-{:02}-{:02}",
                1975 + (i % 40),
                1 + i % 12,
                1 + i % 28
            )),
        };
        Ok(self.store.create_person(&self.actor, &input).await?.id)
    }

    async fn role(&self, person: Uuid, body: Uuid, role: &str) -> anyhow::Result<()> {
        let input = MembershipInput {
            person_id: person.to_string(),
            body_id: body.to_string(),
            role: role.into(),
            starts_on: Some(self.start.to_string()),
            ends_on: None,
        };
        self.store
            .add_membership(&self.actor, &input, self.start)
            .await?;
        Ok(())
    }
}

/// Loads the seed's organization into an empty database.
pub async fn load(store: &Store) -> anyhow::Result<()> {
    // The system acts as admin while seeding (audit events show "system").
    let actor = Actor {
        account_id: Uuid::nil(),
        person_id: None,
        is_admin: true,
        roles: vec![],
    };
    store
        .write_settings(
            None,
            OrgSettings {
                name_ar: "حزب التقدم والاشتراكية".into(),
                name_fr: Some("Parti du Progrès et du Socialisme".into()),
                name_en: Some("Party of Progress and Socialism".into()),
                short_name: "PPS".into(),
                ..OrgSettings::default()
            },
        )
        .await?;
    // The invented mandates all began on 1 June 2014.
    let start = NaiveDate::from_ymd_opt(2014, 6, 1).unwrap_or_default();
    let mut s = Seeder {
        store,
        actor,
        next_person: 0,
        start,
    };

    let bureau = s
        .body(
            "المكتب السياسي",
            "Bureau politique",
            "Political Bureau",
            "executive",
            None,
            "الرباط",
        )
        .await?;
    let committee = s
        .body(
            "اللجنة المركزية",
            "Comité central",
            "Central Committee",
            "council",
            None,
            "الرباط",
        )
        .await?;
    let youth = s
        .body(
            "الشبيبة الاشتراكية",
            "Jeunesse socialiste",
            "Socialist Youth",
            "parallel_org",
            None,
            "الرباط",
        )
        .await?;
    let women = s
        .body(
            "منتدى المناصفة والمساواة",
            "Forum de la parité et de l’égalité",
            "Parity and Equality Forum",
            "parallel_org",
            None,
            "الرباط",
        )
        .await?;
    let teachers = s
        .body(
            "قطاع التعليم",
            "Secteur de l’enseignement",
            "Education sector",
            "sector",
            None,
            "الرباط",
        )
        .await?;
    let health = s
        .body(
            "قطاع الصحة",
            "Secteur de la santé",
            "Health sector",
            "sector",
            None,
            "الرباط",
        )
        .await?;

    // Political Bureau: 21 members, women and men; its members sit on the Central Committee.
    let mut bureau_people = Vec::new();
    for i in 0..21 {
        let p = s.person(i % 3 == 1).await?;
        let role = match i {
            0 => "chair",
            1 | 2 => "deputy_chair",
            3 => "secretary",
            4 => "treasurer",
            _ => "member",
        };
        s.role(p, bureau, role).await?;
        s.role(p, committee, "member").await?;
        bureau_people.push(p);
    }
    // The rest of the Central Committee: 130 more (151 in all).
    let mut committee_people = Vec::new();
    for i in 0..130 {
        let p = s.person(i % 5 < 2).await?;
        s.role(p, committee, "member").await?;
        committee_people.push(p);
    }

    // Regions and provinces, each province with a secretary and members.
    let mut agadir = None;
    for (region_ar, region_fr, provinces) in REGIONS {
        let region = s
            .body(
                region_ar,
                &format!("Région {region_fr}"),
                &format!("{region_fr} region"),
                "regional",
                None,
                provinces[0].0,
            )
            .await?;
        let chair = s.person(false).await?;
        s.role(chair, region, "chair").await?;
        for (prov_ar, prov_fr) in provinces {
            let id = s
                .body(
                    &format!("الهيئة الإقليمية {prov_ar}"),
                    &format!("Instance provinciale de {prov_fr}"),
                    &format!("{prov_fr} provincial body"),
                    "provincial",
                    Some(region),
                    prov_ar,
                )
                .await?;
            if prov_ar.starts_with("أكادير") {
                agadir = Some(id);
            }
            let secretary = s.person(id.as_u128() % 3 == 0).await?;
            s.role(secretary, id, "secretary").await?;
            for k in 0..5 {
                let m = s.person(k % 2 == 0).await?;
                s.role(m, id, "member").await?;
            }
        }
    }
    let agadir = agadir.ok_or_else(|| anyhow::anyhow!("Agadir provincial body missing"))?;

    // Parallel organizations and sectors: a chair and a few members each.
    for (body, female_chair) in [
        (youth, false),
        (women, true),
        (teachers, true),
        (health, false),
    ] {
        let chair = s.person(female_chair).await?;
        s.role(chair, body, "chair").await?;
        for k in 0..4 {
            let m = s.person(k % 2 == 1).await?;
            s.role(m, body, "member").await?;
        }
    }

    let thematic = meetings(store, &s.actor, bureau, &bureau_people, agadir).await?;
    eighth_session(
        store,
        &s.actor,
        committee,
        &bureau_people,
        &committee_people,
        &thematic,
    )
    .await?;

    // Demo logins.
    let agadir_members = store.body_members(agadir).await?;
    let agadir_secretary = agadir_members
        .iter()
        .find(|m| m.membership.role.as_str() == "secretary")
        .map(|m| m.person.id);
    let agadir_member = agadir_members
        .iter()
        .find(|m| m.membership.role.as_str() == "member")
        .map(|m| m.person.id);
    let accounts = [
        ("admin", None, true),
        ("bureau", Some(bureau_people[5]), false),
        ("agadir", agadir_secretary, false),
        ("member", agadir_member, false),
    ];
    for (username, person_id, is_admin) in accounts {
        store
            .create_account(
                None,
                NewAccount {
                    username: username.into(),
                    email: None,
                    password: DEMO_PASSWORD.into(),
                    person_id,
                    is_admin,
                },
            )
            .await?;
    }
    Ok(())
}

/// The seed's meetings: the Political Bureau's periodic meeting of Monday
/// 19 December 2016 (agenda, attendance, decisions and measures, held), the
/// special meeting of Wednesday 11 January 2017 on the synthesis report, and
/// the three thematic meetings of January.
async fn meetings(
    store: &Store,
    actor: &Actor,
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
    let items = store.agenda(m.id).await?;
    let texts = [
        "واصل المكتب السياسي التحضير لاجتماع الدورة الثامنة للجنة المركزية المقرر يومي السبت 4 والأحد 5 فبراير 2017 بالمقر الوطني بالرباط.",
        "حدد تاريخ 7 يناير المقبل آخر أجل لاجتماعات الهيئات الإقليمية المخصصة لتقييم انتخابات أعضاء مجلس النواب، على أن يعالج المكتب السياسي تقاريرها أرضيةً للتقرير التركيبي.",
        "قرر أن تنتظم أشغال الدورة، إضافة إلى جلستي الافتتاح والاختتام، في ثلاث ورشات، وحدد المكلفين بإعداد أوراق العمل.",
    ];
    let minutes = majlis_domain::minutes::MinutesInput {
        version: 0,
        overall: Some(
            "وفي نهاية أشغال الاجتماع تداول المكتب السياسي في بعض القضايا المختلفة، واتخذ التدابير اللازمة في شأنها، كما استمع إلى تقارير حول مساهمة ممثلين من القيادة الوطنية في بعض الأنشطة والتظاهرات الوطنية والدولية.".into(),
        ),
        items: items
            .iter()
            .zip(texts.iter().cycle())
            .map(|(i, t)| majlis_domain::minutes::ItemMinutes {
                agenda_item_id: i.id,
                text: Some((*t).into()),
            })
            .collect(),
    };
    let saved = store.save_minutes(actor, m.id, &minutes).await?;
    store.approve_minutes(actor, m.id, saved.version).await?;

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
        let member = store.person(members[8 + k]).await?;
        let (outsider, _) = names::name(300 + k, k % 2 == 0);
        for (name, quality) in [
            (member.full_name_ar.clone(), "عضو المكتب السياسي"),
            (
                outsider,
                [
                    "أستاذ باحث في علم الاجتماع",
                    "فاعلة جمعوية",
                    "خبير في الاقتصاد الاجتماعي والتضامني",
                ][k],
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
                    },
                )
                .await?;
        }
        thematic.push(id);
    }
    Ok(thematic)
}

/// The 8th session of the Central Committee, Saturday 4 and Sunday 5
/// February 2017 at the national headquarters in Rabat: opening, three
/// workshops with the communiqué's themes and their working papers, closing,
/// and the three thematic meetings as its parallel program.
async fn eighth_session(
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
