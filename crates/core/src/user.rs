//! The user database: settings now, favourites and course progress later. It is a separate
//! SQLite file from the city packs, so no content update can touch it.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

/// Append-only: a shipped migration is never edited; add a new one at the end.
/// The index + 1 of the last applied migration is stored in `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &[
    // 1: settings as key/value pairs.
    "CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
];

pub struct UserStore {
    conn: Connection,
}

impl UserStore {
    pub fn open(path: &Path) -> rusqlite::Result<UserStore> {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        UserStore::migrate(Connection::open(path)?)
    }

    pub fn open_in_memory() -> rusqlite::Result<UserStore> {
        UserStore::migrate(Connection::open_in_memory()?)
    }

    fn migrate(mut conn: Connection) -> rusqlite::Result<UserStore> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let applied: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index + 1)?;
            tx.commit()?;
        }
        Ok(UserStore { conn })
    }

    pub fn schema_version(&self) -> rusqlite::Result<usize> {
        self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))
    }

    pub fn setting(&self, key: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
    }

    pub fn set_setting(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        self.conn
            .execute(
                "INSERT INTO setting(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map(|_| ())
    }

    pub fn language(&self) -> rusqlite::Result<Option<String>> {
        self.setting("language")
    }

    pub fn set_language(&self, lang: &str) -> rusqlite::Result<()> {
        self.set_setting("language", lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_twice_without_harm() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.sqlite");
        let first = UserStore::open(&path).unwrap();
        first.set_language("ar").unwrap();
        drop(first);
        let second = UserStore::open(&path).unwrap();
        assert_eq!(second.schema_version().unwrap(), MIGRATIONS.len());
        assert_eq!(second.language().unwrap().as_deref(), Some("ar"));
    }

    #[test]
    fn migrations_run_twice_in_memory() {
        let store = UserStore::open_in_memory().unwrap();
        let conn = UserStore::migrate(store.conn).unwrap();
        assert_eq!(conn.schema_version().unwrap(), MIGRATIONS.len());
    }

    #[test]
    fn a_setting_is_replaced_not_duplicated() {
        let store = UserStore::open_in_memory().unwrap();
        assert_eq!(store.language().unwrap(), None);
        store.set_language("tr").unwrap();
        store.set_language("en").unwrap();
        assert_eq!(store.language().unwrap().as_deref(), Some("en"));
    }
}
