//! Western (0–9) or Arabic-Indic (٠–٩) digits, as the organization chooses.

/// Replaces Western digits by Arabic-Indic ones.
pub fn to_arabic_indic(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x0660 + (c as u32 - u32::from(b'0'))).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn converts() {
        assert_eq!(super::to_arabic_indic("19 دجنبر 2016"), "١٩ دجنبر ٢٠١٦");
    }
}
