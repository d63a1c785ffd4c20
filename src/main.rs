//! Launches the Merhaba desktop or mobile app with the embedded Aydın pack.

use dioxus::prelude::*;
use merhaba::{platform, Boot, Root};

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
    let boot = use_hook(|| {
        let boot = Boot::from_data_dir(platform::data_dir());
        match std::env::var("MERHABA_START") {
            Ok(path) => boot.at(&path),
            Err(_) => boot,
        }
    });
    rsx! { Root { boot } }
}
