//! The shape of a pack: every object of its schema (tables, FTS5 tables and their shadow
//! tables, indexes) exactly as the writer creates them, checked when a pack is opened and
//! before any query reads it. A crafted pack could otherwise replace a table by a view (a
//! recursive one never ends), add a trigger, or change a table's columns; all pass the
//! application id and version checks.

use std::sync::OnceLock;

use rusqlite::Connection;

use super::schema::{PACK_SCHEMA, SEARCH_SCHEMA};

/// One row of `sqlite_master`: type, name, table name and SQL.
type Object = (String, String, String, Option<String>);

const OBJECTS: &str =
    "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name, tbl_name";

fn objects(conn: &Connection) -> rusqlite::Result<Vec<Object>> {
    let mut stmt = conn.prepare(OBJECTS)?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}

/// The objects the writer creates, read from the schema created once in memory, so the
/// FTS5 shadow tables are those this SQLite makes.
fn expected() -> &'static [Object] {
    static EXPECTED: OnceLock<Vec<Object>> = OnceLock::new();
    EXPECTED.get_or_init(|| {
        let conn = Connection::open_in_memory().expect("an in-memory database");
        conn.execute_batch(PACK_SCHEMA)
            .and_then(|()| conn.execute_batch(SEARCH_SCHEMA))
            .and_then(|()| objects(&conn))
            .expect("the pack schema is valid SQL")
    })
}

/// `Err` with the first object that differs from the schema, named, and how.
pub(super) fn check(conn: &Connection) -> Result<(), String> {
    let found = objects(conn).map_err(|e| format!("its schema cannot be read: {e}"))?;
    let expected = expected();
    for object in expected {
        let (kind, name, _, sql) = object;
        match found.iter().find(|f| &f.1 == name) {
            None => return Err(format!("the {kind} `{name}` is missing")),
            Some((found_kind, ..)) if found_kind != kind => {
                return Err(format!(
                    "`{name}` is {} where {} belongs",
                    a(found_kind),
                    a(kind)
                ))
            }
            Some(f) if f != object => {
                return Err(format!(
                    "the {kind} `{name}` is not as the schema declares it: {}",
                    f.3.as_deref().or(sql.as_deref()).unwrap_or_default()
                ))
            }
            Some(_) => {}
        }
    }
    if let Some((kind, name, ..)) = found.iter().find(|f| !expected.contains(f)) {
        return Err(format!(
            "the pack has {} `{name}` the schema does not declare",
            a(kind)
        ));
    }
    Ok(())
}

/// "a table", "an index".
fn a(kind: &str) -> String {
    match kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        true => format!("an {kind}"),
        false => format!("a {kind}"),
    }
}
