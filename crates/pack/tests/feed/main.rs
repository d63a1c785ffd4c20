//! The content feed end to end, over real HTTP on 127.0.0.1: `merhaba-pack publish` writes a
//! signed feed, nginx (or a misbehaving server) serves it, and `merhaba-pack pull` (the
//! app's client) installs from it into a phone's data folder. Every refusal must leave the
//! installed pack and the user database exactly as they were.

#[path = "../common/mod.rs"]
mod common;
mod conformance;
mod faults;
mod hardening;
mod schemas;
mod support;

use support::*;

/// The body bytes nginx sent for requests whose path ends with `suffix`.
fn sent(log: &[(String, u16, u64)], suffix: &str) -> u64 {
    log.iter()
        .filter(|(p, _, _)| p.ends_with(suffix))
        .map(|(_, _, b)| b)
        .sum()
}

#[test]
fn first_install_delta_update_chain_and_already_current() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());

    // First install: nothing on the phone, the whole pack.
    let fresh = Phone::new(&publisher.shipped_root(), None);
    let first = fresh.pull_saying(
        &nginx.url(),
        &format!(
            "aydin: installed version 1 (from nothing) via {}",
            target("aydin/1.pack.zst")
        ),
    );
    assert_eq!(fresh.version(), Some(1));
    assert_eq!(std::fs::read(fresh.pack_path()).unwrap(), publisher.pack(1));
    let pack_len = publisher.pack(1).len() as u64;
    eprintln!(
        "first install: downloaded {} bytes for a pack of {pack_len} bytes ({:.1} %)",
        first.bytes(),
        100.0 * first.bytes() as f64 / pack_len as f64
    );

    // One corrected entry: the phone at version 1 downloads the delta, not the pack.
    let phone = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let settings = phone.user_db();
    publisher.edit(
        1,
        "Registering an address is free; bring your identity document.",
    );
    let out = publisher.publish(&[]);
    assert!(out.contains("aydin: version 2"), "{out}");
    nginx.clear_log();
    let pulled = phone.pull_saying(
        &nginx.url(),
        &format!(
            "installed version 2 (from version 1) via {}",
            target("aydin/1-2.delta")
        ),
    );
    assert_eq!(phone.version(), Some(2));
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(2));
    let log = nginx.log();
    assert_eq!(sent(&log, ".pack.zst"), 0, "{log:?}");
    let pack_len = std::fs::metadata(publisher.pack_file(2)).unwrap().len();
    assert!(
        pulled.bytes() * 20 < pack_len,
        "{} of {pack_len}",
        pulled.bytes()
    );
    assert_eq!(
        phone.user_db(),
        settings,
        "the update touched the user database"
    );

    // Two more versions: the phone at 2 follows the chain 2→3→4.
    publisher.edit(2, "Second correction.");
    publisher.publish(&[]);
    publisher.edit(3, "Third correction.");
    publisher.publish(&[]);
    phone.pull_saying(
        &nginx.url(),
        &format!(
            "installed version 4 (from version 2) via {}, {}",
            target("aydin/2-3.delta"),
            target("aydin/3-4.delta")
        ),
    );
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(4));

    // Already current: the next root looked for (TUF's order), then one conditional
    // request, answered 304 with no body.
    nginx.clear_log();
    phone.pull_saying(&nginx.url(), "aydin: current, version 4");
    assert_eq!(
        nginx.log(),
        vec![
            ("/metadata/2.root.json".to_string(), 404, 153),
            ("/metadata/timestamp.json".to_string(), 304, 0)
        ]
    );
    assert_eq!(phone.user_db(), settings);

    // A kept timestamp that was damaged (say, by a crash mid-write) is not trusted for a
    // "not modified" answer: the phone asks again in full and carries on.
    let kept = phone.data.path().join("feed/timestamp.json");
    let bytes = std::fs::read(&kept).unwrap();
    std::fs::write(&kept, &bytes[..bytes.len() / 2]).unwrap();
    phone.pull_saying(&nginx.url(), "aydin: current, version 4");

    // The fresh phone at 1 is also brought to 4, by deltas (cheaper than the pack).
    fresh.pull_saying(
        &nginx.url(),
        &format!(
            "via {}, {}, {}",
            target("aydin/1-2.delta"),
            target("aydin/2-3.delta"),
            target("aydin/3-4.delta")
        ),
    );
}

/// Pulls expecting a refusal with `status` whose message contains `reason`, and checks that
/// the phone's pack and user database are exactly as before.
fn refused(phone: &Phone, url: &str, extra: &[&str], status: &str, reason: &str) -> Pulled {
    let before = phone.state();
    let pulled = phone.pull(url, extra);
    assert!(!pulled.ok, "accepted: {pulled:?}");
    assert_eq!(pulled.status(), status, "{pulled:?}");
    assert!(pulled.stderr.contains(reason), "{pulled:?}");
    assert_eq!(phone.state(), before, "a refusal changed the phone");
    pulled
}

/// A publisher at version 2 (one entry corrected) and a phone still at version 1.
fn at_version_two() -> (Publisher, Phone) {
    let publisher = Publisher::new();
    let phone = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    publisher.edit(1, "A correction.");
    publisher.publish(&[]);
    (publisher, phone)
}

/// Packs being written (`incoming-*.sqlite.tmp`) in a data folder.
fn incoming_files(data: &std::path::Path) -> usize {
    std::fs::read_dir(data)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".sqlite.tmp")
        })
        .count()
}

fn flip_byte(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn tampered_packs_and_deltas_are_refused() {
    let (publisher, phone) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    // A tampered delta falls back to the whole pack (faults.rs); both tampered, nothing
    // is installed.
    flip_byte(&publisher.target_file(&target("aydin/1-2.delta")));
    flip_byte(&publisher.pack_file(2));
    refused(
        &phone,
        &nginx.url(),
        &[],
        "refused",
        "does not match the hash in the signed metadata",
    );
    let fresh = Phone::new(&publisher.shipped_root(), None);
    refused(
        &fresh,
        &nginx.url(),
        &[],
        "refused",
        "does not match the hash in the signed metadata",
    );
    assert_eq!(fresh.version(), None);
    assert_eq!(phone.version(), Some(1));
}

#[test]
fn tampered_metadata_and_a_wrong_key_are_refused() {
    let (publisher, phone) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    let targets = publisher.feed().join("metadata/targets.json");
    let original = std::fs::read_to_string(&targets).unwrap();
    let pack_len = std::fs::metadata(publisher.pack_file(2)).unwrap().len();
    let tampered = original.replace(
        &format!("\"length\": {pack_len}"),
        &format!("\"length\": {}", pack_len + 1),
    );
    assert_ne!(tampered, original);
    std::fs::write(&targets, tampered).unwrap();
    refused(&phone, &nginx.url(), &[], "refused", "targets");
    std::fs::write(&targets, original).unwrap();

    // A whole feed signed by someone else's keys.
    let stranger = Publisher::new();
    let other = Nginx::serve(&stranger.feed());
    refused(&phone, &other.url(), &[], "refused", "timestamp");
    // The genuine feed still works afterwards.
    assert!(phone.pull(&nginx.url(), &[]).ok);
    assert_eq!(phone.version(), Some(2));
}

#[test]
fn rollback_replay_and_mix_and_match_are_refused() {
    let publisher = Publisher::new();
    let old_feed = tempfile::tempdir().unwrap();
    copy_dir(&publisher.feed(), old_feed.path());
    let timestamp = publisher.feed().join("metadata/timestamp.json");
    let old_timestamp = std::fs::read(&timestamp).unwrap();
    let old_modified = std::fs::metadata(&timestamp).unwrap().modified().unwrap();
    publisher.edit(1, "A correction.");
    publisher.publish(&[]);
    let v2_targets = std::fs::read(publisher.feed().join("metadata/targets.json")).unwrap();
    publisher.edit(2, "Another correction.");
    publisher.publish(&[]);

    let phone = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let nginx = Nginx::serve(&publisher.feed());
    assert!(phone.pull(&nginx.url(), &[]).ok);
    assert_eq!(phone.version(), Some(3));

    // Rollback: the whole feed as it was at version 1.
    let old = Nginx::serve(old_feed.path());
    refused(
        &phone,
        &old.url(),
        &[],
        "refused",
        "when we had previously fetched version 3",
    );

    // Replay: only an old timestamp (with its old date, as an old mirror would serve it),
    // the rest current.
    let current = std::fs::read(&timestamp).unwrap();
    std::fs::write(&timestamp, &old_timestamp).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&timestamp)
        .unwrap()
        .set_modified(old_modified)
        .unwrap();
    refused(
        &phone,
        &nginx.url(),
        &[],
        "refused",
        "when we had previously fetched version 3",
    );
    std::fs::write(&timestamp, current).unwrap();

    // Mix and match: the targets of version 2 with the snapshot and timestamp of version 3,
    // shown to a phone that has not updated yet.
    let behind = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    std::fs::write(publisher.feed().join("metadata/targets.json"), v2_targets).unwrap();
    refused(&behind, &nginx.url(), &[], "refused", "targets");
    assert_eq!(behind.version(), Some(1));
    assert_eq!(phone.version(), Some(3));
}

#[test]
fn expired_metadata_installs_nothing_and_says_so() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    // Version 2 with a timestamp that lives eight seconds, and nobody signs it again. (Long
    // enough for the first pull to finish on a busy machine: two seconds were not.)
    publisher.edit(1, "A correction.");
    publisher.publish(&["--timestamp-expires", "8s"]);
    // The timestamp was signed before `publish` returned, so it expires before this + 8 s.
    let signed = std::time::Instant::now();
    let phone = Phone::new(&publisher.shipped_root(), None);
    assert!(phone.pull(&nginx.url(), &[]).ok);
    let behind = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let expired = std::time::Duration::from_secs(9);
    std::thread::sleep(expired.saturating_sub(signed.elapsed()));
    // The phone that has this timestamp hears "not modified", and must still notice. It
    // has looked for a newer root first (one could renew what has expired), and says so.
    nginx.clear_log();
    refused(
        &phone,
        &nginx.url(),
        &[],
        "expired",
        "timestamp metadata has expired",
    );
    assert_eq!(
        nginx.log(),
        vec![
            ("/metadata/2.root.json".into(), 404, 153),
            ("/metadata/timestamp.json".into(), 304, 0)
        ]
    );
    assert_eq!(phone.version(), Some(2));
    // A phone seeing the frozen feed for the first time installs nothing.
    refused(
        &behind,
        &nginx.url(),
        &[],
        "expired",
        "timestamp metadata has expired",
    );
    assert_eq!(behind.version(), Some(1));
    // Publishing again (even with no change) renews the timestamp.
    publisher.publish(&[]);
    assert!(behind.pull(&nginx.url(), &[]).ok);
    assert_eq!(behind.version(), Some(2));
    assert!(phone.pull(&nginx.url(), &[]).ok);
}

#[test]
fn endless_data_is_cut_off_at_the_signed_length() {
    let (publisher, phone) = at_version_two();
    let delta_len = std::fs::metadata(publisher.target_file(&target("aydin/1-2.delta")))
        .unwrap()
        .len();
    let server = BadServer::start(&publisher.feed(), "1-2.delta", Fault::Endless);
    refused(&phone, &server.url(), &[], "refused", "sent more than the");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let sent = server.sent_for("1-2.delta");
    assert!(
        sent < delta_len + 4 * 1024 * 1024,
        "{sent} bytes sent before the phone hung up"
    );
    // Endless metadata: the timestamp is capped long before.
    let server = BadServer::start(&publisher.feed(), "timestamp.json", Fault::Endless);
    refused(
        &phone,
        &server.url(),
        &[],
        "refused",
        "sent more than the 16384 bytes",
    );
}

#[test]
fn a_target_name_that_climbs_out_of_the_feed_is_refused() {
    let (publisher, phone) = at_version_two();
    // A compromised publishing machine signs an extra file named to escape the folder.
    let mut targets = publisher.listed();
    let evil =
        merhaba_pack::keys::block_on(tough::schema::Target::from_path(publisher.pack_file(2)))
            .unwrap();
    targets.push((target("aydin/../../../../tmp/evil.pack.zst"), evil));
    publisher.sign_targets(targets);
    let nginx = Nginx::serve(&publisher.feed());
    refused(
        &phone,
        &nginx.url(),
        &[],
        "refused",
        &format!("target `{}`", target("aydin/../../../../tmp/evil.pack.zst")),
    );
    assert!(!std::path::Path::new("/tmp/evil.pack.zst").exists());
}

#[test]
fn key_rotation_signed_by_the_old_root_is_followed_and_an_unsigned_one_refused() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    let phone = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let keys = publisher.keys();
    // New root key (root v2) and new timestamp key (root v3), then a new version.
    merhaba_pack::keys::rotate(&keys, &[tough::schema::RoleType::Root]).unwrap();
    merhaba_pack::keys::rotate(&keys, &[tough::schema::RoleType::Timestamp]).unwrap();
    publisher.edit(1, "A correction.");
    publisher.publish(&[]);
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert_eq!(phone.version(), Some(2));
    let trusted: tough::schema::Signed<tough::schema::Root> = serde_json::from_slice(
        &std::fs::read(phone.data.path().join("feed/trusted/root.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(trusted.signed.version.get(), 3);

    // Root v4 signed only by a key the phone has never trusted.
    let thief = tempfile::tempdir().unwrap();
    copy_dir(&keys, thief.path());
    let stolen_root = merhaba_pack::keys::key_path(thief.path(), tough::schema::RoleType::Root);
    std::fs::remove_file(&stolen_root).unwrap();
    merhaba_pack::keys::new_key(&stolen_root).unwrap();
    let root = merhaba_pack::keys::root_for(thief.path(), 4).unwrap();
    let signed = merhaba_pack::keys::signed_root(root, &[stolen_root]).unwrap();
    merhaba_pack::keys::write_root(thief.path(), &signed).unwrap();
    std::fs::copy(
        thief.path().join("4.root.json"),
        publisher.feed().join("metadata/4.root.json"),
    )
    .unwrap();
    publisher.edit(2, "Another correction.");
    publisher.publish(&[]);
    refused(&phone, &nginx.url(), &[], "refused", "root");
    assert_eq!(phone.version(), Some(2));
}

/// A key is revoked by publishing a root without it. The phone looks for the next root
/// before the timestamp (TUF 1.0 §5.3), so the revocation holds at its very next check, even
/// while the feed still serves the timestamp the revoked key signed.
#[test]
fn a_rotated_root_is_trusted_at_the_next_check_before_any_new_timestamp() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    let phone = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    phone.pull_saying(&nginx.url(), "aydin: current, version 1");
    // The timestamp key is replaced in root v2; only the root is uploaded.
    let keys = publisher.keys();
    merhaba_pack::keys::rotate(&keys, &[tough::schema::RoleType::Timestamp]).unwrap();
    std::fs::copy(
        keys.join("2.root.json"),
        publisher.feed().join("metadata/2.root.json"),
    )
    .unwrap();
    nginx.clear_log();
    refused(&phone, &nginx.url(), &[], "refused", "timestamp");
    let requested: Vec<String> = nginx.log().into_iter().map(|(path, ..)| path).collect();
    assert_eq!(
        requested[..3],
        [
            "/metadata/2.root.json",
            "/metadata/3.root.json",
            "/metadata/timestamp.json"
        ]
    );
    let trusted: tough::schema::Signed<tough::schema::Root> = serde_json::from_slice(
        &std::fs::read(phone.data.path().join("feed/trusted/root.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(trusted.signed.version.get(), 2);
    // A timestamp signed with the new key is taken; the next check is back to a 404 and a
    // bodiless 304.
    publisher.edit(1, "A correction.");
    publisher.publish(&[]);
    assert!(phone.pull(&nginx.url(), &[]).ok);
    assert_eq!(phone.version(), Some(2));
    nginx.clear_log();
    phone.pull_saying(&nginx.url(), "aydin: current, version 2");
    assert_eq!(
        nginx.log(),
        vec![
            ("/metadata/3.root.json".to_string(), 404, 153),
            ("/metadata/timestamp.json".to_string(), 304, 0)
        ]
    );
}

#[test]
fn a_dropped_download_resumes_where_it_stopped() {
    let publisher = Publisher::new();
    let pack_len = std::fs::metadata(publisher.pack_file(1)).unwrap().len();
    let server = BadServer::start(
        &publisher.feed(),
        "1.pack.zst",
        Fault::DropAfter(pack_len / 2),
    );
    let phone = Phone::new(&publisher.shipped_root(), None);
    refused(&phone, &server.url(), &[], "unreachable", "1.pack.zst");
    assert_eq!(server.sent_for("1.pack.zst"), pack_len / 2);
    let pulled = phone.pull(&server.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert_eq!(phone.version(), Some(1));
    let again = server.sent_for("1.pack.zst") - pack_len;
    eprintln!(
        "resume after {} of {pack_len} bytes: {again} bytes downloaded again",
        pack_len / 2
    );
    assert!(
        again * 20 < pack_len,
        "{again} of {pack_len} bytes downloaded again"
    );

    // A server that refuses the range: the kept part is dropped, and the next try starts over.
    let phone = Phone::new(&publisher.shipped_root(), None);
    let dropping = BadServer::start(
        &publisher.feed(),
        "1.pack.zst",
        Fault::DropAfter(pack_len / 2),
    );
    refused(&phone, &dropping.url(), &[], "unreachable", "1.pack.zst");
    let downloads = phone.data.path().join("feed/downloads");
    assert_eq!(std::fs::read_dir(&downloads).unwrap().count(), 1);
    let refusing = BadServer::start(&publisher.feed(), "1.pack.zst", Fault::RefuseRanges);
    refused(&phone, &refusing.url(), &[], "server-error", "416");
    assert_eq!(std::fs::read_dir(&downloads).unwrap().count(), 0);
    assert!(phone.pull(&refusing.url(), &[]).ok);
    assert_eq!(refusing.sent_for("1.pack.zst"), pack_len);
    assert_eq!(phone.version(), Some(1));
}

#[test]
fn server_errors_and_a_stalled_server_change_nothing() {
    let (publisher, phone) = at_version_two();
    for file in ["timestamp.json", "snapshot.json"] {
        let server = BadServer::start(&publisher.feed(), file, Fault::Error);
        refused(&phone, &server.url(), &[], "server-error", "500");
    }
    // A delta the server fails to give is replaced by the whole pack; when that fails
    // too, nothing changes.
    let other = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let server = BadServer::start(&publisher.feed(), "1-2.delta", Fault::Error);
    other.pull_saying(
        &server.url(),
        &format!("via {}", target("aydin/2.pack.zst")),
    );
    let server = BadServer::start(&publisher.feed(), ".pack.zst", Fault::Error);
    let delta = publisher.target_file(&target("aydin/1-2.delta"));
    let kept = std::fs::read(&delta).unwrap();
    std::fs::remove_file(&delta).unwrap();
    refused(&phone, &server.url(), &[], "server-error", "500");
    std::fs::write(&delta, kept).unwrap();
    let server = BadServer::start(&publisher.feed(), "1-2.delta", Fault::Stall);
    let pulled = refused(
        &phone,
        &server.url(),
        &["--read-timeout", "2s"],
        "unreachable",
        "1-2.delta",
    );
    assert!(
        pulled.stderr.contains("timed out") || pulled.stderr.contains("timeout"),
        "{pulled:?}"
    );
    let nginx = Nginx::serve(&publisher.feed());
    assert!(phone.pull(&nginx.url(), &[]).ok);
    assert_eq!(phone.version(), Some(2));
}

/// Runs `pull` with its files limited to `limit` bytes (RLIMIT_FSIZE), so that writing the
/// new pack fails as on a full disk, with the write error (EFBIG) instead of a signal.
fn pull_with_file_limit(phone: &Phone, url: &str, limit: u64) -> Pulled {
    let script = format!(
        "trap '' XFSZ; exec prlimit --fsize={limit} \"$0\" pull \"$1\" \"$2\" --root \"$3\""
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script, BIN, url])
        .arg(phone.data.path())
        .arg(&phone.root)
        .output()
        .unwrap();
    Pulled {
        ok: out.status.success(),
        stdout: String::from_utf8_lossy(&out.stdout).into(),
        stderr: String::from_utf8_lossy(&out.stderr).into(),
    }
}

#[test]
fn a_write_error_while_installing_keeps_the_old_pack() {
    let (publisher, phone) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    let before = phone.state();
    // The delta (a few kilobytes) downloads; writing the new 750 KB pack does not fit.
    let pulled = pull_with_file_limit(&phone, &nginx.url(), 200_000);
    assert!(!pulled.ok, "{pulled:?}");
    assert_eq!(pulled.status(), "write-failed", "{pulled:?}");
    assert!(pulled.stderr.contains(".sqlite.tmp"), "{pulled:?}");
    assert_eq!(phone.state(), before);
    assert_eq!(incoming_files(phone.data.path()), 0);
    assert!(phone.pull(&nginx.url(), &[]).ok);
    assert_eq!(phone.version(), Some(2));
}

/// The process killed (SIGKILL) at random moments of an update, 200 times (the stress
/// script sets MERHABA_KILL_RUNS=1000). After each kill the phone starts as the app does
/// (`open_or_install` with its embedded pack), and must hold exactly one sound version, old
/// or new, no leftover file, and its user database unchanged.
#[test]
fn killed_at_random_points_the_phone_keeps_one_sound_version() {
    use std::time::{Duration, Instant};
    let runs: usize = std::env::var("MERHABA_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("MERHABA_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    eprintln!("MERHABA_KILL_SEED={seed}");
    let mut random = xorshift(seed);
    let (publisher, template) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    let embedded = publisher.pack(1);
    let settings = template.user_db();
    let fresh_copy = || {
        let phone = Phone::new(&publisher.shipped_root(), None);
        copy_dir(template.data.path(), phone.data.path());
        phone
    };
    let args = |phone: &Phone| phone.pull_args(&nginx.url());
    // How long an update takes when nothing interrupts it.
    let timing = fresh_copy();
    let started = Instant::now();
    assert!(std::process::Command::new(BIN)
        .args(args(&timing))
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap()
        .success());
    let span = started.elapsed().as_micros() as u64 * 6 / 5;

    let (mut old, mut new, mut mid_install) = (0, 0, 0);
    for run in 0..runs {
        let phone = fresh_copy();
        let mut child = std::process::Command::new(BIN)
            .args(args(&phone))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(random() % span));
        let _ = child.kill();
        child.wait().unwrap();
        if incoming_files(phone.data.path()) > 0 {
            mid_install += 1;
        }
        // What the app does when it starts.
        let pack = merhaba_core::open_or_install(phone.data.path(), "aydin", 1, &embedded)
            .unwrap_or_else(|e| panic!("run {run}: {e}"));
        drop(pack);
        let version = phone.version();
        match version {
            Some(1) => old += 1,
            Some(2) => new += 1,
            other => panic!("run {run}: version {other:?} after a kill"),
        }
        let mut files: Vec<String> = std::fs::read_dir(phone.data.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name != "feed")
            .collect();
        files.sort();
        assert_eq!(
            files,
            ["aydin.sqlite", "packs.lock", "user.sqlite"],
            "run {run}"
        );
        assert_eq!(phone.user_db(), settings, "run {run}");
        // Every tenth phone then finishes its update from wherever the kill left it.
        if run % 10 == 0 {
            let pulled = phone.pull(&nginx.url(), &[]);
            assert!(pulled.ok, "run {run}: {pulled:?}");
            assert_eq!(phone.version(), Some(2), "run {run}");
        }
    }
    eprintln!(
        "{runs} kills: {old} left version 1, {new} version 2; {mid_install} while the new pack was being written"
    );
    assert!(
        old > 0 && new > 0,
        "the kills all landed on one side of the install"
    );

    // Kills between "timestamp saved" and "targets fetched": a phone that has applied
    // version 2 meets version 3 through a server that stalls targets.json, and is killed
    // while it waits, tough having kept the new timestamp and snapshot. It still starts
    // with version 2, and its next update installs version 3 (not "current, version 2").
    let applied = fresh_copy();
    applied.pull_saying(&nginx.url(), "installed version 2");
    publisher.edit(2, "Another correction.");
    publisher.publish(&[]);
    let stalling = BadServer::start(&publisher.feed(), "targets.json", Fault::Stall);
    let window_runs = runs.div_ceil(10);
    for run in 0..window_runs {
        let phone = Phone::new(&publisher.shipped_root(), None);
        copy_dir(applied.data.path(), phone.data.path());
        let asked = stalling.asked("targets.json");
        let mut child = std::process::Command::new(BIN)
            .args(["pull", &stalling.url()])
            .arg(phone.data.path())
            .arg("--root")
            .arg(&phone.root)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        while stalling.asked("targets.json") == asked {
            assert!(
                child.try_wait().unwrap().is_none(),
                "window run {run}: pull ended"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_micros(random() % 20_000));
        let _ = child.kill();
        child.wait().unwrap();
        let kept: tough::schema::Signed<tough::schema::Timestamp> = serde_json::from_slice(
            &std::fs::read(phone.data.path().join("feed/trusted/timestamp.json")).unwrap(),
        )
        .unwrap();
        let published: tough::schema::Signed<tough::schema::Timestamp> = serde_json::from_slice(
            &std::fs::read(publisher.feed().join("metadata/timestamp.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(
            kept.signed.version, published.signed.version,
            "window run {run}"
        );
        drop(merhaba_core::open_or_install(phone.data.path(), "aydin", 1, &embedded).unwrap());
        assert_eq!(phone.version(), Some(2), "window run {run}");
        assert_eq!(phone.user_db(), settings, "window run {run}");
        phone.pull_saying(&nginx.url(), "installed version 3 (from version 2)");
    }
    eprintln!("{window_runs} kills between the timestamp kept and targets.json fetched");
}
