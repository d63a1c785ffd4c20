//! Offline search over a city pack: an FTS5 index built into the pack by the publisher (so
//! the app indexes nothing at start-up), the same folding at build and query time, prefix
//! matching while the person types, Turkish stems (`crate::stem`), and typo tolerance through a
//! table of one-letter deletions (one wrong, missing, extra or swapped letter in words of five
//! letters or more; two in words of eight or more when one finds nothing).
//!
//! Two FTS5 tables, under the same rowids: `search` holds every text of a service in one
//! language (names, keywords, body), `search_names` only its names and keywords. Ranking on
//! names alone then reads a doclist of names only, instead of filtering the full one by
//! column row after row. Both keep which columns a word is in, not where (`detail =
//! column`), and prefix indexes of two to five letters, so that most words being typed are
//! one lookup rather than a merge of every word they could become.
//!
//! Rows are ranked by `merhaba_rank` (see `rank`), with each phrase's rarity taken from row
//! counts the publisher stored (`search_rows`).
//!
//! One owner for each side of the index, all here: `index` writes it into a pack (the
//! tables are declared in `crate::pack::schema`), `query` plans a query and `scan` runs it
//! over FTS5, `rank` scores rows, `highlight` marks matched words on screen. Screens ask
//! `CityPack::search` (in `crate::pack::service`), which resolves the hits for the reader.

mod highlight;
pub mod index;
mod query;
mod rank;
mod scan;

pub use highlight::highlight;
pub use query::{SearchHit, SearchIndex};
pub(crate) use rank::register as register_rank;

use crate::fold::{arabic_stems, words};

/// Words shorter than this get no typo tolerance.
pub(crate) const TYPO_MIN_CHARS: usize = 5;

/// Query words this long or longer are corrected by two edits when one finds nothing:
/// colloquial spellings such as "hastahane" for "hastane" add two letters.
pub(crate) const TWO_EDITS_MIN_CHARS: usize = 8;

/// The most rows ranked for one keystroke (see `matching_rows`).
pub(crate) const RANK_AT_MOST: usize = 1000;

/// A word in more than this share of the rows of one language is common (like "ve", "في", or the
/// city's name): it is left out of a query that has other words, because it barely narrows
/// the result while making every keystroke read most of the index.
pub(crate) const COMMON_SHARE: f64 = 0.25;

/// ... and in more than this many rows: in a small pack every query is fast anyway, and a
/// word like "address" in a quarter of 65 entries still tells them apart.
pub(crate) const COMMON_MIN_ROWS: usize = 500;

/// Prefixes of up to this many letters have their number of rows stored in `search_rows`; a
/// longer prefix is held by at most as many rows as its first `COUNTED_PREFIX_CHARS` letters.
pub const COUNTED_PREFIX_CHARS: usize = 7;

/// Words and prefixes in this many rows or fewer are left out of `search_rows` (most words
/// of a city's texts are in one or two entries: listing them would add a third to the pack).
/// A key that is not there counts as this many rows: never fewer than it has, so the passes
/// skipped because of a count stay safe, and rare enough that its rarity is about right.
pub const FEW_ROWS: u64 = 3;

/// What a query word is looked for as a prefix: an Arabic word with the article or a
/// one-letter prefix, without it, as the index also holds every such word (so "الهجرة" finds
/// "هجرة" too, and the prefix is short enough for a prefix index); other words as they are.
/// A stem of two letters would match too much, so such words stay whole.
pub(crate) fn stem_of(token: &str) -> &str {
    arabic_stems(token)
        .filter(|stem| stem.chars().nth(2).is_some())
        .unwrap_or(token)
}

/// The most characters of a query that are read: a paste longer than this is cut. Real
/// queries are a few words; this is about twenty lines of text.
pub const QUERY_MAX_CHARS: usize = 2000;

/// The most words of a query that are searched for (after dropping repeats); further words
/// are left out. Each word costs a few lookups and a group in the FTS5 expression.
pub const QUERY_MAX_WORDS: usize = 16;

/// The most letters of a query word that are searched for: a longer word is cut to this
/// many and matched as a prefix. The longest Turkish words people write run to about 40.
/// This bounds the typo step, whose deletions grow with the square of a word's length, and
/// typo terms of the index are held to the same length (`index::is_typo_term`).
pub const WORD_MAX_CHARS: usize = 64;

/// The words a query is searched for: folded, each once, at most `QUERY_MAX_WORDS` of them,
/// each at most `WORD_MAX_CHARS` letters, read from at most `QUERY_MAX_CHARS` characters. So
/// the work of one query is bounded whatever is typed or pasted.
pub fn query_words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in words(cut_query(query)) {
        let word = cut_word(word);
        if !out.contains(&word) {
            out.push(word);
        }
        if out.len() == QUERY_MAX_WORDS {
            break;
        }
    }
    out
}

/// The part of a query that is read: its first `QUERY_MAX_CHARS` characters.
pub(crate) fn cut_query(query: &str) -> &str {
    match query.char_indices().nth(QUERY_MAX_CHARS) {
        Some((at, _)) => &query[..at],
        None => query,
    }
}

/// A query word cut to its first `WORD_MAX_CHARS` letters.
pub(crate) fn cut_word(word: String) -> String {
    match word.char_indices().nth(WORD_MAX_CHARS) {
        Some((at, _)) => word[..at].to_string(),
        None => word,
    }
}

/// Whether `query` holds enough to search for: two letters or digits, once folded.
pub fn is_searchable(query: &str) -> bool {
    query_words(query)
        .iter()
        .map(|t| t.chars().count())
        .sum::<usize>()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_of_any_paste_are_bounded() {
        let long = query_words(&"a".repeat(100_000));
        let lengths: Vec<usize> = long.iter().map(String::len).collect();
        assert_eq!(lengths, [WORD_MAX_CHARS]);
        let many: String = (0..5000).map(|i| format!("word{i} ")).collect();
        let words = query_words(&many);
        assert_eq!(words.len(), QUERY_MAX_WORDS);
        assert_eq!(words[0], "word0");
        let huge = "x".repeat(10 * 1024 * 1024);
        assert_eq!(query_words(&huge)[0].len(), WORD_MAX_CHARS);
        let spaced = "a ".repeat(1_000_000);
        assert_eq!(query_words(&spaced), ["a"]);
        // Real queries are untouched.
        assert_eq!(
            query_words("Göç İdaresi ikamet izni goc"),
            ["goc", "idaresi", "ikamet", "izni"]
        );
    }
}
