//! Settings: the language (the whole app switches at once), what content is installed, and
//! its updates (check now, only on unmetered connections, progress, and what happened).

use dioxus::prelude::*;
use merhaba_core::l10n::UI_LANGUAGES;
use merhaba_core::Direction;

use crate::components::content::{SaveError, StoreError};
use crate::components::intake::IntakeSettings;
use crate::state::use_app;
use crate::updates::{self, UpdateState, UNMETERED_ONLY};

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
            if let Some(details) = save_error() {
                SaveError { details }
            }
        }
        IntakeSettings {}
        section { class: "settings-group",
            h2 { {l.t("settings-content")} }
            p {
                {l.t_args("settings-content-version", &[
                    ("city", city.name.value.clone().into()),
                    ("version", city.content_version.into()),
                    ("date", l.date(&city.build_date).into()),
                ])}
            }
            UpdatesPanel { build_date: city.build_date.clone() }
            p { class: "privacy", {l.t("settings-privacy")} }
        }
    }
}

/// The state of content updates and the controls for them.
#[component]
fn UpdatesPanel(build_date: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let state = (app.updates)();
    let mut unmetered_only = use_signal(|| {
        app.user()
            .setting(UNMETERED_ONLY)
            .ok()
            .flatten()
            .is_some_and(|v| v == "true")
    });
    let mut save_error = use_signal(|| None::<String>);
    let kb = |bytes: u64| l.number((bytes as f64 / 1024.0).ceil(), 0);
    let (class, message) = match &state {
        UpdateState::NotChecked => ("update-status", None),
        UpdateState::NotConfigured => ("update-status", Some(l.t("settings-updates-none"))),
        UpdateState::WaitingForUnmetered => {
            ("update-status", Some(l.t("settings-updates-waiting")))
        }
        UpdateState::Checking => ("update-status", Some(l.t("settings-updates-checking"))),
        UpdateState::Downloading { done, total } => (
            "update-status",
            Some(l.t_args(
                "settings-updates-progress",
                &[("done", kb(*done).into()), ("total", kb(*total).into())],
            )),
        ),
        UpdateState::UpToDate => ("update-status", Some(l.t("settings-updates-current"))),
        UpdateState::Installed { version } => (
            "update-status done",
            Some(l.t_args(
                "settings-updates-installed",
                &[("version", (*version).into())],
            )),
        ),
        UpdateState::Unreachable => ("update-status", Some(l.t("settings-updates-unreachable"))),
        UpdateState::NotConfirmed => (
            "update-status warning",
            Some(l.t_args(
                "settings-updates-not-confirmed",
                &[("date", l.date(&build_date).into())],
            )),
        ),
        UpdateState::Refused(_) => (
            "update-status warning",
            Some(l.t("settings-updates-refused")),
        ),
        UpdateState::Failed(_) => (
            "update-status warning",
            Some(l.t("settings-updates-failed")),
        ),
    };
    let details = match &state {
        UpdateState::Refused(reason) | UpdateState::Failed(reason) => Some(reason.clone()),
        _ => None,
    };
    rsx! {
        div { class: "updates",
            if let Some(message) = message {
                p { class: "{class}", role: "status", "{message}" }
            }
            if let UpdateState::Downloading { done, total } = state {
                progress { max: "{total}", value: "{done}" }
            }
            if let Some(details) = details {
                p { class: "update-details", lang: "en", dir: "ltr", "{details}" }
            }
            if state != UpdateState::NotConfigured {
                button {
                    class: "check-updates",
                    disabled: state.busy(),
                    onclick: {
                        let app = app.clone();
                        move |_| updates::check(&app)
                    },
                    {l.t("settings-updates-check")}
                }
            }
            label { class: "unmetered",
                input {
                    r#type: "checkbox",
                    checked: unmetered_only(),
                    onchange: {
                        let app = app.clone();
                        move |e: Event<FormData>| {
                            let on = e.checked();
                            unmetered_only.set(on);
                            save_error.set(
                                app.user().set_setting(UNMETERED_ONLY, if on { "true" } else { "false" })
                                    .err()
                                    .map(|e| e.to_string()),
                            );
                        }
                    },
                }
                {l.t("settings-updates-unmetered")}
            }
            if let Some(details) = save_error() {
                SaveError { details }
            }
        }
    }
}
