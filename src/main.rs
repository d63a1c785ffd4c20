//! Launches the Merhaba desktop or mobile app with the embedded Aydın pack.

use dioxus::prelude::*;
use merhaba::{platform, Boot, Root};

fn main() {
    // `--position LAT,LON` or MERHABA_POSITION: a fixed position for tests and demos.
    // A malformed one stops here, with the reason, before a window opens.
    if let Some(Err(e)) = fixed_position() {
        eprintln!("merhaba: {e}");
        std::process::exit(2);
    }
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
        let mut boot = Boot::from_data_dir(platform::data_dir());
        if let Some(Ok(position)) = fixed_position() {
            boot = boot.at_position(position);
        }
        match std::env::var("MERHABA_START") {
            Ok(path) => boot.at(&path),
            Err(_) => boot,
        }
    });
    rsx! { Root { boot } }
}

fn fixed_position() -> Option<Result<merhaba_core::Position, String>> {
    platform::position::fixed_position(&std::env::args().collect::<Vec<_>>())
}
