//! Putting a pack in place on the device: written beside the old one, checked, renamed.

use std::path::{Path, PathBuf};

use super::{CityPack, StoreError};

/// Where the pack of `city` is installed in `dir`.
pub fn pack_path(dir: &Path, city: &str) -> PathBuf {
    dir.join(format!("{city}.sqlite"))
}

/// Installs a pack (for example the one embedded in the app) into `dir`, unless a sound pack
/// of the same city with the same or a newer content version is already there.
///
/// The new file is written beside the old one, checked, then renamed over it, so a crash
/// leaves either the old pack or the new one. Returns the path of the installed pack.
pub fn install_pack(dir: &Path, bytes: &[u8]) -> Result<PathBuf, StoreError> {
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
        let pack = CityPack::open_checked(&incoming).inspect_err(|_| {
            let _ = std::fs::remove_file(&incoming);
        })?;
        (pack.meta("city")?, pack.content_version())
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
    // A pack half written when the app was killed is of no use: it is never renamed into
    // place, only rewritten by the next install.
    let _ = std::fs::remove_file(dir.join(INCOMING));
    if let Ok(pack) = CityPack::open(&pack_path(dir, city)) {
        if pack.content_version() >= version {
            return Ok(pack);
        }
    }
    CityPack::open(&install_pack(dir, bytes)?)
}
