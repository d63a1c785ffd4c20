//! The phone's side of the feed: check, download, verify, install. See the module above for
//! the steps; this file is the order they run in, up to the metadata (`route.rs` chooses
//! the files, `install.rs` downloads and installs them).

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::time::Duration;

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::StatusCode;
use tough::schema::{Role, Root, Signed, Snapshot, Targets, Timestamp};
use tough::{Limits, RepositoryLoader};
use url::Url;

use super::http::{Http, MetadataTransport, Traffic};
use super::install::{AppStore, PackStore};
use super::route::Listing;
use super::FeedError;

/// Metadata larger than these is refused before it is parsed (an endless-data defence; the
/// real files are a few kilobytes).
const LIMITS: Limits = Limits {
    max_root_size: 256 * 1024,
    max_targets_size: 4 * 1024 * 1024,
    max_timestamp_size: 16 * 1024,
    max_snapshot_size: 256 * 1024,
    max_root_updates: 64,
};

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub cities: Vec<(String, CityOutcome)>,
    /// HTTP requests made and body bytes received, metadata included.
    pub requests: u64,
    pub bytes: u64,
}

/// The feed of one publisher, as seen from one data folder.
pub struct FeedClient {
    base: Url,
    pub(super) data: PathBuf,
    shipped_root: Vec<u8>,
    pub(super) http: Http,
    pub(super) store: Box<dyn PackStore>,
}

impl FeedClient {
    /// `base` is the feed folder's URL (holding `metadata/` and `targets/`); `data` the
    /// folder of installed packs; `shipped_root` the root metadata built into the app.
    pub fn new(base: &str, data: &Path, shipped_root: &[u8]) -> Result<FeedClient, FeedError> {
        let mut base =
            Url::parse(base).map_err(|e| FeedError::Setup(format!("feed URL `{base}`: {e}")))?;
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        Ok(FeedClient {
            base,
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
        self.http = Http::new(timeout)?;
        Ok(self)
    }

    pub fn traffic(&self) -> &Traffic {
        &self.http.traffic
    }

    fn feed_dir(&self) -> PathBuf {
        self.data.join("feed")
    }
    fn trusted_dir(&self) -> PathBuf {
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

    /// Brings every city of the feed (or only `only`) to its newest version.
    pub async fn update(
        &self,
        only: Option<&str>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Report, FeedError> {
        for dir in [self.trusted_dir(), self.downloads_dir()] {
            std::fs::create_dir_all(&dir).map_err(|e| FeedError::io(&dir, e))?;
        }
        let timestamp_url = self.metadata_url("timestamp.json")?;
        let (timestamp, validators) = self.fetch_timestamp(&timestamp_url).await?;

        let cities = match self.confirm_current(&timestamp, only)? {
            Some(cities) => cities,
            None => {
                let repo = RepositoryLoader::new(
                    &self.trusted_root_bytes(),
                    self.metadata_url("")?,
                    self.targets_url("")?,
                )
                .transport(MetadataTransport {
                    http: self.http.clone(),
                    prefetched: Some((timestamp_url, timestamp.clone())),
                })
                .datastore(self.trusted_dir())
                .limits(LIMITS)
                .load()
                .await
                .map_err(from_tough)?;
                let listing = Listing::read(&repo.targets().signed, self.store.schema())?;
                let mut cities = Vec::new();
                for city in listing.cities(only)? {
                    let outcome = self.update_city(&listing, &city, progress).await?;
                    cities.push((city, outcome));
                }
                cities
            }
        };
        // Kept only now, so that "not modified" always refers to a completed update; each
        // file is written beside and renamed, so a kill never leaves half of one.
        for (file, bytes) in [
            ("timestamp.json", &timestamp[..]),
            ("timestamp.validators", validators.as_bytes()),
        ] {
            let path = self.feed_dir().join(file);
            let part = self.feed_dir().join(format!("{file}.part"));
            std::fs::write(&part, bytes)
                .and_then(|()| std::fs::rename(&part, &path))
                .map_err(|e| FeedError::io(&path, e))?;
        }
        Ok(Report {
            cities,
            requests: self.http.traffic.requests.load(Ordering::Relaxed),
            bytes: self.http.traffic.bytes.load(Ordering::Relaxed),
        })
    }

    fn metadata_url(&self, file: &str) -> Result<Url, FeedError> {
        self.join(&format!("metadata/{file}"))
    }
    pub(super) fn targets_url(&self, file: &str) -> Result<Url, FeedError> {
        self.join(&format!("targets/{file}"))
    }
    fn join(&self, path: &str) -> Result<Url, FeedError> {
        self.base
            .join(path)
            .map_err(|e| FeedError::Setup(format!("{}{path}: {e}", self.base)))
    }

    /// The timestamp, asked for conditionally: a 304 answer costs no body and means the
    /// copy kept from the last completed update is still the current one. Returns the body
    /// and the validators (ETag, Last-Modified) to send next time.
    async fn fetch_timestamp(&self, url: &Url) -> Result<(Vec<u8>, String), FeedError> {
        let kept = std::fs::read(self.feed_dir().join("timestamp.json"))
            .ok()
            .filter(|kept| serde_json::from_slice::<Signed<Timestamp>>(kept).is_ok());
        let saved = std::fs::read_to_string(self.feed_dir().join("timestamp.validators"))
            .unwrap_or_default();
        let mut headers = Vec::new();
        for line in saved.lines().filter(|_| kept.is_some()) {
            if let Some(etag) = line.strip_prefix("etag ") {
                headers.push((IF_NONE_MATCH, etag.to_string()));
            } else if let Some(date) = line.strip_prefix("last-modified ") {
                headers.push((IF_MODIFIED_SINCE, date.to_string()));
            }
        }
        let response = self.http.get(url, &headers).await?;
        match (response.status(), kept) {
            (StatusCode::NOT_MODIFIED, Some(kept)) => Ok((kept, saved)),
            (StatusCode::OK, _) => {
                let mut saved = String::new();
                let header = |name| response.headers().get(name)?.to_str().ok();
                if let Some(etag) = header(ETAG) {
                    saved += &format!("etag {etag}\n");
                }
                if let Some(date) = header(LAST_MODIFIED) {
                    saved += &format!("last-modified {date}\n");
                }
                let body = self
                    .http
                    .body(url, response, LIMITS.max_timestamp_size)
                    .await?;
                Ok((body, saved))
            }
            (status, _) => Err(FeedError::status_of(url, status)),
        }
    }

    /// The root to start from: the shipped one, or a newer one the feed rotated to earlier.
    fn trusted_root_bytes(&self) -> Vec<u8> {
        let version = |bytes: &[u8]| {
            serde_json::from_slice::<Signed<Root>>(bytes)
                .map(|r| r.signed.version.get())
                .unwrap_or(0)
        };
        match std::fs::read(self.trusted_dir().join("root.json")) {
            Ok(kept) if version(&kept) > version(&self.shipped_root) => kept,
            _ => self.shipped_root.clone(),
        }
    }

    fn trusted<T: serde::de::DeserializeOwned>(&self, file: &str) -> Option<Signed<T>> {
        let bytes = std::fs::read(self.trusted_dir().join(file)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// When the feed's timestamp is the one already trusted and every city is at the
    /// version the trusted targets name, the update is over without another request. The
    /// timestamp's signature and every trusted role's expiry are checked again here: a feed
    /// that keeps answering "not modified" cannot hide that its metadata has expired.
    fn confirm_current(
        &self,
        timestamp: &[u8],
        only: Option<&str>,
    ) -> Result<Option<Vec<(String, CityOutcome)>>, FeedError> {
        let (Ok(timestamp), Some(trusted_timestamp), Some(root)) = (
            serde_json::from_slice::<Signed<Timestamp>>(timestamp),
            self.trusted::<Timestamp>("timestamp.json"),
            serde_json::from_slice::<Signed<Root>>(&self.trusted_root_bytes()).ok(),
        ) else {
            return Ok(None);
        };
        if trusted_timestamp.signed.version != timestamp.signed.version
            || root.signed.verify_role(&timestamp).is_err()
        {
            return Ok(None);
        }
        let (Some(snapshot), Some(targets)) = (
            self.trusted::<Snapshot>("snapshot.json"),
            self.trusted::<Targets>("targets.json"),
        ) else {
            return Ok(None);
        };
        let now = jiff::Timestamp::now();
        for (role, expires) in [
            ("root", root.signed.expires),
            ("timestamp", timestamp.signed.expires),
            ("snapshot", snapshot.signed.expires()),
            ("targets", targets.signed.expires()),
        ] {
            if expires < now {
                return Err(FeedError::Expired { role: role.into() });
            }
        }
        let listing = Listing::read(&targets.signed, self.store.schema())?;
        let mut cities = Vec::new();
        for city in listing.cities(only)? {
            let newest = listing.newest(&city);
            match self.store.installed_version(&self.data, &city) {
                Some(version) if version >= newest => {
                    cities.push((city, CityOutcome::Current { version }))
                }
                _ => return Ok(None),
            }
        }
        Ok(Some(cities))
    }
}

/// tough's refusals, sorted into what a person or a script can act on.
fn from_tough(e: tough::error::Error) -> FeedError {
    if let tough::error::Error::ExpiredMetadata { role, .. } = &e {
        return FeedError::Expired {
            role: role.to_string(),
        };
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        match s.downcast_ref::<FeedError>() {
            Some(FeedError::Unreachable { url, reason }) => {
                return FeedError::Unreachable {
                    url: url.clone(),
                    reason: reason.clone(),
                }
            }
            Some(FeedError::Server { url, status }) => {
                return FeedError::Server {
                    url: url.clone(),
                    status: *status,
                }
            }
            _ => source = s.source(),
        }
    }
    FeedError::Refused(super::reasons(&e))
}
