//! Where facts come from and how current they are: `sample` with `drafted`, `checked`
//! only on verified entries, sources with the date they were read and the sections they
//! back, places' own phones apart from national helplines, moved and closed places, and
//! the holidays list.

use std::collections::BTreeMap;

use crate::source::{ContentError, ContentSource, Parsed, ServiceFile, SourceRef, SECTIONS};

use super::fields::{check_date, check_id, check_phone, check_url};
use super::text::{text_problem, NAME_MAX_CHARS};

/// A sample carries `drafted` and never `checked`; a verified entry carries `checked`.
pub(super) fn check_dates<T>(
    service: &Parsed<T>,
    (sample, checked, drafted): (bool, &Option<String>, &Option<String>),
    latest: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    match (sample, checked, drafted) {
        (true, Some(_), _) => errors.push(service.error(
            "checked",
            "`checked` on a sample: an entry is checked only when an editor verified every \
             fact against official sources; then write `sample = false`. Until then, write \
             `drafted` with the day it was written",
        )),
        (true, None, None) => errors.push(service.error(
            "sample",
            "a sample needs `drafted`, the day it was written (YYYY-MM-DD)",
        )),
        (false, None, _) => errors.push(service.error(
            "sample",
            "an entry that is not a sample needs `checked`, the day an editor verified it",
        )),
        _ => {}
    }
    for (field, date) in [("checked", checked), ("drafted", drafted)] {
        if let Some(date) = date {
            check_date(service, field, date, latest, errors);
        }
    }
}

/// Each source: an https URL, a title, the date it was read and the sections it backs.
pub(super) fn check_sources<T>(
    file: &Parsed<T>,
    field: &str,
    sources: &[SourceRef],
    latest: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    for (i, src) in sources.iter().enumerate() {
        let at = |f: &str| format!("{field}[{i}].{f}");
        check_url(file, &at("url"), &src.url, errors);
        if let Some(problem) = text_problem(&src.title, NAME_MAX_CHARS) {
            errors.push(file.error(&at("title"), problem));
        }
        if let Some(read) = &src.read {
            check_date(file, &at("read"), read, latest, errors);
        }
        for section in &src.sections {
            if !SECTIONS.contains(&section.as_str()) {
                errors.push(file.error(
                    &at("for"),
                    format!(
                        "`{section}` is not a section: write one of {}",
                        SECTIONS.join(", ")
                    ),
                ));
            }
        }
    }
}

/// National numbers: the city's emergency numbers and every short number (three or four
/// digits), which no single office answers.
fn is_national(number: &str, emergency: &[String]) -> bool {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    (3..=4).contains(&digits.len()) || emergency.contains(&digits)
}

/// A place's phone is its own; helplines are listed apart, as phone numbers.
pub(super) fn check_phones(
    service: &Parsed<ServiceFile>,
    emergency: &[String],
    errors: &mut Vec<ContentError>,
) {
    for (i, number) in service.value.helpline.iter().enumerate() {
        check_phone(service, &format!("helpline[{i}]"), number, errors);
    }
    for (i, place) in service.value.place.iter().enumerate() {
        match &place.phone {
            Some(phone) if is_national(phone, emergency) => errors.push(service.error(
                &format!("place[{i}].phone"),
                format!(
                    "`{phone}` is a national number, not this place's own: \"Call\" would ring \
                     the national line. Write it in the service's `helpline` list, and give the \
                     place its own number or none"
                ),
            )),
            Some(phone) => check_phone(service, &format!("place[{i}].phone"), phone, errors),
            None => {}
        }
    }
}

/// Places: their ids unique in the city, their sources and `closed_since` dates, and
/// `moved_to` naming another place by id.
pub(super) fn check_places(
    source: &ContentSource,
    latest: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    let mut ids: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for service in &source.services {
        for (i, place) in service.value.place.iter().enumerate() {
            let Some(id) = &place.id else { continue };
            check_id(service, &format!("place[{i}].id"), id, errors);
            if let Some((other, j)) = ids.insert(id, (&service.value.id, i)) {
                errors.push(service.error(
                    &format!("place[{i}].id"),
                    format!("duplicate place id `{id}`: also place[{j}] of services/{other}.toml"),
                ));
            }
        }
    }
    // Where each place moved, by id.
    let moves: BTreeMap<&str, &str> = source
        .services
        .iter()
        .flat_map(|service| &service.value.place)
        .filter_map(|place| Some((place.id.as_deref()?, place.moved_to.as_deref()?)))
        .collect();
    for service in &source.services {
        for (i, place) in service.value.place.iter().enumerate() {
            let at = |f: &str| format!("place[{i}].{f}");
            check_sources(service, &at("source"), &place.source, latest, errors);
            if let Some(date) = &place.closed_since {
                check_date(service, &at("closed_since"), date, latest, errors);
            }
            let Some(to) = &place.moved_to else { continue };
            if place.id.as_ref() == Some(to) {
                errors.push(service.error(&at("moved_to"), "a place cannot move to itself"));
            } else if !ids.contains_key(to.as_str()) {
                errors.push(service.error(
                    &at("moved_to"),
                    format!("no place has the id `{to}`: give the new place `id = \"{to}\"`"),
                ));
            } else if let Some(cycle) = place.id.as_deref().and_then(|id| moves_back(id, &moves)) {
                errors.push(service.error(
                    &at("moved_to"),
                    format!(
                        "the moves go round in a circle ({}): each page would send readers to \
                         the other; the place moved last has no `moved_to`",
                        cycle.join(" → ")
                    ),
                ));
            }
        }
    }
}

/// The chain of moves from `start` when it comes back to `start`: `[start, …, start]`.
fn moves_back<'a>(start: &'a str, moves: &BTreeMap<&'a str, &'a str>) -> Option<Vec<&'a str>> {
    let mut chain = vec![start];
    let mut at = start;
    while let Some(&next) = moves.get(at) {
        chain.push(next);
        if next == start {
            return Some(chain);
        }
        // A circle that does not pass through `start` is reported at its own places.
        if chain[..chain.len() - 1].contains(&next) || chain.len() > moves.len() + 1 {
            return None;
        }
        at = next;
    }
    None
}

/// `holidays.toml`: real dates, half days at a time of day, no day twice, a cited source.
pub(super) fn check_holidays(
    source: &ContentSource,
    latest: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    let Some(file) = &source.holidays else {
        return;
    };
    if file.value.source.is_empty() && !file.value.holiday.is_empty() {
        errors.push(file.error("source", "cite the official list the holidays come from"));
    }
    check_sources(file, "source", &file.value.source, latest, errors);
    let mut seen = BTreeMap::new();
    for (i, h) in file.value.holiday.iter().enumerate() {
        let at = |f: &str| format!("holiday[{i}].{f}");
        check_date(file, &at("date"), &h.date, None, errors);
        if let Some(problem) = text_problem(&h.name, NAME_MAX_CHARS) {
            errors.push(file.error(&at("name"), problem));
        }
        if let Some(from) = &h.from {
            if chrono::NaiveTime::parse_from_str(from, "%H:%M").is_err() || from.len() != 5 {
                errors.push(file.error(
                    &at("from"),
                    format!("`{from}` is not a time of day written HH:MM"),
                ));
            }
        }
        if let Some(j) = seen.insert(h.date.as_str(), i) {
            errors.push(file.error(
                &at("date"),
                format!("{} is listed twice (also holiday[{j}])", h.date),
            ));
        }
    }
}
