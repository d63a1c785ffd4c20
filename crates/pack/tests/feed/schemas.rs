//! One feed, apps of two releases: this build (pack schema `SCHEMA`) and the release before
//! it (`SCHEMA - 1`), over real HTTP from nginx. Each publisher files its packs under its
//! schema's folder and keeps the other's; each app reads only its own folder, installs only
//! packs of its schema, and refuses a pack of another schema listed under its folder.

use merhaba_core::feed::{pack_schema_of, CityOutcome, PackContents, Report, PACK_CONTENTS};

use super::refused;
use super::support::*;

const OLD: u32 = SCHEMA - 1;

fn old_release() -> OtherRelease {
    OtherRelease { schema: OLD }
}

/// The one city's outcome of an update.
fn outcome(report: &Report) -> &CityOutcome {
    assert_eq!(report.cities.len(), 1, "{report:?}");
    &report.cities[0].1
}

fn requested(nginx: &Nginx, folder: u32) -> Vec<String> {
    let prefix = format!("/targets/v{folder}/");
    nginx
        .log()
        .into_iter()
        .map(|(path, _, _)| path)
        .filter(|path| path.starts_with(&prefix))
        .collect()
}

/// The pack of `version` that the publisher of `schema` published, decompressed.
fn published(publisher: &Publisher, schema: u32, version: u64) -> Vec<u8> {
    let file = std::fs::read(publisher.target_file(&format!("v{schema}/aydin/{version}.pack.zst")))
        .unwrap();
    merhaba_core::delta::decompress(&file, merhaba_core::delta::MAX_PACK_LEN).unwrap()
}

#[test]
fn apps_of_two_schema_versions_update_from_one_feed() {
    // This release publishes version 1, then the previous release's publisher does too.
    let publisher = Publisher::new();
    let lines = publisher.publish_as_schema(OLD).unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("aydin: version 1, pack"), "{lines:?}");
    assert!(
        publisher.pack_file(1).exists(),
        "the newer schema's pack was dropped"
    );
    let nginx = Nginx::serve(&publisher.feed());
    let url = nginx.url();

    // Each app downloads from its own folder only, and installs a pack of its schema.
    let phone = Phone::new(&publisher.shipped_root(), None);
    let old_phone = Phone::new(&publisher.shipped_root(), None);
    nginx.clear_log();
    phone.pull_saying(
        &url,
        &format!(
            "installed version 1 (from nothing) via {}",
            target("aydin/1.pack.zst")
        ),
    );
    assert_eq!(requested(&nginx, OLD), Vec::<String>::new());
    let installed = std::fs::read(phone.pack_path()).unwrap();
    assert_eq!(installed, publisher.pack(1));
    assert_eq!(pack_schema_of(&installed), Some(SCHEMA));

    nginx.clear_log();
    let report = old_phone.pull_as(&url, old_release()).unwrap();
    assert_eq!(
        outcome(&report),
        &CityOutcome::Installed {
            from: None,
            to: 1,
            files: vec![format!("v{OLD}/aydin/1.pack.zst")]
        }
    );
    assert_eq!(requested(&nginx, SCHEMA), Vec::<String>::new());
    let installed = std::fs::read(old_phone.pack_path()).unwrap();
    assert_eq!(installed, published(&publisher, OLD, 1));
    assert_eq!(pack_schema_of(&installed), Some(OLD));
    // This build's own store does not read it: it is a pack of the previous release.
    assert_eq!(old_phone.version(), None);

    // A correction published with this release's tool: the previous schema's packs stay,
    // and its app has nothing new.
    publisher.edit(1, "A correction.");
    let out = publisher.publish(&[]);
    assert!(out.contains("aydin: version 2"), "{out}");
    assert!(publisher
        .target_file(&format!("v{OLD}/aydin/1.pack.zst"))
        .exists());
    phone.pull_saying(
        &url,
        &format!(
            "installed version 2 (from version 1) via {}",
            target("aydin/1-2.delta")
        ),
    );
    let report = old_phone.pull_as(&url, old_release()).unwrap();
    assert_eq!(outcome(&report), &CityOutcome::Current { version: 1 });

    // The same correction with the previous release's tool: this release's packs stay.
    let lines = publisher.publish_as_schema(OLD).unwrap();
    assert!(lines[0].contains("aydin: version 2"), "{lines:?}");
    assert!(lines[0].contains("delta from 1"), "{lines:?}");
    let report = old_phone.pull_as(&url, old_release()).unwrap();
    assert_eq!(
        outcome(&report),
        &CityOutcome::Installed {
            from: Some(1),
            to: 2,
            files: vec![format!("v{OLD}/aydin/1-2.delta")]
        }
    );
    let installed = std::fs::read(old_phone.pack_path()).unwrap();
    assert_eq!(installed, published(&publisher, OLD, 2));
    assert_eq!(pack_schema_of(&installed), Some(OLD));
    phone.pull_saying(&url, "aydin: current, version 2");
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(2));

    // Version 3 from both, then the two packs swapped and signed under each other's folder
    // (a mistake on the publishing machine): the hashes match what is signed, the schema
    // does not, and each app refuses.
    publisher.edit(2, "Another correction.");
    publisher.publish(&[]);
    publisher.publish_as_schema(OLD).unwrap();
    let mine = publisher.pack_file(3);
    let theirs = publisher.target_file(&format!("v{OLD}/aydin/3.pack.zst"));
    let (a, b) = (
        std::fs::read(&mine).unwrap(),
        std::fs::read(&theirs).unwrap(),
    );
    std::fs::write(&mine, b).unwrap();
    std::fs::write(&theirs, a).unwrap();
    let targets = publisher
        .listed()
        .into_iter()
        .filter(|(name, _)| !name.ends_with("/2-3.delta"))
        .map(|(name, t)| {
            if !name.ends_with("/aydin/3.pack.zst") {
                return (name, t);
            }
            let file = publisher.target_file(&name);
            let mut t =
                merhaba_pack::keys::block_on(tough::schema::Target::from_path(&file)).unwrap();
            let pack = merhaba_core::delta::decompress(
                &std::fs::read(&file).unwrap(),
                merhaba_core::delta::MAX_PACK_LEN,
            )
            .unwrap();
            t.custom.insert(
                PACK_CONTENTS.to_string(),
                PackContents::of(&pack).to_custom(),
            );
            (name, t)
        })
        .collect();
    publisher.sign_targets(targets);
    refused(
        &phone,
        &url,
        &[],
        "refused",
        &format!("a pack of schema {OLD}, this app reads {SCHEMA}"),
    );
    let before = old_phone.state();
    let err = old_phone.pull_as(&url, old_release()).unwrap_err();
    assert_eq!(err.status(), "refused", "{err}");
    assert!(
        err.to_string()
            .contains(&format!("a pack of schema {SCHEMA}, this app reads {OLD}")),
        "{err}"
    );
    assert_eq!(old_phone.state(), before);

    // The publisher of the next schema drops the oldest: a feed serves the two newest.
    let lines = publisher.publish_as_schema(SCHEMA + 1).unwrap();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("dropped the packs of schema {OLD}"))),
        "{lines:?}"
    );
    assert!(!publisher.feed().join(format!("targets/v{OLD}")).exists());
    assert!(publisher.pack_file(2).exists());
    // The previous release's tool, two schemas behind now, is refused.
    let err = publisher.publish_as_schema(OLD).unwrap_err();
    assert!(
        err.to_string()
            .contains("publish with a newer merhaba-pack"),
        "{err}"
    );
    // The previous release's app still completes its update, and keeps what it has.
    let report = old_phone.pull_as(&url, old_release()).unwrap();
    assert_eq!(report.cities, vec![]);
    assert_eq!(old_phone.state(), before);
}
