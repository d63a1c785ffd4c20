//! Every emergency number of the city, each a tap away from a call.

use dioxus::prelude::*;
use merhaba_core::tel_uri;

use crate::components::content::{Inline, StoreError};
use crate::state::use_app;

#[component]
pub fn Emergency() -> Element {
    let app = use_app();
    let l = app.l10n();
    let city = match app.pack().city(&app.chain()) {
        Ok(city) => city,
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 { {l.t("emergency-all")} }
        p { class: "intro", {l.t("emergency-intro")} }
        ul { class: "emergency-list",
            for entry in city.emergency {
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
