//! Offline search over a city pack: an FTS5 index built into the pack by the publisher (so
//! the app indexes nothing at start-up), the same folding at build and query time, prefix
//! matching while the person types, and typo tolerance through a table of one-letter
//! deletions (one wrong, missing, extra or swapped letter in words of five letters or more).
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

mod rank;
pub use rank::register as register_rank;

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension};

use crate::fold::{arabic_stems, edit_distance_within, fold, words};
use crate::l10n::LanguageChain;
use crate::model::{SearchResult, ServiceSummary};
use crate::store::{CityPack, StoreError};

/// Words shorter than this get no typo tolerance.
pub const TYPO_MIN_CHARS: usize = 5;

/// The most rows ranked for one keystroke (see `matching_rows`).
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
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5', detail = column,
    content = '', contentless_unindexed = 1
);
CREATE VIRTUAL TABLE search_names USING fts5(
    title, keywords,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3 4 5', detail = column,
    content = ''
);
CREATE TABLE search_common(term TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_rows(key TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_term(id INTEGER PRIMARY KEY, term TEXT NOT NULL);
CREATE TABLE search_typo(
    variant INTEGER NOT NULL,
    term_id INTEGER NOT NULL REFERENCES search_term(id),
    PRIMARY KEY(variant, term_id)
) WITHOUT ROWID;
";

/// Prefixes of up to this many letters have their number of rows stored in `search_rows`; a
/// longer prefix is held by at most as many rows as its first `COUNTED_PREFIX_CHARS` letters.
pub const COUNTED_PREFIX_CHARS: usize = 7;

/// Words and prefixes in this many rows or fewer are left out of `search_rows` (most words
/// of a city's texts are in one or two entries: listing them would add a third to the pack).
/// A key that is not there counts as this many rows: never fewer than it has, so the passes
/// skipped because of a count stay safe, and rare enough that its rarity is about right.
pub const FEW_ROWS: u64 = 3;

/// The keys `search_rows` counts a row of `search` under: each of its words, each prefix of
/// two to `COUNTED_PREFIX_CHARS` letters of them followed by `*`, and `*` alone (every row).
pub fn row_keys<'a>(words: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
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

/// What a query word is looked for as a prefix: an Arabic word with the article or a
/// one-letter prefix, without it, as the index also holds every such word (so "الهجرة" finds
/// "هجرة" too, and the prefix is short enough for a prefix index); other words as they are.
/// A stem of two letters would match too much, so such words stay whole.
fn stem_of(token: &str) -> &str {
    arabic_stems(token)
        .filter(|stem| stem.chars().nth(2).is_some())
        .unwrap_or(token)
}

/// Whether `query` holds enough to search for: two letters or digits, once folded.
pub fn is_searchable(query: &str) -> bool {
    words(query)
        .iter()
        .map(|t| t.chars().count())
        .sum::<usize>()
        >= 2
}

/// One phrase of an FTS5 query: a word of the index, alone or as the start of words, and
/// how many rows of `search` hold it.
struct Phrase {
    term: String,
    prefix: bool,
    rows: u64,
}

impl std::fmt::Display for Phrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let star = if self.prefix { "*" } else { "" };
        write!(f, "\"{}\"{star}", self.term)
    }
}

/// How the groups of a query are joined: every one must match, or (a fallback) any.
#[derive(Clone, Copy, PartialEq)]
enum Join {
    All,
    Any,
}

/// A query as FTS5 runs it: groups of alternative phrases, and the number of rows in the
/// index.
struct Query {
    groups: Vec<Vec<Phrase>>,
    total: u64,
}

impl Query {
    fn expression(&self, join: Join) -> String {
        let operator = match join {
            Join::All => " AND ",
            Join::Any => " OR ",
        };
        self.groups
            .iter()
            .map(|alternatives| {
                let alternatives: Vec<String> =
                    alternatives.iter().map(Phrase::to_string).collect();
                format!("({})", alternatives.join(" OR "))
            })
            .collect::<Vec<_>>()
            .join(operator)
    }

    /// How much a match of each phrase tells, in the order the phrases appear in the
    /// expression, as `merhaba_rank` takes it.
    fn rarity(&self) -> Vec<u8> {
        let rarities: Vec<f64> = self
            .groups
            .iter()
            .flatten()
            .map(|phrase| rank::rarity(phrase.rows, self.total))
            .collect();
        rank::rarity_blob(&rarities)
    }

    /// The most rows the expression can match: a group matches no more rows than its
    /// phrases hold together.
    fn most_rows(&self, join: Join) -> u64 {
        let group = |alternatives: &Vec<Phrase>| alternatives.iter().map(|p| p.rows).sum();
        let groups = self.groups.iter().map(group);
        let most = match join {
            Join::All => groups.min().unwrap_or(0),
            Join::Any => groups.sum(),
        };
        most.min(self.total)
    }
}

/// Where a query is looked for: an FTS5 table, the expression, and the column weights it is
/// ranked with (none: rows come in index order, with score 0).
#[derive(Clone, Copy)]
struct Scope<'a> {
    table: &'static str,
    expression: &'a str,
    weights: Option<&'static str>,
}

impl<'a> Scope<'a> {
    fn ranked(table: &'static str, expression: &'a str, weights: &'static str) -> Scope<'a> {
        let weights = Some(weights);
        Scope {
            table,
            expression,
            weights,
        }
    }

    /// The same rows, in index order.
    fn unranked(self) -> Scope<'a> {
        Scope {
            weights: None,
            ..self
        }
    }
}

/// One match: a service, the language its text matched in, and its score (lower is better;
/// 0 for a match listed unranked, after the ranked ones).
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
            let mut alternatives = vec![self.phrase(token, false)?];
            if token.chars().count() > 1 {
                alternatives.push(self.phrase(stem_of(token), true)?);
            }
            // A correction is a whole word of the index: of a finished word, the word itself;
            // of the word being typed, also what it may grow into.
            let grows = typing.as_ref() == Some(token);
            for correction in self.corrections(token)? {
                alternatives.push(self.phrase(&correction, grows)?);
            }
            groups.push(alternatives);
        }
        let total = self.rows_holding("", true)?;
        let query = Query { groups, total };
        let mut hits = self.ranked(&query, Join::All, reader, k)?;
        if hits.is_empty() && query.groups.len() > 1 {
            for hit in self.ranked(&query, Join::Any, reader, k)? {
                if hits.len() < k && !hits.iter().any(|h| h.service_id == hit.service_id) {
                    hits.push(hit);
                }
            }
        }
        Ok(hits)
    }

    fn phrase(&self, term: &str, prefix: bool) -> Result<Phrase, StoreError> {
        Ok(Phrase {
            term: term.to_string(),
            prefix,
            rows: self.rows_holding(term, prefix)?,
        })
    }

    /// At most how many rows of `search` hold `term` (or, for a prefix, a word it begins):
    /// exact for words and prefixes in more than `FEW_ROWS` rows.
    fn rows_holding(&self, term: &str, prefix: bool) -> Result<u64, StoreError> {
        let key = match prefix {
            true => {
                let counted: String = term.chars().take(COUNTED_PREFIX_CHARS).collect();
                format!("{counted}*")
            }
            false => term.to_string(),
        };
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT rows FROM search_rows WHERE key = ?1")
            .map_err(|e| self.err(e))?;
        let rows: Option<i64> = stmt
            .query_row([key], |r| r.get(0))
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(rows.map_or(FEW_ROWS, |n| n.max(0) as u64))
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

    /// Runs the query and keeps each service once, reader's language first.
    fn ranked(
        &self,
        query: &Query,
        join: Join,
        reader: &str,
        k: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        let rows = self.matching_rows(query, join, (k * 16).clamp(64, RANK_AT_MOST))?;
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

    /// The best-ranked rows for the query. Ranking reads every matching row, which for a
    /// word found in most of a large pack (a two-letter prefix) costs tens of milliseconds;
    /// so it runs on the widest scope that matches at most `RANK_AT_MOST` rows: everything,
    /// else names and keywords, else titles. Rows of the next wider scope, in index order,
    /// fill up to `limit` after the ranked ones, unranked (score 0).
    ///
    /// Each scope costs a pass over the index, so passes are skipped where the counts allow:
    /// a query whose rarest word the pack counts in at most `RANK_AT_MOST` rows is ranked
    /// over everything at once; otherwise names are counted first, as when they alone are
    /// too many, everything is too.
    fn matching_rows(
        &self,
        query: &Query,
        join: Join,
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        let expression = query.expression(join);
        let title_only = format!("{{title}} : ({expression})");
        let rarity = query.rarity();
        // Column weights: title over keywords over body (`search` begins with its two
        // unindexed columns).
        let everything = Scope::ranked("search", &expression, "0.0, 0.0, 10.0, 4.0, 1.0");
        let names = Scope::ranked("search_names", &expression, "10.0, 4.0");
        let titles = Scope::ranked("search_names", &title_only, "1.0, 0.0");
        let scored = |scope: &Scope, n| self.scored_rows(scope, &rarity, n);
        let (mut rows, wider) = if query.most_rows(join) <= RANK_AT_MOST as u64 {
            (scored(&everything, RANK_AT_MOST)?, Vec::new())
        } else if self.count_up_to(names.table, &expression, RANK_AT_MOST + 1)? <= RANK_AT_MOST {
            let anywhere = scored(&everything.unranked(), RANK_AT_MOST + 1)?;
            match anywhere.len() <= RANK_AT_MOST {
                true => (scored(&everything, RANK_AT_MOST)?, Vec::new()),
                false => (scored(&names, RANK_AT_MOST)?, anywhere),
            }
        } else {
            let mut ranked = scored(&titles, RANK_AT_MOST + 1)?;
            if ranked.len() > RANK_AT_MOST {
                ranked.clear();
            }
            let wider = scored(&names.unranked(), limit + ranked.len())?;
            (ranked, wider)
        };
        rows.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        rows.truncate(limit);
        for (rowid, score) in wider {
            if rows.len() >= limit {
                break;
            }
            if !rows.iter().any(|(r, _)| *r == rowid) {
                rows.push((rowid, score));
            }
        }
        self.hits(rows)
    }

    /// The rowids and scores of the first `n` rows `scope` matches, in index order.
    fn scored_rows(
        &self,
        scope: &Scope,
        rarity: &[u8],
        n: usize,
    ) -> Result<Vec<(i64, f64)>, StoreError> {
        let Scope { table, weights, .. } = scope;
        let sql = match weights {
            Some(weights) => format!(
                "SELECT rowid, merhaba_rank({table}, ?3, {weights}) FROM {table}
                 WHERE {table} MATCH ?1 LIMIT ?2"
            ),
            None => format!("SELECT rowid, 0.0 FROM {table} WHERE {table} MATCH ?1 LIMIT ?2"),
        };
        let mut stmt = self.conn().prepare_cached(&sql).map_err(|e| self.err(e))?;
        let bind = |stmt: &mut rusqlite::CachedStatement| -> rusqlite::Result<()> {
            stmt.raw_bind_parameter(1, scope.expression)?;
            stmt.raw_bind_parameter(2, n as i64)?;
            if weights.is_some() {
                stmt.raw_bind_parameter(3, rarity)?;
            }
            Ok(())
        };
        bind(&mut stmt).map_err(|e| self.err(e))?;
        stmt.raw_query()
            .mapped(|r| Ok((r.get(0)?, r.get(1)?)))
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// The service and language of each row, read only for the rows that are kept.
    fn hits(&self, rows: Vec<(i64, f64)>) -> Result<Vec<SearchHit>, StoreError> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT service_id, lang FROM search WHERE rowid = ?1")
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(rowid, score)| {
                stmt.query_row([rowid], |r| {
                    Ok(SearchHit {
                        service_id: r.get(0)?,
                        lang: r.get(1)?,
                        score,
                    })
                })
                .map_err(|e| self.err(e))
            })
            .collect()
    }

    fn matches_any(&self, table: &str, expression: &str) -> Result<bool, StoreError> {
        Ok(self.count_up_to(table, expression, 1)? > 0)
    }

    /// How many rows of `table` `expression` matches, counting no further than `n`.
    fn count_up_to(&self, table: &str, expression: &str, n: usize) -> Result<usize, StoreError> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!(
                "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT ?2)"
            ))
            .map_err(|e| self.err(e))?;
        let count: i64 = stmt
            .query_row(params![expression, n as i64], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        Ok(count as usize)
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
                || stem.starts_with(stem_of(t))
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
        assert_eq!(marked("مكتب هجرة", "الهجرة"), ["هجرة"]);
        assert_eq!(marked("Hastane acil servisi", "hastahne"), ["Hastane"]);
        assert!(marked("Hastane", "xyz").is_empty());
    }
}
