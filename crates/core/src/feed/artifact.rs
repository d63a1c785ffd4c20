//! Any signed target by name, downloaded into a folder: the `download` command of the TUF
//! conformance suite's client command line (`merhaba-pack tuf-client`). The app itself
//! downloads only packs and deltas, through `install.rs`; both use the same metadata
//! refresh, transport, caps, deadlines and resumable parts.

use std::path::{Path, PathBuf};

use tough::schema::{Root, Signed};
use tough::TargetName;

use super::client::FeedClient;
use super::http::sha256;
use super::FeedError;

impl FeedClient {
    /// Brings the metadata up to date, then downloads each of `names` (in order, stopping
    /// at the first failure) into `dir`, where each is kept under its name made into one
    /// file name ([`file_name`]). A file already there with the signed length and hash is
    /// not downloaded again. Returns the paths written or found.
    pub async fn download_targets(
        &self,
        names: &[String],
        dir: &Path,
    ) -> Result<Vec<PathBuf>, FeedError> {
        let refreshed = self.refresh_metadata().await?;
        let root = serde_json::from_slice::<Signed<Root>>(&self.trusted_root_bytes())
            .map_err(|e| FeedError::Refused(format!("the trusted root: {e}")))?;
        std::fs::create_dir_all(dir).map_err(|e| FeedError::io(dir, e))?;
        let mut paths = Vec::new();
        for name in names {
            let target_name = TargetName::new(name.as_str())
                .map_err(|e| FeedError::Refused(format!("target `{name}`: {e}")))?;
            let target = refreshed
                .targets
                .signed
                .find_target(&target_name, false)
                .map_err(|_| FeedError::Refused(format!("no signed target `{name}`")))?;
            let sha = &target.hashes.sha256;
            let path = dir.join(file_name(name));
            let kept = std::fs::read(&path)
                .is_ok_and(|bytes| bytes.len() as u64 == target.length && sha256(&bytes) == **sha);
            if !kept {
                // With consistent snapshots each file is published under its hash too.
                let url_path = match (root.signed.consistent_snapshot, name.rsplit_once('/')) {
                    (false, _) => name.clone(),
                    (true, Some((dir, base))) => format!("{dir}/{}.{base}", hex::encode(sha)),
                    (true, None) => format!("{}.{name}", hex::encode(sha)),
                };
                let url = self.targets_url(&url_path)?;
                let part = self.downloads_dir().join(hex::encode(sha));
                self.http
                    .download(&url, &part, target.length, sha, &mut |_| {})
                    .await?;
                std::fs::rename(&part, &path)
                    .or_else(|_| std::fs::copy(&part, &path).map(drop))
                    .map_err(|e| FeedError::io(&path, e))?;
                let _ = std::fs::remove_file(&part);
            }
            paths.push(path);
        }
        self.keep_applied(&refreshed)?;
        Ok(paths)
    }
}

/// A target name as one file name: every byte but ASCII letters, digits, `-`, `_` and an
/// inner `.` percent-encoded, so `a/b.txt` is `a%2Fb.txt`, and `..` cannot be a name.
fn file_name(target: &str) -> String {
    let mut name = String::new();
    for (i, byte) in target.bytes().enumerate() {
        match byte {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => name.push(byte as char),
            b'.' if i > 0 => name.push('.'),
            _ => name.push_str(&format!("%{byte:02X}")),
        }
    }
    if name.is_empty() {
        name.push_str("%00");
    }
    name
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn every_target_name_is_one_safe_file_name() {
        assert_eq!(file_name("a/b.txt"), "a%2Fb.txt");
        assert_eq!(file_name(".."), "%2E.");
        assert_eq!(file_name("../../etc/passwd"), "%2E.%2F..%2Fetc%2Fpasswd");
        assert_eq!(file_name("ü"), "%C3%BC");
        assert_eq!(file_name(""), "%00");
        assert_ne!(file_name("a/b"), file_name("a%2Fb"));
    }
}
