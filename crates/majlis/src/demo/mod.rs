//! `majlis demo`: the organization of the seed communiqué (19 December 2016):
//! the Political Bureau, the Central Committee, regional and provincial bodies
//! (30 provinces, Agadir, Casablanca and Rabat among them), two parallel
//! organizations and two sectors, with invented members, the four demo
//! logins, and the provinces' evaluation campaign with its reports.

use crate::names;
use chrono::NaiveDate;
use majlis_domain::{Actor, BodyInput, MembershipInput, OrgSettings, PersonInput};
use majlis_store::{NewAccount, Store};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "majlis-demo";

/// (login, what it shows) — printed at start and listed in the README.
pub const LOGINS: [(&str, &str); 5] = [
    ("admin", "instance admin"),
    ("bureau", "a Political Bureau member"),
    (
        "secretary",
        "the Political Bureau's secretary (approves communiqués)",
    ),
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
        &[
            ("وجدة أنكاد", "Oujda-Angad"),
            ("الناظور", "Nador"),
            ("بركان", "Berkane"),
        ],
    ),
    (
        "جهة فاس مكناس",
        "Fès-Meknès",
        &[("فاس", "Fès"), ("مكناس", "Meknès"), ("تازة", "Taza")],
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
        &[
            ("مراكش", "Marrakech"),
            ("آسفي", "Safi"),
            ("الصويرة", "Essaouira"),
        ],
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
        // Each person their own draw: no two demo people share a name.
        let (ar, latin) = names::name(i, female);
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
    let mut provinces_made = Vec::new();
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
        for (k, (prov_ar, prov_fr)) in provinces.iter().enumerate() {
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
            provinces_made.push((id, prov_ar.to_string()));
            if prov_ar.starts_with("أكادير") {
                agadir = Some(id);
            }
            // One provincial secretary in three a woman, the same on every run.
            let secretary = s.person(k % 3 == 1).await?;
            s.role(secretary, id, "secretary").await?;
            for j in 0..5 {
                let m = s.person(j % 2 == 0).await?;
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

    // Demo logins.
    let agadir_members = store
        .body_members(majlis_domain::Viewer::System, agadir)
        .await?;
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
        ("secretary", Some(bureau_people[3]), false),
        ("agadir", agadir_secretary, false),
        ("member", agadir_member, false),
    ];
    let mut approver = None;
    let mut agadir_actor = None;
    let mut secretary_actor = None;
    for (username, person_id, is_admin) in accounts {
        let account = store
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
        match username {
            "bureau" => approver = Some(store.actor_for(&account).await?),
            "agadir" => agadir_actor = Some(store.actor_for(&account).await?),
            "secretary" => secretary_actor = Some(store.actor_for(&account).await?),
            _ => {}
        }
    }
    let approver = approver.ok_or_else(|| anyhow::anyhow!("the bureau account is missing"))?;

    let thematic =
        meetings::meetings(store, &s.actor, &approver, bureau, &bureau_people, agadir).await?;
    session::eighth_session(
        store,
        &s.actor,
        committee,
        &bureau_people,
        &committee_people,
        &thematic,
    )
    .await?;
    let agadir_actor =
        agadir_actor.ok_or_else(|| anyhow::anyhow!("the agadir account is missing"))?;
    let campaign = campaign::elections_campaign(
        store,
        &s.actor,
        &approver,
        &agadir_actor,
        bureau,
        &provinces_made,
        agadir,
    )
    .await?;
    plan::eighth_session_plan(store, &s.actor, bureau, committee, campaign).await?;
    let secretary =
        secretary_actor.ok_or_else(|| anyhow::anyhow!("the secretary account is missing"))?;
    let seed = communique::seed_communique(store, &approver, &secretary, bureau).await?;
    let (published, _, _) = store
        .communique(majlis_domain::Viewer::System, seed)
        .await?;
    communique::seed_comments(store, &secretary, &published.slug).await?;

    Ok(())
}

pub mod campaign;
mod communique;
mod meetings;
mod plan;
mod session;
