//! Every emergency number of the city, each a tap away from a call.

use dioxus::prelude::*;

use crate::components::content::StoreError;
use crate::components::guide::EmergencyList;
use crate::state::use_app;

#[component]
pub fn Emergency() -> Element {
    let app = use_app();
    let l = app.l10n();
    let numbers = match app.pack().emergency_numbers(&app.chain()) {
        Ok(numbers) => numbers,
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 { {l.t("emergency-all")} }
        p { class: "intro", {l.t("emergency-intro")} }
        EmergencyList { numbers }
    }
}
