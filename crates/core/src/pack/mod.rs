//! The city pack: one SQLite file per city, the one format shared by the publisher that
//! writes it and the app that reads it. Every table of it is owned here:
//!
//! - `schema`: the tables and `owner` keys of translated text;
//! - `write`: a pack from a city's content (the search index through `crate::search::index`);
//! - `read`, `service`, `nearby`: each screen's question answered from an open pack;
//! - `install`: putting a pack in place on the device safely.
//!
//! A pack file is untrusted input (it may come from a feed or a damaged disk), so it is opened
//! read-only in SQLite's defensive mode and checked before any query runs.

mod courses;
mod install;
mod nearby;
mod paths;
mod read;
pub mod schema;
mod service;
mod shape;
#[cfg(test)]
pub(crate) mod testing;
pub mod write;

pub use install::{
    install_pack, install_pack_as, is_city_id, lock_packs, open_installed, open_or_install,
    pack_path, try_lock_packs, PacksLock,
};
pub use nearby::{NearbyData, NearbyQuery};
pub use write::build_pack;

use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use schema::{PACK_APPLICATION_ID, PACK_SCHEMA_VERSION};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{path}: not a Merhaba city pack: {reason}")]
    NotAPack { path: PathBuf, reason: String },
    #[error("{path}: the pack is damaged: {details}")]
    Damaged { path: PathBuf, details: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// An open, checked city pack.
pub struct CityPack {
    conn: Connection,
    path: PathBuf,
    languages: Vec<String>,
}

/// The SQLite URI that opens the pack at `path` as immutable. A pack file is never changed
/// in place (a new version is written beside it and renamed over it, and an open connection
/// keeps reading the file it opened), so SQLite may skip the file locks, the hot-journal
/// check and the re-validation of its page cache that it would otherwise do for every
/// query: for search, several queries per keystroke.
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

impl CityPack {
    /// Opens a pack read-only, in SQLite's defensive mode, after checking that it is a pack
    /// of a schema we read. The full integrity check runs once, when a pack is installed
    /// (`open_checked`); it reads the whole file, which for a large pack takes seconds.
    pub fn open(path: &Path) -> Result<CityPack, StoreError> {
        let conn = Connection::open_with_flags(
            immutable_uri(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        })?;
        CityPack::checked(conn, path)
    }

    /// Opens a pack held in memory (the pack built into the app, or one just downloaded,
    /// where there is no file: the web), read-only, with the same checks as [`CityPack::open`].
    /// `name` stands for its path in errors.
    pub fn from_bytes(bytes: &[u8], name: &Path) -> Result<CityPack, StoreError> {
        let err = |source| StoreError::Sqlite {
            path: name.to_path_buf(),
            source,
        };
        let mut conn = Connection::open_in_memory_with_flags(
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err)?;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), true)
            .map_err(err)?;
        CityPack::checked(conn, name)
    }

    /// The settings and checks every pack connection gets before its first query.
    fn checked(conn: Connection, path: &Path) -> Result<CityPack, StoreError> {
        let err = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)
            .map_err(err)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)
            .map_err(err)?;
        conn.execute_batch(
            "PRAGMA cell_size_check = ON; PRAGMA mmap_size = 0; PRAGMA cache_size = -16384;",
        )
        .map_err(err)?;
        crate::search::register_rank(&conn).map_err(err)?;

        let not_a_pack = |reason: String| StoreError::NotAPack {
            path: path.to_path_buf(),
            reason,
        };
        let app_id: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| not_a_pack(e.to_string()))?;
        if app_id != PACK_APPLICATION_ID {
            return Err(not_a_pack(format!("application_id is {app_id:#x}")));
        }
        let schema: i32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(err)?;
        if schema != PACK_SCHEMA_VERSION {
            return Err(not_a_pack(format!(
                "schema version {schema}, this app reads {PACK_SCHEMA_VERSION}"
            )));
        }
        // Every object as the writer makes it, before anything queries one.
        shape::check(&conn).map_err(not_a_pack)?;
        let mut pack = CityPack {
            conn,
            path: path.to_path_buf(),
            languages: Vec::new(),
        };
        pack.languages = pack
            .meta("languages")?
            .split(',')
            .map(str::to_string)
            .collect();
        Ok(pack)
    }

    /// Opens a pack and runs SQLite's `quick_check` over all of it: for packs that have just
    /// arrived (installing, publishing), before anything else uses them.
    pub fn open_checked(path: &Path) -> Result<CityPack, StoreError> {
        let pack = CityPack::open(path)?;
        let damaged = |details: String| StoreError::Damaged {
            path: path.to_path_buf(),
            details,
        };
        let check: Vec<String> = pack
            .conn
            .prepare("PRAGMA quick_check")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| damaged(e.to_string()))?;
        if check != ["ok"] {
            return Err(damaged(check.join("; ")));
        }
        Ok(pack)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The languages every entry of this pack is complete in.
    pub fn languages(&self) -> &[String] {
        &self.languages
    }

    pub(crate) fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// For tests that count a query's work with a progress handler.
    #[cfg(test)]
    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The content version recorded in the pack (0 if unreadable, so any real pack wins).
    pub fn content_version(&self) -> u64 {
        self.meta("content_version")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    }

    pub fn meta(&self, key: &str) -> Result<String, StoreError> {
        self.value("SELECT value FROM pack_meta WHERE key = ?1", key)?
            .ok_or_else(|| StoreError::NotAPack {
                path: self.path.clone(),
                reason: format!("pack_meta has no `{key}`"),
            })
    }

    /// Runs a query whose rows are single strings (ids, mostly).
    fn strings(&self, sql: &str, params: impl rusqlite::Params) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params, |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Runs a query for a single value; `None` when there is no row.
    fn value<T: rusqlite::types::FromSql>(
        &self,
        sql: &str,
        arg: &str,
    ) -> Result<Option<T>, StoreError> {
        self.conn
            .prepare_cached(sql)
            .and_then(|mut stmt| stmt.query_row([arg], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    fn count(&self, sql: &str, arg: &str) -> Result<u32, StoreError> {
        Ok(self.value(sql, arg)?.unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_sqlite_is_refused_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.sqlite");
        std::fs::write(&path, b"this is not a database, just some bytes").unwrap();
        let err = CityPack::open(&path)
            .err()
            .expect("junk must be refused")
            .to_string();
        assert!(err.contains("junk.sqlite"), "{err}");
    }

    /// A pack whose schema was changed after it was built is refused when opened, naming the
    /// object, before any query could run into it.
    #[test]
    fn a_pack_whose_objects_differ_from_the_schema_is_refused_naming_them() {
        use super::testing::{craft, pack_of};
        let cases = [
            (
                "DROP TABLE place; CREATE VIEW place(service_id, position, lat, lon, opening_hours, phone) AS
                 WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)
                 SELECT 'x', n, 37.8, 27.8, NULL, NULL FROM r;",
                "`place` is a view where a table belongs",
            ),
            (
                "CREATE TABLE extra(x);",
                "a table `extra` the schema does not declare",
            ),
            (
                "CREATE TRIGGER t AFTER INSERT ON service BEGIN SELECT 1; END;",
                "a trigger `t`",
            ),
            ("CREATE INDEX i ON place(lat);", "an index `i`"),
            ("DROP TABLE search_typo;", "the table `search_typo` is missing"),
            (
                "DROP TABLE search_rows; CREATE TABLE search_rows(key TEXT, rows INTEGER);",
                "the table `search_rows` is not as the schema declares it",
            ),
            (
                "DROP TABLE search_data; CREATE VIEW search_data AS SELECT 1 AS id, x'' AS block;",
                "`search_data` is a view where a table belongs",
            ),
        ];
        for (sql, expected) in cases {
            let (_dir, path) = pack_of(2);
            CityPack::open(&path).expect("the pack as built opens");
            craft(&path, sql);
            let err = CityPack::open(&path).err().expect("must be refused");
            let shown = err.to_string();
            assert!(matches!(err, StoreError::NotAPack { .. }), "{shown}");
            assert!(shown.contains(expected), "{sql}: {shown}");
        }
    }

    #[test]
    fn a_sqlite_file_of_another_app_is_not_a_pack() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
        let err = CityPack::open(&path).err().expect("must be refused");
        assert!(matches!(err, StoreError::NotAPack { .. }), "{err}");
    }
}
