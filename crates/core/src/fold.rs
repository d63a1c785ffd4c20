//! Folding text for search. The same function runs when a pack is built and on every query,
//! so "goc idaresi" finds "Göç İdaresi", and Arabic typed with or without diacritics, with any
//! alef or hamza form, or on a Persian keyboard finds the same words.

/// Lowercases and strips what people leave out when they type: Turkish, Kurmanji and other
/// Latin diacritics (İ, I and ı all become i; ê, î, û, ç, ş lose their marks), Arabic short
/// vowels and tatweel, alef/hamza/yaa/taa marbuta variants, Persian ی and ک, Pashto letters
/// (ټ ډ ړ ښ ږ ګ ڼ ې ۍ) as a Persian keyboard types them, Cyrillic ё, й and the Ukrainian
/// і ї є ґ and apostrophe; turns Arabic and Persian digits into 0-9; and replaces everything
/// that is not a letter or digit by a single space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.chars() {
        // An apostrophe inside a Ukrainian word (м’ясо) is part of it, however it is typed.
        if matches!(c, '\'' | '’' | 'ʼ') && out.chars().last().is_some_and(is_cyrillic) {
            continue;
        }
        match fold_char(c) {
            Folded::Drop => {}
            Folded::Space => {
                if !space {
                    out.push(' ');
                    space = true;
                }
            }
            Folded::Char(f) => {
                out.push(f);
                space = false;
            }
            Folded::Str(s) => {
                out.push_str(s);
                space = false;
            }
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

/// The folded words of `text`.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

enum Folded {
    Drop,
    Space,
    Char(char),
    Str(&'static str),
}

fn fold_char(c: char) -> Folded {
    use Folded::*;
    match c {
        'İ' | 'I' | 'ı' | 'i' | 'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => {
            Char('i')
        }
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => {
            Char('a')
        }
        'ç' | 'Ç' | 'č' | 'Č' | 'ć' | 'Ć' => Char('c'),
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => Char('e'),
        'ğ' | 'Ğ' => Char('g'),
        'ñ' | 'Ñ' => Char('n'),
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
            Char('o')
        }
        'ş' | 'Ş' | 'ș' | 'Ș' | 'š' | 'Š' => Char('s'),
        'ț' | 'Ț' | 'ţ' | 'Ţ' => Char('t'),
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => Char('u'),
        'ý' | 'ÿ' | 'Ý' => Char('y'),
        'ž' | 'Ž' => Char('z'),
        'ß' => Str("ss"),
        // Arabic: short vowels, shadda, sukun, superscript alef, tatweel; the lone hamza.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | 'ء' => Drop,
        // Alef with hamza above or below, with madda, wasla.
        'أ' | 'إ' | 'آ' | 'ٱ' => Char('ا'),
        'ة' => Char('ه'),
        'ى' | 'ی' | 'ئ' | 'ې' => Char('ي'),
        'ؤ' => Char('و'),
        'ک' => Char('ك'),
        'ۀ' | 'ھ' | 'ہ' => Char('ه'),
        // Pashto letters, as they are typed on a Persian or Arabic keyboard.
        'ۍ' => Char('ي'),
        'ټ' => Char('ت'),
        'ډ' => Char('د'),
        'ړ' => Char('ر'),
        'ښ' => Char('ش'),
        'ږ' => Char('ژ'),
        'ګ' => Char('گ'),
        'ڼ' => Char('ن'),
        // Cyrillic: ё is printed as е; й and the Ukrainian і, ї, є, ґ as a Russian keyboard
        // types them.
        'ё' | 'Ё' | 'є' | 'Є' => Char('е'),
        'й' | 'Й' | 'і' | 'І' | 'ї' | 'Ї' => Char('и'),
        'ґ' | 'Ґ' => Char('г'),
        '٠'..='٩' => Char(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Char(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        // Joiners and direction marks never separate words.
        '\u{200C}'
        | '\u{200D}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{2066}'..='\u{2069}'
        | '\u{00AD}' => Drop,
        c => word_char(c),
    }
}

/// Letters, digits and private-use characters make words, as they do for FTS5's `unicode61`
/// tokenizer, which splits at everything else. Marks (combining or spacing) are dropped:
/// kept, a mark inside a folded word would split it in two in the index, and turn a query
/// word into a phrase, which an index without positions (`detail = column`) refuses (found
/// by fuzzing: `fuzz/regressions/search/`).
fn word_char(c: char) -> Folded {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    match get_general_category(c) {
        G::NonspacingMark | G::SpacingMark | G::EnclosingMark => Folded::Drop,
        G::UppercaseLetter
        | G::LowercaseLetter
        | G::TitlecaseLetter
        | G::ModifierLetter
        | G::OtherLetter
        | G::DecimalNumber
        | G::LetterNumber
        | G::OtherNumber
        | G::PrivateUse => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Folded::Char(l),
                _ => Folded::Char(c),
            }
        }
        _ => Folded::Space,
    }
}

/// Arabic words carry the article and some one-letter prefixes ("المستشفى", "بالمستشفى",
/// "والمستشفى"); the index also holds each word without them, so "مستشفى" finds all three.
pub fn arabic_stems(word: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &["وال", "بال", "كال", "فال", "لل", "ال"];
    PREFIXES.iter().find_map(|p| {
        word.strip_prefix(p)
            .filter(|rest| rest.chars().count() >= 2)
    })
}

/// Optimal string alignment distance (Levenshtein plus swapping two neighbours), stopping
/// early once it exceeds `max`. Used to accept a typo: one wrong, missing, extra or swapped
/// letter.
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return false;
    }
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut cur = vec![0usize; width];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return false;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "fold({input:?})");
    }

    #[test]
    fn turkish_folds_to_what_people_type_without_special_letters() {
        check("Göç İdaresi", "goc idaresi");
        check("İSTANBUL", "istanbul");
        check("Istanbul", "istanbul");
        check("ılık IŞIK", "ilik isik");
        check("Nüfus Müdürlüğü", "nufus mudurlugu");
        check("HASTANE", "hastane");
    }

    #[test]
    fn arabic_folds_diacritics_and_letter_variants() {
        check("مُسْتَشْفَى", "مستشفي");
        check("مستشفى", "مستشفي");
        check("إقامة", "اقامه");
        check("أقامة", "اقامه");
        check("آيدين", "ايدين");
        check("الهجرة", "الهجره");
        check("مســـتشفى", "مستشفي");
        check("مسئول", "مسيول");
        check("مسؤول", "مسوول");
    }

    #[test]
    fn persian_keyboard_letters_match_arabic_ones() {
        assert_eq!(fold("کلینیک"), fold("كلينيك"));
        assert_eq!(fold("پزشکی"), "پزشكي");
        check("۱۱۲", "112");
        check("١١٢", "112");
    }

    #[test]
    fn pashto_letters_match_what_a_persian_keyboard_types() {
        assert_eq!(fold("روغتون"), "روغتون");
        assert_eq!(fold("ډاکټر"), fold("داكتر"));
        assert_eq!(fold("ښوونځی"), fold("شوونځي"));
        assert_eq!(fold("ګډ"), fold("گد"));
        assert_eq!(fold("کارګر"), fold("كارگر"));
        assert_eq!(fold("ړوند"), fold("روند"));
        assert_eq!(fold("ځوانۍ"), fold("ځواني"));
        assert_eq!(fold("پیژندپاڼه"), fold("پيژندپانه"));
    }

    #[test]
    fn cyrillic_folds_yo_short_i_and_ukrainian_letters() {
        check("Ёлка", "елка");
        check("больница", "больница");
        assert_eq!(fold("лікарня"), fold("ликарня"));
        assert_eq!(fold("Її"), fold("ии"));
        assert_eq!(fold("м’ясо"), "мясо");
        assert_eq!(fold("мʼясо"), "мясо");
        assert_eq!(fold("м'ясо"), "мясо");
        assert_eq!(fold("ґанок"), fold("ганок"));
        // Elsewhere an apostrophe still separates words.
        check("women's", "women s");
    }

    #[test]
    fn kurmanji_letters_fold_with_and_without_marks() {
        check("Nexweşxane", "nexwesxane");
        check("ÊVÎN û Çîrok", "evin u cirok");
        assert_eq!(fold("karê"), fold("kare"));
    }

    #[test]
    fn punctuation_and_marks_separate_or_vanish() {
        check("e-Devlet: (şifre)", "e devlet sifre");
        check("  112 — acil  ", "112 acil");
        check("\u{2068}Aydın\u{2069}", "aydin");
        // Marks inside a word vanish; symbols that Rust calls alphabetic separate.
        check("tc\u{0616}h", "tch");
        check("a\u{0301}b", "ab");
        check("Ⓐb", "b");
    }

    #[test]
    fn arabic_article_and_prefixes_come_off() {
        assert_eq!(arabic_stems("المستشفي"), Some("مستشفي"));
        assert_eq!(arabic_stems("بالمستشفي"), Some("مستشفي"));
        assert_eq!(arabic_stems("للاطفال"), Some("اطفال"));
        assert_eq!(arabic_stems("مستشفي"), None);
        assert_eq!(arabic_stems("ال"), None);
    }

    #[test]
    fn one_typo_is_within_distance_one() {
        for (a, b, within) in [
            ("hastane", "hastane", true),
            ("hastane", "hastahne", true),
            ("hastane", "hastne", true),
            ("hastane", "hsatane", true),
            ("hastane", "hastena", false),
            ("hastane", "hostone", false),
            ("idaresi", "idarsei", true),
            ("kursu", "kurs", true),
        ] {
            assert_eq!(edit_distance_within(a, b, 1), within, "{a} ~ {b}");
        }
    }
}
