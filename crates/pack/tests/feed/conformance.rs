//! Issue 12, item 14: `merhaba-pack tuf-client`, the client-under-test command line of the
//! TUF conformance suite, run here against the real feed on nginx; and what the suite found
//! in the app's client (a timestamp signed again without a new version).

use std::path::Path;

use super::support::*;

/// `merhaba-pack tuf-client` with `args`, in the suite's order: options, then the step.
fn tuf_client(metadata: &Path, url: &str, more: &[&str], step: &[&str]) -> (bool, String) {
    let metadata = metadata.to_str().unwrap();
    let metadata_url = format!("{url}metadata");
    let mut args = vec!["tuf-client", "--metadata-dir", metadata];
    if step[0] != "init" {
        args.extend(["--metadata-url", &metadata_url]);
    }
    args.extend_from_slice(more);
    args.extend_from_slice(step);
    let out = run(&args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_conformance_command_line_refreshes_and_downloads_with_the_app_client() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    let url = nginx.url();
    let work = tempfile::tempdir().unwrap();
    let (metadata, targets) = (work.path().join("metadata"), work.path().join("targets"));
    std::fs::create_dir_all(&metadata).unwrap();
    let root = publisher.shipped_root();

    // init makes no request.
    let (ok, said) = tuf_client(&metadata, &url, &[], &["init", root.to_str().unwrap()]);
    assert!(ok, "{said}");
    assert!(nginx.log().is_empty(), "{:?}", nginx.log());

    // refresh: the roles the client trusts are shown under their names, nothing else.
    let (ok, said) = tuf_client(&metadata, &url, &[], &["refresh"]);
    assert!(ok, "{said}");
    assert_eq!(
        files(&metadata),
        [
            "merhaba",
            "root.json",
            "snapshot.json",
            "targets.json",
            "timestamp.json"
        ]
    );
    let shown: tough::schema::Signed<tough::schema::Timestamp> =
        serde_json::from_slice(&std::fs::read(metadata.join("timestamp.json")).unwrap()).unwrap();
    let published: tough::schema::Signed<tough::schema::Timestamp> = serde_json::from_slice(
        &std::fs::read(publisher.feed().join("metadata/timestamp.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(shown.signed.version, published.signed.version);

    // download: the signed file, under one file name; a second time, no target request.
    let name = target("aydin/1.pack.zst");
    let targets_url = format!("{url}targets");
    let download = [
        "--target-name",
        name.as_str(),
        "--target-base-url",
        targets_url.as_str(),
        "--target-dir",
        targets.to_str().unwrap(),
    ];
    let (ok, said) = tuf_client(&metadata, &url, &download, &["download"]);
    assert!(ok, "{said}");
    let kept = targets.join(name.replace('/', "%2F"));
    assert_eq!(
        files(&targets),
        [kept.file_name().unwrap().to_str().unwrap()]
    );
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        std::fs::read(publisher.target_file(&name)).unwrap()
    );
    nginx.clear_log();
    let (ok, said) = tuf_client(&metadata, &url, &download, &["download"]);
    assert!(ok, "{said}");
    assert_eq!(
        nginx.log(),
        vec![
            ("/metadata/2.root.json".into(), 404, 153),
            ("/metadata/timestamp.json".into(), 304, 0)
        ],
        "the next root looked for, and the kept file and the unchanged timestamp are enough"
    );

    // A name the metadata does not sign, and one climbing out of the folder: exit 1.
    for missing in [target("aydin/999.pack.zst"), "../../etc/passwd".into()] {
        let mut args = download;
        args[1] = &missing;
        let (ok, said) = tuf_client(&metadata, &url, &args, &["download"]);
        assert!(!ok, "{missing} was downloaded");
        assert!(said.contains("status: refused"), "{said}");
    }
    assert_eq!(files(&targets).len(), 1);

    // A server that is not there: exit 1, and the trusted metadata stays as it was.
    let before = std::fs::read(metadata.join("targets.json")).unwrap();
    let gone = format!("http://127.0.0.1:{}/", free_port());
    let (ok, said) = tuf_client(&metadata, &gone, &[], &["refresh"]);
    assert!(!ok);
    assert!(said.contains("status: unreachable"), "{said}");
    assert_eq!(
        std::fs::read(metadata.join("targets.json")).unwrap(),
        before
    );
}

/// Found by the conformance suite (test_timestamp_content_changes): a timestamp signed again
/// with the version the phone has, but naming other metadata, must not be taken (TUF 5.4:
/// a new timestamp has a new version). The phone stays current and asks for nothing else.
#[test]
fn a_timestamp_signed_again_without_a_new_version_is_not_taken() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    let phone = Phone::new(&publisher.shipped_root(), None);
    assert!(phone.pull(&nginx.url(), &[]).ok);
    assert_eq!(phone.version(), Some(1));
    // Version 2 of the pack, signed into new snapshot and targets, under the old
    // timestamp version.
    publisher.edit(1, "A correction.");
    let built = tempfile::tempdir().unwrap();
    let out = built.path().join("aydin.sqlite");
    let made = run(&[
        "build",
        publisher.content().to_str().unwrap(),
        out.to_str().unwrap(),
    ]);
    assert!(made.status.success(), "{made:?}");
    let pack = std::fs::read(&out).unwrap();
    let name = target("aydin/2.pack.zst");
    let signed = publisher.pack_target(&name, &pack);
    let mut listed = publisher.listed();
    listed.push((name, signed));
    publisher.sign_targets_as(listed, 0);

    nginx.clear_log();
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert!(pulled.stdout.contains("current, version 1"), "{pulled:?}");
    assert_eq!(
        nginx
            .log()
            .into_iter()
            .map(|(path, ..)| path)
            .collect::<Vec<_>>(),
        ["/metadata/2.root.json", "/metadata/timestamp.json"]
    );
    assert_eq!(phone.version(), Some(1));
}

/// Found by the conformance suite (a static repository refreshed twice at the same fixed
/// time): tough remembers the latest time it saw and refuses every update while the clock
/// is earlier. A phone whose clock was once ahead must update again once it is set right.
#[test]
fn a_phone_whose_clock_was_ahead_updates_once_it_is_set_right() {
    let publisher = Publisher::new();
    let nginx = Nginx::serve(&publisher.feed());
    let phone = Phone::new(&publisher.shipped_root(), None);
    // An hour ahead (within the metadata's lifetime), through libfaketime.
    let data = phone.data.path().to_str().unwrap();
    let root = phone.root.to_str().unwrap();
    let ahead = std::process::Command::new("faketime")
        .args(["-f", "+1h", BIN, "pull", &nginx.url(), data, "--root", root])
        .output()
        .expect("faketime (scripts/setup.sh installs it)");
    assert!(ahead.status.success(), "{ahead:?}");
    assert_eq!(phone.version(), Some(1));
    publisher.edit(1, "A correction.");
    publisher.publish(&[]);
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert_eq!(phone.version(), Some(2));
}
