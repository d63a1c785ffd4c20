//! How a language writes numbers, for the localizer and for Fluent's number formatter.

use fluent_bundle::FluentValue;
use intl_memoizer::IntlLangMemoizer;

/// How a language writes numbers: its digits and its decimal separator.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Digits {
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
    pub(super) fn of(lang: &str) -> Digits {
        match lang {
            "ar" => Digits::ArabicIndic,
            "fa" | "ps" => Digits::ExtendedArabicIndic,
            "en" => Digits::Point,
            _ => Digits::Comma,
        }
    }

    /// Rewrites the ASCII digits and decimal point of `plain`.
    pub(super) fn write(self, plain: &str) -> String {
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
    pub(super) fn formatter(self) -> Option<fn(&FluentValue, &IntlLangMemoizer) -> Option<String>> {
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
