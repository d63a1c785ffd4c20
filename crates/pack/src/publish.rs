//! `publish`: content folders in, a signed feed folder out (static files for any web
//! server or CDN).
//!
//! ```text
//! <feed>/metadata/  root.json, <N>.root.json, targets.json, snapshot.json, timestamp.json
//! <feed>/targets/<city>/<version>.pack         the last KEEP versions of each city
//! <feed>/targets/<city>/<from>-<to>.delta      between consecutive kept versions
//! ```
//! A city whose content version is already published with the same bytes is left as it is;
//! the metadata is signed again every time, which renews the timestamp's expiry.

use std::collections::BTreeMap;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use merhaba_core::feed::FeedTarget;
use tough::editor::RepositoryEditor;
use tough::schema::{Role, RoleType, Signed, Snapshot, Target, Targets, Timestamp};

use crate::keys::{self, block_on, key_path};
use crate::ContentSource;

/// Versions of each city kept in the feed; a phone older than these downloads the pack.
pub const KEEP: usize = 5;

pub struct Options {
    /// The timestamp's lifetime: a phone that sees no newer one after this says it cannot
    /// confirm its content is current. Re-run `publish` (even with no change) before then.
    pub timestamp_lifetime: jiff::SignedDuration,
    /// Snapshot's and targets' lifetime.
    pub lifetime: jiff::SignedDuration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            timestamp_lifetime: jiff::SignedDuration::from_hours(24 * 14),
            lifetime: jiff::SignedDuration::from_hours(24 * 90),
        }
    }
}

/// What `publish` did, one line a city.
pub struct Published {
    pub lines: Vec<String>,
    pub timestamp_version: u64,
}

pub fn publish(
    content: &Path,
    feed: &Path,
    keys: &Path,
    options: &Options,
) -> anyhow::Result<Published> {
    let mut sources = Vec::new();
    for dir in city_dirs(content)? {
        sources.push(crate::load(&dir).map_err(|errors| {
            let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            anyhow::anyhow!("{}", text.join("\n"))
        })?);
    }
    publish_sources(&sources, feed, keys, options)
}

/// [`publish`] for content already read and validated.
pub fn publish_sources(
    sources: &[ContentSource],
    feed: &Path,
    keys: &Path,
    options: &Options,
) -> anyhow::Result<Published> {
    let metadata = feed.join("metadata");
    let targets_dir = feed.join("targets");
    let previous: Option<Signed<Targets>> = read_json(&metadata.join("targets.json"))?;
    let mut listed: BTreeMap<FeedTarget, Target> = BTreeMap::new();
    if let Some(previous) = &previous {
        for (name, target) in &previous.signed.targets {
            listed.insert(
                FeedTarget::parse(name.raw()).map_err(anyhow::Error::msg)?,
                target.clone(),
            );
        }
    }

    let mut lines = Vec::new();
    for source in sources {
        let city = source.city.value.id.clone();
        let version = source.city.value.content_version;
        let built = tempfile::NamedTempFile::new()?;
        merhaba_core::build_pack(&source.content(), built.path())?;
        let bytes = std::fs::read(built.path())?;
        let newest = listed.keys().filter_map(|t| t.pack_of(&city)).max();
        let pack = |version| FeedTarget::Pack {
            city: city.clone(),
            version,
        };
        let city_toml = source.dir.join("city.toml");
        match newest {
            Some(newest) if newest > version => bail!(
                "{}: content_version {version} is older than the published version {newest}",
                city_toml.display()
            ),
            Some(newest) if newest == version => {
                let file = target_file(&targets_dir, &pack(version));
                if std::fs::read(&file).ok().as_deref() != Some(&bytes[..]) {
                    bail!(
                        "{}: content_version {version} is already published with other content; \
                         raise content_version to publish this change",
                        city_toml.display()
                    );
                }
                lines.push(format!("{city}: version {version} unchanged"));
                continue;
            }
            _ => {}
        }
        write_target(&targets_dir, &pack(version), &bytes)?;
        let mut line = format!("{city}: version {version}, pack {} bytes", bytes.len());
        if let Some(newest) = newest {
            let base = std::fs::read(target_file(&targets_dir, &pack(newest)))
                .with_context(|| format!("the published pack of {city} version {newest}"))?;
            let delta = merhaba_core::delta::make(&base, &bytes)?;
            let name = FeedTarget::Delta {
                city: city.clone(),
                from: newest,
                to: version,
            };
            write_target(&targets_dir, &name, &delta)?;
            line += &format!(", delta from {newest} {} bytes", delta.len());
        }
        lines.push(line);
        // Keep the last KEEP versions and the deltas between them.
        let mut versions: Vec<u64> = listed
            .keys()
            .filter_map(|t| t.pack_of(&city))
            .chain([version])
            .collect();
        versions.sort_unstable();
        versions.dedup();
        let oldest_kept = versions[versions.len().saturating_sub(KEEP)];
        listed.retain(|t, _| match t {
            FeedTarget::Pack { city: c, version } if *c == city => *version >= oldest_kept,
            FeedTarget::Delta { city: c, from, .. } if *c == city => *from >= oldest_kept,
            _ => true,
        });
        for name in [
            Some(pack(version)),
            newest.map(|from| FeedTarget::Delta {
                city: city.clone(),
                from,
                to: version,
            }),
        ]
        .into_iter()
        .flatten()
        {
            let target = block_on(Target::from_path(target_file(&targets_dir, &name)))?;
            listed.insert(name, target);
        }
    }
    remove_unlisted(&targets_dir, &listed)?;

    let timestamp_version = sign(&metadata, keys, &listed, options)?;
    Ok(Published {
        lines,
        timestamp_version,
    })
}

/// Signs targets, snapshot and timestamp (each one version up) and writes them with every
/// root version, the timestamp last so that a phone never sees it before what it names.
fn sign(
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

fn city_dirs(content: &Path) -> anyhow::Result<Vec<PathBuf>> {
    if content.join("city.toml").exists() {
        return Ok(vec![content.to_path_buf()]);
    }
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(content).with_context(|| format!("{}", content.display()))? {
        let path = entry?.path();
        if path.join("city.toml").exists() {
            dirs.push(path);
        }
    }
    dirs.sort();
    if dirs.is_empty() {
        bail!(
            "{}: no city.toml here or in a folder below",
            content.display()
        );
    }
    Ok(dirs)
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> anyhow::Result<Option<T>> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .with_context(|| format!("{}: unreadable metadata", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("{}", path.display())),
    }
}

pub fn target_file(targets: &Path, name: &FeedTarget) -> PathBuf {
    targets.join(name.to_string())
}

fn write_target(targets: &Path, name: &FeedTarget, bytes: &[u8]) -> anyhow::Result<()> {
    let path = target_file(targets, name);
    std::fs::create_dir_all(path.parent().expect("targets have a city folder"))?;
    std::fs::write(&path, bytes).with_context(|| format!("{}", path.display()))
}

/// Deletes pack and delta files that the new metadata no longer lists.
fn remove_unlisted(targets: &Path, listed: &BTreeMap<FeedTarget, Target>) -> anyhow::Result<()> {
    let Ok(cities) = std::fs::read_dir(targets) else {
        return Ok(());
    };
    for city in cities {
        let city = city?.path();
        for file in std::fs::read_dir(&city)? {
            let path = file?.path();
            let name = path
                .strip_prefix(targets)?
                .to_string_lossy()
                .replace('\\', "/");
            if FeedTarget::parse(&name).is_ok_and(|t| !listed.contains_key(&t)) {
                std::fs::remove_file(&path)?;
            }
        }
    }
    Ok(())
}
