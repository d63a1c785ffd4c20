//! The frame around every screen: a header with Back, Home and Settings, and the emergency
//! bar that stays one tap away.

use dioxus::prelude::*;
use merhaba_core::tel_uri;

use crate::components::intake::{IntakeBar, IntakeSwitch};
use crate::state::use_app;
use crate::Route;

#[component]
pub fn Shell() -> Element {
    let app = use_app();
    let l = app.l10n();
    let route = use_route::<Route>();
    let nav = navigator();
    let dir = l.direction().as_attr();
    // The first number is the general emergency number (112 in Turkey).
    let first = app
        .pack()
        .emergency_numbers(&app.chain())
        .ok()
        .and_then(|numbers| numbers.into_iter().next());
    let back_arrow = if dir == "rtl" { "→" } else { "←" };
    // A new screen starts at its top, not at the scroll position of the previous one.
    let path = route.to_string();
    use_effect(use_reactive!(|path| {
        let _ = path;
        scroll_to_top();
    }));
    let (query, on_search) = match &route {
        Route::Search { q } => (q.clone(), true),
        _ => (String::new(), false),
    };
    // Made anew when every screen is forgotten ("Next client", Quick exit): no typed text
    // survives a visit.
    let search_key = app.forgotten();
    let intake = app.intake();
    let large = intake.as_ref().is_some_and(|i| i.large_text);
    // Quick exit on every page of a sensitive entry and all through intake mode.
    let quick_exit = intake.is_some()
        || match &route {
            Route::ServicePage { id } => app.pack().service_is_sensitive(id).unwrap_or(false),
            _ => false,
        };
    rsx! {
        div { class: if large { "app large-text" } else { "app" }, lang: l.lang(), dir,
            if quick_exit {
                QuickExit {}
            }
            // Sticky together: the search box stays under the header however tall it grows.
            div { class: "bars",
                header { class: "topbar",
                    if route != (Route::Home {}) {
                        button {
                            class: "back",
                            onclick: move |_| {
                                if nav.can_go_back() {
                                    nav.go_back();
                                } else {
                                    nav.push(Route::Home {});
                                }
                            },
                            span { "aria-hidden": "true", "{back_arrow} " }
                            {l.t("nav-back")}
                        }
                    }
                    Link { class: "brand", to: Route::Home {}, "aria-label": l.t("nav-home"), {l.t("app-name")} }
                    IntakeSwitch {}
                    Link { class: "nearby-link-top", to: Route::Nearby { category: String::new(), open: false },
                        span { "aria-hidden": "true", "📍 " }
                        {l.t("nav-nearby")}
                    }
                    Link { class: "settings-link", to: Route::Settings {},
                        span { "aria-hidden": "true", "⚙ " }
                        {l.t("nav-settings")}
                    }
                }
                div { class: "search-bar", role: "search",
                    // Not bound to the route on every keystroke (that would drop letters typed
                    // while the screen re-renders); it starts from the route's query when mounted
                    // and is mounted anew, empty, when every screen is forgotten (a keyed list of
                    // one: a key works only on a list's items).
                    for key in std::iter::once(search_key) {
                        input {
                            key: "{key}",
                            r#type: "search",
                            autofocus: on_search,
                            class: "search-box",
                            placeholder: l.t("search-placeholder"),
                            "aria-label": l.t("search-placeholder"),
                            initial_value: "{query}",
                            // The first keystroke opens the search screen; later ones refine it in place.
                            oninput: move |event| {
                                let q = event.value();
                                if on_search {
                                    nav.replace(Route::Search { q });
                                } else {
                                    nav.push(Route::Search { q });
                                }
                            },
                        }
                    }
                }
            }
            main { class: "page",
                IntakeBar {}
                Outlet::<Route> {}
            }
            nav { class: "emergency-bar", "aria-label": l.t("emergency-title"),
                if let Some(first) = first {
                    a { class: "call", href: tel_uri(&first.number),
                        span { "aria-hidden": "true", "📞 " }
                        {l.t("emergency-title")}
                        " "
                        span { dir: "ltr", class: "number", "{first.number}" }
                    }
                }
                Link { class: "all-numbers", to: Route::Emergency {}, {l.t("emergency-all")} }
            }
        }
    }
}

/// One tap to a neutral screen: the guide and every screen of it are gone
/// (`AppState::quick_exit`).
#[component]
fn QuickExit() -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        div { class: "quick-exit-spot",
            button {
                class: "quick-exit",
                onclick: {
                    let mut app = app.clone();
                    move |_| app.quick_exit()
                },
                span { "aria-hidden": "true", "✕ " }
                {l.t("quick-exit")}
            }
        }
    }
}

/// Scrolls the page to its top. In a browser through the DOM directly: `document::eval`
/// compiles script at run time, which the web app's Content-Security-Policy forbids.
fn scroll_to_top() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    #[cfg(not(target_arch = "wasm32"))]
    document::eval("window.scrollTo(0, 0)");
}
