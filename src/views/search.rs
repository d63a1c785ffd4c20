//! Search results as the person types: matched words highlighted, each result with its
//! category path, and matches found only through another language labelled. No result
//! leads to topics and the emergency numbers, never to a blank page.

use dioxus::prelude::*;
use merhaba_core::l10n::language_name;
use merhaba_core::search::{highlight, is_searchable};
use merhaba_core::{Direction, Text};

use crate::components::content::{Inline, SampleBadge, StoreError};
use crate::components::guide::{CategoryGrid, EmergencyList};
use crate::components::intake::{ClientText, Owner};
use crate::state::use_app;
use crate::Route;

/// How many results a search screen shows.
const RESULTS: usize = 20;

#[component]
pub fn Search(q: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let chain = app.chain();
    if !is_searchable(&q) {
        return rsx! { p { class: "intro", {l.t("search-start")} } };
    }
    let results = match app.pack().search(&q, &chain, RESULTS) {
        Ok(results) => results,
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    if results.is_empty() {
        return rsx! { NoResult { q } };
    }
    rsx! {
        ul { class: "service-list search-results",
            for result in results {
                li { key: "{result.service.id}",
                    Link { class: "service-item", to: Route::ServicePage { id: result.service.id.clone() },
                        span { class: "service-name", Highlighted { text: result.service.name.clone(), q: q.clone() } }
                        ClientText { owner: Owner::ServiceName(result.service.id.clone()) }
                        if result.service.sample {
                            SampleBadge {}
                        }
                        if let Some(path) = result.path.first() {
                            span { class: "path",
                                Inline { text: path.category_name.clone() }
                                " › "
                                Inline { text: path.submenu_name.clone() }
                            }
                        }
                        span { class: "summary", Highlighted { text: result.service.summary.clone(), q: q.clone() } }
                        if !result.in_reader_language {
                            span { class: "found-in",
                                {l.t_args("search-found-in", &[("lang", language_name(&result.found_in).into())])}
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Content text with the words the query matched wrapped in `<mark>`.
#[component]
fn Highlighted(text: Text, q: String) -> Element {
    let runs = highlight(&text.value, &q);
    rsx! {
        bdi { lang: "{text.lang}", dir: Direction::of(&text.lang).as_attr(),
            for (run, hit) in runs {
                if hit {
                    mark { "{run}" }
                } else {
                    "{run}"
                }
            }
        }
    }
}

#[component]
fn NoResult(q: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let chain = app.chain();
    let categories = app.pack().categories(&chain).unwrap_or_default();
    let emergency = app.pack().emergency_numbers(&chain).unwrap_or_default();
    rsx! {
        div { class: "no-result",
            h2 { {l.t_args("search-empty", &[("query", q.clone().into())])} }
            p { {l.t("search-empty-hint")} }
            CategoryGrid { categories }
            h2 { {l.t("emergency-all")} }
            EmergencyList { numbers: emergency }
        }
    }
}
