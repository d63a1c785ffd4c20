//! How the app was started: read once, in `main`, from the command line and the
//! environment, then handed to [`Boot`](crate::Boot). Nothing else reads either.
//!
//! Two flags and a help text do not call for a parser crate; the rules are those of the
//! variables the app has always read: a flag wins over its variable, and the feed address
//! falls back to the one the app was built with.

use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;

use merhaba_core::Position;

/// The feed address this build was made with (`MERHABA_FEED_URL` at build time), if any.
const BUILT_FEED_URL: Option<&str> = option_env!("MERHABA_FEED_URL");

pub const USAGE: &str = "\
Merhaba: an offline city guide.

Usage: merhaba [--position LAT,LON] [--feed URL]

Options:
  --position LAT,LON  A fixed position for Nearby, in decimal degrees (tests, demos);
                      the device is not asked. Overrides MERHABA_POSITION.
                      Example: --position 37.842,27.813
  --feed URL          The content feed to update from. Overrides MERHABA_FEED_URL.
  -h, --help          Print this help.

Environment:
  MERHABA_DATA_DIR    Where packs and the user database live (default: the platform's
                      data folder).
  MERHABA_START       The route to open at start, e.g. /nearby or /service/emergency-112.
  MERHABA_POSITION    As --position.
  MERHABA_FEED_URL    As --feed; also read when the app is built, as the default.
";

/// Everything the app takes from how it was started.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Where packs and the user database live: `MERHABA_DATA_DIR`, else the platform's.
    pub data_dir: PathBuf,
    /// The content feed: `--feed`, else `MERHABA_FEED_URL`, else the build's; none when empty.
    pub feed_url: Option<String>,
    /// A fixed position (tests, demos): `--position`, else `MERHABA_POSITION`.
    pub position: Option<Position>,
    /// The route to open first (`MERHABA_START`), for demos and deep links.
    pub start_route: Option<String>,
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Run(Config),
    Help,
}

/// A start-up setting that cannot be used, naming where it came from.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigError {
    /// An argument this app does not know.
    Unknown(String),
    /// A flag given without its value.
    MissingValue {
        flag: &'static str,
        expected: &'static str,
    },
    /// A position that does not parse; `source` is the flag or the variable.
    Position {
        source: &'static str,
        text: String,
        reason: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Unknown(arg) => {
                write!(f, "unknown argument {arg:?}; see merhaba --help")
            }
            ConfigError::MissingValue { flag, expected } => {
                write!(f, "{flag} needs a value: {expected}")
            }
            ConfigError::Position {
                source,
                text,
                reason,
            } => write!(f, "{source} {text:?}: {reason}"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads the process's own arguments and environment.
    pub fn from_process() -> Result<Command, ConfigError> {
        let args: Vec<OsString> = std::env::args_os().skip(1).collect();
        Config::parse(&args, |name| std::env::var_os(name))
    }

    /// `args` without the program name; `env` looks a variable up.
    pub fn parse(
        args: &[OsString],
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<Command, ConfigError> {
        let mut position_arg = None;
        let mut feed_arg = None;
        let mut args = args.iter().map(|a| a.to_string_lossy().into_owned());
        while let Some(arg) = args.next() {
            let (flag, inline) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value)),
                _ => (arg.clone(), None),
            };
            let mut value = |flag: &'static str, expected: &'static str| {
                inline
                    .map(str::to_string)
                    .or_else(|| args.next())
                    .ok_or(ConfigError::MissingValue { flag, expected })
            };
            match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--position" => position_arg = Some(value("--position", "LAT,LON")?),
                "--feed" => feed_arg = Some(value("--feed", "a feed URL")?),
                _ => return Err(ConfigError::Unknown(arg)),
            }
        }
        let var = |name: &str| env(name).and_then(|v| v.into_string().ok());

        let position = match (position_arg, var("MERHABA_POSITION")) {
            (Some(text), _) => Some(("--position", text)),
            (None, Some(text)) => Some(("MERHABA_POSITION", text)),
            (None, None) => None,
        };
        let position = position
            .map(|(source, text)| {
                text.parse::<Position>().map_err(|e| ConfigError::Position {
                    source,
                    reason: e.to_string(),
                    text,
                })
            })
            .transpose()?;
        let feed_url = feed_arg
            .or_else(|| var("MERHABA_FEED_URL"))
            .or_else(|| BUILT_FEED_URL.map(String::from))
            .filter(|url| !url.is_empty());
        let data_dir = env("MERHABA_DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(crate::platform::default_data_dir);
        Ok(Command::Run(Config {
            data_dir,
            feed_url,
            position,
            start_route: var("MERHABA_START"),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `args` with only the variables in `vars` set.
    fn parse(args: &[&str], vars: &[(&str, &str)]) -> Result<Command, ConfigError> {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        Config::parse(&args, |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| OsString::from(v))
        })
    }

    fn config(args: &[&str], vars: &[(&str, &str)]) -> Config {
        match parse(args, vars) {
            Ok(Command::Run(config)) => config,
            other => panic!("{args:?} {vars:?}: {other:?}"),
        }
    }

    fn error(args: &[&str], vars: &[(&str, &str)]) -> String {
        match parse(args, vars) {
            Err(e) => e.to_string(),
            other => panic!("{args:?} {vars:?}: expected an error, got {other:?}"),
        }
    }

    fn at(lat: f64, lon: f64) -> Option<Position> {
        Some(Position::new(lat, lon).unwrap())
    }

    #[test]
    fn nothing_given_means_the_platform_defaults() {
        let c = config(&[], &[]);
        assert_eq!(c.data_dir, crate::platform::default_data_dir());
        assert_eq!(c.position, None);
        assert_eq!(c.start_route, None);
        assert_eq!(c.feed_url, BUILT_FEED_URL.map(String::from));
    }

    #[test]
    fn a_fixed_position_comes_from_the_flag_and_is_checked() {
        let p = config(&["--position", "37.84,27.81"], &[]).position;
        assert_eq!(p, at(37.84, 27.81));
        let err = error(&["--position", "north"], &[]);
        assert!(
            err.contains("\"north\"") && err.contains("LAT,LON"),
            "{err}"
        );
        assert!(err.starts_with("--position \"north\""), "{err}");
    }

    #[test]
    fn a_flag_wins_over_its_variable() {
        let vars = [
            ("MERHABA_POSITION", "41.0,29.0"),
            ("MERHABA_FEED_URL", "https://env.example/"),
        ];
        let c = config(&["--position=37.84,27.81", "--feed", "http://flag/"], &vars);
        assert_eq!(c.position, at(37.84, 27.81));
        assert_eq!(c.feed_url.as_deref(), Some("http://flag/"));
        let c = config(&[], &vars);
        assert_eq!(c.position, at(41.0, 29.0));
        assert_eq!(c.feed_url.as_deref(), Some("https://env.example/"));
    }

    #[test]
    fn an_empty_feed_address_means_no_updates() {
        let c = config(&["--feed", ""], &[("MERHABA_FEED_URL", "https://env/")]);
        assert_eq!(c.feed_url, None);
        assert_eq!(config(&[], &[("MERHABA_FEED_URL", "")]).feed_url, None);
    }

    #[test]
    fn the_data_folder_and_start_route_come_from_the_environment() {
        let c = config(
            &[],
            &[("MERHABA_DATA_DIR", "/tmp/m"), ("MERHABA_START", "/nearby")],
        );
        assert_eq!(c.data_dir, PathBuf::from("/tmp/m"));
        assert_eq!(c.start_route.as_deref(), Some("/nearby"));
    }

    #[test]
    fn errors_name_the_argument_and_what_is_wrong() {
        let err = error(&[], &[("MERHABA_POSITION", "37.8;27.8")]);
        assert!(
            err.starts_with("MERHABA_POSITION \"37.8;27.8\"") && err.contains("LAT,LON"),
            "{err}"
        );
        let err = error(&["--position", "95,27"], &[]);
        assert!(err.contains("latitude 95 is out of range"), "{err}");
        assert_eq!(
            error(&["--position"], &[]),
            "--position needs a value: LAT,LON"
        );
        assert_eq!(error(&["--feed"], &[]), "--feed needs a value: a feed URL");
        let err = error(&["--postion", "1,2"], &[]);
        assert_eq!(err, "unknown argument \"--postion\"; see merhaba --help");
        // A malformed variable does not matter when the flag is given.
        let c = config(&["--position", "1,2"], &[("MERHABA_POSITION", "x")]);
        assert_eq!(c.position, at(1.0, 2.0));
    }

    #[test]
    fn help_is_asked_for_by_either_spelling() {
        assert_eq!(parse(&["--help"], &[]), Ok(Command::Help));
        assert_eq!(parse(&["--position", "1,2", "-h"], &[]), Ok(Command::Help));
        assert!(USAGE.contains("--position LAT,LON") && USAGE.contains("MERHABA_DATA_DIR"));
    }
}
