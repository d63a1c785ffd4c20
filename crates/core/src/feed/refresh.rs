//! The feed's metadata brought up to date, in TUF's order: the next root, the timestamp
//! (asked for conditionally), then either the chain it names confirmed from what is trusted
//! (`current.rs`) or tough's walk from the trusted root; kept as applied once an update
//! completes.

use reqwest::header::{ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED};
use reqwest::StatusCode;
use tough::schema::{Root, Signed, Targets, Timestamp};
use tough::RepositoryLoader;
use url::Url;

use super::client::FeedClient;
use super::http::{MetadataTransport, LIMITS};
use super::FeedError;

/// The metadata of the feed, verified up to the targets: walked again from the trusted
/// root, or confirmed current without more requests ([`FeedClient::confirm_chain`]).
pub(super) struct Refreshed {
    pub(super) targets: Signed<Targets>,
    /// The timestamp and its validators, kept once everything it names is applied.
    timestamp: Vec<u8>,
    validators: String,
}

impl FeedClient {
    /// Brings the trusted metadata up to date, as [`FeedClient::update`] does before it
    /// looks at any city, and keeps the timestamp as applied: for a repository whose
    /// targets are not city packs (the conformance suite's).
    pub async fn refresh(&self) -> Result<(), FeedError> {
        let refreshed = self.refresh_metadata_in_time().await?;
        self.keep_applied(&refreshed)
    }

    /// [`FeedClient::refresh_metadata`] within one deadline for all of it, four times a
    /// file's allowance (2 minutes by default): each file's own deadline follows its size
    /// cap (4 MiB for targets.json), so a server dripping a few-kilobyte file could
    /// otherwise hold an update for a quarter of an hour.
    pub(super) async fn refresh_metadata_in_time(&self) -> Result<Refreshed, FeedError> {
        let deadline = self.http.allowance * 4;
        match tokio::time::timeout(deadline, self.refresh_metadata()).await {
            Ok(refreshed) => refreshed,
            Err(_) => Err(FeedError::Unreachable {
                url: self.metadata.to_string(),
                reason: format!(
                    "the feed's metadata was not received by its deadline of {:.1} s",
                    deadline.as_secs_f64()
                ),
            }),
        }
    }

    /// The verified metadata: the timestamp asked for conditionally, then either the chain
    /// it names confirmed from what is trusted already (no more requests), or tough's walk
    /// from the trusted root.
    pub(super) async fn refresh_metadata(&self) -> Result<Refreshed, FeedError> {
        // No request is made on a trust anchor that is not sound.
        let root = serde_json::from_slice::<Signed<Root>>(&self.trusted_root_bytes())
            .map_err(|e| FeedError::Refused(format!("the trusted root metadata: {e}")))?;
        root.signed.verify_role(&root).map_err(|e| {
            FeedError::Refused(format!("the trusted root metadata: {}", super::reasons(&e)))
        })?;
        for dir in [self.trusted_dir(), self.downloads_dir()] {
            std::fs::create_dir_all(&dir).map_err(|e| FeedError::io(&dir, e))?;
        }
        // TUF's order (1.0, 5.3): the next root first, so that a rotated root (the way a
        // compromised key is revoked) is trusted at the very next check.
        let next_root_url =
            self.metadata_url(&format!("{}.root.json", root.signed.version.get() + 1))?;
        let next_root = self.fetch_next_root(&next_root_url).await?;
        if next_root.is_some() {
            // tough walks the new roots and then the timestamp, each verified by the root
            // before it. The timestamp it keeps is then the applied one (with no
            // validators: the next check asks for it unconditionally).
            let targets = self.walk(vec![(next_root_url, next_root)]).await?;
            let timestamp = std::fs::read(self.trusted_dir().join("timestamp.json"))
                .map_err(|e| FeedError::io(&self.trusted_dir().join("timestamp.json"), e))?;
            return Ok(Refreshed {
                targets,
                timestamp,
                validators: String::new(),
            });
        }
        // The timestamp of the last completed update, read once for the three uses below.
        let applied = std::fs::read(self.feed_dir().join("timestamp.json")).ok();
        let timestamp_url = self.metadata_url("timestamp.json")?;
        let (timestamp, validators) = self
            .http
            .within(
                &timestamp_url,
                LIMITS.max_timestamp_size,
                self.fetch_timestamp(&timestamp_url, applied.as_deref()),
            )
            .await?;
        let timestamp = FeedClient::unless_resigned(timestamp, applied.as_deref());
        let targets = match self.confirm_chain(&timestamp, applied.as_deref()) {
            Some(targets) => targets,
            None => {
                self.walk(vec![
                    (next_root_url, None),
                    (timestamp_url, Some(timestamp.clone())),
                ])
                .await?
            }
        };
        Ok(Refreshed {
            targets,
            timestamp,
            validators,
        })
    }

    /// tough's walk from the trusted root: the root chain, timestamp, snapshot and targets,
    /// each verified; `prefetched` is what this client asked for already.
    async fn walk(
        &self,
        prefetched: Vec<(Url, Option<Vec<u8>>)>,
    ) -> Result<Signed<Targets>, FeedError> {
        // tough refuses to run when the clock is earlier than the latest time it saw: a
        // phone whose clock was once set ahead (a wrong date, a dead battery) would never
        // update again once it is set right. Expiry is checked against the clock, and
        // versions never go backwards, either way.
        let _ = std::fs::remove_file(self.trusted_dir().join("latest_known_time.json"));
        let repo = RepositoryLoader::new(
            &self.trusted_root_bytes(),
            self.metadata.clone(),
            self.targets.clone(),
        )
        .transport(MetadataTransport {
            http: self.http.clone(),
            prefetched,
        })
        .datastore(self.trusted_dir())
        .limits(LIMITS)
        .load()
        .await
        .map_err(from_tough)?;
        Ok(repo.targets().clone())
    }

    /// The root that follows the trusted one, or `None` when the feed has not published
    /// one (the server has no such file).
    async fn fetch_next_root(&self, url: &Url) -> Result<Option<Vec<u8>>, FeedError> {
        let fetch = async {
            let response = self.http.get(url, &[]).await?;
            match response.status() {
                StatusCode::OK => self
                    .http
                    .body(url, response, LIMITS.max_root_size)
                    .await
                    .map(Some),
                StatusCode::NOT_FOUND | StatusCode::GONE => Ok(None),
                status => Err(FeedError::status_of(url, status)),
            }
        };
        self.http.within(url, LIMITS.max_root_size, fetch).await
    }

    /// Keeps the timestamp of an update whose every part is applied: only now, so that
    /// "not modified" always refers to a completed update. Each file is written beside and
    /// renamed, so a kill never leaves half of one.
    pub(super) fn keep_applied(&self, refreshed: &Refreshed) -> Result<(), FeedError> {
        for (file, bytes) in [
            ("timestamp.json", &refreshed.timestamp[..]),
            ("timestamp.validators", refreshed.validators.as_bytes()),
        ] {
            let path = self.feed_dir().join(file);
            let part = self.feed_dir().join(format!("{file}.part"));
            std::fs::write(&part, bytes)
                .and_then(|()| std::fs::rename(&part, &path))
                .map_err(|e| FeedError::io(&path, e))?;
        }
        Ok(())
    }

    /// The timestamp, asked for conditionally: a 304 answer costs no body and means the
    /// copy kept from the last completed update is still the current one. Returns the body
    /// and the validators (ETag, Last-Modified) to send next time.
    async fn fetch_timestamp(
        &self,
        url: &Url,
        applied: Option<&[u8]>,
    ) -> Result<(Vec<u8>, String), FeedError> {
        let kept = applied
            .filter(|kept| serde_json::from_slice::<Signed<Timestamp>>(kept).is_ok())
            .map(<[u8]>::to_vec);
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
    pub(super) fn trusted_root_bytes(&self) -> Vec<u8> {
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
}

/// tough's refusals, sorted into what a person or a script can act on: a transport's own
/// error keeps its kind, a failure to write the trusted metadata is the disk's.
fn from_tough(e: tough::error::Error) -> FeedError {
    use tough::error::Error as E;
    match &e {
        E::ExpiredMetadata { role, .. } => {
            return FeedError::Expired {
                role: role.to_string(),
            }
        }
        E::DatastoreCreate { path, source, .. }
        | E::DatastoreRemove { path, source, .. }
        | E::DirCreate { path, source, .. } => {
            return FeedError::Io {
                path: path.clone(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            }
        }
        _ => {}
    }
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
    while let Some(s) = source {
        if let Some(again) = s.downcast_ref::<FeedError>().and_then(FeedError::again) {
            return again;
        }
        source = s.source();
    }
    FeedError::Refused(super::reasons(&e))
}
