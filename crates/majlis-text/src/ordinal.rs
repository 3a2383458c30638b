//! Ordinals in words, for numbered sessions: «الدورة الثامنة», «8e session».
//!
//! Arabic: the feminine ordinal (الدورة is feminine) with the article, as the
//! seed writes it, from 1 to 99; from 100 on, the number in digits after the
//! noun («الدورة 100»), which is how such texts write it.

const UNITS_F: [&str; 10] = [
    "",
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
];
/// Units inside compounds and after «و»: 1 becomes الحادية.
const UNITS_F_COMPOUND: [&str; 10] = [
    "",
    "الحادية",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
];
const TENS: [&str; 10] = [
    "",
    "العاشرة",
    "العشرون",
    "الثلاثون",
    "الأربعون",
    "الخمسون",
    "الستون",
    "السبعون",
    "الثمانون",
    "التسعون",
];

/// The feminine Arabic ordinal of `n` with the article, or `None` past 99.
pub fn arabic_feminine(n: u32) -> Option<String> {
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    match n {
        1..=9 => Some(UNITS_F[units].to_string()),
        10 => Some(TENS[1].to_string()),
        11..=19 => Some(format!("{} عشرة", UNITS_F_COMPOUND[units])),
        20..=99 if units == 0 => Some(TENS[tens].to_string()),
        21..=99 => Some(format!("{} و{}", UNITS_F_COMPOUND[units], TENS[tens])),
        _ => None,
    }
}

/// «الدورة الثامنة» (or «الدورة 100» past 99).
pub fn arabic_session(n: u32) -> String {
    match arabic_feminine(n) {
        Some(w) => format!("الدورة {w}"),
        None => format!("الدورة {n}"),
    }
}

/// «1re session», «8e session».
pub fn french_session(n: u32) -> String {
    let suffix = if n == 1 { "re" } else { "e" };
    format!("{n}{suffix} session")
}

/// «1st session», «8th session», «22nd session».
pub fn english_session(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix} session")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_first_to_tenth() {
        let words: Vec<String> = (1..=10).map(|n| arabic_feminine(n).unwrap()).collect();
        assert_eq!(
            words,
            [
                "الأولى",
                "الثانية",
                "الثالثة",
                "الرابعة",
                "الخامسة",
                "السادسة",
                "السابعة",
                "الثامنة",
                "التاسعة",
                "العاشرة"
            ]
        );
        assert_eq!(arabic_session(8), "الدورة الثامنة");
    }

    #[test]
    fn arabic_beyond_ten() {
        assert_eq!(arabic_feminine(11).unwrap(), "الحادية عشرة");
        assert_eq!(arabic_feminine(12).unwrap(), "الثانية عشرة");
        assert_eq!(arabic_feminine(19).unwrap(), "التاسعة عشرة");
        assert_eq!(arabic_feminine(20).unwrap(), "العشرون");
        assert_eq!(arabic_feminine(21).unwrap(), "الحادية والعشرون");
        assert_eq!(arabic_feminine(38).unwrap(), "الثامنة والثلاثون");
        assert_eq!(arabic_feminine(99).unwrap(), "التاسعة والتسعون");
        assert_eq!(arabic_feminine(0), None);
        assert_eq!(arabic_session(100), "الدورة 100");
    }

    #[test]
    fn french_and_english() {
        assert_eq!(french_session(1), "1re session");
        assert_eq!(french_session(8), "8e session");
        assert_eq!(english_session(8), "8th session");
        assert_eq!(english_session(21), "21st session");
        assert_eq!(english_session(12), "12th session");
        assert_eq!(english_session(22), "22nd session");
    }
}
