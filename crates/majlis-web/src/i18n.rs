//! Interface languages and messages (Fluent files under `locales/`, compiled in).
//! Plural categories come from icu_plurals (see majlis-text) and reach the
//! messages as the `$category` selector, because fluent's own Arabic rules are
//! wrong past 100.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "ar",
    };
}

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ar,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn dir(self) -> &'static str {
        if self == Lang::Ar { "rtl" } else { "ltr" }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ar" => Some(Lang::Ar),
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',').take(20) {
            let mut it = part.split(';');
            let tag = it.next().unwrap_or("").trim();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::parse(primary)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }

    fn id(self) -> &'static LanguageIdentifier {
        static AR: LanguageIdentifier = langid!("ar");
        static FR: LanguageIdentifier = langid!("fr");
        static EN: LanguageIdentifier = langid!("en");
        match self {
            Lang::Ar => &AR,
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    /// A message without arguments.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.id(), key)
    }

    /// What separates the items of a list: the Arabic comma in Arabic, a
    /// comma elsewhere.
    pub fn comma(self) -> &'static str {
        match self {
            Lang::Ar => "، ",
            _ => ", ",
        }
    }

    /// A message with arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &map)
    }

    /// A counted message: `$count` and the CLDR `$category` of the count.
    pub fn count(self, key: &str, n: u64) -> String {
        let category = majlis_text::plural_category(self.code(), n);
        self.t_args(
            key,
            &[
                ("count", FluentValue::from(n.to_string())),
                ("category", FluentValue::from(category)),
            ],
        )
    }

    /// A wait in words: seconds under a minute, else minutes (rounded up).
    pub fn wait(self, seconds: i64) -> String {
        let seconds = seconds.max(1) as u64;
        if seconds < 60 {
            self.count("wait-seconds", seconds)
        } else {
            self.count("wait-minutes", seconds.div_ceil(60))
        }
    }

    /// A message whose wording agrees with a person's gender.
    pub fn gendered(self, key: &str, female: bool) -> String {
        self.t_args(
            key,
            &[(
                "gender",
                FluentValue::from(if female { "female" } else { "male" }),
            )],
        )
    }

    /// The translated message of a field error code.
    pub fn field_error(self, code: &str) -> String {
        LOCALES
            .try_lookup(self.id(), &format!("error-{code}"))
            .unwrap_or_else(|| self.t("error-invalid_input"))
    }

    /// The translated name of a field.
    pub fn field_name(self, field: &str) -> String {
        LOCALES
            .try_lookup(self.id(), &format!("field-{field}"))
            .unwrap_or_else(|| field.to_string())
    }

    /// Whether every key exists in this language (used by tests).
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.id(), key).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language() {
        assert_eq!(
            Lang::from_accept_language("fr-FR,fr;q=0.9,en;q=0.8"),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::from_accept_language("de,en;q=0.5,ar;q=0.7"),
            Some(Lang::Ar)
        );
        assert_eq!(Lang::from_accept_language("de"), None);
    }

    #[test]
    fn every_language_has_every_key() {
        let keys = |src: &str| -> Vec<String> {
            src.lines()
                .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
                .map(|l| l.split(" =").next().unwrap_or("").trim().to_string())
                .collect()
        };
        let ar = keys(include_str!("../locales/ar/main.ftl"));
        let fr = keys(include_str!("../locales/fr/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        assert!(ar.len() > 100, "{}", ar.len());
        for k in &ar {
            assert!(fr.contains(k), "fr lacks {k}");
            assert!(en.contains(k), "en lacks {k}");
        }
        assert_eq!(ar.len(), fr.len());
        assert_eq!(ar.len(), en.len());
    }

    /// Latin words in Arabic messages (PDF, .ics) sit in
    /// left-to-right isolates, so that a dot, a bracket or a number next to
    /// them stays where it belongs in right-to-left text.
    #[test]
    fn latin_tokens_in_arabic_messages_are_isolated() {
        let src = include_str!("../locales/ar/main.ftl");
        for line in src.lines() {
            let text = match line.split_once(" = ") {
                Some((key, value)) if !line.starts_with([' ', '#']) && !key.contains(' ') => value,
                _ if line.starts_with(' ') && !line.trim_start().starts_with(['[', '*', '}']) => {
                    line
                }
                _ => continue,
            };
            let (mut depth, mut isolated) = (0i32, false);
            for c in text.chars() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    '\u{2066}' => isolated = true,
                    '\u{2069}' => isolated = false,
                    c if c.is_ascii_alphabetic() && depth == 0 => {
                        assert!(isolated, "a Latin word outside an isolate: {line}")
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn latin_tokens_in_arabic_read_left_to_right() {
        // «(.ics)» would show as «(ics.)» in right-to-left text.
        assert!(
            Lang::Ar
                .t("action-add-to-calendar")
                .contains("(\u{2066}.ics\u{2069})")
        );
    }

    #[test]
    fn lists_take_the_comma_of_their_language() {
        let items = ["أ", "ب"];
        assert_eq!(items.join(Lang::Ar.comma()), "أ، ب");
        assert_eq!(["a", "b"].join(Lang::Fr.comma()), "a, b");
        assert_eq!(["a", "b"].join(Lang::En.comma()), "a, b");
    }

    #[test]
    fn arabic_plurals_past_one_hundred() {
        // 103 is "few" and 111 "many" in Arabic (fluent alone says "other").
        assert_eq!(
            Lang::Ar.count("count-members", 103),
            "\u{2068}103\u{2069} أعضاء"
        );
        assert_eq!(
            Lang::Ar.count("count-members", 111),
            "\u{2068}111\u{2069} عضوا"
        );
        assert_eq!(Lang::Ar.count("count-members", 2), "عضوان");
        assert_eq!(Lang::Ar.count("count-members", 1), "عضو واحد");
        assert_eq!(
            Lang::Fr.count("count-members", 1),
            "\u{2068}1\u{2069} membre"
        );
        assert_eq!(
            Lang::En.count("count-members", 150),
            "\u{2068}150\u{2069} members"
        );
    }

    #[test]
    fn gendered_titles() {
        assert_eq!(Lang::Ar.gendered("label-member-of", true), "عضوة");
        assert_eq!(Lang::Ar.gendered("label-member-of", false), "عضو");
    }
}
