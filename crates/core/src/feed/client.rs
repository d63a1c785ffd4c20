//! The phone's side of the feed: check, download, verify, install. See the module above for
//! the steps; this file is the client and the order they run in (`refresh.rs` brings the
//! metadata up to date, `route.rs` chooses the files, `install.rs` downloads and installs
//! them).

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

use url::Url;

use super::http::{Http, Traffic};
use super::install::{AppStore, PackStore};
use super::route::Listing;
use super::FeedError;

/// How far a download has come, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub city: String,
    /// Bytes of this update already on the device, of `total`.
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CityOutcome {
    /// The newest version is installed already.
    Current { version: u64 },
    /// A new version was installed; `files` is what was downloaded to reach it.
    Installed {
        from: Option<u64>,
        to: u64,
        files: Vec<String>,
    },
}

/// What one update did.
#[derive(Debug)]
pub struct Report {
    pub cities: Vec<(String, CityOutcome)>,
    /// Cities whose update failed, each on its own: the others were still brought up to
    /// date, and the update is applied again at the next check.
    pub failed: Vec<(String, FeedError)>,
    /// HTTP requests made and body bytes received, metadata included.
    pub requests: u64,
    pub bytes: u64,
}

impl Report {
    /// The report, or the first city's failure when any failed: for a caller that takes an
    /// update as one thing.
    pub fn or_first_failure(mut self) -> Result<Report, FeedError> {
        match self.failed.is_empty() {
            true => Ok(self),
            false => Err(self.failed.remove(0).1),
        }
    }
}

/// The feed of one publisher, as seen from one data folder.
pub struct FeedClient {
    pub(super) metadata: Url,
    pub(super) targets: Url,
    pub(super) data: PathBuf,
    pub(super) shipped_root: Vec<u8>,
    pub(super) http: Http,
    pub(super) store: Box<dyn PackStore>,
}

impl FeedClient {
    /// `base` is the feed folder's URL (holding `metadata/` and `targets/`); `data` the
    /// folder of installed packs; `shipped_root` the root metadata built into the app.
    pub fn new(base: &str, data: &Path, shipped_root: &[u8]) -> Result<FeedClient, FeedError> {
        let base = folder_url(base)?;
        FeedClient::of_repository(
            join(&base, "metadata/")?.as_str(),
            join(&base, "targets/")?.as_str(),
            data,
            shipped_root,
        )
    }

    /// A client of a TUF repository whose metadata and targets are at URLs of their own
    /// (the conformance suite's), keeping what it trusts in `data` as the app does.
    pub fn of_repository(
        metadata_url: &str,
        targets_url: &str,
        data: &Path,
        shipped_root: &[u8],
    ) -> Result<FeedClient, FeedError> {
        Ok(FeedClient {
            metadata: folder_url(metadata_url)?,
            targets: folder_url(targets_url)?,
            data: data.to_path_buf(),
            shipped_root: shipped_root.to_vec(),
            http: Http::new(super::READ_TIMEOUT)?,
            store: Box::new(AppStore),
        })
    }

    /// Installs into `store` instead of this app's own: a test plays an app of another
    /// release (another pack schema) with it.
    pub fn store(mut self, store: impl PackStore + 'static) -> FeedClient {
        self.store = Box::new(store);
        self
    }

    /// Gives up on a connection that stays silent this long (tests use a short one).
    pub fn read_timeout(mut self, timeout: Duration) -> Result<FeedClient, FeedError> {
        let (allowance, min_rate) = (self.http.allowance, self.http.min_rate);
        self.http = Http::new(timeout)?;
        Ok(self.deadlines(allowance, min_rate))
    }

    /// Gives each file at most `allowance` plus its length at `min_rate` bytes a second
    /// (by default [`super::ALLOWANCE`] and [`super::MIN_RATE`]; tests use shorter ones).
    pub fn deadlines(mut self, allowance: Duration, min_rate: u64) -> FeedClient {
        self.http.allowance = allowance;
        self.http.min_rate = min_rate;
        self
    }

    pub fn traffic(&self) -> &Traffic {
        &self.http.traffic
    }

    pub(super) fn feed_dir(&self) -> PathBuf {
        self.data.join("feed")
    }
    /// The verified metadata, kept under the roles' names (`root.json`, ...).
    pub fn trusted_dir(&self) -> PathBuf {
        self.feed_dir().join("trusted")
    }
    pub(super) fn downloads_dir(&self) -> PathBuf {
        self.feed_dir().join("downloads")
    }

    /// Runs [`FeedClient::update`] to completion on a runtime of its own, for a thread or a
    /// command line that has none.
    pub fn update_blocking(
        &self,
        only: Option<&str>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Report, FeedError> {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| FeedError::Setup(e.to_string()))?
            .block_on(self.update(only, progress))
    }

    /// Brings every city of the feed (or only `only`) to its newest version, each city on
    /// its own: one whose files are broken or missing is reported in [`Report::failed`]
    /// and the others are updated. An error is what stops every city (the metadata, the
    /// data folder). One update at a time per data folder: a second waits for the first.
    pub async fn update(
        &self,
        only: Option<&str>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Report, FeedError> {
        let _writer = crate::pack::lock_packs(&self.data).map_err(FeedError::from)?;
        let refreshed = self.refresh_metadata_in_time().await?;
        let listing = Listing::read(&refreshed.targets.signed, self.store.schema())?;
        let (mut cities, mut failed) = (Vec::new(), Vec::new());
        for city in listing.cities(only)? {
            match self.update_city(&listing, &city, progress).await {
                Ok(outcome) => cities.push((city, outcome)),
                Err(e) => failed.push((city, e)),
            }
        }
        if failed.is_empty() {
            // Every city is at its newest: no part is wanted any more, and the timestamp
            // is applied ("not modified" then means nothing is left to do).
            self.prune_downloads(&Default::default());
            self.keep_applied(&refreshed)?;
        } else {
            // Parts of files the signed metadata no longer names are of no use; the others
            // are kept for resuming.
            self.prune_downloads(&listing.file_names());
        }
        Ok(Report {
            cities,
            failed,
            requests: self.http.traffic.requests.load(Ordering::Relaxed),
            bytes: self.http.traffic.bytes.load(Ordering::Relaxed),
        })
    }

    pub(super) fn metadata_url(&self, file: &str) -> Result<Url, FeedError> {
        join(&self.metadata, file)
    }
    pub(super) fn targets_url(&self, file: &str) -> Result<Url, FeedError> {
        join(&self.targets, file)
    }
}

/// A folder's URL, ending in `/` so that files join under it.
fn folder_url(url: &str) -> Result<Url, FeedError> {
    let mut folder =
        Url::parse(url).map_err(|e| FeedError::Setup(format!("feed URL `{url}`: {e}")))?;
    if !folder.path().ends_with('/') {
        folder.set_path(&format!("{}/", folder.path()));
    }
    Ok(folder)
}

fn join(folder: &Url, file: &str) -> Result<Url, FeedError> {
    folder
        .join(file)
        .map_err(|e| FeedError::Setup(format!("{folder}{file}: {e}")))
}
