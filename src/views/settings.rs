//! Settings: the language (the whole app switches at once), and what content is installed.

use dioxus::prelude::*;
use merhaba_core::l10n::UI_LANGUAGES;
use merhaba_core::Direction;

use crate::components::content::StoreError;
use crate::state::use_app;

#[component]
pub fn Settings() -> Element {
    let app = use_app();
    let l = app.l10n();
    let current = app.lang();
    let mut save_error = use_signal(|| None::<String>);
    let city = match app.pack().city(&app.chain()) {
        Ok(city) => city,
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 { {l.t("nav-settings")} }
        section { class: "settings-group",
            h2 { {l.t("settings-language")} }
            div { class: "language-choice", role: "radiogroup",
                for (code, name, _) in UI_LANGUAGES.iter().copied() {
                    button {
                        key: "{code}",
                        class: if code == current { "lang-option selected" } else { "lang-option" },
                        role: "radio",
                        "aria-checked": if code == current { "true" } else { "false" },
                        lang: code,
                        dir: Direction::of(code).as_attr(),
                        onclick: {
                            let mut app = app.clone();
                            move |_| save_error.set(app.set_lang(code).err())
                        },
                        "{name}"
                    }
                }
            }
            if let Some(error) = save_error() {
                p { class: "notice error", dir: "ltr", "{error}" }
            }
        }
        section { class: "settings-group",
            h2 { {l.t("settings-content")} }
            p {
                {l.t_args("settings-content-version", &[
                    ("city", city.name.value.clone().into()),
                    ("version", city.content_version.into()),
                    ("date", city.build_date.clone().into()),
                ])}
            }
            p { class: "privacy", {l.t("settings-privacy")} }
        }
    }
}
