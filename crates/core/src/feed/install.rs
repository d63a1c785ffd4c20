//! One city's update: download the route's files, rebuild the pack from them, check it
//! against what is signed, and hand it to the store that installs it.

use std::path::{Path, PathBuf};

use crate::pack::StoreError;

use super::client::{CityOutcome, FeedClient, Progress};
use super::route::Listing;
use super::target::pack_schema_of;
use super::{FeedError, FeedTarget};

/// Where a feed client installs packs: the app's own store ([`AppStore`]). A test of a feed
/// that serves two schema versions plays an app of another release with a store of its
/// own, since this build's store reads only its own schema.
pub trait PackStore: Send + Sync {
    /// The pack schema version (`PRAGMA user_version`) this store reads. The client looks
    /// only under `v<schema>/` of the feed and refuses a pack of any other schema.
    fn schema(&self) -> u32;
    /// The content version of `city` installed in `data` (at [`crate::pack_path`]), if a
    /// pack this store reads is there.
    fn installed_version(&self, data: &Path, city: &str) -> Option<u64>;
    /// Installs a pack whose bytes the client has checked, so that a crash leaves the old
    /// pack or the new one. It must be exactly `city` at content `version` (its signed
    /// name); a pack saying anything else, or failing the store's checks, is refused
    /// ([`FeedError::Refused`]); only the disk's own errors are [`FeedError::Io`] or
    /// [`FeedError::Store`].
    fn install(&self, data: &Path, city: &str, version: u64, pack: &[u8]) -> Result<(), FeedError>;
}

/// This app's store: packs of [`crate::pack::schema::PACK_SCHEMA_VERSION`], installed with
/// [`crate::install_pack`] (written beside the old pack, checked, renamed over it).
pub struct AppStore;

impl PackStore for AppStore {
    fn schema(&self) -> u32 {
        crate::pack::schema::PACK_SCHEMA_VERSION as u32
    }
    fn installed_version(&self, data: &Path, city: &str) -> Option<u64> {
        crate::CityPack::open(&crate::pack_path(data, city))
            .ok()
            .map(|p| p.content_version())
    }
    fn install(&self, data: &Path, city: &str, version: u64, pack: &[u8]) -> Result<(), FeedError> {
        match crate::pack::install_pack_as(data, city, version, pack) {
            Ok(_) => Ok(()),
            Err(e @ StoreError::Io { .. }) => Err(e.into()),
            // Signed bytes that are not a sound pack of that name: the feed's fault.
            Err(e) => Err(FeedError::Refused(e.to_string())),
        }
    }
}

impl FeedClient {
    pub(super) async fn update_city(
        &self,
        listing: &Listing<'_>,
        city: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<CityOutcome, FeedError> {
        let newest = listing.newest(city);
        let installed = self.store.installed_version(&self.data, city);
        // At the newest version, the installed pack must be its signed bytes: one changed
        // on the disk is downloaded again.
        let sound = || {
            std::fs::read(crate::pack_path(&self.data, city))
                .is_ok_and(|bytes| listing.matches_pack(city, newest, &bytes))
        };
        match installed {
            Some(version) if version > newest || (version == newest && sound()) => {
                return Ok(CityOutcome::Current { version })
            }
            _ => {}
        }
        // A delta applies only to the exact bytes it was made from.
        let base = match installed {
            Some(v) => std::fs::read(crate::pack_path(&self.data, city))
                .ok()
                .filter(|bytes| listing.matches_pack(city, v, bytes))
                .map(|bytes| (v, bytes)),
            None => None,
        };
        let by_deltas = base.is_some();
        let files = match self.install_route(listing, city, base, progress).await {
            // A delta missing on the server or not making the signed pack: the whole pack
            // is listed too, and tried next. (A connection that fails is not retried with
            // more bytes.)
            Err(FeedError::Server { .. } | FeedError::Refused(_)) if by_deltas => {
                self.install_route(listing, city, None, progress).await?
            }
            done => done?,
        };
        Ok(CityOutcome::Installed {
            from: installed,
            to: newest,
            files,
        })
    }

    /// Downloads the route from `base` (the installed version and its bytes) to the newest
    /// version of `city`, rebuilds the pack, checks it and installs it; returns the names of
    /// the files it downloaded.
    async fn install_route(
        &self,
        listing: &Listing<'_>,
        city: &str,
        base: Option<(u64, Vec<u8>)>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Vec<String>, FeedError> {
        let newest = listing.newest(city);
        let route = listing.route(city, base.as_ref().map(|(v, _)| *v), newest);
        let total = route.iter().map(|(_, t)| t.length).sum();
        let mut done = 0;
        let mut files = Vec::new();
        let fetched = async {
            for (name, target) in &route {
                let part = self
                    .downloads_dir()
                    .join(hex::encode(&target.hashes.sha256));
                let url = self.targets_url(&name.to_string())?;
                let report = &mut |n: u64| {
                    progress(Progress {
                        city: city.to_string(),
                        done: done + n,
                        total,
                    })
                };
                self.http
                    .download(&url, &part, target.length, &target.hashes.sha256, report)
                    .await?;
                done += target.length;
                files.push(part);
            }
            Ok::<(), FeedError>(())
        }
        .await;
        let base = base.map(|(_, bytes)| bytes).unwrap_or_default();
        let names: Vec<&FeedTarget> = route.iter().map(|(n, _)| n).collect();
        // A download that failed keeps what it had (its part is resumed next time).
        fetched?;
        let installed_now = rebuild(listing, city, base, &names, &files).and_then(|pack| {
            match pack_schema_of(&pack) {
                Some(schema) if schema == self.store.schema() => {}
                other => {
                    return Err(FeedError::Refused(format!(
                        "{city} version {newest}: a pack of schema {}, this app reads {}",
                        other.map_or("unknown".to_string(), |s| s.to_string()),
                        self.store.schema()
                    )))
                }
            }
            self.store.install(&self.data, city, newest, &pack)
        });
        // Installed, or of no use: signed files that do not make a sound pack are not
        // kept, and after a write failure nothing this update wrote stays on the disk.
        for part in &files {
            let _ = std::fs::remove_file(part);
        }
        installed_now?;
        Ok(names.iter().map(|n| n.to_string()).collect())
    }
}

/// The pack the downloaded `files` make, in route order from `base`: each step's result
/// (a decompressed pack, a delta applied) must match the signed length and hash of its
/// version, and is never allowed to grow past that length while it is made.
fn rebuild(
    listing: &Listing<'_>,
    city: &str,
    base: Vec<u8>,
    names: &[&FeedTarget],
    files: &[PathBuf],
) -> Result<Vec<u8>, FeedError> {
    let mut pack = base;
    for (name, part) in names.iter().zip(files) {
        let file = std::fs::read(part).map_err(|e| FeedError::io(part, e))?;
        let (FeedTarget::Pack { version: to, .. } | FeedTarget::Delta { to, .. }) = name;
        let expected = listing
            .contents(city, *to)
            .ok_or_else(|| FeedError::Refused(format!("{name}: its result is not listed")))?;
        let out = match name {
            FeedTarget::Pack { .. } => crate::delta::decompress(&file, expected.length),
            FeedTarget::Delta { .. } => crate::delta::apply(&pack, &file, expected.length),
        }
        .map_err(|e| FeedError::Refused(format!("{name}: {e}")))?;
        if !expected.matches(&out) {
            return Err(FeedError::Refused(format!(
                "{name}: the result does not match the signed hash of version {to}"
            )));
        }
        pack = out;
    }
    Ok(pack)
}
