//! Bodies (هيئات): the organs of the organization, arranged in a territorial tree.

use crate::error::{DomainError, DomainResult};
use crate::validation::{Checker, MAX_NAME, MAX_SHORT};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use uuid::Uuid;

/// What kind of organ a body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Executive,
    Council,
    Congress,
    Secretariat,
    Regional,
    Provincial,
    Local,
    ParallelOrg,
    Sector,
    Commission,
}

impl BodyKind {
    pub const ALL: [BodyKind; 10] = [
        Self::Executive,
        Self::Council,
        Self::Congress,
        Self::Secretariat,
        Self::Regional,
        Self::Provincial,
        Self::Local,
        Self::ParallelOrg,
        Self::Sector,
        Self::Commission,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Executive => "executive",
            Self::Council => "council",
            Self::Congress => "congress",
            Self::Secretariat => "secretariat",
            Self::Regional => "regional",
            Self::Provincial => "provincial",
            Self::Local => "local",
            Self::ParallelOrg => "parallel_org",
            Self::Sector => "sector",
            Self::Commission => "commission",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A stored body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Body {
    pub id: Uuid,
    pub name_ar: String,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub kind: BodyKind,
    pub parent_id: Option<Uuid>,
    pub city: Option<String>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Body {
    /// The name in the given language, falling back to Arabic.
    pub fn name(&self, lang: &str) -> &str {
        let other = match lang {
            "fr" => self.name_fr.as_deref(),
            "en" => self.name_en.as_deref(),
            _ => None,
        };
        other.unwrap_or(&self.name_ar)
    }
}

/// What a user submits to create or edit a body.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct BodyInput {
    pub name_ar: String,
    #[serde(default)]
    pub name_fr: Option<String>,
    #[serde(default)]
    pub name_en: Option<String>,
    pub kind: String,
    #[serde(default)]
    pub parent_id: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
}

/// A body input that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidBody {
    pub name_ar: String,
    pub name_fr: Option<String>,
    pub name_en: Option<String>,
    pub kind: BodyKind,
    pub parent_id: Option<Uuid>,
    pub city: Option<String>,
}

impl BodyInput {
    pub fn validate(&self) -> DomainResult<ValidBody> {
        let mut c = Checker::new();
        let name_ar = c.required("name_ar", &self.name_ar, MAX_NAME);
        let name_fr = c.optional("name_fr", self.name_fr.as_deref(), MAX_NAME);
        let name_en = c.optional("name_en", self.name_en.as_deref(), MAX_NAME);
        let city = c.optional("city", self.city.as_deref(), MAX_SHORT);
        let kind = BodyKind::parse(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", "invalid_choice");
        }
        let parent_id = match self
            .parent_id
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(s) => match Uuid::parse_str(s) {
                Ok(id) => Some(id),
                Err(_) => {
                    c.fail("parent_id", "invalid_choice");
                    None
                }
            },
        };
        let valid = ValidBody {
            name_ar,
            name_fr,
            name_en,
            kind: kind.unwrap_or(BodyKind::Local),
            parent_id,
            city,
        };
        c.into_result(valid)
    }
}

/// Refuses a parent that would put `body` under itself: the new parent may be
/// neither the body nor one of its descendants. `parents` maps every body to its
/// parent (the whole tree, as the store knows it).
pub fn check_parent(
    body: Uuid,
    new_parent: Option<Uuid>,
    parents: &HashMap<Uuid, Option<Uuid>>,
) -> DomainResult<()> {
    let Some(mut cursor) = new_parent else {
        return Ok(());
    };
    // Walk up from the new parent; meeting `body` means a cycle. The step bound
    // guards against a tree that is already corrupt.
    for _ in 0..=parents.len() {
        if cursor == body {
            return Err(DomainError::invalid("parent_id", "parent_cycle"));
        }
        match parents.get(&cursor).copied().flatten() {
            Some(up) => cursor = up,
            None => return Ok(()),
        }
    }
    Err(DomainError::invalid("parent_id", "parent_cycle"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> (HashMap<Uuid, Option<Uuid>>, [Uuid; 4]) {
        // national → region → province → local
        let ids = [
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
        ];
        let mut m = HashMap::new();
        m.insert(ids[0], None);
        m.insert(ids[1], Some(ids[0]));
        m.insert(ids[2], Some(ids[1]));
        m.insert(ids[3], Some(ids[2]));
        (m, ids)
    }

    #[test]
    fn moving_under_a_descendant_is_refused() {
        let (m, ids) = tree();
        assert_eq!(
            check_parent(ids[1], Some(ids[3]), &m),
            Err(DomainError::invalid("parent_id", "parent_cycle"))
        );
        assert!(check_parent(ids[0], Some(ids[2]), &m).is_err());
    }

    #[test]
    fn moving_under_itself_is_refused() {
        let (m, ids) = tree();
        assert!(check_parent(ids[2], Some(ids[2]), &m).is_err());
    }

    #[test]
    fn moving_elsewhere_is_allowed() {
        let (m, ids) = tree();
        assert!(check_parent(ids[3], Some(ids[0]), &m).is_ok());
        assert!(check_parent(ids[3], None, &m).is_ok());
        let new = Uuid::now_v7();
        assert!(check_parent(new, Some(ids[3]), &m).is_ok());
    }

    #[test]
    fn corrupt_tree_does_not_loop() {
        let a = Uuid::now_v7();
        let b = Uuid::now_v7();
        let mut m = HashMap::new();
        m.insert(a, Some(b));
        m.insert(b, Some(a));
        assert!(check_parent(Uuid::now_v7(), Some(a), &m).is_err());
    }

    #[test]
    fn kinds_round_trip() {
        for k in BodyKind::ALL {
            assert_eq!(BodyKind::parse(k.as_str()), Some(k));
        }
        assert_eq!(BodyKind::parse("party"), None);
    }

    #[test]
    fn validation_names_every_bad_field() {
        let input = BodyInput {
            name_ar: " ".into(),
            kind: "nope".into(),
            parent_id: Some("not-a-uuid".into()),
            ..Default::default()
        };
        let DomainError::Invalid(errs) = input.validate().unwrap_err() else {
            panic!()
        };
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(fields, vec!["name_ar", "kind", "parent_id"]);
    }
}
