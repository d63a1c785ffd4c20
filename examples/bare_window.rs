//! The floor of the desktop stack, for the startup benchmark (scripts/bench-startup.sh): a
//! Dioxus 0.7 desktop window, titled and sized as Merhaba's, that paints one block of the
//! emergency bar's red, which is what the benchmark waits for. Nothing else.

use dioxus::prelude::*;

fn main() {
    let launch = dioxus::LaunchBuilder::new();
    #[cfg(feature = "desktop")]
    let launch = launch.with_cfg(
        dioxus::desktop::Config::new().with_menu(None).with_window(
            dioxus::desktop::WindowBuilder::new()
                .with_title("Merhaba")
                .with_inner_size(dioxus::desktop::LogicalSize::new(440.0, 820.0)),
        ),
    );
    launch.launch(app);
}

fn app() -> Element {
    rsx! {
        div { style: "position: fixed; inset: auto 0 0 0; height: 64px; background: #b3261e;" }
    }
}
