//! Campaigns: a required action over many bodies with a deadline (the seed's
//! «7 يناير كآخر أجل لعقد اجتماعات الهيئات الإقليمية … لتقييم الانتخابات»),
//! their states, who they target, and how each target body stands — on
//! time, late, missing — judged on the organization's calendar.

use crate::body::BodyKind;
use crate::error::{DomainError, DomainResult};
use crate::meeting::MeetingKind;
use crate::validation::{Checker, MAX_NAME};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Longest campaign description.
pub const MAX_DESCRIPTION: usize = 10_000;
/// Longest grace period, in days.
pub const MAX_GRACE_DAYS: i64 = 60;
/// Most bodies one campaign targets.
pub const MAX_TARGETS: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignState {
    Draft,
    Launched,
    Closed,
}

impl CampaignState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Launched => "launched",
            Self::Closed => "closed",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Self::Draft),
            "launched" => Some(Self::Launched),
            "closed" => Some(Self::Closed),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignAction {
    Launch,
    Close,
}

/// The next state of a campaign, or why not. A campaign is launched once,
/// with at least one target body and something to do; closed once.
pub fn campaign_transition(
    from: CampaignState,
    action: CampaignAction,
    targets: usize,
) -> DomainResult<CampaignState> {
    use CampaignAction as A;
    use CampaignState as S;
    match (from, action) {
        (S::Draft, A::Launch) if targets == 0 => Err(DomainError::invalid("targets", "required")),
        (S::Draft, A::Launch) => Ok(S::Launched),
        (S::Launched, A::Close) => Ok(S::Closed),
        _ => Err(DomainError::invalid("action", "invalid_transition")),
    }
}

/// Which bodies a campaign targets: by kind, within a region (a subtree),
/// and one by one. Resolved against the body tree and frozen at launch.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRule {
    /// Bodies of these kinds…
    #[serde(default)]
    pub kinds: Vec<BodyKind>,
    /// …under this body (itself excluded), or anywhere when `None`…
    #[serde(default)]
    pub within: Option<Uuid>,
    /// …plus these bodies.
    #[serde(default)]
    pub bodies: Vec<Uuid>,
}

/// A body as the target rule sees it.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub id: Uuid,
    pub kind: BodyKind,
    /// Whether it is under the rule's `within` body (always true without one).
    pub within: bool,
    pub archived: bool,
}

impl TargetRule {
    /// The target bodies among `bodies`, in their order, each once; archived
    /// bodies are never targeted.
    pub fn resolve(&self, bodies: &[Candidate]) -> Vec<Uuid> {
        let mut out = Vec::new();
        for b in bodies.iter().filter(|b| !b.archived) {
            let by_kind = !self.kinds.is_empty() && self.kinds.contains(&b.kind) && b.within;
            if (by_kind || self.bodies.contains(&b.id)) && !out.contains(&b.id) {
                out.push(b.id);
            }
        }
        out
    }
}

/// What every target body must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// Hold a meeting of this kind before the deadline.
    pub meeting: Option<MeetingKind>,
    /// Submit a report on the campaign's template.
    pub report: bool,
}

/// A campaign as written by the issuing body.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CampaignInput {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// YYYY-MM-DD
    pub due_on: String,
    #[serde(default)]
    pub grace_days: Option<i64>,
    /// A meeting kind the targets must hold (periodic, special…).
    #[serde(default)]
    pub meeting_kind: Option<String>,
    /// The report template (its key); none for a meeting-only campaign.
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub targets: TargetRule,
    /// The decision it carries out.
    #[serde(default)]
    pub decision_id: Option<Uuid>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValidCampaign {
    pub title: String,
    pub description: Option<String>,
    pub due_on: NaiveDate,
    pub grace_days: i64,
    pub meeting_kind: Option<MeetingKind>,
    pub template: Option<String>,
    pub targets: TargetRule,
    pub decision_id: Option<Uuid>,
}

impl CampaignInput {
    pub fn validate(&self) -> DomainResult<ValidCampaign> {
        let mut c = Checker::new();
        let title = c.required("title", &self.title, MAX_NAME);
        let description =
            c.optional_text("description", self.description.as_deref(), MAX_DESCRIPTION);
        let due_on = NaiveDate::parse_from_str(self.due_on.trim(), "%Y-%m-%d").ok();
        if due_on.is_none() {
            c.fail("due_on", "invalid_date");
        }
        let grace_days = self.grace_days.unwrap_or(0);
        if !(0..=MAX_GRACE_DAYS).contains(&grace_days) {
            c.fail("grace_days", "out_of_range");
        }
        let meeting_kind = match self.meeting_kind.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(k) => {
                let kind = MeetingKind::parse(k);
                if kind.is_none() {
                    c.fail("meeting_kind", "invalid_choice");
                }
                kind
            }
        };
        let template = self
            .template
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        if meeting_kind.is_none() && template.is_none() {
            c.fail("template", "nothing_required");
        }
        if self.targets.bodies.len() > MAX_TARGETS {
            c.fail("targets", "too_many");
        }
        c.into_result(ValidCampaign {
            title,
            description,
            due_on: due_on.unwrap_or_default(),
            grace_days,
            meeting_kind,
            template,
            targets: self.targets.clone(),
            decision_id: self.decision_id,
        })
    }
}

mod board;
pub mod reminders;
mod report;
pub use board::*;
pub use report::*;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn campaigns_launch_once_with_targets_and_close_once() {
        use CampaignAction as A;
        use CampaignState as S;
        assert_eq!(
            campaign_transition(S::Draft, A::Launch, 30).unwrap(),
            S::Launched
        );
        assert!(campaign_transition(S::Draft, A::Launch, 0).is_err());
        assert!(campaign_transition(S::Launched, A::Launch, 30).is_err());
        assert_eq!(
            campaign_transition(S::Launched, A::Close, 30).unwrap(),
            S::Closed
        );
        assert!(campaign_transition(S::Closed, A::Close, 30).is_err());
        assert!(campaign_transition(S::Draft, A::Close, 30).is_err());
    }

    #[test]
    fn targets_by_kind_within_a_region_and_one_by_one() {
        let ids: Vec<Uuid> = (0..5).map(|_| Uuid::now_v7()).collect();
        let bodies = [
            Candidate {
                id: ids[0],
                kind: BodyKind::Provincial,
                within: true,
                archived: false,
            },
            Candidate {
                id: ids[1],
                kind: BodyKind::Provincial,
                within: false,
                archived: false,
            },
            Candidate {
                id: ids[2],
                kind: BodyKind::Regional,
                within: true,
                archived: false,
            },
            Candidate {
                id: ids[3],
                kind: BodyKind::Provincial,
                within: true,
                archived: true,
            },
            Candidate {
                id: ids[4],
                kind: BodyKind::Local,
                within: false,
                archived: false,
            },
        ];
        let rule = TargetRule {
            kinds: vec![BodyKind::Provincial],
            within: Some(Uuid::now_v7()),
            bodies: vec![ids[4], ids[0]],
        };
        assert_eq!(rule.resolve(&bodies), vec![ids[0], ids[4]]);
        assert!(TargetRule::default().resolve(&bodies).is_empty());
    }

    #[test]
    fn campaign_input_is_checked() {
        let ok = CampaignInput {
            title: "تقييم انتخابات أعضاء مجلس النواب".into(),
            due_on: "2017-01-07".into(),
            meeting_kind: Some("special".into()),
            template: Some("elections-2016".into()),
            ..Default::default()
        };
        let v = ok.validate().unwrap();
        assert_eq!(v.due_on, d(2017, 1, 7));
        assert_eq!(v.meeting_kind, Some(MeetingKind::Special));
        let bad = CampaignInput {
            title: " ".into(),
            due_on: "7/1/2017".into(),
            grace_days: Some(-1),
            meeting_kind: Some("party".into()),
            ..Default::default()
        };
        let DomainError::Invalid(errs) = bad.validate().unwrap_err() else {
            panic!()
        };
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(
            fields,
            ["title", "due_on", "grace_days", "meeting_kind", "template"]
        );
    }
}
