//! Home: the city's name and a grid of its top categories.

use dioxus::prelude::*;

use crate::components::content::{Inline, StoreError};
use crate::components::guide::CategoryGrid;
use crate::state::use_app;

#[component]
pub fn Home() -> Element {
    let app = use_app();
    let l = app.l10n();
    let chain = app.chain();
    let (city, categories) = match (app.pack().city(&chain), app.pack().categories(&chain)) {
        (Ok(city), Ok(categories)) => (city, categories),
        (Err(e), _) | (_, Err(e)) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 { class: "city-name", Inline { text: city.name.clone() } }
        Link { class: "nearby-card", to: crate::Route::Nearby { category: String::new(), open: false },
            span { class: "icon", "aria-hidden": "true", "📍" }
            span { {l.t("nearby-home-card")} }
        }
        Link { class: "nearby-card paths-card", to: crate::Route::PathList {},
            span { class: "icon", "aria-hidden": "true", "🧭" }
            span { {l.t("paths-title")} }
        }
        Link { class: "nearby-card courses-card", to: crate::Route::CourseList {},
            span { class: "icon", "aria-hidden": "true", "🎓" }
            span { {l.t("courses-title")} }
        }
        p { class: "intro", {l.t("home-intro")} }
        CategoryGrid { categories }
        if city.unreviewed {
            p { class: "notice unreviewed", role: "note", {l.t("translation-unreviewed")} }
        }
    }
}
