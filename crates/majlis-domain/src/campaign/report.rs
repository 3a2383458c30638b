//! A report's workflow: drafted, submitted (locked), accepted or returned.

use super::CampaignState;
use crate::error::{DomainError, DomainResult};
use serde::{Deserialize, Serialize};

/// Where a report stands in its workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportState {
    Draft,
    Submitted,
    Returned,
    Accepted,
}

impl ReportState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Returned => "returned",
            Self::Accepted => "accepted",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "draft" => Some(Self::Draft),
            "submitted" => Some(Self::Submitted),
            "returned" => Some(Self::Returned),
            "accepted" => Some(Self::Accepted),
            _ => None,
        }
    }
    /// The body's secretary may still change it.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportAction {
    Submit,
    Accept,
    Return,
}

impl ReportAction {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "submit" => Some(Self::Submit),
            "accept" => Some(Self::Accept),
            "return" => Some(Self::Return),
            _ => None,
        }
    }
    /// Done by the target body (else by the issuing body).
    pub fn by_target(self) -> bool {
        self == Self::Submit
    }
}

/// The next state of a report. Submitting needs an open campaign; a
/// submitted report is locked until it is accepted or returned.
pub fn report_transition(
    from: ReportState,
    action: ReportAction,
    campaign: CampaignState,
) -> DomainResult<ReportState> {
    use ReportAction as A;
    use ReportState as S;
    if campaign != CampaignState::Launched {
        return Err(DomainError::invalid("campaign", "campaign_not_running"));
    }
    match (from, action) {
        (S::Draft | S::Returned, A::Submit) => Ok(S::Submitted),
        (S::Submitted, A::Accept) => Ok(S::Accepted),
        (S::Submitted, A::Return) => Ok(S::Returned),
        (S::Submitted | S::Accepted, A::Submit) => {
            Err(DomainError::invalid("action", "already_submitted"))
        }
        _ => Err(DomainError::invalid("action", "invalid_transition")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_submit_once_and_come_back_when_returned() {
        use ReportAction as A;
        use ReportState as S;
        let run = CampaignState::Launched;
        assert_eq!(
            report_transition(S::Draft, A::Submit, run).unwrap(),
            S::Submitted
        );
        let twice = report_transition(S::Submitted, A::Submit, run).unwrap_err();
        assert_eq!(twice, DomainError::invalid("action", "already_submitted"));
        assert_eq!(
            report_transition(S::Submitted, A::Return, run).unwrap(),
            S::Returned
        );
        assert_eq!(
            report_transition(S::Returned, A::Submit, run).unwrap(),
            S::Submitted
        );
        assert_eq!(
            report_transition(S::Submitted, A::Accept, run).unwrap(),
            S::Accepted
        );
        assert!(report_transition(S::Draft, A::Accept, run).is_err());
        assert!(report_transition(S::Accepted, A::Return, run).is_err());
        let closed = report_transition(S::Draft, A::Submit, CampaignState::Closed).unwrap_err();
        assert_eq!(
            closed,
            DomainError::invalid("campaign", "campaign_not_running")
        );
        assert!(S::Returned.editable() && !S::Submitted.editable());
    }
}
