//! The command line of `merhaba-pack`, declared once: every subcommand, its arguments and
//! its `--help`. Values are parsed here (positions, durations, roles), so a bad one is
//! refused before anything runs, with the argument named.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use merhaba_core::Position;

#[derive(Debug, Parser)]
#[command(
    name = "merhaba-pack",
    version,
    about = "Merhaba's publisher: check a city's content, build its pack, sign and serve the content feed"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a city's content source (content/<city>/), listing every problem with its file, line and field.
    Validate {
        /// The city's content folder, e.g. content/aydin
        content_dir: PathBuf,
    },
    /// Validate a city's content and build its SQLite city pack.
    Build {
        content_dir: PathBuf,
        /// Where to write the pack, e.g. aydin.sqlite
        out: PathBuf,
    },
    /// Show what a person typing QUERY would find: one JSON object a line, best first.
    Search(SearchArgs),
    /// Show what a person standing somewhere would see on Nearby: one JSON object a line, nearest first.
    Nearby(NearbyArgs),
    /// Make or rotate the feed's signing keys.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Build every city of a content folder into a signed feed (docs/publishing.md).
    Publish(PublishArgs),
    /// Serve a feed folder over HTTP on 127.0.0.1, for trying it.
    Serve {
        feed_dir: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Build the web app's static site into one folder (scripts/web.sh runs this).
    Site(SiteArgs),
    /// Run the phone's update against a feed and say what happened (non-zero when it fails).
    Pull(PullArgs),
    /// The client-under-test command line of the TUF conformance suite (its CLIENT-CLI.md),
    /// run by the app's own update code (docs/publishing.md, "Conformance").
    TufClient(TufClientArgs),
    /// The editor's report: every entry's status and sources, shared coordinates, the
    /// holiday list; non-zero on errors to fix before publishing (docs/content-format.md).
    Report {
        /// The city's content folder, e.g. content/aydin
        content_dir: PathBuf,
        /// Also write the report as an HTML page here
        #[arg(long)]
        html: Option<PathBuf>,
        /// The day the report is made for (default: today, UTC), YYYY-MM-DD
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
    /// Export a city's services, places, phones and hours as Open Referral HSDS 3.0 JSON,
    /// one folder per language (docs/content-format.md).
    ExportHsds {
        /// The city's content folder, e.g. content/aydin
        content_dir: PathBuf,
        /// Where to write <lang>/services.json and <lang>/services/<id>.json
        out_dir: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The city pack to search
    pub pack: PathBuf,
    /// What a person typed; it may start with `-` (a hyphen is a character people type)
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// The reader's language: matches in it come first
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// How many services to list
    #[arg(short, default_value_t = 10)]
    pub k: usize,
}

#[derive(Debug, Args)]
pub struct NearbyArgs {
    /// The city pack to look in
    pub pack: PathBuf,
    /// Where the person is (required)
    #[arg(long, value_name = "LAT,LON", value_parser = position, allow_hyphen_values = true)]
    pub at: Option<Position>,
    /// How many places to list
    #[arg(short, default_value_t = 10)]
    pub k: usize,
    /// Only places of this category (repeatable)
    #[arg(long = "category", value_name = "ID")]
    pub categories: Vec<String>,
    /// Only places open at --time
    #[arg(long)]
    pub open_now: bool,
    /// The moment the hours are read for (default: now), e.g. 2026-11-30T09:30:00+03:00
    #[arg(long, value_name = "RFC3339", value_parser = moment)]
    pub time: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Make four new keys (one per TUF role) and root metadata version 1.
    Init { keys_dir: PathBuf },
    /// Replace the keys of the roles named and sign the next root version with the old and the new root key (with no role, only renew the root's expiry).
    Rotate {
        keys_dir: PathBuf,
        #[arg(value_parser = role)]
        roles: Vec<tough::schema::RoleType>,
    },
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// A folder of cities (content/) or one city's folder
    pub content_dir: PathBuf,
    /// The feed folder to write
    pub feed_dir: PathBuf,
    /// The folder with the signing keys (keys init)
    #[arg(long = "keys", value_name = "KEYS_DIR")]
    pub keys: PathBuf,
    /// How long the timestamp stays valid, e.g. 14d
    #[arg(long, value_parser = duration)]
    pub timestamp_expires: Option<Duration>,
    /// How long snapshot and targets stay valid, e.g. 90d
    #[arg(long, value_parser = duration)]
    pub expires: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The city's content folder, e.g. content/aydin
    pub content_dir: PathBuf,
    /// The folder to write, replaced whole, e.g. target/site
    pub out: PathBuf,
    /// wasm-bindgen's output for the app (merhaba.js, merhaba_bg.wasm)
    #[arg(long)]
    pub app: PathBuf,
    /// The shell: index.html, manifest.webmanifest, sw.js
    #[arg(long, default_value = "web")]
    pub shell: PathBuf,
    /// The app icons
    #[arg(long, default_value = "assets/icons")]
    pub icons: PathBuf,
    /// The release's number, above every earlier release of this site (default: the build
    /// time in seconds since 1970, and above the number of the site in OUT)
    #[arg(long)]
    pub number: Option<u64>,
}

#[derive(Debug, Args)]
pub struct PullArgs {
    /// The feed's address, e.g. http://127.0.0.1:8080/
    pub feed_url: String,
    /// The data folder the packs are installed in (its packs/ subfolder)
    pub data_dir: PathBuf,
    /// The root metadata to trust (default: the one the app ships, feed/root.json)
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// Update only this city
    #[arg(long)]
    pub city: Option<String>,
    /// Print download progress on stderr
    #[arg(long)]
    pub progress: bool,
    /// End a connection after this much silence, e.g. 15s
    #[arg(long, value_parser = duration)]
    pub read_timeout: Option<Duration>,
}

#[derive(Debug, Args)]
pub struct TufClientArgs {
    /// Where the trusted metadata is kept, under the roles' names (root.json, ...)
    #[arg(long)]
    pub metadata_dir: PathBuf,
    /// The repository's metadata folder, e.g. http://127.0.0.1:8080/repo/metadata
    #[arg(long)]
    pub metadata_url: Option<String>,
    /// A target to download (repeatable: downloaded in order, stopping at a failure)
    #[arg(long = "target-name")]
    pub target_names: Vec<String>,
    /// The repository's targets folder
    #[arg(long)]
    pub target_base_url: Option<String>,
    /// Where downloaded targets are kept
    #[arg(long)]
    pub target_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub step: TufStep,
}

#[derive(Debug, Subcommand)]
pub enum TufStep {
    /// Trust this root metadata file from now on (no request is made).
    Init { trusted_root: PathBuf },
    /// Bring the trusted metadata up to date.
    Refresh,
    /// Refresh, then download each --target-name into --target-dir.
    Download,
}

fn position(text: &str) -> Result<Position, String> {
    text.parse()
        .map_err(|e: merhaba_core::PositionError| e.to_string())
}

fn moment(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.to_utc())
        .map_err(|e| format!("{e} (e.g. 2026-11-30T09:30:00+03:00)"))
}

fn role(name: &str) -> Result<tough::schema::RoleType, String> {
    merhaba_pack::keys::role(name).map_err(|e| e.to_string())
}

/// `30s`, `12h`, `14d`.
pub fn duration(text: &str) -> Result<Duration, String> {
    let (number, unit) = text.split_at(text.len().saturating_sub(1));
    let seconds = match unit {
        "s" => 1,
        "h" => 3600,
        "d" => 86_400,
        _ => 0,
    };
    match number.parse::<u64>() {
        Ok(n) if seconds > 0 => n
            .checked_mul(seconds)
            .map(Duration::from_secs)
            .ok_or_else(|| format!("{text} is too long")),
        _ => Err(format!("{text}: expected a number and s, h or d, e.g. 14d")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn durations_name_what_is_wrong() {
        assert_eq!(duration("14d"), Ok(Duration::from_secs(14 * 86_400)));
        assert_eq!(duration("30s"), Ok(Duration::from_secs(30)));
        assert!(duration("14w")
            .unwrap_err()
            .contains("expected a number and s, h or d"));
        assert!(duration("99999999999999999d")
            .unwrap_err()
            .contains("too long"));
    }

    #[test]
    fn every_subcommand_has_help() {
        for name in [
            "validate",
            "build",
            "search",
            "nearby",
            "keys",
            "publish",
            "serve",
            "pull",
            "report",
            "export-hsds",
        ] {
            let err = Cli::try_parse_from(["merhaba-pack", name, "--help"]).unwrap_err();
            assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp, "{name}");
            assert!(
                err.to_string().contains("Usage: merhaba-pack"),
                "{name}: {err}"
            );
        }
    }

    #[test]
    fn a_bad_position_is_refused_naming_the_argument() {
        let err = Cli::try_parse_from(["merhaba-pack", "nearby", "p.sqlite", "--at", "97,27"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("--at") && err.contains("latitude 97"), "{err}");
    }
}
