//! The user database: settings, the steps of first-steps paths the person ticked, and
//! progress through courses (`progress`). It is a separate SQLite file from the city packs,
//! so no content update can touch it.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

mod kept;
mod progress;

pub use kept::{Loader, NotSaved, Saver};
pub use progress::ATTEMPTS_KEPT;

/// Append-only: a shipped migration is never edited; add a new one at the end.
/// The index + 1 of the last applied migration is stored in `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &[
    // 1: settings as key/value pairs.
    "CREATE TABLE setting(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;",
    // 2: the steps of first-steps paths the person ticked, by service, so a content update
    // that reorders a path keeps them.
    "CREATE TABLE path_tick(
        path_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        PRIMARY KEY(path_id, service_id)
    ) WITHOUT ROWID;",
    // 3: progress through courses. `lesson_progress` is one row per lesson the person opened:
    // the step they were at, quiz attempts begun, and the best score and day finished for
    // the lesson `version` they were earned on. `quiz_answer` is the attempt under way;
    // `quiz_attempt` every finished attempt, kept when the lesson changes.
    "CREATE TABLE lesson_progress(
        course_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        step INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        best_score INTEGER,
        out_of INTEGER,
        completed TEXT,
        version TEXT,
        PRIMARY KEY(course_id, lesson_id)
    ) WITHOUT ROWID;
    CREATE TABLE quiz_answer(
        course_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        version TEXT NOT NULL,
        question INTEGER NOT NULL,
        tries INTEGER NOT NULL,
        first_right INTEGER NOT NULL,
        solved INTEGER NOT NULL,
        PRIMARY KEY(course_id, lesson_id, question)
    ) WITHOUT ROWID;
    CREATE TABLE quiz_attempt(
        course_id TEXT NOT NULL,
        lesson_id TEXT NOT NULL,
        version TEXT NOT NULL,
        finished TEXT NOT NULL,
        score INTEGER NOT NULL,
        out_of INTEGER NOT NULL
    );",
];

pub struct UserStore {
    /// In a cell because taking a snapshot needs the connection to itself.
    conn: RefCell<Connection>,
    /// Where an in-memory store keeps itself after each change (the web app: browser storage).
    saver: Option<Saver>,
    /// Reads that storage again, for a store it is shared with other tabs of the site.
    loader: Option<Loader>,
    /// The database as that storage held it when this store last read or wrote it.
    seen: RefCell<Option<Vec<u8>>>,
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
        // A removed row (an unticked step, a reset lesson) is overwritten with zeros, not
        // left readable in the file or in the web app's saved copy.
        conn.pragma_update(None, "secure_delete", "ON")?;
        let applied: usize = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        for (index, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", index + 1)?;
            tx.commit()?;
        }
        Ok(UserStore {
            conn: RefCell::new(conn),
            saver: None,
            loader: None,
            seen: RefCell::new(None),
        })
    }

    pub fn schema_version(&self) -> rusqlite::Result<usize> {
        self.conn
            .borrow()
            .query_row("PRAGMA user_version", [], |r| r.get(0))
    }

    pub fn setting(&self, key: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .borrow()
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
    }

    pub fn set_setting(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        self.caught_up()?;
        self.conn.borrow().execute(
            "INSERT INTO setting(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        self.saved()
    }

    pub fn language(&self) -> rusqlite::Result<Option<String>> {
        self.setting("language")
    }

    pub fn set_language(&self, lang: &str) -> rusqlite::Result<()> {
        self.set_setting("language", lang)
    }

    /// The services of path `path_id` the person ticked as done.
    pub fn ticks(&self, path_id: &str) -> rusqlite::Result<BTreeSet<String>> {
        let conn = self.conn.borrow();
        let mut stmt = conn.prepare("SELECT service_id FROM path_tick WHERE path_id = ?1")?;
        let rows = stmt.query_map([path_id], |r| r.get(0))?;
        rows.collect()
    }

    /// Ticks (or unticks) the step of `path_id` that goes to `service_id`.
    pub fn set_tick(&self, path_id: &str, service_id: &str, done: bool) -> rusqlite::Result<()> {
        self.caught_up()?;
        let sql = match done {
            true => "INSERT OR IGNORE INTO path_tick(path_id, service_id) VALUES (?1, ?2)",
            false => "DELETE FROM path_tick WHERE path_id = ?1 AND service_id = ?2",
        };
        self.conn.borrow().execute(sql, [path_id, service_id])?;
        self.saved()
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
        let conn = UserStore::migrate(store.conn.into_inner()).unwrap();
        assert_eq!(conn.schema_version().unwrap(), MIGRATIONS.len());
    }

    #[test]
    fn an_undone_tick_is_not_left_readable_in_the_file_or_the_saved_copy() {
        const TRACE: &[u8] = b"step-nobody-should-find";
        let holds = |bytes: &[u8]| bytes.windows(TRACE.len()).any(|w| w == TRACE);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.sqlite");
        let store = UserStore::open(&path).unwrap();
        store.set_tick("arrival", "clinic", true).unwrap();
        store
            .set_tick("arrival", "step-nobody-should-find", true)
            .unwrap();
        store
            .set_tick("arrival", "step-nobody-should-find", false)
            .unwrap();
        drop(store);
        assert!(
            !holds(&std::fs::read(&path).unwrap()),
            "the file keeps the undone tick"
        );
        // The web app's store: the whole database as saved in browser storage.
        let saved = std::rc::Rc::new(RefCell::new(Vec::new()));
        let keep = saved.clone();
        let web = UserStore::in_memory_saved_by(
            None,
            Box::new(move |b| {
                *keep.borrow_mut() = b.to_vec();
                Ok(())
            }),
        )
        .unwrap();
        web.set_tick("arrival", "step-nobody-should-find", true)
            .unwrap();
        assert!(
            holds(&saved.borrow()),
            "the saved copy should hold the tick while it is set"
        );
        web.set_tick("arrival", "step-nobody-should-find", false)
            .unwrap();
        assert!(
            !holds(&saved.borrow()),
            "the saved copy keeps the undone tick"
        );
    }

    #[test]
    fn ticks_are_kept_per_path_and_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("user.sqlite");
        let store = UserStore::open(&path).unwrap();
        store.set_tick("arrival", "clinic", true).unwrap();
        store.set_tick("arrival", "clinic", true).unwrap();
        store.set_tick("arrival", "course", true).unwrap();
        store.set_tick("work", "clinic", true).unwrap();
        store.set_tick("arrival", "course", false).unwrap();
        drop(store);
        let again = UserStore::open(&path).unwrap();
        let ticks: Vec<String> = again.ticks("arrival").unwrap().into_iter().collect();
        assert_eq!(ticks, ["clinic"]);
        assert_eq!(again.ticks("work").unwrap().len(), 1);
        assert!(again.ticks("other").unwrap().is_empty());
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
