//! People (أعضاء): members of the organization, with private contact fields.

use crate::error::DomainResult;
use crate::validation::{Checker, MAX_NAME, MAX_SHORT};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Gender decides titles and grammar: عضو / عضوة, الكاتب / الكاتبة.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "female",
            Self::Male => "male",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "female" => Some(Self::Female),
            "male" => Some(Self::Male),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: Uuid,
    pub full_name_ar: String,
    pub full_name_latin: Option<String>,
    pub gender: Gender,
    pub member_number: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub joined_on: Option<NaiveDate>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PersonInput {
    pub full_name_ar: String,
    #[serde(default)]
    pub full_name_latin: Option<String>,
    pub gender: String,
    #[serde(default)]
    pub member_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub joined_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidPerson {
    pub full_name_ar: String,
    pub full_name_latin: Option<String>,
    pub gender: Gender,
    pub member_number: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub joined_on: Option<NaiveDate>,
}

impl Person {
    /// The person without their private contact fields (e-mail, phone), for
    /// readers who may not see them.
    pub fn without_contact(self) -> Self {
        Self {
            email: None,
            phone: None,
            ..self
        }
    }
}

impl PersonInput {
    pub fn validate(&self) -> DomainResult<ValidPerson> {
        let mut c = Checker::new();
        let full_name_ar = c.required("full_name_ar", &self.full_name_ar, MAX_NAME);
        let full_name_latin =
            c.optional("full_name_latin", self.full_name_latin.as_deref(), MAX_NAME);
        let gender = Gender::parse(self.gender.trim());
        if gender.is_none() {
            c.fail("gender", "invalid_choice");
        }
        let member_number = c.optional("member_number", self.member_number.as_deref(), MAX_SHORT);
        if let Some(n) = &member_number
            && !n
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '/')
        {
            c.fail("member_number", "invalid_member_number");
        }
        let email = c.email("email", self.email.as_deref());
        let phone = c.optional("phone", self.phone.as_deref(), MAX_SHORT);
        if let Some(p) = &phone {
            let digits = p.chars().filter(char::is_ascii_digit).count();
            let allowed = p
                .chars()
                .all(|ch| ch.is_ascii_digit() || " +-().".contains(ch));
            if digits < 6 || !allowed {
                c.fail("phone", "invalid_phone");
            }
        }
        let joined_on = parse_date(&mut c, "joined_on", self.joined_on.as_deref());
        c.into_result(ValidPerson {
            full_name_ar,
            full_name_latin,
            gender: gender.unwrap_or(Gender::Female),
            member_number,
            email,
            phone,
            joined_on,
        })
    }
}

/// Parses an optional ISO date (YYYY-MM-DD), recording a field error if bad.
pub fn parse_date(c: &mut Checker, field: &'static str, value: Option<&str>) -> Option<NaiveDate> {
    let v = value.map(str::trim).filter(|s| !s.is_empty())?;
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            c.fail(field, "invalid_date");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DomainError;

    fn ok_input() -> PersonInput {
        PersonInput {
            full_name_ar: "فاطمة الزهراء بناني".into(),
            full_name_latin: Some("Fatima Zahra Bennani".into()),
            gender: "female".into(),
            member_number: Some("PPS-000123".into()),
            email: Some("Fatima@Example.ma".into()),
            phone: Some("+212 6 61 00 00 00".into()),
            joined_on: Some("1998-03-08".into()),
        }
    }

    #[test]
    fn valid_person() {
        let p = ok_input().validate().unwrap();
        assert_eq!(p.gender, Gender::Female);
        assert_eq!(p.email.as_deref(), Some("fatima@example.ma"));
        assert_eq!(p.joined_on, NaiveDate::from_ymd_opt(1998, 3, 8));
    }

    #[test]
    fn invalid_fields_are_named() {
        let mut i = ok_input();
        i.gender = "x".into();
        i.phone = Some("call me".into());
        i.joined_on = Some("2016-13-40".into());
        i.member_number = Some("<script>".into());
        let DomainError::Invalid(errs) = i.validate().unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(
            fields,
            vec!["gender", "member_number", "phone", "joined_on"]
        );
    }
}
