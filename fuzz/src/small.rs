//! The small parsers: delta and compressed packs, feed target names and signed pack
//! contents, opening-hours strings.

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::{TimeZone, Utc};
use merhaba_core::delta;
use merhaba_core::feed::{FeedTarget, PackContents, PACK_CONTENTS};
use merhaba_core::CityClock;

use crate::fixture::mini_pack_bytes;

/// `data` as a delta on the mini pack, or as a whole compressed pack. The first byte picks
/// which and the declared length: a length of a few MB (as the signed metadata of a real
/// pack says), or one near `u64::MAX`.
pub fn delta(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Some((len, body)) = rest.split_first_chunk::<3>() else {
        return;
    };
    let small = u64::from(u32::from_le_bytes([len[0], len[1], len[2], 0]));
    // Small, near the largest pack the app accepts, or far beyond it.
    let declared = match pick & 0xc0 {
        0x00 | 0x40 => small,
        0x80 => delta::MAX_PACK_LEN - small,
        _ => u64::MAX - small,
    };
    let out = match pick & 1 {
        0 => delta::apply(mini_pack_bytes(), body, declared),
        _ => delta::decompress(body, declared),
    };
    if let Ok(out) = out {
        assert!(
            out.len() as u64 <= declared,
            "output within the declared length"
        );
    }
}

/// `data` as a feed target name, a newline, then the target's `custom` metadata (JSON).
pub fn feed(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (name, custom) = text.split_once('\n').unwrap_or((&text, ""));
    let target = match FeedTarget::parse(name) {
        Ok(target) => {
            // A name read back is the same name: one grammar, both ways.
            let again = FeedTarget::parse(&target.to_string()).expect("a written name parses");
            assert_eq!(again, target, "names round-trip");
            target
        }
        Err(_) => FeedTarget::parse("v5/aydin/3.pack.zst").expect("a good name"),
    };
    if let Ok(custom) = serde_json::from_str::<HashMap<String, serde_json::Value>>(custom) {
        if let Ok(contents) = PackContents::from_custom(&target, &custom) {
            let written = HashMap::from([(PACK_CONTENTS.to_string(), contents.to_custom())]);
            let again = PackContents::from_custom(&target, &written).expect("written contents");
            assert_eq!(again, contents, "signed contents round-trip");
        }
    }
}

/// `data` as an `opening_hours` string of a place in Aydın, asked at a few instants: a
/// weekday morning, a public holiday, the night clocks changed (Türkiye no longer changes
/// them; the rules still must not loop) and a leap day.
pub fn hours(data: &[u8]) {
    static CLOCK: OnceLock<CityClock> = OnceLock::new();
    let clock = CLOCK.get_or_init(|| CityClock::new("Europe/Istanbul", Some("TR")).unwrap());
    let raw = String::from_utf8_lossy(data);
    let hours = clock.hours(&raw);
    for (y, m, d, h) in [
        (2026, 3, 18, 9),
        (2026, 4, 23, 12),
        (2016, 3, 27, 0),
        (2028, 2, 29, 23),
    ] {
        let now = Utc.with_ymd_and_hms(y, m, d, h, 30, 0).unwrap();
        let _ = hours.status(now);
        let _ = hours.is_open(now);
    }
}
