//! The city pack on the device: installing it safely and answering each screen's questions.
//!
//! A pack file is untrusted input (it may come from a feed or a damaged disk), so it is opened
//! read-only in SQLite's defensive mode and checked before any query runs.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::hours::CityClock;
use crate::l10n::LanguageChain;
use crate::model::*;
use crate::nearby::{CityArea, NearbyIndex, NearbyPlace};
use crate::pack_schema::{owner, PACK_APPLICATION_ID, PACK_SCHEMA_VERSION};
use crate::position::Position;

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

/// A `place` row before its texts are resolved.
struct PlaceRow {
    position: usize,
    lat: f64,
    lon: f64,
    opening_hours: Option<String>,
    phone: Option<String>,
}

/// An open, checked city pack.
pub struct CityPack {
    conn: Connection,
    path: PathBuf,
    languages: Vec<String>,
}

/// Every translation of every field of one owner, ready to be resolved along a language chain.
struct Texts(HashMap<String, Vec<(String, String)>>);

impl Texts {
    fn pick(&self, field: &str, chain: &LanguageChain) -> Option<Text> {
        let candidates = self.0.get(field)?;
        chain.langs().iter().find_map(|lang| {
            candidates
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(l, v)| Text {
                    value: v.clone(),
                    lang: l.clone(),
                })
        })
    }

    /// A required field: the validator guarantees every pack language has it, so an empty
    /// text only shows up for a damaged pack, and the page still renders.
    fn get(&self, field: &str, chain: &LanguageChain) -> Text {
        self.pick(field, chain).unwrap_or_else(|| Text {
            value: String::new(),
            lang: chain.reader().to_string(),
        })
    }
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
        let err = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open_with_flags(
            immutable_uri(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(err)?;
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

    fn texts(&self, owner: &str) -> Result<Texts, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT field, lang, value FROM text WHERE owner = ?1")
            .map_err(|e| self.err(e))?;
        let mut map: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let rows = stmt
            .query_map([owner], |r| {
                Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (field, lang, value) = row.map_err(|e| self.err(e))?;
            map.entry(field).or_default().push((lang, value));
        }
        Ok(Texts(map))
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

    /// The city's emergency numbers, the general one (112) first.
    pub fn emergency_numbers(
        &self,
        chain: &LanguageChain,
    ) -> Result<Vec<EmergencyNumber>, StoreError> {
        self.strings("SELECT number FROM emergency ORDER BY position", [])?
            .into_iter()
            .map(|number| {
                let label = self.texts(&owner::emergency(&number))?.get("label", chain);
                Ok(EmergencyNumber { number, label })
            })
            .collect()
    }

    pub fn city(&self, chain: &LanguageChain) -> Result<City, StoreError> {
        let texts = self.texts(owner::CITY)?;
        let emergency = self.emergency_numbers(chain)?;
        Ok(City {
            id: self.meta("city")?,
            name: texts.get("name", chain),
            languages: self.languages.clone(),
            content_version: self.content_version(),
            build_date: self.meta("build_date")?,
            emergency,
        })
    }

    pub fn categories(&self, chain: &LanguageChain) -> Result<Vec<CategorySummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, icon FROM category ORDER BY position")
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(id, icon)| {
                Ok(CategorySummary {
                    name: self.texts(&owner::category(&id))?.get("name", chain),
                    service_count: self.count(
                        "SELECT COUNT(DISTINCT ss.service_id) FROM service_submenu ss
                         JOIN submenu s ON s.id = ss.submenu_id WHERE s.category_id = ?1",
                        &id,
                    )?,
                    id,
                    icon,
                })
            })
            .collect()
    }

    pub fn category(
        &self,
        id: &str,
        chain: &LanguageChain,
    ) -> Result<Option<Category>, StoreError> {
        let icon: Option<String> = self.value("SELECT icon FROM category WHERE id = ?1", id)?;
        let Some(icon) = icon else { return Ok(None) };
        let submenus = self
            .strings(
                "SELECT id FROM submenu WHERE category_id = ?1 ORDER BY position",
                [id],
            )?
            .into_iter()
            .map(|sid| {
                Ok(SubmenuSummary {
                    name: self.texts(&owner::submenu(&sid))?.get("name", chain),
                    service_count: self.count(
                        "SELECT COUNT(*) FROM service_submenu WHERE submenu_id = ?1",
                        &sid,
                    )?,
                    id: sid,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(Category {
            id: id.to_string(),
            icon,
            name: self.texts(&owner::category(id))?.get("name", chain),
            submenus,
        }))
    }

    pub fn submenu(&self, id: &str, chain: &LanguageChain) -> Result<Option<Submenu>, StoreError> {
        let category_id: Option<String> =
            self.value("SELECT category_id FROM submenu WHERE id = ?1", id)?;
        let Some(category_id) = category_id else {
            return Ok(None);
        };
        let mut services = self
            .strings(
                "SELECT service_id FROM service_submenu WHERE submenu_id = ?1",
                [id],
            )?
            .into_iter()
            .map(|sid| self.service_summary(&sid, chain))
            .collect::<Result<Vec<_>, StoreError>>()?;
        services.sort_by_key(|s| s.name.value.to_lowercase());
        Ok(Some(Submenu {
            id: id.to_string(),
            name: self.texts(&owner::submenu(id))?.get("name", chain),
            category_name: self
                .texts(&owner::category(&category_id))?
                .get("name", chain),
            category_id,
            services,
        }))
    }

    pub fn service_summary(
        &self,
        id: &str,
        chain: &LanguageChain,
    ) -> Result<ServiceSummary, StoreError> {
        let texts = self.texts(&owner::service(id))?;
        let sample = self
            .value("SELECT sample FROM service WHERE id = ?1", id)?
            .unwrap_or(true);
        Ok(ServiceSummary {
            id: id.to_string(),
            name: texts.get("name", chain),
            summary: texts.get("summary", chain),
            sample,
        })
    }

    pub fn service(&self, id: &str, chain: &LanguageChain) -> Result<Option<Service>, StoreError> {
        let row: Option<(bool, String)> = self
            .conn
            .query_row(
                "SELECT sample, checked FROM service WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((sample, checked)) = row else {
            return Ok(None);
        };
        let texts = self.texts(&owner::service(id))?;

        let places = self.places(id, chain)?;

        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, url FROM link WHERE service_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let link_rows: Vec<(usize, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let links = link_rows
            .into_iter()
            .map(|(pos, url)| {
                Ok(Link {
                    title: self.texts(&owner::link(id, pos))?.get("title", chain),
                    url,
                })
            })
            .collect::<Result<_, StoreError>>()?;

        let mut stmt = self
            .conn
            .prepare_cached("SELECT url, title FROM source WHERE service_id = ?1 ORDER BY position")
            .map_err(|e| self.err(e))?;
        let sources = stmt
            .query_map([id], |r| {
                Ok(Source {
                    url: r.get(0)?,
                    title: r.get(1)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;

        let submenus = self
            .menu_paths(id, chain)?
            .into_iter()
            .map(|p| (p.submenu_id, p.submenu_name))
            .collect();

        Ok(Some(Service {
            id: id.to_string(),
            name: texts.get("name", chain),
            summary: texts.get("summary", chain),
            rights: texts.get("rights", chain),
            cost: texts.get("cost", chain),
            location_note: texts.pick("location", chain),
            places,
            links,
            sources,
            checked,
            sample,
            submenus,
        }))
    }

    /// The places of a service, in their order in the content.
    pub fn places(
        &self,
        service_id: &str,
        chain: &LanguageChain,
    ) -> Result<Vec<Place>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, lat, lon, opening_hours, phone FROM place
                 WHERE service_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let place_rows: Vec<PlaceRow> = stmt
            .query_map([service_id], |r| {
                Ok(PlaceRow {
                    position: r.get(0)?,
                    lat: r.get(1)?,
                    lon: r.get(2)?,
                    opening_hours: r.get(3)?,
                    phone: r.get(4)?,
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        place_rows
            .into_iter()
            .map(|row| {
                let t = self.texts(&owner::place(service_id, row.position))?;
                Ok(Place {
                    name: t.get("name", chain),
                    address: t.get("address", chain),
                    lat: row.lat,
                    lon: row.lon,
                    opening_hours: row.opening_hours,
                    phone: row.phone,
                })
            })
            .collect()
    }

    /// The city's clock: its time zone and, when the pack names its country, public holidays.
    pub fn clock(&self) -> Result<CityClock, StoreError> {
        let country = self.meta("country").ok();
        CityClock::new(&self.meta("timezone")?, country.as_deref()).map_err(|e| {
            StoreError::NotAPack {
                path: self.path.clone(),
                reason: e.to_string(),
            }
        })
    }

    /// Where this pack applies: its centre and bounding box.
    pub fn area(&self) -> Result<CityArea, StoreError> {
        let bad = |key: &str| StoreError::NotAPack {
            path: self.path.clone(),
            reason: format!("pack_meta `{key}` is not a list of coordinates"),
        };
        let numbers = |key: &str| -> Result<Vec<f64>, StoreError> {
            self.meta(key)?
                .split(',')
                .map(|v| v.trim().parse().map_err(|_| bad(key)))
                .collect()
        };
        let (c, b) = (numbers("centre")?, numbers("bbox")?);
        let (&[lat, lon], &[south, west, north, east]) = (c.as_slice(), b.as_slice()) else {
            return Err(bad("bbox"));
        };
        Ok(CityArea {
            city: self.meta("city")?,
            centre: Position::new(lat, lon).map_err(|_| bad("centre"))?,
            south,
            west,
            north,
            east,
        })
    }

    /// Districts and landmarks a person can pick as their position, districts first.
    pub fn localities(&self, chain: &LanguageChain) -> Result<Vec<Locality>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, kind, lat, lon FROM locality
                 ORDER BY kind = 'landmark', position",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, String, f64, f64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .filter_map(|(id, kind, lat, lon)| {
                // A row with impossible coordinates is skipped, not shown as a place to be.
                let position = Position::new(lat, lon).ok()?;
                Some((id, kind, position))
            })
            .map(|(id, kind, position)| {
                Ok(Locality {
                    name: self.texts(&owner::locality(&id))?.get("name", chain),
                    landmark: kind == "landmark",
                    id,
                    position,
                })
            })
            .collect()
    }

    /// The spatial index over every place of the pack, with each place's categories and
    /// opening hours read in the city's time zone.
    pub fn nearby_index(&self, clock: &CityClock) -> Result<NearbyIndex, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.service_id, p.position, p.lat, p.lon, p.opening_hours,
                        (SELECT group_concat(DISTINCT s.category_id) FROM service_submenu ss
                         JOIN submenu s ON s.id = ss.submenu_id WHERE ss.service_id = p.service_id)
                 FROM place p ORDER BY p.service_id, p.position",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, usize>(1)?,
                    r.get::<_, f64>(2)?,
                    r.get::<_, f64>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut places = Vec::new();
        for row in rows {
            let (service_id, place, lat, lon, hours, categories) = row.map_err(|e| self.err(e))?;
            let position = Position::new(lat, lon).map_err(|e| StoreError::Damaged {
                path: self.path.clone(),
                details: format!("place {service_id}/{place}: {e}"),
            })?;
            places.push(NearbyPlace {
                service_id,
                place,
                position,
                categories: categories
                    .map(|c| c.split(',').map(str::to_string).collect())
                    .unwrap_or_default(),
                hours: hours.map(|h| clock.hours(&h)),
            });
        }
        Ok(NearbyIndex::new(places))
    }

    /// The categories and submenus a service is listed under, in menu order.
    pub fn menu_paths(&self, id: &str, chain: &LanguageChain) -> Result<Vec<MenuPath>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.category_id, ss.submenu_id FROM service_submenu ss
                 JOIN submenu s ON s.id = ss.submenu_id JOIN category c ON c.id = s.category_id
                 WHERE ss.service_id = ?1 ORDER BY c.position, s.position",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(category_id, submenu_id)| {
                Ok(MenuPath {
                    category_name: self
                        .texts(&owner::category(&category_id))?
                        .get("name", chain),
                    submenu_name: self.texts(&owner::submenu(&submenu_id))?.get("name", chain),
                    category_id,
                    submenu_id,
                })
            })
            .collect()
    }

    /// Every service id, for tests and tools that walk the whole pack.
    pub fn service_ids(&self) -> Result<Vec<String>, StoreError> {
        self.strings("SELECT id FROM service ORDER BY id", [])
    }
}

/// Where the pack of `city` is installed in `dir`.
pub fn pack_path(dir: &Path, city: &str) -> PathBuf {
    dir.join(format!("{city}.sqlite"))
}

/// Installs a pack (for example the one embedded in the app) into `dir`, unless a sound pack
/// of the same city with the same or a newer content version is already there.
///
/// The new file is written beside the old one, checked, then renamed over it, so a crash
/// leaves either the old pack or the new one. Returns the path of the installed pack.
pub fn install_pack(dir: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let incoming = dir.join(INCOMING);
    std::fs::write(&incoming, bytes)
        .and_then(|()| std::fs::File::open(&incoming)?.sync_all())
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&incoming);
        })
        .map_err(io(&incoming))?;
    let (city, version) = {
        let pack = CityPack::open_checked(&incoming).inspect_err(|_| {
            let _ = std::fs::remove_file(&incoming);
        })?;
        (pack.meta("city")?, pack.content_version())
    };
    let target = pack_path(dir, &city);
    let installed = CityPack::open(&target).ok().map(|p| p.content_version());
    if installed.is_some_and(|v| v >= version) {
        std::fs::remove_file(&incoming).map_err(io(&incoming))?;
    } else {
        std::fs::rename(&incoming, &target).map_err(io(&target))?;
        // The rename itself must reach the disk before the update counts as done.
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io(dir))?;
    }
    Ok(target)
}

/// The file a pack is written to before it is checked and renamed into place.
const INCOMING: &str = "incoming.sqlite.tmp";

/// At start-up: opens the installed pack of `city` in `dir`, first installing `bytes` (a pack
/// of `version`, such as the one embedded in the app) only when no pack of that version or a
/// newer one is installed. The common case opens one file and writes nothing.
pub fn open_or_install(
    dir: &Path,
    city: &str,
    version: u64,
    bytes: &[u8],
) -> Result<CityPack, StoreError> {
    // A pack half written when the app was killed is of no use: it is never renamed into
    // place, only rewritten by the next install.
    let _ = std::fs::remove_file(dir.join(INCOMING));
    if let Ok(pack) = CityPack::open(&pack_path(dir, city)) {
        if pack.content_version() >= version {
            return Ok(pack);
        }
    }
    CityPack::open(&install_pack(dir, bytes)?)
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
