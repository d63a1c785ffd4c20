//! Nearby: the services closest to where the person is, nearest first, on a list and an
//! offline map, filtered by topic and by "open now".
//!
//! The position comes from the device, from a place the person picks (a district, a
//! landmark, a point on the map) or from a fixed position given at start. Whatever the
//! device does, the manual choice is on screen: the page never waits without a way out.

use chrono::{Datelike, Timelike, Utc};
use dioxus::prelude::*;
use merhaba_core::nearby::{nearest_city, Filter};
use merhaba_core::position::walking_minutes;
use merhaba_core::{Compass, Direction, HoursLine, HoursStatus, Localizer, NearbyQuery, NearbyRow};

use crate::components::content::{Inline, PlaceActions, StoreError};
use crate::components::map::{MapFrame, MapPlace, NearbyMap};
use crate::platform::position::{locate, Fix, FIX_TIMEOUT};
use crate::state::{use_app, Located, PositionSource};
use crate::Route;

/// How many places the list and the map show.
const SHOWN: usize = 20;
/// Half the width of the map when there is no position yet: Aydın province spans about
/// 110 × 175 km around its centre.
const CITY_MAP_RADIUS_M: f64 = 60_000.0;
/// Closer than this, the place is where the person stands: no direction, no walk.
const HERE_M: f64 = 10.0;
/// Beyond this, a walking time means little; the distance alone is shown.
const WALKING_LIMIT_M: f64 = 10_000.0;

#[component]
pub fn Nearby(category: String, open: bool) -> Element {
    let app = use_app();
    let l = app.l10n();
    let located = app.located;
    // The first visit in a session asks the device; later visits reuse the answer.
    use_effect(move || {
        if *located.peek() == Located::NotAsked {
            ask_device(located);
        }
    });
    let data = match app.nearby() {
        Ok(data) => data,
        Err(message) => return rsx! { StoreError { message } },
    };
    let chain = app.chain();
    let categories = app.pack().categories(&chain).unwrap_or_default();
    let localities = app.pack().localities(&chain).unwrap_or_default();

    let position = match located() {
        Located::At { position, .. } => Some(position),
        _ => None,
    };
    // One instant for the whole page: the open-now filter and every hours line agree.
    let now = Utc::now();
    let filter = Filter {
        categories: if category.is_empty() {
            vec![]
        } else {
            vec![category.clone()]
        },
        open_at: open.then_some(now),
    };
    let items = match position {
        Some(at) => {
            let query = NearbyQuery {
                at,
                k: SHOWN,
                filter,
                now,
            };
            match app.pack().nearby(&data, &query, &chain) {
                Ok(rows) => rows,
                Err(e) => return rsx! { StoreError { message: e.to_string() } },
            }
        }
        None => Vec::new(),
    };
    // This app holds one city pack, so the nearest city is its city.
    let outside = position
        .and_then(|at| nearest_city(&at, std::slice::from_ref(&data.area)))
        .map(|(_, distance)| {
            let name = app.pack().city(&chain).map(|c| c.name.value);
            (name.unwrap_or_default(), distance)
        });

    // Around the person, wide enough for the places listed; without a position, the whole
    // city, so a tap on the map can say where they are.
    let frame = match position {
        Some(centre) => MapFrame {
            centre,
            radius_m: (items.last().map_or(1_000.0, |i| i.distance_m) * 1.15)
                .clamp(600.0, 60_000.0),
        },
        None => MapFrame {
            centre: data.area.centre,
            radius_m: CITY_MAP_RADIUS_M,
        },
    };
    let map_places: Vec<MapPlace> = items
        .iter()
        .map(|i| MapPlace {
            rank: i.rank,
            service_id: i.service_id.clone(),
            position: i.position,
            label: i.place_name.clone(),
        })
        .collect();
    let nav = navigator();
    let on_category = move |e: FormEvent| {
        nav.replace(Route::Nearby {
            category: e.value(),
            open,
        });
    };
    let category_for_open = category.clone();

    rsx! {
        section { class: "nearby",
            h1 { {l.t("nearby-title")} }
            PositionBar {}
            if let Some((city_name, distance)) = outside {
                p { class: "notice outside", role: "note",
                    {l.t_args("nearby-outside", &[
                        ("city", city_name.into()),
                        ("distance", l.distance(distance).into()),
                    ])}
                }
            }
            // Without a position the choice is the page; with one it waits under a fold.
            if position.is_none() {
                PlacePicker { localities: localities.clone() }
                NearbyMap { frame, you: false, places: vec![], localities: localities.clone() }
                p { class: "map-hint", {l.t("nearby-map-hint")} }
            } else {
                div { class: "filters",
                    label {
                        span { class: "label", {l.t("nearby-filter-category")} " " }
                        select { class: "category-filter", onchange: on_category,
                            option { value: "", selected: category.is_empty(), {l.t("nearby-filter-all")} }
                            for c in categories.iter() {
                                // An option holds plain text only, so it carries the language.
                                option {
                                    key: "{c.id}",
                                    value: "{c.id}",
                                    selected: c.id == category,
                                    lang: "{c.name.lang}",
                                    dir: Direction::of(&c.name.lang).as_attr(),
                                    "{c.icon} {c.name.value}"
                                }
                            }
                        }
                    }
                    label { class: "open-filter",
                        input {
                            r#type: "checkbox",
                            checked: open,
                            onchange: move |e: FormEvent| {
                                nav.replace(Route::Nearby {
                                    category: category_for_open.clone(),
                                    open: e.checked(),
                                });
                            },
                        }
                        " "
                        {l.t("nearby-filter-open")}
                    }
                }
                NearbyMap { frame, you: true, places: map_places, localities: localities.clone() }
                p { class: "map-hint", {l.t("nearby-map-hint")} }
                if items.is_empty() {
                    p { class: "notice", role: "status", {l.t("nearby-none")} }
                }
                ol { class: "nearby-list",
                    for item in items {
                        NearbyItem { key: "{item.rank}", item }
                    }
                }
                details { class: "choose-again",
                    summary { {l.t("nearby-choose")} }
                    PlacePicker { localities }
                }
            }
            p { class: "privacy", {l.t("nearby-privacy")} }
        }
    }
}

/// Asks the platform for a fix in the background; the screen stays usable meanwhile.
fn ask_device(mut located: Signal<Located>) {
    located.set(Located::Asking);
    spawn(async move {
        let fix = locate(FIX_TIMEOUT).await;
        // The person may have picked a place while the device was thinking: keep that.
        if *located.peek() == Located::Asking {
            located.set(match fix {
                Fix::Found(position) => Located::At {
                    position,
                    how: PositionSource::Device,
                },
                other => Located::Failed(other),
            });
        }
    });
}

/// Where the list is measured from, and a way to ask the device (again).
#[component]
fn PositionBar() -> Element {
    let app = use_app();
    let l = app.l10n();
    let located = app.located;
    let (text, asking) = match located() {
        Located::NotAsked | Located::Asking => (l.t("nearby-locating"), true),
        Located::At { how, .. } => (
            match how {
                PositionSource::Device => l.t("nearby-position-device"),
                PositionSource::Fixed => l.t("nearby-position-fixed"),
                PositionSource::Map => l.t("nearby-position-map"),
                PositionSource::Picked(name) => {
                    l.t_args("nearby-position-picked", &[("place", name.value.into())])
                }
            },
            false,
        ),
        Located::Failed(Fix::Refused) => (l.t("nearby-refused"), false),
        Located::Failed(Fix::TimedOut) => (l.t("nearby-no-fix"), false),
        Located::Failed(_) => (l.t("nearby-unavailable"), false),
    };
    let button = if matches!(located(), Located::Failed(_)) {
        l.t("nearby-try-again")
    } else {
        l.t("nearby-use-device")
    };
    rsx! {
        div { class: "position-bar", role: "status",
            span { class: "where", span { "aria-hidden": "true", "📍 " } "{text}" }
            if !asking {
                button { class: "button locate", onclick: move |_| ask_device(located), "{button}" }
            }
        }
    }
}

/// The manual choice: districts and landmarks from the pack (and the map, below).
#[component]
fn PlacePicker(localities: Vec<merhaba_core::Locality>) -> Element {
    let app = use_app();
    let l = app.l10n();
    let mut located = app.located;
    let groups = [
        (l.t("nearby-districts"), false),
        (l.t("nearby-landmarks"), true),
    ];
    rsx! {
        div { class: "place-picker",
            h2 { {l.t("nearby-choose")} }
            for (title, landmark) in groups {
                h3 { "{title}" }
                ul { class: "localities",
                    for locality in localities.iter().filter(|x| x.landmark == landmark).cloned() {
                        li { key: "{locality.id}",
                            button {
                                class: "locality",
                                onclick: move |_| located.set(Located::At {
                                    position: locality.position,
                                    how: PositionSource::Picked(locality.name.clone()),
                                }),
                                Inline { text: locality.name.clone() }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[component]
fn NearbyItem(item: NearbyRow) -> Element {
    let app = use_app();
    let l = app.l10n();
    let compass = Compass::from_bearing(item.bearing_deg);
    let walk = walking_text(l, item.distance_m);
    let hours = item.hours.as_ref().map(|line| hours_text(l, line));
    let same_name = item.place_name.value == item.service_name.value;
    rsx! {
        li { class: "nearby-item",
            Link { class: "nearby-link", to: Route::ServicePage { id: item.service_id.clone() },
                span { class: "rank", "{item.rank}" }
                span { class: "nearby-names",
                    span { class: "nearby-name", Inline { text: item.place_name.clone() } }
                    if !same_name {
                        span { class: "nearby-service", Inline { text: item.service_name.clone() } }
                    }
                    if let Some((icon, name)) = item.category.clone() {
                        span { class: "nearby-category",
                            span { "aria-hidden": "true", "{icon} " }
                            Inline { text: name }
                        }
                    }
                }
            }
            p { class: "nearby-facts",
                strong { class: "distance", {l.distance(item.distance_m)} }
                // Within a few metres a direction means nothing.
                if item.distance_m >= HERE_M {
                    " · "
                    span {
                        class: "arrow",
                        "aria-hidden": "true",
                        style: "transform: rotate({item.bearing_deg:.0}deg)",
                        "↑"
                    }
                    " "
                    span { class: "compass", {l.t(&format!("compass-{}", compass.id()))} }
                }
                if let Some(walk) = walk {
                    " · "
                    span { class: "walk", "{walk}" }
                }
                if item.sample {
                    " "
                    span { class: "badge sample", {l.t("sample-badge")} }
                }
            }
            if let Some((class, text)) = hours {
                p { class: "hours-status {class}", "{text}" }
            }
            PlaceActions { geo_uri: item.geo_uri.clone(), phone: item.phone.clone() }
        }
    }
}

fn walking_text(l: &Localizer, distance_m: f64) -> Option<String> {
    if !(HERE_M..=WALKING_LIMIT_M).contains(&distance_m) {
        return None;
    }
    let minutes = walking_minutes(distance_m);
    Some(if minutes < 60 {
        l.t_args("walk-minutes", &[("n", minutes.into())])
    } else {
        l.t_args(
            "walk-hours",
            &[("h", (minutes / 60).into()), ("m", (minutes % 60).into())],
        )
    })
}

/// The hours line and its style class: open, closed, or unsure.
fn hours_text(l: &Localizer, line: &HoursLine) -> (&'static str, String) {
    let time = |t: &chrono::NaiveDateTime| l.time(t.hour(), t.minute());
    match &line.status {
        HoursStatus::AlwaysOpen => ("open", l.t("hours-always")),
        HoursStatus::OpenUntil(t) => (
            "open",
            l.t_args("hours-open-until", &[("time", time(t).into())]),
        ),
        HoursStatus::OpensAt(t) => {
            let day = match (t.date() - line.today).num_days() {
                0 => l.t("day-today"),
                1 => l.t("day-tomorrow"),
                _ => l.t(&format!("weekday-{}", t.weekday().number_from_monday())),
            };
            (
                "closed",
                l.t_args(
                    "hours-opens-at",
                    &[("day", day.into()), ("time", time(t).into())],
                ),
            )
        }
        HoursStatus::Closed => ("closed", l.t("hours-closed")),
        HoursStatus::Unknown => ("unsure", l.t("hours-unknown")),
        HoursStatus::Unreadable => (
            "unsure",
            l.t_args("hours-unreadable", &[("raw", line.raw.clone().into())]),
        ),
    }
}
