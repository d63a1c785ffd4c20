//! `merhaba-pack`: the publisher's command line. `validate` checks a city's content source;
//! `build` turns it into the SQLite city pack the app ships; `search` shows what a person
//! typing a query would find, and `nearby` what a person standing somewhere would see, with
//! the same code the app runs.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  merhaba-pack validate <content-dir>
  merhaba-pack build <content-dir> <out.sqlite>
  merhaba-pack search <pack.sqlite> <query> [--lang L] [-k N]
  merhaba-pack nearby <pack.sqlite> --at LAT,LON [-k N] [--category ID] [--open-now] [--time RFC3339]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["validate", dir] => match merhaba_pack::load(&PathBuf::from(dir)) {
            Ok(source) => {
                println!(
                    "{dir}: ok: {} categories, {} services",
                    source.categories.value.category.len(),
                    source.services.len()
                );
                ExitCode::SUCCESS
            }
            Err(errors) => report(&errors),
        },
        ["build", dir, out] => match merhaba_pack::load(&PathBuf::from(dir)) {
            Ok(source) => match merhaba_pack::build_pack(&source, &PathBuf::from(out)) {
                Ok(()) => {
                    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
                    println!("{out}: {} services, {size} bytes", source.services.len());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            },
            Err(errors) => report(&errors),
        },
        ["search", pack, query, options @ ..] => match search(pack, query, options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        ["nearby", pack, options @ ..] => match nearby(pack, options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn report(errors: &[merhaba_pack::ContentError]) -> ExitCode {
    for e in errors {
        eprintln!("error: {e}");
    }
    eprintln!("{} problem(s) found", errors.len());
    ExitCode::FAILURE
}

/// Prints one JSON object a line, best first: service id, the language the match was found
/// in, and the score (bm25: lower is better).
fn search(pack: &str, query: &str, options: &[&str]) -> anyhow::Result<()> {
    let (mut lang, mut k) = ("en".to_string(), 10usize);
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        let value = rest
            .next()
            .ok_or_else(|| anyhow::anyhow!("{option} needs a value"))?;
        match *option {
            "--lang" => lang = value.to_string(),
            "-k" => {
                k = value
                    .parse()
                    .map_err(|_| anyhow::anyhow!("-k takes a whole number, not {value}"))?
            }
            _ => anyhow::bail!("unknown option {option}\n{USAGE}"),
        }
    }
    let pack = merhaba_core::CityPack::open(std::path::Path::new(pack))?;
    for hit in pack.search_hits(query, &lang, k)? {
        let line =
            serde_json::json!({ "service": hit.service_id, "lang": hit.lang, "score": hit.score });
        println!("{line}");
    }
    Ok(())
}

/// Prints one JSON object a line, nearest first: service id, place (its position in the
/// service's list, and its name), distance in metres, initial bearing in degrees, and what
/// its opening hours say at `--time` (default: now).
fn nearby(pack: &str, options: &[&str]) -> anyhow::Result<()> {
    use merhaba_core::nearby::{nearest_city, Filter};
    let (mut at, mut k, mut filter) = (None, 10usize, Filter::default());
    let mut now = chrono::Utc::now();
    let mut open_now = false;
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        if *option == "--open-now" {
            open_now = true;
            continue;
        }
        let value = rest
            .next()
            .ok_or_else(|| anyhow::anyhow!("{option} needs a value"))?;
        match *option {
            "--at" => at = Some(value.parse::<merhaba_core::Position>()?),
            "-k" => {
                k = value
                    .parse()
                    .map_err(|_| anyhow::anyhow!("-k takes a whole number, not {value}"))?
            }
            "--category" => filter.categories.push(value.to_string()),
            "--time" => {
                now = chrono::DateTime::parse_from_rfc3339(value)
                    .map_err(|e| {
                        anyhow::anyhow!("--time {value}: {e} (e.g. 2026-11-30T09:30:00+03:00)")
                    })?
                    .to_utc()
            }
            _ => anyhow::bail!("unknown option {option}\n{USAGE}"),
        }
    }
    let at = at.ok_or_else(|| anyhow::anyhow!("--at LAT,LON is required\n{USAGE}"))?;
    if open_now {
        filter.open_at = Some(now);
    }
    let pack = merhaba_core::CityPack::open(std::path::Path::new(pack))?;
    let chain = merhaba_core::LanguageChain::new("en", pack.languages());
    let known = pack.categories(&chain)?;
    for c in &filter.categories {
        if !known.iter().any(|k| &k.id == c) {
            let ids: Vec<&str> = known.iter().map(|k| k.id.as_str()).collect();
            anyhow::bail!(
                "--category {c}: no such category; the pack has {}",
                ids.join(", ")
            );
        }
    }
    if let Some((city, d)) = nearest_city(&at, &[pack.area()?]) {
        eprintln!(
            "note: {at} is outside every city of this pack; {} is {:.0} km away",
            city.city,
            d / 1000.0
        );
    }
    let clock = pack.clock()?;
    let index = pack.nearby_index(&clock)?;
    for hit in index.nearest(at, k, &filter) {
        let place = index.place(hit.index);
        let name = pack
            .places(&place.service_id, &chain)?
            .get(place.place)
            .map(|p| p.name.value.clone());
        let hours = place.hours.as_ref().map(|h| h.status(now));
        let line = serde_json::json!({
            "service": place.service_id,
            "place": place.place,
            "name": name,
            "distance_m": (hit.distance_m * 10.0).round() / 10.0,
            "bearing_deg": (hit.bearing_deg * 10.0).round() / 10.0,
            "hours": hours,
        });
        println!("{line}");
    }
    Ok(())
}
