//! The neutral screen Quick exit shows (`AppState::quick_exit`): today's date and nothing of
//! the guide, not its name, its colours or a screen someone could go back to. "Continue"
//! opens the guide again at home.

use dioxus::prelude::*;

use crate::state::use_app;

#[component]
pub fn Neutral() -> Element {
    let app = use_app();
    let l = app.l10n();
    // Digits only, as a phone's own clock shows a date: no words of the reader's language.
    let day = app.today().format("%d.%m.%Y").to_string();
    rsx! {
        div { class: "neutral", lang: l.lang(), dir: l.direction().as_attr(),
            p { class: "day", dir: "ltr", "{day}" }
            button {
                class: "neutral-continue",
                onclick: {
                    let mut app = app.clone();
                    move |_| app.unhide()
                },
                {l.t("neutral-continue")}
            }
        }
    }
}
