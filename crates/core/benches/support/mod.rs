//! A synthetic city for the benches: `services` services with `places` places each, spread
//! over the Aydın province as places of a real city are, built into a real pack by the
//! real writer.

use std::fmt::Write;
use std::path::PathBuf;

use merhaba_core::content::{CategoriesFile, CityContent, CityFile, ServiceFile};

const CATEGORIES: usize = 12;

const HOURS: &[&str] = &[
    "Mo-Fr 08:00-12:00,13:00-17:00; PH off",
    "Mo-Sa 09:00-19:00",
    "24/7",
    "Apr-Oct Mo-Su 08:30-19:00; Nov-Mar Mo-Su 08:30-17:00",
    "Mo-Su 00:00-24:00",
];

/// xorshift64*, so every run builds the same city.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Builds the pack into a temporary folder; returns the folder and the pack's path.
pub fn build_city(services: usize, places: usize) -> (tempfile::TempDir, PathBuf) {
    let city: CityFile = toml::from_str(
        r#"
id = "bench"
content_version = 1
languages = ["en", "tr"]
timezone = "Europe/Istanbul"
country = "TR"
name = { en = "Bench", tr = "Bench" }
centre = { lat = 37.845, lon = 27.845 }
bbox = { south = 37.2, west = 26.9, north = 38.3, east = 29.0 }
[[emergency]]
number = "112"
label = { en = "Emergency", tr = "Acil" }
source = "https://www.112.gov.tr/"
"#,
    )
    .unwrap();
    let mut categories = String::new();
    for c in 0..CATEGORIES {
        write!(
            categories,
            "[[category]]\nid = \"c{c}\"\nicon = \"*\"\nname = {{ en = \"Topic {c}\", tr = \"Konu {c}\" }}\n\
             [[category.submenu]]\nid = \"s{c}\"\nname = {{ en = \"Sub {c}\", tr = \"Alt {c}\" }}\n"
        )
        .unwrap();
    }
    let categories: CategoriesFile = toml::from_str(&categories).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let services: Vec<ServiceFile> = (0..services)
        .map(|i| {
            let c = i % CATEGORIES;
            let mut text = format!(
                "id = \"service-{i}\"\nmenus = [\"c{c}/s{c}\"]\nsample = false\nchecked = \"2026-11-01\"\n\
                 source = [{{ url = \"https://example.org/{i}\", title = \"Source\" }}]\n\
                 name = {{ en = \"Office {i} harbour\", tr = \"Ofis {i}\" }}\n\
                 summary = {{ en = \"An office near the sea, number {i}.\", tr = \"Bir ofis.\" }}\n\
                 rights = {{ en = \"Ask at the desk.\", tr = \"Masaya sorun.\" }}\n\
                 cost = {{ en = \"Free.\", tr = \"Ücretsiz.\" }}\n"
            );
            for p in 0..places {
                let (lat, lon) = if rng.next() < 0.7 {
                    (37.845 + (rng.next() - 0.5) * 0.15, 27.845 + (rng.next() - 0.5) * 0.18)
                } else {
                    (37.25 + rng.next(), 26.95 + rng.next() * 2.0)
                };
                let hours = HOURS[(i + p) % HOURS.len()];
                write!(
                    text,
                    "[[place]]\nname = {{ en = \"Desk {p}\", tr = \"Masa {p}\" }}\n\
                     address = {{ en = \"Street {p}\", tr = \"Sokak {p}\" }}\n\
                     lat = {lat}\nlon = {lon}\nopening_hours = \"{hours}\"\n"
                )
                .unwrap();
            }
            toml::from_str(&text).unwrap()
        })
        .collect();
    let content = CityContent {
        city: &city,
        categories: &categories.category,
        services: services.iter().collect(),
        paths: Vec::new(),
        courses: Vec::new(),
        course_images: &Default::default(),
        holidays: &[],
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite");
    merhaba_core::build_pack(&content, &path).unwrap();
    (dir, path)
}
