//! The names of the files a feed publishes: the one grammar the publisher writes and the
//! phone accepts. Anything else listed in signed metadata is refused, so a name can never
//! point outside the feed or outside the phone's download folder.

use std::fmt;

/// One file of the feed, under `targets/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeedTarget {
    /// `<city>/<version>.pack`: a whole city pack.
    Pack { city: String, version: u64 },
    /// `<city>/<from>-<to>.delta`: turns pack `from` into pack `to` (see [`crate::delta`]).
    Delta { city: String, from: u64, to: u64 },
}

impl FeedTarget {
    pub fn city(&self) -> &str {
        match self {
            FeedTarget::Pack { city, .. } | FeedTarget::Delta { city, .. } => city,
        }
    }

    /// The version, when this is a whole pack of `city`.
    pub fn pack_of(&self, city: &str) -> Option<u64> {
        match self {
            FeedTarget::Pack { city: c, version } if c == city => Some(*version),
            _ => None,
        }
    }

    /// Reads a target name, refusing anything outside the grammar with the reason.
    pub fn parse(name: &str) -> Result<FeedTarget, String> {
        let refuse = |why: &str| Err(format!("target `{name}`: {why}"));
        let Some((city, file)) = name.split_once('/') else {
            return refuse("expected <city>/<file>");
        };
        if !is_city_id(city) {
            return refuse("the city must be lowercase letters, digits and '-'");
        }
        let number = |s: &str| -> Option<u64> {
            (!s.is_empty() && s.len() <= 19 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
                .filter(|&v| v > 0)
        };
        let city = city.to_string();
        if let Some(version) = file.strip_suffix(".pack") {
            match number(version) {
                Some(version) => Ok(FeedTarget::Pack { city, version }),
                None => refuse("a pack is named <version>.pack"),
            }
        } else if let Some(span) = file.strip_suffix(".delta") {
            match span.split_once('-').map(|(a, b)| (number(a), number(b))) {
                Some((Some(from), Some(to))) if from < to => {
                    Ok(FeedTarget::Delta { city, from, to })
                }
                _ => refuse("a delta is named <from>-<to>.delta with from < to"),
            }
        } else {
            refuse("only .pack and .delta files are published")
        }
    }
}

impl fmt::Display for FeedTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedTarget::Pack { city, version } => write!(f, "{city}/{version}.pack"),
            FeedTarget::Delta { city, from, to } => write!(f, "{city}/{from}-{to}.delta"),
        }
    }
}

/// A city id as the content source and the feed spell it.
pub fn is_city_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in [
            FeedTarget::Pack {
                city: "aydin".into(),
                version: 3,
            },
            FeedTarget::Delta {
                city: "izmir-2".into(),
                from: 2,
                to: 3,
            },
        ] {
            assert_eq!(FeedTarget::parse(&t.to_string()), Ok(t));
        }
    }

    #[test]
    fn anything_outside_the_grammar_is_refused() {
        for bad in [
            "../aydin/2.pack",
            "aydin/../../etc/passwd",
            "aydin/../2.pack",
            "/aydin/2.pack",
            "aydin/sub/2.pack",
            "Aydin/2.pack",
            "aydin/2.sqlite",
            "aydin/0.pack",
            "aydin/3-2.delta",
            "aydin/2-2.delta",
            "aydin/-2.pack",
            "aydin/99999999999999999999.pack",
            "aydin",
            "",
        ] {
            let err = FeedTarget::parse(bad).expect_err(bad);
            assert!(err.contains(bad), "{err}");
        }
    }
}
