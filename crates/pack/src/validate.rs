//! Checks a content source beyond its syntax: complete translations, unique ids, known menus,
//! coordinates inside the city, working URLs, valid opening hours and dates.

use std::collections::{BTreeMap, BTreeSet};

use crate::source::{ContentError, ContentSource, Parsed, Translations};

/// Every problem in the source; empty when it can be built.
pub fn validate(source: &ContentSource) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let city = &source.city;
    let required: Vec<&str> = city.value.languages.iter().map(String::as_str).collect();
    let mut allowed = required.clone();
    allowed.extend(city.value.partial_languages.iter().map(String::as_str));
    let langs = Langs { required, allowed };
    check_city(city, &langs, &mut errors);

    let menus = check_categories(&source.categories, &langs, &mut errors);

    let mut seen: BTreeMap<&str, &Parsed<_>> = BTreeMap::new();
    for service in &source.services {
        let s = &service.value;
        check_id(service, "id", &s.id, &mut errors);
        if let Some(first) = seen.insert(&s.id, service) {
            errors.push(service.error(
                "id",
                format!(
                    "duplicate service id `{}`: also used in {}",
                    s.id,
                    first.path.display()
                ),
            ));
        }
        if s.menus.is_empty() {
            errors.push(service.error("menus", "a service must be listed in at least one submenu"));
        }
        for (i, menu) in s.menus.iter().enumerate() {
            let field = format!("menus[{i}]");
            match menu.split_once('/') {
                None => errors.push(
                    service.error(&field, format!("`{menu}` must be written category/submenu")),
                ),
                Some((cat, sub)) => match menus.get(cat) {
                    None => errors.push(service.error(&field, format!("unknown category `{cat}`"))),
                    Some(subs) if !subs.contains(sub) => errors.push(service.error(
                        &field,
                        format!("unknown submenu `{sub}` in category `{cat}`"),
                    )),
                    Some(_) => {}
                },
            }
        }
        check_date(service, "checked", &s.checked, &mut errors);
        if s.source.is_empty() {
            errors.push(service.error("source", "every service must name at least one source"));
        }
        for (i, src) in s.source.iter().enumerate() {
            check_url(service, &format!("source[{i}].url"), &src.url, &mut errors);
        }
        for (field, text) in [
            ("name", &s.name),
            ("summary", &s.summary),
            ("rights", &s.rights),
            ("cost", &s.cost),
        ] {
            langs.check(service, field, text, &mut errors);
        }
        if let Some(location) = &s.location {
            langs.check(service, "location", location, &mut errors);
        }
        if let Some(keywords) = &s.keywords {
            langs.check_optional(service, "keywords", keywords, &mut errors);
        }
        for (i, place) in s.place.iter().enumerate() {
            let at = |f: &str| format!("place[{i}].{f}");
            langs.check(service, &at("name"), &place.name, &mut errors);
            langs.check(service, &at("address"), &place.address, &mut errors);
            check_coordinates(
                service,
                &at("lat"),
                &at("lon"),
                place.lat,
                place.lon,
                &mut errors,
            );
            if !city.value.bbox.contains(place.lat, place.lon)
                && place.lat.is_finite()
                && place.lon.is_finite()
            {
                errors.push(service.error(
                    &at("lat"),
                    format!(
                        "the place ({}, {}) is outside the city's bounding box in city.toml",
                        place.lat, place.lon
                    ),
                ));
            }
            if let Some(hours) = &place.opening_hours {
                if let Err(e) = opening_hours_syntax::parse(hours) {
                    let reason = e.to_string();
                    let reason = reason.lines().next().unwrap_or_default();
                    errors.push(service.error(
                        &at("opening_hours"),
                        format!("`{hours}` is not valid OSM opening_hours syntax: {reason}"),
                    ));
                }
            }
            if let Some(phone) = &place.phone {
                check_phone(service, &at("phone"), phone, &mut errors);
            }
        }
        for (i, link) in s.link.iter().enumerate() {
            check_url(service, &format!("link[{i}].url"), &link.url, &mut errors);
            langs.check(
                service,
                &format!("link[{i}].title"),
                &link.title,
                &mut errors,
            );
        }
    }
    errors
}

struct Langs<'a> {
    required: Vec<&'a str>,
    allowed: Vec<&'a str>,
}

impl Langs<'_> {
    /// A text that may be missing in any language, but not empty or in a foreign one.
    fn check_optional<T>(
        &self,
        file: &Parsed<T>,
        field: &str,
        text: &Translations,
        errors: &mut Vec<ContentError>,
    ) {
        for (lang, value) in text {
            if !self.allowed.contains(&lang.as_str()) {
                errors.push(file.error(
                    &format!("{field}.{lang}"),
                    format!("`{lang}` is not a language of this city (see languages in city.toml)"),
                ));
            } else if value.trim().is_empty() {
                errors.push(file.error(&format!("{field}.{lang}"), "the text is empty"));
            }
        }
    }

    /// A text that must be present in every required language, and not empty or foreign.
    fn check<T>(
        &self,
        file: &Parsed<T>,
        field: &str,
        text: &Translations,
        errors: &mut Vec<ContentError>,
    ) {
        for lang in &self.required {
            if !text.contains_key(*lang) {
                errors.push(file.error(
                    field,
                    format!("missing translation in `{lang}`, a required language of this city"),
                ));
            }
        }
        self.check_optional(file, field, text, errors);
    }
}

fn check_city(
    city: &Parsed<crate::source::CityFile>,
    langs: &Langs,
    errors: &mut Vec<ContentError>,
) {
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
                format!("`{lang}` is not a two- or three-letter language code"),
            ));
        }
    }
    langs.check(city, "name", &c.name, errors);
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
    if let Err(e) = merhaba_core::CityClock::new(&c.timezone, None) {
        errors.push(city.error("timezone", e.to_string()));
    }
    if let Err(e) = merhaba_core::CityClock::new("UTC", Some(&c.country)) {
        errors.push(city.error("country", e.to_string()));
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
    if c.emergency.is_empty() {
        errors.push(city.error("emergency", "a city needs its emergency numbers"));
    }
    for (i, e) in c.emergency.iter().enumerate() {
        check_phone(city, &format!("emergency[{i}].number"), &e.number, errors);
        langs.check(city, &format!("emergency[{i}].label"), &e.label, errors);
        check_url(city, &format!("emergency[{i}].source"), &e.source, errors);
    }
}

/// Returns category id → its submenu ids.
fn check_categories(
    file: &Parsed<crate::source::CategoriesFile>,
    langs: &Langs,
    errors: &mut Vec<ContentError>,
) -> BTreeMap<String, BTreeSet<String>> {
    let mut menus: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut submenu_ids = BTreeSet::new();
    for (i, cat) in file.value.category.iter().enumerate() {
        let at = format!("category[{i}]");
        check_id(file, &format!("{at}.id"), &cat.id, errors);
        if menus.contains_key(&cat.id) {
            errors.push(file.error(
                &format!("{at}.id"),
                format!("duplicate category id `{}`", cat.id),
            ));
        }
        if cat.icon.trim().is_empty() {
            errors.push(file.error(&format!("{at}.icon"), "the icon is empty"));
        }
        langs.check(file, &format!("{at}.name"), &cat.name, errors);
        if cat.submenu.is_empty() {
            errors.push(file.error(
                &format!("{at}.submenu"),
                "a category needs at least one submenu",
            ));
        }
        let mut subs = BTreeSet::new();
        for (j, sub) in cat.submenu.iter().enumerate() {
            let sat = format!("{at}.submenu[{j}]");
            check_id(file, &format!("{sat}.id"), &sub.id, errors);
            // Submenu ids are unique across the city so a route can name one alone.
            if !submenu_ids.insert(sub.id.clone()) {
                errors.push(file.error(
                    &format!("{sat}.id"),
                    format!("duplicate submenu id `{}`", sub.id),
                ));
            }
            langs.check(file, &format!("{sat}.name"), &sub.name, errors);
            subs.insert(sub.id.clone());
        }
        menus.insert(cat.id.clone(), subs);
    }
    menus
}

fn check_id<T>(file: &Parsed<T>, field: &str, id: &str, errors: &mut Vec<ContentError>) {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if !ok {
        errors.push(file.error(
            field,
            format!("`{id}` is not an id: use lowercase letters, digits and '-'"),
        ));
    }
}

fn check_coordinates<T>(
    file: &Parsed<T>,
    lat_field: &str,
    lon_field: &str,
    lat: f64,
    lon: f64,
    errors: &mut Vec<ContentError>,
) {
    if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        errors.push(file.error(
            lat_field,
            format!("latitude {lat} is not a number between -90 and 90"),
        ));
    }
    if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
        errors.push(file.error(
            lon_field,
            format!("longitude {lon} is not a number between -180 and 180"),
        ));
    }
}

fn check_url<T>(file: &Parsed<T>, field: &str, value: &str, errors: &mut Vec<ContentError>) {
    let problem = match url::Url::parse(value) {
        Err(e) => Some(format!("`{value}` is not a URL: {e}")),
        Ok(u) if !matches!(u.scheme(), "https" | "http") => {
            Some(format!("`{value}` must start with https:// (or http://)"))
        }
        Ok(u) if !u.host_str().is_some_and(|h| h.contains('.')) => {
            Some(format!("`{value}` has no proper host name"))
        }
        Ok(_) if value.chars().any(char::is_whitespace) => {
            Some(format!("`{value}` contains spaces"))
        }
        Ok(_) => None,
    };
    if let Some(problem) = problem {
        errors.push(file.error(field, problem));
    }
}

fn check_phone<T>(file: &Parsed<T>, field: &str, value: &str, errors: &mut Vec<ContentError>) {
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let ok = value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c))
        && digits >= 3;
    if !ok {
        errors.push(file.error(
            field,
            format!("`{value}` is not a phone number (digits, spaces, + - ( ) only)"),
        ));
    }
}

fn check_date<T>(file: &Parsed<T>, field: &str, value: &str, errors: &mut Vec<ContentError>) {
    let parts: Vec<u32> = value.split('-').filter_map(|p| p.parse().ok()).collect();
    let valid = value.len() == 10
        && matches!(parts.as_slice(), [y, m, d] if (2000..=2100).contains(y) && (1..=12).contains(m)
            && (1..=days_in_month(*y, *m)).contains(d));
    if !valid {
        errors.push(file.error(field, format!("`{value}` is not a date written YYYY-MM-DD")));
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}
