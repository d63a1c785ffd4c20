//! The controls of intake mode (`crate::intake`): the bar under the header while it is on,
//! the client's language picker, "Add to slip", the switch in Settings, and names said again
//! in the client's language in lists.

use dioxus::prelude::*;
use merhaba_core::l10n::UI_LANGUAGES;
use merhaba_core::slip::SLIP_MAX_ITEMS;
use merhaba_core::{Direction, LanguageChain, Text};

use crate::state::use_app;
use crate::Route;

/// Shown under the header on every screen while intake mode is on: the client's language
/// (one tap to change, each language named in its own script), large text, the slip, "Next
/// client" and the way out.
#[component]
pub fn IntakeBar() -> Element {
    let app = use_app();
    let Some(intake) = app.intake() else {
        return rsx! {};
    };
    let l = app.l10n();
    let desk = app.lang();
    let content = app.pack().content_languages().unwrap_or_default();
    let clients = UI_LANGUAGES
        .iter()
        .copied()
        .filter(|(c, _, _)| *c != desk && content.iter().any(|l| l == c));
    rsx! {
        section { class: "intake-bar", "aria-label": l.t("intake-on"),
            div { class: "intake-row",
                strong { class: "intake-badge", {l.t("intake-on")} }
                label { class: "large-text-toggle",
                    input {
                        r#type: "checkbox",
                        checked: intake.large_text,
                        onchange: {
                            let mut app = app.clone();
                            move |e: Event<FormData>| {
                                let on = e.checked();
                                app.update_intake(|i| i.large_text = on);
                            }
                        },
                    }
                    {l.t("intake-large-text")}
                }
                if !intake.slip.is_empty() {
                    Link { class: "button slip-link", to: Route::SlipComposer { path: String::new() },
                        {l.t_args("intake-open-slip", &[("count", intake.slip.len().into())])}
                    }
                }
                button {
                    class: "next-client",
                    onclick: {
                        let mut app = app.clone();
                        move |_| app.next_client()
                    },
                    {l.t("intake-next")}
                }
                button {
                    class: "leave-intake",
                    onclick: {
                        let mut app = app.clone();
                        move |_| app.leave_intake()
                    },
                    {l.t("intake-leave")}
                }
            }
            div { class: "client-languages", role: "radiogroup", "aria-label": l.t("intake-client"),
                span { class: "label", {l.t("intake-client")} ": " }
                for (code, name, _) in clients {
                    button {
                        key: "{code}",
                        class: if intake.client == Some(code) { "lang-option selected" } else { "lang-option" },
                        role: "radio",
                        "aria-checked": if intake.client == Some(code) { "true" } else { "false" },
                        lang: code,
                        dir: Direction::of(code).as_attr(),
                        onclick: {
                            let mut app = app.clone();
                            move |_| {
                                app.update_intake(|i| {
                                    i.client = Some(code);
                                    i.cleared = false;
                                });
                            }
                        },
                        "{name}"
                    }
                }
            }
            if intake.cleared && intake.client.is_none() {
                p { class: "intake-cleared", role: "status", {l.t("intake-cleared")} }
            }
        }
    }
}

/// In the header while intake mode is on: says so, with the client's language, and switches
/// it off after asking (one stray tap must not end a visit).
#[component]
pub fn IntakeSwitch() -> Element {
    let app = use_app();
    // Hooks first, before any early return (the rules of hooks).
    let mut asking = use_signal(|| false);
    let Some(intake) = app.intake() else {
        return rsx! {};
    };
    let l = app.l10n();
    rsx! {
        button {
            class: "intake-switch",
            role: "switch",
            "aria-checked": "true",
            "aria-expanded": if asking() { "true" } else { "false" },
            "aria-label": format!("{}: {}", l.t("intake-on"), l.t("intake-leave")),
            title: l.t("intake-leave"),
            onclick: move |_| asking.toggle(),
            span { "aria-hidden": "true", "👥" }
            if let Some(client) = intake.client {
                " "
                span { lang: "en", "{client.to_uppercase()}" }
            }
        }
        if asking() {
            div { class: "intake-leave-ask", role: "alertdialog", "aria-label": l.t("intake-leave"),
                p { {l.t("intake-leave-ask")} }
                button {
                    class: "leave-intake confirm",
                    onclick: {
                        let mut app = app.clone();
                        move |_| {
                            asking.set(false);
                            app.leave_intake();
                        }
                    },
                    {l.t("intake-leave")}
                }
                button { class: "stay-intake", onclick: move |_| asking.set(false), {l.t("intake-stay")} }
            }
        }
    }
}

/// "Add to slip" on a service page in intake mode; pressed again, it takes it off.
#[component]
pub fn SlipToggle(service_id: String) -> Element {
    let app = use_app();
    let Some(intake) = app.intake() else {
        return rsx! {};
    };
    let l = app.l10n();
    let on = intake.on_slip(&service_id);
    let full = !on && intake.slip.len() >= SLIP_MAX_ITEMS;
    rsx! {
        button {
            class: if on { "slip-toggle on" } else { "slip-toggle" },
            "aria-pressed": if on { "true" } else { "false" },
            disabled: full,
            onclick: {
                let mut app = app.clone();
                move |_| {
                    let id = service_id.clone();
                    app.update_intake(|i| match i.slip.iter().position(|s| *s == id) {
                        Some(at) => {
                            i.slip.remove(at);
                        }
                        None => i.slip.push(id),
                    });
                }
            },
            span { "aria-hidden": "true", if on { "✓ " } else { "＋ " } }
            if on { {l.t("intake-added")} } else { {l.t("intake-add")} }
        }
        if full {
            p { class: "notice", role: "note",
                {l.t_args("slip-too-many", &[("count", SLIP_MAX_ITEMS.into())])}
            }
        }
    }
}

/// The switch in Settings.
#[component]
pub fn IntakeSettings() -> Element {
    let app = use_app();
    let l = app.l10n();
    let on = app.intake().is_some();
    let nav = navigator();
    rsx! {
        section { class: "settings-group intake-settings",
            h2 { {l.t("intake-title")} }
            p { {l.t("intake-hint")} }
            if on {
                button {
                    class: "leave-intake",
                    onclick: {
                        let mut app = app.clone();
                        move |_| app.leave_intake()
                    },
                    {l.t("intake-leave")}
                }
            } else {
                button {
                    class: "start-intake",
                    onclick: {
                        let mut app = app.clone();
                        move |_| {
                            app.start_intake();
                            nav.push(Route::Home {});
                        }
                    },
                    {l.t("intake-start")}
                }
            }
        }
    }
}

/// What a line names, to say it again in the client's language.
#[derive(Clone, PartialEq)]
pub enum Owner {
    PathTitle(String),
    ServiceName(String),
}

/// In intake mode with a client's language chosen, a name again in that language, under the
/// caseworker's (in its own direction); nothing otherwise.
#[component]
pub fn ClientText(owner: Owner) -> Element {
    let app = use_app();
    let Some(client) = app.client_lang() else {
        return rsx! {};
    };
    let pack = app.pack();
    let chain = LanguageChain::new(client, pack.languages());
    let text: Option<Text> = match &owner {
        // The list of paths is a few rows; a whole path would read every step's service.
        Owner::PathTitle(id) => pack
            .first_steps(&chain)
            .ok()
            .and_then(|paths| paths.into_iter().find(|p| p.id == *id))
            .map(|p| p.title),
        Owner::ServiceName(id) => pack.service_summary(id, &chain).ok().map(|s| s.name),
    };
    let Some(text) = text else { return rsx! {} };
    rsx! {
        span { class: "client-text", lang: "{text.lang}", dir: Direction::of(&text.lang).as_attr(),
            "{text.value}"
        }
    }
}
