//! The signed targets as one app sees them, and the cheapest way through them: from the
//! installed version to the newest, a chain of deltas or the whole compressed pack.

use std::collections::BTreeMap;

use tough::schema::{Target, Targets};

use super::{FeedError, FeedTarget, PackContents};

/// Files to download, in the order they apply.
pub(super) type Route<'a> = Vec<(FeedTarget, &'a Target)>;

/// The signed targets of one pack schema, read through [`FeedTarget`]: every name under
/// this schema's folder must parse, and every pack of this schema must carry its signed
/// [`PackContents`]. Targets of other schemas are for apps of other releases: a name there
/// that this release does not understand (a file kind added later) is passed over, unless
/// it climbs out of the feed (`..`, an absolute path).
pub(super) struct Listing<'a> {
    schema: u32,
    targets: BTreeMap<FeedTarget, &'a Target>,
    contents: BTreeMap<FeedTarget, PackContents>,
}

/// A target name outside this schema's folder `v<schema>/` that stays within the feed: for
/// apps of other releases.
fn not_ours(name: &str, schema: u32) -> bool {
    let inside = !name.starts_with('/')
        && !name.contains('\\')
        && name.split('/').all(|part| !matches!(part, "" | "." | ".."));
    inside && name.split('/').next() != Some(format!("v{schema}").as_str())
}

impl<'a> Listing<'a> {
    pub(super) fn read(targets: &'a Targets, schema: u32) -> Result<Listing<'a>, FeedError> {
        let mut listing = BTreeMap::new();
        let mut contents = BTreeMap::new();
        for (name, target) in &targets.targets {
            let parsed = match FeedTarget::parse(name.raw()) {
                Ok(parsed) => parsed,
                Err(_) if not_ours(name.raw(), schema) => continue,
                Err(e) => return Err(FeedError::Refused(e)),
            };
            if parsed.schema() != schema {
                continue;
            }
            if let FeedTarget::Pack { .. } = parsed {
                let signed = PackContents::from_custom(&parsed, &target.custom)
                    .map_err(FeedError::Refused)?;
                contents.insert(parsed.clone(), signed);
            }
            listing.insert(parsed, target);
        }
        Ok(Listing {
            schema,
            targets: listing,
            contents,
        })
    }

    pub(super) fn cities(&self, only: Option<&str>) -> Result<Vec<String>, FeedError> {
        let mut cities: Vec<String> = self.contents.keys().map(|t| t.city().to_string()).collect();
        cities.dedup();
        match only {
            None => Ok(cities),
            Some(city) if cities.iter().any(|c| c == city) => Ok(vec![city.to_string()]),
            Some(city) => Err(FeedError::Refused(format!(
                "the feed has no city `{city}` for pack schema {}",
                self.schema
            ))),
        }
    }

    fn name(&self, city: &str, version: u64) -> FeedTarget {
        FeedTarget::Pack {
            schema: self.schema,
            city: city.into(),
            version,
        }
    }

    /// The names the files of this schema are downloaded under (hex SHA-256).
    pub(super) fn file_names(&self) -> std::collections::BTreeSet<String> {
        self.targets
            .values()
            .map(|t| hex::encode(&t.hashes.sha256))
            .collect()
    }

    /// What the pack of `version` decompresses to, when it is listed.
    pub(super) fn contents(&self, city: &str, version: u64) -> Option<&PackContents> {
        self.contents.get(&self.name(city, version))
    }

    pub(super) fn newest(&self, city: &str) -> u64 {
        self.contents
            .keys()
            .filter_map(|t| t.pack_of(self.schema, city))
            .max()
            .unwrap_or(0)
    }

    /// Whether `bytes` are exactly the signed pack of `version`: a delta applies to nothing
    /// else.
    pub(super) fn matches_pack(&self, city: &str, version: u64, bytes: &[u8]) -> bool {
        self.contents(city, version)
            .is_some_and(|c| c.matches(bytes))
    }

    /// The cheapest files to download to get from `installed` to `newest`: a chain of
    /// deltas, each of whose results is listed (so it can be checked), or the whole pack,
    /// compared by the bytes each moves (the pack's compressed length).
    pub(super) fn route(&self, city: &str, installed: Option<u64>, newest: u64) -> Route<'a> {
        let pack = self.name(city, newest);
        let full = self.targets[&pack];
        let Some(start) = installed else {
            return vec![(pack, full)];
        };
        // Deltas only go forward, so visiting them by their `from` version is enough.
        let mut best: BTreeMap<u64, (u64, Route<'a>)> = BTreeMap::new();
        best.insert(start, (0, Vec::new()));
        for (name, target) in &self.targets {
            let FeedTarget::Delta {
                city: c, from, to, ..
            } = name
            else {
                continue;
            };
            if c != city || self.contents(city, *to).is_none() {
                continue;
            }
            let Some((cost, path)) = best.get(from).cloned() else {
                continue;
            };
            let cost = cost + target.length;
            if best.get(to).is_none_or(|(c, _)| cost < *c) {
                let mut path = path;
                path.push((name.clone(), *target));
                best.insert(*to, (cost, path));
            }
        }
        match best.remove(&newest) {
            Some((cost, path)) if cost < full.length => path,
            _ => vec![(pack, full)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Signed targets as `targets.json` holds them: (name, file length, uncompressed length).
    fn targets(files: &[(&str, u64, Option<u64>)]) -> Targets {
        let mut listed = serde_json::Map::new();
        for (name, length, contents) in files {
            let mut target = serde_json::json!({
                "length": length,
                "hashes": { "sha256": "00".repeat(32) },
            });
            if let Some(contents) = contents {
                target["custom"] = serde_json::json!({
                    (crate::feed::PACK_CONTENTS): { "length": contents, "sha256": "11".repeat(32) }
                });
            }
            listed.insert(name.to_string(), target);
        }
        serde_json::from_value(serde_json::json!({
            "_type": "targets",
            "spec_version": "1.0.0",
            "version": 1,
            "expires": "2030-01-01T00:00:00Z",
            "targets": listed,
        }))
        .unwrap()
    }

    fn names(route: &Route<'_>) -> Vec<String> {
        route.iter().map(|(n, _)| n.to_string()).collect()
    }

    #[test]
    fn deltas_are_weighed_against_the_compressed_pack() {
        // The pack is 800 KB inside but moves 250 KB: a chain of 2 × 100 KB beats it, a
        // chain of 3 × 100 KB does not (though it is far below the uncompressed size).
        let listed = targets(&[
            ("v5/aydin/1.pack.zst", 250_000, Some(800_000)),
            ("v5/aydin/2.pack.zst", 250_000, Some(800_000)),
            ("v5/aydin/3.pack.zst", 250_000, Some(800_000)),
            ("v5/aydin/4.pack.zst", 250_000, Some(800_000)),
            ("v5/aydin/1-2.delta", 100_000, None),
            ("v5/aydin/2-3.delta", 100_000, None),
            ("v5/aydin/3-4.delta", 100_000, None),
            // Another schema's files are for another app, however cheap.
            ("v4/aydin/1-4.delta", 10, None),
            ("v4/aydin/4.pack.zst", 250_000, Some(800_000)),
        ]);
        let listing = Listing::read(&listed, 5).unwrap();
        assert_eq!(listing.newest("aydin"), 4);
        assert_eq!(
            names(&listing.route("aydin", Some(2), 4)),
            ["v5/aydin/2-3.delta", "v5/aydin/3-4.delta"]
        );
        assert_eq!(
            names(&listing.route("aydin", Some(1), 4)),
            ["v5/aydin/4.pack.zst"]
        );
        assert_eq!(
            names(&listing.route("aydin", None, 4)),
            ["v5/aydin/4.pack.zst"]
        );
        assert_eq!(listing.contents("aydin", 4).unwrap().length, 800_000);
        let old = Listing::read(&listed, 4).unwrap();
        assert_eq!(
            names(&old.route("aydin", Some(1), 4)),
            ["v4/aydin/1-4.delta"]
        );
        assert!(Listing::read(&listed, 6)
            .unwrap()
            .cities(None)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_pack_without_its_signed_contents_is_refused() {
        let listed = targets(&[("v5/aydin/1.pack.zst", 250_000, None)]);
        let Err(FeedError::Refused(why)) = Listing::read(&listed, 5) else {
            panic!("accepted a pack with no signed contents");
        };
        assert!(why.contains("v5/aydin/1.pack.zst"), "{why}");
    }
}
