//! A communiqué drafted from a held meeting's record, in the house style of
//! the seed («خصص المكتب السياسي لحزب … اجتماعه الدوري ليوم الإثنين 19 دجنبر
//! 2016، لمواصلة …»): its agenda, decisions and measures, campaigns and
//! their deadlines, the sessions it prepares with their dates, venue and
//! workshops, the thematic meetings with their cities and themes, and the
//! closing sentence on other business and the reports heard. Deterministic
//! (templates, no model); every sentence says which record it came from,
//! so that the press officer can check it before editing.

use crate::meeting::{DecisionKind, MeetingKind};
use chrono::{Datelike, NaiveDate};
use majlis_text::DateFormatter;
use majlis_text::ordinal::arabic_feminine;
use serde::Serialize;
use uuid::Uuid;

mod fr;
pub use fr::draft_fr;

/// Where a sentence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Source {
    Meeting(Uuid),
    AgendaItem(Uuid),
    Decision(Uuid),
    Campaign(Uuid),
    Session(Uuid),
    Workshop(Uuid),
    /// A thematic meeting.
    Thematic(Uuid),
    /// The reports heard (participations in events).
    Reports,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub text: String,
    pub sources: Vec<Source>,
}

/// A drafted communiqué: its title and paragraphs of traced sentences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub title: String,
    pub paragraphs: Vec<Vec<Sentence>>,
}

impl Draft {
    /// The text as Markdown: one paragraph per block.
    pub fn markdown(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| {
                p.iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

pub struct Item {
    pub id: Uuid,
    pub title: String,
}

pub struct DecisionFact {
    pub id: Uuid,
    pub kind: DecisionKind,
    pub text: String,
    pub due_on: Option<NaiveDate>,
}

pub struct CampaignFact {
    pub id: Uuid,
    pub title: String,
    pub due_on: NaiveDate,
    pub targets: usize,
    pub meeting_required: bool,
    pub report_required: bool,
}

pub struct WorkshopFact {
    pub id: Uuid,
    pub title: String,
}

pub struct SessionFact {
    pub id: Uuid,
    /// «اللجنة المركزية» / «Comité central».
    pub council: String,
    pub number: u32,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub venue: Option<String>,
    pub city: Option<String>,
    pub workshops: Vec<WorkshopFact>,
}

pub struct ThematicFact {
    pub id: Uuid,
    pub city: String,
    pub theme: String,
    pub date: NaiveDate,
}

/// What the record of a held meeting says, as the draft needs it (names in
/// the draft's language).
pub struct RecordFacts {
    /// «حزب التقدم والاشتراكية».
    pub organization: String,
    /// «المكتب السياسي».
    pub body: String,
    pub meeting_id: Uuid,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub agenda: Vec<Item>,
    pub decisions: Vec<DecisionFact>,
    pub campaigns: Vec<CampaignFact>,
    pub sessions: Vec<SessionFact>,
    pub thematic: Vec<ThematicFact>,
    pub reports_heard: usize,
}

/// «ل» before a word: «لل» before the article (ل + التحضير → للتحضير).
fn li(word: &str) -> String {
    match word.strip_prefix("ال") {
        // ل + اللجنة → للجنة (the article's lam merges with the word's).
        Some(rest) if rest.starts_with('ل') => format!("ل{rest}"),
        Some(rest) => format!("لل{rest}"),
        None => format!("ل{word}"),
    }
}

fn bodies_ar(n: usize) -> String {
    match n {
        1 => "هيئة واحدة".into(),
        2 => "هيئتان".into(),
        3..=10 => format!("{n} هيئات"),
        _ => format!("{n} هيئة"),
    }
}

/// A text already names its date (its day and month): no deadline added.
fn names_date(text: &str, d: NaiveDate, dates: &DateFormatter) -> bool {
    text.contains(&format!(
        "{} {}",
        d.day(),
        dates.month_name(d.year(), d.month())
    ))
}

fn s(text: String, sources: Vec<Source>) -> Sentence {
    Sentence { text, sources }
}

/// The Arabic draft.
pub fn draft_ar(f: &RecordFacts, dates: &DateFormatter) -> Draft {
    let body = &f.body;
    let org = li(&f.organization);
    let date = dates.date(f.date);
    let title = format!("بلاغ صحفي حول اجتماع {body} {org} ليوم {date}");
    let kind = match f.kind {
        MeetingKind::Periodic => "اجتماعه الدوري",
        MeetingKind::Special => "لقاءه الخاص",
        MeetingKind::Extraordinary => "اجتماعه الاستثنائي",
        MeetingKind::Thematic => "لقاءه الموضوعاتي",
    };
    let mut paragraphs = Vec::new();

    // Opening: the meeting and its first purpose.
    let mut opening = format!("خصص {body} {org} {kind} ليوم {date}");
    let mut sources = vec![Source::Meeting(f.meeting_id)];
    let substantive: Vec<&Item> = f
        .agenda
        .iter()
        .filter(|i| !i.title.contains("قضايا مختلفة"))
        .collect();
    if let Some(first) = substantive.first() {
        opening.push_str(&format!("، {}", li(&first.title)));
        sources.push(Source::AgendaItem(first.id));
    }
    let mut first = vec![s(format!("{opening}."), sources)];
    for sess in &f.sessions {
        let mut where_ = String::new();
        if let Some(v) = &sess.venue {
            where_.push_str(&format!(" ب{v}"));
        }
        if let Some(c) = &sess.city {
            where_.push_str(&format!(" بمدينة {c}"));
        }
        let ord = arabic_feminine(sess.number).unwrap_or_else(|| sess.number.to_string());
        let days = match (sess.last_day - sess.first_day).num_days() {
            0 => "يوم ",
            1 => "يومي ",
            _ => "",
        };
        first.push(s(
            format!(
                "وتنعقد الدورة {ord} {} {days}{}{where_}.",
                li(&sess.council),
                dates.day_range(sess.first_day, sess.last_day)
            ),
            vec![Source::Session(sess.id)],
        ));
    }
    paragraphs.push(first);

    // Decisions and measures, and the campaigns that carry them out.
    let mut decided = Vec::new();
    for (i, d) in f.decisions.iter().enumerate() {
        let lead = match (d.kind, i) {
            (DecisionKind::Decision, 0) => format!("وقرر {body} "),
            (DecisionKind::Decision, _) => "كما قرر ".to_string(),
            (DecisionKind::Measure, 0) => format!("واتخذ {body} تدبيرا يقضي "),
            (DecisionKind::Measure, _) => "واتخذ تدبيرا يقضي ".to_string(),
        };
        let text = match d.kind {
            DecisionKind::Measure => format!("ب{}", d.text.trim_end_matches('.')),
            DecisionKind::Decision => d.text.trim_end_matches('.').to_string(),
        };
        let due = match d.due_on {
            Some(day) if !names_date(&d.text, day, dates) => {
                format!("، في أجل أقصاه {}", dates.date(day))
            }
            _ => String::new(),
        };
        decided.push(s(
            format!("{lead}{text}{due}."),
            vec![Source::Decision(d.id)],
        ));
    }
    for c in &f.campaigns {
        let what = match (c.meeting_required, c.report_required) {
            (true, true) => "لعقد اجتماعاتها وإرسال تقاريرها",
            (true, false) => "لعقد اجتماعاتها",
            _ => "لإرسال تقاريرها",
        };
        decided.push(s(
            format!(
                "وحُدد تاريخ {} كآخر أجل أمام {} معنية {what} في إطار «{}».",
                dates.date(c.due_on),
                bodies_ar(c.targets),
                c.title
            ),
            vec![Source::Campaign(c.id)],
        ));
    }
    if !decided.is_empty() {
        paragraphs.push(decided);
    }

    // The sessions' workshops.
    for sess in f.sessions.iter().filter(|x| !x.workshops.is_empty()) {
        let n = sess.workshops.len();
        let count = match n {
            1 => "ورشة واحدة".to_string(),
            2 => "ورشتين".to_string(),
            3..=10 => format!("{} ورشات", arabic_count(n)),
            _ => format!("{n} ورشة"),
        };
        let mut p = vec![s(
            format!(
                "وقرر {body} أن تنتظم أشغال الدورة {} {}، إضافة إلى جلستي الافتتاح والاختتام، في صيغة {count}.",
                arabic_feminine(sess.number).unwrap_or_else(|| sess.number.to_string()),
                li(&sess.council),
            ),
            vec![Source::Session(sess.id)],
        )];
        for (k, w) in sess.workshops.iter().enumerate() {
            let ord = arabic_feminine(k as u32 + 1).unwrap_or_default();
            p.push(s(
                format!("وتهتم الورشة {ord} ب{}.", w.title.trim_end_matches('.')),
                vec![Source::Workshop(w.id)],
            ));
        }
        paragraphs.push(p);
    }

    // Thematic meetings.
    if !f.thematic.is_empty() {
        let parts: Vec<String> = f
            .thematic
            .iter()
            .map(|t| {
                format!(
                    "اللقاء المقرر تنظيمه ب{} يوم {} بموضوع «{}»",
                    t.city,
                    dates.date(t.date),
                    t.theme
                )
            })
            .collect();
        paragraphs.push(vec![s(
            format!(
                "كما دقق {body} برنامج اللقاءات الموضوعاتية الموازية: {}.",
                parts.join("، و")
            ),
            f.thematic.iter().map(|t| Source::Thematic(t.id)).collect(),
        )]);
    }

    // Closing.
    let mut closing = format!(
        "وفي نهاية أشغال الاجتماع تداول {body} في بعض القضايا المختلفة، واتخذ التدابير اللازمة في شأنها"
    );
    let mut sources = vec![Source::Meeting(f.meeting_id)];
    if f.reports_heard > 0 {
        closing.push_str("، كما استمع إلى تقارير حول مساهمة ممثلين من القيادة الوطنية في بعض الأنشطة والتظاهرات الوطنية والدولية");
        sources.push(Source::Reports);
    }
    paragraphs.push(vec![s(format!("{closing}."), sources)]);
    Draft { title, paragraphs }
}

fn arabic_count(n: usize) -> &'static str {
    [
        "",
        "",
        "",
        "ثلاث",
        "أربع",
        "خمس",
        "ست",
        "سبع",
        "ثماني",
        "تسع",
        "عشر",
    ][n.min(10)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The record of the Political Bureau's meeting of 19 December 2016.
    fn seed() -> RecordFacts {
        RecordFacts {
            organization: "حزب التقدم والاشتراكية".into(),
            body: "المكتب السياسي".into(),
            meeting_id: id(1),
            kind: MeetingKind::Periodic,
            date: d(2016, 12, 19),
            agenda: vec![
                Item {
                    id: id(2),
                    title: "مواصلة التحضير لاجتماع الدورة الثامنة للجنة المركزية".into(),
                },
                Item {
                    id: id(3),
                    title: "قضايا مختلفة".into(),
                },
            ],
            decisions: vec![
                DecisionFact {
                    id: id(4),
                    kind: DecisionKind::Measure,
                    text: "تحديد تاريخ 7 يناير 2017 كآخر أجل لعقد اجتماعات الهيئات الإقليمية".into(),
                    due_on: Some(d(2017, 1, 7)),
                },
                DecisionFact {
                    id: id(5),
                    kind: DecisionKind::Decision,
                    text: "دراسة التقرير التركيبي خلال لقاء خاص".into(),
                    due_on: Some(d(2017, 1, 11)),
                },
            ],
            campaigns: vec![CampaignFact {
                id: id(6),
                title: "تقييم انتخابات أعضاء مجلس النواب".into(),
                due_on: d(2017, 1, 7),
                targets: 30,
                meeting_required: true,
                report_required: true,
            }],
            sessions: vec![SessionFact {
                id: id(7),
                council: "اللجنة المركزية".into(),
                number: 8,
                first_day: d(2017, 2, 4),
                last_day: d(2017, 2, 5),
                venue: Some("المقر الوطني للحزب".into()),
                city: Some("الرباط".into()),
                workshops: vec![
                    WorkshopFact {
                        id: id(8),
                        title: "دور ومهام الهيئات الحزبية".into(),
                    },
                    WorkshopFact {
                        id: id(9),
                        title: "الممارسة السياسية والنضال الحزبي".into(),
                    },
                    WorkshopFact {
                        id: id(10),
                        title: "الحزب قوة اقتراحية".into(),
                    },
                ],
            }],
            thematic: vec![ThematicFact {
                id: id(11),
                city: "أكادير".into(),
                theme: "الحزب والمجتمع".into(),
                date: d(2017, 1, 14),
            }],
            reports_heard: 2,
        }
    }

    #[test]
    fn the_seed_in_its_own_words() {
        let dates = DateFormatter::new("ar", "ar-MA", false, false);
        let draft = draft_ar(&seed(), &dates);
        assert_eq!(
            draft.title,
            "بلاغ صحفي حول اجتماع المكتب السياسي لحزب التقدم والاشتراكية ليوم الإثنين 19 دجنبر 2016"
        );
        let text = draft.markdown();
        for want in [
            "خصص المكتب السياسي لحزب التقدم والاشتراكية اجتماعه الدوري ليوم الإثنين 19 دجنبر 2016، لمواصلة التحضير لاجتماع الدورة الثامنة للجنة المركزية.",
            "وتنعقد الدورة الثامنة للجنة المركزية يومي السبت 4 والأحد 5 فبراير 2017 بالمقر الوطني للحزب بمدينة الرباط.",
            "واتخذ المكتب السياسي تدبيرا يقضي بتحديد تاريخ 7 يناير 2017 كآخر أجل لعقد اجتماعات الهيئات الإقليمية.",
            "كما قرر دراسة التقرير التركيبي خلال لقاء خاص، في أجل أقصاه الأربعاء 11 يناير 2017.",
            "أمام 30 هيئة معنية لعقد اجتماعاتها وإرسال تقاريرها في إطار «تقييم انتخابات أعضاء مجلس النواب».",
            "في صيغة ثلاث ورشات.",
            "وتهتم الورشة الأولى بدور ومهام الهيئات الحزبية.",
            "وتهتم الورشة الثالثة بالحزب قوة اقتراحية.",
            "اللقاء المقرر تنظيمه بأكادير يوم السبت 14 يناير 2017 بموضوع «الحزب والمجتمع»",
            "وفي نهاية أشغال الاجتماع تداول المكتب السياسي في بعض القضايا المختلفة، واتخذ التدابير اللازمة في شأنها، كما استمع إلى تقارير",
        ] {
            assert!(text.contains(want), "{want}\n---\n{text}");
        }
        // Every sentence is traced; the same record gives the same draft.
        assert!(
            draft
                .paragraphs
                .iter()
                .flatten()
                .all(|s| !s.sources.is_empty())
        );
        assert_eq!(draft, draft_ar(&seed(), &dates));
        let traced: Vec<Source> = draft
            .paragraphs
            .iter()
            .flatten()
            .flat_map(|s| s.sources.clone())
            .collect();
        for src in [
            Source::Decision(id(4)),
            Source::Campaign(id(6)),
            Source::Workshop(id(10)),
            Source::Thematic(id(11)),
            Source::Reports,
        ] {
            assert!(traced.contains(&src), "{src:?}");
        }
    }

    #[test]
    fn a_french_draft_and_a_bare_record() {
        let dates = DateFormatter::new("fr", "ar-MA", false, false);
        let mut f = seed();
        f.body = "Bureau politique".into();
        f.organization = "Parti du progrès et du socialisme".into();
        let text = draft_fr(&f, &dates).markdown();
        assert!(text.starts_with("Le Bureau politique du Parti du progrès et du socialisme a consacré sa réunion ordinaire du lundi 19 décembre 2016"), "{text}");
        assert!(
            text.contains("La 8e session du Comité")
                || text.contains("La 8e session du اللجنة المركزية"),
            "{text}"
        );
        assert!(
            text.contains("samedi 4 et dimanche 5 février 2017"),
            "{text}"
        );
        // Nothing but the meeting: an opening and a closing, no empty part.
        let bare = RecordFacts {
            agenda: Vec::new(),
            decisions: Vec::new(),
            campaigns: Vec::new(),
            sessions: Vec::new(),
            thematic: Vec::new(),
            reports_heard: 0,
            ..seed()
        };
        let ar = draft_ar(&bare, &DateFormatter::new("ar", "ar-MA", false, false));
        assert_eq!(ar.paragraphs.len(), 2);
        assert!(ar.markdown().ends_with("واتخذ التدابير اللازمة في شأنها."));
    }
}
