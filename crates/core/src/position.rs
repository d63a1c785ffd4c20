//! A point on the Earth and what a person walking there wants to know about another one:
//! how far, in which direction, how long on foot.
//!
//! Distances are great-circle distances by the haversine formula on a sphere of the mean
//! Earth radius (geo's `Haversine`, R = 6,371,008.8 m, `EARTH_RADIUS_M`). Against the WGS84
//! ellipsoid its error is at most about 0.6 %, i.e. under 6 m per kilometre: far below the
//! uncertainty of a coarse position fix, and it keeps the order of results identical to the
//! order of the spatial index (see `nearby`), which compares straight-line chords on the
//! same sphere.

use std::fmt;
use std::str::FromStr;

use geo::{Bearing, Distance, Haversine, Point};
use serde::Serialize;

/// The Earth radius the distances use (GRS80's mean radius, as geo's `Haversine`), for
/// anything that must agree with them, such as the map's scale.
pub const EARTH_RADIUS_M: f64 = geo::HaversineMeasure::GRS80_MEAN_RADIUS.radius();

/// Walking speed used for "N min on foot": 4.8 km/h, a common planning figure for adults
/// (slower than the 5 km/h often quoted, to allow for crossings and people carrying things).
pub const WALKING_METRES_PER_MINUTE: f64 = 80.0;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PositionError {
    #[error("{field} is not a finite number ({value})")]
    NotFinite { field: &'static str, value: f64 },
    #[error("{field} {value} is out of range ({range})")]
    OutOfRange {
        field: &'static str,
        value: f64,
        range: &'static str,
    },
    #[error("`{text}` is not a position: write LAT,LON in decimal degrees, e.g. 37.845,27.845")]
    Syntax { text: String },
}

/// A checked latitude and longitude in decimal degrees (WGS84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Position {
    lat: f64,
    lon: f64,
}

impl Position {
    /// Refuses NaN, infinities, latitudes outside ±90° and longitudes outside ±180°.
    pub fn new(lat: f64, lon: f64) -> Result<Position, PositionError> {
        for (field, value, limit, range) in [
            ("latitude", lat, 90.0, "-90 to 90"),
            ("longitude", lon, 180.0, "-180 to 180"),
        ] {
            if !value.is_finite() {
                return Err(PositionError::NotFinite { field, value });
            }
            if value.abs() > limit {
                return Err(PositionError::OutOfRange {
                    field,
                    value,
                    range,
                });
            }
        }
        Ok(Position { lat, lon })
    }

    pub fn lat(&self) -> f64 {
        self.lat
    }

    pub fn lon(&self) -> f64 {
        self.lon
    }

    fn point(&self) -> Point {
        Point::new(self.lon, self.lat)
    }

    /// Great-circle distance in metres.
    pub fn distance_m(&self, to: &Position) -> f64 {
        Haversine.distance(self.point(), to.point())
    }

    /// Initial bearing towards `to`, in degrees clockwise from north, 0 to 360.
    /// Identical points give 0.
    pub fn bearing_deg(&self, to: &Position) -> f64 {
        if self == to {
            return 0.0;
        }
        Haversine
            .bearing(self.point(), to.point())
            .rem_euclid(360.0)
    }

    /// The point on the unit sphere: straight-line distance between two of these grows
    /// with the great-circle distance, so a 3-D R-tree over them finds the nearest places
    /// on the globe, across the antimeridian and near the poles too.
    pub fn unit_vector(&self) -> [f64; 3] {
        let (lat, lon) = (self.lat.to_radians(), self.lon.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }
}

impl FromStr for Position {
    type Err = PositionError;

    /// Parses `LAT,LON` (spaces allowed), as given on the command line or in
    /// `MERHABA_POSITION`.
    fn from_str(text: &str) -> Result<Position, PositionError> {
        let syntax = || PositionError::Syntax {
            text: text.to_string(),
        };
        let (lat, lon) = text.split_once(',').ok_or_else(syntax)?;
        let lat: f64 = lat.trim().parse().map_err(|_| syntax())?;
        let lon: f64 = lon.trim().parse().map_err(|_| syntax())?;
        Position::new(lat, lon)
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.5},{:.5}", self.lat, self.lon)
    }
}

/// Minutes on foot for a distance, at least 1.
pub fn walking_minutes(distance_m: f64) -> u32 {
    (distance_m / WALKING_METRES_PER_MINUTE).ceil().max(1.0) as u32
}

/// The eight compass points, for "north-east of you".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Compass {
    N,
    NE,
    E,
    SE,
    S,
    SW,
    W,
    NW,
}

impl Compass {
    pub fn from_bearing(deg: f64) -> Compass {
        const POINTS: [Compass; 8] = [
            Compass::N,
            Compass::NE,
            Compass::E,
            Compass::SE,
            Compass::S,
            Compass::SW,
            Compass::W,
            Compass::NW,
        ];
        POINTS[((deg.rem_euclid(360.0) + 22.5) / 45.0) as usize % 8]
    }

    /// Lower-case id, used as the Fluent message suffix (`compass-ne`).
    pub fn id(self) -> &'static str {
        match self {
            Compass::N => "n",
            Compass::NE => "ne",
            Compass::E => "e",
            Compass::SE => "se",
            Compass::S => "s",
            Compass::SW => "sw",
            Compass::W => "w",
            Compass::NW => "nw",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::HaversineMeasure;

    fn p(lat: f64, lon: f64) -> Position {
        Position::new(lat, lon).unwrap()
    }

    /// The worked example of the haversine formula on Rosetta Code: Nashville BNA to
    /// Los Angeles LAX on a sphere of radius 6372.8 km is 2887.2599506071106 km.
    #[test]
    fn haversine_matches_the_published_bna_lax_example() {
        let (bna, lax) = (p(36.12, -86.67), p(33.94, -118.40));
        let rosetta = HaversineMeasure::new(6_372_800.0).distance(bna.point(), lax.point());
        assert!(
            (rosetta - 2_887_259.950_607_110_6).abs() < 1e-3,
            "{rosetta}"
        );
        // Ours uses the mean radius, so it is the same figure scaled by the radius ratio.
        let ours = bna.distance_m(&lax);
        let expected = 2_887_259.950_607_110_6 * EARTH_RADIUS_M / 6_372_800.0;
        assert!((ours - expected).abs() < 0.05, "{ours} vs {expected}");
    }

    /// Published ellipsoidal (Karney) distances; the sphere must be within 0.6 % of them.
    #[test]
    fn distances_between_known_city_pairs_are_within_the_spheres_error_of_the_ellipsoid() {
        // (from, to, metres on WGS84)
        let cases = [
            // Sofia to Plovdiv, geo's own geodesic example.
            (p(42.698334, 23.319941), p(42.136097, 24.742168), 132_675.5),
            // JFK to LHR, GeographicLib's worked example (s12 = 5,551,759.4 m).
            (p(40.6, -73.8), p(51.6, -0.5), 5_551_759.4),
            // One degree of latitude at the equator: 110,574 m on WGS84.
            (p(0.0, 0.0), p(1.0, 0.0), 110_574.4),
        ];
        for (a, b, ellipsoid) in cases {
            let d = a.distance_m(&b);
            let error = (d - ellipsoid).abs() / ellipsoid;
            assert!(error < 0.006, "{a} → {b}: {d} vs {ellipsoid} ({error})");
        }
    }

    /// Baghdad (35°N 45°E) → Osaka (35°N 135°E), Movable Type Scripts' example: for two
    /// points on one parallel φ a quarter turn apart, the initial bearing is atan(1 / sin φ),
    /// 60.1624° here.
    #[test]
    fn bearing_matches_the_closed_form_for_the_baghdad_osaka_example() {
        let b = p(35.0, 45.0).bearing_deg(&p(35.0, 135.0));
        let expected = (1.0 / 35f64.to_radians().sin()).atan().to_degrees();
        assert!((expected - 60.1624).abs() < 1e-4, "{expected}");
        assert!((b - expected).abs() < 1e-3, "{b} vs {expected}");
    }

    #[test]
    fn bearings_point_the_right_way_and_stay_in_range() {
        let here = p(37.845, 27.845);
        let near = |dlat: f64, dlon: f64| p(37.845 + dlat, 27.845 + dlon);
        assert!(here.bearing_deg(&near(0.01, 0.0)) < 0.01);
        assert!((here.bearing_deg(&near(0.0, 0.01)) - 90.0).abs() < 0.1);
        assert!((here.bearing_deg(&near(-0.01, 0.0)) - 180.0).abs() < 0.01);
        assert!((here.bearing_deg(&near(0.0, -0.01)) - 270.0).abs() < 0.1);
        assert_eq!(
            Compass::from_bearing(here.bearing_deg(&near(0.01, 0.01))),
            Compass::NE
        );
        assert_eq!(Compass::from_bearing(359.0), Compass::N);
        assert_eq!(Compass::from_bearing(-90.0), Compass::W);
    }

    #[test]
    fn edge_cases_poles_antimeridian_identical_points() {
        let a = p(37.845, 27.845);
        assert_eq!(a.distance_m(&a), 0.0);
        assert_eq!(a.bearing_deg(&a), 0.0);
        // Across the antimeridian: 0.2° of longitude on the equator, not 359.8°.
        let d = p(0.0, 179.9).distance_m(&p(0.0, -179.9));
        assert!((d - 22_239.0).abs() < 5.0, "{d}");
        assert!((p(0.0, 179.9).bearing_deg(&p(0.0, -179.9)) - 90.0).abs() < 1e-6);
        // Pole to pole is half a great circle; at a pole every longitude is the same point.
        let half = std::f64::consts::PI * EARTH_RADIUS_M;
        assert!((p(90.0, 0.0).distance_m(&p(-90.0, 0.0)) - half).abs() < 1e-6 * half);
        assert!(p(90.0, 10.0).distance_m(&p(90.0, -170.0)) < 1e-6);
        // Towards the north pole is always north.
        assert!(p(10.0, 50.0).bearing_deg(&p(90.0, 0.0)) < 1e-6);
    }

    #[test]
    fn invalid_coordinates_are_refused_with_the_field_named() {
        for (lat, lon, field) in [
            (f64::NAN, 0.0, "latitude"),
            (0.0, f64::INFINITY, "longitude"),
            (90.5, 0.0, "latitude"),
            (0.0, -180.01, "longitude"),
        ] {
            let err = Position::new(lat, lon).unwrap_err().to_string();
            assert!(err.starts_with(field), "{err}");
        }
        let err = "37.8;27.8".parse::<Position>().unwrap_err().to_string();
        assert!(
            err.contains("37.8;27.8") && err.contains("LAT,LON"),
            "{err}"
        );
        assert!("NaN,1".parse::<Position>().is_err());
        assert_eq!(" 37.5 , 27.25".parse::<Position>().unwrap(), p(37.5, 27.25));
    }

    #[test]
    fn walking_time_is_at_least_a_minute() {
        assert_eq!(walking_minutes(0.0), 1);
        assert_eq!(walking_minutes(800.0), 10);
        assert_eq!(walking_minutes(801.0), 11);
    }

    /// An independent haversine, written out from the formula, as a reference.
    fn reference_haversine(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (la1, lo1, la2, lo2) = (
            a.0.to_radians(),
            a.1.to_radians(),
            b.0.to_radians(),
            b.1.to_radians(),
        );
        let h = ((la2 - la1) / 2.0).sin().powi(2)
            + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
    }

    proptest::proptest! {
        #[test]
        fn distance_agrees_with_a_haversine_reference_and_chord_order(
            la1 in -90.0f64..=90.0, lo1 in -180.0f64..=180.0,
            la2 in -90.0f64..=90.0, lo2 in -180.0f64..=180.0,
            la3 in -90.0f64..=90.0, lo3 in -180.0f64..=180.0,
        ) {
            let (a, b, c) = (p(la1, lo1), p(la2, lo2), p(la3, lo3));
            let d = a.distance_m(&b);
            let r = reference_haversine((la1, lo1), (la2, lo2));
            proptest::prop_assert!((d - r).abs() <= 1e-6 * r.max(1.0), "{} vs {}", d, r);
            proptest::prop_assert!((d - b.distance_m(&a)).abs() < 1e-6 * d.max(1.0));
            let bearing = a.bearing_deg(&b);
            proptest::prop_assert!((0.0..360.0).contains(&bearing));
            // The R-tree orders by chord length; it must order the same way as distance.
            let chord = |x: &Position, y: &Position| {
                let (u, v) = (x.unit_vector(), y.unit_vector());
                (0..3).map(|i| (u[i] - v[i]).powi(2)).sum::<f64>()
            };
            let (db, dc) = (d, a.distance_m(&c));
            if (db - dc).abs() > 1e-3 {
                proptest::prop_assert_eq!(db < dc, chord(&a, &b) < chord(&a, &c));
            }
        }
    }
}
