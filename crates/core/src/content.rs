//! The content model: what editors write for one city, as the publisher reads it from
//! `content/<city>/` (`city.toml`, `categories.toml`, `services/<id>.toml`; see
//! docs/content-format.md) and as the pack writer (`crate::pack::write`) takes it.
//!
//! These are plain data with the field names of the source files; reading the files, with
//! errors that name the file, line and field, and every check beyond syntax belong to the
//! publisher (`merhaba-pack`).

use std::collections::BTreeMap;

use serde::Deserialize;

mod course;
pub use course::*;

/// Text in several languages: language code → text.
pub type Translations = BTreeMap<String, String>;

/// How one language's texts of an entry came to be. A reader of an `Unreviewed` language is
/// told so on the page: a translation no fluent speaker has checked is never passed off as
/// checked.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Review {
    /// Written in this language.
    Original,
    /// Translated and checked by a fluent speaker.
    Reviewed,
    /// Translated (by a person or with a machine's help) and not yet checked.
    Unreviewed,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Original => "original",
            Review::Reviewed => "reviewed",
            Review::Unreviewed => "unreviewed",
        }
    }

    pub fn parse(value: &str) -> Option<Review> {
        [Review::Original, Review::Reviewed, Review::Unreviewed]
            .into_iter()
            .find(|r| r.as_str() == value)
    }
}

/// The review status of each language of an entry: language code → status.
pub type Reviews = BTreeMap<String, Review>;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundingBox {
    pub south: f64,
    pub west: f64,
    pub north: f64,
    pub east: f64,
}

impl BoundingBox {
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        (self.south..=self.north).contains(&lat) && (self.west..=self.east).contains(&lon)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencySource {
    pub number: String,
    pub label: Translations,
    pub source: String,
}

/// `city.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CityFile {
    pub id: String,
    pub content_version: u64,
    /// Every entry must be complete in these languages.
    pub languages: Vec<String>,
    /// Languages that may be incomplete; the app falls back for missing texts.
    #[serde(default)]
    pub partial_languages: Vec<String>,
    pub timezone: String,
    /// ISO 3166-1 alpha-2: whose public holidays `PH` in opening hours means.
    pub country: String,
    pub name: Translations,
    /// The review status of each language of city.toml and categories.toml (the validator
    /// requires one for every language).
    #[serde(default)]
    pub translation: Reviews,
    pub centre: Point,
    pub bbox: BoundingBox,
    pub emergency: Vec<EmergencySource>,
    /// Districts a person can pick as "where I am" when the device gives no position.
    #[serde(default)]
    pub district: Vec<LocalitySource>,
    /// Well-known places a person can pick as "where I am".
    #[serde(default)]
    pub landmark: Vec<LocalitySource>,
    /// Where "Report a problem" writes to: a `mailto:` address or an `https://` form.
    pub report_to: Option<String>,
    /// The language offices in the city work in (one of `languages`): a slip shows it beside
    /// the client's. Without it, the first of `languages`.
    pub local_language: Option<String>,
}

/// `holidays.toml`: public holidays the country calendar of the hours engine lacks (those
/// that move every year) and half days, from a cited official list.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaysFile {
    #[serde(default)]
    pub source: Vec<SourceRef>,
    #[serde(default)]
    pub holiday: Vec<HolidaySource>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidaySource {
    /// YYYY-MM-DD.
    pub date: String,
    pub name: String,
    /// A half day: a holiday from this time (HH:MM) on.
    pub from: Option<String>,
}

/// A named point to start "Nearby" from: a district centre or a landmark.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalitySource {
    pub id: String,
    pub name: Translations,
    pub lat: f64,
    pub lon: f64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmenuSource {
    pub id: String,
    pub name: Translations,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySource {
    pub id: String,
    pub icon: String,
    pub name: Translations,
    pub submenu: Vec<SubmenuSource>,
}

/// `categories.toml`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoriesFile {
    pub category: Vec<CategorySource>,
}

/// The sections of a service page a source can back (`SourceRef::sections`).
pub const SECTIONS: [&str; 4] = ["summary", "rights", "cost", "location"];

/// A page the facts of an entry come from.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub url: String,
    pub title: String,
    /// When the page was read (YYYY-MM-DD).
    pub read: Option<String>,
    /// The sections it backs (`SECTIONS`); none: the entry as a whole.
    #[serde(default, rename = "for")]
    pub sections: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceSource {
    /// Unique in the city; names the place for another's `moved_to`.
    pub id: Option<String>,
    pub name: Translations,
    pub address: Translations,
    pub lat: f64,
    pub lon: f64,
    pub opening_hours: Option<String>,
    /// This place's own number: never a national helpline.
    pub phone: Option<String>,
    /// Pages backing this place's address, hours and phone.
    #[serde(default)]
    pub source: Vec<SourceRef>,
    /// The service left this building on this day (YYYY-MM-DD)…
    pub closed_since: Option<String>,
    /// …for the place with this id.
    pub moved_to: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LinkSource {
    pub url: String,
    pub title: Translations,
}

/// `services/<id>.toml`: one service and its answers to the four questions.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceFile {
    pub id: String,
    /// `category/submenu` pairs this service is listed under.
    pub menus: Vec<String>,
    pub sample: bool,
    /// Samples: when the entry was written.
    pub drafted: Option<String>,
    /// Entries that are not samples: when an editor verified them against their sources.
    pub checked: Option<String>,
    /// Someone may be put at risk if another person sees that the reader looked at this
    /// entry (a women's shelter, help against violence, mental health): its pages carry
    /// Quick exit.
    #[serde(default)]
    pub sensitive: bool,
    pub source: Vec<SourceRef>,
    /// National numbers that help with this service (shown as "Helpline 157").
    #[serde(default)]
    pub helpline: Vec<String>,
    /// The review status of each language of this entry's texts (the validator requires one
    /// for every language).
    #[serde(default)]
    pub translation: Reviews,
    pub name: Translations,
    pub summary: Translations,
    pub rights: Translations,
    pub cost: Translations,
    pub location: Option<Translations>,
    /// What to bring (documents, photos, an appointment), as the slip and first-steps paths
    /// say it; optional.
    pub bring: Option<Translations>,
    /// Extra search words (other names, common misspellings); any language, optional.
    pub keywords: Option<Translations>,
    #[serde(default)]
    pub place: Vec<PlaceSource>,
    #[serde(default)]
    pub link: Vec<LinkSource>,
}

/// `paths/<id>.toml`: a first-steps path, an ordered checklist for one common situation
/// ("Newly under temporary protection"), each step a service of the city.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathFile {
    pub id: String,
    /// Where the path is listed among the city's paths (lowest first).
    pub order: u32,
    pub sample: bool,
    pub drafted: Option<String>,
    pub checked: Option<String>,
    #[serde(default)]
    pub translation: Reviews,
    pub title: Translations,
    /// Who the path is for, in a sentence.
    pub audience: Translations,
    #[serde(default)]
    pub step: Vec<StepSource>,
}

/// One step of a path: a service, and what to know about it on this path.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepSource {
    /// The id of a service of the city.
    pub service: String,
    pub note: Option<Translations>,
}

/// The whole content of one city, as the pack writer takes it: services in the order
/// they are written (the publisher sorts them by file name).
#[derive(Clone, Debug)]
pub struct CityContent<'a> {
    pub city: &'a CityFile,
    pub categories: &'a [CategorySource],
    pub services: Vec<&'a ServiceFile>,
    /// In the order of their `order`.
    pub paths: Vec<&'a PathFile>,
    /// In the order of their `order`.
    pub courses: Vec<&'a CourseFile>,
    /// The pictures courses show: file name in `courses/images/` → its bytes.
    pub course_images: &'a BTreeMap<String, Vec<u8>>,
    pub holidays: &'a [HolidaySource],
}

impl PlaceSource {
    /// Whether the service has left this place (`closed_since` or `moved_to`): nobody is
    /// sent there.
    pub fn has_left(&self) -> bool {
        self.closed_since.is_some() || self.moved_to.is_some()
    }
}

impl ServiceFile {
    /// The date of the entry: when it was checked, or (a sample) drafted.
    pub fn date(&self) -> &str {
        self.checked
            .as_deref()
            .or(self.drafted.as_deref())
            .unwrap_or_default()
    }
}
