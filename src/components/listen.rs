//! "Listen": reads a page aloud with the device's voice for the reader's language, and stops
//! when pressed again or when the person leaves the page.

use dioxus::prelude::*;
use merhaba_core::read_aloud::Utterance;

use crate::platform::speech;
use crate::state::use_app;

#[component]
pub fn ListenButton(script: Vec<Utterance>) -> Element {
    let app = use_app();
    let l = app.l10n();
    let mut reading = use_signal(|| false);
    // Leaving the page (or the page changing to another service) ends the reading.
    use_drop(speech::stop);
    let label = if reading() {
        l.t("listen-stop")
    } else {
        l.t("listen")
    };
    rsx! {
        button {
            class: "listen",
            r#type: "button",
            onclick: move |_| {
                if reading() {
                    speech::stop();
                    reading.set(false);
                } else {
                    speech::read(script.clone());
                    reading.set(true);
                }
            },
            span { "aria-hidden": "true", if reading() { "⏹ " } else { "🔊 " } }
            {label}
        }
    }
}
