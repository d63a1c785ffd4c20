//! `merhaba-pack`: the publisher's command line. `validate` checks a city's content source;
//! `build` turns it into the SQLite city pack the app ships; `search` shows what a person
//! typing a query would find, and `nearby` what a person standing somewhere would see, with
//! the same code the app runs. `keys`, `publish`, `serve` and `pull` make, sign, serve and
//! check the content feed (docs/publishing.md).

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  merhaba-pack validate <content-dir>
  merhaba-pack build <content-dir> <out.sqlite>
  merhaba-pack search <pack.sqlite> <query> [--lang L] [-k N]
  merhaba-pack nearby <pack.sqlite> --at LAT,LON [-k N] [--category ID] [--open-now] [--time RFC3339]
  merhaba-pack keys init <keys-dir>
  merhaba-pack keys rotate <keys-dir> [root|targets|snapshot|timestamp ...]
  merhaba-pack publish <content-dir> <feed-dir> --keys <keys-dir> [--timestamp-expires 14d] [--expires 90d]
  merhaba-pack serve <feed-dir> [--port 8080]
  merhaba-pack pull <feed-url> <data-dir> [--root root.json] [--city ID] [--progress] [--read-timeout 15s]";

/// The root metadata the app ships: `pull` trusts the same keys unless told otherwise.
const SHIPPED_ROOT: &[u8] = include_bytes!("../../../feed/root.json");

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
        ["keys", "init", dir] => done(merhaba_pack::keys::init(dir.as_ref()).map(|()| {
            println!("{dir}: four new keys and root version 1 (root.json)");
        })),
        ["keys", "rotate", dir, roles @ ..] => done(rotate(dir, roles)),
        ["publish", content, feed, options @ ..] => done(publish(content, feed, options)),
        ["serve", feed, options @ ..] => done(serve(feed, options)),
        ["pull", url, data, options @ ..] => pull(url, data, options),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn done(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `--name value` pairs and bare `--flag`s.
fn options<'a>(
    args: &[&'a str],
    flags: &[&str],
    valued: &[&str],
) -> anyhow::Result<std::collections::HashMap<&'a str, &'a str>> {
    let mut found = std::collections::HashMap::new();
    let mut rest = args.iter();
    while let Some(&option) = rest.next() {
        if flags.contains(&option) {
            found.insert(option, "");
        } else if valued.contains(&option) {
            let value = rest
                .next()
                .ok_or_else(|| anyhow::anyhow!("{option} needs a value"))?;
            found.insert(option, *value);
        } else {
            anyhow::bail!("unknown option {option}\n{USAGE}");
        }
    }
    Ok(found)
}

/// `30s`, `12h`, `14d`.
fn duration(option: &str, text: &str) -> anyhow::Result<std::time::Duration> {
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let seconds = match unit {
        "s" => 1,
        "h" => 3600,
        "d" => 86_400,
        _ => 0,
    };
    match number.parse::<u64>() {
        Ok(n) if seconds > 0 => Ok(std::time::Duration::from_secs(n * seconds)),
        _ => anyhow::bail!("{option} {text}: expected a number and s, h or d, e.g. 14d"),
    }
}

fn rotate(dir: &str, roles: &[&str]) -> anyhow::Result<()> {
    let roles = roles
        .iter()
        .map(|r| merhaba_pack::keys::role(r))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let version = merhaba_pack::keys::rotate(dir.as_ref(), &roles)?;
    println!("{dir}: root version {version}, signed by the previous and the current root key");
    Ok(())
}

fn publish(content: &str, feed: &str, args: &[&str]) -> anyhow::Result<()> {
    let found = options(args, &[], &["--keys", "--timestamp-expires", "--expires"])?;
    let keys = found
        .get("--keys")
        .ok_or_else(|| anyhow::anyhow!("--keys <keys-dir> is required\n{USAGE}"))?;
    let mut publish_options = merhaba_pack::publish::Options::default();
    if let Some(text) = found.get("--timestamp-expires") {
        publish_options.timestamp_lifetime = duration("--timestamp-expires", text)?.try_into()?;
    }
    if let Some(text) = found.get("--expires") {
        publish_options.lifetime = duration("--expires", text)?.try_into()?;
    }
    let published = merhaba_pack::publish::publish(
        content.as_ref(),
        feed.as_ref(),
        keys.as_ref(),
        &publish_options,
    )?;
    for line in published.lines {
        println!("{line}");
    }
    println!(
        "{feed}: signed, timestamp version {}",
        published.timestamp_version
    );
    Ok(())
}

fn serve(feed: &str, args: &[&str]) -> anyhow::Result<()> {
    let found = options(args, &[], &["--port"])?;
    let port: u16 = found.get("--port").unwrap_or(&"8080").parse()?;
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    println!(
        "serving {feed} at http://{}/ (Ctrl-C stops)",
        listener.local_addr()?
    );
    merhaba_pack::serve::serve(feed.as_ref(), listener, true)?;
    Ok(())
}

/// Runs the phone's update against a feed and says what happened; non-zero on refusal.
fn pull(url: &str, data: &str, args: &[&str]) -> ExitCode {
    use merhaba_core::feed::{CityOutcome, FeedClient};
    let run = || -> Result<merhaba_core::feed::Report, merhaba_core::feed::FeedError> {
        let found = options(
            args,
            &["--progress"],
            &["--root", "--city", "--read-timeout"],
        )
        .map_err(|e| merhaba_core::feed::FeedError::Setup(e.to_string()))?;
        let root = match found.get("--root") {
            Some(path) => std::fs::read(path).map_err(|e| merhaba_core::feed::FeedError::Io {
                path: path.into(),
                source: e,
            })?,
            None => SHIPPED_ROOT.to_vec(),
        };
        let mut client = FeedClient::new(url, data.as_ref(), &root)?;
        if let Some(text) = found.get("--read-timeout") {
            let timeout = duration("--read-timeout", text)
                .map_err(|e| merhaba_core::feed::FeedError::Setup(e.to_string()))?;
            client = client.read_timeout(timeout)?;
        }
        let show = found.contains_key("--progress");
        client.update_blocking(found.get("--city").copied(), &mut |p| {
            if show {
                eprintln!("progress {} {}/{}", p.city, p.done, p.total);
            }
        })
    };
    match run() {
        Ok(report) => {
            for (city, outcome) in &report.cities {
                match outcome {
                    CityOutcome::Current { version } => {
                        println!("{city}: current, version {version}")
                    }
                    CityOutcome::Installed { from, to, files } => println!(
                        "{city}: installed version {to} (from {}) via {}",
                        from.map_or("nothing".to_string(), |v| format!("version {v}")),
                        files.join(", ")
                    ),
                }
            }
            println!(
                "downloaded {} bytes in {} requests",
                report.bytes, report.requests
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("status: {}", e.status());
            eprintln!("error: {e}");
            ExitCode::FAILURE
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
/// in, and the score (`merhaba_rank`: lower is better).
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
