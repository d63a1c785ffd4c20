//! Checks of `city.toml`: its id and languages, the box and centre, the clock, districts and
//! landmarks, emergency numbers and where problem reports go.

use std::collections::BTreeSet;

use super::fields::{check_coordinates, check_id, check_phone, check_url};
use super::text::{shown, too_long};
use super::Langs;
use crate::source::{CityFile, ContentError, Parsed};

pub(super) fn check_city(city: &Parsed<CityFile>, langs: &Langs, errors: &mut Vec<ContentError>) {
    let c = &city.value;
    check_id(city, "id", &c.id, errors);
    if !c
        .languages
        .iter()
        .any(|l| l == merhaba_core::l10n::LAST_RESORT)
    {
        errors.push(city.error(
            "languages",
            "English (`en`) must be a required language: every fallback chain ends in it",
        ));
    }
    for (i, lang) in c.languages.iter().chain(&c.partial_languages).enumerate() {
        if lang.len() < 2 || lang.len() > 3 || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            errors.push(city.error(
                &format!("languages[{i}]"),
                format!(
                    "`{}` is not a two- or three-letter language code",
                    shown(lang)
                ),
            ));
        }
    }
    langs.check(city, "name", &c.name, errors);
    langs.check_reviews(city, &c.translation, errors);
    let b = &c.bbox;
    check_coordinates(city, "bbox.south", "bbox.west", b.south, b.west, errors);
    check_coordinates(city, "bbox.north", "bbox.east", b.north, b.east, errors);
    if b.south >= b.north || b.west >= b.east {
        errors.push(city.error("bbox", "south must be below north and west left of east"));
    }
    check_coordinates(
        city,
        "centre.lat",
        "centre.lon",
        c.centre.lat,
        c.centre.lon,
        errors,
    );
    if !b.contains(c.centre.lat, c.centre.lon) {
        errors.push(city.error("centre", "the centre is outside the bounding box"));
    }
    for (field, value) in [("timezone", &c.timezone), ("country", &c.country)] {
        if let Some(problem) = too_long(value, 64) {
            errors.push(city.error(field, problem));
        }
    }
    if c.timezone.chars().nth(64).is_none() {
        if let Err(e) = merhaba_core::CityClock::new(&c.timezone, None) {
            errors.push(city.error("timezone", e.to_string()));
        }
    }
    if c.country.chars().nth(64).is_none() {
        if let Err(e) = merhaba_core::CityClock::new("UTC", Some(&c.country)) {
            errors.push(city.error("country", e.to_string()));
        }
    }
    let mut locality_ids = BTreeSet::new();
    for (kind, list) in [("district", &c.district), ("landmark", &c.landmark)] {
        for (i, l) in list.iter().enumerate() {
            let at = format!("{kind}[{i}]");
            check_id(city, &format!("{at}.id"), &l.id, errors);
            if !locality_ids.insert(l.id.as_str()) {
                errors.push(city.error(&format!("{at}.id"), format!("duplicate id `{}`", l.id)));
            }
            langs.check(city, &format!("{at}.name"), &l.name, errors);
            check_coordinates(
                city,
                &format!("{at}.lat"),
                &format!("{at}.lon"),
                l.lat,
                l.lon,
                errors,
            );
            if !b.contains(l.lat, l.lon) {
                errors.push(city.error(&format!("{at}.lat"), "outside the city's bounding box"));
            }
        }
    }
    if let Some(to) = &c.report_to {
        if !merhaba_core::feedback::is_report_address(to) {
            errors.push(city.error(
                "report_to",
                format!(
                    "`{}` is neither a mailto: address nor an https:// form",
                    shown(to)
                ),
            ));
        }
    }
    if let Some(local) = &c.local_language {
        if !c.languages.contains(local) {
            errors.push(city.error(
                "local_language",
                format!(
                    "`{}` is not one of the city's complete languages ({})",
                    shown(local),
                    c.languages.join(", ")
                ),
            ));
        }
    }
    if c.emergency.is_empty() {
        errors.push(city.error("emergency", "a city needs its emergency numbers"));
    }
    for (i, e) in c.emergency.iter().enumerate() {
        check_phone(city, &format!("emergency[{i}].number"), &e.number, errors);
        langs.check(city, &format!("emergency[{i}].label"), &e.label, errors);
        check_url(city, &format!("emergency[{i}].source"), &e.source, errors);
    }
}
