//! `merhaba-pack`: the publisher's command line. `validate` checks a city's content source;
//! `build` turns it into the SQLite city pack the app ships; `search` shows what a person
//! typing a query would find, with the same code the app runs.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  merhaba-pack validate <content-dir>
  merhaba-pack build <content-dir> <out.sqlite>
  merhaba-pack search <pack.sqlite> <query> [--lang L] [-k N]";

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
