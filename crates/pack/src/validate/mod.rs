//! Checks a content source beyond its syntax: complete translations, unique ids, known menus,
//! coordinates inside the city, working URLs, valid opening hours and dates, texts within
//! their limits (`text`) and single values (`fields`).

mod city;
mod courses;
mod fields;
mod paths;
mod picture;
mod provenance;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};

use crate::source::{ContentError, ContentSource, Parsed, Review, Reviews, Translations};
use fields::{check_coordinates, check_hours, check_id, check_url};
pub use fields::{HOURS_MAX_CHARS, ID_MAX_CHARS, PHONE_MAX_CHARS, URL_MAX_CHARS};
pub use picture::IMAGE_MAX_BYTES;
use text::{limit_of, shown, text_problem};

/// The longest category icon (an emoji or two).
const ICON_MAX_CHARS: usize = 16;

/// Every problem in the source; empty when it can be built. `checked` dates are compared
/// with today's date (UTC, plus a day for cities ahead of UTC): validation reads the clock,
/// the build never does (its bytes depend on the content alone).
pub fn validate(source: &ContentSource) -> Vec<ContentError> {
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    validate_at(source, Some(&tomorrow.format("%Y-%m-%d").to_string()))
}

/// `validate` with the latest `checked` date allowed given (none: any date).
pub fn validate_at(source: &ContentSource, latest: Option<&str>) -> Vec<ContentError> {
    let mut errors = Vec::new();
    let city = &source.city;
    let required: Vec<&str> = city.value.languages.iter().map(String::as_str).collect();
    let mut allowed = required.clone();
    allowed.extend(city.value.partial_languages.iter().map(String::as_str));
    let langs = Langs { required, allowed };
    city::check_city(city, &langs, &mut errors);

    let menus = check_categories(&source.categories, &langs, &mut errors);
    let emergency: Vec<String> = city
        .value
        .emergency
        .iter()
        .map(|e| e.number.clone())
        .collect();
    provenance::check_places(source, latest, &mut errors);
    provenance::check_holidays(source, latest, &mut errors);

    let mut seen: BTreeMap<&str, &Parsed<_>> = BTreeMap::new();
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    for service in &source.services {
        let s = &service.value;
        check_file_id(
            service,
            ("service", "services"),
            &s.id,
            &mut seen,
            &mut errors,
        );
        if s.menus.is_empty() {
            errors.push(service.error("menus", "a service must be listed in at least one submenu"));
        }
        for (i, menu) in s.menus.iter().enumerate() {
            let field = format!("menus[{i}]");
            match menu.split_once('/') {
                None => errors.push(service.error(
                    &field,
                    format!("`{}` must be written category/submenu", shown(menu)),
                )),
                Some((cat, sub)) => match menus.get(cat).inspect(|_| {
                    listed.insert(cat);
                }) {
                    None => errors
                        .push(service.error(&field, format!("unknown category `{}`", shown(cat)))),
                    Some(subs) if !subs.contains(sub) => errors.push(service.error(
                        &field,
                        format!("unknown submenu `{}` in category `{cat}`", shown(sub)),
                    )),
                    Some(_) => {}
                },
            }
        }
        provenance::check_dates(
            service,
            (s.sample, &s.checked, &s.drafted),
            latest,
            &mut errors,
        );
        if s.source.is_empty() {
            errors.push(service.error("source", "every service must name at least one source"));
        }
        provenance::check_sources(service, "source", &s.source, latest, &mut errors);
        provenance::check_phones(service, &emergency, &mut errors);
        langs.check_reviews(service, &s.translation, &mut errors);
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
        if let Some(bring) = &s.bring {
            langs.check(service, "bring", bring, &mut errors);
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
                check_hours(service, &at("opening_hours"), hours, &mut errors);
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
    paths::check_paths(source, &langs, &seen, latest, &mut errors);
    courses::check_courses(source, &langs, &seen, latest, &mut errors);
    for (i, cat) in source.categories.value.category.iter().enumerate() {
        if !listed.contains(cat.id.as_str()) {
            errors.push(source.categories.error(
                &format!("category[{i}]"),
                format!(
                    "no service is listed in category `{}`: add one or remove it",
                    cat.id
                ),
            ));
        }
    }
    errors
}

/// The id of the file `file` of a folder (`kind`, `folder`: "service", "services"): valid,
/// unique among those `seen` so far, and the file's own name.
fn check_file_id<'a, T>(
    file: &'a Parsed<T>,
    (kind, folder): (&str, &str),
    id: &'a str,
    seen: &mut BTreeMap<&'a str, &'a Parsed<T>>,
    errors: &mut Vec<ContentError>,
) {
    check_id(file, "id", id, errors);
    if let Some(first) = seen.insert(id, file) {
        errors.push(file.error(
            "id",
            format!(
                "duplicate {kind} id `{}`: also used in {}",
                shown(id),
                first.path.display()
            ),
        ));
    }
    let stem = file.path.file_stem().map(|f| f.to_string_lossy());
    if stem.as_deref().is_some_and(|stem| stem != id) {
        errors.push(file.error(
            "id",
            format!(
                "the id `{}` differs from the file name: name the file {folder}/{}.toml",
                shown(id),
                shown(id)
            ),
        ));
    }
}

/// The place `order` of the file `file` in its list (`kind`: "path"), unique among those
/// `seen` so far.
fn check_order<'a, T>(
    file: &'a Parsed<T>,
    kind: &str,
    order: u32,
    seen: &mut BTreeMap<u32, &'a Parsed<T>>,
    errors: &mut Vec<ContentError>,
) {
    if let Some(first) = seen.insert(order, file) {
        errors.push(file.error(
            "order",
            format!(
                "order {order} is also used by {}: give each {kind} its own place in the list",
                first.path.display()
            ),
        ));
    }
}

/// An error at a list that must not be empty; when the list is absent, at the file's `id`
/// line, the first that says which entry it is.
fn at_least_one<T>(file: &Parsed<T>, field: &str, problem: &str) -> ContentError {
    let mut error = file.error(field, problem);
    error.line = error.line.or(file.error("id", "").line);
    error
}

struct Langs<'a> {
    required: Vec<&'a str>,
    allowed: Vec<&'a str>,
}

impl Langs<'_> {
    /// A text that may be missing in any language, but not in a foreign one, nor empty,
    /// invisible, too long (`text::limit_of`) or holding control or override characters.
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
                    format!(
                        "`{}` is not a language of this city (see languages in city.toml)",
                        shown(lang)
                    ),
                ));
            } else if let Some(problem) = text_problem(value, limit_of(field)) {
                errors.push(file.error(&format!("{field}.{lang}"), problem));
            }
        }
    }

    /// The review status of every language of the city, none for a foreign one, and at least
    /// one language the entry was written in.
    fn check_reviews<T>(
        &self,
        file: &Parsed<T>,
        reviews: &Reviews,
        errors: &mut Vec<ContentError>,
    ) {
        for lang in &self.allowed {
            if !reviews.contains_key(*lang) {
                errors.push(file.error(
                    &format!("translation.{lang}"),
                    format!(
                        "no review status for `{lang}`: write `{lang} = \"original\"` (written in it), \
                         \"reviewed\" (checked by a fluent speaker) or \"unreviewed\""
                    ),
                ));
            }
        }
        for lang in reviews
            .keys()
            .filter(|l| !self.allowed.contains(&l.as_str()))
        {
            errors.push(file.error(
                &format!("translation.{lang}"),
                format!(
                    "`{}` is not a language of this city (see languages in city.toml)",
                    shown(lang)
                ),
            ));
        }
        if !reviews.is_empty() && !reviews.values().any(|r| *r == Review::Original) {
            errors.push(file.error(
                "translation",
                "no language is marked \"original\": say which language the entry was written in",
            ));
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
        } else if let Some(problem) = text_problem(&cat.icon, ICON_MAX_CHARS) {
            errors.push(file.error(&format!("{at}.icon"), problem));
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
