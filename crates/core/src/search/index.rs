//! Writing the search index into a pack: what each service's row holds, folded as queries
//! are; the row counts ranking reads; the common words; the typo table.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rusqlite::params;

use super::{COMMON_MIN_ROWS, COMMON_SHARE, COUNTED_PREFIX_CHARS, FEW_ROWS};
use super::{TYPO_MIN_CHARS, WORD_MAX_CHARS};
use crate::content::{CityContent, Translations};
use crate::fold::{arabic_stems, fold};
use crate::stem::turkish_index_stems;

/// The keys `search_rows` counts a row of `search` under: each of its words, each prefix of
/// two to `COUNTED_PREFIX_CHARS` letters of them followed by `*`, and `*` alone (every row).
pub(crate) fn row_keys<'a>(words: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut keys = HashSet::from(["*".to_string()]);
    for word in words {
        let mut prefix = String::new();
        for c in word.chars().take(COUNTED_PREFIX_CHARS) {
            prefix.push(c);
            if prefix.chars().nth(1).is_some() {
                keys.insert(format!("{prefix}*"));
            }
        }
        keys.insert(word.to_string());
    }
    keys
}

/// The text stored in the index for `text` in `lang`: folded words, plus Arabic words
/// without their article or one-letter prefix, and Turkish words' stems (`crate::stem`).
pub(crate) fn index_text(text: &str, lang: &str) -> String {
    let mut out = Vec::new();
    for word in fold(text).split(' ').filter(|w| !w.is_empty()) {
        out.push(word.to_string());
        if let Some(stem) = arabic_stems(word) {
            out.push(stem.to_string());
        }
        if lang == "tr" {
            out.extend(turkish_index_stems(word));
        }
    }
    out.join(" ")
}

/// The word itself and every form of it with one letter deleted: two words within one edit
/// of each other always share one of these. Deleting any letter of a run of the same letter
/// gives the same word, so only the first of a run is deleted: each variant once, without
/// comparing it with the others. The output grows with the square of the word's length, so
/// callers hold words to `WORD_MAX_CHARS` (queries) or leave longer ones out (the index).
pub(crate) fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_string()];
    for i in 0..chars.len() {
        if i > 0 && chars[i] == chars[i - 1] {
            continue;
        }
        let mut variant = String::with_capacity(word.len());
        variant.extend(&chars[..i]);
        variant.extend(&chars[i + 1..]);
        out.push(variant);
    }
    out
}

/// The key of a deletion variant in `search_typo`: a 32-bit FNV-1a hash, which keeps the table
/// small; a collision only adds a candidate that the edit-distance check then drops.
pub(crate) fn variant_key(variant: &str) -> i64 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in variant.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    i64::from(hash)
}

/// Words of the index that get typo tolerance: long enough that one edit still leaves a word
/// of four letters, and no longer than a query word is read (`WORD_MAX_CHARS`), so the typo
/// table grows linearly with the content, whatever its words.
pub(crate) fn is_typo_term(word: &str) -> bool {
    let letters = word.chars().take(WORD_MAX_CHARS + 1).count();
    (TYPO_MIN_CHARS - 1..=WORD_MAX_CHARS).contains(&letters)
}

/// A word and the word without its last one or two letters (when five or more remain), so a
/// typo in "vaccination" still reaches "vaccinations": corrections are matched as prefixes.
fn typo_forms(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut forms = vec![word.to_string()];
    for cut in 1..=2 {
        if chars.len() >= TYPO_MIN_CHARS + cut {
            forms.push(chars[..chars.len() - cut].iter().collect());
        }
    }
    forms
}

/// What the search index holds for one service in one language, before folding.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SearchDocument {
    pub service: String,
    pub lang: String,
    /// The service's name.
    pub title: String,
    /// Its keywords, the names of its categories and submenus, and the names of its places.
    pub keywords: String,
    /// Everything else a person reads on its page.
    pub body: String,
}

/// One document per service and language, in source order.
pub fn search_documents(content: &CityContent) -> Vec<SearchDocument> {
    let categories = content.categories;
    let mut documents = Vec::new();
    for s in &content.services {
        for lang in s.name.keys() {
            let pick = |t: &Translations| t.get(lang).cloned().unwrap_or_default();
            let mut keywords: Vec<String> = s.keywords.iter().map(&pick).collect();
            for menu in &s.menus {
                let (cat_id, sub_id) = menu.split_once('/').unwrap_or((menu, ""));
                for cat in categories.iter().filter(|c| c.id == cat_id) {
                    keywords.push(pick(&cat.name));
                    keywords.extend(
                        cat.submenu
                            .iter()
                            .filter(|m| m.id == sub_id)
                            .map(|m| pick(&m.name)),
                    );
                }
            }
            // Place names are names people search for: they count as keywords.
            keywords.extend(s.place.iter().map(|p| pick(&p.name)));
            let mut body = vec![pick(&s.summary), pick(&s.rights), pick(&s.cost)];
            body.extend(s.location.iter().map(&pick));
            body.extend(s.place.iter().map(|p| pick(&p.address)));
            body.extend(s.link.iter().map(|l| pick(&l.title)));
            documents.push(SearchDocument {
                service: s.id.clone(),
                lang: lang.clone(),
                title: pick(&s.name),
                keywords: keywords.join(" "),
                body: body.join(" "),
            });
        }
    }
    documents
}

/// One FTS5 row per search document, folded. Then the typo table: every title and keyword
/// word of four letters or more (and its forms without the last one or two letters) under
/// each of its one-letter deletions.
pub(crate) fn write(tx: &rusqlite::Transaction, content: &CityContent) -> rusqlite::Result<()> {
    let mut vocabulary = BTreeSet::new();
    // How many rows of each language each word is in, to find the common ones.
    let mut rows_with: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut rows_of: BTreeMap<&str, usize> = BTreeMap::new();
    // How many rows each word and short prefix is in, for ranking.
    let mut rows_holding: HashMap<String, usize> = HashMap::new();
    let documents = search_documents(content);
    for (rowid, doc) in (1_i64..).zip(&documents) {
        let (title, keywords, body) = (
            index_text(&doc.title, &doc.lang),
            index_text(&doc.keywords, &doc.lang),
            index_text(&doc.body, &doc.lang),
        );
        // Typo tolerance covers names, keywords and menu names: what people look for by
        // name. Body words match exactly or by prefix, which keeps the pack small.
        for text in [&title, &keywords] {
            vocabulary.extend(
                text.split(' ')
                    .flat_map(typo_forms)
                    .filter(|w| is_typo_term(w)),
            );
        }
        let in_row: BTreeSet<&str> = [&title, &keywords, &body]
            .iter()
            .flat_map(|t| t.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        *rows_of.entry(&doc.lang).or_default() += 1;
        for key in row_keys(in_row.iter().copied()) {
            *rows_holding.entry(key).or_default() += 1;
        }
        for word in in_row {
            *rows_with.entry((&doc.lang, word.to_string())).or_default() += 1;
        }
        // The same rowid in both tables: a row of either is read through `search`.
        tx.execute(
            "INSERT INTO search(rowid, service_id, lang, title, keywords, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![rowid, doc.service, doc.lang, title, keywords, body],
        )?;
        tx.execute(
            "INSERT INTO search_names(rowid, title, keywords) VALUES (?1, ?2, ?3)",
            params![rowid, title, keywords],
        )?;
    }
    // Common words, with the most rows they have in any one language.
    let mut common: BTreeMap<&String, usize> = BTreeMap::new();
    for ((lang, word), rows) in &rows_with {
        if *rows > COMMON_MIN_ROWS && *rows as f64 > rows_of[lang] as f64 * COMMON_SHARE {
            let most = common.entry(word).or_default();
            *most = (*most).max(*rows);
        }
    }
    for (word, rows) in common {
        tx.execute(
            "INSERT INTO search_common(term, rows) VALUES (?1, ?2)",
            params![word, rows],
        )?;
    }
    let mut rows_row = tx.prepare("INSERT INTO search_rows(key, rows) VALUES (?1, ?2)")?;
    // Sorted, so that the same content gives the same bytes.
    let mut counted: Vec<(String, usize)> = rows_holding
        .into_iter()
        .filter(|(_, rows)| *rows as u64 > FEW_ROWS)
        .collect();
    counted.sort();
    for (key, rows) in counted {
        rows_row.execute(params![key, rows])?;
    }
    let mut term_row = tx.prepare("INSERT INTO search_term(id, term) VALUES (?1, ?2)")?;
    let mut typo_row =
        tx.prepare("INSERT OR IGNORE INTO search_typo(variant, term_id) VALUES (?1, ?2)")?;
    for (id, term) in vocabulary.iter().enumerate() {
        term_row.execute(params![id, term])?;
        for variant in deletions(term) {
            typo_row.execute(params![variant_key(&variant), id])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_cover_every_one_letter_omission() {
        assert_eq!(deletions("abc"), ["abc", "bc", "ac", "ab"]);
        assert_eq!(deletions("aab"), ["aab", "ab", "aa"]);
        assert_eq!(deletions("abba"), ["abba", "bba", "aba", "abb"]);
    }

    /// A word of the index longer than a query word is read gets no typo entries: its
    /// deletions would cost the square of its length at build time (a 1 MB name never built).
    #[test]
    fn typo_terms_are_bounded_in_length() {
        assert!(is_typo_term("hastane"));
        assert!(!is_typo_term("aci"));
        assert!(is_typo_term(&"a".repeat(WORD_MAX_CHARS)));
        assert!(!is_typo_term(&"a".repeat(WORD_MAX_CHARS + 1)));
        assert!(!is_typo_term(&"ab".repeat(500_000)));
    }

    #[test]
    fn rows_are_counted_under_their_words_and_short_prefixes() {
        let mut keys: Vec<String> = row_keys(["ucretsiz", "ve", "ve"]).into_iter().collect();
        keys.sort();
        let expected = [
            "*", "uc*", "ucr*", "ucre*", "ucret*", "ucrets*", "ucretsi*", "ucretsiz", "ve", "ve*",
        ];
        assert_eq!(keys, expected);
    }

    #[test]
    fn the_index_holds_arabic_words_with_and_without_the_article() {
        assert_eq!(
            index_text("المستشفى الحكومي", "ar"),
            "المستشفي مستشفي الحكومي حكومي"
        );
        assert_eq!(index_text("Göç İdaresi", "en"), "goc idaresi");
    }

    #[test]
    fn the_index_holds_turkish_words_with_their_stems() {
        let holds = |text: &str, lang: &str, word: &str| {
            index_text(text, lang).split(' ').any(|w| w == word)
        };
        assert!(
            holds("okul kayıt", "tr", "kayt"),
            "the vowel a Turkish ending drops"
        );
        assert!(holds("hastaneler", "tr", "hastane"));
        assert_eq!(index_text("hastaneler", "en"), "hastaneler");
    }
}
