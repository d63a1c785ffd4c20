//! The floor of the desktop stack, for the startup benchmark (scripts/bench-startup.sh): the
//! Dioxus 0.7 desktop window Merhaba opens (`merhaba::desktop_window`), painting one block of
//! the emergency bar's red, which is what the benchmark waits for. Nothing else.

use dioxus::prelude::*;

fn main() {
    let launch = dioxus::LaunchBuilder::new();
    #[cfg(feature = "desktop")]
    let launch = launch.with_cfg(merhaba::desktop_window());
    launch.launch(app);
}

fn app() -> Element {
    rsx! {
        div { style: "position: fixed; inset: auto 0 0 0; height: 64px; background: #b3261e;" }
    }
}
