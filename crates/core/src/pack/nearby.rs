//! Nearby from a pack: the spatial index over its places, and the rows the Nearby screen
//! and `merhaba-pack nearby` both show.

use chrono::{DateTime, Utc};

use super::schema::owner;
use super::{CityPack, StoreError};
use crate::hours::CityClock;
use crate::l10n::LanguageChain;
use crate::model::{HoursLine, NearbyRow};
use crate::nearby::{CityArea, Filter, NearbyIndex, NearbyPlace};
use crate::position::Position;

/// What Nearby needs from a pack beyond texts, built once per pack (100,000 places take
/// tens of milliseconds): the city's clock, the spatial index and the city's area.
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
        for hit in data.index.nearest(query.at, query.k, &query.filter) {
            let found = data.index.place(hit.index);
            let summary = self.service_summary(&found.service_id, chain)?;
            let places = self.places(&found.service_id, chain)?;
            let Some(place) = places.into_iter().nth(found.place) else {
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
}
