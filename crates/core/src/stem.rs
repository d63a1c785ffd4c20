//! Turkish suffixes, so that an inflected word finds its entry: "hastanede" (at the hospital)
//! finds "hastane", "okul kaydı" finds "okul kayıt", "izni" finds "izin".
//!
//! A light stemmer over folded text (see `crate::fold`), applied the same way to Turkish
//! texts when a pack is built and to query words: it removes up to two layers of common noun
//! endings (case, plural, possessive), every way they can be read, never leaving fewer than
//! three letters, and writes a final `d`, `b` or `g` as the `t`, `p` or `k` the bare word ends
//! in ("kayd" → "kayt").
//! Snowball's Turkish stemmer was tried first: it needs the dotless ı and the other Turkish
//! letters that people leave out when they type ("kaydi" stays "kaydi"), and cuts short words
//! to fragments ("aile" → "ai", "kaydı" → "ka").
//!
//! Turkish drops the last vowel of some words before an ending ("kayıt" → "kaydı", "izin" →
//! "izni", "şehir" → "şehri"), which no stripping undoes; so the index also holds each word's
//! stem without its last vowel (`turkish_index_stems`), and a query's stem meets it there.

/// Endings, longest first within each length so the first match is the longest. Folded:
/// ı→i, ü→u, ö→o, ş→s, ç→c, ğ→g, so "ları" and "leri" are "lari" and "leri".
const SUFFIXES: &[&str] = &[
    // plural + possessive / case
    "lerinde", "larinda", "lerinden", "larindan", "lerine", "larina", "lerini", "larini", "leri",
    "lari", "ler", "lar", // possessive first and second person plural
    "imiz", "umuz", "iniz", "unuz",
    // ablative, locative, genitive, instrumental, dative and accusative after a vowel
    "nden", "ndan", "nde", "nda", "nin", "nun", "yla", "yle", "den", "dan", "ten", "tan", "de",
    "da", "te", "ta", "in", "un", "si", "su", "ya", "ye", "yi", "yu", "la", "le", "im", "um", "ki",
    // dative and accusative after a consonant
    "a", "e", "i", "u",
];

/// The fewest letters a stem keeps.
const STEM_MIN_CHARS: usize = 3;

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// `word` without each ending that comes off it. Turkish endings overlap: "okula" is "okul"
/// and "a", and could be "oku" and "la"; so every reading is kept, and the index and the query
/// meet wherever one of theirs agrees.
fn strip(word: &str) -> impl Iterator<Item = &str> {
    SUFFIXES.iter().filter_map(move |suffix| {
        word.strip_suffix(suffix)
            .filter(|rest| rest.len() >= STEM_MIN_CHARS && rest.chars().any(is_vowel))
    })
}

/// A stem ends in the consonant the bare word ends in: a `d`, `b` or `g` softened before a
/// vowel ending is a `t`, `p` or `k` ("kayd" → "kayt", "mudurlug" → "mudurluk").
fn harden(stem: &str) -> String {
    let mut out = stem.to_string();
    let hard = match out.as_bytes().last() {
        Some(b'd') => 't',
        Some(b'b') => 'p',
        Some(b'g') => 'k',
        _ => return out,
    };
    out.pop();
    out.push(hard);
    out
}

/// The stems of a folded Latin word, with one ending off and then two: a query word is looked
/// for under each. Other scripts, and words no ending comes off, have none.
pub fn turkish_stems(word: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    for once in strip(word) {
        for stem in std::iter::once(once).chain(strip(once)) {
            let stem = harden(stem);
            if !out.contains(&stem) {
                out.push(stem);
            }
        }
    }
    out
}

/// What the index holds for a folded Turkish word besides the word: its stems, and the word
/// and each stem without the last vowel when that vowel sits between two final consonants
/// ("kayit" → "kayt"), which is how the word looks once an ending has dropped it.
pub fn turkish_index_stems(word: &str) -> Vec<String> {
    let stems = turkish_stems(word);
    let mut out = stems.clone();
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return out;
    }
    for form in std::iter::once(word.to_string()).chain(stems) {
        let chars: Vec<char> = form.chars().collect();
        if let [ref head @ .., a, v, b] = chars[..] {
            if !is_vowel(a) && is_vowel(v) && !is_vowel(b) && head.iter().any(|c| is_vowel(*c)) {
                let dropped: String = head.iter().chain([&a, &b]).collect();
                if !out.contains(&dropped) {
                    out.push(dropped);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflected_words_meet_their_bare_forms() {
        for (inflected, bare) in [
            ("hastanede", "hastane"),
            ("hastaneler", "hastane"),
            ("hastanelerde", "hastane"),
            ("okula", "okul"),
            ("okulu", "okul"),
            ("eczaneler", "eczane"),
            ("belediyesi", "belediye"),
            ("kurslari", "kurs"),
            ("avukati", "avukat"),
            ("mudurlugu", "mudurluk"),
        ] {
            let query = turkish_stems(inflected);
            let mut index = turkish_index_stems(bare);
            index.push(bare.to_string());
            assert!(
                query.iter().any(|q| index.contains(q)),
                "{inflected} → {query:?}, none among {bare}'s {index:?}"
            );
        }
    }

    #[test]
    fn a_dropped_vowel_is_met_in_the_index() {
        for (inflected, bare) in [("kaydi", "kayit"), ("izni", "izin"), ("sehri", "sehir")] {
            let query = turkish_stems(inflected);
            let index = turkish_index_stems(bare);
            assert!(
                query.iter().any(|q| index.contains(q)),
                "{inflected} → {query:?}, none among {index:?}"
            );
        }
    }

    #[test]
    fn short_words_and_other_scripts_stay_whole() {
        for word in ["ev", "okul", "kurs", "مستشفي", "больница", "112"] {
            assert!(
                turkish_stems(word).is_empty(),
                "{word}: {:?}",
                turkish_stems(word)
            );
        }
    }
}
