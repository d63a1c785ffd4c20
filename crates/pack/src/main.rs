//! `merhaba-pack`: the publisher's command line. `validate` checks a city's content source;
//! `build` turns it into the SQLite city pack the app ships; `search` shows what a person
//! typing a query would find, and `nearby` what a person standing somewhere would see, with
//! the same code the app runs. `keys`, `publish`, `serve` and `pull` make, sign, serve and
//! check the content feed (docs/publishing.md); `tuf-client` lets the TUF conformance suite
//! test the phone's update code. `merhaba-pack help` lists them; every
//! subcommand has `--help`.

mod cli;
mod tuf_client;

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use cli::{Cli, Command, KeysCommand, NearbyArgs, PublishArgs, PullArgs, SearchArgs, SiteArgs};
use merhaba_core::{CityPack, LanguageChain, NearbyQuery};

/// The root metadata the app ships: `pull` trusts the same keys unless told otherwise.
const SHIPPED_ROOT: &[u8] = include_bytes!("../../../feed/root.json");

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Validate { content_dir } => match merhaba_pack::load(&content_dir) {
            Ok(source) => {
                println!(
                    "{}: ok: {} categories, {} services, {} paths, {} courses",
                    content_dir.display(),
                    source.categories.value.category.len(),
                    source.services.len(),
                    source.paths.len(),
                    source.courses.len()
                );
                ExitCode::SUCCESS
            }
            Err(errors) => report(&errors),
        },
        Command::Build { content_dir, out } => match merhaba_pack::load(&content_dir) {
            Ok(source) => done(build(&source, &out)),
            Err(errors) => report(&errors),
        },
        Command::Search(args) => done(search(&args)),
        Command::Nearby(args) => done(nearby(&args)),
        Command::Keys(KeysCommand::Init { keys_dir }) => {
            done(merhaba_pack::keys::init(&keys_dir).map(|()| {
                println!(
                    "{}: four new keys and root version 1 (root.json)",
                    keys_dir.display()
                );
            }))
        }
        Command::Keys(KeysCommand::Rotate { keys_dir, roles }) => done(
            merhaba_pack::keys::rotate(&keys_dir, &roles).map(|version| {
                println!(
                    "{}: root version {version}, signed by the previous and the current root key",
                    keys_dir.display()
                );
            }),
        ),
        Command::Publish(args) => done(publish(&args)),
        Command::Serve { feed_dir, port } => done(serve(&feed_dir, port)),
        Command::Site(args) => match merhaba_pack::load(&args.content_dir) {
            Ok(source) => done(site(&source, &args)),
            Err(errors) => report(&errors),
        },
        Command::Pull(args) => pull(&args),
        Command::TufClient(args) => tuf_client::run(&args),
        Command::Report {
            content_dir,
            html,
            today,
        } => match merhaba_pack::ContentSource::read(&content_dir) {
            Ok(source) => {
                let errors = merhaba_pack::validate(&source);
                let today = today.unwrap_or_else(|| chrono::Utc::now().date_naive());
                let report = merhaba_pack::report::report(&source, &errors, today);
                print!("{}", report.text());
                if let Some(path) = html {
                    if let Err(e) = std::fs::write(&path, report.html()) {
                        eprintln!("error: cannot write {}: {e}", path.display());
                        return ExitCode::FAILURE;
                    }
                }
                if report.has_errors() {
                    ExitCode::FAILURE
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(errors) => report(&errors),
        },
        Command::ExportHsds {
            content_dir,
            out_dir,
        } => match merhaba_pack::load(&content_dir) {
            Ok(source) => done(merhaba_pack::hsds::export(&source, &out_dir).map(|e| {
                println!(
                    "{}: HSDS 3.0 in {}: {} services, {} locations, {} files",
                    out_dir.display(),
                    e.languages.join(", "),
                    e.services,
                    e.locations,
                    e.files
                );
            })),
            Err(errors) => report(&errors),
        },
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

fn report(errors: &[merhaba_pack::ContentError]) -> ExitCode {
    for e in errors {
        eprintln!("error: {e}");
    }
    eprintln!("{} problem(s) found", errors.len());
    ExitCode::FAILURE
}

fn build(source: &merhaba_pack::ContentSource, out: &Path) -> anyhow::Result<()> {
    merhaba_core::build_pack(&source.content(), out)?;
    let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}: {} services, {size} bytes",
        out.display(),
        source.services.len()
    );
    Ok(())
}

fn site(source: &merhaba_pack::ContentSource, args: &SiteArgs) -> anyhow::Result<()> {
    let parts = merhaba_pack::site::SiteParts {
        app: &args.app,
        shell: &args.shell,
        icons: &args.icons,
    };
    let release = merhaba_pack::site::build_site(source, &parts, &args.out, args.number)?;
    let bytes: u64 = release.files.values().map(|f| f.length).sum();
    println!(
        "{}: release {} (number {}) of {} version {}, {} files, {bytes} bytes",
        args.out.display(),
        release.release,
        release.number,
        release.city,
        release.content_version,
        release.files.len() + 2
    );
    Ok(())
}

/// Prints one JSON object a line, best first: service id, the language the match was found
/// in, and the score (`merhaba_rank`: lower is better).
fn search(args: &SearchArgs) -> anyhow::Result<()> {
    let pack = CityPack::open(&args.pack)?;
    for hit in pack.search_hits(&args.query, &args.lang, args.k)? {
        let line =
            serde_json::json!({ "service": hit.service_id, "lang": hit.lang, "score": hit.score });
        println!("{line}");
    }
    Ok(())
}

/// Prints one JSON object a line, nearest first: service id, place (its position in the
/// service's list, and its name), distance in metres, initial bearing in degrees, and what
/// its opening hours say at `--time` (default: now) — the rows the Nearby screen shows.
fn nearby(args: &NearbyArgs) -> anyhow::Result<()> {
    let at = args.at.ok_or_else(|| {
        anyhow::anyhow!("--at LAT,LON is required (see merhaba-pack nearby --help)")
    })?;
    let now = args.time.unwrap_or_else(chrono::Utc::now);
    let pack = CityPack::open(&args.pack)?;
    let chain = LanguageChain::new("en", pack.languages());
    let known = pack.categories(&chain)?;
    for c in &args.categories {
        if !known.iter().any(|k| &k.id == c) {
            let ids: Vec<&str> = known.iter().map(|k| k.id.as_str()).collect();
            anyhow::bail!(
                "--category {c}: no such category; the pack has {}",
                ids.join(", ")
            );
        }
    }
    let data = pack.nearby_data()?;
    for place in data.index.skipped() {
        eprintln!("note: left out a place that cannot be read: {place}");
    }
    if let Some((city, d)) =
        merhaba_core::nearby::nearest_city(&at, std::slice::from_ref(&data.area))
    {
        eprintln!(
            "note: {at} is outside every city of this pack; {} is {:.0} km away",
            city.city,
            d / 1000.0
        );
    }
    let query = NearbyQuery {
        at,
        k: args.k,
        filter: merhaba_core::Filter {
            categories: args.categories.clone(),
            open_at: args.open_now.then_some(now),
        },
        now,
    };
    for row in pack.nearby(&data, &query, &chain)? {
        let line = serde_json::json!({
            "service": row.service_id,
            "place": row.place,
            "name": row.place_name.value,
            "distance_m": (row.distance_m * 10.0).round() / 10.0,
            "bearing_deg": (row.bearing_deg * 10.0).round() / 10.0,
            "hours": row.hours.map(|h| h.status),
        });
        println!("{line}");
    }
    Ok(())
}

fn publish(args: &PublishArgs) -> anyhow::Result<()> {
    let mut options = merhaba_pack::publish::Options::default();
    if let Some(lifetime) = args.timestamp_expires {
        options.timestamp_lifetime = lifetime.try_into()?;
    }
    if let Some(lifetime) = args.expires {
        options.lifetime = lifetime.try_into()?;
    }
    let published =
        merhaba_pack::publish::publish(&args.content_dir, &args.feed_dir, &args.keys, &options)?;
    for line in published.lines {
        println!("{line}");
    }
    println!(
        "{}: signed, timestamp version {}",
        args.feed_dir.display(),
        published.timestamp_version
    );
    Ok(())
}

fn serve(feed: &Path, port: u16) -> anyhow::Result<()> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
    println!(
        "serving {} at http://{}/ (Ctrl-C stops)",
        feed.display(),
        listener.local_addr()?
    );
    merhaba_pack::serve::serve(feed, listener, true)?;
    Ok(())
}

/// Runs the phone's update against a feed and says what happened; non-zero on refusal.
fn pull(args: &PullArgs) -> ExitCode {
    use merhaba_core::feed::{CityOutcome, FeedClient, FeedError, Report};
    let run = || -> Result<Report, FeedError> {
        let root = match &args.root {
            Some(path) => std::fs::read(path).map_err(|e| FeedError::Io {
                path: path.clone(),
                source: e,
            })?,
            None => SHIPPED_ROOT.to_vec(),
        };
        let mut client = FeedClient::new(&args.feed_url, &args.data_dir, &root)?;
        if let Some(timeout) = args.read_timeout {
            client = client.read_timeout(timeout)?;
        }
        client.update_blocking(args.city.as_deref(), &mut |p| {
            if args.progress {
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
            // Each city that failed, on its own; the status word is the first one's.
            for (n, (city, e)) in report.failed.iter().enumerate() {
                if n == 0 {
                    println!("status: {}", e.status());
                }
                println!("{city}: failed ({})", e.status());
                eprintln!("error: {city}: {e}");
            }
            match report.failed.is_empty() {
                true => ExitCode::SUCCESS,
                false => ExitCode::FAILURE,
            }
        }
        Err(e) => {
            println!("status: {}", e.status());
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
