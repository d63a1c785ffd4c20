//! Pieces of the guide that several screens show: the category grid and the emergency list.

use dioxus::prelude::*;
use merhaba_core::{tel_uri, CategorySummary, EmergencyNumber};

use crate::components::content::Inline;
use crate::state::use_app;
use crate::Route;

/// The top categories as large tiles with icons and how many services each holds.
#[component]
pub fn CategoryGrid(categories: Vec<CategorySummary>) -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        ul { class: "category-grid", "aria-label": l.t("nav-topics"),
            for category in categories {
                li { key: "{category.id}",
                    Link { class: "tile", to: Route::CategoryPage { id: category.id.clone() },
                        span { class: "icon", "aria-hidden": "true", "{category.icon}" }
                        span { class: "tile-name", Inline { text: category.name } }
                        span { class: "count",
                            {l.t_args("service-count", &[("count", category.service_count.into())])}
                        }
                    }
                }
            }
        }
    }
}

/// Every emergency number, each a tap away from a call.
#[component]
pub fn EmergencyList(numbers: Vec<EmergencyNumber>) -> Element {
    rsx! {
        ul { class: "emergency-list",
            for entry in numbers {
                li { key: "{entry.number}",
                    a { class: "emergency-number", href: tel_uri(&entry.number),
                        span { class: "number", dir: "ltr", "{entry.number}" }
                        span { class: "label", Inline { text: entry.label } }
                    }
                }
            }
        }
    }
}
