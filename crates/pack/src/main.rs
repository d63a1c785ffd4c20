//! `merhaba-pack`: the publisher's command line. `validate` checks a city's content source;
//! `build` turns it into the SQLite city pack the app ships.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  merhaba-pack validate <content-dir>
  merhaba-pack build <content-dir> <out.sqlite>";

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
