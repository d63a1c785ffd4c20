//! Offline search over a city pack: an FTS5 index built into the pack by the publisher (so
//! the app indexes nothing at start-up), the same folding at build and query time, prefix
//! matching while the person types, and typo tolerance through a table of one-letter
//! deletions (one wrong, missing, extra or swapped letter in words of five letters or more).
//!
//! Two FTS5 tables: `search` holds every text of a service in one language (names, keywords,
//! body), `search_names` only its names and keywords. Ranking on names alone then reads a
//! doclist of names only, instead of filtering the full one by column row after row.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use crate::fold::{arabic_stems, edit_distance_within, fold, words};
use crate::l10n::LanguageChain;
use crate::model::{SearchResult, ServiceSummary};
use crate::store::{CityPack, StoreError};

/// Words shorter than this get no typo tolerance.
pub const TYPO_MIN_CHARS: usize = 5;

/// The most rows bm25 ranks for one keystroke (see `matching_rows`).
const RANK_AT_MOST: usize = 1000;

/// A word in more than this share of the rows of one language is common (like "ve", "في", or the
/// city's name): it is left out of a query that has other words, because it barely narrows
/// the result while making every keystroke read most of the index.
pub const COMMON_SHARE: f64 = 0.25;

/// ... and in more than this many rows: in a small pack every query is fast anyway, and a
/// word like "address" in a quarter of 65 entries still tells them apart.
pub const COMMON_MIN_ROWS: usize = 500;

/// Tables the publisher fills and the app reads; part of the pack schema.
pub const SEARCH_SCHEMA: &str = "
CREATE VIRTUAL TABLE search USING fts5(
    service_id UNINDEXED, lang UNINDEXED, title, keywords, body,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3',
    content = '', contentless_unindexed = 1
);
CREATE VIRTUAL TABLE search_names USING fts5(
    service_id UNINDEXED, lang UNINDEXED, title, keywords,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3',
    content = '', contentless_unindexed = 1
);
CREATE TABLE search_common(term TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_term(id INTEGER PRIMARY KEY, term TEXT NOT NULL);
CREATE TABLE search_typo(
    variant INTEGER NOT NULL,
    term_id INTEGER NOT NULL REFERENCES search_term(id),
    PRIMARY KEY(variant, term_id)
) WITHOUT ROWID;
";

/// The text stored in the index for `text`: folded words, plus Arabic words without their
/// article or one-letter prefix.
pub fn index_text(text: &str) -> String {
    let mut out = Vec::new();
    for word in fold(text).split(' ').filter(|w| !w.is_empty()) {
        out.push(word.to_string());
        if let Some(stem) = arabic_stems(word) {
            out.push(stem.to_string());
        }
    }
    out.join(" ")
}

/// The word itself and every form of it with one letter deleted: two words within one edit
/// of each other always share one of these.
pub fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![word.to_string()];
    for i in 0..chars.len() {
        let variant: String = chars
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, c)| c)
            .collect();
        if !out.contains(&variant) {
            out.push(variant);
        }
    }
    out
}

/// The key of a deletion variant in `search_typo`: a 32-bit FNV-1a hash, which keeps the table
/// small; a collision only adds a candidate that the edit-distance check then drops.
pub fn variant_key(variant: &str) -> i64 {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in variant.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    i64::from(hash)
}

/// Words of the index that get typo tolerance: long enough that one edit still leaves a word
/// of four letters.
pub fn is_typo_term(word: &str) -> bool {
    word.chars().count() >= TYPO_MIN_CHARS - 1
}

/// Whether `query` holds enough to search for: two letters or digits, once folded.
pub fn is_searchable(query: &str) -> bool {
    words(query)
        .iter()
        .map(|t| t.chars().count())
        .sum::<usize>()
        >= 2
}

/// One match: a service, the language its text matched in, and the bm25 score (lower is better).
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub service_id: String,
    pub lang: String,
    pub score: f64,
}

impl CityPack {
    /// The best `k` services for `query`: those matching in the reader's language first, then
    /// those found only through another language. All words must match; only if that finds
    /// nothing do services matching any of the words count.
    pub fn search_hits(
        &self,
        query: &str,
        reader: &str,
        k: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        if !is_searchable(query) {
            return Ok(Vec::new());
        }
        let all = words(query);
        // The word still being typed: the last one, unless a space follows it.
        let typing = match query.ends_with(char::is_whitespace) {
            true => None,
            false => all.last().cloned(),
        };
        let tokens = self.distinctive(all)?;
        let mut groups = Vec::with_capacity(tokens.len());
        for token in &tokens {
            // The exact word and the word as a prefix: an exact match counts twice, so
            // "devlet" ranks "e-Devlet" above "devlete". One letter alone is never a prefix.
            let mut alternatives = vec![format!("\"{token}\"")];
            if token.chars().count() > 1 {
                alternatives.push(format!("\"{token}\"*"));
            }
            // A correction is a whole word of the index: of a finished word, the word itself;
            // of the word being typed, also what it may grow into.
            let grows = typing.as_ref() == Some(token);
            for correction in self.corrections(token)? {
                let tail = if grows { "*" } else { "" };
                alternatives.push(format!("\"{correction}\"{tail}"));
            }
            groups.push(format!("({})", alternatives.join(" OR ")));
        }
        let mut hits = self.ranked(&groups.join(" AND "), reader, k)?;
        if hits.is_empty() && groups.len() > 1 {
            for hit in self.ranked(&groups.join(" OR "), reader, k)? {
                if hits.len() < k && !hits.iter().any(|h| h.service_id == hit.service_id) {
                    hits.push(hit);
                }
            }
        }
        Ok(hits)
    }

    /// The query's words, each once, without the common ones; when every word is common,
    /// the least common one.
    fn distinctive(&self, tokens: Vec<String>) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT rows FROM search_common WHERE term = ?1")
            .map_err(|e| self.err(e))?;
        let mut rare = Vec::new();
        let mut least_common: Option<(i64, &String)> = None;
        for (i, token) in tokens.iter().enumerate() {
            if tokens[..i].contains(token) {
                continue;
            }
            let rows: Option<i64> = stmt
                .query_row([token], |r| r.get(0))
                .optional()
                .map_err(|e| self.err(e))?;
            match rows {
                None => rare.push(token.clone()),
                Some(n) if least_common.is_none_or(|(m, _)| n < m) => {
                    least_common = Some((n, token))
                }
                Some(_) => {}
            }
        }
        if rare.is_empty() {
            rare.extend(least_common.map(|(_, t)| t.clone()));
        }
        Ok(rare)
    }

    /// Index words within one edit of `token`, looked for only when `token` is not a word
    /// of the index and no name or keyword starts with it (a word that is there is not a
    /// typo, and every correction widens the query). Corrections come from names and
    /// keywords, so that is where the prefix is looked for; the exact word is looked for
    /// everywhere, which is cheap, unlike expanding a prefix over all the text.
    fn corrections(&self, token: &str) -> Result<Vec<String>, StoreError> {
        if token.chars().count() < TYPO_MIN_CHARS
            || self.matches_any("search", &format!("\"{token}\""))?
            || self.matches_any("search_names", &format!("\"{token}\"*"))?
        {
            return Ok(Vec::new());
        }
        let keys: Vec<i64> = deletions(token).iter().map(|v| variant_key(v)).collect();
        let placeholders = vec!["?"; keys.len()].join(",");
        let sql = format!(
            "SELECT DISTINCT t.term FROM search_typo y JOIN search_term t ON t.id = y.term_id
             WHERE y.variant IN ({placeholders})"
        );
        let mut stmt = self.conn().prepare_cached(&sql).map_err(|e| self.err(e))?;
        let terms: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(keys.iter()), |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(terms
            .into_iter()
            .filter(|term| term != token && edit_distance_within(token, term, 1))
            .collect())
    }

    /// Runs one FTS5 expression and keeps each service once, reader's language first.
    fn ranked(
        &self,
        expression: &str,
        reader: &str,
        k: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        let rows = self.matching_rows(expression, (k * 16).max(64))?;
        // Per service: its best match in the reader's language, else its best match at all.
        let mut best: HashMap<String, SearchHit> = HashMap::new();
        for hit in rows {
            let better = match best.get(&hit.service_id) {
                None => true,
                Some(old) => {
                    let (old_reader, new_reader) = (old.lang == reader, hit.lang == reader);
                    (new_reader && !old_reader)
                        || (new_reader == old_reader && hit.score < old.score)
                }
            };
            if better {
                best.insert(hit.service_id.clone(), hit);
            }
        }
        let mut hits: Vec<SearchHit> = best.into_values().collect();
        hits.sort_by(|a, b| {
            (a.lang != reader)
                .cmp(&(b.lang != reader))
                .then(a.score.total_cmp(&b.score))
                .then(a.service_id.cmp(&b.service_id))
        });
        hits.truncate(k);
        Ok(hits)
    }

    /// The best-ranked rows for an expression. bm25 is computed for every matching row, which
    /// for a word found in most of a large pack (a two-letter prefix) costs tens of
    /// milliseconds; so ranking runs on the widest scope that matches at most `RANK_AT_MOST`
    /// rows: everything, else names and keywords, else names. A query too broad even for
    /// names returns the first names that match, unranked. Names are counted first: when
    /// they alone are too many, everything is too, and the costly count is skipped.
    fn matching_rows(&self, expression: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        let title_only = format!("{{title}} : ({expression})");
        // (table, expression, bm25 column weights: title over keywords over body)
        let everything = (
            "search",
            expression,
            "bm25(search, 0.0, 0.0, 10.0, 4.0, 1.0)",
        );
        let names = (
            "search_names",
            expression,
            "bm25(search_names, 0.0, 0.0, 10.0, 4.0)",
        );
        let titles = (
            "search_names",
            title_only.as_str(),
            "bm25(search_names, 0.0, 0.0, 1.0, 0.0)",
        );
        let fits = |(table, e, _): &(&str, &str, &str)| -> Result<bool, StoreError> {
            self.matches_at_most(table, e, RANK_AT_MOST)
        };
        let ranked = if fits(&names)? {
            Some(if fits(&everything)? {
                everything
            } else {
                names
            })
        } else if fits(&titles)? {
            Some(titles)
        } else {
            None
        };
        let sql = match ranked {
            Some((table, _, rank)) => format!(
                "SELECT service_id, lang, {rank} AS score FROM {table} WHERE {table} MATCH ?1
                 ORDER BY score LIMIT ?2"
            ),
            None => "SELECT service_id, lang, 0.0 FROM search_names WHERE search_names MATCH ?1
                     LIMIT ?2"
                .to_string(),
        };
        let expression = ranked.map_or(title_only.as_str(), |(_, e, _)| e);
        let mut stmt = self.conn().prepare_cached(&sql).map_err(|e| self.err(e))?;
        stmt.query_map(params![expression, limit as i64], |r| {
            Ok(SearchHit {
                service_id: r.get(0)?,
                lang: r.get(1)?,
                score: r.get(2)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.err(e))
    }

    fn matches_any(&self, table: &str, expression: &str) -> Result<bool, StoreError> {
        Ok(!self.matches_at_most(table, expression, 0)?)
    }

    /// Whether `expression` matches at most `n` rows of `table`, reading no more than
    /// `n + 1` of them.
    fn matches_at_most(&self, table: &str, expression: &str, n: usize) -> Result<bool, StoreError> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT ?2)"
            ))
            .map_err(|e| self.err(e))?;
        let count: i64 = stmt
            .query_row(params![expression, n as i64 + 1], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(count as usize <= n)
    }

    /// Search results ready for a screen: each service in the reader's language, with its
    /// menu path and the language its match was found in.
    pub fn search(
        &self,
        query: &str,
        chain: &LanguageChain,
        k: usize,
    ) -> Result<Vec<SearchResult>, StoreError> {
        self.search_hits(query, chain.reader(), k)?
            .into_iter()
            .map(|hit| {
                let service: ServiceSummary = self.service_summary(&hit.service_id, chain)?;
                Ok(SearchResult {
                    path: self.menu_paths(&hit.service_id, chain)?,
                    in_reader_language: hit.lang == chain.reader(),
                    found_in: hit.lang,
                    service,
                })
            })
            .collect()
    }
}

/// Splits `text` into runs, marking the words that the query matched (by prefix, through
/// the Arabic article, or within one typo), for highlighting.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let tokens = words(query);
    let matches = |word: &str| {
        let folded = fold(word);
        let stem = arabic_stems(&folded).unwrap_or(&folded).to_string();
        tokens.iter().any(|t| {
            folded.starts_with(t.as_str())
                || stem.starts_with(t.as_str())
                || (t.chars().count() >= TYPO_MIN_CHARS && edit_distance_within(t, &folded, 1))
        })
    };
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, runs: &mut Vec<(String, bool)>| {
        if !word.is_empty() {
            let hit = matches(word);
            runs.push((std::mem::take(word), hit));
        }
    };
    for c in text.chars() {
        if is_word_char(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut runs);
            match runs.last_mut() {
                Some((s, false)) => s.push(c),
                _ => runs.push((c.to_string(), false)),
            }
        }
    }
    flush(&mut word, &mut runs);
    // Join neighbouring runs that are both unmatched.
    let mut joined: Vec<(String, bool)> = Vec::new();
    for (s, hit) in runs {
        match joined.last_mut() {
            Some((last, false)) if !hit => last.push_str(&s),
            _ => joined.push((s, hit)),
        }
    }
    joined
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletions_cover_every_one_letter_omission() {
        assert_eq!(deletions("abc"), ["abc", "bc", "ac", "ab"]);
        assert_eq!(deletions("aab"), ["aab", "ab", "aa"]);
    }

    #[test]
    fn the_index_holds_arabic_words_with_and_without_the_article() {
        assert_eq!(
            index_text("المستشفى الحكومي"),
            "المستشفي مستشفي الحكومي حكومي"
        );
        assert_eq!(index_text("Göç İdaresi"), "goc idaresi");
    }

    fn marked(text: &str, query: &str) -> Vec<String> {
        highlight(text, query)
            .into_iter()
            .filter(|(_, hit)| *hit)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn highlight_marks_what_matched_and_keeps_the_text() {
        let runs = highlight("Göç İdaresi, Aydın", "goc ida");
        let text: String = runs.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(text, "Göç İdaresi, Aydın");
        assert_eq!(marked("Göç İdaresi, Aydın", "goc ida"), ["Göç", "İdaresi"]);
        assert_eq!(marked("قسم الطوارئ في المستشفى", "مستشفى"), ["المستشفى"]);
        assert_eq!(marked("Hastane acil servisi", "hastahne"), ["Hastane"]);
        assert!(marked("Hastane", "xyz").is_empty());
    }
}
