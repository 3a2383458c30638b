//! Communiqués (بلاغات): the press releases a body publishes on the public
//! site. Their life: draft → in review → approved → published (at once or
//! at a scheduled time) → corrected (an erratum: the old text stays in the
//! history, the page says it was corrected) → withdrawn (the page says so;
//! it does not vanish). Pure rules; who may act is in `permissions`.

use crate::error::{DomainError, DomainResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Longest slug kept in an address.
pub const MAX_SLUG: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommuniqueState {
    Draft,
    InReview,
    Approved,
    /// Approved, to go public at its `publish_at`.
    Scheduled,
    Published,
    /// Published, then its text corrected (an erratum).
    Corrected,
    Withdrawn,
}

impl CommuniqueState {
    pub const ALL: [Self; 7] = [
        Self::Draft,
        Self::InReview,
        Self::Approved,
        Self::Scheduled,
        Self::Published,
        Self::Corrected,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InReview => "in_review",
            Self::Approved => "approved",
            Self::Scheduled => "scheduled",
            Self::Published => "published",
            Self::Corrected => "corrected",
            Self::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// Its text can still be changed freely (no erratum needed).
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::InReview)
    }

    /// The public may read it at `now`: published, corrected or withdrawn
    /// (a withdrawn communiqué still answers, saying it was withdrawn), or
    /// scheduled and its time has come.
    pub fn public_at(self, publish_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        match self {
            Self::Published | Self::Corrected | Self::Withdrawn => true,
            Self::Scheduled => publish_at.is_some_and(|t| t <= now),
            _ => false,
        }
    }

    /// Comments are taken: public and not withdrawn.
    pub fn open_to_comments(self, publish_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        self != Self::Withdrawn && self.public_at(publish_at, now)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommuniqueAction {
    /// The author asks for review.
    Submit,
    /// A reviewer sends it back to its author.
    Reject,
    /// The issuing body's chair or secretary approves it.
    Approve,
    /// Published now.
    Publish,
    /// Published at a later time.
    Schedule,
    /// A scheduled one taken back to approved.
    Unschedule,
    /// An erratum on a public text.
    Correct,
    Withdraw,
}

impl CommuniqueAction {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "submit" => Self::Submit,
            "reject" => Self::Reject,
            "approve" => Self::Approve,
            "publish" => Self::Publish,
            "schedule" => Self::Schedule,
            "unschedule" => Self::Unschedule,
            "correct" => Self::Correct,
            "withdraw" => Self::Withdraw,
            _ => return None,
        })
    }

    /// Only the issuing body's chair or secretary may take it.
    pub fn needs_approver(self) -> bool {
        !matches!(self, Self::Submit | Self::Reject)
    }
}

/// The state after `action`, or why it cannot be taken now.
pub fn transition(
    from: CommuniqueState,
    action: CommuniqueAction,
) -> DomainResult<CommuniqueState> {
    use CommuniqueAction as A;
    use CommuniqueState as S;
    let to = match (from, action) {
        (S::Draft, A::Submit) => S::InReview,
        (S::InReview, A::Reject) => S::Draft,
        (S::Draft | S::InReview, A::Approve) => S::Approved,
        (S::Approved | S::Scheduled, A::Publish) => S::Published,
        (S::Approved, A::Schedule) => S::Scheduled,
        (S::Scheduled, A::Unschedule) => S::Approved,
        (S::Published | S::Corrected, A::Correct) => S::Corrected,
        (S::Published | S::Corrected | S::Scheduled, A::Withdraw) => S::Withdrawn,
        _ => return Err(DomainError::invalid("state", "invalid_transition")),
    };
    Ok(to)
}

/// A slug as typed or made from a title: lowercase Latin letters, digits,
/// Arabic letters and `-`; other characters become `-`, repeated ones
/// collapse; empty when nothing is left.
pub fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::new();
    // Latin accents dropped (é → e); Arabic letters kept whole (their
    // hamza and madda recomposed), tatweel and tashkeel dropped.
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c) || ('\u{0653}'..='\u{0655}').contains(c))
        .nfc()
        .collect();
    for c in folded
        .chars()
        .filter(|c| *c != '\u{0640}')
        .flat_map(char::to_lowercase)
    {
        let keep = c.is_ascii_alphanumeric()
            || ('\u{0621}'..='\u{064A}').contains(&c)
            || ('\u{0660}'..='\u{0669}').contains(&c);
        if keep {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= MAX_SLUG {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A slug from an address: refused (404, not 500) when malformed.
pub fn check_slug(slug: &str) -> DomainResult<&str> {
    let ok = !slug.is_empty() && slug.chars().count() <= MAX_SLUG && slugify(slug) == slug;
    if ok {
        Ok(slug)
    } else {
        Err(DomainError::NotFound)
    }
}

/// Longest title, body, tag; most tags.
pub const MAX_TITLE: usize = 300;
pub const MAX_BODY: usize = 100_000;
pub const MAX_TAG: usize = 40;
pub const MAX_TAGS: usize = 12;
/// Languages a communiqué is written in.
pub const LANGS: [&str; 3] = ["ar", "fr", "en"];

/// What the secretariat writes.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CommuniqueInput {
    pub title: String,
    /// Markdown, rendered sanitized.
    pub body: String,
    #[serde(default)]
    pub lang: String,
    /// Made from the title when empty.
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A communiqué's text once checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCommunique {
    pub title: String,
    pub body: String,
    pub lang: String,
    pub slug: String,
    pub tags: Vec<String>,
}

impl CommuniqueInput {
    pub fn validate(&self) -> DomainResult<ValidCommunique> {
        use crate::error::FieldError;
        use crate::validation::{clean, single_line};
        let mut errors = Vec::new();
        let title = single_line(&self.title).unwrap_or_default();
        if title.is_empty() {
            errors.push(FieldError::new("title", "required"));
        } else if title.chars().count() > MAX_TITLE {
            errors.push(FieldError::new("title", "too_long"));
        }
        let body = clean(&self.body);
        if body.is_empty() {
            errors.push(FieldError::new("body", "required"));
        } else if body.chars().count() > MAX_BODY {
            errors.push(FieldError::new("body", "too_long"));
        }
        let lang = if self.lang.is_empty() {
            "ar"
        } else {
            self.lang.as_str()
        };
        if !LANGS.contains(&lang) {
            errors.push(FieldError::new("lang", "invalid_choice"));
        }
        let slug = match self
            .slug
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(typed) => {
                let s = slugify(typed);
                if s.is_empty() {
                    errors.push(FieldError::new("slug", "invalid_slug"));
                }
                s
            }
            None => slugify(&title),
        };
        let mut tags: Vec<String> = Vec::new();
        for t in &self.tags {
            let t = single_line(t).unwrap_or_default();
            if t.is_empty() || tags.contains(&t) {
                continue;
            }
            if t.chars().count() > MAX_TAG {
                errors.push(FieldError::new("tags", "too_long"));
                break;
            }
            tags.push(t);
        }
        if tags.len() > MAX_TAGS {
            errors.push(FieldError::new("tags", "too_many"));
        }
        if !errors.is_empty() {
            return Err(DomainError::Invalid(errors));
        }
        // A title of symbols only still gets an address.
        let slug = if slug.is_empty() {
            "communique".to_string()
        } else {
            slug
        };
        Ok(ValidCommunique {
            title,
            body,
            lang: lang.to_string(),
            slug,
            tags,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CommuniqueAction as A;
    use CommuniqueState as S;

    #[test]
    fn the_life_of_a_communique() {
        let mut s = S::Draft;
        for (a, want) in [
            (A::Submit, S::InReview),
            (A::Reject, S::Draft),
            (A::Submit, S::InReview),
            (A::Approve, S::Approved),
            (A::Schedule, S::Scheduled),
            (A::Unschedule, S::Approved),
            (A::Publish, S::Published),
            (A::Correct, S::Corrected),
            (A::Correct, S::Corrected),
            (A::Withdraw, S::Withdrawn),
        ] {
            s = transition(s, a).unwrap();
            assert_eq!(s, want, "{a:?}");
        }
        for a in [A::Publish, A::Correct, A::Approve, A::Submit, A::Withdraw] {
            assert!(transition(S::Withdrawn, a).is_err(), "{a:?}");
        }
        assert!(transition(S::Draft, A::Publish).is_err(), "approved first");
        assert!(transition(S::Published, A::Submit).is_err());
    }

    #[test]
    fn who_sees_it_and_when() {
        let t = |h: i64| DateTime::<Utc>::from_timestamp(h * 3600, 0).unwrap();
        assert!(!S::Approved.public_at(None, t(5)));
        assert!(!S::Scheduled.public_at(Some(t(6)), t(5)));
        assert!(S::Scheduled.public_at(Some(t(5)), t(5)));
        assert!(S::Withdrawn.public_at(None, t(5)));
        assert!(!S::Withdrawn.open_to_comments(None, t(5)));
        assert!(S::Corrected.open_to_comments(None, t(5)));
        assert!(A::Approve.needs_approver() && !A::Submit.needs_approver());
    }

    #[test]
    fn inputs_checked() {
        let ok = CommuniqueInput {
            title: "  بلاغ صحفي  ".into(),
            body: "نص البلاغ".into(),
            tags: vec!["المكتب السياسي".into(), "".into(), "المكتب السياسي".into()],
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(
            (ok.title.as_str(), ok.slug.as_str(), ok.lang.as_str()),
            ("بلاغ صحفي", "بلاغ-صحفي", "ar")
        );
        assert_eq!(ok.tags, ["المكتب السياسي"]);
        let bad = CommuniqueInput {
            title: String::new(),
            body: "x".repeat(MAX_BODY + 1),
            lang: "de".into(),
            slug: Some("!!!".into()),
            tags: vec!["t".repeat(MAX_TAG + 1)],
        }
        .validate()
        .unwrap_err();
        let DomainError::Invalid(e) = bad else {
            panic!()
        };
        let fields: Vec<&str> = e.iter().map(|e| e.field.as_ref()).collect();
        assert_eq!(fields, ["title", "body", "lang", "slug", "tags"]);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("بلاغ المكتب السياسي — 19 دجنبر 2016!"),
            "بلاغ-المكتب-السياسي-19-دجنبر-2016"
        );
        assert_eq!(slugify("Communiqué du Bureau"), "communique-du-bureau");
        assert_eq!(slugify("الإثنين ١٩ دجنـبر"), "الإثنين-١٩-دجنبر");
        assert_eq!(slugify("  ---  "), "");
        assert!(check_slug("بلاغ-19-دجنبر").is_ok());
        for bad in ["", "a--b", "-a", "A", "a/b", "<script>", "a%20b"] {
            assert_eq!(check_slug(bad), Err(DomainError::NotFound), "{bad}");
        }
        assert_eq!(slugify(&"ب".repeat(500)).chars().count(), MAX_SLUG);
    }
}
