//! The content feed: signed, incremental, resumable updates of the city packs (issue 5).
//!
//! The feed is a folder of static files: TUF metadata under `metadata/` (root, timestamp,
//! snapshot, targets; made and checked with the `tough` crate) and, under `targets/`, for
//! each pack schema version, compressed whole packs and deltas between consecutive versions
//! ([`FeedTarget`]: `v5/aydin/12.pack.zst`, `v5/aydin/11-12.delta`). The phone
//! 1. asks for `timestamp.json` with a conditional request: when nothing changed, that one
//!    small request is the whole update;
//! 2. otherwise lets tough walk the metadata from the root keys it trusts (rollback, freeze,
//!    mix-and-match and wrong keys are refused there), keeping the newest trusted metadata
//!    in `feed/trusted/` of the packs folder it is given (in the app, `<data>/packs/`), so
//!    versions never go backwards;
//! 3. looks only at the targets of its own pack schema (`v<PACK_SCHEMA_VERSION>/`; apps of
//!    the previous release read theirs from the same feed) and downloads the cheapest way to
//!    the newest pack, a chain of deltas or the whole compressed pack, each file resumed where
//!    an earlier attempt stopped, capped at its signed length and checked against its signed
//!    hash (`route.rs`, `install.rs`);
//! 4. builds the new pack in memory (decompressing or applying deltas, capped at the signed
//!    uncompressed length), checks it against the signed hash of that version and its
//!    declared schema against the app's, and installs it with [`crate::install_pack`]:
//!    written beside the old pack, checked, renamed over it. A crash leaves the old pack or
//!    the new one, nothing in between.
//!
//! Only the user database holds favourites and settings, and the feed never opens it.

mod artifact;
mod client;
mod current;
mod http;
mod install;
mod refresh;
mod route;
mod target;

pub use client::{CityOutcome, FeedClient, Progress, Report};
pub use http::{Traffic, ALLOWANCE, CONNECT_TIMEOUT, MIN_RATE, READ_TIMEOUT};
pub use install::{AppStore, PackStore};
pub use target::{is_city_id, pack_schema_of, FeedTarget, PackContents, PACK_CONTENTS};

use std::path::{Path, PathBuf};

use crate::pack::StoreError;

/// Why an update did not happen. The installed content is unchanged in every case.
///
/// Each kind has one status word ([`FeedError::status`]): `unreachable` for the transport
/// (no answer, a reset, a time-out, a missed deadline), `server-error` for what a server
/// answered instead of the file (an error status, an encoding never asked for), `refused`
/// only for a failed check of what arrived (signature, version, hash, length, name, a
/// signed pack that is not what its name says), `expired`, and `write-failed` only for the
/// device's own disk.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    /// No answer, a dropped connection, a time-out: try again later.
    #[error("could not reach the feed: {url}: {reason}")]
    Unreachable { url: String, reason: String },
    /// The server answered with an error status.
    #[error("the feed answered {status} for {url}")]
    Server { url: String, status: u16 },
    /// The server encoded a file (gzip, say) although the client never asked it to.
    #[error("the feed sent {url} with `Content-Encoding: {encoding}`; feed files must be served as they are (docs/publishing.md)")]
    Encoded { url: String, encoding: String },
    /// Signed metadata has expired: someone may be holding updates back.
    #[error("the feed's {role} metadata has expired; installed content is kept but could not be confirmed current")]
    Expired { role: String },
    /// A signature, version, hash or name check failed: the feed or the network is not
    /// to be trusted.
    #[error("refused: {0}")]
    Refused(String),
    /// The server sent more than the signed length.
    #[error("refused: {url} sent more than the {declared} bytes declared")]
    TooLong { url: String, declared: u64 },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the feed client could not start: {0}")]
    Setup(String),
}

impl FeedError {
    /// A short word for scripts and logs: what kind of failure this is.
    pub fn status(&self) -> &'static str {
        match self {
            FeedError::Unreachable { .. } => "unreachable",
            FeedError::Server { .. } | FeedError::Encoded { .. } => "server-error",
            FeedError::Expired { .. } => "expired",
            FeedError::Refused(_) | FeedError::TooLong { .. } => "refused",
            FeedError::Io { .. } | FeedError::Store(_) => "write-failed",
            FeedError::Setup(_) => "setup",
        }
    }

    fn unreachable(url: &url::Url, e: &reqwest::Error) -> FeedError {
        FeedError::Unreachable {
            url: url.to_string(),
            reason: reasons(e),
        }
    }

    fn status_of(url: &url::Url, status: reqwest::StatusCode) -> FeedError {
        FeedError::Server {
            url: url.to_string(),
            status: status.as_u16(),
        }
    }

    /// The same error again, for one found among the causes of another (tough's): the
    /// kinds a transport reports.
    fn again(&self) -> Option<FeedError> {
        Some(match self {
            FeedError::Unreachable { url, reason } => FeedError::Unreachable {
                url: url.clone(),
                reason: reason.clone(),
            },
            FeedError::Server { url, status } => FeedError::Server {
                url: url.clone(),
                status: *status,
            },
            FeedError::Encoded { url, encoding } => FeedError::Encoded {
                url: url.clone(),
                encoding: encoding.clone(),
            },
            FeedError::TooLong { url, declared } => FeedError::TooLong {
                url: url.clone(),
                declared: *declared,
            },
            _ => return None,
        })
    }

    fn io(path: &Path, source: std::io::Error) -> FeedError {
        FeedError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// An error and its causes in one line, each said once (some libraries repeat their cause
/// in their own message).
fn reasons(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let said = s.to_string();
        if !text.contains(&said) {
            text = format!("{text}: {said}");
        }
        source = s.source();
    }
    text
}
