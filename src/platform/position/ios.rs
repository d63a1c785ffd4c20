//! iOS: Core Location's CLLocationManager, with reduced ("approximate") accuracy.
//!
//! Info.plist carries the localised NSLocationWhenInUseUsageDescription (ios/). When the
//! person has not been asked yet, this asks and reports `Refused` for now; "Try again" on
//! the screen picks up the answer.

use std::time::{Duration, Instant};

use merhaba_core::Position;
use objc2_core_location::{kCLLocationAccuracyKilometer, CLAuthorizationStatus, CLLocationManager};

use super::Fix;

pub fn request(timeout: Duration) -> Fix {
    // SAFETY: plain Core Location calls on a manager this function owns.
    unsafe {
        let manager = CLLocationManager::new();
        match manager.authorizationStatus() {
            CLAuthorizationStatus::NotDetermined => {
                manager.requestWhenInUseAuthorization();
                return Fix::Refused;
            }
            CLAuthorizationStatus::Denied | CLAuthorizationStatus::Restricted => {
                return Fix::Refused;
            }
            _ => {}
        }
        manager.setDesiredAccuracy(kCLLocationAccuracyKilometer);
        manager.startUpdatingLocation();
        let deadline = Instant::now() + timeout;
        let fix = loop {
            if let Some(location) = manager.location() {
                let c = location.coordinate();
                break match Position::new(c.latitude, c.longitude) {
                    Ok(p) => Fix::Found(p),
                    Err(e) => Fix::Unavailable(e.to_string()),
                };
            }
            if Instant::now() > deadline {
                break Fix::TimedOut;
            }
            std::thread::sleep(Duration::from_millis(250));
        };
        manager.stopUpdatingLocation();
        fix
    }
}
