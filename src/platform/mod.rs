//! What differs between phones and desktops: where data lives, which languages the device
//! prefers and where it is. Each function has a plain fallback for targets without a
//! special case.

use std::path::PathBuf;

pub mod network;
pub mod position;

/// The Android application id, as in Dioxus.toml.
pub const APP_ID: &str = "org.merhaba.app";

/// The folder for the installed city packs and the user database. `MERHABA_DATA_DIR`
/// overrides it (tests and demos start from an empty folder this way).
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("MERHABA_DATA_DIR") {
        return PathBuf::from(dir);
    }
    default_data_dir()
}

#[cfg(target_os = "android")]
fn default_data_dir() -> PathBuf {
    // The app's private internal storage; no permission is needed to write here.
    PathBuf::from(format!("/data/data/{APP_ID}/files"))
}

#[cfg(not(target_os = "android"))]
fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("merhaba")
}

/// The device's preferred languages, most preferred first (BCP 47 tags).
pub fn device_languages() -> Vec<String> {
    sys_locale::get_locales().collect()
}
