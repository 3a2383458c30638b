//! Organization settings: names, locale, date conventions, time zone.

use crate::error::DomainResult;
use crate::validation::{Checker, MAX_NAME, MAX_SHORT};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Digits {
    Western,
    ArabicIndic,
}

impl Digits {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Western => "western",
            Self::ArabicIndic => "arabic_indic",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "western" => Some(Self::Western),
            "arabic_indic" => Some(Self::ArabicIndic),
            _ => None,
        }
    }
}

/// The regional Arabic date locales offered (their month names differ).
pub const DATE_LOCALES: [&str; 8] = [
    "ar-MA", "ar-DZ", "ar-TN", "ar-EG", "ar-SY", "ar-LB", "ar-SA", "ar",
];
/// Interface languages.
pub const LOCALES: [&str; 3] = ["ar", "fr", "en"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgSettings {
    pub name_ar: String,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub short_name: String,
    pub default_locale: String,
    pub date_locale: String,
    pub digits: Digits,
    pub time_zone: String,
    pub show_hijri: bool,
    /// The organization's colour (`#rrggbb`), `None` for majlis's green.
    #[serde(default)]
    pub brand_color: Option<String>,
    /// The stored logo's file id; set with its own action, kept by
    /// updates of the other settings.
    #[serde(default)]
    pub logo: Option<uuid::Uuid>,
}

impl Default for OrgSettings {
    fn default() -> Self {
        Self {
            name_ar: "مجلس".into(),
            name_fr: Some("Majlis".into()),
            name_en: Some("Majlis".into()),
            short_name: "majlis".into(),
            default_locale: "ar".into(),
            date_locale: "ar-MA".into(),
            digits: Digits::Western,
            time_zone: "Africa/Casablanca".into(),
            show_hijri: false,
            brand_color: None,
            logo: None,
        }
    }
}

impl OrgSettings {
    pub fn name(&self, lang: &str) -> &str {
        let other = match lang {
            "fr" => self.name_fr.as_deref(),
            "en" => self.name_en.as_deref(),
            _ => None,
        };
        other.unwrap_or(&self.name_ar)
    }

    /// Validates the settings; `is_time_zone` tells whether a zone name is known
    /// (the zone database lives outside the domain).
    pub fn validate(mut self, is_time_zone: impl Fn(&str) -> bool) -> DomainResult<Self> {
        let mut c = Checker::new();
        self.name_ar = c.required("name_ar", &self.name_ar, MAX_NAME);
        self.name_fr = c.optional("name_fr", self.name_fr.as_deref(), MAX_NAME);
        self.name_en = c.optional("name_en", self.name_en.as_deref(), MAX_NAME);
        self.short_name = c.required("short_name", &self.short_name, MAX_SHORT);
        if !LOCALES.contains(&self.default_locale.as_str()) {
            c.fail("default_locale", "invalid_choice");
        }
        if !DATE_LOCALES.contains(&self.date_locale.as_str()) {
            c.fail("date_locale", "invalid_choice");
        }
        if !is_time_zone(&self.time_zone) {
            c.fail("time_zone", "invalid_choice");
        }
        self.brand_color = match self.brand_color.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => match crate::brand::check_color(s) {
                Ok(rgb) => Some(rgb.hex()),
                Err(_) => {
                    // The precise reason (not a colour, or too light).
                    let code = if crate::brand::Rgb::parse(s).is_some() {
                        "color_too_light"
                    } else {
                        "invalid_color"
                    };
                    c.fail("brand_color", code);
                    None
                }
            },
        };
        c.into_result(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_moroccan() {
        let s = OrgSettings::default();
        assert_eq!(s.date_locale, "ar-MA");
        assert_eq!(s.time_zone, "Africa/Casablanca");
        assert!(s.clone().validate(|z| z == "Africa/Casablanca").is_ok());
    }

    #[test]
    fn bad_settings_are_refused() {
        let s = OrgSettings {
            date_locale: "xx".into(),
            time_zone: "Mars/Olympus".into(),
            ..Default::default()
        };
        assert!(s.validate(|z| z == "Africa/Casablanca").is_err());
    }
}
