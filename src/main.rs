//! Launches the Merhaba desktop or mobile app with the embedded Aydın pack, or the web app
//! with the pack of its site.

use dioxus::prelude::*;
#[cfg(not(target_arch = "wasm32"))]
use merhaba::config::{Command, Config, USAGE};
use merhaba::{Boot, Root};

#[cfg(not(target_arch = "wasm32"))]
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
    merhaba::platform::prepare(&config.data_dir);
    let launch = dioxus::LaunchBuilder::new().with_context(config);
    #[cfg(feature = "desktop")]
    let launch = launch.with_cfg(merhaba::desktop_window());
    launch.launch(app);
}

#[cfg(not(target_arch = "wasm32"))]
fn app() -> Element {
    let boot = use_hook(|| Boot::from_config(&consume_context::<Config>()));
    rsx! { Root { boot } }
}

/// The web app: no command line and no environment; the site is its configuration.
#[cfg(target_arch = "wasm32")]
fn main() {
    dioxus::launch(web_app);
}

/// The pack comes from the site (the service worker's cache once installed): loaded before
/// the guide is drawn. Until then the page shows the shell's own "opening" screen
/// (web/index.html), which needs no code.
#[cfg(target_arch = "wasm32")]
fn web_app() -> Element {
    let boot =
        use_resource(|| async { Boot::from_release(merhaba::platform::web::load_release().await) });
    let boot = boot.read().clone();
    match boot {
        Some(boot) => rsx! { Root { boot } },
        None => rsx! {},
    }
}
