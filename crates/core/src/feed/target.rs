//! The names of the files a feed publishes: the one grammar the publisher writes and the
//! phone accepts. Anything else listed in signed metadata is refused, so a name can never
//! point outside the feed or outside the phone's download folder.
//!
//! Every name starts with the pack schema version its packs are written in
//! (`v5/aydin/12.pack.zst`), so one feed serves apps of two releases at once: each app
//! looks only under its own `v<schema>/`.

use std::fmt;

/// One file of the feed, under `targets/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeedTarget {
    /// `v<schema>/<city>/<version>.pack.zst`: a whole city pack, zstd-compressed. Its
    /// uncompressed length and hash are signed beside it ([`PackContents`]).
    Pack {
        schema: u32,
        city: String,
        version: u64,
    },
    /// `v<schema>/<city>/<from>-<to>.delta`: turns pack `from` into pack `to` (see
    /// [`crate::delta`]), both uncompressed.
    Delta {
        schema: u32,
        city: String,
        from: u64,
        to: u64,
    },
}

impl FeedTarget {
    pub fn schema(&self) -> u32 {
        match self {
            FeedTarget::Pack { schema, .. } | FeedTarget::Delta { schema, .. } => *schema,
        }
    }

    pub fn city(&self) -> &str {
        match self {
            FeedTarget::Pack { city, .. } | FeedTarget::Delta { city, .. } => city,
        }
    }

    /// The version, when this is a whole pack of `city` in `schema`.
    pub fn pack_of(&self, schema: u32, city: &str) -> Option<u64> {
        match self {
            FeedTarget::Pack {
                schema: s,
                city: c,
                version,
            } if *s == schema && c == city => Some(*version),
            _ => None,
        }
    }

    /// Reads a target name, refusing anything outside the grammar with the reason.
    pub fn parse(name: &str) -> Result<FeedTarget, String> {
        let refuse = |why: &str| Err(format!("target `{name}`: {why}"));
        let number = |s: &str| -> Option<u64> {
            (!s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
                .filter(|&v| v > 0)
        };
        let mut parts = name.split('/');
        let (Some(folder), Some(city), Some(file), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return refuse("expected v<schema>/<city>/<file>");
        };
        let Some(schema) = folder
            .strip_prefix('v')
            .and_then(number)
            .and_then(|s| u32::try_from(s).ok())
        else {
            return refuse("the first folder is the pack schema version, v<number>");
        };
        if !is_city_id(city) {
            return refuse("the city must be lowercase letters, digits and '-'");
        }
        let city = city.to_string();
        if let Some(version) = file.strip_suffix(".pack.zst") {
            match number(version) {
                Some(version) => Ok(FeedTarget::Pack {
                    schema,
                    city,
                    version,
                }),
                None => refuse("a pack is named <version>.pack.zst"),
            }
        } else if let Some(span) = file.strip_suffix(".delta") {
            match span.split_once('-').map(|(a, b)| (number(a), number(b))) {
                Some((Some(from), Some(to))) if from < to => Ok(FeedTarget::Delta {
                    schema,
                    city,
                    from,
                    to,
                }),
                _ => refuse("a delta is named <from>-<to>.delta with from < to"),
            }
        } else {
            refuse("only .pack.zst and .delta files are published")
        }
    }
}

impl fmt::Display for FeedTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedTarget::Pack {
                schema,
                city,
                version,
            } => write!(f, "v{schema}/{city}/{version}.pack.zst"),
            FeedTarget::Delta {
                schema,
                city,
                from,
                to,
            } => write!(f, "v{schema}/{city}/{from}-{to}.delta"),
        }
    }
}

/// What a compressed pack target decompresses to: its length and SHA-256. Signed in the
/// target's `custom` field (`"pack": {"length": …, "sha256": "…"}`), so the phone checks
/// the pack it installs, not only the file it downloaded, and caps decompression at the
/// signed length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackContents {
    pub length: u64,
    pub sha256: Vec<u8>,
}

/// The key of [`PackContents`] in a target's `custom` map.
pub const PACK_CONTENTS: &str = "pack";

impl PackContents {
    pub fn of(pack: &[u8]) -> PackContents {
        PackContents {
            length: pack.len() as u64,
            sha256: super::http::sha256(pack),
        }
    }

    pub fn to_custom(&self) -> serde_json::Value {
        serde_json::json!({ "length": self.length, "sha256": hex::encode(&self.sha256) })
    }

    /// Reads the contents signed for `name`; a pack target without them is refused.
    pub fn from_custom(
        name: &FeedTarget,
        custom: &std::collections::HashMap<String, serde_json::Value>,
    ) -> Result<PackContents, String> {
        let value = custom.get(PACK_CONTENTS);
        let length = value.and_then(|v| v.get("length")?.as_u64());
        let sha256 = value
            .and_then(|v| hex::decode(v.get("sha256")?.as_str()?).ok())
            .filter(|h| h.len() == 32);
        match (length, sha256) {
            (Some(length), Some(sha256)) => Ok(PackContents { length, sha256 }),
            _ => Err(format!(
                "target `{name}`: no signed length and SHA-256 of the uncompressed pack"
            )),
        }
    }

    pub fn matches(&self, pack: &[u8]) -> bool {
        self.length == pack.len() as u64 && self.sha256 == super::http::sha256(pack)
    }
}

/// A city id as the content source and the feed spell it: one grammar, kept where packs
/// are installed (`pack/install.rs`), since a city names an installed file too.
pub use crate::pack::is_city_id;

/// The pack schema version a SQLite city pack declares (`PRAGMA user_version`, four bytes
/// big-endian at offset 60 of the header), read without opening it.
pub fn pack_schema_of(pack: &[u8]) -> Option<u32> {
    const MAGIC: &[u8] = b"SQLite format 3\0";
    let header = pack.get(..100).filter(|h| h.starts_with(MAGIC))?;
    Some(u32::from_be_bytes(header[60..64].try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in [
            FeedTarget::Pack {
                schema: 5,
                city: "aydin".into(),
                version: 3,
            },
            FeedTarget::Delta {
                schema: 6,
                city: "izmir-2".into(),
                from: 2,
                to: 3,
            },
        ] {
            assert_eq!(FeedTarget::parse(&t.to_string()), Ok(t));
        }
        assert_eq!(
            FeedTarget::parse("v5/aydin/12.pack.zst")
                .unwrap()
                .to_string(),
            "v5/aydin/12.pack.zst"
        );
    }

    #[test]
    fn anything_outside_the_grammar_is_refused() {
        for bad in [
            "../aydin/2.pack.zst",
            "v5/aydin/../../etc/passwd",
            "v5/aydin/../2.pack.zst",
            "v5/../aydin/2.pack.zst",
            "/v5/aydin/2.pack.zst",
            "v5/aydin/sub/2.pack.zst",
            "v5/Aydin/2.pack.zst",
            "v5/aydin/2.sqlite",
            "v5/aydin/2.pack",
            "v5/aydin/0.pack.zst",
            "v5/aydin/3-2.delta",
            "v5/aydin/2-2.delta",
            "v5/aydin/-2.pack.zst",
            "v5/aydin/99999999999999999999.pack.zst",
            // The names of before versioned paths, and broken schema folders.
            "aydin/2.pack",
            "aydin/1-2.delta",
            "v0/aydin/2.pack.zst",
            "V5/aydin/2.pack.zst",
            "5/aydin/2.pack.zst",
            "v/aydin/2.pack.zst",
            "v-5/aydin/2.pack.zst",
            "v99999999999/aydin/2.pack.zst",
            "v5/aydin",
            "v5",
            "",
        ] {
            let err = FeedTarget::parse(bad).expect_err(bad);
            assert!(err.contains(bad), "{err}");
        }
    }

    #[test]
    fn pack_contents_round_trip_through_custom_metadata() {
        let name = FeedTarget::parse("v5/aydin/2.pack.zst").unwrap();
        let contents = PackContents::of(b"some pack bytes");
        let custom = [(PACK_CONTENTS.to_string(), contents.to_custom())].into();
        assert_eq!(
            PackContents::from_custom(&name, &custom),
            Ok(contents.clone())
        );
        assert!(contents.matches(b"some pack bytes"));
        assert!(!contents.matches(b"some pack bytez"));
        let err = PackContents::from_custom(&name, &Default::default()).unwrap_err();
        assert!(err.contains("v5/aydin/2.pack.zst"), "{err}");
    }

    #[test]
    fn the_schema_is_read_from_the_sqlite_header() {
        let mut header = b"SQLite format 3\0".to_vec();
        header.resize(100, 0);
        header[60..64].copy_from_slice(&7u32.to_be_bytes());
        assert_eq!(pack_schema_of(&header), Some(7));
        assert_eq!(pack_schema_of(&header[..99]), None);
        assert_eq!(pack_schema_of(&[0; 100]), None);
    }
}
