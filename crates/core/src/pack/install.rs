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
/// signed target name says): any other city or version in its `pack_meta` is refused. It
/// replaces an installed pack of the same version (not a newer one).
pub fn install_pack_as(
    dir: &Path,
    city: &str,
    version: u64,
    bytes: &[u8],
) -> Result<PathBuf, StoreError> {
    install(dir, bytes, Some((city, version)))
}

fn install(dir: &Path, bytes: &[u8], expected: Option<(&str, u64)>) -> Result<PathBuf, StoreError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    // A file of this install's own, created exclusively: two installs at once never write
    // into each other's file.
    let (incoming, written) = {
        let (incoming, mut file) = incoming_file(dir).map_err(io(dir))?;
        let written = std::io::Write::write_all(&mut file, bytes).and_then(|()| file.sync_all());
        (incoming, written)
    };
    written
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
    // A pack of a known name and version (the feed's checked bytes) replaces an installed
    // one of the same version: that one differs from them, or it would not be installed.
    let kept = match expected {
        Some(_) => installed.is_some_and(|v| v > version),
        None => installed.is_some_and(|v| v >= version),
    };
    if kept {
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

/// The disk's error at `path`, for `map_err`.
fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io { path, source }
}

/// Files a pack is written to before it is checked and renamed into place:
/// `incoming-<process>-<n>.sqlite.tmp`, one per install.
const INCOMING_PREFIX: &str = "incoming-";
const INCOMING_SUFFIX: &str = ".sqlite.tmp";

/// A new file for one install, created exclusively (never one another install is writing).
fn incoming_file(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    loop {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(
            "{INCOMING_PREFIX}{}-{n}{INCOMING_SUFFIX}",
            std::process::id()
        ));
        match std::fs::File::options()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// The one writer of a packs folder: held for a whole feed update, and while the app
/// installs its embedded pack at start, so two writers (the app started twice, the app
/// and `merhaba-pack pull`) take turns. Released when dropped.
pub struct PacksLock {
    _file: std::fs::File,
}

/// Waits for the packs folder `dir` to be free, then holds it; removes what an install
/// killed earlier left behind (no other writer can be using it now).
pub fn lock_packs(dir: &Path) -> Result<PacksLock, StoreError> {
    let (path, file) = lock_file(dir)?;
    file.lock()
        .map_err(|source| StoreError::Io { path, source })?;
    Ok(PacksLock::holding(dir, file))
}

/// [`lock_packs`] when the folder is free now; `None` while another writer holds it.
pub fn try_lock_packs(dir: &Path) -> Option<PacksLock> {
    let (_, file) = lock_file(dir).ok()?;
    file.try_lock().ok()?;
    Some(PacksLock::holding(dir, file))
}

fn lock_file(dir: &Path) -> Result<(PathBuf, std::fs::File), StoreError> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let path = dir.join(LOCK);
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io(&path))?;
    Ok((path, file))
}

impl PacksLock {
    /// The folder is held: the files a killed install left are nobody's.
    fn holding(dir: &Path, file: std::fs::File) -> PacksLock {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let stray = (name.starts_with(INCOMING_PREFIX) && name.ends_with(INCOMING_SUFFIX))
                || name == "incoming.sqlite.tmp";
            if stray {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        PacksLock { _file: file }
    }
}

/// The lock file of a packs folder ([`lock_packs`]).
const LOCK: &str = "packs.lock";

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
    // What a killed install left is removed now, unless another writer is at work (the
    // app does not wait for an update to start).
    let _ = try_lock_packs(dir);
    if let Some(pack) = open_installed(dir, city, version) {
        return Ok(pack);
    }
    // Installing: one writer at a time.
    let _lock = lock_packs(dir)?;
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
