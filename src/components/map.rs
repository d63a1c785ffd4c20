//! The offline map of Nearby: the person, the places found (numbered as in the list) and the
//! pack's district centres, on distance rings. Drawn as SVG from the pack alone, so it works
//! with no connection and no tiles. North is up; tapping a place opens it, tapping anywhere
//! else puts the person there.

use dioxus::prelude::*;
use merhaba_core::position::EARTH_RADIUS_M;
use merhaba_core::{Direction, Locality, Position, Text};

use crate::state::{use_app, Located, PositionSource};
use crate::Route;

/// The map is a square of this many CSS pixels.
pub const SIZE: f64 = 320.0;
/// One degree of a great circle on the sphere the distances are measured on, so rings and
/// list agree.
const METRES_PER_DEGREE: f64 = EARTH_RADIUS_M * std::f64::consts::PI / 180.0;

/// Maps positions near `centre` to pixels and back (a local equirectangular projection,
/// accurate to well under a pixel over the tens of kilometres a city spans).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapFrame {
    pub centre: Position,
    /// Metres from the centre to the edge of the map.
    pub radius_m: f64,
}

impl MapFrame {
    fn px_per_m(&self) -> f64 {
        (SIZE / 2.0 - 10.0) / self.radius_m
    }

    fn m_per_deg_lon(&self) -> f64 {
        METRES_PER_DEGREE * self.centre.lat().to_radians().cos().max(1e-6)
    }

    /// Pixel coordinates (x right, y down) of a position.
    pub fn project(&self, p: &Position) -> (f64, f64) {
        let dlon = (p.lon() - self.centre.lon() + 540.0).rem_euclid(360.0) - 180.0;
        let dx = dlon * self.m_per_deg_lon();
        let dy = (p.lat() - self.centre.lat()) * METRES_PER_DEGREE;
        let s = self.px_per_m();
        (SIZE / 2.0 + dx * s, SIZE / 2.0 - dy * s)
    }

    /// The position under a pixel; `None` off the globe.
    pub fn unproject(&self, x: f64, y: f64) -> Option<Position> {
        let s = self.px_per_m();
        let lat = self.centre.lat() + (SIZE / 2.0 - y) / s / METRES_PER_DEGREE;
        let lon = self.centre.lon() + (x - SIZE / 2.0) / s / self.m_per_deg_lon();
        Position::new(lat, (lon + 540.0).rem_euclid(360.0) - 180.0).ok()
    }

    /// Round distances for the rings, the largest three that fit.
    pub fn rings(&self) -> Vec<f64> {
        const NICE: [f64; 10] = [100.0, 250.0, 500.0, 1e3, 2e3, 5e3, 10e3, 20e3, 50e3, 100e3];
        let fitting: Vec<f64> = NICE.into_iter().filter(|r| *r <= self.radius_m).collect();
        fitting[fitting.len().saturating_sub(3)..].to_vec()
    }

    fn inside(&self, (x, y): (f64, f64)) -> bool {
        (0.0..=SIZE).contains(&x) && (0.0..=SIZE).contains(&y)
    }
}

/// A place on the map, numbered as in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPlace {
    pub rank: usize,
    pub service_id: String,
    pub position: Position,
    /// The place's name, in the language it is really in.
    pub label: Text,
}

/// `you`: whether `frame.centre` is the person's position (drawn as a blue dot) or only
/// the middle of the city, shown before anyone knows where the person is.
#[component]
pub fn NearbyMap(
    frame: MapFrame,
    you: bool,
    places: Vec<MapPlace>,
    localities: Vec<Locality>,
) -> Element {
    let app = use_app();
    let l = app.l10n();
    let mut located = app.located;
    let nav = navigator();
    let mut surface = use_signal(|| None::<std::rc::Rc<MountedData>>);
    let centre = frame.project(&frame.centre);
    rsx! {
        div {
            class: "map",
            dir: "ltr",
            role: "img",
            "aria-label": l.t("nearby-map-label"),
            onmounted: move |e| surface.set(Some(e.data())),
            onclick: move |e| async move {
                // Where the tap was, relative to the map: client coordinates minus the
                // map's own rectangle (offsets of SVG children are not reliable).
                let Some(mounted) = surface() else { return };
                let Ok(rect) = mounted.get_client_rect().await else { return };
                let at = e.client_coordinates();
                if let Some(position) = frame.unproject(at.x - rect.origin.x, at.y - rect.origin.y) {
                    located.set(Located::At { position, how: PositionSource::Map });
                }
            },
            svg {
                width: "{SIZE}",
                height: "{SIZE}",
                view_box: "0 0 {SIZE} {SIZE}",
                for r in frame.rings() {
                    circle {
                        key: "{r}",
                        class: "ring",
                        cx: "{centre.0}",
                        cy: "{centre.1}",
                        r: "{r * frame.px_per_m()}",
                    }
                    text {
                        class: "ring-label",
                        x: "{centre.0 + 3.0}",
                        y: "{centre.1 - r * frame.px_per_m() + 12.0}",
                        {l.distance(r)}
                    }
                }
                for locality in localities.iter().filter(|d| !d.landmark) {
                    if frame.inside(frame.project(&locality.position)) {
                        // SVG's `direction` is what `dir` is to HTML.
                        text {
                            key: "{locality.id}",
                            class: "district",
                            lang: "{locality.name.lang}",
                            direction: Direction::of(&locality.name.lang).as_attr(),
                            x: "{frame.project(&locality.position).0}",
                            y: "{frame.project(&locality.position).1}",
                            "{locality.name.value}"
                        }
                    }
                }
                if you {
                    circle { class: "you-halo", cx: "{centre.0}", cy: "{centre.1}", r: "14" }
                    circle { class: "you", cx: "{centre.0}", cy: "{centre.1}", r: "6" }
                }
                // Nearest last, so it is drawn on top.
                for place in places.iter().rev().cloned() {
                    g {
                        key: "{place.rank}",
                        class: "marker",
                        onclick: move |e| {
                            e.stop_propagation();
                            nav.push(Route::ServicePage { id: place.service_id.clone() });
                        },
                        title {
                            lang: "{place.label.lang}",
                            dir: Direction::of(&place.label.lang).as_attr(),
                            "{place.label.value}"
                        }
                        circle {
                            cx: "{frame.project(&place.position).0}",
                            cy: "{frame.project(&place.position).1}",
                            r: "10",
                        }
                        text {
                            x: "{frame.project(&place.position).0}",
                            y: "{frame.project(&place.position).1 + 4.0}",
                            "{place.rank}"
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_round_trips_and_puts_north_up() {
        let centre = Position::new(37.845, 27.845).unwrap();
        let frame = MapFrame {
            centre,
            radius_m: 2_000.0,
        };
        assert_eq!(frame.project(&centre), (SIZE / 2.0, SIZE / 2.0));
        let north = Position::new(37.855, 27.845).unwrap();
        let (x, y) = frame.project(&north);
        assert!((x - SIZE / 2.0).abs() < 1e-9 && y < SIZE / 2.0);
        let east = Position::new(37.845, 27.855).unwrap();
        assert!(frame.project(&east).0 > SIZE / 2.0);
        let back = frame.unproject(x, y).unwrap();
        assert!(back.distance_m(&north) < 0.01, "{back}");
        // The projected distance matches the great-circle one to within 0.5 %.
        let d_px = SIZE / 2.0 - y;
        let d_m = d_px / frame.px_per_m();
        assert!((d_m - centre.distance_m(&north)).abs() / d_m < 0.005);
        assert_eq!(frame.rings(), [500.0, 1e3, 2e3]);
    }
}
