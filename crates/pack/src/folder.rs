//! A folder the publisher writes whole (the web site, the HSDS export): written beside the
//! old one and swapped in, so a failed or killed run leaves the old folder as it was, never
//! half of a new one.

use std::path::{Path, PathBuf};

use anyhow::Context;

/// Runs `write` on a new folder beside `out`, then puts that folder where `out` was.
pub fn replace_whole<T>(
    out: &Path,
    write: impl FnOnce(&Path) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    let staging = tempfile::Builder::new()
        .prefix(".merhaba-")
        .tempdir_in(parent)
        .with_context(|| parent.display().to_string())?;
    let written = write(staging.path())?;
    swap_in(staging.keep(), out)?;
    Ok(written)
}

/// Puts the finished folder where the old one was.
fn swap_in(new: PathBuf, out: &Path) -> anyhow::Result<()> {
    if out.exists() {
        let old = out.with_extension("old");
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(out, &old).with_context(|| out.display().to_string())?;
        std::fs::rename(&new, out).with_context(|| out.display().to_string())?;
        std::fs::remove_dir_all(&old).with_context(|| old.display().to_string())?;
    } else {
        std::fs::rename(&new, out).with_context(|| out.display().to_string())?;
    }
    Ok(())
}
