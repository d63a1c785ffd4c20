//! Nearby from a pack: the spatial index over its places, and the rows the Nearby screen
//! and `merhaba-pack nearby` both show.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::types::Value;

use super::schema::owner;
use super::{CityPack, StoreError};
use crate::hours::{CityClock, Hours};
use crate::l10n::LanguageChain;
use crate::model::{HoursLine, NearbyRow};
use crate::nearby::{CityArea, Filter, NearbyIndex, NearbyPlace};
use crate::position::Position;

/// What Nearby needs from a pack beyond texts, built once per pack (about a third of a second
/// for 100,000 places): the city's clock, the spatial index and the city's area.
pub struct NearbyData {
    pub clock: CityClock,
    pub index: NearbyIndex,
    pub area: CityArea,
}

/// A Nearby question: where the person is, how many places, which topic and whether only
/// places open at `now`; `now` is also the instant every hours line is worded for.
#[derive(Clone, Debug)]
pub struct NearbyQuery {
    pub at: Position,
    pub k: usize,
    pub filter: Filter,
    pub now: DateTime<Utc>,
}

impl CityPack {
    /// The clock, the spatial index and the area of this pack.
    pub fn nearby_data(&self) -> Result<NearbyData, StoreError> {
        let clock = self.clock()?;
        Ok(NearbyData {
            index: self.nearby_index(&clock)?,
            area: self.area()?,
            clock,
        })
    }

    /// The places nearest to `query.at`, nearest first, each with its service, its first
    /// topic, its distance and direction, and what its opening hours say at `query.now`
    /// (read when the index was built, not parsed again), in the reader's language.
    pub fn nearby(
        &self,
        data: &NearbyData,
        query: &NearbyQuery,
        chain: &LanguageChain,
    ) -> Result<Vec<NearbyRow>, StoreError> {
        let today = data.clock.local(query.now).date();
        let mut rows = Vec::new();
        // Read only what the rows show: each listed service once, each listed place alone.
        let mut summaries = HashMap::new();
        for hit in data.index.nearest(query.at, query.k, &query.filter) {
            let found = data.index.place(hit.index);
            let summary = match summaries.get(&found.service_id) {
                Some(summary) => summary,
                None => {
                    let summary = self.service_summary(&found.service_id, chain)?;
                    summaries.entry(found.service_id.clone()).or_insert(summary)
                }
            };
            let summary = summary.clone();
            let places = self.places_at(&found.service_id, Some(found.place), chain)?;
            let Some((_, place)) = places.into_iter().next() else {
                continue;
            };
            let mut category = None;
            for id in &found.categories {
                if let Some(icon) = self.value("SELECT icon FROM category WHERE id = ?1", id)? {
                    let name = self.texts(&owner::category(id))?.get("name", chain);
                    category = Some((icon, name));
                    break;
                }
            }
            rows.push(NearbyRow {
                rank: rows.len() + 1,
                service_id: found.service_id.clone(),
                service_name: summary.name,
                place: found.place,
                geo_uri: place.geo_uri(),
                place_name: place.name,
                category,
                position: found.position,
                distance_m: hit.distance_m,
                bearing_deg: hit.bearing_deg,
                hours: found.hours.as_ref().map(|h| HoursLine {
                    status: h.status(query.now),
                    raw: h.raw().to_string(),
                    today,
                }),
                phone: place.phone,
                sample: summary.sample,
            });
        }
        Ok(rows)
    }

    /// The spatial index over every place of the pack, with each place's categories and
    /// opening hours read in the city's time zone. Two passes, each linear: the categories
    /// of every service (one pass over `service_submenu` in its key order, so each service
    /// lists its categories as before), then the places. A place row that cannot be read
    /// (a NULL or a text where a number belongs, a position off the globe) is left out and
    /// named in `NearbyIndex::skipped`, instead of failing all of Nearby.
    pub fn nearby_index(&self, clock: &CityClock) -> Result<NearbyIndex, StoreError> {
        let mut categories: HashMap<String, Vec<String>> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT ss.service_id, s.category_id FROM service_submenu ss
                 JOIN submenu s ON s.id = ss.submenu_id
                 ORDER BY ss.submenu_id, ss.service_id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let (Ok(Some(service)), Ok(Some(category))) = (
                row.get::<_, Option<String>>(0),
                row.get::<_, Option<String>>(1),
            ) else {
                continue;
            };
            let list = categories.entry(service).or_default();
            if !list.contains(&category) {
                list.push(category);
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT service_id, position, lat, lon, opening_hours FROM place
                 WHERE closed_since IS NULL AND moved_to IS NULL
                 ORDER BY service_id, position",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut places = Vec::new();
        let mut skipped = Vec::new();
        // Most places share a handful of hours strings: each is parsed once.
        let mut parsed: HashMap<String, Hours> = HashMap::new();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let mut read = || -> Result<NearbyPlace, String> {
                let service_id: String = row.get(0).map_err(|e| e.to_string())?;
                let place: usize = row.get(1).map_err(|e| e.to_string())?;
                let lat: f64 = row.get(2).map_err(|e| e.to_string())?;
                let lon: f64 = row.get(3).map_err(|e| e.to_string())?;
                let hours: Option<String> = row.get(4).map_err(|e| e.to_string())?;
                let position = Position::new(lat, lon).map_err(|e| e.to_string())?;
                Ok(NearbyPlace {
                    categories: categories.get(&service_id).cloned().unwrap_or_default(),
                    service_id,
                    place,
                    position,
                    hours: hours.map(|h| {
                        let hours = parsed.entry(h).or_insert_with_key(|h| clock.hours(h));
                        hours.clone()
                    }),
                })
            };
            match read() {
                Ok(place) => places.push(place),
                Err(problem) => {
                    let key = |i| match row.get::<_, Value>(i) {
                        Ok(Value::Text(t)) => t.chars().take(60).collect(),
                        Ok(Value::Integer(n)) => n.to_string(),
                        _ => "?".to_string(),
                    };
                    skipped.push(format!("place {}/{}: {problem}", key(0), key(1)));
                }
            }
        }
        Ok(NearbyIndex::new(places).with_skipped(skipped))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;

    use super::super::testing::{craft, pack_of};
    use super::*;

    /// SQLite virtual-machine steps (in hundreds) that `run` takes on `pack`.
    fn work<T>(pack: &mut CityPack, run: impl FnOnce(&CityPack) -> T) -> (T, u64) {
        let steps = Arc::new(AtomicU64::new(0));
        let counter = steps.clone();
        pack.conn_mut()
            .progress_handler(
                100,
                Some(move || {
                    counter.fetch_add(1, Ordering::Relaxed);
                    false
                }),
            )
            .unwrap();
        let result = run(pack);
        pack.conn_mut()
            .progress_handler(100, None::<fn() -> bool>)
            .unwrap();
        (result, steps.load(Ordering::Relaxed))
    }

    /// The steps that building the index takes.
    fn index_work(mut pack: CityPack) -> u64 {
        let clock = pack.clock().unwrap();
        let (index, steps) = work(&mut pack, |pack| pack.nearby_index(&clock).unwrap());
        assert!(!index.is_empty());
        steps
    }

    /// A Nearby question from the fixture's centre.
    fn question(k: usize) -> NearbyQuery {
        NearbyQuery {
            at: Position::new(37.85, 27.85).unwrap(),
            k,
            filter: Default::default(),
            now: chrono::Utc::now(),
        }
    }

    /// Twice the services, about twice the work: the service-to-category lookup used to
    /// scan `service_submenu` for every place (10,000 services took 20 s).
    #[test]
    fn the_index_is_built_in_work_linear_in_the_places() {
        let (_a, small) = pack_of(400);
        let (_b, large) = pack_of(1600);
        let small = index_work(CityPack::open(&small).unwrap());
        let large = index_work(CityPack::open(&large).unwrap());
        assert!(
            large < small * 5,
            "4 times the places took {large} / {small} times the work"
        );
    }

    /// SQLite steps (in hundreds) of one Nearby listing of 50 places, from a pack whose one
    /// service has `places` places.
    fn listing_work(places: usize) -> u64 {
        let (_dir, path) = pack_of(1);
        craft(
            &path,
            &format!(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {places})
                 INSERT INTO place(service_id, position, lat, lon)
                 SELECT 'service-0', i, 37.85 + i * 0.00001, 27.85 FROM n;"
            ),
        );
        let mut pack = CityPack::open(&path).unwrap();
        let data = pack.nearby_data().unwrap();
        let chain = LanguageChain::new("en", pack.languages());
        let (rows, steps) = work(&mut pack, |pack| {
            pack.nearby(&data, &question(50), &chain).unwrap()
        });
        assert_eq!(rows.len(), 50);
        steps
    }

    /// A listing reads what its rows show, not every place of every listed service: 50
    /// rows of a service with 1,500 places cost about what 50 rows of one with 100 do (it
    /// used to be 15 times as much, and 7 s).
    #[test]
    fn a_listing_costs_its_rows_not_the_places_of_their_services() {
        let (small, large) = (listing_work(100), listing_work(1500));
        assert!(
            large < small * 2,
            "15 times the places took {large} / {small} times the work"
        );
    }

    /// A holiday date that is not text, a place name that is not UTF-8 and an opening-hours
    /// string of a megabyte (a crafted pack): each leaves out what it is, and Nearby lists
    /// every place, the long hours unparsed and cut to the validator's limit.
    #[test]
    fn a_bad_holiday_name_or_hours_row_does_not_stop_nearby() {
        let (_dir, path) = pack_of(3);
        craft(
            &path,
            &format!(
                "INSERT INTO holiday(date, from_time) VALUES (x'00ff', NULL);
                 UPDATE text SET value = CAST(x'ff00fe' AS TEXT)
                   WHERE owner = '{}' AND field = 'name';
                 UPDATE place SET opening_hours = '{}' WHERE service_id = 'service-2';",
                owner::place("service-1", 0),
                "Mo-Fr 08:00-17:00; ".repeat(50_000)
            ),
        );
        let pack = CityPack::open(&path).unwrap();
        let data = pack.nearby_data().unwrap();
        let query = question(10);
        let chain = LanguageChain::new("en", pack.languages());
        let rows = pack.nearby(&data, &query, &chain).unwrap();
        assert_eq!(rows.len(), 3);
        let long = rows.iter().find(|r| r.service_id == "service-2").unwrap();
        let hours = long.hours.as_ref().unwrap();
        assert_eq!(hours.raw.chars().count(), crate::hours::HOURS_MAX_CHARS);
    }

    /// A row of the wrong type (NULL latitude, text longitude, a position off the globe)
    /// leaves out that place, named, and Nearby still lists the others.
    #[test]
    fn a_bad_place_row_is_skipped_and_named() {
        let (_dir, path) = pack_of(6);
        // A NULL where the schema says NOT NULL: written with the constraint lifted, then
        // the schema put back as it was, as a crafted file would be.
        let schema = |from: &str, to: &str| {
            format!(
                "PRAGMA writable_schema = ON;
                 UPDATE sqlite_master SET sql = replace(sql, '{from}', '{to}') WHERE name = 'place';"
            )
        };
        craft(&path, &schema("lat REAL NOT NULL", "lat REAL"));
        craft(
            &path,
            "UPDATE place SET lat = NULL WHERE service_id = 'service-1';
             UPDATE place SET lon = 'east' WHERE service_id = 'service-2';
             UPDATE place SET lat = 97.0 WHERE service_id = 'service-3';",
        );
        craft(&path, &schema("lat REAL,", "lat REAL NOT NULL,"));
        let pack = CityPack::open(&path).unwrap();
        let data = pack.nearby_data().unwrap();
        assert_eq!(data.index.len(), 3);
        let skipped = data.index.skipped().join("\n");
        for id in ["service-1/0", "service-2/0", "service-3/0"] {
            assert!(skipped.contains(id), "{skipped}");
        }
        let query = question(10);
        let chain = LanguageChain::new("en", pack.languages());
        let rows = pack.nearby(&data, &query, &chain).unwrap();
        assert_eq!(rows.len(), 3);
        // The service page of a bad row still opens, without that place.
        let page = pack.service("service-1", &chain).unwrap().unwrap();
        assert!(page.places.is_empty());
    }
}
