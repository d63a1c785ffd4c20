//! Launches the Merhaba desktop or mobile app with the embedded Aydın pack.

use dioxus::prelude::*;
use merhaba::config::{Command, Config, USAGE};
use merhaba::{Boot, Root};

fn main() {
    // Read once, here: a malformed position or an unknown argument stops the app with the
    // reason, before a window opens.
    let config = match Config::from_process() {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return;
        }
        Err(e) => {
            eprintln!("merhaba: {e}");
            std::process::exit(2);
        }
    };
    let launch = dioxus::LaunchBuilder::new().with_context(config);
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
    let boot = use_hook(|| Boot::from_config(&consume_context::<Config>()));
    rsx! { Root { boot } }
}
