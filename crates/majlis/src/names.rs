//! Invented, plausible Moroccan names with their usual Latin spellings, for
//! the demo and for synthetic data. Combinations are drawn deterministically.

pub const FEMALE: [(&str, &str); 24] = [
    ("فاطمة الزهراء", "Fatima Zahra"),
    ("خديجة", "Khadija"),
    ("نزهة", "Nezha"),
    ("سعاد", "Souad"),
    ("أمينة", "Amina"),
    ("لطيفة", "Latifa"),
    ("نادية", "Nadia"),
    ("حنان", "Hanane"),
    ("زينب", "Zineb"),
    ("مريم", "Meryem"),
    ("سناء", "Sanaa"),
    ("رشيدة", "Rachida"),
    ("نعيمة", "Naima"),
    ("سلمى", "Salma"),
    ("إيمان", "Imane"),
    ("كريمة", "Karima"),
    ("هند", "Hind"),
    ("ليلى", "Leila"),
    ("وفاء", "Wafae"),
    ("بشرى", "Bouchra"),
    ("نوال", "Naoual"),
    ("عائشة", "Aicha"),
    ("غيثة", "Ghita"),
    ("سميرة", "Samira"),
];

pub const MALE: [(&str, &str); 24] = [
    ("محمد", "Mohammed"),
    ("أحمد", "Ahmed"),
    ("عبد الله", "Abdellah"),
    ("يوسف", "Youssef"),
    ("عبد الرحيم", "Abderrahim"),
    ("مصطفى", "Mustapha"),
    ("إدريس", "Driss"),
    ("رشيد", "Rachid"),
    ("عبد الواحد", "Abdelouahed"),
    ("حسن", "Hassan"),
    ("سعيد", "Said"),
    ("كريم", "Karim"),
    ("عمر", "Omar"),
    ("إسماعيل", "Ismail"),
    ("جمال", "Jamal"),
    ("خالد", "Khalid"),
    ("نبيل", "Nabil"),
    ("عزيز", "Aziz"),
    ("المهدي", "El Mehdi"),
    ("هشام", "Hicham"),
    ("عبد اللطيف", "Abdellatif"),
    ("الحسين", "El Houssine"),
    ("ياسين", "Yassine"),
    ("أنس", "Anas"),
];

pub const FAMILY: [(&str, &str); 40] = [
    ("بناني", "Bennani"),
    ("العلوي", "Alaoui"),
    ("الإدريسي", "Idrissi"),
    ("التازي", "Tazi"),
    ("الفاسي", "El Fassi"),
    ("بنجلون", "Benjelloun"),
    ("الشرقاوي", "Cherkaoui"),
    ("الصقلي", "Sqalli"),
    ("الوزاني", "Ouazzani"),
    ("المريني", "Merini"),
    ("الحسني", "Hassani"),
    ("الزياني", "Zayani"),
    ("بوزيد", "Bouzid"),
    ("أمزيان", "Amezziane"),
    ("أوبلا", "Oubella"),
    ("أيت علي", "Ait Ali"),
    ("الأمراني", "Amrani"),
    ("الرحماني", "Rahmani"),
    ("السوسي", "Soussi"),
    ("الكتاني", "Kettani"),
    ("البقالي", "Bakkali"),
    ("العمراني", "Omrani"),
    ("الدكالي", "Doukkali"),
    ("الريفي", "Rifi"),
    ("المنصوري", "Mansouri"),
    ("الناصري", "Nasiri"),
    ("الخطابي", "Khattabi"),
    ("بلحاج", "Belhaj"),
    ("بن عمر", "Benomar"),
    ("الغزاوي", "Ghazaoui"),
    ("القادري", "Kadiri"),
    ("الحمداوي", "Hamdaoui"),
    ("أخنوش", "Akhannouch"),
    ("بوعزة", "Bouazza"),
    ("الطاهري", "Tahiri"),
    ("العثماني", "Otmani"),
    ("الزروالي", "Zerouali"),
    ("الهواري", "Houari"),
    ("الكبير", "El Kabir"),
    ("الصديقي", "Seddiki"),
];

/// The `i`-th name of a gender: (Arabic, Latin). Distinct for the first
/// 24 × 40 draws of each gender.
pub fn name(i: usize, female: bool) -> (String, String) {
    let given = if female {
        FEMALE[i % FEMALE.len()]
    } else {
        MALE[i % MALE.len()]
    };
    // A stride coprime with 40 spreads family names.
    let family = FAMILY[(i / FEMALE.len() + i * 7) % FAMILY.len()];
    (
        format!("{} {}", given.0, family.0),
        format!("{} {}", given.1, family.1),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_distinct() {
        let set: std::collections::HashSet<_> =
            (0..500).map(|i| super::name(i, i % 2 == 0)).collect();
        assert_eq!(set.len(), 500);
    }
}
