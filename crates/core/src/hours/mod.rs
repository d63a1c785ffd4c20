//! Opening hours: is a place open now, and when does that change, in the city's own time.
//!
//! The content carries OSM `opening_hours` strings; the `opening-hours` crate (the maintained
//! Rust implementation of the OSM specification) parses and evaluates them, with the city's
//! time zone and its country's public holidays, so `PH off` means what it says. A string it
//! cannot read is kept as text and never reported as open.
//!
//! Holidays that move every year (Ramazan and Kurban Bayramı) and half days (their eves,
//! from 13:00) are not in the crate's calendar; the city pack carries them
//! (`CityClock::with_holidays`). From a half day's start on, the day counts as a public
//! holiday, so `PH off` closes a place then.
//!
//! The next change is looked for no further than `HORIZON_DAYS` ahead. The crate's own
//! `next_change` walks day by day to the year 9999 when the state never changes and its
//! date hints cannot skip ahead (`Mo-Su 00:00-24:00`, `12:00-12:00`, `22:00-03:00 off`,
//! `easter +2 days Su[1,3]`): seconds per place. Within the horizon every string costs at
//! most a year of days, well under a millisecond.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use compact_calendar::CompactCalendar;
use opening_hours::localization::{Country, TzLocation};
use opening_hours::{Context, ContextHolidays, OpeningHours, RuleKind};
use serde::Serialize;

mod holidays;
pub use holidays::Holiday;
use holidays::Rules;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum HoursError {
    #[error("timezone `{0}` is not an IANA time zone name (e.g. Europe/Istanbul)")]
    TimeZone(String),
    #[error("country `{0}` is not an ISO 3166-1 alpha-2 code (e.g. TR)")]
    Country(String),
}

/// How far ahead the next opening or closing is looked for: a year and a few days, so that
/// any yearly rule (seasons, a closing day once a year) is found.
pub const HORIZON_DAYS: i64 = 370;

/// The longest opening-hours string: OpenStreetMap's own limit for a tag value. The
/// validator refuses longer ones; the reader does not parse them.
pub const HOURS_MAX_CHARS: usize = 255;

/// The city's clock: its time zone and public holidays.
#[derive(Clone, Debug)]
pub struct CityClock {
    context: Context<TzLocation<Tz>>,
    /// The same, with every half day a whole holiday: read from a half day's start on.
    half_day_context: Context<TzLocation<Tz>>,
    half_days: Arc<BTreeMap<NaiveDate, NaiveTime>>,
    tz: Tz,
}

impl CityClock {
    /// `timezone` is an IANA name; `country` an ISO code whose public holidays `PH` refers
    /// to (without one, `PH` rules never apply).
    pub fn new(timezone: &str, country: Option<&str>) -> Result<CityClock, HoursError> {
        let tz: Tz = timezone
            .parse()
            .map_err(|_| HoursError::TimeZone(timezone.to_string()))?;
        let holidays = match country {
            Some(code) => code
                .parse::<Country>()
                .map_err(|_| HoursError::Country(code.to_string()))?
                .holidays(),
            None => ContextHolidays::default(),
        };
        let context = Context::default()
            .with_holidays(holidays)
            .with_locale(TzLocation::new(tz));
        Ok(CityClock {
            half_day_context: context.clone(),
            context,
            half_days: Arc::default(),
            tz,
        })
    }

    /// Adds holidays the country calendar lacks: whole days, and half days.
    pub fn with_holidays(mut self, holidays: &[Holiday]) -> CityClock {
        let mut whole = self.context.holidays.get_public().clone();
        let mut half_days = BTreeMap::new();
        for h in holidays {
            match h.from {
                None => {
                    whole.insert(h.date);
                }
                Some(from) => {
                    half_days.insert(h.date, from);
                }
            }
        }
        let mut with_half_days = whole.clone();
        for date in half_days.keys() {
            with_half_days.insert(*date);
        }
        let school = Arc::new(self.context.holidays.get_school().clone());
        let calendar =
            |public: CompactCalendar| ContextHolidays::new(Arc::new(public), school.clone());
        self.context = self.context.with_holidays(calendar(whole));
        self.half_day_context = self
            .half_day_context
            .with_holidays(calendar(with_half_days));
        self.half_days = Arc::new(half_days);
        self
    }

    /// Reads an `opening_hours` string; an unreadable one is kept as text. One longer than
    /// [`HOURS_MAX_CHARS`] (the validator refuses it; a crafted pack may hold one) is not
    /// parsed at all, and kept cut to that length: a 1 MB string took 20 s to parse.
    pub fn hours(&self, raw: &str) -> Hours {
        if raw.chars().count() > HOURS_MAX_CHARS {
            return Hours {
                raw: raw.chars().take(HOURS_MAX_CHARS).collect(),
                parsed: None,
            };
        }
        let parsed = raw.parse::<OpeningHours>().ok().map(|oh| Rules {
            normal: Arc::new(oh.clone().with_context(self.context.clone())),
            half_day: Arc::new(oh.with_context(self.half_day_context.clone())),
            half_days: self.half_days.clone(),
        });
        Hours {
            raw: raw.to_string(),
            parsed,
        }
    }

    /// `now` in the city, with its offset from UTC (for records that say when).
    pub fn at(&self, now: DateTime<Utc>) -> DateTime<chrono::FixedOffset> {
        now.with_timezone(&self.tz).fixed_offset()
    }

    /// The city's wall-clock time at `now`.
    pub fn local(&self, now: DateTime<Utc>) -> NaiveDateTime {
        now.with_timezone(&self.tz).naive_local()
    }
}

/// Opening hours of one place.
#[derive(Clone, Debug)]
pub struct Hours {
    raw: String,
    parsed: Option<Rules>,
}

/// What a person needs to know about a place's hours right now. Times are the city's
/// wall-clock time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", content = "change", rename_all = "snake_case")]
pub enum HoursStatus {
    /// Open and no closing time within `HORIZON_DAYS` (e.g. `24/7`).
    AlwaysOpen,
    OpenUntil(NaiveDateTime),
    OpensAt(NaiveDateTime),
    /// Closed, with no opening within `HORIZON_DAYS` in the rules.
    Closed,
    /// The rules say the state is unknown now (e.g. `"by appointment"` comments).
    Unknown,
    /// The string could not be read; screens show it as written.
    Unreadable,
}

impl Hours {
    /// The text as written in the content.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    pub fn status(&self, now: DateTime<Utc>) -> HoursStatus {
        let Some(rules) = &self.parsed else {
            return HoursStatus::Unreadable;
        };
        let tz = rules.normal.get_context().locale.get_timezone();
        let Some((kind, next)) = rules.range(now.with_timezone(tz)) else {
            return HoursStatus::Unknown;
        };
        match (kind, next) {
            (RuleKind::Open, None) => HoursStatus::AlwaysOpen,
            (RuleKind::Open, Some(t)) => HoursStatus::OpenUntil(t),
            (RuleKind::Closed, Some(t)) => HoursStatus::OpensAt(t),
            (RuleKind::Closed, None) => HoursStatus::Closed,
            (RuleKind::Unknown, _) => HoursStatus::Unknown,
        }
    }

    /// True only when the rules say open; unreadable or unknown hours are never "open".
    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        match &self.parsed {
            Some(rules) => {
                let now = now.with_timezone(rules.normal.get_context().locale.get_timezone());
                rules.at(now.naive_local()).is_open(now)
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    pub(super) fn istanbul() -> CityClock {
        CityClock::new("Europe/Istanbul", Some("TR")).unwrap()
    }

    /// A UTC instant for a wall-clock time in Istanbul (UTC+3 all year since 2016).
    pub(super) fn at(local: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
        chrono_tz::Europe::Istanbul
            .from_local_datetime(&naive)
            .single()
            .unwrap()
            .with_timezone(&Utc)
    }

    pub(super) fn t(local: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_table_of_opening_hours_cases() {
        use HoursStatus::*;
        let clock = istanbul();
        // 2026-11-30 is a Monday; 2026-10-29 (Republic Day) a Thursday and a public holiday.
        let office = "Mo-Fr 08:00-12:00,13:00-17:00; PH off";
        let cases: &[(&str, &str, HoursStatus)] = &[
            (office, "2026-11-30 09:30", OpenUntil(t("2026-11-30 12:00"))),
            (office, "2026-11-30 12:30", OpensAt(t("2026-11-30 13:00"))),
            (office, "2026-12-04 17:00", OpensAt(t("2026-12-07 08:00"))),
            (office, "2026-10-29 10:00", OpensAt(t("2026-10-30 08:00"))),
            (office, "2026-10-28 10:00", OpenUntil(t("2026-10-28 12:00"))),
            ("24/7", "2026-11-28 03:00", AlwaysOpen),
            // Overnight: Friday evening until 03:00 on Saturday.
            (
                "Fr 22:00-03:00",
                "2026-12-05 02:00",
                OpenUntil(t("2026-12-05 03:00")),
            ),
            (
                "Fr 22:00-03:00",
                "2026-12-05 04:00",
                OpensAt(t("2026-12-11 22:00")),
            ),
            // Seasonal: summer and winter hours.
            (
                "Apr-Oct Mo-Su 08:30-19:00; Nov-Mar Mo-Su 08:30-17:00",
                "2026-07-01 18:00",
                OpenUntil(t("2026-07-01 19:00")),
            ),
            (
                "Apr-Oct Mo-Su 08:30-19:00; Nov-Mar Mo-Su 08:30-17:00",
                "2026-12-01 18:00",
                OpensAt(t("2026-12-02 08:30")),
            ),
            ("closed", "2026-12-01 10:00", Closed),
            ("Mo-Fr 09:00-17:00 unknown", "2026-12-01 10:00", Unknown),
            ("ask at the desk", "2026-12-01 10:00", Unreadable),
            ("Mo-Fr 25:00-26:00x", "2026-12-01 10:00", Unreadable),
        ];
        for (raw, now, expected) in cases {
            let hours = clock.hours(raw);
            assert_eq!(&hours.status(at(now)), expected, "{raw} at {now}");
            let open = matches!(expected, AlwaysOpen | OpenUntil(_));
            assert_eq!(hours.is_open(at(now)), open, "{raw} at {now}");
        }
    }

    /// Strings that made the crate walk day by day to the year 9999 (seconds each): their
    /// state is found within the horizon, and a change beyond it is not looked for.
    #[test]
    fn the_next_change_is_looked_for_within_the_horizon() {
        use HoursStatus::*;
        let clock = istanbul();
        let now = at("2026-11-30 10:00");
        let cases: &[(&str, HoursStatus)] = &[
            ("Mo-Su 00:00-24:00", AlwaysOpen),
            ("12:00-12:00", AlwaysOpen),
            ("22:00-03:00 off", Closed),
            ("Mo 10:00+ closed", Closed),
            ("easter +2 days Su[1,3]", Closed),
            // Opens once, more than a year ahead: beyond the horizon, so closed.
            ("2028 Jan 01 10:00-12:00", Closed),
            // Within the horizon, a change is found however far it is.
            ("2027 Nov 29 10:00-12:00", OpensAt(t("2027-11-29 10:00"))),
            ("24/7; Dec 25 off", OpenUntil(t("2026-12-25 00:00"))),
        ];
        for (raw, expected) in cases {
            assert_eq!(&clock.hours(raw).status(now), expected, "{raw}");
        }
        const { assert!(HORIZON_DAYS > 366, "a yearly rule must be found") };
    }

    #[test]
    fn unreadable_hours_keep_their_text_and_are_never_open() {
        let hours = istanbul().hours("sabah 9'dan akşama kadar");
        assert_eq!(hours.raw(), "sabah 9'dan akşama kadar");
        assert_eq!(hours.status(Utc::now()), HoursStatus::Unreadable);
        assert!(!hours.is_open(Utc::now()));
    }

    #[test]
    fn status_is_in_the_city_time_zone_not_the_device_one() {
        // 06:30 UTC is 09:30 in Istanbul: open.
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 6, 30, 0).unwrap();
        let hours = istanbul().hours("Mo-Fr 08:00-17:00");
        assert_eq!(
            hours.status(now),
            HoursStatus::OpenUntil(t("2026-11-30 17:00"))
        );
        assert_eq!(istanbul().local(now), t("2026-11-30 09:30"));
    }

    #[test]
    fn a_bad_time_zone_or_country_is_named() {
        let err = CityClock::new("Istanbul", None).unwrap_err().to_string();
        assert!(err.contains("`Istanbul`"), "{err}");
        let err = CityClock::new("Europe/Istanbul", Some("XX"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("`XX`"), "{err}");
    }
}
