//! `merhaba_rank`: the FTS5 ranking function search orders by, registered on every pack
//! connection.
//!
//!   merhaba_rank(table, rarity, weight of column 0, weight of column 1, ...)
//!
//! It is BM25F with one difference that matters for speed: the rarity of each phrase (its
//! inverse document frequency) comes in as an argument, computed from row counts the
//! publisher stored in the pack (`search_rows`), instead of being counted over the whole
//! index at the first row of every query, as FTS5's own `bm25` does. That count was one full
//! scan per phrase, and for a prefix no prefix index covers, most of a keystroke.
//!
//! Each phrase scores by the columns it occurs in, weighted (title over keywords over body)
//! and normalised by that column's length in this row against its average; the sum is
//! saturated and multiplied by the phrase's rarity. A phrase counts once per column however
//! often it occurs there, which lets the index be `detail = column`, without word
//! positions: service texts are short, and a word repeated in a long body is no better a
//! match than the same word in a short one.
//!
//! `rarity` is a blob of little-endian f64s, one per phrase of the query in the order they
//! appear in it (NULL: every phrase 1.0). A missing weight is 1.0; a weight of 0 ignores a
//! column. Lower is better, as with `bm25`.

use std::ffi::{c_int, c_void, CStr};
use std::ptr;

use rusqlite::ffi::{self, Fts5Context, Fts5ExtensionApi, Fts5PhraseIter};
use rusqlite::Connection;

/// How fast a phrase's score saturates as it matches in more columns.
const K1: f64 = 1.2;
/// How much a column's length counts against a match in it.
const B: f64 = 0.75;
/// Columns beyond this many are not scored (the search tables have five).
const MAX_COLUMNS: usize = 8;

/// The rarity of each phrase, as `merhaba_rank` takes it.
pub fn rarity_blob(rarities: &[f64]) -> Vec<u8> {
    rarities.iter().flat_map(|r| r.to_le_bytes()).collect()
}

/// bm25's inverse document frequency of a phrase held by `rows` of `total` rows.
pub fn rarity(rows: u64, total: u64) -> f64 {
    let (rows, total) = (rows.min(total) as f64, total as f64);
    ((total - rows + 0.5) / (rows + 0.5) + 1.0).ln()
}

/// Registers `merhaba_rank` with the FTS5 module of `conn`.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    // SAFETY: `db` is the open connection `conn` owns. `fts5(?1)` writes the API pointer
    // into `api` during the step, before the statement is finalised; the API and the
    // registered function live as long as the connection.
    unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let sql = c"SELECT fts5(?1)";
        check(
            db,
            ffi::sqlite3_prepare_v2(db, sql.as_ptr(), -1, &mut stmt, ptr::null_mut()),
        )?;
        let mut api: *mut ffi::fts5_api = ptr::null_mut();
        ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&mut api as *mut *mut ffi::fts5_api).cast::<c_void>(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        ffi::sqlite3_step(stmt);
        check(db, ffi::sqlite3_finalize(stmt))?;
        let create = match api.as_ref() {
            Some(api) if api.iVersion >= 2 => api.xCreateFunction,
            _ => None,
        }
        .ok_or_else(|| {
            rusqlite::Error::SqliteFailure(
                ffi::Error::new(ffi::SQLITE_ERROR),
                Some("this SQLite has no FTS5 extension API".into()),
            )
        })?;
        let name = c"merhaba_rank";
        check(
            db,
            create(api, name.as_ptr(), ptr::null_mut(), Some(rank), None),
        )
    }
}

/// `rc` as a rusqlite error with the connection's message, unless it is `SQLITE_OK`.
///
/// # Safety
/// `db` must be an open connection.
unsafe fn check(db: *mut ffi::sqlite3, rc: c_int) -> rusqlite::Result<()> {
    if rc == ffi::SQLITE_OK {
        return Ok(());
    }
    // SAFETY: `db` is open, and its message is a NUL-terminated string it owns.
    let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(db)) };
    Err(rusqlite::Error::SqliteFailure(
        ffi::Error::new(rc),
        Some(message.to_string_lossy().into_owned()),
    ))
}

/// The FTS5 entry point: the score of the current row, or the SQLite error that stopped it.
unsafe extern "C" fn rank(
    api: *const Fts5ExtensionApi,
    fts: *mut Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 passes a valid API table, the cursor's context and `n_val` values; the
    // blob stays valid until this call returns.
    let result = unsafe {
        let args: &[*mut ffi::sqlite3_value] = match n_val {
            n if n > 0 && !vals.is_null() => std::slice::from_raw_parts(vals, n as usize),
            _ => &[],
        };
        let mut rarity: &[u8] = &[];
        if let Some(&arg) = args.first() {
            let blob = ffi::sqlite3_value_blob(arg).cast::<u8>();
            if !blob.is_null() {
                let len = ffi::sqlite3_value_bytes(arg).max(0) as usize;
                rarity = std::slice::from_raw_parts(blob, len);
            }
        }
        let mut weights = [1.0; MAX_COLUMNS];
        for (weight, &arg) in weights.iter_mut().zip(args.iter().skip(1)) {
            *weight = ffi::sqlite3_value_double(arg);
        }
        score(&*api, fts, &weights, rarity)
    };
    // SAFETY: `ctx` is the result context of this call.
    unsafe {
        match result {
            Ok(score) => ffi::sqlite3_result_double(ctx, score),
            Err(rc) => ffi::sqlite3_result_error_code(ctx, rc),
        }
    }
}

/// The score of the current row.
///
/// # Safety
/// `api` and `fts` must be what FTS5 passed to the current call of `rank`.
unsafe fn score(
    api: &Fts5ExtensionApi,
    fts: *mut Fts5Context,
    weights: &[f64; MAX_COLUMNS],
    rarity: &[u8],
) -> Result<f64, c_int> {
    let ok = |rc: c_int| match rc {
        ffi::SQLITE_OK => Ok(()),
        rc => Err(rc),
    };
    let missing = ffi::SQLITE_MISUSE;
    let phrase_count = api.xPhraseCount.ok_or(missing)?;
    let column_size = api.xColumnSize.ok_or(missing)?;
    let first = api.xPhraseFirstColumn.ok_or(missing)?;
    let next = api.xPhraseNextColumn.ok_or(missing)?;
    // SAFETY: every call below is made with the context FTS5 handed to `rank`.
    unsafe {
        let averages = averages(api, fts)?;
        // Each column's length normaliser, read only for the columns a phrase matched in:
        // for a contentless table, each read is a lookup in its sizes table.
        let mut norms = [None; MAX_COLUMNS];
        let mut total = 0.0;
        for phrase in 0..phrase_count(fts) {
            let mut iter = Fts5PhraseIter {
                a: ptr::null(),
                b: ptr::null(),
            };
            let mut col: c_int = -1;
            ok(first(fts, phrase, &mut iter, &mut col))?;
            let mut tf = 0.0;
            while let Some(c) = usize::try_from(col).ok().filter(|&c| c < averages.len()) {
                if weights[c] > 0.0 {
                    let norm = match norms[c] {
                        Some(norm) => norm,
                        None => {
                            let mut len: c_int = 0;
                            ok(column_size(fts, col, &mut len))?;
                            let norm = 1.0 - B + B * f64::from(len) / averages[c].max(1.0);
                            *norms.get_mut(c).ok_or(missing)? = Some(norm);
                            norm
                        }
                    };
                    tf += weights[c] / norm;
                }
                next(fts, &mut iter, &mut col);
            }
            let idf = rarity
                .chunks_exact(8)
                .nth(phrase as usize)
                .and_then(|b| b.try_into().ok())
                .map_or(1.0, f64::from_le_bytes);
            total += idf * tf * (K1 + 1.0) / (tf + K1);
        }
        Ok(-total)
    }
}

/// The average length of each column of the table (at most `MAX_COLUMNS`), computed at the
/// first row of a query and kept by FTS5 as auxiliary data until the query ends.
///
/// # Safety
/// `api` and `fts` must be what FTS5 passed to the current call of `rank`; the slice must
/// not outlive that call.
unsafe fn averages<'a>(api: &Fts5ExtensionApi, fts: *mut Fts5Context) -> Result<&'a [f64], c_int> {
    let missing = ffi::SQLITE_MISUSE;
    // SAFETY: the auxiliary data of this query is only ever a `Vec<f64>` set below.
    unsafe {
        let kept = api.xGetAuxdata.ok_or(missing)?(fts, 0).cast::<Vec<f64>>();
        if let Some(kept) = kept.as_ref() {
            return Ok(kept);
        }
        let mut rows: i64 = 0;
        match api.xRowCount.ok_or(missing)?(fts, &mut rows) {
            ffi::SQLITE_OK => {}
            rc => return Err(rc),
        }
        let columns = api.xColumnCount.ok_or(missing)?(fts).clamp(0, MAX_COLUMNS as c_int);
        let mut averages = Vec::with_capacity(columns as usize);
        for col in 0..columns {
            let mut tokens: i64 = 0;
            match api.xColumnTotalSize.ok_or(missing)?(fts, col, &mut tokens) {
                ffi::SQLITE_OK => averages.push(tokens as f64 / rows.max(1) as f64),
                rc => return Err(rc),
            }
        }
        let kept = Box::into_raw(Box::new(averages));
        match api.xSetAuxdata.ok_or(missing)?(fts, kept.cast(), Some(drop_averages)) {
            ffi::SQLITE_OK => Ok(&*kept),
            // FTS5 has already called `drop_averages` on it.
            rc => Err(rc),
        }
    }
}

unsafe extern "C" fn drop_averages(p: *mut c_void) {
    // SAFETY: `p` came from `Box::into_raw` in `averages`, and FTS5 drops it once.
    drop(unsafe { Box::from_raw(p.cast::<Vec<f64>>()) });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A contentless FTS5 table like the pack's, with `merhaba_rank` registered.
    fn table(rows: &[(&str, &str)]) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(title, body, detail = column, content = '')",
        )
        .unwrap();
        for (i, (title, body)) in rows.iter().enumerate() {
            conn.execute(
                "INSERT INTO t(rowid, title, body) VALUES (?1, ?2, ?3)",
                rusqlite::params![i as i64 + 1, title, body],
            )
            .unwrap();
        }
        conn
    }

    /// Rowids best first, with the given rarity blob and weights (title 10, body 1).
    fn ranked(conn: &Connection, query: &str, rarity: Option<Vec<u8>>) -> Vec<i64> {
        conn.prepare(
            "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY merhaba_rank(t, ?2, 10.0, 1.0), rowid",
        )
        .unwrap()
        .query_map(rusqlite::params![query, rarity], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    #[test]
    fn a_title_match_ranks_above_a_body_match() {
        let conn = table(&[("bus station", "tickets"), ("museum", "near the bus")]);
        assert_eq!(ranked(&conn, "bus", None), [1, 2]);
        assert_eq!(ranked(&conn, "museum OR tickets", None), [2, 1]);
    }

    #[test]
    fn of_two_titles_the_shorter_match_ranks_first() {
        let conn = table(&[
            ("hospital emergency department of the state", ""),
            ("hospital", ""),
        ]);
        assert_eq!(ranked(&conn, "hospital", None), [2, 1]);
    }

    #[test]
    fn a_match_of_the_rarer_phrase_counts_more() {
        // Row 1 matches the first phrase in its title, row 2 the second.
        let conn = table(&[("turkish", "course"), ("course", "turkish")]);
        let common_then_rare = rarity_blob(&[rarity(900, 1000), rarity(10, 1000)]);
        assert_eq!(
            ranked(&conn, "turkish AND course", Some(common_then_rare)),
            [2, 1]
        );
        let rare_then_common = rarity_blob(&[rarity(10, 1000), rarity(900, 1000)]);
        assert_eq!(
            ranked(&conn, "turkish AND course", Some(rare_then_common)),
            [1, 2]
        );
    }

    #[test]
    fn a_word_repeated_in_one_column_counts_once() {
        let conn = table(&[("", "bus bus bus bus"), ("", "bus ferry taxi tram")]);
        let scores: Vec<f64> = conn
            .prepare(
                "SELECT merhaba_rank(t, NULL, 10.0, 1.0) FROM t WHERE t MATCH 'bus' ORDER BY rowid",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(scores[0], scores[1]);
        assert!(scores[0] < 0.0);
    }

    #[test]
    fn rarity_falls_as_more_rows_hold_the_phrase() {
        assert!(rarity(1, 1000) > rarity(100, 1000));
        assert!(rarity(100, 1000) > rarity(1000, 1000));
        assert!(rarity(1000, 1000) > 0.0);
        assert_eq!(rarity(5000, 1000), rarity(1000, 1000));
    }
}
