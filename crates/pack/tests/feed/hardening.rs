//! Issue 12, items 1–6: an interrupted update is finished next time, a signed pack installs
//! only as what its signed name says, slow servers meet a deadline, parts no longer wanted
//! are pruned, every failure says the right word, and redirects, compression and the
//! targets cap behave as docs/publishing.md says. Each over real HTTP on 127.0.0.1.

use std::time::Duration;

use super::support::*;
use super::{at_version_two, pull_with_file_limit, refused};

/// The installed pack and user database, and that no file but them (and `feed/`) is there.
fn assert_untouched(phone: &Phone, before: &(Option<String>, String)) {
    assert_eq!(&phone.state(), before, "the phone changed");
    let mut files: Vec<String> = std::fs::read_dir(phone.data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The feed's folder, and the lock every update takes on the folder.
        .filter(|name| name != "feed" && name != "packs.lock")
        .collect();
    files.sort();
    let expected: &[&str] = match before.0 {
        Some(_) => &["aydin.sqlite", "user.sqlite"],
        None => &["user.sqlite"],
    };
    assert_eq!(files, expected);
}

/// Item 1. tough keeps the new timestamp and snapshot before it fetches targets.json; when
/// that fetch fails, the next update must still fetch and apply the new targets, and not
/// call the old ones current (and then hear "not modified" forever).
#[test]
fn an_update_interrupted_after_the_timestamp_is_finished_next_time() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    let faults: Vec<(&str, Fault)> = vec![
        ("404", Fault::NotFound),
        ("500", Fault::Error),
        ("a reset", Fault::DropAfter(10)),
        ("a stall", Fault::Stall),
        ("the old targets", Fault::NotFound),
    ];
    for (run, (what, fault)) in faults.into_iter().enumerate() {
        // A phone that has applied the current version.
        let phone = Phone::new(&publisher.shipped_root(), None);
        let version = run as u64 + 1;
        phone.pull_saying(&nginx.url(), &format!("installed version {version}"));
        phone.pull_saying(&nginx.url(), &format!("current, version {version}"));
        let old_feed = tempfile::tempdir().unwrap();
        copy_dir(&publisher.feed(), old_feed.path());
        publisher.edit(1, &format!("Correction {run}."));
        publisher.publish(&[]);
        // The new timestamp and snapshot arrive; targets.json does not.
        let failed = if what == "the old targets" {
            // A CDN serving the new timestamp and snapshot before the new targets.
            for file in ["timestamp.json", "snapshot.json"] {
                std::fs::copy(
                    publisher.feed().join("metadata").join(file),
                    old_feed.path().join("metadata").join(file),
                )
                .unwrap();
            }
            let cdn = Nginx::serve(old_feed.path());
            phone.pull(&cdn.url(), &[])
        } else {
            let server = BadServer::start(&publisher.feed(), "targets.json", fault);
            phone.pull(&server.url(), &["--read-timeout", "1s"])
        };
        assert!(!failed.ok, "{what}: {failed:?}");
        assert_eq!(phone.version(), Some(version), "{what}");
        // The next update, from a sound server, installs the new version.
        let pulled = phone.pull(&nginx.url(), &[]);
        assert!(
            pulled.ok
                && pulled
                    .stdout
                    .contains(&format!("installed version {}", version + 1)),
            "{what}: {pulled:?}"
        );
        phone.pull_saying(&nginx.url(), &format!("current, version {}", version + 1));
    }
}

/// Item 2. A pack signed as `aydin` version 2 installs as exactly that: not as another
/// city's file (`user` would replace the user database), not outside the packs folder,
/// not as another version.
#[test]
fn a_signed_pack_installs_only_as_its_signed_name_says() {
    let (publisher, _) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    let genuine = publisher.pack(2);
    let embedded = publisher.pack(1);
    let cases: [&[(&str, &str)]; 4] = [
        &[("city", "user")],
        &[("city", "../escaped")],
        &[("city", "istanbul")],
        &[("content_version", "999")],
    ];
    for changes in cases {
        publisher.sign_pack(2, &with_meta(&genuine, changes));
        let phone = Phone::new(&publisher.shipped_root(), None);
        let before = phone.state();
        refused(
            &phone,
            &nginx.url(),
            &[],
            "refused",
            "not a Merhaba city pack",
        );
        assert_untouched(&phone, &before);
        assert!(!phone.data.path().join("../escaped.sqlite").exists());
        assert_eq!(phone.downloads(), Vec::<String>::new(), "{changes:?}");
    }
    // The embedded pack is held to the city and version the app names too.
    let phone = Phone::new(&publisher.shipped_root(), None);
    let before = phone.state();
    for changes in cases {
        let pack = with_meta(&embedded, changes);
        let opened = merhaba_core::open_or_install(phone.data.path(), "aydin", 1, &pack);
        assert!(opened.is_err(), "{changes:?}");
        assert_untouched(&phone, &before);
    }
    publisher.sign_pack(2, &genuine);
    phone.pull_saying(&nginx.url(), "installed version 2");
}

/// Item 3. A server that drips a file a byte at a time (each byte inside the read
/// time-out) is given up on when the file's deadline passes: a fixed allowance plus its
/// length (or, for metadata, its size cap) at a minimum rate. Shortened here.
#[test]
fn a_server_dripping_bytes_meets_a_deadline() {
    let (publisher, phone) = at_version_two();
    let quick = |client: merhaba_core::feed::FeedClient| {
        Ok(client.deadlines(Duration::from_millis(500), 64 * 1024))
    };
    for file in [
        "timestamp.json",
        "snapshot.json",
        "targets.json",
        "1-2.delta",
    ] {
        let before = phone.state();
        let server = BadServer::start(
            &publisher.feed(),
            file,
            Fault::Drip(Duration::from_millis(20)),
        );
        let err = phone
            .update_with(&server.url(), quick)
            .expect_err("a dripping server was waited out");
        assert_eq!(err.status(), "unreachable", "{file}: {err}");
        // A metadata file is cut by the deadline of all the metadata (2 s here) before its
        // own (0.5 s plus its size cap at 64 KiB/s: 64.5 s for targets.json).
        let named = if file == "1-2.delta" {
            file
        } else {
            "metadata"
        };
        assert!(err.to_string().contains(named), "{file}: {err}");
        assert!(err.to_string().contains("deadline"), "{file}: {err}");
        assert_eq!(phone.state(), before);
    }
    // The same deadlines let a sound server's files through.
    let nginx = Nginx::serve(&publisher.feed());
    phone.update_with(&nginx.url(), quick).unwrap();
    assert_eq!(phone.version(), Some(2));
}

/// Item 4. Parts of files no longer wanted do not outlive the update; a write failure
/// removes what the update wrote.
#[test]
fn parts_no_longer_wanted_are_pruned() {
    let publisher = Publisher::new();
    let pack_len = std::fs::metadata(publisher.pack_file(1)).unwrap().len();
    let phone = Phone::new(&publisher.shipped_root(), None);
    let dropping = BadServer::start(
        &publisher.feed(),
        "1.pack.zst",
        Fault::DropAfter(pack_len / 2),
    );
    refused(&phone, &dropping.url(), &[], "unreachable", "1.pack.zst");
    assert_eq!(phone.downloads().len(), 1);
    // Version 2 is out before the phone tries again: half of pack 1 is of no use now.
    publisher.edit(1, "A correction.");
    publisher.publish(&[]);
    let nginx = Nginx::serve(&publisher.feed());
    phone.pull_saying(&nginx.url(), "installed version 2");
    assert_eq!(phone.downloads(), Vec::<String>::new());

    // A full disk while downloading: the part is removed, not left filling the disk.
    let full = Phone::new(&publisher.shipped_root(), None);
    let pulled = pull_with_file_limit(&full, &nginx.url(), 100_000);
    assert!(!pulled.ok, "{pulled:?}");
    assert_eq!(pulled.status(), "write-failed", "{pulled:?}");
    assert_eq!(full.downloads(), Vec::<String>::new());
    assert_eq!(full.version(), None);
    full.pull_saying(&nginx.url(), "installed version 2");
}

/// Item 5. Transport failures say `unreachable`, error statuses `server-error`, failed
/// checks `refused`, local disk errors `write-failed` (above).
#[test]
fn every_failure_says_the_right_word() {
    let (publisher, phone) = at_version_two();
    // A second root, so that the phone fetches 2.root.json.
    merhaba_pack::keys::rotate(&publisher.keys(), &[tough::schema::RoleType::Root]).unwrap();
    publisher.publish(&[]);
    // The root cases come first: the next root is asked for before anything else, and
    // once a check has verified it the phone trusts it, whatever fails after.
    let cases = [
        ("2.root.json", Fault::DropAfter(10), "unreachable"),
        ("2.root.json", Fault::Error, "server-error"),
        ("timestamp.json", Fault::DropAfter(10), "unreachable"),
        ("snapshot.json", Fault::DropAfter(10), "unreachable"),
        ("snapshot.json", Fault::NotFound, "server-error"),
        ("snapshot.json", Fault::Stall, "unreachable"),
        ("targets.json", Fault::DropAfter(10), "unreachable"),
        ("targets.json", Fault::NotFound, "server-error"),
        ("targets.json", Fault::Stall, "unreachable"),
        // (A delta the server lacks is replaced by the whole pack: faults.rs.)
        ("1-2.delta", Fault::Stall, "unreachable"),
    ];
    for (file, fault, status) in cases {
        let server = BadServer::start(&publisher.feed(), file, fault.clone());
        let pulled = refused(
            &phone,
            &server.url(),
            &["--read-timeout", "1s"],
            status,
            file,
        );
        eprintln!("{file} {fault:?}: {}", pulled.stderr.trim());
    }
    // A damaged pack, signed: it fails its checks when installed, so it is refused, and
    // not kept.
    let nginx = Nginx::serve(&publisher.feed());
    let mut damaged = publisher.pack(2);
    let middle = damaged.len() / 2;
    damaged[middle..middle + 4096].fill(0x55);
    publisher.sign_pack(2, &damaged);
    let fresh = Phone::new(&publisher.shipped_root(), None);
    let before = fresh.state();
    refused(&fresh, &nginx.url(), &[], "refused", "damaged");
    assert_untouched(&fresh, &before);
    assert_eq!(fresh.downloads(), Vec::<String>::new());
}

/// Item 6. A redirect to another origin is followed (a CDN may send phones to its storage)
/// and carries no Referer; a server compressing what it was never asked to is named; the
/// targets metadata has a hard size cap whatever length the snapshot signs.
#[test]
fn redirects_compression_and_the_targets_cap() {
    let (publisher, phone) = at_version_two();
    let storage = BadServer::start(&publisher.feed(), "no file is spoiled", Fault::Error);
    let front = BadServer::start(&publisher.feed(), "", Fault::Redirect(storage.url()));
    phone.pull_saying(&front.url(), "installed version 2");
    let requests = storage.requests.lock().unwrap().clone();
    assert!(requests.len() >= 4, "{requests:?}");
    for (path, headers) in &requests {
        for header in headers {
            let name = header.split(':').next().unwrap().to_ascii_lowercase();
            assert!(
                [
                    "host",
                    "user-agent",
                    "accept",
                    "range",
                    "if-none-match",
                    "if-modified-since"
                ]
                .contains(&name.as_str()),
                "{path}: {header}"
            );
        }
    }

    // JSON compressed on the fly although the phone never asked for it.
    let behind = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let gzip = BadServer::start(&publisher.feed(), "snapshot.json", Fault::Gzip);
    refused(
        &behind,
        &gzip.url(),
        &[],
        "server-error",
        "Content-Encoding: gzip",
    );

    // A targets.json over 4 MiB, signed and listed with its length in the snapshot.
    let mut targets = publisher.listed();
    targets[0]
        .1
        .custom
        .insert("padding".into(), "x".repeat(5 << 20).into());
    publisher.sign_targets(targets);
    let nginx = Nginx::serve(&publisher.feed());
    refused(
        &behind,
        &nginx.url(),
        &[],
        "refused",
        "sent more than the 4194304 bytes",
    );
    assert_eq!(behind.version(), Some(1));
}
