//! OSM `opening_hours` → HSDS 3.0 `schedule` objects (RFC 5545 RRULE fields).
//!
//! The forms the content uses are mapped: `24/7`, and rules separated by `;`, each a day
//! selector (`Mo-Fr`, `Sa`, `Mo,We,Fr`, none: every day) with time spans (`08:00-12:00,13:00-17:00`)
//! or `off`, plus `PH off`. Each time span becomes one weekly schedule (`freq = WEEKLY`,
//! `byday = MO,TU,…`, `opens_at`/`closes_at`), as the HSDS field guidance's worked example does.
//! `24/7` is `00:00`–`23:59` every day (the guidance's way of saying "open all day"); a span that
//! ends past midnight (`19:00-08:00`) keeps its closing time earlier than its opening one.
//!
//! HSDS has no public holidays: `PH off` cannot be a schedule, so the original string is kept
//! in every schedule's `notes`. Anything else (a later rule overriding an earlier one's days,
//! months, weeks, `PH` hours, comments…) is not guessed at: the place gets one schedule whose
//! `description` is the original string.

use serde_json::{json, Value};

const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const RRULE_DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// One weekly opening: on `days` (0 = Monday) from `opens` to `closes` (`HH:MM`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub days: Vec<usize>,
    pub opens: String,
    pub closes: String,
}

/// The weekly spans of `raw`, or `None` when it is not one of the forms mapped.
pub fn weekly(raw: &str) -> Option<Vec<Span>> {
    let raw = raw.trim();
    if raw == "24/7" {
        return Some(vec![Span {
            days: (0..7).collect(),
            opens: "00:00".into(),
            closes: "23:59".into(),
        }]);
    }
    let mut spans = Vec::new();
    let mut seen = [false; 7];
    for rule in raw.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        if rule == "PH off" || rule == "PH closed" {
            continue;
        }
        let (days, times) = match rule.split_once(' ') {
            Some((d, t)) if d.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                (day_list(d)?, t.trim())
            }
            _ if rule.starts_with(|c: char| c.is_ascii_digit()) => ((0..7).collect(), rule),
            _ => return None,
        };
        // A rule for days an earlier rule named replaces it there (OSM's order): not mapped.
        if days.iter().any(|&d| seen[d]) {
            return None;
        }
        days.iter().for_each(|&d| seen[d] = true);
        if times == "off" || times == "closed" {
            continue;
        }
        for range in times.split(',') {
            let (opens, closes) = range.trim().split_once('-')?;
            spans.push(Span {
                days: days.clone(),
                opens: time(opens)?,
                closes: time(closes)?,
            });
        }
    }
    (!spans.is_empty()).then_some(spans)
}

/// `Mo-Fr`, `Sa`, `Mo,We-Fr`, `Sa-Mo` (wrapping): the days, Monday first.
fn day_list(text: &str) -> Option<Vec<usize>> {
    let day = |d: &str| OSM_DAYS.iter().position(|x| *x == d);
    let mut days = [false; 7];
    for part in text.split(',') {
        let (from, to) = match part.split_once('-') {
            Some((a, b)) => (day(a)?, day(b)?),
            None => (day(part)?, day(part)?),
        };
        let mut d = from;
        loop {
            days[d] = true;
            if d == to {
                break;
            }
            d = (d + 1) % 7;
        }
    }
    Some((0..7).filter(|&d| days[d]).collect())
}

/// `HH:MM` (00:00 to 24:00); `24:00` is written `23:59`, as HSDS has no end-of-day time.
fn time(text: &str) -> Option<String> {
    let (h, m) = text.trim().split_once(':')?;
    let ok = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    let (hour, minute): (u32, u32) = match (ok(h) && ok(m), h.parse(), m.parse()) {
        (true, Ok(hour), Ok(minute)) => (hour, minute),
        _ => return None,
    };
    match (hour, minute) {
        (24, 0) => Some("23:59".into()),
        (0..=23, 0..=59) => Some(format!("{hour:02}:{minute:02}")),
        _ => None,
    }
}

/// The HSDS schedules of a place's `opening_hours`: `id(n)` names the n-th; `utc_offset` is
/// the city's offset in seconds when it is the same all year (written after each time and as
/// `timezone`, in hours), otherwise times are local and `notes` names the `time_zone`.
pub fn schedules(
    raw: &str,
    location_id: &str,
    id: impl Fn(usize) -> String,
    utc_offset: Option<i32>,
    time_zone: &str,
) -> Vec<Value> {
    let Some(spans) = weekly(raw) else {
        return vec![json!({ "id": id(0), "location_id": location_id, "description": raw })];
    };
    let suffix = utc_offset.map_or_else(String::new, |s| {
        let (sign, s) = if s < 0 { ('-', -s) } else { ('+', s) };
        format!("{sign}{:02}:{:02}", s / 3600, s % 3600 / 60)
    });
    let notes = match utc_offset {
        Some(_) => format!("OpenStreetMap opening_hours: {raw}"),
        None => format!("OpenStreetMap opening_hours: {raw} (local time, {time_zone})"),
    };
    spans
        .iter()
        .enumerate()
        .map(|(n, span)| {
            let byday: Vec<&str> = span.days.iter().map(|&d| RRULE_DAYS[d]).collect();
            let mut schedule = json!({
                "id": id(n),
                "location_id": location_id,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": byday.join(","),
                "opens_at": format!("{}{suffix}", span.opens),
                "closes_at": format!("{}{suffix}", span.closes),
                "notes": notes,
            });
            if let Some(seconds) = utc_offset {
                schedule["timezone"] = match seconds % 3600 {
                    0 => json!(seconds / 3600),
                    _ => json!(f64::from(seconds) / 3600.0),
                };
            }
            schedule
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(days: &[usize], opens: &str, closes: &str) -> Span {
        Span {
            days: days.to_vec(),
            opens: opens.into(),
            closes: closes.into(),
        }
    }

    #[test]
    fn the_common_forms_are_mapped() {
        let weekdays = [0, 1, 2, 3, 4];
        assert_eq!(
            weekly("Mo-Fr 08:00-12:00,13:00-17:00; PH off"),
            Some(vec![
                span(&weekdays, "08:00", "12:00"),
                span(&weekdays, "13:00", "17:00")
            ])
        );
        assert_eq!(
            weekly("24/7"),
            Some(vec![span(&[0, 1, 2, 3, 4, 5, 6], "00:00", "23:59")])
        );
        assert_eq!(
            weekly("Mo-Su 19:00-08:00"),
            Some(vec![span(&[0, 1, 2, 3, 4, 5, 6], "19:00", "08:00")])
        );
        assert_eq!(
            weekly("Sa 10:00-12:00; PH off"),
            Some(vec![span(&[5], "10:00", "12:00")])
        );
        assert_eq!(
            weekly("Fr-Mo 09:00-24:00; Tu off"),
            Some(vec![span(&[0, 4, 5, 6], "09:00", "23:59")])
        );
        assert_eq!(
            weekly("10:00-18:00"),
            Some(vec![span(&[0, 1, 2, 3, 4, 5, 6], "10:00", "18:00")])
        );
    }

    #[test]
    fn other_forms_are_not_guessed() {
        for raw in [
            "Mo-Fr 08:00-17:00; We 08:00-12:00",
            "Jan-Mar Mo-Fr 08:00-17:00",
            "Mo-Fr 8:00-17:00",
            "Mo-Fr 08:00-17:00 \"by appointment\"",
            "PH 10:00-12:00",
            "sunrise-sunset",
            "PH off",
            "",
        ] {
            assert_eq!(weekly(raw), None, "{raw}");
        }
    }

    #[test]
    fn schedules_carry_the_offset_or_the_original_text() {
        let id = |n: usize| format!("s{n}");
        let mapped = schedules("Mo-Fr 08:00-17:00; PH off", "l", id, Some(3 * 3600), "X");
        assert_eq!(mapped[0]["byday"], "MO,TU,WE,TH,FR");
        assert_eq!(mapped[0]["opens_at"], "08:00+03:00");
        assert_eq!(mapped[0]["closes_at"], "17:00+03:00");
        assert_eq!(mapped[0]["timezone"], 3);
        assert!(mapped[0]["notes"].as_str().unwrap().contains("PH off"));
        let local = schedules("Sa 10:00-12:00", "l", id, None, "Europe/Berlin");
        assert_eq!(local[0]["opens_at"], "10:00");
        assert!(local[0]["notes"]
            .as_str()
            .unwrap()
            .contains("Europe/Berlin"));
        let other = schedules("Mo[1] 10:00-12:00", "l", id, Some(0), "UTC");
        assert_eq!(
            other,
            vec![json!({"id": "s0", "location_id": "l", "description": "Mo[1] 10:00-12:00"})]
        );
    }
}
