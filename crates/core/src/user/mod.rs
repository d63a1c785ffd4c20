//! The user database: settings, the steps of first-steps paths the person ticked, and
//! progress through courses (`progress`). It is a separate SQLite file from the city packs,
//! so no content update can touch it.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

mod progress;

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

/// Called with the whole database after each change of an in-memory store; says why it
/// could not keep it (browser storage full, or refused in a private window).
pub type Saver = Box<dyn Fn(&[u8]) -> Result<(), String>>;

/// What the storage a store is kept in holds now (the web app: browser storage, which every
/// open tab of the site writes).
pub type Loader = Box<dyn Fn() -> Option<Vec<u8>>>;

/// A change made in memory that its store could not keep ([`Saver`]). The change stays in
/// memory for the session, and the next change saves the whole database again.
#[derive(Debug, thiserror::Error)]
#[error("not kept in this browser's storage ({0}); it is tried again at the next change")]
pub struct NotSaved(pub String);

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

    /// An in-memory store that starts from `saved` (a database [`UserStore::snapshot`] gave,
    /// or nothing on first start) and hands its whole database to `save` after each change.
    /// The web app keeps it in browser storage this way: the database is a few kilobytes.
    /// Saved bytes that are not a user database are set aside, and the store starts empty.
    pub fn in_memory_saved_by(saved: Option<&[u8]>, save: Saver) -> rusqlite::Result<UserStore> {
        let conn = match saved.and_then(restored) {
            Some(conn) => conn,
            None => Connection::open_in_memory()?,
        };
        let mut store = UserStore::migrate(conn)?;
        store.saver = Some(save);
        Ok(store)
    }

    /// An in-memory store kept in storage that other writers share (the web app's tabs):
    /// it starts from what `load` gives, and every change starts from the newest database
    /// there, so one tab's answers are not undone by another tab's next save.
    pub fn in_memory_shared(load: Loader, save: Saver) -> rusqlite::Result<UserStore> {
        let seen = load();
        let mut store = UserStore::in_memory_saved_by(seen.as_deref(), save)?;
        store.loader = Some(load);
        store.seen = RefCell::new(seen);
        Ok(store)
    }

    /// Takes what another writer saved since this store last read or wrote its storage.
    /// Called before every change; a change that could not be saved stays in memory unless
    /// another writer saved meanwhile.
    fn caught_up(&self) -> rusqlite::Result<()> {
        let Some(load) = &self.loader else {
            return Ok(());
        };
        let now = load();
        if now == *self.seen.borrow() {
            return Ok(());
        }
        if let Some(conn) = now.as_deref().and_then(restored) {
            *self.conn.borrow_mut() = UserStore::migrate(conn)?.conn.into_inner();
        }
        *self.seen.borrow_mut() = now;
        Ok(())
    }

    /// The whole database as bytes, as a file of it would hold.
    pub fn snapshot(&self) -> rusqlite::Result<Vec<u8>> {
        Ok(self
            .conn
            .borrow_mut()
            .serialize(rusqlite::MAIN_DB)?
            .to_vec())
    }

    /// Hands the whole database to the saver; a save that fails is an error of the change
    /// that called it, so the screen that made it says so.
    fn saved(&self) -> rusqlite::Result<()> {
        if let Some(save) = &self.saver {
            let bytes = self.snapshot()?;
            save(&bytes)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(NotSaved(e))))?;
            *self.seen.borrow_mut() = Some(bytes);
        }
        Ok(())
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

/// Saved bytes as a user database in memory, or `None` when they are not one (storage
/// edited or cut short).
fn restored(bytes: &[u8]) -> Option<Connection> {
    let mut conn = Connection::open_in_memory().ok()?;
    conn.deserialize_read_exact(rusqlite::MAIN_DB, bytes, bytes.len(), false)
        .ok()?;
    conn.query_row("SELECT count(*) FROM setting", [], |r| r.get::<_, i64>(0))
        .ok()?;
    Some(conn)
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

    #[test]
    fn a_save_that_fails_is_an_error_of_its_change_and_the_next_change_saves_both() {
        use std::cell::Cell;
        use std::rc::Rc;
        let full = Rc::new(Cell::new(true));
        let saved: Rc<RefCell<Vec<u8>>> = Rc::default();
        let (is_full, keep) = (full.clone(), saved.clone());
        let store = UserStore::in_memory_saved_by(
            None,
            Box::new(move |bytes: &[u8]| {
                if is_full.get() {
                    return Err("QuotaExceededError".into());
                }
                *keep.borrow_mut() = bytes.to_vec();
                Ok(())
            }),
        )
        .unwrap();
        let err = store.set_tick("arrival", "clinic", true).unwrap_err();
        assert!(err.to_string().contains("QuotaExceededError"), "{err}");
        assert!(err.to_string().contains("tried again"), "{err}");
        // Still there for this session.
        assert_eq!(store.ticks("arrival").unwrap().len(), 1);
        full.set(false);
        store.set_tick("arrival", "course", true).unwrap();
        let again =
            UserStore::in_memory_saved_by(Some(&saved.borrow()), Box::new(|_| Ok(()))).unwrap();
        assert_eq!(
            again.ticks("arrival").unwrap().len(),
            2,
            "the first tick was saved with the second"
        );
    }

    /// Two tabs of the web app: two stores over one storage, each starting from what it held
    /// when it opened, changing in turn.
    #[test]
    fn two_stores_sharing_storage_keep_each_others_changes() {
        use std::rc::Rc;
        let storage: Rc<RefCell<Option<Vec<u8>>>> = Rc::default();
        let tab = || {
            let (from, to) = (storage.clone(), storage.clone());
            UserStore::in_memory_shared(
                Box::new(move || from.borrow().clone()),
                Box::new(move |bytes: &[u8]| {
                    *to.borrow_mut() = Some(bytes.to_vec());
                    Ok(())
                }),
            )
            .unwrap()
        };
        let (first, second) = (tab(), tab());
        first.set_tick("arrival", "clinic", true).unwrap();
        second.set_tick("arrival", "school", true).unwrap();
        first.set_language("fa").unwrap();
        second
            .set_setting("updates.unmetered_only", "true")
            .unwrap();
        first.set_tick("arrival", "school", false).unwrap();
        let reopened = tab();
        assert_eq!(
            reopened.ticks("arrival").unwrap(),
            BTreeSet::from(["clinic".to_string()]),
            "each tab's tick kept, and the untick made in the other tab"
        );
        assert_eq!(reopened.language().unwrap().as_deref(), Some("fa"));
        assert_eq!(
            reopened
                .setting("updates.unmetered_only")
                .unwrap()
                .as_deref(),
            Some("true")
        );
        // A tab whose storage holds something that is not a database goes on with what it
        // had (here from before the other tab's untick) and saves it whole again.
        *storage.borrow_mut() = Some(b"edited by hand".to_vec());
        second.set_tick("arrival", "bank", true).unwrap();
        let kept = BTreeSet::from(["bank", "clinic", "school"].map(String::from));
        assert_eq!(second.ticks("arrival").unwrap(), kept);
        assert_eq!(tab().ticks("arrival").unwrap(), kept);
    }

    #[test]
    fn an_in_memory_store_is_saved_after_each_change_and_restored() {
        use std::rc::Rc;
        let saved: Rc<RefCell<Vec<Vec<u8>>>> = Rc::default();
        let keep = |saved: &Rc<RefCell<Vec<Vec<u8>>>>| -> Saver {
            let saved = saved.clone();
            Box::new(move |bytes: &[u8]| {
                saved.borrow_mut().push(bytes.to_vec());
                Ok(())
            })
        };
        let store = UserStore::in_memory_saved_by(None, keep(&saved)).unwrap();
        assert_eq!(store.language().unwrap(), None);
        store.set_language("fa").unwrap();
        store.set_setting("updates.unmetered_only", "true").unwrap();
        assert_eq!(saved.borrow().len(), 2, "one save per change");
        let last = saved.borrow().last().unwrap().clone();
        // SQLite's own file format: the same bytes open as a file.
        assert!(last.starts_with(b"SQLite format 3\0"));

        let again = UserStore::in_memory_saved_by(Some(&last), keep(&saved)).unwrap();
        assert_eq!(again.language().unwrap().as_deref(), Some("fa"));
        assert_eq!(again.schema_version().unwrap(), MIGRATIONS.len());

        // Saved bytes that are not a user database (storage edited or cut short) start over
        // instead of stopping the app.
        for bad in [&b"not a database"[..], &last[..last.len() / 2], &[][..]] {
            let fresh = UserStore::in_memory_saved_by(Some(bad), keep(&saved)).unwrap();
            assert_eq!(fresh.language().unwrap(), None);
            fresh.set_language("ps").unwrap();
            assert_eq!(fresh.language().unwrap().as_deref(), Some("ps"));
        }
    }
}
