//! Where the device is, from the platform's location service, with a deadline.
//!
//! Each platform has its own file: Android's LocationManager (android.rs, through JNI), iOS's
//! Core Location (ios.rs), GeoClue on Linux desktops (linux.rs) and the browser's Geolocation
//! API on the web (web.rs). Any other target falls back to "no location service", and the
//! Nearby screen asks the person to pick a place. Only
//! coarse (district-level) accuracy is asked for. The position is handed to the screen and
//! kept in memory for the session; it is never written anywhere or sent anywhere.

use std::time::Duration;

use merhaba_core::Position;

#[cfg(target_os = "android")]
mod android;
#[cfg(target_os = "android")]
use android as native;
#[cfg(target_os = "ios")]
mod ios;
#[cfg(target_os = "ios")]
use ios as native;
#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "linux")]
use linux as native;
#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
pub use web::locate;

/// How long the Nearby screen waits for a fix before offering only the manual choice.
pub const FIX_TIMEOUT: Duration = Duration::from_secs(8);

/// What asking the platform gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Fix {
    Found(Position),
    /// The person has not allowed location, or turned it off; they were asked where the
    /// platform allows asking.
    Refused,
    /// No location service here, or it failed; the reason is for the log, not the screen.
    Unavailable(String),
    /// Nothing arrived before the deadline.
    TimedOut,
}

/// Asks the platform for the device's position, giving up after `timeout`. The platform
/// call runs on its own thread, so the screen is never blocked and never waits forever.
#[cfg(not(target_arch = "wasm32"))]
pub async fn locate(timeout: Duration) -> Fix {
    let (sender, receiver) = futures_channel::oneshot::channel();
    let sender = std::sync::Arc::new(std::sync::Mutex::new(Some(sender)));
    let send = move |fix: Fix| {
        if let Some(s) = sender.lock().ok().and_then(|mut s| s.take()) {
            let _ = s.send(fix);
        }
    };
    let from_platform = send.clone();
    std::thread::spawn(move || from_platform(request(timeout)));
    std::thread::spawn(move || {
        std::thread::sleep(timeout);
        send(Fix::TimedOut)
    });
    receiver.await.unwrap_or(Fix::TimedOut)
}

#[cfg(any(target_os = "android", target_os = "ios", target_os = "linux"))]
fn request(timeout: Duration) -> Fix {
    native::request(timeout)
}

#[cfg(not(any(
    target_os = "android",
    target_os = "ios",
    target_os = "linux",
    target_arch = "wasm32"
)))]
fn request(_timeout: Duration) -> Fix {
    Fix::Unavailable("no location service on this platform".into())
}
