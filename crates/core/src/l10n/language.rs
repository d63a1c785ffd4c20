//! Which language a person reads, and how: the UI language negotiated from the device's
//! preferences, the direction text runs in, and the order content translations are tried.

use unic_langid::LanguageIdentifier;

use super::{LAST_RESORT, UI_LANGUAGES};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// Direction comes from the language, never from a translated string.
    pub fn of(lang: &str) -> Direction {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        match primary {
            "ar" | "fa" | "he" | "ur" | "ckb" | "ps" | "yi" | "dv" => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Picks the UI language for a person's preferences (most preferred first, BCP 47 tags such as
/// `ar-SY` or POSIX ones such as `tr_TR.UTF-8`), with English last.
pub fn negotiate(preferences: &[String]) -> &'static str {
    let requested: Vec<LanguageIdentifier> = preferences
        .iter()
        .filter_map(|p| {
            let tag = p.split('.').next().unwrap_or(p).replace('_', "-");
            // Phones file Kurmanji under the macrolanguage `ku`; the guide's Kurdish is
            // Kurmanji (`kmr`), written in Latin letters.
            let tag = match tag.split('-').next() {
                Some("ku") => tag.replacen("ku", "kmr", 1),
                _ => tag,
            };
            tag.parse().ok()
        })
        .collect();
    let available: Vec<LanguageIdentifier> = UI_LANGUAGES
        .iter()
        .map(|(code, _, _)| code.parse().expect("shipped language codes are valid"))
        .collect();
    let default: LanguageIdentifier = LAST_RESORT.parse().expect("valid");
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    let lang = chosen
        .first()
        .map(|l| l.language.as_str())
        .unwrap_or(LAST_RESORT);
    UI_LANGUAGES
        .iter()
        .map(|(code, _, _)| *code)
        .find(|code| *code == lang)
        .unwrap_or(LAST_RESORT)
}

/// A language's own name ("Türkçe"), or its code when the app has no UI in it.
pub fn language_name(code: &str) -> String {
    UI_LANGUAGES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map_or_else(|| code.to_string(), |(_, name, _)| name.to_string())
}

/// The order in which content translations are tried: the reader's language, then English,
/// then the pack's other languages (so something is always shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanguageChain(Vec<String>);

impl LanguageChain {
    pub fn new(reader: &str, pack_languages: &[String]) -> LanguageChain {
        let mut chain = vec![reader.to_string()];
        for lang in std::iter::once(LAST_RESORT).chain(pack_languages.iter().map(String::as_str)) {
            if !chain.iter().any(|l| l == lang) {
                chain.push(lang.to_string());
            }
        }
        LanguageChain(chain)
    }

    pub fn reader(&self) -> &str {
        &self.0[0]
    }

    pub fn langs(&self) -> &[String] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::l10n::Localizer;

    fn check_negotiate(prefs: &[&str], expected: &str) {
        let prefs: Vec<String> = prefs.iter().map(|s| s.to_string()).collect();
        assert_eq!(negotiate(&prefs), expected, "preferences {prefs:?}");
    }

    #[test]
    fn negotiation_follows_preferences_and_ends_in_english() {
        check_negotiate(&["ar-SY"], "ar");
        check_negotiate(&["tr_TR.UTF-8"], "tr");
        check_negotiate(&["fa-IR", "tr-TR"], "fa");
        check_negotiate(&["de-DE", "tr-TR"], "tr");
        check_negotiate(&["ps-AF"], "ps");
        check_negotiate(&["uk-UA"], "uk");
        check_negotiate(&["ku-TR"], "kmr");
        check_negotiate(&["kmr"], "kmr");
        check_negotiate(&["de-DE"], "en");
        check_negotiate(&[], "en");
        check_negotiate(&["not a tag!"], "en");
        check_negotiate(&["en-GB", "ar"], "en");
    }

    #[test]
    fn direction_comes_from_the_language() {
        assert_eq!(Direction::of("ar"), Direction::Rtl);
        assert_eq!(Direction::of("fa-IR"), Direction::Rtl);
        assert_eq!(Direction::of("tr"), Direction::Ltr);
        assert_eq!(Localizer::new("ar", true).direction().as_attr(), "rtl");
    }

    #[test]
    fn the_chain_starts_with_the_reader_and_puts_english_next() {
        let pack = vec!["en".to_string(), "tr".to_string(), "ar".to_string()];
        assert_eq!(LanguageChain::new("ar", &pack).langs(), ["ar", "en", "tr"]);
        assert_eq!(LanguageChain::new("en", &pack).langs(), ["en", "tr", "ar"]);
        assert_eq!(
            LanguageChain::new("fa", &pack).langs(),
            ["fa", "en", "tr", "ar"]
        );
    }
}
