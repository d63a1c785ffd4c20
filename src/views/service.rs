//! A service: the four questions (rights and obligations, cost, location, internet
//! resources), where the facts come from, and whether the entry is a sample.

use dioxus::prelude::*;
use merhaba_core::read_aloud::service_script;
use merhaba_core::Place;

use crate::components::content::{
    ContentText, FallbackNotice, Inline, PlaceActions, SampleNotice, StoreError,
};
use crate::components::intake::SlipToggle;
use crate::components::listen::ListenButton;
use crate::components::provenance::{EntryDate, Helplines, ReportProblem, SourceLines};
use crate::state::use_app;
use crate::views::service_pair::ServicePair;
use crate::views::NotFound;
use crate::Route;

#[component]
pub fn ServicePage(id: String) -> Element {
    let app = use_app();
    if let Some(client) = app.client_lang().filter(|c| *c != app.lang()) {
        return rsx! { ServicePair { id, client } };
    }
    let l = app.l10n();
    let reader = app.lang();
    let service = match app.pack().service(&id, &app.chain()) {
        Ok(Some(service)) => service,
        Ok(None) => return rsx! { NotFound { segments: vec![id] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    let fallback = service.fallback_language(reader).map(str::to_string);
    let sources = |section: &str| -> Vec<merhaba_core::Source> {
        service.sources_for(section).into_iter().cloned().collect()
    };
    let script = app
        .can_read_aloud(reader)
        .then(|| service_script(&service, l));
    rsx! {
        article { class: "service",
            if let Some((first_id, first_name)) = service.submenus.first().cloned() {
                nav { class: "breadcrumb",
                    Link { to: Route::SubmenuPage { id: first_id }, Inline { text: first_name } }
                }
            }
            h1 { Inline { text: service.name.clone() } }
            SlipToggle { service_id: id.clone() }
            if let Some(script) = script {
                ListenButton { key: "{id}-{reader}", script }
            }
            if service.sample {
                SampleNotice {}
            }
            if let Some(lang) = fallback {
                FallbackNotice { lang }
            }
            if service.unreviewed {
                p { class: "notice unreviewed", role: "note", {l.t("translation-unreviewed")} }
            }
            ContentText { text: service.summary.clone(), class: "summary" }
            SourceLines { sources: sources("summary") }

            section { class: "answer rights",
                h2 { span { class: "section-icon", "aria-hidden": "true", "⚖️ " } {l.t("section-rights")} }
                ContentText { text: service.rights.clone() }
                SourceLines { sources: sources("rights") }
            }
            section { class: "answer cost",
                h2 { span { class: "section-icon", "aria-hidden": "true", "💰 " } {l.t("section-cost")} }
                ContentText { text: service.cost.clone() }
                SourceLines { sources: sources("cost") }
            }
            section { class: "answer location",
                h2 { span { class: "section-icon", "aria-hidden": "true", "📍 " } {l.t("section-location")} }
                if let Some(note) = service.location_note.clone() {
                    ContentText { text: note }
                }
                if service.places.is_empty() && service.location_note.is_none() {
                    p { {l.t("no-places")} }
                }
                SourceLines { sources: sources("location") }
                for (i, place) in service.places.iter().cloned().enumerate() {
                    PlaceCard { key: "{i}", place }
                }
                Helplines { numbers: service.helplines.clone() }
            }
            section { class: "answer internet",
                h2 { span { class: "section-icon", "aria-hidden": "true", "🌐 " } {l.t("section-internet")} }
                if service.links.is_empty() {
                    p { {l.t("no-links")} }
                }
                ul { class: "links",
                    for link in service.links.iter().cloned() {
                        li { key: "{link.url}",
                            a { href: "{link.url}", rel: "noopener",
                                Inline { text: link.title }
                            }
                            " "
                            span { class: "url", dir: "ltr", "{link.url}" }
                        }
                    }
                }
            }
            footer { class: "provenance",
                h2 { {l.t("sources-title")} }
                SourceLines { sources: service.general_sources().into_iter().cloned().collect::<Vec<_>>() }
                EntryDate { service: service.clone() }
                ReportProblem { service_id: service.id.clone() }
                if service.submenus.len() > 1 {
                    p { class: "also-in",
                        {l.t("also-in")} ": "
                        for (sid, name) in service.submenus.iter().skip(1).cloned() {
                            Link { key: "{sid}", class: "chip", to: Route::SubmenuPage { id: sid.clone() }, Inline { text: name } }
                        }
                    }
                }
            }
        }
    }
}

/// One place: its address opens the map app (geo:), its phone the dialler (tel:). A place
/// the service has left says where it went instead, and offers no way to the empty building.
#[component]
fn PlaceCard(place: Place) -> Element {
    let app = use_app();
    let l = app.l10n();
    if place.is_closed() {
        return rsx! {
            div { class: "place closed",
                h3 { s { Inline { text: place.name.clone() } } }
                if let Some(date) = &place.closed_since {
                    p { class: "notice moved", role: "note",
                        {l.t_args("place-closed", &[("date", l.date(date).into())])}
                    }
                }
                if let Some(moved) = place.moved_to.clone() {
                    p { class: "notice moved", role: "note",
                        {l.t_args("place-moved", &[("place", moved.name.value.clone().into())])}
                        " "
                        Link { to: Route::ServicePage { id: moved.service_id.clone() },
                            Inline { text: moved.address.clone() }
                        }
                    }
                }
                SourceLines { sources: place.sources.clone() }
            }
        };
    }
    rsx! {
        div { class: "place",
            h3 { Inline { text: place.name.clone() } }
            p { class: "address",
                span { class: "label", {l.t("place-address")} ": " }
                a { href: place.geo_uri(), Inline { text: place.address.clone() } }
            }
            if let Some(hours) = place.opening_hours.clone() {
                p { class: "hours",
                    span { class: "label", {l.t("place-hours")} ": " }
                    span { dir: "ltr", "{hours}" }
                }
            }
            PlaceActions { geo_uri: place.geo_uri(), phone: place.phone.clone() }
            SourceLines { sources: place.sources.clone() }
        }
    }
}
