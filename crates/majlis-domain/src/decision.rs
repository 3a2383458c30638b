//! Decisions and measures (مقررات وتدابير) of a meeting: kinds, follow-up
//! status and the input a secretary submits.

use crate::error::DomainResult;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// مقرر
    Decision,
    /// تدبير
    Measure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionStatus {
    Open,
    Done,
    Dropped,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Decision => "decision",
            Self::Measure => "measure",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "decision" => Some(Self::Decision),
            "measure" => Some(Self::Measure),
            _ => None,
        }
    }
}

impl DecisionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
            Self::Dropped => "dropped",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "open" => Some(Self::Open),
            "done" => Some(Self::Done),
            "dropped" => Some(Self::Dropped),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct DecisionInput {
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub responsible_person_id: Option<String>,
    #[serde(default)]
    pub responsible_body_id: Option<String>,
    #[serde(default)]
    pub due_on: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub kind: DecisionKind,
    pub text: String,
    pub responsible_person_id: Option<uuid::Uuid>,
    pub responsible_body_id: Option<uuid::Uuid>,
    pub due_on: Option<chrono::NaiveDate>,
}

impl DecisionInput {
    pub fn validate(&self) -> DomainResult<ValidDecision> {
        use crate::validation::Checker;
        let mut c = Checker::new();
        let kind = DecisionKind::parse(self.kind.trim());
        if kind.is_none() {
            c.fail("kind", "invalid_choice");
        }
        let text = c.required_text("text", &self.text, 5_000);
        let mut id =
            |field: &'static str, v: Option<&str>| match v.map(str::trim).filter(|s| !s.is_empty())
            {
                None => None,
                Some(s) => uuid::Uuid::parse_str(s)
                    .map_err(|_| c.fail(field, "invalid_choice"))
                    .ok(),
            };
        let responsible_person_id = id(
            "responsible_person_id",
            self.responsible_person_id.as_deref(),
        );
        let responsible_body_id = id("responsible_body_id", self.responsible_body_id.as_deref());
        let due_on = crate::person::parse_date(&mut c, "due_on", self.due_on.as_deref());
        c.into_result(ValidDecision {
            kind: kind.unwrap_or(DecisionKind::Decision),
            text,
            responsible_person_id,
            responsible_body_id,
            due_on,
        })
    }
}
