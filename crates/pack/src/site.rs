//! `site`: the web app as one folder of static files, ready for any static host or CDN:
//! the app shell (web/index.html, the manifest, the icons), the wasm app as wasm-bindgen
//! wrote it, the city pack, the service worker, and `release.json` naming every file with
//! its SHA-256 (the format is `merhaba_core::release`'s). The folder is written whole
//! (`crate::folder`), so a failed build leaves the previous site as it was.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use merhaba_core::pack::schema::PACK_SCHEMA_VERSION;
use merhaba_core::release::{Release, RELEASE_FILE};

use crate::ContentSource;

/// Where the parts of the site come from.
pub struct SiteParts<'a> {
    /// wasm-bindgen's output folder for the app (`--target web --out-name merhaba`).
    pub app: &'a Path,
    /// The shell: index.html, boot.js, manifest.webmanifest and the sw.js template.
    pub shell: &'a Path,
    /// The app icons (assets/icons).
    pub icons: &'a Path,
}

/// The shell's files; sw.js is written apart, with the release it serves.
const SHELL_FILES: &[&str] = &["index.html", "boot.js", "manifest.webmanifest"];
/// The icons the manifest and index.html name.
const ICONS: &[&str] = &["icon-192.png", "icon-512.png", "apple-touch-icon.png"];
/// What the app folder must hold.
const APP_FILES: &[&str] = &["merhaba.js", "merhaba_bg.wasm"];
/// Where sw.js takes its release id.
const RELEASE_MARK: &str = "__RELEASE__";

/// Builds the site for `source` into `out`, returning its release. `number` is the
/// release's number ([`release_number`] when not given).
pub fn build_site(
    source: &ContentSource,
    parts: &SiteParts,
    out: &Path,
    number: Option<u64>,
) -> anyhow::Result<Release> {
    let number = release_number(number, out)?;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for name in APP_FILES {
        if !parts.app.join(name).is_file() {
            bail!(
                "{}: no {name}; build the app with scripts/web.sh",
                parts.app.display()
            );
        }
    }
    add_tree(&mut files, parts.app, "")?;
    for name in SHELL_FILES {
        files.insert(name.to_string(), read(&parts.shell.join(name))?);
    }
    for name in ICONS {
        files.insert(format!("icons/{name}"), read(&parts.icons.join(name))?);
    }
    let city = &source.city.value;
    let pack_name = format!("packs/{}-{}.sqlite", city.id, city.content_version);
    let scratch = tempfile::tempdir()?;
    let pack_file = scratch.path().join("pack.sqlite");
    merhaba_core::build_pack(&source.content(), &pack_file)?;
    files.insert(pack_name.clone(), read(&pack_file)?);

    let release = Release::of(
        number,
        &city.id,
        city.content_version,
        PACK_SCHEMA_VERSION,
        &pack_name,
        &files,
    )?;
    let template =
        String::from_utf8(read(&parts.shell.join("sw.js"))?).context("sw.js is not UTF-8")?;
    if !template.contains(RELEASE_MARK) {
        bail!(
            "{}: no {RELEASE_MARK} to put the release in",
            parts.shell.join("sw.js").display()
        );
    }
    files.insert(
        "sw.js".into(),
        template
            .replace(RELEASE_MARK, &release.release)
            .into_bytes(),
    );
    files.insert(RELEASE_FILE.into(), release.to_json().into_bytes());

    crate::folder::replace_whole(out, |staging| {
        for (path, bytes) in &files {
            let file = staging.join(path);
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
            }
            std::fs::write(&file, bytes).with_context(|| file.display().to_string())?;
        }
        Ok(())
    })?;
    Ok(release)
}

/// The number of a new release: `given`, or else the build time in seconds since 1970 (one
/// above the site's in `out` if that is higher, a clock set back). Either way above the
/// number of the site already in `out`: releases only grow, and phones refuse one that
/// does not (web/sw.js).
pub fn release_number(given: Option<u64>, out: &Path) -> anyhow::Result<u64> {
    let previous = std::fs::read(out.join(RELEASE_FILE))
        .ok()
        .and_then(|bytes| Release::parse(&bytes).ok())
        .map(|release| release.number);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let number = given.unwrap_or_else(|| now.max(previous.map_or(0, |p| p + 1)));
    match previous {
        Some(previous) if number <= previous => bail!(
            "release number {number}: the site in {} is release number {previous}, and a new \
             release must be numbered above it (phones refuse one that goes back)",
            out.display()
        ),
        _ => Ok(number),
    }
}

fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| path.display().to_string())
}

/// Every file under `dir`, by its path below it with `prefix`.
fn add_tree(files: &mut BTreeMap<String, Vec<u8>>, dir: &Path, prefix: &str) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| dir.display().to_string())?
        .collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().into_string().map_err(|n| {
            anyhow::anyhow!("{}: a file name that is not UTF-8: {n:?}", dir.display())
        })?;
        let path = format!("{prefix}{name}");
        if entry.file_type()?.is_dir() {
            add_tree(files, &entry.path(), &format!("{path}/"))?;
        } else {
            files.insert(path, read(&entry.path())?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_numbered(number: u64) -> tempfile::TempDir {
        let out = tempfile::tempdir().unwrap();
        let files = BTreeMap::from([("packs/a.sqlite".to_string(), b"pack".to_vec())]);
        let release = Release::of(number, "aydin", 1, 10, "packs/a.sqlite", &files).unwrap();
        std::fs::write(out.path().join(RELEASE_FILE), release.to_json()).unwrap();
        out
    }

    #[test]
    fn a_release_is_numbered_above_the_site_it_replaces() {
        // A first site: the build time.
        let none = tempfile::tempdir().unwrap();
        let first = release_number(None, none.path()).unwrap();
        assert!(first > 1_700_000_000, "{first}");
        // A site from a clock that ran ahead: one above it, not the clock's time.
        let ahead = site_numbered(u64::MAX / 2);
        assert_eq!(
            release_number(None, ahead.path()).unwrap(),
            u64::MAX / 2 + 1
        );
        // A number given that does not go above: refused, naming the folder and both.
        let err = release_number(Some(5), site_numbered(5).path())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("release number 5: the site in "), "{err}");
        assert!(
            err.contains("is release number 5, and a new release"),
            "{err}"
        );
        assert_eq!(release_number(Some(6), site_numbered(5).path()).unwrap(), 6);
    }
}
