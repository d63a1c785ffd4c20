//! Faults of the third round (issue 29): two updates on one data folder at once, an altered
//! installed pack, one broken city among several, a missing delta, and a file kind a
//! later release adds.

use std::process::{Command, Stdio};
use std::time::Duration;

use super::*;

/// Two updates of one data folder at once (the app started twice, the app and `pull`),
/// one of them killed at a random moment: whatever says "installed" leaves the signed
/// pack installed, whole, and nothing half-written stays behind.
#[test]
fn two_updates_at_once_one_killed_leave_the_signed_pack() {
    let (publisher, template) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    let signed = publisher.pack(2);
    let mut random = xorshift(0x9e37_79b9_7f4a_7c15);
    let runs = 30;
    let mut installed_by_survivor = 0;
    for run in 0..runs {
        let phone = Phone::new(&publisher.shipped_root(), None);
        copy_dir(template.data.path(), phone.data.path());
        let spawn = || {
            Command::new(BIN)
                .args(phone.pull_args(&nginx.url()))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (mut doomed, survivor) = (spawn(), spawn());
        std::thread::sleep(Duration::from_millis(random() % 400));
        let _ = doomed.kill();
        doomed.wait().unwrap();
        let out = survivor.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "run {run}: the update left running failed: {said}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if said.contains("installed version 2") {
            installed_by_survivor += 1;
        }
        // Whoever installed it, the pack is the signed one, and it opens.
        assert_eq!(phone.version(), Some(2), "run {run}: {said}");
        assert_eq!(
            std::fs::read(phone.pack_path()).unwrap(),
            signed,
            "run {run}"
        );
        assert_eq!(incoming_files(phone.data.path()), 0, "run {run}");
    }
    eprintln!("{runs} runs: the update left running installed version 2 in {installed_by_survivor}, found it current in the others");
}

/// An installed pack at the newest version whose bytes differ from the signed ones (changed
/// on the disk) is replaced by the signed pack, once: the next check finds it current.
#[test]
fn an_altered_pack_at_the_newest_version_is_replaced_once() {
    let (publisher, phone) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    phone.pull_saying(&nginx.url(), "installed version 2");
    // Still a sound pack of version 2, with one text changed.
    let altered = {
        let conn = rusqlite::Connection::open(phone.pack_path()).unwrap();
        conn.execute(
            "INSERT INTO pack_meta(key, value) VALUES ('edited', 'on the disk')",
            [],
        )
        .unwrap();
        drop(conn);
        std::fs::read(phone.pack_path()).unwrap()
    };
    assert_ne!(altered, publisher.pack(2));
    assert_eq!(phone.version(), Some(2));
    phone.pull_saying(&nginx.url(), "aydin: installed version 2 (from version 2)");
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(2));
    nginx.clear_log();
    phone.pull_saying(&nginx.url(), "aydin: current, version 2");
    assert!(
        !nginx
            .log()
            .iter()
            .any(|(path, ..)| path.contains("/targets/")),
        "{:?}",
        nginx.log()
    );
}

/// A city whose file is missing on the server does not stop the update of another: the
/// update says what happened to each, exits non-zero, and does not count as applied.
#[test]
fn one_broken_city_does_not_stop_the_others() {
    let (publisher, phone) = at_version_two();
    // A second city, sorted before Aydın, whose pack is signed but not uploaded.
    let ankara = with_meta(&publisher.pack(1), &[("city", "ankara")]);
    let name = target("ankara/1.pack.zst");
    let file = publisher.target_file(&name);
    let signed = publisher.pack_target(&name, &ankara);
    let mut listed = publisher.listed();
    listed.push((name, signed));
    publisher.sign_targets(listed);
    std::fs::remove_file(&file).unwrap();

    let nginx = Nginx::serve(&publisher.feed());
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(!pulled.ok, "{pulled:?}");
    assert_eq!(pulled.status(), "server-error", "{pulled:?}");
    assert!(
        pulled.stdout.contains("aydin: installed version 2"),
        "{pulled:?}"
    );
    assert!(
        pulled.stdout.contains("ankara: failed (server-error)"),
        "{pulled:?}"
    );
    assert!(pulled.stderr.contains("ankara"), "{pulled:?}");
    assert_eq!(phone.version(), Some(2));
    // Not applied: the next check asks for everything again, and finds Ankara's pack once
    // it is there.
    std::fs::write(&file, merhaba_core::delta::compress(&ankara).unwrap()).unwrap();
    let pulled = phone.pull_saying(&nginx.url(), "ankara: installed version 1");
    assert!(
        pulled.stdout.contains("aydin: current, version 2"),
        "{pulled:?}"
    );
    assert_eq!(
        std::fs::read(merhaba_core::pack_path(phone.data.path(), "ankara")).unwrap(),
        ankara
    );
}

/// A delta missing on the server, or one that does not make the signed pack: the whole
/// pack is listed too, and installed instead.
#[test]
fn a_missing_or_bad_delta_falls_back_to_the_whole_pack() {
    let (publisher, phone) = at_version_two();
    let nginx = Nginx::serve(&publisher.feed());
    let delta = publisher.target_file(&target("aydin/1-2.delta"));
    let kept = std::fs::read(&delta).unwrap();
    std::fs::remove_file(&delta).unwrap();
    phone.pull_saying(
        &nginx.url(),
        &format!(
            "installed version 2 (from version 1) via {}",
            target("aydin/2.pack.zst")
        ),
    );
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(2));

    // A delta whose bytes are not the signed ones.
    let other = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    std::fs::write(&delta, &kept).unwrap();
    flip_byte(&delta);
    other.pull_saying(&nginx.url(), &format!("via {}", target("aydin/2.pack.zst")));
    assert_eq!(std::fs::read(other.pack_path()).unwrap(), publisher.pack(2));
}

/// A later release adds a file kind in its own schema folder: this release passes over what
/// it does not understand there, and still refuses a name that climbs out of the feed.
#[test]
fn a_file_kind_of_a_later_release_is_passed_over() {
    let (publisher, phone) = at_version_two();
    let later = format!("v{}", SCHEMA + 1);
    let file = publisher.target_file(&format!("{later}/aydin/2.index.bin"));
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, b"a file kind this release does not know").unwrap();
    let signed = merhaba_pack::keys::block_on(tough::schema::Target::from_path(&file)).unwrap();
    let mut listed = publisher.listed();
    listed.push((format!("{later}/aydin/2.index.bin"), signed.clone()));
    listed.push((format!("{later}/notes.txt"), signed.clone()));
    publisher.sign_targets(listed.clone());
    let nginx = Nginx::serve(&publisher.feed());
    phone.pull_saying(&nginx.url(), "installed version 2");

    // The same kind of unknown name in this release's own folder is refused, and so is a
    // name under another folder that climbs out.
    for bad in [
        target("aydin/2.index.bin"),
        format!("{later}/../../etc/passwd"),
    ] {
        let mut with_bad = listed.clone();
        with_bad.push((bad.clone(), signed.clone()));
        publisher.sign_targets(with_bad);
        let fresh = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
        refused(
            &fresh,
            &nginx.url(),
            &[],
            "refused",
            &format!("target `{bad}`"),
        );
    }
}
