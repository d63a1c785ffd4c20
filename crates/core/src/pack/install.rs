//! Putting a pack in place on the device: written beside the old one, checked, renamed.

use std::path::{Path, PathBuf};

use super::{CityPack, StoreError};

/// Where the pack of `city` is installed in `dir`.
pub fn pack_path(dir: &Path, city: &str) -> PathBuf {
    dir.join(format!("{city}.sqlite"))
}

/// A city id as the content source and the feed spell it (lowercase letters, digits, `-`):
/// the one grammar of the `<city>` in feed target names and in installed file names, so
/// a pack's city never names a path outside the packs folder.
pub fn is_city_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

/// Installs a pack into `dir` under the city its `pack_meta` names (which must be a city
/// id), unless a sound pack of the same city with the same or a newer content version is
/// already there. For a pack whose city and version are known from elsewhere (the feed's
/// signed name, the app's embedded pack) use [`install_pack_as`].
///
/// The new file is written beside the old one, checked, then renamed over it, so a crash
/// leaves either the old pack or the new one. Returns the path of the installed pack.
pub fn install_pack(dir: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    install(dir, bytes, None)
}

/// [`install_pack`] for a pack that must be exactly `city` at content `version` (what its
/// signed target name says): any other city or version in its `pack_meta` is refused.
pub fn install_pack_as(
    dir: &Path,
    city: &str,
    version: u64,
    bytes: &[u8],
) -> Result<PathBuf, StoreError> {
    install(dir, bytes, Some((city, version)))
}

fn install(dir: &Path, bytes: &[u8], expected: Option<(&str, u64)>) -> Result<PathBuf, StoreError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io { path, source }
    };
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let incoming = dir.join(INCOMING);
    std::fs::write(&incoming, bytes)
        .and_then(|()| std::fs::File::open(&incoming)?.sync_all())
        .inspect_err(|_| {
            let _ = std::fs::remove_file(&incoming);
        })
        .map_err(io(&incoming))?;
    let (city, version) = {
        let checked = CityPack::open_checked(&incoming).and_then(|pack| {
            let (city, version) = (pack.meta("city")?, pack.content_version());
            let refuse = |reason: String| StoreError::NotAPack {
                path: incoming.clone(),
                reason,
            };
            if !is_city_id(&city) {
                return Err(refuse(format!("its city `{city}` is not a city id")));
            }
            match expected {
                Some(named) if named != (city.as_str(), version) => Err(refuse(format!(
                    "it is `{city}` version {version}, but was to be `{}` version {}",
                    named.0, named.1
                ))),
                _ => Ok((city, version)),
            }
        });
        checked.inspect_err(|_| {
            let _ = std::fs::remove_file(&incoming);
        })?
    };
    let target = pack_path(dir, &city);
    let installed = CityPack::open(&target).ok().map(|p| p.content_version());
    if installed.is_some_and(|v| v >= version) {
        std::fs::remove_file(&incoming).map_err(io(&incoming))?;
    } else {
        std::fs::rename(&incoming, &target).map_err(io(&target))?;
        // The rename itself must reach the disk before the update counts as done.
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io(dir))?;
    }
    Ok(target)
}

/// The file a pack is written to before it is checked and renamed into place.
const INCOMING: &str = "incoming.sqlite.tmp";

/// At start-up: opens the installed pack of `city` in `dir`, first installing `bytes` (a pack
/// of `version`, such as the one embedded in the app) only when no pack of that version or a
/// newer one is installed. The common case opens one file and writes nothing.
pub fn open_or_install(
    dir: &Path,
    city: &str,
    version: u64,
    bytes: &[u8],
) -> Result<CityPack, StoreError> {
    if !is_city_id(city) {
        return Err(StoreError::NotAPack {
            path: dir.to_path_buf(),
            reason: format!("`{city}` is not a city id"),
        });
    }
    // A pack half written when the app was killed is of no use: it is never renamed into
    // place, only rewritten by the next install.
    let _ = std::fs::remove_file(dir.join(INCOMING));
    if let Some(pack) = open_installed(dir, city, version) {
        return Ok(pack);
    }
    CityPack::open(&install_pack_as(dir, city, version, bytes)?)
}

/// The installed pack of `city` in `dir` if it opens and is of `version` or newer: what
/// [`open_or_install`] would open without writing anything.
pub fn open_installed(dir: &Path, city: &str, version: u64) -> Option<CityPack> {
    CityPack::open(&pack_path(dir, city))
        .ok()
        .filter(|pack| pack.content_version() >= version)
}
