//! Where the device is, from the platform's location service, with a deadline.
//!
//! Each platform has its own file: Android's LocationManager (android.rs, through JNI), iOS's
//! Core Location (ios.rs) and GeoClue on Linux desktops (linux.rs). Any other target falls back
//! to "no location service", and the Nearby screen asks the person to pick a place. Only
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

/// A fixed position for tests and demos: `--position LAT,LON` on the command line, else the
/// `MERHABA_POSITION` environment variable. A malformed value is an error that says why.
pub fn fixed_position(args: &[String]) -> Option<Result<Position, String>> {
    let from_args = args
        .windows(2)
        .find(|w| w[0] == "--position")
        .map(|w| w[1].clone());
    let text = from_args.or_else(|| std::env::var("MERHABA_POSITION").ok())?;
    Some(
        text.parse::<Position>()
            .map_err(|e| format!("position {text:?}: {e}")),
    )
}

/// Asks the platform for the device's position, giving up after `timeout`. The platform
/// call runs on its own thread, so the screen is never blocked and never waits forever.
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

#[cfg(not(any(target_os = "android", target_os = "ios", target_os = "linux")))]
fn request(_timeout: Duration) -> Fix {
    Fix::Unavailable("no location service on this platform".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fixed_position_comes_from_the_flag_and_is_checked() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let p = fixed_position(&args(&["merhaba", "--position", "37.84,27.81"]));
        assert_eq!(p, Some(Ok(Position::new(37.84, 27.81).unwrap())));
        let err = fixed_position(&args(&["--position", "north"]))
            .unwrap()
            .unwrap_err();
        assert!(
            err.contains("\"north\"") && err.contains("LAT,LON"),
            "{err}"
        );
    }
}
