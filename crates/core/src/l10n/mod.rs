//! Localisation: Fluent bundles for the UI in the reader's digits (`digits`), and which
//! language a person reads and in which direction (`language`: negotiation, text direction,
//! the fallback chain that content lookups follow).

mod digits;
mod language;

pub use language::{language_name, negotiate, Direction, LanguageChain};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use digits::Digits;

/// The UI languages the app ships, each with its Fluent source and its own name, in the order
/// the language list shows them.
pub const UI_LANGUAGES: &[(&str, &str, &str)] = &[
    (
        "en",
        "English",
        include_str!("../../../../locales/en/main.ftl"),
    ),
    (
        "tr",
        "Türkçe",
        include_str!("../../../../locales/tr/main.ftl"),
    ),
    (
        "ar",
        "العربية",
        include_str!("../../../../locales/ar/main.ftl"),
    ),
    (
        "fa",
        "فارسی",
        include_str!("../../../../locales/fa/main.ftl"),
    ),
    (
        "ps",
        "پښتو",
        include_str!("../../../../locales/ps/main.ftl"),
    ),
    (
        "ru",
        "Русский",
        include_str!("../../../../locales/ru/main.ftl"),
    ),
    (
        "uk",
        "Українська",
        include_str!("../../../../locales/uk/main.ftl"),
    ),
    (
        "kmr",
        "Kurmancî",
        include_str!("../../../../locales/kmr/main.ftl"),
    ),
];

/// The language every chain ends in.
pub const LAST_RESORT: &str = "en";

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
                    // Numbers: the bundle's formatter writes them in the reader's digits.
                    ("day", day.into()),
                    ("month", self.t(&format!("month-{month}")).into()),
                    ("year", year.into()),
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
                args.set("host", "forms.example.org");
                args.set("entry", "womens-shelter");
                for name in [
                    "n",
                    "h",
                    "m",
                    "place",
                    "distance",
                    "time",
                    "day",
                    "raw",
                    "done",
                    "total",
                    "title",
                    "file",
                    "lessons",
                    "questions",
                    "minutes",
                    "right",
                    "of",
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
}
