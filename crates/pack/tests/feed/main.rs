//! The content feed end to end, over real HTTP on 127.0.0.1: `merhaba-pack publish` writes a
//! signed feed, nginx (or a misbehaving server) serves it, and `merhaba-pack pull` (the
//! app's client) installs from it into a phone's data folder. Every refusal must leave the
//! installed pack and the user database exactly as they were.

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
    let pulled = fresh.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert!(
        pulled.stdout.contains("aydin: installed version 1 (from nothing) via aydin/1.pack"),
        "{pulled:?}"
    );
    assert_eq!(fresh.version(), Some(1));
    assert_eq!(std::fs::read(fresh.pack_path()).unwrap(), publisher.pack(1));

    // One corrected entry: the phone at version 1 downloads the delta, not the pack.
    let phone = Phone::new(&publisher.shipped_root(), Some(&publisher.pack(1)));
    let settings = phone.user_db();
    publisher.edit(1, "Registering an address is free; bring your identity document.");
    let out = publisher.publish(&[]);
    assert!(out.contains("aydin: version 2"), "{out}");
    nginx.clear_log();
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert!(
        pulled.stdout.contains("installed version 2 (from version 1) via aydin/1-2.delta"),
        "{pulled:?}"
    );
    assert_eq!(phone.version(), Some(2));
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(2));
    let log = nginx.log();
    assert_eq!(sent(&log, ".pack"), 0, "{log:?}");
    let pack_len = publisher.pack(2).len() as u64;
    assert!(pulled.bytes() * 20 < pack_len, "{} of {pack_len}", pulled.bytes());
    assert_eq!(phone.user_db(), settings, "the update touched the user database");

    // Two more versions: the phone at 2 follows the chain 2→3→4.
    publisher.edit(2, "Second correction.");
    publisher.publish(&[]);
    publisher.edit(3, "Third correction.");
    publisher.publish(&[]);
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert!(
        pulled
            .stdout
            .contains("installed version 4 (from version 2) via aydin/2-3.delta, aydin/3-4.delta"),
        "{pulled:?}"
    );
    assert_eq!(std::fs::read(phone.pack_path()).unwrap(), publisher.pack(4));

    // Already current: one conditional request, answered 304 with no body.
    nginx.clear_log();
    let pulled = phone.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert!(pulled.stdout.contains("aydin: current, version 4"), "{pulled:?}");
    assert_eq!(
        nginx.log(),
        vec![("/metadata/timestamp.json".to_string(), 304, 0)]
    );
    assert_eq!(phone.user_db(), settings);

    // The fresh phone at 1 is also brought to 4, by deltas (cheaper than the pack).
    let pulled = fresh.pull(&nginx.url(), &[]);
    assert!(pulled.ok, "{pulled:?}");
    assert!(pulled.stdout.contains("via aydin/1-2.delta, aydin/2-3.delta, aydin/3-4.delta"), "{pulled:?}");
}
