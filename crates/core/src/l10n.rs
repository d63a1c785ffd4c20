//! Localisation: Fluent bundles for the UI, language negotiation, text direction, and the
//! fallback chain that content lookups follow.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use intl_memoizer::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

/// The UI languages the app ships, each with its Fluent source and its own name, in the order
/// the language list shows them.
pub const UI_LANGUAGES: &[(&str, &str, &str)] = &[
    (
        "en",
        "English",
        include_str!("../../../locales/en/main.ftl"),
    ),
    ("tr", "Türkçe", include_str!("../../../locales/tr/main.ftl")),
    (
        "ar",
        "العربية",
        include_str!("../../../locales/ar/main.ftl"),
    ),
    ("fa", "فارسی", include_str!("../../../locales/fa/main.ftl")),
    ("ps", "پښتو", include_str!("../../../locales/ps/main.ftl")),
    (
        "ru",
        "Русский",
        include_str!("../../../locales/ru/main.ftl"),
    ),
    (
        "uk",
        "Українська",
        include_str!("../../../locales/uk/main.ftl"),
    ),
    (
        "kmr",
        "Kurmancî",
        include_str!("../../../locales/kmr/main.ftl"),
    ),
];

/// The language every chain ends in.
pub const LAST_RESORT: &str = "en";

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

/// How a language writes numbers: its digits and its decimal separator.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Digits {
    /// 0-9 and a decimal point (English).
    Point,
    /// 0-9 and a decimal comma (Turkish, Russian, Ukrainian, Kurmanji).
    Comma,
    /// Arabic-Indic digits ٠-٩ and `٫` (Arabic).
    ArabicIndic,
    /// Extended Arabic-Indic digits ۰-۹ and `٫` (Persian, Pashto).
    ExtendedArabicIndic,
}

impl Digits {
    fn of(lang: &str) -> Digits {
        match lang {
            "ar" => Digits::ArabicIndic,
            "fa" | "ps" => Digits::ExtendedArabicIndic,
            "en" => Digits::Point,
            _ => Digits::Comma,
        }
    }

    /// Rewrites the ASCII digits and decimal point of `plain`.
    fn write(self, plain: &str) -> String {
        let zero = match self {
            Digits::Point | Digits::Comma => '0',
            Digits::ArabicIndic => '٠',
            Digits::ExtendedArabicIndic => '۰',
        };
        plain
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(zero as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
                '.' if self == Digits::Comma => ',',
                '.' if self != Digits::Point => '٫',
                other => other,
            })
            .collect()
    }

    /// Fluent's number formatter for this writing (a plain function, hence one per kind).
    fn formatter(self) -> Option<fn(&FluentValue, &IntlLangMemoizer) -> Option<String>> {
        fn with(digits: Digits, value: &FluentValue) -> Option<String> {
            match value {
                FluentValue::Number(n) => Some(digits.write(&n.as_string())),
                _ => None,
            }
        }
        match self {
            Digits::Point => None,
            Digits::Comma => Some(|v, _| with(Digits::Comma, v)),
            Digits::ArabicIndic => Some(|v, _| with(Digits::ArabicIndic, v)),
            Digits::ExtendedArabicIndic => Some(|v, _| with(Digits::ExtendedArabicIndic, v)),
        }
    }
}

/// UI strings of one language.
pub struct Localizer {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
}

impl Localizer {
    /// A localizer for a shipped UI language; anything else gets English.
    /// `isolate` wraps placeables in Unicode isolation marks: keep it on except in tests.
    pub fn new(lang: &str, isolate: bool) -> Localizer {
        let (code, _, source) = UI_LANGUAGES
            .iter()
            .find(|(code, _, _)| *code == lang)
            .unwrap_or(&UI_LANGUAGES[0]);
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("locales/{code}/main.ftl: {errors:?}"));
        // Plural rules come from CLDR, which files Kurmanji under the macrolanguage `ku`.
        let rules = if *code == "kmr" { "ku" } else { code };
        let langid: LanguageIdentifier = rules.parse().expect("valid");
        let mut bundle = FluentBundle::new(vec![langid]);
        bundle.set_use_isolating(isolate);
        // Numbers given to a message (`{ $count }`) are written in the reader's digits, and
        // stay numbers until then, so plural variants are chosen by their value.
        bundle.set_formatter(Digits::of(code).formatter());
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("locales/{code}/main.ftl: {errors:?}"));
        Localizer { lang: code, bundle }
    }

    pub fn lang(&self) -> &'static str {
        self.lang
    }

    pub fn direction(&self) -> Direction {
        Direction::of(self.lang)
    }

    /// The message `key`; a missing key shows the key itself (a test checks none is missing).
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with arguments, e.g. `&[("count", 3.into())]`.
    pub fn t_args(&self, key: &str, args: &[(&str, FluentValue)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// A number in the reader's digits and decimal separator (CLDR defaults: Arabic uses
    /// Arabic-Indic digits and `٫`, Persian and Pashto Extended Arabic-Indic ones, Turkish,
    /// Russian, Ukrainian and Kurmanji a decimal comma).
    pub fn number(&self, value: f64, decimals: usize) -> String {
        Digits::of(self.lang).write(&format!("{value:.decimals$}"))
    }

    /// A date given as `YYYY-MM-DD`, the way the reader writes it ("28 November 2026",
    /// "۲۸ نوامبر ۲۰۲۶"); anything else is shown as it is.
    pub fn date(&self, iso: &str) -> String {
        let parts: Vec<u32> = iso.splitn(3, '-').filter_map(|p| p.parse().ok()).collect();
        match parts[..] {
            [year, month @ 1..=12, day @ 1..=31] if iso.len() == 10 => self.t_args(
                "date",
                &[
                    ("day", Digits::of(self.lang).write(&day.to_string()).into()),
                    ("month", self.t(&format!("month-{month}")).into()),
                    (
                        "year",
                        Digits::of(self.lang).write(&year.to_string()).into(),
                    ),
                ],
            ),
            _ => iso.to_string(),
        }
    }

    /// A distance as people say it: metres to the nearest 10 below a kilometre, then
    /// kilometres with one decimal below 10 km and whole ones above.
    pub fn distance(&self, metres: f64) -> String {
        if metres < 995.0 {
            let n = self.number((metres / 10.0).round() * 10.0, 0);
            self.t_args("distance-m", &[("n", n.into())])
        } else {
            let km = metres / 1000.0;
            let n = self.number(km, if km < 9.95 { 1 } else { 0 });
            self.t_args("distance-km", &[("n", n.into())])
        }
    }

    /// A wall-clock time, `HH:MM`, in the reader's digits.
    pub fn time(&self, hour: u32, minute: u32) -> String {
        Digits::of(self.lang).write(&format!("{hour:02}:{minute:02}"))
    }

    /// The ids of every message, for the test that keeps the locales in step.
    pub fn message_ids(lang: &str) -> Vec<String> {
        let source = UI_LANGUAGES
            .iter()
            .find(|(code, _, _)| *code == lang)
            .map(|(_, _, s)| *s)
            .unwrap_or_default();
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
        let mut ids: Vec<String> = resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect();
        ids.sort();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_distances_and_times_in_each_language() {
        let (en, tr, ar) = (
            Localizer::new("en", false),
            Localizer::new("tr", false),
            Localizer::new("ar", false),
        );
        assert_eq!(en.distance(234.0), "230 m");
        assert_eq!(en.distance(1_234.0), "1.2 km");
        assert_eq!(tr.distance(1_234.0), "1,2 km");
        assert_eq!(ar.distance(1_234.0), "١٫٢ كم");
        assert_eq!(en.distance(996.0), "1.0 km");
        assert_eq!(en.distance(12_600.0), "13 km");
        assert_eq!(ar.distance(50.0), "٥٠ م");
        assert_eq!(en.time(8, 5), "08:05");
        assert_eq!(ar.time(17, 0), "١٧:٠٠");
    }

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
    fn every_locale_has_the_same_messages_as_english() {
        let english = Localizer::message_ids("en");
        assert!(english.len() > 20, "English has {} messages", english.len());
        for (lang, _, _) in UI_LANGUAGES {
            assert_eq!(
                Localizer::message_ids(lang),
                english,
                "locales/{lang}/main.ftl"
            );
        }
    }

    #[test]
    fn every_locale_parses_and_formats_without_errors() {
        for (lang, _, _) in UI_LANGUAGES {
            let l10n = Localizer::new(lang, false);
            for id in Localizer::message_ids(lang) {
                let pattern = l10n
                    .bundle
                    .get_message(&id)
                    .and_then(|m| m.value())
                    .unwrap();
                let mut args = FluentArgs::new();
                args.set("count", 2);
                args.set("lang", "English");
                args.set("date", "2026-11-28");
                args.set("month", "November");
                args.set("year", 2026);
                args.set("version", 1);
                args.set("city", "Aydın");
                args.set("number", "112");
                args.set("query", "göç");
                for name in [
                    "n", "h", "m", "place", "distance", "time", "day", "raw", "done", "total",
                ] {
                    args.set(name, 3);
                }
                let mut errors = Vec::new();
                l10n.bundle
                    .format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang}/{id}: {errors:?}");
            }
        }
    }

    #[test]
    fn plurals_follow_the_language() {
        let en = Localizer::new("en", false);
        assert_eq!(
            en.t_args("service-count", &[("count", 1.into())]),
            "1 service"
        );
        assert_eq!(
            en.t_args("service-count", &[("count", 5.into())]),
            "5 services"
        );
        let tr = Localizer::new("tr", false);
        assert_eq!(
            tr.t_args("service-count", &[("count", 5.into())]),
            "5 hizmet"
        );
        let ar = Localizer::new("ar", false);
        let two = ar.t_args("service-count", &[("count", 2.into())]);
        let eleven = ar.t_args("service-count", &[("count", 11.into())]);
        assert_ne!(two, eleven, "Arabic has a dual and a plural");
        assert_eq!(eleven, "١١ خدمة", "numbers keep the reader's digits");
        // Russian and Ukrainian: one (1, 21), few (2-4, 22), many (5-20, 25).
        for (lang, one, few, many) in [
            ("ru", "21 услуга", "3 услуги", "5 услуг"),
            ("uk", "21 послуга", "3 послуги", "5 послуг"),
        ] {
            let l = Localizer::new(lang, false);
            let count = |n: u32| l.t_args("service-count", &[("count", n.into())]);
            assert_eq!(count(21), one, "{lang}");
            assert_eq!(count(3), few, "{lang}");
            assert_eq!(count(5), many, "{lang}");
            assert_eq!(count(11), count(5).replace('5', "11"), "{lang}: 11 is many");
        }
        let fa = Localizer::new("fa", false);
        assert!(fa
            .t_args("service-count", &[("count", 12.into())])
            .contains("۱۲"));
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
