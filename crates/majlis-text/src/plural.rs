//! Plural categories by icu_plurals (CLDR rules). fluent's own rules
//! (intl_pluralrules) get Arabic wrong past 100, so messages receive the
//! category chosen here as a selector.

use icu_locale_core::locale;
use icu_plurals::{PluralCategory, PluralRules};
use std::sync::OnceLock;

fn rules(lang: &str) -> &'static PluralRules {
    static AR: OnceLock<PluralRules> = OnceLock::new();
    static FR: OnceLock<PluralRules> = OnceLock::new();
    static EN: OnceLock<PluralRules> = OnceLock::new();
    let (cell, loc) = match lang {
        "fr" => (&FR, locale!("fr")),
        "en" => (&EN, locale!("en")),
        _ => (&AR, locale!("ar")),
    };
    cell.get_or_init(|| PluralRules::try_new_cardinal(loc.into()).expect("compiled plural data"))
}

/// The CLDR cardinal category of `n` in `lang`: zero, one, two, few, many, other.
pub fn plural_category(lang: &str, n: u64) -> &'static str {
    match rules(lang).category_for(n) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::plural_category as p;

    #[test]
    fn arabic_rules_including_past_one_hundred() {
        assert_eq!(p("ar", 0), "zero");
        assert_eq!(p("ar", 1), "one");
        assert_eq!(p("ar", 2), "two");
        assert_eq!(p("ar", 3), "few");
        assert_eq!(p("ar", 10), "few");
        assert_eq!(p("ar", 11), "many");
        assert_eq!(p("ar", 99), "many");
        assert_eq!(p("ar", 100), "other");
        assert_eq!(p("ar", 103), "few");
        assert_eq!(p("ar", 110), "few");
        assert_eq!(p("ar", 111), "many");
        assert_eq!(p("ar", 150), "many");
        assert_eq!(p("ar", 200), "other");
    }

    #[test]
    fn french_and_english() {
        assert_eq!(p("fr", 0), "one");
        assert_eq!(p("fr", 1), "one");
        assert_eq!(p("fr", 2), "other");
        assert_eq!(p("en", 1), "one");
        assert_eq!(p("en", 0), "other");
    }
}
