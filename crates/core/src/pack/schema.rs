//! The SQL layout of a city pack: every table, in one place, for the writer
//! (`pack::write`, `search::index`) and the reader (`pack::read`, `search::query`).

/// `PRAGMA application_id` of every city pack ("MRHB"), so a stray SQLite file is not mistaken for one.
pub const PACK_APPLICATION_ID: i32 = 0x4D52_4842;

/// `PRAGMA user_version` of packs this code reads and writes. Bump it when the layout changes.
pub const PACK_SCHEMA_VERSION: i32 = 10;

/// Tables of a city pack. Structure (what links to what) sits in typed tables that map onto
/// Open Referral HSDS 3.0; every translated string sits in `text`, keyed by owner, field and
/// language, so one piece of code resolves the fallback chain for all of them; `translation`
/// holds each language's review status, for the city (its menus) and for each service.
/// A `source` row backs its service as a whole, the `sections` it names (comma-separated),
/// or, with `place` set, that place's address, hours and phone. `holiday` holds the public
/// holidays the hours engine's country calendar lacks, and half days (`from_time`). `path`
/// and `path_step` hold the first-steps paths, each step a service. `course`, `lesson`,
/// `card` and `question` hold the courses for advisors: a question's `choices` are counted
/// from 1 (a true-false question's are True and False) and `right` lists the right ones,
/// comma-separated; a lesson's `version` changes when its questions do (see
/// `crate::course::lesson_version`). `image` holds the pictures cards show.
pub const PACK_SCHEMA: &str = "
CREATE TABLE pack_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE emergency(number TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE locality(
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('district', 'landmark')),
    position INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE category(id TEXT PRIMARY KEY, position INTEGER NOT NULL, icon TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE submenu(
    id TEXT PRIMARY KEY,
    category_id TEXT NOT NULL REFERENCES category(id),
    position INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE service(
    id TEXT PRIMARY KEY,
    sample INTEGER NOT NULL,
    checked TEXT,
    drafted TEXT,
    sensitive INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE helpline(
    service_id TEXT NOT NULL REFERENCES service(id),
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    PRIMARY KEY(service_id, position)
) WITHOUT ROWID;
CREATE TABLE service_submenu(
    submenu_id TEXT NOT NULL REFERENCES submenu(id),
    service_id TEXT NOT NULL REFERENCES service(id),
    PRIMARY KEY(submenu_id, service_id)
) WITHOUT ROWID;
CREATE TABLE place(
    service_id TEXT NOT NULL REFERENCES service(id),
    position INTEGER NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    opening_hours TEXT,
    phone TEXT,
    place_id TEXT,
    closed_since TEXT,
    moved_to TEXT,
    PRIMARY KEY(service_id, position)
) WITHOUT ROWID;
CREATE TABLE link(
    service_id TEXT NOT NULL REFERENCES service(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY(service_id, position)
) WITHOUT ROWID;
CREATE TABLE source(
    service_id TEXT NOT NULL REFERENCES service(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    read TEXT,
    place INTEGER,
    sections TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(service_id, position)
) WITHOUT ROWID;
CREATE TABLE path(
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    sample INTEGER NOT NULL,
    checked TEXT,
    drafted TEXT
) WITHOUT ROWID;
CREATE TABLE path_step(
    path_id TEXT NOT NULL REFERENCES path(id),
    position INTEGER NOT NULL,
    service_id TEXT NOT NULL REFERENCES service(id),
    PRIMARY KEY(path_id, position)
) WITHOUT ROWID;
CREATE TABLE course(
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    sample INTEGER NOT NULL,
    checked TEXT,
    drafted TEXT
) WITHOUT ROWID;
CREATE TABLE course_source(
    course_id TEXT NOT NULL REFERENCES course(id),
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    read TEXT,
    PRIMARY KEY(course_id, position)
) WITHOUT ROWID;
CREATE TABLE lesson(
    course_id TEXT NOT NULL REFERENCES course(id),
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    minutes INTEGER NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY(course_id, id)
) WITHOUT ROWID;
CREATE TABLE card(
    course_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    image TEXT REFERENCES image(name),
    service_id TEXT REFERENCES service(id),
    PRIMARY KEY(course_id, lesson_id, position),
    FOREIGN KEY(course_id, lesson_id) REFERENCES lesson(course_id, id)
) WITHOUT ROWID;
CREATE TABLE question(
    course_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple', 'true-false')),
    choices INTEGER NOT NULL,
    right TEXT NOT NULL,
    service_id TEXT REFERENCES service(id),
    PRIMARY KEY(course_id, lesson_id, position),
    FOREIGN KEY(course_id, lesson_id) REFERENCES lesson(course_id, id)
) WITHOUT ROWID;
CREATE TABLE image(name TEXT PRIMARY KEY, media_type TEXT NOT NULL, bytes BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE holiday(date TEXT PRIMARY KEY, from_time TEXT) WITHOUT ROWID;
CREATE TABLE translation(
    owner TEXT NOT NULL,
    lang TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('original', 'reviewed', 'unreviewed')),
    PRIMARY KEY(owner, lang)
) WITHOUT ROWID;
CREATE TABLE text(
    owner TEXT NOT NULL,
    field TEXT NOT NULL,
    lang TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY(owner, field, lang)
) WITHOUT ROWID;
";

/// The search index (`crate::search`): two FTS5 tables under the same rowids, `search`
/// with every text of a service in one language and `search_names` with its names and
/// keywords only; the common words; the row counts of words and short prefixes that
/// ranking reads; the words of names and keywords under their one-letter deletions, for
/// typo tolerance.
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

/// Owner keys of the `text` table: one function per kind, so writer and reader agree.
pub mod owner {
    pub const CITY: &str = "city";
    pub fn emergency(number: &str) -> String {
        format!("emergency/{number}")
    }
    pub fn locality(id: &str) -> String {
        format!("locality/{id}")
    }
    pub fn category(id: &str) -> String {
        format!("category/{id}")
    }
    pub fn submenu(id: &str) -> String {
        format!("submenu/{id}")
    }
    pub fn service(id: &str) -> String {
        format!("service/{id}")
    }
    pub fn place(service: &str, position: usize) -> String {
        format!("place/{service}/{position}")
    }
    pub fn link(service: &str, position: usize) -> String {
        format!("link/{service}/{position}")
    }
    pub fn path(id: &str) -> String {
        format!("path/{id}")
    }
    pub fn step(path: &str, position: usize) -> String {
        format!("step/{path}/{position}")
    }
    pub fn course(id: &str) -> String {
        format!("course/{id}")
    }
    pub fn lesson(course: &str, lesson: &str) -> String {
        format!("lesson/{course}/{lesson}")
    }
    pub fn card(course: &str, lesson: &str, position: usize) -> String {
        format!("card/{course}/{lesson}/{position}")
    }
    pub fn question(course: &str, lesson: &str, position: usize) -> String {
        format!("question/{course}/{lesson}/{position}")
    }
    /// The text field of a question's choice, counted from 1.
    pub fn choice(number: usize) -> String {
        format!("choice/{number}")
    }
}
