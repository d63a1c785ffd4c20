//! The user database kept in memory and saved whole after each change, in storage other
//! writers may share: the web app keeps it in browser storage, which every open tab of the
//! site reads and writes.

use std::cell::RefCell;

use rusqlite::Connection;

use super::UserStore;

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
    pub(super) fn caught_up(&self) -> rusqlite::Result<()> {
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
    pub(super) fn saved(&self) -> rusqlite::Result<()> {
        if let Some(save) = &self.saver {
            let bytes = self.snapshot()?;
            save(&bytes)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(NotSaved(e))))?;
            *self.seen.borrow_mut() = Some(bytes);
        }
        Ok(())
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
    use std::collections::BTreeSet;

    use super::super::MIGRATIONS;
    use super::*;

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
