//! Running a planned query over FTS5: ranking on the widest scope that stays cheap, filling
//! up with unranked rows, each service once with the reader's language first.

use std::collections::HashMap;

use rusqlite::params;

use super::query::{Join, Query, SearchHit, SearchIndex};
use super::RANK_AT_MOST;

/// Where a query is looked for: an FTS5 table, the expression, and the column weights it is
/// ranked with (none: rows come in index order, with score 0).
#[derive(Clone, Copy)]
struct Scope<'a> {
    table: &'static str,
    expression: &'a str,
    weights: Option<&'static str>,
}

impl<'a> Scope<'a> {
    pub(super) fn ranked(
        table: &'static str,
        expression: &'a str,
        weights: &'static str,
    ) -> Scope<'a> {
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

impl SearchIndex<'_> {
    /// Runs the query and keeps each service once, reader's language first.
    pub(super) fn ranked(
        &self,
        query: &Query,
        join: Join,
        reader: &str,
        k: usize,
    ) -> rusqlite::Result<Vec<SearchHit>> {
        let rows = self.matching_rows(query, join, k.saturating_mul(16).clamp(64, RANK_AT_MOST))?;
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
    ) -> rusqlite::Result<Vec<SearchHit>> {
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
        self.hits_of(rows)
    }

    /// The rowids and scores of the first `n` rows `scope` matches, in index order.
    fn scored_rows(
        &self,
        scope: &Scope,
        rarity: &[u8],
        n: usize,
    ) -> rusqlite::Result<Vec<(i64, f64)>> {
        let Scope { table, weights, .. } = scope;
        let sql = match weights {
            Some(weights) => format!(
                "SELECT rowid, merhaba_rank({table}, ?3, {weights}) FROM {table}
                 WHERE {table} MATCH ?1 LIMIT ?2"
            ),
            None => format!("SELECT rowid, 0.0 FROM {table} WHERE {table} MATCH ?1 LIMIT ?2"),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let bind = |stmt: &mut rusqlite::CachedStatement| -> rusqlite::Result<()> {
            stmt.raw_bind_parameter(1, scope.expression)?;
            stmt.raw_bind_parameter(2, n as i64)?;
            if weights.is_some() {
                stmt.raw_bind_parameter(3, rarity)?;
            }
            Ok(())
        };
        bind(&mut stmt)?;
        stmt.raw_query()
            .mapped(|r| Ok((r.get(0)?, r.get(1)?)))
            .collect::<rusqlite::Result<_>>()
    }

    /// The service and language of each row, read only for the rows that are kept.
    fn hits_of(&self, rows: Vec<(i64, f64)>) -> rusqlite::Result<Vec<SearchHit>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT service_id, lang FROM search WHERE rowid = ?1")?;
        rows.into_iter()
            .map(|(rowid, score)| {
                stmt.query_row([rowid], |r| {
                    Ok(SearchHit {
                        service_id: r.get(0)?,
                        lang: r.get(1)?,
                        score,
                    })
                })
            })
            .collect()
    }

    pub(super) fn matches_any(&self, table: &str, expression: &str) -> rusqlite::Result<bool> {
        Ok(self.count_up_to(table, expression, 1)? > 0)
    }

    /// How many rows of `table` `expression` matches, counting no further than `n`.
    pub(super) fn count_up_to(
        &self,
        table: &str,
        expression: &str,
        n: usize,
    ) -> rusqlite::Result<usize> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT ?2)"
        ))?;
        let count: i64 = stmt.query_row(params![expression, n as i64], |r| r.get(0))?;
        Ok(count as usize)
    }
}
