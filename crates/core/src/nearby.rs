//! "What is near me?": the k places nearest to a position, optionally only in some
//! categories or only those open now, from an R-tree over every place of a pack.
//!
//! Places are stored as points on the unit sphere (`Position::unit_vector`). The straight
//! chord between two such points grows with the great-circle distance, so the R-tree's
//! Euclidean nearest-neighbour walk visits places in exactly the order of their haversine
//! distance, with no special case for the antimeridian or the poles.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rstar::primitives::GeomWithData;
use rstar::RTree;
use serde::Serialize;

use crate::hours::Hours;
use crate::position::Position;

/// One place of a service, as the index holds it.
#[derive(Clone, Debug)]
pub struct NearbyPlace {
    pub service_id: String,
    /// The place's position in its service's list (`place.position` in the pack).
    pub place: usize,
    pub position: Position,
    /// Ids of the categories the service is listed under.
    pub categories: Vec<String>,
    pub hours: Option<Hours>,
}

/// Which places count: an empty category list means every category.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub categories: Vec<String>,
    /// Only places whose hours say open at this instant.
    pub open_at: Option<DateTime<Utc>>,
}

impl Filter {
    fn keeps(&self, place: &NearbyPlace) -> bool {
        let in_category = self.categories.is_empty()
            || place.categories.iter().any(|c| self.categories.contains(c));
        in_category
            && self
                .open_at
                .is_none_or(|now| place.hours.as_ref().is_some_and(|h| h.is_open(now)))
    }
}

/// A place found near a position.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    /// Index into the `NearbyIndex`'s places.
    pub index: usize,
    pub distance_m: f64,
    pub bearing_deg: f64,
}

type Entry = GeomWithData<[f64; 3], usize>;

/// The spatial index over all places of a pack: one R-tree over every place, and one per
/// category, so a topic filter walks only that topic's places instead of skipping the
/// others one by one.
pub struct NearbyIndex {
    places: Vec<NearbyPlace>,
    all: RTree<Entry>,
    by_category: HashMap<String, RTree<Entry>>,
    skipped: Vec<String>,
}

impl NearbyIndex {
    pub fn new(places: Vec<NearbyPlace>) -> NearbyIndex {
        let entry = |i: usize| Entry::new(places[i].position.unit_vector(), i);
        let mut members: HashMap<&str, Vec<Entry>> = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            // Once per category, even if the list names one twice.
            let mut categories: Vec<&str> = p.categories.iter().map(String::as_str).collect();
            categories.sort_unstable();
            categories.dedup();
            for c in categories {
                members.entry(c).or_default().push(entry(i));
            }
        }
        let by_category = members
            .into_iter()
            .map(|(c, entries)| (c.to_string(), RTree::bulk_load(entries)))
            .collect();
        NearbyIndex {
            all: RTree::bulk_load((0..places.len()).map(entry).collect()),
            by_category,
            places,
            skipped: Vec::new(),
        }
    }

    /// The same index, noting places of the source that could not be read and were left
    /// out (each described with its service and position, and what was wrong).
    pub fn with_skipped(self, skipped: Vec<String>) -> NearbyIndex {
        NearbyIndex { skipped, ..self }
    }

    /// The places left out because they could not be read.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    pub fn place(&self, index: usize) -> &NearbyPlace {
        &self.places[index]
    }

    /// The `k` places nearest to `at` that pass `filter`, nearest first.
    pub fn nearest(&self, at: Position, k: usize, filter: &Filter) -> Vec<Hit> {
        let query = at.unit_vector();
        let trees: Vec<&RTree<Entry>> = if filter.categories.is_empty() {
            vec![&self.all]
        } else {
            // The k nearest of a union of categories are among the k nearest of each.
            filter
                .categories
                .iter()
                .filter_map(|c| self.by_category.get(c))
                .collect()
        };
        let mut indexes: Vec<usize> = trees
            .into_iter()
            .flat_map(|tree| {
                tree.nearest_neighbor_iter(&query)
                    .filter(|e| filter.keeps(&self.places[e.data]))
                    .take(k)
                    .map(|e| e.data)
            })
            .collect();
        indexes.sort_unstable();
        indexes.dedup();
        let mut hits: Vec<Hit> = indexes.into_iter().map(|i| self.hit(at, i)).collect();
        // Each tree gives its places in this order already; sorting the hits by the
        // distance shown merges the trees, removes any last-bit disagreement between chord
        // and haversine on near-ties, and puts places at the same distance in index order.
        hits.sort_by(by_distance);
        hits.truncate(k);
        hits
    }

    /// The same answer by computing every distance and sorting: what apps without a
    /// spatial index do. The baseline of the benchmark and the reference of the tests.
    pub fn nearest_by_scan(&self, at: Position, k: usize, filter: &Filter) -> Vec<Hit> {
        let mut hits: Vec<Hit> = (0..self.places.len())
            .filter(|&i| filter.keeps(&self.places[i]))
            .map(|i| self.hit(at, i))
            .collect();
        hits.sort_by(by_distance);
        hits.truncate(k);
        hits
    }

    fn hit(&self, at: Position, index: usize) -> Hit {
        let to = &self.places[index].position;
        Hit {
            index,
            distance_m: at.distance_m(to),
            bearing_deg: at.bearing_deg(to),
        }
    }
}

fn by_distance(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    a.distance_m
        .total_cmp(&b.distance_m)
        .then(a.index.cmp(&b.index))
}

/// Where a city pack applies: its centre and bounding box.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CityArea {
    pub city: String,
    pub centre: Position,
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl CityArea {
    pub fn contains(&self, at: &Position) -> bool {
        (self.south..=self.north).contains(&at.lat()) && (self.west..=self.east).contains(&at.lon())
    }
}

/// For a person outside every city: the city whose centre is nearest, and how far it is.
/// `None` when `at` is inside one of them (or there are none).
pub fn nearest_city(at: &Position, cities: &[CityArea]) -> Option<(CityArea, f64)> {
    if cities.iter().any(|c| c.contains(at)) {
        return None;
    }
    cities
        .iter()
        .map(|c| (c.clone(), at.distance_m(&c.centre)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index(points: &[(f64, f64, u8)]) -> NearbyIndex {
        NearbyIndex::new(
            points
                .iter()
                .enumerate()
                .map(|(i, &(lat, lon, cat))| NearbyPlace {
                    service_id: format!("s{i}"),
                    place: 0,
                    position: Position::new(lat, lon).unwrap(),
                    // Some places are listed under two topics, as services can be.
                    categories: if cat >= 128 {
                        vec![format!("c{}", cat % 4), format!("c{}", (cat / 4) % 4)]
                    } else {
                        vec![format!("c{}", cat % 4)]
                    },
                    hours: None,
                })
                .collect(),
        )
    }

    fn assert_same(a: &[Hit], b: &[Hit]) -> Result<(), TestCaseError> {
        prop_assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            // Equal distances may come in either order; the distances must agree.
            prop_assert!(
                (x.distance_m - y.distance_m).abs() < 1e-6,
                "{:?} {:?}",
                x,
                y
            );
        }
        // Every place strictly nearer than the last one must be in both.
        if let Some(last) = b.last() {
            let ids = |h: &[Hit]| {
                let mut v: Vec<usize> = h
                    .iter()
                    .filter(|x| x.distance_m < last.distance_m - 1e-6)
                    .map(|x| x.index)
                    .collect();
                v.sort();
                v
            };
            prop_assert_eq!(ids(a), ids(b));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn nearest_k_equals_a_brute_force_sort(
            points in prop::collection::vec((-90.0f64..=90.0, -180.0f64..=180.0, any::<u8>()), 0..300),
            lat in -90.0f64..=90.0, lon in -180.0f64..=180.0, k in 0usize..30,
            cat in 0u8..4,
        ) {
            let index = index(&points);
            let at = Position::new(lat, lon).unwrap();
            let all = Filter::default();
            assert_same(&index.nearest(at, k, &all), &index.nearest_by_scan(at, k, &all))?;
            let one = Filter { categories: vec![format!("c{cat}")], open_at: None };
            let found = index.nearest(at, k, &one);
            let wanted = format!("c{cat}");
            for h in &found {
                prop_assert!(index.place(h.index).categories.contains(&wanted));
            }
            assert_same(&found, &index.nearest_by_scan(at, k, &one))?;
            let two = Filter {
                categories: vec![format!("c{cat}"), format!("c{}", (cat + 1) % 4)],
                open_at: None,
            };
            let found = index.nearest(at, k, &two);
            let mut ids: Vec<usize> = found.iter().map(|h| h.index).collect();
            ids.dedup();
            prop_assert_eq!(ids.len(), found.len(), "a place listed twice");
            assert_same(&found, &index.nearest_by_scan(at, k, &two))?;
        }

        #[test]
        fn a_city_sized_cluster_is_ordered_like_brute_force(
            points in prop::collection::vec((37.7f64..38.0, 27.6f64..28.1, any::<u8>()), 1..400),
            lat in 37.7f64..38.0, lon in 27.6f64..28.1,
        ) {
            let index = index(&points);
            let at = Position::new(lat, lon).unwrap();
            let f = Filter::default();
            assert_same(&index.nearest(at, 20, &f), &index.nearest_by_scan(at, 20, &f))?;
        }
    }

    #[test]
    fn nearest_works_across_the_antimeridian() {
        let index = index(&[(0.0, 179.99, 0), (0.0, 170.0, 0), (0.0, -179.99, 0)]);
        let hits = index.nearest(Position::new(0.0, -179.999).unwrap(), 2, &Filter::default());
        let ids: Vec<usize> = hits.iter().map(|h| h.index).collect();
        assert_eq!(ids, [2, 0]);
        assert!(hits[1].distance_m < 3_000.0, "{:?}", hits[1]);
    }

    #[test]
    fn open_now_keeps_only_places_open_at_that_instant() {
        let clock = crate::hours::CityClock::new("Europe/Istanbul", Some("TR")).unwrap();
        let mk = |lat: f64, hours: Option<&str>| NearbyPlace {
            service_id: format!("{lat}"),
            place: 0,
            position: Position::new(lat, 27.8).unwrap(),
            categories: vec!["health".into()],
            hours: hours.map(|h| clock.hours(h)),
        };
        let index = NearbyIndex::new(vec![
            mk(37.80, Some("Mo-Fr 08:00-17:00")),
            mk(37.81, Some("24/7")),
            mk(37.82, None),
            mk(37.83, Some("not readable")),
        ]);
        // 2026-11-28 is a Saturday; 10:00 in Istanbul is 07:00 UTC.
        let saturday = "2026-11-28T07:00:00Z".parse().unwrap();
        let f = Filter {
            categories: vec![],
            open_at: Some(saturday),
        };
        let hits = index.nearest(Position::new(37.79, 27.8).unwrap(), 10, &f);
        let ids: Vec<&str> = hits
            .iter()
            .map(|h| index.place(h.index).service_id.as_str())
            .collect();
        assert_eq!(ids, ["37.81"]);
    }

    #[test]
    fn someone_outside_every_city_is_told_the_nearest_one() {
        let aydin = CityArea {
            city: "aydin".into(),
            centre: Position::new(37.845, 27.845).unwrap(),
            south: 37.25,
            west: 26.95,
            north: 38.25,
            east: 28.95,
        };
        let inside = Position::new(37.9, 27.9).unwrap();
        assert_eq!(nearest_city(&inside, std::slice::from_ref(&aydin)), None);
        // Istanbul, Sultanahmet: about 340 km north of Aydın.
        let istanbul = Position::new(41.0054, 28.9768).unwrap();
        let (city, d) = nearest_city(&istanbul, std::slice::from_ref(&aydin)).unwrap();
        assert_eq!(city.city, "aydin");
        assert!((340_000.0..380_000.0).contains(&d), "{d}");
        assert_eq!(nearest_city(&istanbul, &[]), None);
    }
}
