//! The web app's release manifest, `release.json`: which files make one version of the site
//! (the app shell, its wasm and the city pack) and the SHA-256 of each. `merhaba-pack site`
//! writes it; the web app reads it to find and check its pack, and the service worker
//! (web/sw.js) reads it to cache a whole release or none of it. On the web the site's own
//! origin, over HTTPS, is the trust anchor: it serves the code that does the checking
//! (ARCHITECTURE.md, "The web app").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name, at the root of the site.
pub const RELEASE_FILE: &str = "release.json";

/// One version of the web site.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// Names this release: the SHA-256 of every other file's name and hash, so any change
    /// of any file makes a new release (and a new service worker).
    pub release: String,
    /// Grows with every release of the site (`merhaba-pack site` sets it): the service
    /// worker refuses a release numbered lower than one it installed, so a host or cache
    /// serving an old release cannot take a phone back. 0 in manifests written before it.
    #[serde(default)]
    pub number: u64,
    pub city: String,
    pub content_version: u64,
    /// The pack schema the shell of this release reads.
    pub schema: i32,
    /// The pack's path in `files`.
    pub pack: String,
    /// Every file of the release by its path relative to the site root.
    pub files: BTreeMap<String, ReleaseFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseFile {
    pub sha256: String,
    pub length: u64,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReleaseError {
    #[error("{RELEASE_FILE}: {0}")]
    Malformed(String),
    #[error("{RELEASE_FILE}: the pack {0} is not among its files")]
    NoPack(String),
    #[error("{path}: {length} bytes with SHA-256 {sha256}, but {RELEASE_FILE} says {expected_length} bytes with {expected}")]
    Mismatch {
        path: String,
        sha256: String,
        length: u64,
        expected: String,
        expected_length: u64,
    },
    #[error("{0} is not a file of this release")]
    Unknown(String),
}

/// Lower-case hex SHA-256, as the manifest writes hashes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Release {
    /// Release `number` of `files` (path → bytes), naming the pack among them.
    pub fn of(
        number: u64,
        city: &str,
        content_version: u64,
        schema: i32,
        pack: &str,
        files: &BTreeMap<String, Vec<u8>>,
    ) -> Result<Release, ReleaseError> {
        let files: BTreeMap<String, ReleaseFile> = files
            .iter()
            .map(|(path, bytes)| {
                let file = ReleaseFile {
                    sha256: sha256_hex(bytes),
                    length: bytes.len() as u64,
                };
                (path.clone(), file)
            })
            .collect();
        let mut names = String::new();
        for (path, file) in &files {
            names.push_str(&format!("{path}\t{}\n", file.sha256));
        }
        let release = Release {
            release: sha256_hex(names.as_bytes())[..16].to_string(),
            number,
            city: city.to_string(),
            content_version,
            schema,
            pack: pack.to_string(),
            files,
        };
        release.checked()
    }

    pub fn parse(bytes: &[u8]) -> Result<Release, ReleaseError> {
        let release: Release =
            serde_json::from_slice(bytes).map_err(|e| ReleaseError::Malformed(e.to_string()))?;
        release.checked()
    }

    fn checked(self) -> Result<Release, ReleaseError> {
        if !self.files.contains_key(&self.pack) {
            return Err(ReleaseError::NoPack(self.pack));
        }
        Ok(self)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a release serializes")
    }

    /// Checks that `bytes` are the file at `path` of this release.
    pub fn verify(&self, path: &str, bytes: &[u8]) -> Result<(), ReleaseError> {
        let expected = self
            .files
            .get(path)
            .ok_or_else(|| ReleaseError::Unknown(path.to_string()))?;
        let sha256 = sha256_hex(bytes);
        let length = bytes.len() as u64;
        if sha256 != expected.sha256 || length != expected.length {
            return Err(ReleaseError::Mismatch {
                path: path.to_string(),
                sha256,
                length,
                expected: expected.sha256.clone(),
                expected_length: expected.length,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            ("index.html".to_string(), b"<html>".to_vec()),
            ("packs/aydin-3.sqlite".to_string(), b"pack bytes".to_vec()),
        ])
    }

    #[test]
    fn a_release_names_checks_and_reads_back_its_files() {
        let release = Release::of(7, "aydin", 3, 5, "packs/aydin-3.sqlite", &files()).unwrap();
        assert_eq!(
            Release::parse(release.to_json().as_bytes()).unwrap(),
            release
        );
        release
            .verify("packs/aydin-3.sqlite", b"pack bytes")
            .unwrap();
        let err = release
            .verify("packs/aydin-3.sqlite", b"pack bytez")
            .unwrap_err();
        assert!(err
            .to_string()
            .starts_with("packs/aydin-3.sqlite: 10 bytes with SHA-256 "));
        assert_eq!(
            release.verify("other.js", b"").unwrap_err(),
            ReleaseError::Unknown("other.js".into())
        );

        // A manifest written before releases were numbered reads as number 0.
        let unnumbered = release.to_json().replace("\"number\": 7,", "");
        assert_eq!(Release::parse(unnumbered.as_bytes()).unwrap().number, 0);

        // Any change of any file is a new release.
        let mut changed = files();
        changed.insert("index.html".into(), b"<html lang=ar>".to_vec());
        let other = Release::of(7, "aydin", 3, 5, "packs/aydin-3.sqlite", &changed).unwrap();
        assert_ne!(other.release, release.release);
    }

    #[test]
    fn a_malformed_manifest_says_what_is_wrong() {
        let err = Release::parse(b"{\"release\": 1}").unwrap_err().to_string();
        assert!(err.starts_with("release.json: invalid type"), "{err}");
        let release = Release::of(7, "aydin", 3, 5, "packs/aydin-3.sqlite", &files()).unwrap();
        let json = release.to_json().replace(
            "\"pack\": \"packs/aydin-3.sqlite\"",
            "\"pack\": \"packs/x.sqlite\"",
        );
        assert_eq!(
            Release::parse(json.as_bytes()).unwrap_err().to_string(),
            "release.json: the pack packs/x.sqlite is not among its files"
        );
    }
}
