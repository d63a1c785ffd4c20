//! The worst of what a person can type or a pack can hold (issue 12, items 7, 9, 10), on a
//! 10,000-service pack: the slowest of the hostile queries, the slowest of the opening-hours
//! strings that used to take seconds, and building the Nearby index. Prints each.
//!
//! Run: `cargo bench -p merhaba-core --bench bad_input`.

mod support;

use std::hint::black_box;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use merhaba_core::{CityClock, CityPack};

const SERVICES: usize = 10_000;
const RUNS: usize = 5;

fn median_ms(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn main() {
    let (_dir, path) = support::build_city(SERVICES, 1);
    let pack = CityPack::open(&path).unwrap();

    let words: String = (0..5000).map(|i| format!("zq{i}x ")).collect();
    let paste: String = "Göç İdaresi ikamet izni başvurusu için randevu "
        .repeat(2200)
        .chars()
        .take(100_000)
        .collect();
    let queries: Vec<(&str, String)> = vec![
        ("unknown word of 8 KB", "qxz".repeat(2731)),
        ("unknown word of 100 KB", "harbourq".repeat(12_500)),
        ("paste of 100 KB", paste),
        ("5,000 unknown words", words),
        ("10 MB of one letter", "a".repeat(10 << 20)),
        ("a real query with a typo", "harbuor ofice".to_string()),
    ];
    println!("bad input bench: {SERVICES} services, median of {RUNS} runs");
    let mut worst = (0.0, "");
    for (label, query) in &queries {
        let ms = median_ms(|| {
            black_box(pack.search_hits(query, "en", 10).unwrap());
        });
        println!("  search: {label:28} {ms:8.3} ms");
        if ms > worst.0 {
            worst = (ms, label);
        }
    }
    println!("  worst query: {} at {:.3} ms", worst.1, worst.0);

    let clock = CityClock::new("Europe/Istanbul", Some("TR")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 7, 30, 0).unwrap();
    let mut worst = (0.0, "");
    for raw in [
        "Mo-Su 00:00-24:00",
        "12:00-12:00",
        "22:00-03:00 off",
        "Mo 10:00+ closed",
        "easter +2 days Su[1,3]",
    ] {
        let hours = clock.hours(raw);
        let ms = median_ms(|| {
            black_box(hours.status(now));
        });
        if ms > worst.0 {
            worst = (ms, raw);
        }
    }
    println!("  worst hours string: `{}` at {:.3} ms", worst.1, worst.0);

    let ms = median_ms(|| {
        black_box(pack.nearby_data().unwrap());
    });
    println!("  Nearby index over {SERVICES} services: {ms:.1} ms");
}
