//! Presentation: the wording of states, dates and counts that every output
//! (pages, JSON, e-mails, documents) shares. Nothing here reads the database;
//! the page modules and the API import from here, never the other way round.

use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use fluent_templates::fluent_bundle::FluentValue;
use majlis_domain::Person;
use majlis_domain::meeting::Meeting;
use majlis_domain::meeting::{MeetingStatus, not_recorded_as_held};
use majlis_domain::session::{Lateness, PaperState, lateness};
use majlis_store::service::meetings::AttendanceSheet;
use majlis_store::service::sessions::CouncilSession;
use majlis_text::{DateFormatter, neutralize_bidi};

/// The stable code of a meeting's status as shown: a planned meeting whose
/// end has passed shows as `not_recorded` ("not recorded as held").
pub fn meeting_status_code(
    status: MeetingStatus,
    ends_at: NaiveDateTime,
    now: NaiveDateTime,
) -> &'static str {
    if not_recorded_as_held(status, ends_at, now) {
        "not_recorded"
    } else {
        status.as_str()
    }
}

/// A meeting's status in words, judged on the organization's clock.
pub fn meeting_status(
    lang: Lang,
    status: MeetingStatus,
    ends_at: NaiveDateTime,
    now: NaiveDateTime,
) -> String {
    lang.t(&format!(
        "meeting-status-{}",
        meeting_status_code(status, ends_at, now)
    ))
}

/// A working paper's lateness in words, or nothing when it is on time.
pub fn paper_lateness(
    lang: Lang,
    state: PaperState,
    due: NaiveDate,
    today: NaiveDate,
    session_last_day: NaiveDate,
) -> Option<String> {
    match lateness(state, due, today, session_last_day) {
        Lateness::OnTime => None,
        Lateness::Late { days } => Some(lang.count("count-days-late", days as u64)),
        Lateness::NotSubmittedByDue => Some(lang.t("paper-not-submitted-by-due")),
    }
}

/// User text made safe for display: bidi controls removed (HTML escaping is
/// the template engine's job).
pub fn clean(s: &str) -> String {
    neutralize_bidi(s).into_owned()
}

/// «الإثنين 19 دجنبر 2016، من 18:00 إلى 21:30».
pub fn when(lang: Lang, dates: &DateFormatter, m: &Meeting) -> String {
    let (s, e) = (m.starts_at, m.ends_at);
    let times = if s.date() == e.date() {
        time_range(lang, s, e)
    } else {
        format!(
            "{} – {} {}",
            s.format("%H:%M"),
            dates.date(e.date()),
            e.format("%H:%M")
        )
    };
    lang.t_args(
        "meeting-when-value",
        &[
            ("date", FluentValue::from(dates.date_with_hijri(s.date()))),
            ("times", FluentValue::from(times)),
        ],
    )
}

/// «الدورة الثامنة للجنة المركزية», «8e session du Comité central».
pub fn session_title(lang: Lang, s: &CouncilSession, body_name: &str) -> String {
    let n = s.number.max(1) as u32;
    match lang {
        // «ل» + «المجلس» is written «للمجلس», and «ل» + «اللجنة» «للجنة».
        Lang::Ar => {
            let of = match body_name.strip_prefix("ال") {
                Some(rest) if rest.starts_with('ل') => format!("ل{rest}"),
                Some(rest) => format!("لل{rest}"),
                None => format!("ل{body_name}"),
            };
            format!("{} {of}", majlis_text::ordinal::arabic_session(n))
        }
        Lang::Fr => format!(
            "{} — {}",
            majlis_text::ordinal::french_session(n),
            body_name
        ),
        Lang::En => format!(
            "{} — {}",
            majlis_text::ordinal::english_session(n),
            body_name
        ),
    }
}

/// Whether an Arabic text already names something (a body), the article
/// merged with a preposition included: «الاجتماع الدوري للمكتب السياسي»
/// names «المكتب السياسي».
pub fn names_arabic(text: &str, name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && (text.contains(name)
            || name
                .strip_prefix("ال")
                .is_some_and(|rest| rest.chars().count() > 2 && text.contains(&format!("ل{rest}"))))
}

pub fn name(lang: Lang, p: &Person) -> String {
    clean(if lang == Lang::Ar {
        &p.full_name_ar
    } else {
        p.full_name_latin.as_deref().unwrap_or(&p.full_name_ar)
    })
}

/// «من 10:00 إلى 12:30», «10:00 – 12:30»: words in Arabic keep the order
/// unambiguous inside right-to-left text.
pub fn time_range(lang: Lang, from: chrono::NaiveDateTime, to: chrono::NaiveDateTime) -> String {
    lang.t_args(
        "time-range",
        &[
            ("from", FluentValue::from(from.format("%H:%M").to_string())),
            ("to", FluentValue::from(to.format("%H:%M").to_string())),
        ],
    )
}

/// A speaker in the words of their gender: «متدخلة», «متدخل», or
/// «متدخل(ة)» when it is not known.
pub fn speaker_word(lang: Lang, gender: Option<majlis_domain::Gender>) -> String {
    lang.t_args("guest-speaker-as", &[("gender", gender_arg(gender))])
}

/// A gender as the `$gender` of a message: `female`, `male` or `other`.
pub fn gender_arg(gender: Option<majlis_domain::Gender>) -> FluentValue<'static> {
    FluentValue::from(gender.map_or("other", |g| g.as_str()))
}

/// «فلان (أستاذ باحث)، فلانة».
pub fn speaker_names(lang: Lang, list: Vec<majlis_store::service::invitations::Guest>) -> String {
    list.into_iter()
        .map(|g| match g.quality {
            Some(q) => format!("{} ({})", clean(&g.name), clean(&q)),
            None => clean(&g.name),
        })
        .collect::<Vec<_>>()
        .join(lang.comma())
}

/// «حضر 15 عضوا من أصل 21؛ النصاب (11) مكتمل».
pub fn quorum_line(lang: Lang, sheet: &AttendanceSheet) -> String {
    lang.t_args(
        if sheet.reached {
            "meeting-quorum-reached"
        } else {
            "meeting-quorum-missing"
        },
        &[
            (
                "present",
                FluentValue::from(lang.count("count-members", sheet.present as u64)),
            ),
            ("members", FluentValue::from(sheet.members.to_string())),
            ("needed", FluentValue::from(sheet.needed.to_string())),
            // Nobody came: said in words, not «حضر لا أعضاء».
            (
                "nobody",
                FluentValue::from(if sheet.present == 0 { "yes" } else { "no" }),
            ),
        ],
    )
}

/// «الورشة الأولى», «Atelier 1».
pub fn workshop_heading(lang: Lang, ordinal: i32) -> String {
    let n = ordinal.max(1) as u32;
    match lang {
        Lang::Ar => format!(
            "الورشة {}",
            majlis_text::ordinal::arabic_feminine(n).unwrap_or_else(|| n.to_string())
        ),
        Lang::Fr => format!("Atelier {n}"),
        Lang::En => format!("Workshop {n}"),
    }
}

/// Time zones an organization is likely to use, by city: IANA name, then
/// the city in Arabic, French and English.
pub const ZONES: [(&str, &str, &str, &str); 18] = [
    (
        "Africa/Casablanca",
        "الدار البيضاء",
        "Casablanca",
        "Casablanca",
    ),
    ("Africa/Algiers", "الجزائر", "Alger", "Algiers"),
    ("Africa/Tunis", "تونس", "Tunis", "Tunis"),
    ("Africa/Tripoli", "طرابلس", "Tripoli", "Tripoli"),
    ("Africa/Nouakchott", "نواكشوط", "Nouakchott", "Nouakchott"),
    ("Africa/Cairo", "القاهرة", "Le Caire", "Cairo"),
    ("Africa/Khartoum", "الخرطوم", "Khartoum", "Khartoum"),
    ("Asia/Beirut", "بيروت", "Beyrouth", "Beirut"),
    ("Asia/Damascus", "دمشق", "Damas", "Damascus"),
    ("Asia/Amman", "عمّان", "Amman", "Amman"),
    ("Asia/Baghdad", "بغداد", "Bagdad", "Baghdad"),
    ("Asia/Riyadh", "الرياض", "Riyad", "Riyadh"),
    ("Asia/Dubai", "دبي", "Dubaï", "Dubai"),
    ("Europe/Paris", "باريس", "Paris", "Paris"),
    ("Europe/Brussels", "بروكسل", "Bruxelles", "Brussels"),
    ("Europe/Madrid", "مدريد", "Madrid", "Madrid"),
    ("Europe/London", "لندن", "Londres", "London"),
    (
        "UTC",
        "التوقيت العالمي",
        "Temps universel",
        "Universal time",
    ),
];

/// A time zone as people name it: its city («الدار البيضاء», «Casablanca»),
/// or its IANA name when it is not one of [`ZONES`].
pub fn zone_name(lang: Lang, zone: &str) -> String {
    ZONES.iter().find(|z| z.0 == zone).map_or_else(
        || zone.to_string(),
        |z| {
            match lang {
                Lang::Ar => z.1,
                Lang::Fr => z.2,
                Lang::En => z.3,
            }
            .to_string()
        },
    )
}

#[cfg(test)]
mod quorum_tests {
    use super::*;

    fn sheet(present: u32, members: u32, needed: u32) -> AttendanceSheet {
        AttendanceSheet {
            rows: Vec::new(),
            present,
            members,
            needed,
            reached: present >= needed,
        }
    }

    #[test]
    fn time_zones_by_their_city() {
        assert_eq!(zone_name(Lang::Ar, "Africa/Casablanca"), "الدار البيضاء");
        assert_eq!(zone_name(Lang::Fr, "Africa/Cairo"), "Le Caire");
        assert_eq!(zone_name(Lang::En, "Pacific/Fiji"), "Pacific/Fiji");
        for z in ZONES {
            assert!(z.0.parse::<chrono_tz::Tz>().is_ok(), "{}", z.0);
        }
    }

    #[test]
    fn arabic_titles_that_name_their_body() {
        use super::names_arabic;
        assert!(names_arabic(
            "الاجتماع الدوري للمكتب السياسي",
            "المكتب السياسي"
        ));
        assert!(names_arabic("دورة اللجنة المركزية", "اللجنة المركزية"));
        assert!(!names_arabic(
            "لقاء خاص لدراسة التقرير التركيبي",
            "المكتب السياسي"
        ));
        assert!(!names_arabic("أي شيء", ""));
    }

    #[test]
    fn nobody_present_is_said_in_words() {
        let strip = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(
            strip(quorum_line(Lang::Ar, &sheet(0, 21, 11))),
            "النصاب غير مكتمل: لم يحضر أي عضو من أصل 21 (المطلوب 11)."
        );
        assert_eq!(
            strip(quorum_line(Lang::En, &sheet(0, 21, 11))),
            "No quorum: no members present out of 21 (11 needed)."
        );
        assert_eq!(
            strip(quorum_line(Lang::Ar, &sheet(3, 21, 11))),
            "النصاب غير مكتمل: حضر 3 أعضاء من أصل 21 (المطلوب 11)."
        );
    }
}

#[cfg(test)]
mod gender_tests {
    use super::*;
    use majlis_domain::Gender;

    /// Without the isolation marks fluent puts around arguments.
    fn plain(s: String) -> String {
        s.replace(['\u{2068}', '\u{2069}'], "")
    }

    #[test]
    fn speakers_and_addresses_follow_the_gender() {
        assert_eq!(speaker_word(Lang::Ar, Some(Gender::Female)), "متدخلة");
        assert_eq!(speaker_word(Lang::Ar, Some(Gender::Male)), "متدخل");
        assert_eq!(speaker_word(Lang::Ar, None), "متدخل(ة)");
        assert_eq!(speaker_word(Lang::Fr, Some(Gender::Female)), "Intervenante");
        let joined = |g| plain(Lang::Ar.t_args("workshop-joined", &[("gender", gender_arg(g))]));
        assert_eq!(joined(Some(Gender::Female)), "أنت مسجلة في هذه الورشة.");
        assert_eq!(joined(None), "أنت مسجل(ة) في هذه الورشة.");
        let mail = |g| {
            plain(Lang::Ar.t_args(
                "mail-reminder-overdue-text",
                &[
                    ("gender", gender_arg(g)),
                    ("name", FluentValue::from("فاطمة")),
                    ("title", FluentValue::from("t")),
                    ("session", FluentValue::from("s")),
                    ("due", FluentValue::from("d")),
                    ("link", FluentValue::from("l")),
                ],
            ))
        };
        assert!(
            mail(Some(Gender::Female)).starts_with("السيدة فاطمة،"),
            "{}",
            mail(Some(Gender::Female))
        );
        assert!(mail(Some(Gender::Male)).starts_with("السيد فاطمة،"));
        assert!(mail(None).starts_with("السيد(ة) فاطمة،"));
        let conflict = plain(Lang::Ar.t_args(
            "conflict-person",
            &[
                ("gender", gender_arg(Some(Gender::Female))),
                ("name", FluentValue::from("فاطمة")),
            ],
        ));
        assert_eq!(conflict, "فاطمة مبرمجة في حصتين متزامنتين.");
    }
}

/// A report's stored value as plain text (choices by their keys).
fn answer_text(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(a) => a.iter().map(answer_text).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    }
}

/// A stored answer in words (choices by their labels).
pub fn answer_words(
    lang: crate::i18n::Lang,
    f: &majlis_domain::report_template::Field,
    v: Option<&serde_json::Value>,
) -> String {
    use majlis_domain::report_template::FieldKind;
    use serde_json::Value;
    let Some(v) = v else {
        return String::new();
    };
    match (&f.kind, v) {
        (FieldKind::Choice { options, .. }, v) => {
            let keys: Vec<String> = match v {
                Value::Array(a) => a.iter().map(answer_text).collect(),
                v => vec![answer_text(v)],
            };
            let sep = if lang.code() == "ar" { "، " } else { ", " };
            options
                .iter()
                .filter(|o| keys.contains(&o.key))
                .map(|o| clean(&o.label))
                .collect::<Vec<_>>()
                .join(sep)
        }
        (FieldKind::YesNo, Value::Bool(b)) => lang.t(if *b { "answer-yes" } else { "answer-no" }),
        (FieldKind::Percentage, Value::Number(n)) => format!("{n}%"),
        (_, v) => clean(&answer_text(v)),
    }
}

/// A file's size in KB or MB (Latin digits and units, isolated in RTL text
/// by the templates' `bdi`).
pub fn file_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}
