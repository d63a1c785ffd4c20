//! Signing a feed: targets, snapshot and timestamp, each one version up, and the dates web
//! servers derive "changed since?" answers from.

use std::collections::BTreeMap;
use std::num::NonZeroU64;
use std::path::Path;

use anyhow::Context;
use merhaba_core::feed::FeedTarget;
use tough::editor::RepositoryEditor;
use tough::schema::{Role, RoleType, Signed, Snapshot, Target, Targets, Timestamp};

use super::Options;
use crate::keys::{self, block_on, key_path};

/// Signs targets, snapshot and timestamp (each one version up) and writes them with every
/// root version, the timestamp last so that a phone never sees it before what it names.
pub(super) fn sign(
    metadata: &Path,
    keys: &Path,
    listed: &BTreeMap<FeedTarget, Target>,
    options: &Options,
) -> anyhow::Result<u64> {
    std::fs::create_dir_all(metadata)?;
    let now = jiff::Timestamp::now();
    let mut editor = block_on(RepositoryEditor::new(keys.join("root.json")))?;
    for (name, target) in listed {
        editor.add_target(name.to_string(), target.clone())?;
    }
    let timestamp_version = next::<Timestamp>(&metadata.join("timestamp.json"))?;
    editor
        .targets_version(next::<Targets>(&metadata.join("targets.json"))?)?
        .targets_expires(now + options.lifetime)?
        .snapshot_version(next::<Snapshot>(&metadata.join("snapshot.json"))?)
        .snapshot_expires(now + options.lifetime)
        .timestamp_version(timestamp_version)
        .timestamp_expires(now + options.timestamp_lifetime);
    let signers: Vec<_> = [RoleType::Targets, RoleType::Snapshot, RoleType::Timestamp]
        .into_iter()
        .map(|role| keys::source(&key_path(keys, role)))
        .collect();
    let signed = block_on(editor.sign(&signers))?;
    for entry in std::fs::read_dir(keys)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".root.json") {
            std::fs::copy(&path, metadata.join(name))?;
        }
    }
    let timestamp = metadata.join("timestamp.json");
    let previous = std::fs::metadata(&timestamp)
        .and_then(|m| m.modified())
        .ok();
    block_on(signed.write(metadata))?;
    keep_modified_time_rising(&timestamp, previous)?;
    Ok(timestamp_version.get())
}

/// Web servers derive ETag and Last-Modified from the file's size and modification time in
/// whole seconds, and phones ask "changed since?" with them. Two timestamps of the same
/// size written within one second would look unchanged, so each new one is dated at least
/// a second after the one it replaces.
fn keep_modified_time_rising(
    path: &Path,
    previous: Option<std::time::SystemTime>,
) -> anyhow::Result<()> {
    let Some(previous) = previous else {
        return Ok(());
    };
    let second = |t: std::time::SystemTime| {
        t.duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    };
    let file = std::fs::File::options().write(true).open(path)?;
    let now = file.metadata()?.modified()?;
    if second(now) <= second(previous) {
        file.set_modified(
            std::time::UNIX_EPOCH + std::time::Duration::from_secs(second(previous) + 1),
        )?;
    }
    Ok(())
}

/// The version after the one of the role at `path`, or 1 for a new feed.
fn next<T: Role + serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<NonZeroU64> {
    let version = read_json::<Signed<T>>(path)?.map(|t| t.signed.version());
    Ok(version.map_or(NonZeroU64::MIN, |v| v.saturating_add(1)))
}

pub(super) fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Option<T>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .with_context(|| format!("{}: unreadable metadata", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("{}", path.display())),
    }
}
