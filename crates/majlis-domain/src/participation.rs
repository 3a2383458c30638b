//! The participation log (مشاركات): who represented the leadership at which
//! national or international event, and their report. Also the guests of a
//! meeting and the reports a meeting heard.

use crate::error::{DomainError, DomainResult};
use crate::person::parse_date;
use crate::validation::{Checker, MAX_NAME, MAX_SHORT};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest written report, in characters.
pub const MAX_REPORT: usize = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    National,
    International,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::International => "international",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "national" => Some(Self::National),
            "international" => Some(Self::International),
            _ => None,
        }
    }
}

/// A participation as submitted (dates YYYY-MM-DD).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ParticipationInput {
    pub event: String,
    pub organizer: String,
    pub scope: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    pub first_day: String,
    #[serde(default)]
    pub last_day: Option<String>,
    #[serde(default)]
    pub people: Vec<Uuid>,
    #[serde(default)]
    pub report: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidParticipation {
    pub event: String,
    pub organizer: String,
    pub scope: Scope,
    pub country: Option<String>,
    pub city: Option<String>,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub people: Vec<Uuid>,
    pub report: Option<String>,
}

impl ParticipationInput {
    pub fn validate(&self) -> DomainResult<ValidParticipation> {
        let mut c = Checker::new();
        let event = c.required("event", &self.event, MAX_NAME);
        let organizer = c.required("organizer", &self.organizer, MAX_NAME);
        let scope = Scope::parse(self.scope.trim());
        if scope.is_none() {
            c.fail("scope", "invalid_choice");
        }
        let country = c.optional("country", self.country.as_deref(), MAX_SHORT);
        let city = c.optional("city", self.city.as_deref(), MAX_SHORT);
        let first = parse_date(&mut c, "first_day", Some(&self.first_day));
        if first.is_none() {
            c.fail("first_day", "required");
        }
        let last = parse_date(&mut c, "last_day", self.last_day.as_deref());
        if let (Some(f), Some(l)) = (first, last)
            && l < f
        {
            c.fail("last_day", "end_before_start");
        }
        if scope == Some(Scope::International) && country.is_none() {
            c.fail("country", "required");
        }
        let mut people = self.people.clone();
        people.sort();
        people.dedup();
        if people.is_empty() {
            c.fail("people", "required");
        }
        let report = c.optional_text("report", self.report.as_deref(), MAX_REPORT);
        let (Some(scope), Some(first_day)) = (scope, first) else {
            // Both missing values were recorded as field errors above.
            c.finish().map_err(DomainError::Invalid)?;
            return Err(DomainError::invalid("first_day", "required"));
        };
        c.into_result(ValidParticipation {
            event,
            organizer,
            scope,
            country,
            city,
            first_day,
            last_day: last.unwrap_or(first_day),
            people,
            report,
        })
    }
}

/// A guest of a meeting (not a member of the body): a name, a quality
/// («ممثل النقابة»), an optional e-mail for the convocation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GuestInput {
    pub name: String,
    #[serde(default)]
    pub quality: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    /// A speaker of the meeting (a thematic meeting's).
    #[serde(default)]
    pub speaker: bool,
    /// `female` or `male` when known (for «متدخلة» / «متدخل»).
    #[serde(default)]
    pub gender: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidGuest {
    pub name: String,
    pub quality: Option<String>,
    pub email: Option<String>,
    pub speaker: bool,
    pub gender: Option<crate::Gender>,
}

impl GuestInput {
    pub fn validate(&self) -> DomainResult<ValidGuest> {
        let mut c = Checker::new();
        let name = c.required("name", &self.name, MAX_NAME);
        let quality = c.optional("quality", self.quality.as_deref(), MAX_NAME);
        let email = c.email("email", self.email.as_deref());
        let gender = match self.gender.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(g) => {
                let parsed = crate::Gender::parse(g);
                if parsed.is_none() {
                    c.fail("gender", "invalid_choice");
                }
                parsed
            }
        };
        c.into_result(ValidGuest {
            name,
            quality,
            email,
            speaker: self.speaker,
            gender,
        })
    }
}

/// A report a meeting heard: a title and either a participation record or
/// an uploaded document (or neither: an oral report).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportInput {
    pub title: String,
    #[serde(default)]
    pub participation_id: Option<Uuid>,
}

pub fn check_report_title(title: &str) -> DomainResult<String> {
    let mut c = Checker::new();
    let t = c.required("title", title, MAX_NAME);
    c.into_result(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ParticipationInput {
        ParticipationInput {
            event: "المؤتمر الدولي للأحزاب اليسارية".into(),
            organizer: "الحزب الشيوعي الفرنسي".into(),
            scope: "international".into(),
            country: Some("فرنسا".into()),
            city: Some("باريس".into()),
            first_day: "2016-12-02".into(),
            last_day: Some("2016-12-04".into()),
            people: vec![Uuid::nil(), Uuid::nil()],
            report: Some("تقرير".into()),
        }
    }

    #[test]
    fn participation_rules() {
        let v = input().validate().unwrap();
        assert_eq!(v.scope, Scope::International);
        assert_eq!(v.people.len(), 1);
        assert_eq!(v.last_day, NaiveDate::from_ymd_opt(2016, 12, 4).unwrap());
        let mut bad = input();
        bad.last_day = Some("2016-12-01".into());
        assert_eq!(
            bad.validate().unwrap_err(),
            DomainError::Invalid(vec![crate::FieldError::new("last_day", "end_before_start")])
        );
        let mut bad = input();
        bad.country = None;
        bad.people.clear();
        let DomainError::Invalid(errs) = bad.validate().unwrap_err() else {
            panic!()
        };
        assert_eq!(errs.len(), 2);
        let mut bad = input();
        bad.scope = "galactic".into();
        bad.first_day = "".into();
        assert!(bad.validate().is_err());
        let mut one_day = input();
        one_day.last_day = None;
        assert_eq!(
            one_day.validate().unwrap().last_day,
            one_day.validate().unwrap().first_day
        );
    }

    #[test]
    fn guests() {
        let g = GuestInput {
            name: " ممثل ".into(),
            quality: None,
            email: Some("x@example.org".into()),
            speaker: true,
            gender: Some("female".into()),
        };
        assert_eq!(g.validate().unwrap().name, "ممثل");
        assert_eq!(g.validate().unwrap().gender, Some(crate::Gender::Female));
        let unknown = GuestInput {
            gender: Some("".into()),
            ..g.clone()
        };
        assert_eq!(unknown.validate().unwrap().gender, None);
        let bad = GuestInput {
            name: "".into(),
            quality: None,
            email: Some("nope".into()),
            speaker: false,
            gender: Some("x".into()),
        };
        let DomainError::Invalid(errs) = bad.validate().unwrap_err() else {
            panic!()
        };
        assert_eq!(errs.len(), 3);
        assert!(check_report_title(" ").is_err());
    }
}
