//! `publish`: content folders in, a signed feed folder out (static files for any web
//! server or CDN).
//!
//! ```text
//! <feed>/metadata/  root.json, <N>.root.json, targets.json, snapshot.json, timestamp.json
//! <feed>/targets/v<schema>/<city>/<version>.pack.zst    the last KEEP versions, compressed
//! <feed>/targets/v<schema>/<city>/<from>-<to>.delta     between consecutive kept versions
//! ```
//! Packs go under the pack schema version they declare (`PRAGMA user_version`), so a feed
//! serves apps of two releases: a publisher keeps what the feed holds for the schema before
//! its own (apps of the previous release keep updating from it) and drops anything older.
//! A city whose content version is already published with the same bytes is left as it is;
//! the metadata is signed again every time, which renews the timestamp's expiry.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use merhaba_core::feed::{pack_schema_of, FeedTarget, PackContents, PACK_CONTENTS};
use tough::schema::{Signed, Target, Targets};

use crate::keys::block_on;
use crate::ContentSource;

mod sign;
use sign::{read_json, sign};

/// Versions of each city kept in the feed; a phone older than these downloads the pack.
pub const KEEP: usize = 5;

/// Pack schema versions a feed serves at once: this release's and the one before.
pub const SCHEMAS: usize = 2;

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

/// A city pack ready to publish.
pub struct BuiltPack {
    pub city: String,
    pub version: u64,
    /// Named in messages about the version (`content_version` lives there).
    pub city_toml: PathBuf,
    /// The SQLite pack; its `user_version` says the schema folder it goes in.
    pub bytes: Vec<u8>,
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
    let mut packs = Vec::new();
    for source in sources {
        let built = tempfile::NamedTempFile::new()?;
        merhaba_core::build_pack(&source.content(), built.path())?;
        packs.push(BuiltPack {
            city: source.city.value.id.clone(),
            version: source.city.value.content_version,
            city_toml: source.dir.join("city.toml"),
            bytes: std::fs::read(built.path())?,
        });
    }
    publish_packs(&packs, feed, keys, options)
}

/// [`publish`] for packs already built (a test publishes a pack of another schema this way,
/// as the publisher of another release would).
pub fn publish_packs(
    packs: &[BuiltPack],
    feed: &Path,
    keys: &Path,
    options: &Options,
) -> anyhow::Result<Published> {
    let metadata = feed.join("metadata");
    let targets_dir = feed.join("targets");
    let mut schemas = BTreeSet::new();
    for pack in packs {
        let limit = merhaba_core::delta::MAX_PACK_LEN;
        if pack.bytes.len() as u64 > limit {
            bail!(
                "{} version {}: the pack is {} bytes, more than the {limit} a phone accepts",
                pack.city,
                pack.version,
                pack.bytes.len()
            );
        }
        schemas.insert(pack_schema_of(&pack.bytes).with_context(|| {
            format!("{} version {}: not a SQLite pack", pack.city, pack.version)
        })?);
    }
    let schema = match schemas.into_iter().collect::<Vec<_>>()[..] {
        [schema] => schema,
        [] => bail!("nothing to publish"),
        ref several => bail!("packs of several schema versions in one publish: {several:?}"),
    };
    let previous: Option<Signed<Targets>> = read_json(&metadata.join("targets.json"))?;
    let mut listed: BTreeMap<FeedTarget, Target> = BTreeMap::new();
    let mut lines = Vec::new();
    let mut unversioned = 0;
    for (name, target) in previous.iter().flat_map(|p| &p.signed.targets) {
        match FeedTarget::parse(name.raw()) {
            Ok(parsed) => {
                listed.insert(parsed, target.clone());
            }
            // The layout of before versioned paths: no app of this release reads it.
            Err(_) if is_unversioned(name.raw()) => unversioned += 1,
            Err(e) => bail!("{}: {e}", metadata.join("targets.json").display()),
        }
    }
    if unversioned > 0 {
        lines.push(format!(
            "dropped {unversioned} files of the layout without schema folders"
        ));
    }
    lines.extend(keep_schemas(&mut listed, schema)?);

    for built in packs {
        lines.push(publish_city(&targets_dir, &mut listed, schema, built)?);
    }
    remove_unlisted(&targets_dir, &listed)?;

    let timestamp_version = sign(&metadata, keys, &listed, options)?;
    Ok(Published {
        lines,
        timestamp_version,
    })
}

/// Keeps the targets of the [`SCHEMAS`] newest schema versions, this publisher's among them,
/// and says what it dropped. A publisher older than the two newest in the feed is refused.
fn keep_schemas(
    listed: &mut BTreeMap<FeedTarget, Target>,
    schema: u32,
) -> anyhow::Result<Vec<String>> {
    let mut all: BTreeSet<u32> = listed.keys().map(FeedTarget::schema).collect();
    all.insert(schema);
    let kept: Vec<u32> = all.iter().rev().take(SCHEMAS).copied().collect();
    if !kept.contains(&schema) {
        bail!(
            "this merhaba-pack writes packs of schema {schema}, and the feed already serves \
             schemas {kept:?}: publish with a newer merhaba-pack"
        );
    }
    let dropped: Vec<u32> = all.into_iter().filter(|s| !kept.contains(s)).collect();
    listed.retain(|t, _| kept.contains(&t.schema()));
    Ok(dropped
        .iter()
        .map(|s| {
            format!("dropped the packs of schema {s}: apps of that release keep what they have")
        })
        .collect())
}

/// Writes one city's new version (its compressed pack and the delta from the newest
/// published one) into `listed`, or leaves it as it is when that version is published
/// already with the same bytes. Returns the line that says what happened.
fn publish_city(
    targets_dir: &Path,
    listed: &mut BTreeMap<FeedTarget, Target>,
    schema: u32,
    built: &BuiltPack,
) -> anyhow::Result<String> {
    let BuiltPack {
        city,
        version,
        city_toml,
        bytes,
    } = built;
    let version = *version;
    let pack = |version| FeedTarget::Pack {
        schema,
        city: city.clone(),
        version,
    };
    let contents = PackContents::of(bytes);
    let signed = |name: &FeedTarget, listed: &BTreeMap<FeedTarget, Target>| {
        PackContents::from_custom(name, &listed[name].custom).map_err(anyhow::Error::msg)
    };
    let newest = listed.keys().filter_map(|t| t.pack_of(schema, city)).max();
    match newest {
        Some(newest) if newest > version => bail!(
            "{}: content_version {version} is older than the published version {newest}",
            city_toml.display()
        ),
        Some(newest) if newest == version => {
            if signed(&pack(version), listed)? != contents {
                bail!(
                    "{}: content_version {version} is already published with other content; \
                     raise content_version to publish this change",
                    city_toml.display()
                );
            }
            return Ok(format!("{city}: version {version} unchanged"));
        }
        _ => {}
    }
    let compressed = merhaba_core::delta::compress(bytes)?;
    write_target(targets_dir, &pack(version), &compressed)?;
    let mut line = format!(
        "{city}: version {version}, pack {} bytes ({} compressed)",
        bytes.len(),
        compressed.len()
    );
    let mut names = vec![pack(version)];
    if let Some(newest) = newest {
        let base = published_pack(targets_dir, &pack(newest), &signed(&pack(newest), listed)?)?;
        let delta = merhaba_core::delta::make(&base, bytes)?;
        let name = FeedTarget::Delta {
            schema,
            city: city.clone(),
            from: newest,
            to: version,
        };
        write_target(targets_dir, &name, &delta)?;
        line += &format!(", delta from {newest} {} bytes", delta.len());
        names.push(name);
    }
    // Keep the last KEEP versions and the deltas between them.
    let mut versions: Vec<u64> = listed
        .keys()
        .filter_map(|t| t.pack_of(schema, city))
        .chain([version])
        .collect();
    versions.sort_unstable();
    versions.dedup();
    let oldest_kept = versions[versions.len().saturating_sub(KEEP)];
    listed.retain(|t, _| match t {
        FeedTarget::Pack {
            schema: s,
            city: c,
            version,
        } if *s == schema && c == city => *version >= oldest_kept,
        FeedTarget::Delta {
            schema: s,
            city: c,
            from,
            ..
        } if *s == schema && c == city => *from >= oldest_kept,
        _ => true,
    });
    for name in names {
        let mut target = block_on(Target::from_path(target_file(targets_dir, &name)))?;
        if let FeedTarget::Pack { .. } = name {
            target
                .custom
                .insert(PACK_CONTENTS.to_string(), contents.to_custom());
        }
        listed.insert(name, target);
    }
    Ok(line)
}

/// The uncompressed bytes of a published pack, checked against what was signed for it.
fn published_pack(
    targets_dir: &Path,
    name: &FeedTarget,
    signed: &PackContents,
) -> anyhow::Result<Vec<u8>> {
    let path = target_file(targets_dir, name);
    let file = std::fs::read(&path).with_context(|| format!("the published pack {name}"))?;
    let pack = merhaba_core::delta::decompress(&file, signed.length)
        .with_context(|| format!("{}", path.display()))?;
    if !signed.matches(&pack) {
        bail!("{}: does not match its signed hash", path.display());
    }
    Ok(pack)
}

/// A name of the layout before schema folders: `<city>/<n>.pack`, `<city>/<a>-<b>.delta`.
fn is_unversioned(name: &str) -> bool {
    name.split('/').count() == 2 && (name.ends_with(".pack") || name.ends_with(".delta"))
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

pub fn target_file(targets: &Path, name: &FeedTarget) -> PathBuf {
    targets.join(name.to_string())
}

fn write_target(targets: &Path, name: &FeedTarget, bytes: &[u8]) -> anyhow::Result<()> {
    let path = target_file(targets, name);
    std::fs::create_dir_all(path.parent().expect("targets have a city folder"))?;
    std::fs::write(&path, bytes).with_context(|| format!("{}", path.display()))
}

/// Deletes pack and delta files that the new metadata no longer lists (and files of the
/// layout before schema folders), then the folders left empty.
fn remove_unlisted(targets: &Path, listed: &BTreeMap<FeedTarget, Target>) -> anyhow::Result<()> {
    /// Files, and folders after what they hold.
    fn walk(dir: &Path, files: &mut Vec<PathBuf>, dirs: &mut Vec<PathBuf>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(&path, files, dirs)?;
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
        Ok(())
    }
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    if targets.is_dir() {
        walk(targets, &mut files, &mut dirs)?;
    }
    for path in files {
        let name = path
            .strip_prefix(targets)?
            .to_string_lossy()
            .replace('\\', "/");
        let unlisted = match FeedTarget::parse(&name) {
            Ok(t) => !listed.contains_key(&t),
            Err(_) => is_unversioned(&name),
        };
        if unlisted {
            std::fs::remove_file(&path)?;
        }
    }
    for dir in dirs {
        // Fails, as it should, while the folder still holds anything.
        let _ = std::fs::remove_dir(dir);
    }
    Ok(())
}
