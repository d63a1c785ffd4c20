//! The Merhaba app: the only crate that knows Dioxus. Screens read from the local store only.

use std::rc::Rc;

use dioxus::history::History;
use dioxus::prelude::*;
use dioxus::router::components::HistoryProvider;

pub mod back_stack;
pub mod boot;
pub mod components;
pub mod config;
pub mod intake;
pub mod located;
pub mod platform;
pub mod state;
pub mod update_state;
pub mod updates;
pub mod views;

pub use boot::Boot;
use components::content::ErrorDetails;
use components::shell::Shell;
pub use config::Config;
use merhaba_core::l10n::UI_LANGUAGES;
use merhaba_core::{Direction, Localizer};
pub use state::AppState;
use views::*;

/// Bundled into the binary rather than loaded with `asset!`, so the style is the same under
/// `cargo run`, in a bundled mobile app and in server-side rendered tests.
const STYLE: &str = include_str!("../assets/main.css");

#[derive(Routable, Clone, PartialEq, Debug)]
#[rustfmt::skip]
pub enum Route {
    #[layout(Shell)]
        #[route("/")]
        Home {},
        #[route("/category/:id")]
        CategoryPage { id: String },
        #[route("/submenu/:id")]
        SubmenuPage { id: String },
        #[route("/service/:id")]
        ServicePage { id: String },
        #[route("/emergency")]
        Emergency {},
        #[route("/settings")]
        Settings {},
        #[route("/search?:q")]
        Search { q: String },
        #[route("/paths")]
        PathList {},
        #[route("/path/:id")]
        PathPage { id: String },
        #[route("/courses")]
        CourseList {},
        #[route("/course/:id")]
        CoursePage { id: String },
        #[route("/course/:id/lesson/:lesson")]
        LessonPage { id: String, lesson: String },
        #[route("/course/:id/done")]
        CourseDone { id: String },
        #[route("/slip?:path")]
        SlipComposer { path: String },
        #[route("/nearby?:category&:open")]
        Nearby { category: String, open: bool },
        #[route("/:..segments")]
        NotFound { segments: Vec<String> },
}

/// The desktop window: titled and sized like a phone held upright, with no menu bar. The
/// startup benchmark's bare window (examples/bare_window.rs) opens the same one.
#[cfg(feature = "desktop")]
pub fn desktop_window() -> dioxus::desktop::Config {
    dioxus::desktop::Config::new().with_menu(None).with_window(
        dioxus::desktop::WindowBuilder::new()
            .with_title("Merhaba")
            .with_inner_size(dioxus::desktop::LogicalSize::new(440.0, 820.0)),
    )
}

/// The whole app for a boot: the guide, or why it could not be opened.
#[component]
pub fn Root(boot: Boot) -> Element {
    match boot.stores() {
        Ok(stores) => rsx! { Guide { boot, stores } },
        Err(message) => rsx! { BootFailure { message, lang: boot.device_language() } },
    }
}

/// The guide over opened stores, starting at `boot`'s route in the person's language.
#[component]
fn Guide(boot: Boot, stores: Rc<boot::Stores>) -> Element {
    let app = state::use_app_state(&boot, &stores);
    // Content updates are checked once at start, in the background.
    use_hook(|| {
        if boot.checks_updates() {
            updates::check(&app);
        }
        if boot.voices() == boot::Voices::Device {
            let mut ready = app.speech_ready;
            spawn(async move {
                platform::speech::start().await;
                ready.set(true);
            });
        }
    });
    // Where the router keeps its place: in the app's memory only, on every platform
    // (`back_stack`); after Quick exit, the neutral screen instead of the guide.
    let screens = app.screens();
    rsx! {
        style { {STYLE} }
        if app.hidden() {
            Neutral {}
        } else {
            HistoryProvider {
                history: move |_| screens.clone() as Rc<dyn History>,
                Router::<Route> {}
            }
        }
    }
}

/// Shown when the city pack cannot be opened at all. The person's language setting lives in
/// the store that may be what failed, so this screen is in the device's language, then says
/// what failed in every other UI language too, then gives the details for a helper.
#[component]
fn BootFailure(message: String, lang: &'static str) -> Element {
    let l = Localizer::new(lang, true);
    let others = UI_LANGUAGES
        .iter()
        .map(|(code, _, _)| *code)
        .filter(|c| *c != lang);
    rsx! {
        style { {STYLE} }
        div { class: "app boot-failure", lang, dir: l.direction().as_attr(),
            p { {l.t("error-store")} }
            p { {l.t("error-store-hint")} }
            for code in others {
                p { lang: code, dir: Direction::of(code).as_attr(),
                    {Localizer::new(code, true).t("error-store")}
                }
            }
            ErrorDetails { label: l.t("error-details"), details: message }
        }
    }
}
