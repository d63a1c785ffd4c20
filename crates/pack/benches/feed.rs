//! What an update costs a phone (issue 5), end to end: `publish` signs a feed, the
//! publisher's `serve` serves it on 127.0.0.1, and the phone's client (`FeedClient`, as in
//! the app) updates a data folder holding the previous version. For the Aydın pack and a
//! synthetic 20,000-service pack (Aydın's entries repeated under new ids), each new version
//! corrects the summary of some services in every language, as an editor would.
//!
//!   cargo bench -p merhaba-pack --bench feed
//!
//! Targets (issue 5): a 1 % change costs at most 3 % of the full pack; "no change" under
//! 2 KB. The first install (nothing on the phone) moves the compressed pack (issue 11).

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;

use common::copy_dir;
use std::time::{Duration, Instant};

use merhaba_core::delta;
use merhaba_core::feed::{CityOutcome, FeedClient};
use merhaba_pack::publish::{publish_sources, Options};
use merhaba_pack::source::ContentSource;

/// A new version in which `count` services (spread over the list) have a corrected summary.
fn corrected(source: &ContentSource, count: usize, version: u64) -> ContentSource {
    let mut next = source.clone();
    next.city.value.content_version = version;
    let step = (next.services.len() / count.max(1)).max(1);
    for service in next.services.iter_mut().step_by(step).take(count) {
        for text in service.value.summary.values_mut() {
            text.insert_str(0, "(Corrected 2026-12-01) ");
        }
    }
    next
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// A feed folder served on 127.0.0.1 by `merhaba-pack serve`'s code.
fn serve(feed: &Path) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let feed = feed.to_path_buf();
    std::thread::spawn(move || merhaba_pack::serve::serve(&feed, listener, false));
    url
}

/// A published pack, decompressed.
fn published_pack(feed: &Path, name: &str) -> Vec<u8> {
    let file = std::fs::read(feed.join("targets").join(schema_dir()).join(name)).unwrap();
    delta::decompress(&file, delta::MAX_PACK_LEN).unwrap()
}

fn schema_dir() -> String {
    format!("v{}", merhaba_core::pack::schema::PACK_SCHEMA_VERSION)
}

/// Updates a copy of `phone` from `url`; returns (bytes, requests, time, outcome).
fn pull(url: &str, phone: &Path, root: &[u8], work: &Path) -> (u64, u64, Duration, CityOutcome) {
    let data = work.join("phone-copy");
    let _ = std::fs::remove_dir_all(&data);
    copy_dir(phone, &data);
    let client = FeedClient::new(url, &data, root).unwrap();
    let started = Instant::now();
    let report = client.update_blocking(None, &mut |_| {}).unwrap();
    let took = started.elapsed();
    (
        report.bytes,
        report.requests,
        took,
        report.cities[0].1.clone(),
    )
}

fn report(name: &str, source: &ContentSource, work: &Path, runs: usize) {
    let work = work.join(name);
    let _ = std::fs::remove_dir_all(&work);
    let keys = work.join("keys");
    merhaba_pack::keys::init(&keys).unwrap();
    let root = std::fs::read(keys.join("1.root.json")).unwrap();
    let services = source.services.len();
    for (label, count) in [
        ("no change, nothing published", None),
        ("no change, signed again", Some(0)),
        ("1 % of services", Some(services.div_ceil(100))),
        ("10 % of services", Some(services.div_ceil(10))),
    ] {
        // Version 1 published and installed on the phone, then the change.
        let feed = work.join(format!("feed-{}", count.map_or(-1, |c| c as i64)));
        publish_sources(
            std::slice::from_ref(source),
            &feed,
            &keys,
            &Options::default(),
        )
        .unwrap();
        let url = serve(&feed);
        let phone = work.join("phone");
        let _ = std::fs::remove_dir_all(&phone);
        let first = FeedClient::new(&url, &phone, &root)
            .unwrap()
            .update_blocking(None, &mut |_| {})
            .unwrap();
        let old = published_pack(&feed, "aydin/1.pack.zst");
        if label == label_of_first() {
            let compressed = std::fs::metadata(
                feed.join("targets")
                    .join(schema_dir())
                    .join("aydin/1.pack.zst"),
            )
            .unwrap()
            .len();
            println!(
                "{name}: {services} services, full pack {} bytes, {compressed} compressed ({:.1} %)",
                old.len(),
                100.0 * compressed as f64 / old.len() as f64
            );
            println!(
                "  {:29}: downloaded {:>9} bytes in {} requests = {:6.2} % of the full pack",
                "first install (nothing yet)",
                first.bytes,
                first.requests,
                100.0 * first.bytes as f64 / old.len() as f64
            );
        }
        let mut delta_line = String::new();
        if let Some(count) = count {
            let next = if count == 0 {
                source.clone()
            } else {
                corrected(source, count, 2)
            };
            let t = Instant::now();
            publish_sources(&[next], &feed, &keys, &Options::default()).unwrap();
            let published = t.elapsed();
            let delta_file = feed
                .join("targets")
                .join(schema_dir())
                .join("aydin/1-2.delta");
            if let Ok(patch) = std::fs::read(&delta_file) {
                let new = published_pack(&feed, "aydin/2.pack.zst");
                let applied = median(
                    (0..runs)
                        .map(|_| {
                            let t = Instant::now();
                            let out = delta::apply(&old, &patch, new.len() as u64).unwrap();
                            let took = t.elapsed();
                            assert!(out == new, "{name}: the delta did not reproduce the pack");
                            took
                        })
                        .collect(),
                );
                delta_line = format!(
                    "\n      delta {} bytes, published (build + delta + sign) in {:.0} ms, delta applied in {:.1} ms (median of {runs})",
                    patch.len(),
                    ms(published),
                    ms(applied)
                );
            }
        }
        let results: Vec<_> = (0..runs)
            .map(|_| pull(&url, &phone, &root, &work))
            .collect();
        let (bytes, requests, _, outcome) = results[0].clone();
        let took = median(results.iter().map(|r| r.2).collect());
        let share = 100.0 * bytes as f64 / old.len() as f64;
        let target = match label {
            "1 % of services" if share <= 3.0 => " (target <= 3 %: met)",
            "1 % of services" => " (target <= 3 %: NOT met)",
            _ if count.is_none_or(|c| c == 0) && bytes < 2048 => " (target < 2 KB: met)",
            _ if count.is_none_or(|c| c == 0) => " (target < 2 KB: NOT met)",
            _ => "",
        };
        let what = match outcome {
            CityOutcome::Current { version } => format!("current at {version}"),
            CityOutcome::Installed { files, .. } => format!("installed via {}", files.join(", ")),
        };
        println!(
            "  {label:29}: downloaded {bytes:>9} bytes in {requests} requests = {share:6.2} % of the full pack{target}\n      {what}; whole update {:.1} ms (median of {runs}: download over loopback, apply, hash, write, integrity check, rename){delta_line}",
            ms(took)
        );
    }
}

fn label_of_first() -> &'static str {
    "no change, nothing published"
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let work = root.join("target/bench-feed");
    std::fs::create_dir_all(&work).unwrap();
    let aydin = merhaba_pack::load(&root.join("content/aydin")).expect("content/aydin is valid");
    report("aydin", &aydin, &work, 20);
    if std::env::var_os("FEED_BENCH_AYDIN_ONLY").is_some() {
        return;
    }
    let mut big = aydin.clone();
    big.services = (0..20_000)
        .map(|i| {
            let mut s = aydin.services[i % aydin.services.len()].clone();
            s.value.id = format!("{}-{i:05}", s.value.id);
            s
        })
        .collect();
    report("synthetic", &big, &work, 3);
}
