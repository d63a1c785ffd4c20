//! The content model as screens read it: every text carries the language it is shown in.

use serde::Serialize;

mod course;
mod path;
pub use course::{
    Card, Course, CourseSummary, Lesson, LessonSummary, Picture, Question, QuestionKind, Step,
};
pub use path::{FirstStepsPath, PathStep, PathSummary};

/// A piece of content text together with the language it was found in.
///
/// When the reader's language has no translation, `lang` names the fallback
/// language that was used instead, so a screen can say so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub value: String,
    pub lang: String,
}

impl Text {
    /// True when this text is not in the reader's language.
    pub fn is_fallback_for(&self, reader: &str) -> bool {
        self.lang != reader
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EmergencyNumber {
    pub number: String,
    pub label: Text,
}

/// Facts about the city pack as a whole.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct City {
    pub id: String,
    pub name: Text,
    pub languages: Vec<String>,
    pub content_version: u64,
    pub build_date: String,
    /// Where "Report a problem" writes to (`crate::feedback`), when the city names it.
    pub report_to: Option<String>,
    /// The language the city's offices work in (a slip shows it beside the client's).
    pub local_language: String,
    /// The city's menus in the reader's language are a translation not yet checked by a
    /// fluent speaker.
    pub unreviewed: bool,
    pub emergency: Vec<EmergencyNumber>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CategorySummary {
    pub id: String,
    pub icon: String,
    pub name: Text,
    pub service_count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SubmenuSummary {
    pub id: String,
    pub name: Text,
    pub service_count: u32,
}

/// A category with its submenus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Category {
    pub id: String,
    pub icon: String,
    pub name: Text,
    pub submenus: Vec<SubmenuSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ServiceSummary {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    pub sample: bool,
}

/// A submenu with the services in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Submenu {
    pub id: String,
    pub name: Text,
    pub category_id: String,
    pub category_name: Text,
    pub services: Vec<ServiceSummary>,
}

/// One place where a service is delivered (HSDS: location + service_at_location).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    pub name: Text,
    pub address: Text,
    pub lat: f64,
    pub lon: f64,
    /// OSM `opening_hours` syntax, as in the source.
    pub opening_hours: Option<String>,
    /// The place's own number (national helplines are the service's `helplines`).
    pub phone: Option<String>,
    /// Pages backing the address, hours and phone.
    pub sources: Vec<Source>,
    /// The service left this building on this day (YYYY-MM-DD): nobody is sent there.
    pub closed_since: Option<String>,
    /// Where it went, when known.
    pub moved_to: Option<MovedTo>,
}

impl Place {
    /// The service no longer works here.
    pub fn is_closed(&self) -> bool {
        self.closed_since.is_some() || self.moved_to.is_some()
    }
}

/// The place a service moved to (`Place::moved_to`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MovedTo {
    pub service_id: String,
    pub name: Text,
    pub address: Text,
}

impl Place {
    /// A `geo:` URI that the phone's map apps (including offline ones) open.
    pub fn geo_uri(&self) -> String {
        format!("geo:{:.6},{:.6}", self.lat, self.lon)
    }
}

/// The same place on OpenStreetMap's web map, for browsers that hand `geo:` to no map app
/// (iOS Safari, desktop browsers): from a URI [`Place::geo_uri`] made. It names the place's
/// position, never the person's.
pub fn web_map_url(geo_uri: &str) -> Option<String> {
    let (lat, lon) = geo_uri.strip_prefix("geo:")?.split_once(',')?;
    let (lat, lon): (f64, f64) = (lat.parse().ok()?, lon.parse().ok()?);
    Some(format!(
        "https://www.openstreetmap.org/?mlat={lat:.6}&mlon={lon:.6}#map=17/{lat:.6}/{lon:.6}"
    ))
}

/// A `tel:` URI for a phone number as written in the content.
pub fn tel_uri(number: &str) -> String {
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    format!("tel:{digits}")
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    pub url: String,
    pub title: Text,
}

/// A page the facts come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    pub url: String,
    pub title: String,
    /// When it was read (YYYY-MM-DD).
    pub read: Option<String>,
    /// The sections it backs (`crate::content::SECTIONS`); empty: the entry as a whole.
    pub sections: Vec<String>,
}

/// An entry whose facts were last checked (or, a sample, drafted) longer ago than this
/// may be out of date, and says so.
pub const FRESH_FOR_MONTHS: u32 = 12;

/// A service page: the four questions, where the facts come from, and whether it is a sample.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Service {
    pub id: String,
    pub name: Text,
    pub summary: Text,
    /// 1. Rights and obligations.
    pub rights: Text,
    /// 2. Cost.
    pub cost: Text,
    /// 3. Location: the places, and an optional note (e.g. "online only").
    pub location_note: Option<Text>,
    /// What to bring (documents, photos), when the entry says.
    pub bring: Option<Text>,
    pub places: Vec<Place>,
    /// 4. Internet resources.
    pub links: Vec<Link>,
    /// Pages behind the entry as a whole and behind its sections (`sources_for`).
    pub sources: Vec<Source>,
    /// National numbers that help with this service ("Helpline 157").
    pub helplines: Vec<String>,
    /// When an editor verified the entry; `None` for a sample.
    pub checked: Option<String>,
    /// When a sample was written.
    pub drafted: Option<String>,
    pub sample: bool,
    /// Its pages carry Quick exit (`ServiceFile::sensitive`).
    pub sensitive: bool,
    /// The page's texts in the reader's language are a translation not yet checked by a
    /// fluent speaker.
    pub unreviewed: bool,
    /// The submenus this service appears in (id, name), for breadcrumbs.
    pub submenus: Vec<(String, Text)>,
}

impl Service {
    /// The sources backing `section` (one of `crate::content::SECTIONS`).
    pub fn sources_for(&self, section: &str) -> Vec<&Source> {
        self.sources
            .iter()
            .filter(|s| s.sections.iter().any(|x| x == section))
            .collect()
    }

    /// The sources that back the entry as a whole.
    pub fn general_sources(&self) -> Vec<&Source> {
        self.sources
            .iter()
            .filter(|s| s.sections.is_empty())
            .collect()
    }

    /// The date the entry's facts stand on: checked, or (a sample) drafted.
    pub fn dated(&self) -> Option<&str> {
        self.checked.as_deref().or(self.drafted.as_deref())
    }

    /// Whether the entry was checked (or drafted) more than `FRESH_FOR_MONTHS` before
    /// `today`, so its facts may have changed.
    pub fn out_of_date(&self, today: chrono::NaiveDate) -> bool {
        self.dated()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .and_then(|d| d.checked_add_months(chrono::Months::new(FRESH_FOR_MONTHS)))
            .is_some_and(|fresh_until| fresh_until < today)
    }

    /// True when any text on the page is shown in a language other than the reader's.
    pub fn has_fallback_for(&self, reader: &str) -> bool {
        self.fallback_language(reader).is_some()
    }

    /// The language shown instead of the reader's, for the first text of the page (in
    /// reading order) that is not translated; `None` when the whole page is translated.
    pub fn fallback_language(&self, reader: &str) -> Option<&str> {
        let mut texts = vec![&self.name, &self.summary, &self.rights, &self.cost];
        texts.extend(self.location_note.iter());
        texts.extend(self.bring.iter());
        texts.extend(self.places.iter().flat_map(|p| [&p.name, &p.address]));
        texts.extend(self.links.iter().map(|l| &l.title));
        texts
            .into_iter()
            .find(|t| t.is_fallback_for(reader))
            .map(|t| t.lang.as_str())
    }
}

/// Where a service sits in the guide: a category and one of its submenus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MenuPath {
    pub category_id: String,
    pub category_name: Text,
    pub submenu_id: String,
    pub submenu_name: Text,
}

/// A district or landmark a person can pick as "where I am".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Locality {
    pub id: String,
    pub name: Text,
    pub position: crate::position::Position,
    pub landmark: bool,
}

/// A search result as a screen shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResult {
    pub service: ServiceSummary,
    pub path: Vec<MenuPath>,
    /// The language the query matched in.
    pub found_in: String,
    pub in_reader_language: bool,
}

/// One place on the Nearby list and map, nearest first (`CityPack::nearby`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NearbyRow {
    /// 1 for the nearest.
    pub rank: usize,
    pub service_id: String,
    pub service_name: Text,
    /// The place's position in its service's list of places.
    pub place: usize,
    pub place_name: Text,
    /// The icon and name of the first topic the service is listed under.
    pub category: Option<(String, Text)>,
    pub position: crate::position::Position,
    pub distance_m: f64,
    /// Initial bearing from the person to the place, degrees clockwise from north.
    pub bearing_deg: f64,
    pub hours: Option<HoursLine>,
    pub phone: Option<String>,
    pub geo_uri: String,
    pub sample: bool,
}

/// What a place's opening hours say at the moment asked, with the city's date then, so a
/// screen can word "today" or "tomorrow".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HoursLine {
    pub status: crate::hours::HoursStatus,
    /// The rule as written in the content.
    pub raw: String,
    pub today: chrono::NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_checked_over_a_year_ago_is_out_of_date() {
        let text = |v: &str| Text {
            value: v.into(),
            lang: "en".into(),
        };
        let mut s = Service {
            id: "x".into(),
            name: text("x"),
            summary: text("x"),
            rights: text("x"),
            cost: text("x"),
            location_note: None,
            bring: None,
            places: vec![],
            links: vec![],
            sources: vec![],
            helplines: vec![],
            checked: Some("2025-11-30".into()),
            drafted: None,
            sample: false,
            sensitive: false,
            unreviewed: false,
            submenus: vec![],
        };
        let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        assert!(!s.out_of_date(day("2026-11-30")));
        assert!(s.out_of_date(day("2026-12-01")));
        s.checked = None;
        assert!(!s.out_of_date(day("2030-01-01")), "no date, no claim");
        s.drafted = Some("2024-02-29".into());
        assert!(s.out_of_date(day("2025-03-01")));
        assert!(!s.out_of_date(day("2025-02-28")));
    }

    #[test]
    fn a_web_map_shows_the_place_a_geo_uri_names() {
        assert_eq!(
            web_map_url("geo:37.842000,27.813000").as_deref(),
            Some("https://www.openstreetmap.org/?mlat=37.842000&mlon=27.813000#map=17/37.842000/27.813000")
        );
        for not_geo in ["", "geo:", "geo:37.8", "geo:a,b", "https://example.org/"] {
            assert_eq!(web_map_url(not_geo), None, "{not_geo}");
        }
    }
}
