//! A service in intake mode: the caseworker's language and the client's side by side, row by
//! row (name, summary, what to bring, rights, cost, places, links), so both can point at the
//! same paragraph. Each column is in its own language and direction, with its own notices;
//! on a narrow phone the two cells of each row stack (assets/main.css, `.pair-row`).

use dioxus::prelude::*;
use merhaba_core::{Direction, LanguageChain, Localizer, Service};

use crate::components::content::{ContentText, Inline, PlaceActions, StoreError};
use crate::components::intake::SlipToggle;
use crate::components::provenance::Helplines;
use crate::state::use_app;
use crate::views::NotFound;

/// The rows of the page, in reading order.
#[derive(Clone, Copy, PartialEq)]
enum Row {
    Heading,
    Summary,
    Bring,
    Rights,
    Cost,
    Location,
    Links,
}

const ROWS: [Row; 7] = [
    Row::Heading,
    Row::Summary,
    Row::Bring,
    Row::Rights,
    Row::Cost,
    Row::Location,
    Row::Links,
];

#[component]
pub fn ServicePair(id: String, client: &'static str) -> Element {
    let app = use_app();
    let desk = app.lang();
    let pack = app.pack();
    let in_lang = |lang: &str| pack.service(&id, &LanguageChain::new(lang, pack.languages()));
    let (ours, theirs) = match (in_lang(desk), in_lang(client)) {
        (Ok(Some(ours)), Ok(Some(theirs))) => (ours, theirs),
        (Ok(None), _) | (_, Ok(None)) => return rsx! { NotFound { segments: vec![id] } },
        (Err(e), _) | (_, Err(e)) => return rsx! { StoreError { message: e.to_string() } },
    };
    let columns = [(desk, ours.clone()), (client, theirs)];
    let first_place = ours.places.iter().find(|p| !p.is_closed()).cloned();
    rsx! {
        article { class: "service pair",
            SlipToggle { service_id: id.clone() }
            for row in ROWS {
                if columns.iter().any(|(_, s)| has(s, row)) {
                    div { class: "pair-row",
                        for (lang, service) in columns.iter() {
                            div {
                                class: "col",
                                lang: *lang,
                                dir: Direction::of(lang).as_attr(),
                                {cell(service, row, lang, app.l10n_for(lang))}
                            }
                        }
                    }
                }
            }
            if let Some(place) = first_place {
                PlaceActions { geo_uri: place.geo_uri(), phone: place.phone.clone() }
            }
            Helplines { numbers: ours.helplines.clone() }
        }
    }
}

/// Whether `row` has anything to show for this service.
fn has(s: &Service, row: Row) -> bool {
    match row {
        Row::Bring => s.bring.is_some(),
        Row::Links => !s.links.is_empty(),
        _ => true,
    }
}

/// One cell: `row` of the service in the column's language `lang`, labelled in it.
fn cell(s: &Service, row: Row, lang: &str, l: &Localizer) -> Element {
    let heading = |icon: &str, key: &str| {
        rsx! {
            h2 { span { class: "section-icon", "aria-hidden": "true", "{icon} " } {l.t(key)} }
        }
    };
    match row {
        Row::Heading => rsx! {
            h1 { Inline { text: s.name.clone() } }
            if s.sample {
                p { class: "notice sample", role: "note",
                    strong { {l.t("sample-badge")} ": " }
                    {l.t("sample-notice")}
                }
            }
            if let Some(fallback) = s.fallback_language(lang) {
                p { class: "notice fallback", role: "note",
                    {l.t_args("fallback-notice", &[("lang", merhaba_core::l10n::language_name(fallback).into())])}
                }
            }
            if s.unreviewed {
                p { class: "notice unreviewed", role: "note", {l.t("translation-unreviewed")} }
            }
        },
        Row::Summary => rsx! { ContentText { text: s.summary.clone(), class: "summary" } },
        Row::Bring => rsx! {
            {heading("🎒", "path-bring")}
            if let Some(bring) = s.bring.clone() {
                ContentText { text: bring }
            }
        },
        Row::Rights => rsx! {
            {heading("⚖️", "section-rights")}
            ContentText { text: s.rights.clone() }
        },
        Row::Cost => rsx! {
            {heading("💰", "section-cost")}
            ContentText { text: s.cost.clone() }
        },
        Row::Location => rsx! {
            {heading("📍", "section-location")}
            if let Some(note) = s.location_note.clone() {
                ContentText { text: note }
            }
            for (i, place) in s.places.iter().filter(|p| !p.is_closed()).cloned().enumerate() {
                div { key: "{i}", class: "place",
                    h3 { Inline { text: place.name } }
                    p { class: "address",
                        span { class: "label", {l.t("place-address")} ": " }
                        Inline { text: place.address }
                    }
                    if let Some(hours) = place.opening_hours {
                        p { class: "hours",
                            span { class: "label", {l.t("place-hours")} ": " }
                            span { dir: "ltr", "{hours}" }
                        }
                    }
                    if let Some(phone) = place.phone {
                        p { class: "phone", span { dir: "ltr", "{phone}" } }
                    }
                }
            }
        },
        Row::Links => rsx! {
            {heading("🌐", "section-internet")}
            ul { class: "links",
                for link in s.links.iter().cloned() {
                    li { key: "{link.url}",
                        a { href: "{link.url}", rel: "noopener", Inline { text: link.title } }
                    }
                }
            }
        },
    }
}
