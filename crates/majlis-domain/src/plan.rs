//! Action plans (خطة عمل): a body's plan carrying out decisions, objectives
//! with a measurable target (value, unit, date), tasks with the person or
//! body in charge, a due date, a status and a progress; progress rolled up
//! task → objective → plan, weighted. A task can be a campaign: its progress
//! is then the campaign's completion rate.

use crate::campaign::MAX_DESCRIPTION;
use crate::error::DomainResult;
use crate::validation::{Checker, MAX_NAME};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most objectives in a plan, tasks in an objective.
pub const MAX_ITEMS: usize = 100;
/// Heaviest weight.
pub const MAX_WEIGHT: i32 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Todo,
    InProgress,
    Blocked,
    Done,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 4] = [Self::Todo, Self::InProgress, Self::Blocked, Self::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Todo => "todo",
            Self::InProgress => "in_progress",
            Self::Blocked => "blocked",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

fn date(c: &mut Checker, field: &'static str, v: Option<&str>) -> Option<NaiveDate> {
    let v = v.map(str::trim).filter(|v| !v.is_empty())?;
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            c.fail(field, "invalid_date");
            None
        }
    }
}

fn weight(c: &mut Checker, v: Option<&str>) -> i32 {
    match v.map(str::trim).filter(|v| !v.is_empty()) {
        None => 1,
        Some(v) => match v.parse::<i32>() {
            Ok(w) if (1..=MAX_WEIGHT).contains(&w) => w,
            _ => {
                c.fail("weight", "out_of_range");
                1
            }
        },
    }
}

fn id(c: &mut Checker, field: &'static str, v: Option<&str>) -> Option<Uuid> {
    let v = v.map(str::trim).filter(|v| !v.is_empty())?;
    match v.parse() {
        Ok(id) => Some(id),
        Err(_) => {
            c.fail(field, "invalid_id");
            None
        }
    }
}

/// A plan as written by its owner body (forms and JSON give strings).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PlanInput {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    /// The decisions it carries out.
    #[serde(default)]
    pub decision_ids: Vec<Uuid>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidPlan {
    pub title: String,
    pub description: Option<String>,
    pub decision_ids: Vec<Uuid>,
}

impl PlanInput {
    pub fn validate(&self) -> DomainResult<ValidPlan> {
        let mut c = Checker::new();
        let title = c.required("title", &self.title, MAX_NAME);
        let description =
            c.optional_text("description", self.description.as_deref(), MAX_DESCRIPTION);
        let mut decision_ids = self.decision_ids.clone();
        decision_ids.sort();
        decision_ids.dedup();
        if decision_ids.len() > MAX_ITEMS {
            c.fail("decision_ids", "too_many");
        }
        c.into_result(ValidPlan {
            title,
            description,
            decision_ids,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ObjectiveInput {
    pub title: String,
    /// The measurable target: a number…
    #[serde(default)]
    pub target_value: Option<String>,
    /// …of this unit («هيئة إقليمية», «ورقة عمل»)…
    #[serde(default)]
    pub unit: Option<String>,
    /// …by this date (YYYY-MM-DD).
    #[serde(default)]
    pub target_date: Option<String>,
    #[serde(default)]
    pub weight: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidObjective {
    pub title: String,
    pub target_value: Option<f64>,
    pub unit: Option<String>,
    pub target_date: Option<NaiveDate>,
    pub weight: i32,
}

impl ObjectiveInput {
    pub fn validate(&self) -> DomainResult<ValidObjective> {
        let mut c = Checker::new();
        let title = c.required("title", &self.title, MAX_NAME);
        let target_value = match self.target_value.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) => match v.replace(',', ".").parse::<f64>() {
                Ok(n) if n.is_finite() && n >= 0.0 => Some(n),
                _ => {
                    c.fail("target_value", "not_a_number");
                    None
                }
            },
        };
        let unit = c.optional("unit", self.unit.as_deref(), MAX_NAME);
        let target_date = date(&mut c, "target_date", self.target_date.as_deref());
        let weight = weight(&mut c, self.weight.as_deref());
        c.into_result(ValidObjective {
            title,
            target_value,
            unit,
            target_date,
            weight,
        })
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct TaskInput {
    pub title: String,
    #[serde(default)]
    pub responsible_person_id: Option<String>,
    #[serde(default)]
    pub responsible_body_id: Option<String>,
    #[serde(default)]
    pub due_on: Option<String>,
    #[serde(default)]
    pub weight: Option<String>,
    /// A campaign whose completion rate is the task's progress.
    #[serde(default)]
    pub campaign_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidTask {
    pub title: String,
    pub responsible_person_id: Option<Uuid>,
    pub responsible_body_id: Option<Uuid>,
    pub due_on: Option<NaiveDate>,
    pub weight: i32,
    pub campaign_id: Option<Uuid>,
}

impl TaskInput {
    pub fn validate(&self) -> DomainResult<ValidTask> {
        let mut c = Checker::new();
        let title = c.required("title", &self.title, MAX_NAME);
        let responsible_person_id = id(
            &mut c,
            "responsible_person_id",
            self.responsible_person_id.as_deref(),
        );
        let responsible_body_id = id(
            &mut c,
            "responsible_body_id",
            self.responsible_body_id.as_deref(),
        );
        let due_on = date(&mut c, "due_on", self.due_on.as_deref());
        let weight = weight(&mut c, self.weight.as_deref());
        let campaign_id = id(&mut c, "campaign_id", self.campaign_id.as_deref());
        c.into_result(ValidTask {
            title,
            responsible_person_id,
            responsible_body_id,
            due_on,
            weight,
            campaign_id,
        })
    }
}

/// A change of a task: its status, its progress (0–100), what was done.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TaskChange {
    pub status: String,
    #[serde(default)]
    pub progress: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The version read (a change made meanwhile is refused).
    #[serde(default)]
    pub version: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidChange {
    pub status: TaskStatus,
    pub progress: i32,
    pub note: Option<String>,
}

impl TaskChange {
    /// A done task is at 100 %; a task to do with no progress given at 0.
    pub fn validate(&self, current: i32) -> DomainResult<ValidChange> {
        let mut c = Checker::new();
        let status = TaskStatus::parse(self.status.trim()).unwrap_or_else(|| {
            c.fail("status", "invalid_choice");
            TaskStatus::Todo
        });
        let progress = match self.progress.as_deref().map(str::trim) {
            None | Some("") => current,
            Some(v) => match v.trim_end_matches('%').trim().parse::<i32>() {
                Ok(p) if (0..=100).contains(&p) => p,
                _ => {
                    c.fail("progress", "out_of_range");
                    current
                }
            },
        };
        let progress = if status == TaskStatus::Done {
            100
        } else {
            progress
        };
        let note = c.optional_text("note", self.note.as_deref(), MAX_DESCRIPTION);
        c.into_result(ValidChange {
            status,
            progress,
            note,
        })
    }
}

/// A task's progress in percent: its campaign's completion rate when it
/// follows one (100 once done), else what was recorded.
pub fn task_progress(status: TaskStatus, recorded: i32, campaign_rate: Option<f64>) -> f64 {
    if status == TaskStatus::Done {
        return 100.0;
    }
    match campaign_rate {
        Some(r) => r.clamp(0.0, 100.0),
        None => f64::from(recorded.clamp(0, 100)),
    }
}

/// The weighted mean of (weight, progress) pairs; 0 for none.
pub fn rollup(items: &[(i32, f64)]) -> f64 {
    let total: i64 = items.iter().map(|(w, _)| i64::from((*w).max(0))).sum();
    if total == 0 {
        return 0.0;
    }
    items
        .iter()
        .map(|(w, p)| f64::from((*w).max(0)) * p)
        .sum::<f64>()
        / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_rolls_up_weighted() {
        // Objective 1: tasks at 100 % (weight 1) and 40 % (weight 3) → 55 %.
        let o1 = rollup(&[(1, 100.0), (3, 40.0)]);
        assert!((o1 - 55.0).abs() < 1e-9);
        // A campaign task: 28 of 30 reports in → 93.3 %.
        let o2 = rollup(&[(
            1,
            task_progress(TaskStatus::InProgress, 0, Some(28.0 * 100.0 / 30.0)),
        )]);
        assert!((o2 - 93.333).abs() < 1e-3);
        // The plan: objective 1 weighs 2, objective 2 weighs 1.
        let plan = rollup(&[(2, o1), (1, o2)]);
        assert!((plan - (2.0 * 55.0 + 93.333_333) / 3.0).abs() < 1e-3);
        assert_eq!(rollup(&[]), 0.0);
        assert_eq!(task_progress(TaskStatus::Done, 10, Some(50.0)), 100.0);
    }

    #[test]
    fn inputs_are_checked() {
        let o = ObjectiveInput {
            title: "تقارير الهيئات الإقليمية".into(),
            target_value: Some("30".into()),
            unit: Some("تقريرا".into()),
            target_date: Some("2017-01-07".into()),
            weight: Some("2".into()),
        }
        .validate()
        .unwrap();
        assert_eq!((o.target_value, o.weight), (Some(30.0), 2));
        let bad = ObjectiveInput {
            title: String::new(),
            target_value: Some("ثلاثون".into()),
            target_date: Some("2017-13-40".into()),
            weight: Some("0".into()),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let crate::DomainError::Invalid(fields) = bad else {
            panic!()
        };
        let codes: Vec<(&str, &str)> = fields.iter().map(|f| (f.field.as_ref(), f.code)).collect();
        assert_eq!(
            codes,
            vec![
                ("title", "required"),
                ("target_value", "not_a_number"),
                ("target_date", "invalid_date"),
                ("weight", "out_of_range")
            ]
        );
        let change = TaskChange {
            status: "done".into(),
            progress: Some("30".into()),
            ..Default::default()
        }
        .validate(10)
        .unwrap();
        assert_eq!(change.progress, 100);
        assert!(
            TaskChange {
                status: "in_progress".into(),
                progress: Some("120".into()),
                ..Default::default()
            }
            .validate(10)
            .is_err()
        );
        assert!(
            TaskChange {
                status: "later".into(),
                ..Default::default()
            }
            .validate(0)
            .is_err()
        );
    }
}
