//! Neutralizing bidirectional control characters in user text, so that no name
//! or comment can reorder the text around it. Pages additionally isolate user
//! text (`<bdi>`/`dir="auto"`), which makes the remaining directionality local.

use std::borrow::Cow;

/// Explicit directional formatting characters (UAX #9): embeddings, overrides,
/// isolates, their terminators, and the implicit marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Removes every bidi control character. Borrowed when there is none.
pub fn neutralize_bidi(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(text.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_isolates_are_removed() {
        let evil = "أحمد\u{202E}gnp.exe\u{202C} \u{2067}x\u{2069}\u{200F}";
        assert_eq!(neutralize_bidi(evil), "أحمدgnp.exe x");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            neutralize_bidi("المكتب السياسي"),
            Cow::Borrowed(_)
        ));
    }
}
