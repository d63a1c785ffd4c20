//! Packs for the tests of this module: a small city with as many services as asked, built
//! by the real writer, which a test may then damage or craft through a writable connection.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::content::{CategoriesFile, CityContent, CityFile, CourseFile, ServiceFile};

const CITY: &str = r#"
id = "tiny"
content_version = 1
languages = ["en"]
timezone = "Europe/Istanbul"
country = "TR"
name = { en = "Tiny" }
centre = { lat = 37.85, lon = 27.85 }
bbox = { south = 37.5, west = 27.5, north = 38.0, east = 28.0 }
[[emergency]]
number = "112"
label = { en = "Emergency" }
source = "https://www.112.gov.tr/"
"#;

const CATEGORIES: &str = r#"
[[category]]
id = "health"
icon = "H"
name = { en = "Health" }
[[category.submenu]]
id = "hospitals"
name = { en = "Hospitals" }
[[category]]
id = "migration"
icon = "M"
name = { en = "Migration" }
[[category.submenu]]
id = "offices"
name = { en = "Offices" }
"#;

fn service(i: usize) -> String {
    let menu = match i % 2 {
        0 => "health/hospitals",
        _ => "migration/offices",
    };
    let lat = 37.6 + (i % 997) as f64 * 0.0003;
    format!(
        r#"
id = "service-{i}"
menus = ["{menu}"]
sample = false
checked = "2026-11-01"
source = [{{ url = "https://example.org/{i}", title = "Source {i}" }}]
name = {{ en = "Service {i}" }}
summary = {{ en = "About service {i}." }}
rights = {{ en = "Anyone may ask." }}
cost = {{ en = "Free." }}
[[place]]
name = {{ en = "Building {i}" }}
address = {{ en = "Street {i}" }}
lat = {lat}
lon = 27.85
opening_hours = "Mo-Fr 08:30-17:30"
[[link]]
url = "https://example.org/{i}/page"
title = {{ en = "Page {i}" }}
"#
    )
}

/// A pack of `services` services, one place each, in a temporary folder.
pub(crate) fn pack_of(services: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.sqlite");
    pack_with_courses(services, &[], &Default::default(), &path);
    (dir, path)
}

/// Writes to `path` a pack of `services` services and the courses given.
pub(crate) fn pack_with_courses(
    services: usize,
    courses: &[CourseFile],
    images: &BTreeMap<String, Vec<u8>>,
    path: &std::path::Path,
) {
    let city: CityFile = toml::from_str(CITY).unwrap();
    let categories: CategoriesFile = toml::from_str(CATEGORIES).unwrap();
    let services: Vec<ServiceFile> = (0..services)
        .map(|i| toml::from_str(&service(i)).unwrap())
        .collect();
    let content = CityContent {
        city: &city,
        categories: &categories.category,
        services: services.iter().collect(),
        paths: Vec::new(),
        courses: courses.iter().collect(),
        course_images: images,
        holidays: &[],
    };
    super::build_pack(&content, path).unwrap();
}

/// Runs `sql` on the pack at `path` through a writable connection, as an attacker would.
pub(crate) fn craft(path: &std::path::Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}
