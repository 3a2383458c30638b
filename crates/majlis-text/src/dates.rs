//! Dates the way the organization prints them: «الإثنين 19 دجنبر 2016».
//!
//! Month and weekday names come from CLDR through icu_datetime, so the regional
//! locale decides: ar-MA دجنبر, ar-DZ/ar-TN ديسمبر/جانفي…, ar-SY كانون الأول.
//! The Arabic order (weekday day month year, no comma) is the seed's; French
//! and English use CLDR's own long pattern.

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{E, M, YMD, YMDE};
use icu_datetime::{DateTimeFormatter, FixedCalendarDateTimeFormatter};
use icu_locale_core::Locale;

use crate::digits::to_arabic_indic;

enum Style {
    /// Arabic: weekday and month names from CLDR, assembled in the seed's order.
    Arabic {
        month: FixedCalendarDateTimeFormatter<Gregorian, M>,
        weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
        moroccan: bool,
    },
    /// French, English: CLDR's long date with weekday, and the names alone.
    Latin {
        full: Box<FixedCalendarDateTimeFormatter<Gregorian, YMDE>>,
        month: FixedCalendarDateTimeFormatter<Gregorian, M>,
        weekday: FixedCalendarDateTimeFormatter<Gregorian, E>,
        french: bool,
    },
}

/// Formats dates for one interface language and the organization's settings.
pub struct DateFormatter {
    style: Style,
    arabic_indic: bool,
    hijri: Option<DateTimeFormatter<YMD>>,
}

impl std::fmt::Debug for DateFormatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DateFormatter")
            .field("arabic_indic", &self.arabic_indic)
            .finish_non_exhaustive()
    }
}

fn parse_locale(tag: &str) -> Locale {
    tag.parse().unwrap_or(icu_locale_core::locale!("ar-MA"))
}

impl DateFormatter {
    /// `ui_lang` is ar, fr or en; `date_locale` the regional Arabic locale
    /// (ar-MA by default); digits apply to Arabic output only.
    pub fn new(
        ui_lang: &str,
        date_locale: &str,
        arabic_indic_digits: bool,
        show_hijri: bool,
    ) -> Self {
        let compiled = "compiled CLDR data covers every locale";
        let style = match ui_lang {
            "fr" | "en" => {
                let loc = parse_locale(ui_lang);
                Style::Latin {
                    full: Box::new(
                        FixedCalendarDateTimeFormatter::try_new(loc.clone().into(), YMDE::long())
                            .expect(compiled),
                    ),
                    month: FixedCalendarDateTimeFormatter::try_new(loc.clone().into(), M::long())
                        .expect(compiled),
                    weekday: FixedCalendarDateTimeFormatter::try_new(loc.into(), E::long())
                        .expect(compiled),
                    french: ui_lang == "fr",
                }
            }
            _ => {
                let loc = parse_locale(date_locale);
                Style::Arabic {
                    month: FixedCalendarDateTimeFormatter::try_new(loc.clone().into(), M::long())
                        .expect(compiled),
                    weekday: FixedCalendarDateTimeFormatter::try_new(loc.into(), E::long())
                        .expect(compiled),
                    moroccan: date_locale == "ar-MA",
                }
            }
        };
        let hijri = show_hijri.then(|| {
            let base = if ui_lang == "ar" || !matches!(ui_lang, "fr" | "en") {
                date_locale
            } else {
                ui_lang
            };
            let tag = format!("{base}-u-ca-islamic-umalqura");
            DateTimeFormatter::try_new(parse_locale(&tag).into(), YMD::long()).expect(compiled)
        });
        let arabic_indic = arabic_indic_digits && matches!(style, Style::Arabic { .. });
        Self {
            style,
            arabic_indic,
            hijri,
        }
    }

    /// The full date with weekday: «الإثنين 19 دجنبر 2016», «lundi 19 décembre 2016».
    pub fn date(&self, date: NaiveDate) -> String {
        let Some(d) = to_icu(date) else {
            return date.to_string();
        };
        let text = match &self.style {
            Style::Latin { full, .. } => full.format(&d).to_string(),
            Style::Arabic {
                month,
                weekday,
                moroccan,
            } => {
                let mut day_name = weekday.format(&d).to_string();
                if *moroccan && day_name == "الاثنين" {
                    day_name = "الإثنين".into(); // as Moroccan texts write it
                }
                format!(
                    "{day_name} {} {} {}",
                    date.day(),
                    month.format(&d),
                    date.year()
                )
            }
        };
        self.digits(text)
    }

    /// The date followed by its Hijri equivalent when the organization wants it.
    pub fn date_with_hijri(&self, date: NaiveDate) -> String {
        match self.hijri(date) {
            Some(h) => format!("{} ({h})", self.date(date)),
            None => self.date(date),
        }
    }

    /// The Umm al-Qura Hijri date, if enabled.
    pub fn hijri(&self, date: NaiveDate) -> Option<String> {
        let f = self.hijri.as_ref()?;
        let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8).ok()?;
        Some(self.digits(f.format(&iso).to_string()))
    }

    /// A month's name, e.g. for calendars and headings.
    pub fn month_name(&self, year: i32, month: u32) -> String {
        let Some(d) = NaiveDate::from_ymd_opt(year, month, 1).and_then(to_icu) else {
            return month.to_string();
        };
        match &self.style {
            Style::Arabic { month, .. } => month.format(&d).to_string(),
            Style::Latin { month, .. } => month.format(&d).to_string(),
        }
    }

    /// The weekday's name.
    pub fn weekday(&self, date: NaiveDate) -> String {
        let Some(d) = to_icu(date) else {
            return String::new();
        };
        match &self.style {
            Style::Arabic {
                weekday, moroccan, ..
            } => {
                let name = weekday.format(&d).to_string();
                if *moroccan && name == "الاثنين" {
                    "الإثنين".into()
                } else {
                    name
                }
            }
            Style::Latin { weekday, .. } => weekday.format(&d).to_string(),
        }
    }

    /// Days of a session: «السبت 4 والأحد 5 فبراير 2017», «samedi 4 et
    /// dimanche 5 février 2017»; across months or longer spans, «from … to …».
    pub fn day_range(&self, first: NaiveDate, last: NaiveDate) -> String {
        if first == last {
            return self.date(first);
        }
        let two_days_same_month = (last - first).num_days() == 1
            && first.month() == last.month()
            && first.year() == last.year();
        let text = match (&self.style, two_days_same_month) {
            (Style::Arabic { .. }, true) => format!(
                "{} {} و{} {} {} {}",
                self.weekday(first),
                first.day(),
                self.weekday(last),
                last.day(),
                self.month_name(last.year(), last.month()),
                last.year()
            ),
            (Style::Latin { french, .. }, true) => format!(
                "{} {} {} {} {} {} {}",
                self.weekday(first),
                first.day(),
                if *french { "et" } else { "and" },
                self.weekday(last),
                last.day(),
                self.month_name(last.year(), last.month()),
                last.year()
            ),
            (Style::Arabic { .. }, false) => {
                return format!("من {} إلى {}", self.date(first), self.date(last));
            }
            (Style::Latin { french: true, .. }, false) => {
                return format!("du {} au {}", self.date(first), self.date(last));
            }
            (Style::Latin { .. }, false) => {
                return format!("from {} to {}", self.date(first), self.date(last));
            }
        };
        self.digits(text)
    }

    /// Numbers in the organization's digits.
    pub fn number(&self, n: i64) -> String {
        self.digits(n.to_string())
    }

    fn digits(&self, text: String) -> String {
        if self.arabic_indic {
            to_arabic_indic(&text)
        } else {
            text
        }
    }
}

fn to_icu(date: NaiveDate) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(
        date.year(),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_seed_date_in_moroccan_arabic() {
        let f = DateFormatter::new("ar", "ar-MA", false, false);
        assert_eq!(f.date(d(2016, 12, 19)), "الإثنين 19 دجنبر 2016");
        assert_eq!(f.date(d(2017, 2, 4)), "السبت 4 فبراير 2017");
        assert_eq!(f.date(d(2017, 1, 11)), "الأربعاء 11 يناير 2017");
    }

    #[test]
    fn moroccan_month_names() {
        let f = DateFormatter::new("ar", "ar-MA", false, false);
        let names: Vec<String> = (1..=12).map(|m| f.month_name(2017, m)).collect();
        assert_eq!(
            names,
            [
                "يناير",
                "فبراير",
                "مارس",
                "أبريل",
                "ماي",
                "يونيو",
                "يوليوز",
                "غشت",
                "شتنبر",
                "أكتوبر",
                "نونبر",
                "دجنبر"
            ]
        );
    }

    #[test]
    fn other_regions_use_their_names() {
        let dz = DateFormatter::new("ar", "ar-DZ", false, false);
        assert_eq!(dz.month_name(2017, 1), "جانفي");
        let sy = DateFormatter::new("ar", "ar-SY", false, false);
        assert_eq!(sy.month_name(2016, 12), "كانون الأول");
        let eg = DateFormatter::new("ar", "ar-EG", false, false);
        assert_eq!(eg.month_name(2016, 12), "ديسمبر");
    }

    #[test]
    fn arabic_indic_digits() {
        let f = DateFormatter::new("ar", "ar-MA", true, false);
        assert_eq!(f.date(d(2016, 12, 19)), "الإثنين ١٩ دجنبر ٢٠١٦");
        assert_eq!(f.number(150), "١٥٠");
    }

    #[test]
    fn french_and_english() {
        let fr = DateFormatter::new("fr", "ar-MA", true, false);
        assert_eq!(fr.date(d(2016, 12, 19)), "lundi 19 décembre 2016");
        let en = DateFormatter::new("en", "ar-MA", false, false);
        assert_eq!(en.date(d(2016, 12, 19)), "Monday, December 19, 2016");
    }

    #[test]
    fn the_seed_session_days() {
        let ar = DateFormatter::new("ar", "ar-MA", false, false);
        assert_eq!(
            ar.day_range(d(2017, 2, 4), d(2017, 2, 5)),
            "السبت 4 والأحد 5 فبراير 2017"
        );
        let fr = DateFormatter::new("fr", "ar-MA", false, false);
        assert_eq!(
            fr.day_range(d(2017, 2, 4), d(2017, 2, 5)),
            "samedi 4 et dimanche 5 février 2017"
        );
        let en = DateFormatter::new("en", "ar-MA", false, false);
        assert_eq!(
            en.day_range(d(2017, 2, 4), d(2017, 2, 5)),
            "Saturday 4 and Sunday 5 February 2017"
        );
        assert!(
            ar.day_range(d(2017, 1, 31), d(2017, 2, 1))
                .starts_with("من ")
        );
        assert_eq!(ar.weekday(d(2016, 12, 19)), "الإثنين");
    }

    #[test]
    fn hijri_beside_gregorian() {
        let f = DateFormatter::new("ar", "ar-MA", false, true);
        let h = f.hijri(d(2016, 12, 19)).unwrap();
        // 19 December 2016 = 20 Rabi' al-Awwal 1438 (Umm al-Qura)
        assert!(h.contains("1438"), "{h}");
        assert!(h.contains("20"), "{h}");
        assert!(
            f.date_with_hijri(d(2016, 12, 19))
                .starts_with("الإثنين 19 دجنبر 2016 (")
        );
        assert!(
            DateFormatter::new("ar", "ar-MA", false, false)
                .hijri(d(2016, 12, 19))
                .is_none()
        );
    }
}
