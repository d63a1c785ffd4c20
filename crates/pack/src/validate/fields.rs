//! Checks of single values: ids, coordinates, URLs, phone numbers, dates, opening hours.

use crate::source::{ContentError, Parsed};

use super::text::{shown, too_long};

/// The longest id: ids are file names and parts of routes.
pub const ID_MAX_CHARS: usize = 64;
/// The longest URL.
pub const URL_MAX_CHARS: usize = 2000;
/// The longest phone number as written (digits, spaces and signs).
pub const PHONE_MAX_CHARS: usize = 32;
/// The longest opening-hours string (the reader's limit too).
pub use merhaba_core::hours::HOURS_MAX_CHARS;

pub(super) fn check_id<T>(file: &Parsed<T>, field: &str, id: &str, errors: &mut Vec<ContentError>) {
    if let Some(problem) = too_long(id, ID_MAX_CHARS) {
        errors.push(file.error(field, problem));
        return;
    }
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

pub(super) fn check_coordinates<T>(
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

/// A link people follow from the app, by the rule the app's pack reader applies again
/// (`merhaba_core::link_refusal`: https to a named host, nothing that reads as another host).
pub(super) fn check_url<T>(
    file: &Parsed<T>,
    field: &str,
    value: &str,
    errors: &mut Vec<ContentError>,
) {
    if let Some(problem) = too_long(value, URL_MAX_CHARS) {
        errors.push(file.error(field, problem));
        return;
    }
    if let Some(problem) = merhaba_core::link_refusal(value) {
        errors.push(file.error(field, problem));
    }
}

pub(super) fn check_phone<T>(
    file: &Parsed<T>,
    field: &str,
    value: &str,
    errors: &mut Vec<ContentError>,
) {
    if let Some(problem) = too_long(value, PHONE_MAX_CHARS) {
        errors.push(file.error(field, problem));
        return;
    }
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

/// A date written YYYY-MM-DD, and (when `today` is given) not after it.
pub(super) fn check_date<T>(
    file: &Parsed<T>,
    field: &str,
    value: &str,
    today: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    if let Some(problem) = too_long(value, 10) {
        errors.push(file.error(field, problem));
        return;
    }
    let parts: Vec<u32> = value.split('-').filter_map(|p| p.parse().ok()).collect();
    let valid = value.len() == 10
        && matches!(parts.as_slice(), [y, m, d] if (2000..=2100).contains(y) && (1..=12).contains(m)
            && (1..=days_in_month(*y, *m)).contains(d));
    if !valid {
        errors.push(file.error(field, format!("`{value}` is not a date written YYYY-MM-DD")));
    } else if let Some(today) = today.filter(|today| value > *today) {
        errors.push(file.error(
            field,
            format!("`{value}` is in the future (today is {today}): write the day the facts were checked"),
        ));
    }
}

/// An OSM `opening_hours` string the app can evaluate: not longer than OSM allows, and read
/// by the same parser the app uses. A bad one is quoted cut short, not echoed whole.
pub(super) fn check_hours<T>(
    file: &Parsed<T>,
    field: &str,
    value: &str,
    errors: &mut Vec<ContentError>,
) {
    if let Some(problem) = too_long(value, HOURS_MAX_CHARS) {
        errors.push(file.error(field, problem));
        return;
    }
    if let Err(e) = opening_hours_syntax::parse(value) {
        let reason = e.to_string();
        let reason = reason.lines().next().unwrap_or_default();
        errors.push(file.error(
            field,
            format!(
                "`{}` is not valid OSM opening_hours syntax: {}",
                shown(value),
                shown(reason)
            ),
        ));
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
