//! Field validation helpers and the size limits every text field obeys.

use crate::error::FieldError;

/// Longest name (of a body or a person) in characters.
pub const MAX_NAME: usize = 200;
/// Longest short text (city, member number, phone, username).
pub const MAX_SHORT: usize = 100;
/// Longest e-mail address (RFC 5321 path limit).
pub const MAX_EMAIL: usize = 254;
/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 10;
/// Longest password accepted (argon2 cost is bounded by it).
pub const MAX_PASSWORD: usize = 1024;

/// Collects field errors while validating an input.
#[derive(Debug, Default)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn fail(&mut self, field: impl Into<std::borrow::Cow<'static, str>>, code: &'static str) {
        let field = field.into();
        if !self.errors.iter().any(|e| e.field == field) {
            self.errors.push(FieldError { field, code });
        }
    }

    /// A required single-line text (a name, a title, a venue): trimmed, not
    /// empty, at most `max` characters, no line break, no invisible
    /// formatting characters (see [`single_line`]).
    pub fn required(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let v = self.line(field, value);
        self.check_required(field, &v, max);
        v
    }

    /// An optional single-line text: `None` when empty.
    pub fn optional(
        &mut self,
        field: &'static str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        let v = self.line(field, value.unwrap_or(""));
        self.check_optional(field, v, max)
    }

    /// A required text of several lines (a description, a report).
    pub fn required_text(&mut self, field: &'static str, value: &str, max: usize) -> String {
        let v = clean(value);
        self.check_required(field, &v, max);
        v
    }

    /// An optional text of several lines.
    pub fn optional_text(
        &mut self,
        field: &'static str,
        value: Option<&str>,
        max: usize,
    ) -> Option<String> {
        let v = clean(value.unwrap_or(""));
        self.check_optional(field, v, max)
    }

    fn line(&mut self, field: &'static str, value: &str) -> String {
        single_line(value).unwrap_or_else(|| {
            self.fail(field, "single_line");
            clean(value)
        })
    }

    fn check_required(&mut self, field: &'static str, v: &str, max: usize) {
        if v.is_empty() {
            self.fail(field, "required");
        } else if v.chars().count() > max {
            self.fail(field, "too_long");
        }
    }

    fn check_optional(&mut self, field: &'static str, v: String, max: usize) -> Option<String> {
        if v.is_empty() {
            return None;
        }
        if v.chars().count() > max {
            self.fail(field, "too_long");
        }
        Some(v)
    }

    /// An optional e-mail address, lower-cased.
    pub fn email(&mut self, field: &'static str, value: Option<&str>) -> Option<String> {
        let v = self.optional(field, value, MAX_EMAIL)?;
        if !is_plausible_email(&v) {
            self.fail(field, "invalid_email");
        }
        Some(v.to_lowercase())
    }

    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

    pub fn into_result<T>(self, value: T) -> crate::error::DomainResult<T> {
        self.finish()
            .map(|()| value)
            .map_err(crate::DomainError::Invalid)
    }
}

/// Trims and removes control characters (but keeps the text's own letters and
/// marks); bidi controls are neutralized at rendering time, not here, so that
/// nothing a user typed is silently lost.
pub fn clean(value: &str) -> String {
    value
        .trim()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect::<String>()
        .trim()
        .to_string()
}

/// Bidirectional formatting characters (embeddings, overrides, isolates,
/// marks): kept in texts of several lines (and neutralized on screen), never
/// in single-line fields.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Characters that show nothing yet change how text reads or compares: the
/// bidi controls, zero-width spaces and joiners, word joiners and invisible
/// operators, the byte-order mark, the soft hyphen.
pub fn is_invisible_format(c: char) -> bool {
    is_bidi_control(c)
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// A single-line field as stored: trimmed, tabs as spaces, invisible
/// formatting characters and other controls removed; `None` when it holds a
/// line break (refused: a title or a name is one line, in calendars and
/// e-mail headers too).
pub fn single_line(value: &str) -> Option<String> {
    if value.trim().contains([
        '\n', '\r', '\u{2028}', '\u{2029}', '\u{0085}', '\u{000B}', '\u{000C}',
    ]) {
        return None;
    }
    Some(
        value
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .filter(|c| !c.is_control() && !is_invisible_format(*c))
            .collect::<String>()
            .trim()
            .to_string(),
    )
}

/// A deliberately simple check: one `@`, something before it, a dot after it, no
/// spaces. Deliverability is proven by sending, not by a regex.
pub fn is_plausible_email(v: &str) -> bool {
    let mut parts = v.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(char::is_whitespace)
}

/// A password: long enough, not absurdly long.
pub fn check_password(password: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        Err(FieldError::new("password", "password_too_short"))
    } else if n > MAX_PASSWORD {
        Err(FieldError::new("password", "too_long"))
    } else {
        Ok(())
    }
}

/// A username: 2–100 characters of ASCII letters, digits, `.`, `_`, `-`.
pub fn check_username(v: &str) -> Result<String, FieldError> {
    let v = v.trim().to_lowercase();
    if v.len() < 2 || v.len() > MAX_SHORT {
        return Err(FieldError::new("username", "invalid_username"));
    }
    if !v
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(FieldError::new("username", "invalid_username"));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {

    #[test]
    fn single_line_fields_refuse_line_breaks_and_drop_invisible_characters() {
        assert_eq!(
            single_line("  المكتب\tالسياسي "),
            Some("المكتب السياسي".into())
        );
        assert_eq!(
            single_line("أحمد\u{202E}gnp\u{200B}\u{FEFF}"),
            Some("أحمدgnp".into())
        );
        assert_eq!(single_line("A\nBEGIN:VEVENT"), None);
        assert_eq!(single_line("A\r\nUID:x"), None);
        assert_eq!(single_line("A\u{2028}B"), None);
        assert_eq!(
            single_line("trailing newline\n"),
            Some("trailing newline".into())
        );
        let mut c = Checker::new();
        c.required("title", "A\nBEGIN:VEVENT", 100);
        c.optional("venue", Some("x\ry"), 100);
        let t = c.required_text("text", "line one\nline two", 100);
        assert_eq!(t, "line one\nline two");
        let errors = c.finish().unwrap_err();
        assert_eq!(
            errors
                .iter()
                .map(|e| (e.field.as_ref(), e.code))
                .collect::<Vec<_>>(),
            vec![("title", "single_line"), ("venue", "single_line")]
        );
    }

    use super::*;

    #[test]
    fn required_trims_and_limits() {
        let mut c = Checker::new();
        assert_eq!(c.required("name", "  المكتب  ", 10), "المكتب");
        c.required("other", "   ", 10);
        c.required("long", &"ا".repeat(11), 10);
        let errs = c.finish().unwrap_err();
        assert_eq!(
            errs,
            vec![
                FieldError::new("other", "required"),
                FieldError::new("long", "too_long")
            ]
        );
    }

    #[test]
    fn clean_removes_controls_keeps_letters() {
        assert_eq!(clean("\u{0}أحمد\u{7}"), "أحمد");
    }

    #[test]
    fn emails() {
        assert!(is_plausible_email("a@b.ma"));
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("a b@c.ma"));
        assert!(!is_plausible_email("a@@c.ma"));
        let mut c = Checker::new();
        assert_eq!(c.email("email", Some(" A@B.MA ")), Some("a@b.ma".into()));
        assert!(c.finish().is_ok());
    }

    #[test]
    fn usernames_and_passwords() {
        assert_eq!(check_username(" Agadir ").unwrap(), "agadir");
        assert!(check_username("a b").is_err());
        assert!(check_username("x").is_err());
        assert!(check_password("short").is_err());
        assert!(check_password("majlis-demo").is_ok());
    }
}
