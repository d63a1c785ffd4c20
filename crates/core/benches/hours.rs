//! What one place's "open now / next change" costs for opening-hours strings that looked
//! harmless but made the `opening-hours` crate walk day by day to the year 9999 (issue 12,
//! item 9), and for ordinary ones. Each is timed as Nearby words it: `Hours::status` and
//! `Hours::is_open` at one moment, on the city's clock.
//!
//! Run: `cargo bench -p merhaba-core --bench hours`.

use std::hint::black_box;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use merhaba_core::CityClock;

const STRINGS: &[&str] = &[
    "Mo-Su 00:00-24:00",
    "12:00-12:00",
    "22:00-03:00 off",
    "Mo 10:00+ closed",
    "easter +2 days Su[1,3]",
    // Ordinary strings, for comparison.
    "Mo-Fr 08:00-12:00,13:00-17:00; PH off",
    "Apr-Oct Mo-Su 08:30-19:00; Nov-Mar Mo-Su 08:30-17:00",
    "24/7",
];

fn main() {
    let clock = CityClock::new("Europe/Istanbul", Some("TR")).unwrap();
    // A Monday morning in Aydın.
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 7, 30, 0).unwrap();
    println!(
        "{:<56} {:>12} {:>12}  status",
        "opening_hours", "status", "is_open"
    );
    for raw in STRINGS {
        let hours = clock.hours(raw);
        let start = Instant::now();
        let status = black_box(hours.status(black_box(now)));
        let status_time = start.elapsed();
        let start = Instant::now();
        black_box(hours.is_open(black_box(now)));
        let open_time = start.elapsed();
        println!(
            "{:<56} {:>9.3} ms {:>9.3} ms  {status:?}",
            format!("`{raw}`"),
            status_time.as_secs_f64() * 1e3,
            open_time.as_secs_f64() * 1e3,
        );
    }
}
