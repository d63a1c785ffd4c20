//! Delta sizes and apply times for the content feed (issue 5), on real packs built by the
//! publisher: the Aydın pack, and a synthetic 20,000-service pack made of Aydın's entries
//! repeated under new ids. Each version changes the summary of some services in every
//! language, as an editor's correction would.
//!
//!   cargo bench -p merhaba-pack --bench delta
//!
//! Targets (issue 5): a 1 % change of the services costs at most 3 % of the full pack.

use std::time::{Duration, Instant};

use merhaba_core::delta;
use merhaba_pack::source::ContentSource;

fn build(source: &ContentSource, dir: &std::path::Path, name: &str) -> Vec<u8> {
    let path = dir.join(name);
    merhaba_pack::build_pack(source, &path).unwrap();
    std::fs::read(&path).unwrap()
}

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

fn report(name: &str, old: &[u8], source: &ContentSource, dir: &std::path::Path, runs: usize) {
    let services = source.services.len();
    println!("{name}: {services} services, full pack {} bytes", old.len());
    for (label, count) in [
        ("no change", 0),
        ("1 % of services", services.div_ceil(100)),
        ("10 % of services", services.div_ceil(10)),
    ] {
        let new = build(
            &corrected(source, count, 2),
            dir,
            &format!("{name}-{count}.sqlite"),
        );
        let t = Instant::now();
        let patch = delta::make(old, &new).unwrap();
        let made = t.elapsed();
        let applied = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let out = delta::apply(old, &patch, new.len() as u64).unwrap();
                    let took = t.elapsed();
                    assert!(out == new, "{name}: the delta did not reproduce the pack");
                    took
                })
                .collect(),
        );
        let share = 100.0 * patch.len() as f64 / old.len() as f64;
        let target = match (label, share <= 3.0) {
            ("1 % of services", true) => " (target <= 3 %: met)",
            ("1 % of services", false) => " (target <= 3 %: NOT met)",
            _ => "",
        };
        println!(
            "  {label:16} ({count:>5} changed): delta {:>9} bytes = {share:5.2} % of the full pack{target} | made in {:>8.1} ms | applied in {:>6.1} ms (median of {runs})",
            patch.len(),
            made.as_secs_f64() * 1e3,
            applied.as_secs_f64() * 1e3,
        );
    }
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let work = root.join("target/bench-delta");
    std::fs::create_dir_all(&work).unwrap();
    let aydin = merhaba_pack::load(&root.join("content/aydin")).expect("content/aydin is valid");
    let old = build(&aydin, &work, "aydin-1.sqlite");
    report("aydin", &old, &aydin, &work, 20);

    // 20,000 services: Aydın's 65 repeated under new ids.
    let mut big = aydin.clone();
    big.services = (0..20_000)
        .map(|i| {
            let mut s = aydin.services[i % aydin.services.len()].clone();
            s.value.id = format!("{}-{i:05}", s.value.id);
            s
        })
        .collect();
    let old = build(&big, &work, "big-1.sqlite");
    report("synthetic", &old, &big, &work, 3);
}
