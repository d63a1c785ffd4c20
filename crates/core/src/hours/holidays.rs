//! Holidays the country calendar of the hours engine lacks: those that move every year
//! (Ramazan and Kurban Bayramı) and half days (their eves, a holiday from 13:00), which the
//! city pack carries (`holidays.toml`). From a half day's start on, a place's rules are read
//! in a second calendar where that day is a holiday, so `PH off` closes the place then.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;
use opening_hours::localization::TzLocation;
use opening_hours::{OpeningHours, RuleKind};

use super::HORIZON_DAYS;

/// A public holiday the country calendar lacks, or a half day (`from`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    /// A half day: a holiday from this time on.
    pub from: Option<NaiveTime>,
}

impl Holiday {
    /// A holiday written as in `holidays.toml`: `YYYY-MM-DD`, and `HH:MM` for a half day.
    pub fn parse(date: &str, from: Option<&str>) -> Option<Holiday> {
        Some(Holiday {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?,
            from: match from {
                Some(t) => Some(NaiveTime::parse_from_str(t, "%H:%M").ok()?),
                None => None,
            },
        })
    }
}

pub(super) type Evaluated = Arc<OpeningHours<TzLocation<Tz>>>;

/// A place's rules read in the normal calendar, and in the one where half days are whole
/// holidays (which applies from a half day's start on).
#[derive(Clone, Debug)]
pub(super) struct Rules {
    pub(super) normal: Evaluated,
    pub(super) half_day: Evaluated,
    pub(super) half_days: Arc<BTreeMap<NaiveDate, NaiveTime>>,
}

impl Rules {
    /// The rules that apply at the local time `at`.
    pub(super) fn at(&self, at: NaiveDateTime) -> &Evaluated {
        match self.half_days.get(&at.date()) {
            Some(from) if at.time() >= *from => &self.half_day,
            _ => &self.normal,
        }
    }

    /// The state at `now` and the local time it changes (none within the horizon), or
    /// `None` when the rules say nothing.
    pub(super) fn range(&self, now: DateTime<Tz>) -> Option<(RuleKind, Option<NaiveDateTime>)> {
        let local = now.naive_local();
        let oh = self.at(local);
        let horizon = now + Duration::days(HORIZON_DAYS);
        // Looked for within the horizon only (the crate's `iter_range` stops there;
        // `next_change` would not).
        let first = oh.iter_range(now, horizon).next()?;
        let end = first.range.end.naive_local();
        let mut next = (end < horizon.naive_local()).then_some(end);
        // A half day that starts within this range ends it when its rules differ then.
        let until = next.unwrap_or(horizon.naive_local());
        let start = self
            .half_days
            .range(local.date()..=until.date())
            .map(|(day, from)| day.and_time(*from))
            .find(|start| *start > local && *start <= until);
        if let Some(start) = start {
            let at = now + (start - local);
            let then = self.half_day.iter_range(at, horizon).next()?;
            if then.kind != first.kind {
                next = Some(start);
            } else if start == until || then.kind == RuleKind::Closed {
                let end = then.range.end.naive_local();
                next = (end < horizon.naive_local()).then_some(end);
            }
        }
        Some((first.kind, next))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{at, istanbul, t};
    use super::super::HoursStatus;
    use super::*;

    /// Kurban Bayramı 2027 as Türkiye's holiday law has it: the eve (15 May) a holiday from
    /// 13:00, then four whole days (16–19 May). Dates as `holidays.toml` gives them.
    #[test]
    fn an_office_closes_for_a_moving_holiday_and_at_the_start_of_its_eve() {
        use HoursStatus::*;
        let mut days: Vec<Holiday> = ["2027-05-16", "2027-05-17", "2027-05-18", "2027-05-19"]
            .iter()
            .map(|d| Holiday::parse(d, None).unwrap())
            .collect();
        days.push(Holiday::parse("2027-05-15", Some("13:00")).unwrap());
        // 15 May 2027 is a Saturday: a Friday eve shows the half day better.
        days.push(Holiday::parse("2027-05-14", Some("13:00")).unwrap());
        let clock = istanbul().with_holidays(&days);
        let office = "Mo-Fr 08:00-12:00,13:00-17:00; PH off";
        let shop = "Mo-Su 09:00-20:00; PH off";
        let cases: &[(&str, &str, HoursStatus)] = &[
            // A bayram day (Monday): closed, and it opens after the last day.
            (office, "2027-05-17 10:00", OpensAt(t("2027-05-20 08:00"))),
            // The half day: open in the morning, closed from 13:00, not back after lunch.
            (office, "2027-05-14 10:00", OpenUntil(t("2027-05-14 12:00"))),
            (office, "2027-05-14 12:30", OpensAt(t("2027-05-20 08:00"))),
            (office, "2027-05-14 15:00", OpensAt(t("2027-05-20 08:00"))),
            (shop, "2027-05-14 10:00", OpenUntil(t("2027-05-14 13:00"))),
            (shop, "2027-05-14 13:00", OpensAt(t("2027-05-20 09:00"))),
            // Without `PH off`, holidays change nothing.
            ("24/7", "2027-05-17 10:00", AlwaysOpen),
            (
                "Mo-Su 09:00-20:00",
                "2027-05-14 15:00",
                OpenUntil(t("2027-05-14 20:00")),
            ),
            // The day before the eve is an ordinary day.
            (office, "2027-05-13 16:00", OpenUntil(t("2027-05-13 17:00"))),
        ];
        for (raw, now, expected) in cases {
            let hours = clock.hours(raw);
            assert_eq!(&hours.status(at(now)), expected, "{raw} at {now}");
            let open = matches!(expected, AlwaysOpen | OpenUntil(_));
            assert_eq!(hours.is_open(at(now)), open, "{raw} at {now}");
        }
        // Without the pack's list, the crate's calendar alone shows the office open.
        assert!(istanbul().hours(office).is_open(at("2027-05-17 10:00")));
    }
}
