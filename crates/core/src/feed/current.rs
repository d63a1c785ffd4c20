//! "Already current": when an update may end after the timestamp, without walking the
//! metadata again; and the download folder kept to what is still wanted.
//!
//! tough keeps each new role in `feed/trusted/` as soon as it has verified it, so after an
//! update that stopped half-way (targets.json missing, a reset, a kill, a CDN serving the
//! new timestamp before the new targets) `trusted/` holds a new timestamp beside old
//! targets. The fast path therefore trusts only the timestamp of the last *completed*
//! update (`feed/timestamp.json`, written after every city was installed or found
//! current), and only when the trusted snapshot and targets are the ones that timestamp
//! names and each installed pack is the signed pack of the newest version.

use std::collections::BTreeSet;

use tough::schema::{Role, Root, Signed, Snapshot, Targets, Timestamp};

use super::client::{CityOutcome, FeedClient};
use super::route::Listing;
use super::FeedError;

impl FeedClient {
    fn trusted<T: serde::de::DeserializeOwned>(&self, file: &str) -> Option<Signed<T>> {
        let bytes = std::fs::read(self.trusted_dir().join(file)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// When the feed's timestamp is the one of the last completed update, the trusted
    /// metadata is the chain it names, and every city is at the version the trusted targets
    /// name, the update is over without another request. The timestamp's signature and
    /// every trusted role's expiry are checked again here: a feed that keeps answering
    /// "not modified" cannot hide that its metadata has expired.
    pub(super) fn confirm_current(
        &self,
        raw: &[u8],
        only: Option<&str>,
    ) -> Result<Option<Vec<(String, CityOutcome)>>, FeedError> {
        // The very timestamp (its bytes: version and hash) of the last completed update.
        let applied = std::fs::read(self.feed_dir().join("timestamp.json")).ok();
        if applied.as_deref() != Some(raw) {
            return Ok(None);
        }
        let (Ok(timestamp), Some(trusted_timestamp), Some(root)) = (
            serde_json::from_slice::<Signed<Timestamp>>(raw),
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
        // The trusted snapshot and targets are the ones this timestamp names (tough checked
        // each against the hash named for it when it kept it).
        let names = |meta: Option<std::num::NonZeroU64>, version| meta == Some(version);
        if !names(
            timestamp
                .signed
                .meta
                .get("snapshot.json")
                .map(|m| m.version),
            snapshot.signed.version,
        ) || !names(
            snapshot.signed.meta.get("targets.json").map(|m| m.version),
            targets.signed.version,
        ) {
            return Ok(None);
        }
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
            let installed = self.store.installed_version(&self.data, &city);
            // At the newest version, the installed pack must be its signed bytes.
            let sound = || {
                std::fs::read(crate::pack_path(&self.data, &city))
                    .is_ok_and(|bytes| listing.matches_pack(&city, newest, &bytes))
            };
            match installed {
                Some(version) if version > newest || (version == newest && sound()) => {
                    cities.push((city, CityOutcome::Current { version }))
                }
                _ => return Ok(None),
            }
        }
        Ok(Some(cities))
    }

    /// Removes every part in `feed/downloads/` but those named in `keep` (hex SHA-256 of
    /// files the signed metadata lists). Best effort: a part that stays is only resumed.
    pub(super) fn prune_downloads(&self, keep: &BTreeSet<String>) {
        let Ok(dir) = std::fs::read_dir(self.downloads_dir()) else {
            return;
        };
        for entry in dir.flatten() {
            if !keep.contains(&*entry.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}
