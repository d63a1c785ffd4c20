//! A route or id that does not exist: say so, and offer the way home.

use dioxus::prelude::*;

use crate::state::use_app;
use crate::Route;

#[component]
pub fn NotFound(segments: Vec<String>) -> Element {
    let app = use_app();
    let l = app.l10n();
    let _ = segments;
    rsx! {
        div { class: "not-found",
            h1 { {l.t("not-found")} }
            Link { class: "button", to: Route::Home {}, {l.t("go-home")} }
        }
    }
}
