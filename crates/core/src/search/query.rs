//! Planning a query: the person's words, without common ones, each with its prefix, its
//! Arabic stem and its typo corrections, and how many rows each could match.

use rusqlite::{Connection, OptionalExtension};

use super::index::{deletions, variant_key};
use super::{cut_query, cut_word, query_words, rank, stem_of};
use super::{COUNTED_PREFIX_CHARS, FEW_ROWS, TWO_EDITS_MIN_CHARS, TYPO_MIN_CHARS};
use crate::fold::{edit_distance_within, words};
use crate::stem::turkish_stems;

/// One phrase of an FTS5 query: a word of the index, alone or as the start of words, and
/// how many rows of `search` hold it.
pub(super) struct Phrase {
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
pub(super) enum Join {
    All,
    Any,
}

/// A query as FTS5 runs it: groups of alternative phrases, and the number of rows in the
/// index.
pub(super) struct Query {
    groups: Vec<Vec<Phrase>>,
    total: u64,
}

impl Query {
    pub(super) fn expression(&self, join: Join) -> String {
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
    pub(super) fn rarity(&self) -> Vec<u8> {
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
    pub(super) fn most_rows(&self, join: Join) -> u64 {
        let group = |alternatives: &Vec<Phrase>| alternatives.iter().map(|p| p.rows).sum();
        let groups = self.groups.iter().map(group);
        let most = match join {
            Join::All => groups.min().unwrap_or(0),
            Join::Any => groups.sum(),
        };
        most.min(self.total)
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

/// The search index of an open pack. It reads only the pack's connection; errors are
/// SQLite's, which the pack names with its path.
pub struct SearchIndex<'c> {
    pub(super) conn: &'c Connection,
}

impl<'c> SearchIndex<'c> {
    pub fn new(conn: &'c Connection) -> SearchIndex<'c> {
        SearchIndex { conn }
    }

    /// The best `k` services for `query`: those matching in the reader's language first, then
    /// those found only through another language. All words must match; only if that finds
    /// nothing do services matching any of the words count.
    pub fn hits(&self, query: &str, reader: &str, k: usize) -> rusqlite::Result<Vec<SearchHit>> {
        // Each once, and bounded in number and length (see `query_words`).
        let all = query_words(query);
        if all.iter().map(|t| t.chars().count()).sum::<usize>() < 2 {
            return Ok(Vec::new());
        }
        // The word still being typed: the last one, unless a space follows it.
        let query = cut_query(query);
        let typing = match query.ends_with(char::is_whitespace) {
            true => None,
            false => words(query).pop().map(cut_word),
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
            // A Turkish word with an ending meets the stems the index holds for Turkish
            // texts ("hastanede" → "hastane", "kaydi" → "kayt"; see `crate::stem`).
            for stem in turkish_stems(token) {
                alternatives.push(self.phrase(&stem, false)?);
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

    fn phrase(&self, term: &str, prefix: bool) -> rusqlite::Result<Phrase> {
        Ok(Phrase {
            term: term.to_string(),
            prefix,
            rows: self.rows_holding(term, prefix)?,
        })
    }

    /// At most how many rows of `search` hold `term` (or, for a prefix, a word it begins):
    /// exact for words and prefixes in more than `FEW_ROWS` rows.
    fn rows_holding(&self, term: &str, prefix: bool) -> rusqlite::Result<u64> {
        let key = match prefix {
            true => {
                let counted: String = term.chars().take(COUNTED_PREFIX_CHARS).collect();
                format!("{counted}*")
            }
            false => term.to_string(),
        };
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rows FROM search_rows WHERE key = ?1")?;
        let rows: Option<i64> = stmt.query_row([key], |r| r.get(0)).optional()?;
        Ok(rows.map_or(FEW_ROWS, |n| n.max(0) as u64))
    }

    /// The query's words (each once already), without the common ones; when every word is common,
    /// the least common one.
    fn distinctive(&self, tokens: Vec<String>) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT rows FROM search_common WHERE term = ?1")?;
        let mut rare = Vec::new();
        let mut least_common: Option<(i64, &String)> = None;
        for token in &tokens {
            let rows: Option<i64> = stmt.query_row([token], |r| r.get(0)).optional()?;
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

    /// Index words within one edit of `token`, or, for a word of `TWO_EDITS_MIN_CHARS` or
    /// more with none, within two ("hastahane" → "hastane"), looked for only when `token` is
    /// not a word of the index and no name or keyword starts with it (a word that is there
    /// is not a typo, and every correction widens the query). Corrections come from names
    /// and keywords, so that is where the prefix is looked for; the exact word is looked for
    /// everywhere, which is cheap, unlike expanding a prefix over all the text.
    fn corrections(&self, token: &str) -> rusqlite::Result<Vec<String>> {
        let letters = token.chars().count();
        if letters < TYPO_MIN_CHARS
            || self.matches_any("search", &format!("\"{token}\""))?
            || self.matches_any("search_names", &format!("\"{token}\"*"))?
        {
            return Ok(Vec::new());
        }
        let one = self.within(token, deletions(token), 1)?;
        if !one.is_empty() || letters < TWO_EDITS_MIN_CHARS {
            return Ok(one);
        }
        // Two letters more than the word (or one more and one wrong) leave it after two
        // deletions; the index holds each word under its one-letter deletions too.
        let mut twice: Vec<String> = deletions(token)
            .iter()
            .skip(1)
            .flat_map(|once| deletions(once))
            .collect();
        twice.sort();
        twice.dedup();
        self.within(token, twice, 2)
    }

    /// The index words filed under any of `variants` that are within `edits` of `token`.
    fn within(
        &self,
        token: &str,
        variants: Vec<String>,
        edits: usize,
    ) -> rusqlite::Result<Vec<String>> {
        let keys: Vec<i64> = variants.iter().map(|v| variant_key(v)).collect();
        let placeholders = vec!["?"; keys.len()].join(",");
        let sql = format!(
            "SELECT DISTINCT t.term FROM search_typo y JOIN search_term t ON t.id = y.term_id
             WHERE y.variant IN ({placeholders})"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let terms: Vec<String> = stmt
            .query_map(rusqlite::params_from_iter(keys.iter()), |r| r.get(0))
            .and_then(|rows| rows.collect())?;
        Ok(terms
            .into_iter()
            .filter(|term| term != token && edit_distance_within(token, term, edits))
            .collect())
    }
}
