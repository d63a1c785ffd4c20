//! "Already current": when an update may end after the timestamp, without walking the
//! metadata again; and the download folder kept to what is still wanted.
//!
//! tough keeps each new role in `feed/trusted/` as soon as it has verified it, so after an
//! update that stopped half-way (targets.json missing, a reset, a kill, a CDN serving the
//! new timestamp before the new targets) `trusted/` holds a new timestamp beside old
//! targets. The fast path therefore trusts only the timestamp of the last *completed*
//! update (`feed/timestamp.json`, written after every city was installed or found
//! current), and only when the trusted snapshot and targets are the ones that timestamp
//! names; a city is then current only when its installed pack is the signed pack of the
//! newest version (`install.rs`).

use std::collections::BTreeSet;

use tough::schema::{Role, Root, Signed, Snapshot, Targets, Timestamp};

use super::client::FeedClient;

impl FeedClient {
    fn trusted<T: serde::de::DeserializeOwned>(&self, file: &str) -> Option<Signed<T>> {
        let bytes = std::fs::read(self.trusted_dir().join(file)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// When the feed's timestamp is the one of the last completed update and the trusted
    /// metadata is the chain it names, the trusted targets, without another request. The
    /// timestamp's signature and every trusted role's expiry are checked again here: a feed
    /// that keeps answering "not modified" cannot hide that its metadata has expired. (Each
    /// city is then current only if its installed pack is the signed pack of the newest
    /// version: [`FeedClient::update_city`].)
    pub(super) fn confirm_chain(
        &self,
        raw: &[u8],
        applied: Option<&[u8]>,
    ) -> Option<Signed<Targets>> {
        // The very timestamp (its bytes: version and hash) of the last completed update.
        if applied != Some(raw) {
            return None;
        }
        let (Ok(timestamp), Some(trusted_timestamp), Some(root)) = (
            serde_json::from_slice::<Signed<Timestamp>>(raw),
            self.trusted::<Timestamp>("timestamp.json"),
            serde_json::from_slice::<Signed<Root>>(&self.trusted_root_bytes()).ok(),
        ) else {
            return None;
        };
        if trusted_timestamp.signed.version != timestamp.signed.version
            || root.signed.verify_role(&timestamp).is_err()
        {
            return None;
        }
        let (Some(snapshot), Some(targets)) = (
            self.trusted::<Snapshot>("snapshot.json"),
            self.trusted::<Targets>("targets.json"),
        ) else {
            return None;
        };
        // Delegated roles are not followed here: a feed that delegates is walked again.
        if targets
            .signed
            .delegations
            .as_ref()
            .is_some_and(|d| !d.roles.is_empty())
        {
            return None;
        }
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
            return None;
        }
        // An expired role is never confirmed: the walk looks for a newer one (a new root,
        // say) and says `expired` if there is none.
        let now = jiff::Timestamp::now();
        let expiries = [
            root.signed.expires,
            timestamp.signed.expires,
            snapshot.signed.expires(),
            targets.signed.expires(),
        ];
        if expiries.iter().any(|expires| *expires < now) {
            return None;
        }
        Some(targets)
    }

    /// The timestamp to go on with: the one the feed sent, unless it is a timestamp of the same
    /// version as the one last `applied`, signed again with other contents. TUF keeps the
    /// trusted one then (a new timestamp must have a new version), so this returns the applied
    /// one, and the update ends as current.
    pub(super) fn unless_resigned(fetched: Vec<u8>, applied: Option<&[u8]>) -> Vec<u8> {
        let version = |bytes: &[u8]| {
            serde_json::from_slice::<Signed<Timestamp>>(bytes)
                .ok()
                .map(|t| t.signed.version)
        };
        match applied {
            Some(applied)
                if applied != fetched
                    && version(applied).is_some()
                    && version(applied) == version(&fetched) =>
            {
                applied.to_vec()
            }
            _ => fetched,
        }
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
