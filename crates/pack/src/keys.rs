//! The feed's signing keys and its root metadata (docs/publishing.md says who keeps what).
//!
//! A keys folder holds one Ed25519 key per TUF role (`root.pk8`, `targets.pk8`,
//! `snapshot.pk8`, `timestamp.pk8`, PKCS#8, readable by the owner only), the current signed
//! root (`root.json`) and every root version ever signed (`<N>.root.json`), which the feed
//! must keep serving so that a phone with an old root can walk to the new one.

use std::collections::HashMap;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use tough::editor::signed::SignedRole;
use tough::key_source::{KeySource, LocalKeySource};
use tough::schema::{KeyHolder, RoleKeys, RoleType, Root, Signed};
use tough::sign::{parse_keypair, Sign};

pub const ROLES: [RoleType; 4] = [
    RoleType::Root,
    RoleType::Targets,
    RoleType::Snapshot,
    RoleType::Timestamp,
];

/// How long a root stays valid: a phone refuses an expired root, so the publisher renews it
/// (`keys rotate` with no role) well before.
pub const ROOT_DAYS: i64 = 365;

pub fn key_path(keys: &Path, role: RoleType) -> PathBuf {
    keys.join(format!("{role}.pk8"))
}

pub fn source(path: &Path) -> Box<dyn KeySource> {
    Box::new(LocalKeySource {
        path: path.to_path_buf(),
    })
}

/// Writes a new Ed25519 key, readable by its owner only.
pub fn new_key(path: &Path) -> anyhow::Result<()> {
    use aws_lc_rs::signature::Ed25519KeyPair;
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&aws_lc_rs::rand::SystemRandom::new())
        .map_err(|_| anyhow::anyhow!("could not generate a key"))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("{}: cannot create the key", path.display()))?;
    std::io::Write::write_all(&mut file, pkcs8.as_ref())
        .with_context(|| format!("{}: cannot write the key", path.display()))
}

/// `keys init`: four new keys and root version 1.
pub fn init(keys: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(keys).with_context(|| format!("{}", keys.display()))?;
    if keys.join("root.json").exists() {
        bail!(
            "{}: already holds a root; use `keys rotate` to change keys",
            keys.display()
        );
    }
    for role in ROLES {
        new_key(&key_path(keys, role))?;
    }
    let root = root_for(keys, 1)?;
    write_root(keys, &signed_root(root, &[key_path(keys, RoleType::Root)])?)
}

/// `keys rotate`: new keys for `roles` and the next root version, signed by the previous
/// root key and the new one, so phones trusting either accept it. With no role, it only
/// renews the root's expiry.
pub fn rotate(keys: &Path, roles: &[RoleType]) -> anyhow::Result<u64> {
    let current = read_root(keys)?;
    let version = current.signed.version.get() + 1;
    let old_root_key = key_path(keys, RoleType::Root);
    let retired = keys.join(format!("root.pk8.retired-{}", version - 1));
    for &role in roles {
        let path = key_path(keys, role);
        if role == RoleType::Root {
            std::fs::rename(&path, &retired)
                .with_context(|| format!("{}: cannot retire the key", path.display()))?;
        } else {
            std::fs::remove_file(&path)
                .with_context(|| format!("{}: cannot remove the key", path.display()))?;
        }
        new_key(&path)?;
    }
    let previous = if roles.contains(&RoleType::Root) {
        retired
    } else {
        old_root_key
    };
    let root = root_for(keys, version)?;
    let signed = signed_root_by(
        root,
        &current.signed,
        &previous,
        &key_path(keys, RoleType::Root),
    )?;
    write_root(keys, &signed)?;
    Ok(version)
}

pub fn read_root(keys: &Path) -> anyhow::Result<Signed<Root>> {
    let path = keys.join("root.json");
    let bytes = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
    serde_json::from_slice(&bytes).with_context(|| format!("{}: not a root", path.display()))
}

/// The root naming the current key of every role in `keys`, one signature each.
pub fn root_for(keys: &Path, version: u64) -> anyhow::Result<Root> {
    let mut root = Root {
        spec_version: "1.0.0".into(),
        consistent_snapshot: false,
        version: NonZeroU64::new(version).context("root versions start at 1")?,
        expires: jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * ROOT_DAYS),
        keys: HashMap::new(),
        roles: HashMap::new(),
        _extra: HashMap::new(),
    };
    for role in ROLES {
        let path = key_path(keys, role);
        let bytes = std::fs::read(&path).with_context(|| format!("{}", path.display()))?;
        let key = parse_keypair(&bytes)
            .with_context(|| format!("{}: not a usable key", path.display()))?
            .tuf_key();
        let id = key.key_id()?;
        root.keys.insert(id.clone(), key);
        root.roles.insert(
            role,
            RoleKeys {
                keyids: vec![id],
                threshold: NonZeroU64::MIN,
                _extra: HashMap::new(),
            },
        );
    }
    Ok(root)
}

/// Signs `root` with the given keys (those named in its root role count).
pub fn signed_root(root: Root, signers: &[PathBuf]) -> anyhow::Result<Signed<Root>> {
    let sources: Vec<_> = signers.iter().map(|p| source(p)).collect();
    let holder = KeyHolder::Root(root.clone());
    let rng = aws_lc_rs::rand::SystemRandom::new();
    Ok(block_on(SignedRole::new(root, &holder, &sources, &rng))?
        .signed()
        .clone())
}

/// Signs `root` with its own root key and with the root key of `previous`, as TUF requires
/// of a new root version.
pub fn signed_root_by(
    root: Root,
    previous: &Root,
    previous_key: &Path,
    new_key: &Path,
) -> anyhow::Result<Signed<Root>> {
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let by_previous = block_on(SignedRole::new(
        root.clone(),
        &KeyHolder::Root(previous.clone()),
        &[source(previous_key)],
        &rng,
    ))?;
    let mut signed = signed_root(root, &[new_key.to_path_buf()])?;
    for signature in &by_previous.signed().signatures {
        if !signed.signatures.iter().any(|s| s.keyid == signature.keyid) {
            signed.signatures.push(signature.clone());
        }
    }
    Ok(signed)
}

/// Writes `root.json` and `<version>.root.json`.
pub fn write_root(keys: &Path, root: &Signed<Root>) -> anyhow::Result<()> {
    let mut bytes = serde_json::to_vec_pretty(root)?;
    bytes.push(b'\n');
    for name in [
        format!("{}.root.json", root.signed.version),
        "root.json".to_string(),
    ] {
        let path = keys.join(name);
        std::fs::write(&path, &bytes).with_context(|| format!("{}", path.display()))?;
    }
    Ok(())
}

/// tough is async; the publisher's work is one step after another.
pub fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a current-thread runtime")
        .block_on(future)
}

/// Parses a role name as the command line spells it.
pub fn role(name: &str) -> anyhow::Result<RoleType> {
    ROLES
        .into_iter()
        .find(|r| r.to_string() == name)
        .with_context(|| format!("unknown role `{name}` (root, targets, snapshot, timestamp)"))
}
