//! Public comments under a communiqué: what a visitor sends, checked and
//! cleaned before anything is stored. Limits (name 100, e-mail 254, text
//! 5,000 characters), a honeypot field (filled: dropped silently, answered
//! like a success), a form shown at least 4 seconds before it is sent,
//! bidi controls and zero-width characters removed, and the moderation
//! verdict: blocked words refuse, moderation words or more than two links
//! hold it — matched on Arabic-normalized text, so tatweel and tashkeel
//! cannot slip a word through.

use crate::error::{DomainError, DomainResult, FieldError};

pub const MAX_NAME: usize = 100;
pub const MAX_EMAIL: usize = 254;
pub const MAX_TEXT: usize = 5_000;
/// Least time between showing the form and sending it.
pub const MIN_SECONDS: i64 = 4;
/// More links than this and a comment waits for a moderator.
pub const MAX_LINKS: usize = 2;

/// What a visitor sent.
#[derive(Debug, Clone, Default)]
pub struct CommentInput {
    pub name: String,
    pub email: String,
    pub text: String,
    /// The hidden field robots fill.
    pub honeypot: String,
    /// Seconds since the form was shown (from its signed token).
    pub seconds_on_form: i64,
}

/// A comment once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanComment {
    pub name: String,
    /// Lower-cased; stored encrypted or as a keyed hash, never shown.
    pub email: String,
    pub text: String,
}

/// What becomes of a comment that passed the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Held for moderation (every comment is, unless the organization
    /// trusts some later; this says why it must be).
    Held,
    /// Held, flagged: a moderation word or too many links.
    Flagged,
    /// Dropped as spam without a word to the sender (honeypot, a blocked
    /// word): answered like a success.
    Dropped,
}

/// Zero-width and bidi formatting characters: removed from every field.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{061C}'
            | '\u{00AD}'
    )
}

/// Trimmed, invisible and control characters removed (new lines kept in
/// the text), runs of blank lines shortened.
fn clean(text: &str, multiline: bool) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !invisible(*c))
        .filter(|c| !c.is_control() || (multiline && *c == '\n'))
        .collect();
    if !multiline {
        return kept.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let mut out = String::new();
    let mut blank = 0;
    for line in kept.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string()
}

fn email_ok(e: &str) -> bool {
    let Some((local, domain)) = e.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !e.chars().any(|c| c.is_whitespace() || c == '<' || c == '>')
        && !domain.contains('@')
}

/// Checks and cleans a comment. `Ok(None)` is the honeypot: nothing to
/// store, answered like a success.
pub fn check(input: &CommentInput) -> DomainResult<Option<CleanComment>> {
    if !input.honeypot.trim().is_empty() {
        return Ok(None);
    }
    if input.seconds_on_form < MIN_SECONDS {
        return Err(DomainError::invalid("text", "too_fast"));
    }
    let name = clean(&input.name, false);
    let email = clean(&input.email, false).to_lowercase();
    let text = clean(&input.text, true);
    let mut errors = Vec::new();
    if name.is_empty() {
        errors.push(FieldError::new("name", "required"));
    } else if name.chars().count() > MAX_NAME {
        errors.push(FieldError::new("name", "too_long"));
    }
    if email.is_empty() {
        errors.push(FieldError::new("email", "required"));
    } else if email.chars().count() > MAX_EMAIL || !email_ok(&email) {
        errors.push(FieldError::new("email", "invalid_email"));
    }
    if text.is_empty() {
        errors.push(FieldError::new("text", "required"));
    } else if text.chars().count() > MAX_TEXT {
        errors.push(FieldError::new("text", "too_long"));
    }
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    Ok(Some(CleanComment { name, email, text }))
}

/// Links in a text (web addresses, with or without a scheme).
pub fn links(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower
            .split_whitespace()
            .filter(|w| w.starts_with("www."))
            .count()
}

/// The text words are matched on: Arabic folded (hamza forms, taa
/// marbuta, alef maqsura), tashkeel and tatweel dropped, Latin lower-cased
/// without accents, punctuation as spaces.
pub fn matching_text(text: &str) -> String {
    majlis_text::normalize::normalize_for_search(text)
}

/// Whether a normalized text holds a word list's entry (each entry
/// normalized the same way; a phrase matches as whole words).
fn holds(normalized: &str, words: &[String]) -> bool {
    let padded = format!(" {normalized} ");
    words
        .iter()
        .map(|w| matching_text(w))
        .filter(|w| !w.is_empty())
        .any(|w| padded.contains(&format!(" {w} ")))
}

/// The moderation verdict of a checked comment.
pub fn verdict(c: &CleanComment, blocked: &[String], moderated: &[String]) -> Verdict {
    let all = matching_text(&format!("{} {}", c.name, c.text));
    if holds(&all, blocked) {
        Verdict::Dropped
    } else if holds(&all, moderated) || links(&c.text) > MAX_LINKS {
        Verdict::Flagged
    } else {
        Verdict::Held
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> CommentInput {
        CommentInput {
            name: "  سعيد\u{202E} العلوي ".into(),
            email: " Said@Example.MA ".into(),
            text: text.into(),
            honeypot: String::new(),
            seconds_on_form: 30,
        }
    }

    #[test]
    fn cleaned_and_checked() {
        let c = check(&input("تحية\u{200B} نضالية\n\n\n\nإلى الرفاق"))
            .unwrap()
            .unwrap();
        assert_eq!(c.name, "سعيد العلوي");
        assert_eq!(c.email, "said@example.ma");
        assert_eq!(c.text, "تحية نضالية\n\nإلى الرفاق");
    }

    #[test]
    fn refused_or_dropped() {
        let mut i = input("نص");
        i.honeypot = "http://spam".into();
        assert_eq!(check(&i).unwrap(), None, "the honeypot: silently dropped");
        let mut i = input("نص");
        i.seconds_on_form = 2;
        assert_eq!(
            check(&i).unwrap_err(),
            DomainError::invalid("text", "too_fast")
        );
        let mut i = input(&"ا".repeat(MAX_TEXT + 1));
        i.name = "ب".repeat(MAX_NAME + 1);
        i.email = "not-an-address".into();
        let DomainError::Invalid(e) = check(&i).unwrap_err() else {
            panic!()
        };
        let codes: Vec<(&str, &str)> = e.iter().map(|e| (e.field.as_ref(), e.code)).collect();
        assert_eq!(
            codes,
            [
                ("name", "too_long"),
                ("email", "invalid_email"),
                ("text", "too_long")
            ]
        );
        assert!(
            check(&input("\u{200B}\u{202E} ")).is_err(),
            "only invisible: empty"
        );
        let mut i = input("نص");
        i.email = format!("{}@x.ma", "a".repeat(MAX_EMAIL));
        assert!(check(&i).is_err());
    }

    #[test]
    fn words_match_through_tatweel_and_tashkeel() {
        let blocked = vec!["خائن".to_string()];
        let moderated = vec!["رشوة".to_string(), "vote buying".to_string()];
        let c = |t: &str| check(&input(t)).unwrap().unwrap();
        assert_eq!(
            verdict(&c("أنتم خـــائـن"), &blocked, &moderated),
            Verdict::Dropped
        );
        assert_eq!(
            verdict(&c("أنتم خَائِن!"), &blocked, &moderated),
            Verdict::Dropped
        );
        assert_eq!(
            verdict(&c("هذه رشـوة واضحة"), &blocked, &moderated),
            Verdict::Flagged
        );
        assert_eq!(
            verdict(&c("Stop VOTE-buying"), &blocked, &moderated),
            Verdict::Flagged
        );
        assert_eq!(
            verdict(&c("الخائنون"), &blocked, &moderated),
            Verdict::Held,
            "whole words only"
        );
        assert_eq!(verdict(&c("تحية"), &blocked, &moderated), Verdict::Held);
        let three = "https://a.ma http://b.ma www.c.ma";
        assert_eq!(links(three), 3);
        assert_eq!(verdict(&c(three), &[], &[]), Verdict::Flagged);
        assert_eq!(
            verdict(&c("https://a.ma https://b.ma"), &[], &[]),
            Verdict::Held
        );
    }
}
