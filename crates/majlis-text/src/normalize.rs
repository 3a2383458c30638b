//! Normalization of Arabic (and Latin) text for search: the same analyzer runs
//! on stored text and on queries, so «الأمانة» finds «الامانه» and «Bennani»
//! finds «BENNANI».

/// Tashkeel (harakat, tanween, shadda, sukun, superscript alef) and Quranic marks.
fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// Folds one character; `None` drops it.
fn fold(c: char) -> Option<char> {
    if is_diacritic(c) || c == '\u{0640}' || crate::bidi::is_bidi_control(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + u32::from(b'0')).unwrap_or(c),
        '۰'..='۹' => char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')).unwrap_or(c),
        _ => c,
    })
}

/// Lower-cased, Latin accents removed, Arabic folded, words separated by one
/// space, punctuation dropped.
pub fn normalize_for_search(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfkd() {
        if unicode_normalization::char::is_combining_mark(c)
            && !('\u{0600}'..='\u{06FF}').contains(&c)
        {
            continue; // Latin accents
        }
        let Some(c) = fold(c) else { continue };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The words of a query, normalized, at most `max` of them.
pub fn query_terms(query: &str, max: usize) -> Vec<String> {
    normalize_for_search(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(max)
        .map(String::from)
        .collect()
}

/// The index terms of a text: its normalized words, plus each Arabic word
/// without its article (البناني → بناني), so that a prefix search finds a
/// family name with or without «ال». Sorted, without duplicates.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for w in normalize_for_search(text)
        .split(' ')
        .filter(|w| !w.is_empty())
    {
        if let Some(rest) = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
            terms.push(rest.to_string());
        }
        terms.push(w.chars().take(64).collect());
    }
    terms.sort();
    terms.dedup();
    terms
}

/// The exclusive upper bound of the strings that start with `prefix`, for an
/// index range scan (`term >= prefix AND term < upper`) that works the same on
/// SQLite (binary) and PostgreSQL (`COLLATE "C"`).
pub fn prefix_upper_bound(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_folding() {
        assert_eq!(normalize_for_search("الأمانةُ العامّة"), "الامانه العامه");
        assert_eq!(normalize_for_search("إجتمـــاع"), "اجتماع");
        assert_eq!(normalize_for_search("مستوى"), "مستوي");
    }

    #[test]
    fn latin_folding_and_punctuation() {
        assert_eq!(
            normalize_for_search("  Hélène  BENNANI, Rabat! "),
            "helene bennani rabat"
        );
        assert_eq!(normalize_for_search("PPS-00012"), "pps 00012");
    }

    #[test]
    fn digits_are_western() {
        assert_eq!(normalize_for_search("٢٠١٦"), "2016");
    }

    #[test]
    fn index_terms_with_and_without_the_article() {
        assert_eq!(
            index_terms("فاطمة الزهراء البناني PPS-000123"),
            vec![
                "000123",
                "pps",
                "البناني",
                "الزهراء",
                "بناني",
                "زهراء",
                "فاطمه"
            ]
        );
        assert_eq!(index_terms("ال"), vec!["ال"]);
        let upper = prefix_upper_bound("محمد");
        assert!("محمد" < upper.as_str() && "محمدي" < upper.as_str() && "محمدي" > "محمد");
        assert!("محن" > upper.as_str());
    }

    #[test]
    fn terms() {
        assert_eq!(query_terms("فاطمة  بناني ", 5), vec!["فاطمه", "بناني"]);
        assert_eq!(query_terms("a b c", 2).len(), 2);
    }
}
