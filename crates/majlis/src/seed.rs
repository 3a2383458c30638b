//! `majlis seed --scale N`: synthetic data for benchmarks — about N·100
//! bodies, N·10,000 people and their memberships — with a progress bar.
//!
//! Shape: one executive and one council; N·10 regions, each with 9
//! provincial bodies; every person belongs to one provincial body (a
//! secretary first), the council has 150·N members, and 5 provincial bodies
//! get 200 members each (for the "body page with 200 members" benchmark).

use crate::names;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};
use majlis_store::Store;
use majlis_store::bulk::{BodyRow, MembershipRow, PersonRow};
use uuid::Uuid;

pub async fn run(store: &Store, scale: u32) -> anyhow::Result<()> {
    anyhow::ensure!(
        (1..=100).contains(&scale),
        "--scale must be between 1 and 100"
    );
    let n = scale as usize;
    let start = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let mut bodies = Vec::new();
    let executive = Uuid::now_v7();
    let council = Uuid::now_v7();
    bodies.push(BodyRow {
        id: executive,
        name_ar: "المكتب التنفيذي".into(),
        name_fr: "Bureau exécutif".into(),
        kind: "executive",
        parent_id: None,
        city: "الرباط".into(),
    });
    bodies.push(BodyRow {
        id: council,
        name_ar: "المجلس الوطني".into(),
        name_fr: "Conseil national".into(),
        kind: "council",
        parent_id: None,
        city: "الرباط".into(),
    });
    let mut provinces = Vec::new();
    for r in 0..n * 10 {
        let region = Uuid::now_v7();
        bodies.push(BodyRow {
            id: region,
            name_ar: format!("الجهة {}", r + 1),
            name_fr: format!("Région {}", r + 1),
            kind: "regional",
            parent_id: None,
            city: format!("مدينة {}", r + 1),
        });
        for p in 0..9 {
            let id = Uuid::now_v7();
            let k = r * 9 + p + 1;
            bodies.push(BodyRow {
                id,
                name_ar: format!("الهيئة الإقليمية {k}"),
                name_fr: format!("Instance provinciale {k}"),
                kind: "provincial",
                parent_id: Some(region),
                city: format!("إقليم {k}"),
            });
            provinces.push(id);
        }
    }
    let people_count = n * 10_000;
    let mut people = Vec::with_capacity(people_count);
    let mut memberships = Vec::with_capacity(people_count + n * 150);
    for i in 0..people_count {
        let female = i % 2 == 0;
        let (ar, latin) = names::name(i / 2 % 960, female);
        let id = Uuid::now_v7();
        people.push(PersonRow {
            id,
            full_name_ar: ar,
            full_name_latin: latin,
            female,
            member_number: format!("S-{:07}", i + 1),
            email: format!("member{}@example.ma", i + 1),
        });
        // The first 5 provinces get 200 members each (their first one is the
        // secretary); every other province gets a secretary, then members.
        let others = provinces.len() - 5;
        let (body, role) = if i < 1000 {
            (
                provinces[i / 200],
                if i % 200 == 0 { "secretary" } else { "member" },
            )
        } else if i < 1000 + others {
            (provinces[5 + (i - 1000)], "secretary")
        } else {
            (provinces[5 + i % others], "member")
        };
        memberships.push(MembershipRow {
            person_id: id,
            body_id: body,
            role,
            starts_on: start,
        });
        if i % (10_000 / 150) == 0 {
            memberships.push(MembershipRow {
                person_id: id,
                body_id: council,
                role: "member",
                starts_on: start,
            });
        }
        if i < 20 {
            memberships.push(MembershipRow {
                person_id: id,
                body_id: executive,
                role: if i == 0 { "chair" } else { "member" },
                starts_on: start,
            });
        }
    }
    let total = (bodies.len() + people.len() + memberships.len()) as u64;
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} rows ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let counts = (bodies.len(), people.len(), memberships.len());
    store
        .bulk_load(bodies, people, memberships, |done| bar.set_position(done))
        .await?;
    bar.finish();
    println!(
        "seeded {} bodies, {} people, {} memberships",
        counts.0, counts.1, counts.2
    );
    Ok(())
}
