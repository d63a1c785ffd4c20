//! Core builds its own packs and queries them: the writer and every reader of the pack
//! format (menus, services, search, nearby, install) on a small city written here, with no
//! publisher involved.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use merhaba_core::content::{CategoriesFile, CityContent, CityFile, ServiceFile};
use merhaba_core::{
    build_pack, install_pack, CityPack, Filter, HoursStatus, LanguageChain, NearbyQuery, Position,
};

const CITY: &str = r#"
id = "tiny"
content_version = 2
languages = ["en", "tr", "ar"]
timezone = "Europe/Istanbul"
country = "TR"
name = { en = "Tiny", tr = "Minik", ar = "الصغيرة" }
centre = { lat = 37.85, lon = 27.85 }
bbox = { south = 37.5, west = 27.5, north = 38.0, east = 28.0 }
[[emergency]]
number = "112"
label = { en = "Emergency", tr = "Acil", ar = "طوارئ" }
source = "https://www.112.gov.tr/"
[[district]]
id = "centre"
name = { en = "Centre", tr = "Merkez", ar = "المركز" }
lat = 37.85
lon = 27.85
"#;

const CATEGORIES: &str = r#"
[[category]]
id = "health"
icon = "H"
name = { en = "Health", tr = "Sağlık", ar = "الصحة" }
[[category.submenu]]
id = "hospitals"
name = { en = "Hospitals", tr = "Hastaneler", ar = "المستشفيات" }
[[category]]
id = "migration"
icon = "M"
name = { en = "Migration", tr = "Göç", ar = "الهجرة" }
[[category.submenu]]
id = "offices"
name = { en = "Offices", tr = "Ofisler", ar = "المكاتب" }
"#;

fn service(id: &str, menu: &str, names: [&str; 3], lat: f64, hours: &str) -> String {
    let [en, tr, ar] = names;
    format!(
        r#"
id = "{id}"
menus = ["{menu}"]
sample = true
checked = "2026-11-01"
source = [{{ url = "https://example.org/{id}", title = "Sample" }}]
name = {{ en = "{en}", tr = "{tr}", ar = "{ar}" }}
summary = {{ en = "About {en}.", tr = "{tr} hakkında.", ar = "عن {ar}." }}
rights = {{ en = "Anyone may ask.", tr = "Herkes sorabilir.", ar = "يمكن لأي شخص أن يسأل." }}
cost = {{ en = "Free.", tr = "Ücretsiz.", ar = "مجاني." }}
[[place]]
name = {{ en = "{en} building", tr = "{tr} binası", ar = "مبنى {ar}" }}
address = {{ en = "Sample street", tr = "Örnek sokak", ar = "شارع" }}
lat = {lat}
lon = 27.85
opening_hours = "{hours}"
"#
    )
}

struct Built {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn build(version: u64) -> Built {
    let city: CityFile = toml::from_str(&CITY.replace(
        "content_version = 2",
        &format!("content_version = {version}"),
    ))
    .unwrap();
    let categories: CategoriesFile = toml::from_str(CATEGORIES).unwrap();
    let services: Vec<ServiceFile> = [
        service(
            "hospital",
            "health/hospitals",
            ["State hospital", "Devlet hastanesi", "المستشفى الحكومي"],
            37.86,
            "24/7",
        ),
        service(
            "migration-office",
            "migration/offices",
            ["Migration office", "Göç idaresi", "مكتب الهجرة"],
            37.851,
            "Mo-Fr 08:30-17:30",
        ),
    ]
    .iter()
    .map(|s| toml::from_str(s).unwrap())
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
    let path = dir.path().join("tiny.sqlite");
    build_pack(&content, &path).unwrap();
    Built { _dir: dir, path }
}

fn open(path: &Path) -> CityPack {
    CityPack::open_checked(path).unwrap()
}

#[test]
fn the_same_content_builds_the_same_bytes() {
    let (a, b) = (build(2), build(2));
    assert_eq!(
        std::fs::read(&a.path).unwrap(),
        std::fs::read(&b.path).unwrap()
    );
}

#[test]
fn menus_and_services_read_back_in_the_readers_language() {
    let built = build(2);
    let pack = open(&built.path);
    let chain = LanguageChain::new("tr", pack.languages());
    let city = pack.city(&chain).unwrap();
    assert_eq!(
        (city.id.as_str(), city.name.value.as_str()),
        ("tiny", "Minik")
    );
    assert_eq!(city.build_date, "2026-11-01");
    let categories = pack.categories(&chain).unwrap();
    let names: Vec<&str> = categories.iter().map(|c| c.name.value.as_str()).collect();
    assert_eq!(names, ["Sağlık", "Göç"]);
    let service = pack.service("hospital", &chain).unwrap().unwrap();
    assert_eq!(service.name.value, "Devlet hastanesi");
    assert_eq!(service.submenus[0].0, "hospitals");
    assert!(pack.service("nothing", &chain).unwrap().is_none());
}

#[test]
fn search_finds_by_prefix_typo_and_arabic_article_in_any_language() {
    let built = build(2);
    let pack = open(&built.path);
    let first = |query: &str, reader: &str| -> Option<String> {
        pack.search_hits(query, reader, 5)
            .unwrap()
            .into_iter()
            .next()
            .map(|h| h.service_id)
    };
    assert_eq!(first("hast", "tr").as_deref(), Some("hospital"));
    assert_eq!(first("goc ida", "tr").as_deref(), Some("migration-office"));
    // One letter wrong in a name of five letters or more.
    assert_eq!(first("hospitel", "en").as_deref(), Some("hospital"));
    // Without the article: "مستشفى" finds "المستشفى".
    assert_eq!(first("مستشفى", "ar").as_deref(), Some("hospital"));
    assert_eq!(first("zzzz", "en"), None);
    // A mark inside a word (U+0616) or a circled letter: a search, never an FTS5 error
    // (found by fuzzing, fuzz/regressions/search/).
    for query in [
        "tc\u{0616}h",
        "hast\u{0616}ane",
        "Ⓗastane",
        "\u{0301}\u{0301}",
    ] {
        pack.search_hits(query, "tr", 5).unwrap();
    }
    assert_eq!(first("hast\u{0616}", "tr").as_deref(), Some("hospital"));
    let results = pack
        .search("hast", &LanguageChain::new("en", pack.languages()), 5)
        .unwrap();
    assert_eq!(results[0].found_in, "tr");
    assert!(!results[0].in_reader_language);
}

#[test]
fn nearby_rows_come_nearest_first_with_topic_and_hours() {
    let built = build(2);
    let pack = open(&built.path);
    let chain = LanguageChain::new("en", pack.languages());
    let data = pack.nearby_data().unwrap();
    // Saturday 2026-11-28, 10:00 in Istanbul time: the office is closed, the hospital open.
    let now: DateTime<Utc> = "2026-11-28T07:00:00Z".parse().unwrap();
    let mut query = NearbyQuery {
        at: Position::new(37.85, 27.85).unwrap(),
        k: 10,
        filter: Filter::default(),
        now,
    };
    let rows = pack.nearby(&data, &query, &chain).unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.service_id.as_str()).collect();
    assert_eq!(ids, ["migration-office", "hospital"]);
    assert_eq!(rows[0].rank, 1);
    assert_eq!(rows[0].place_name.value, "Migration office building");
    assert_eq!(rows[0].category.as_ref().unwrap().1.value, "Migration");
    assert!(
        (rows[0].distance_m - 111.2).abs() < 1.0,
        "{}",
        rows[0].distance_m
    );
    assert!(matches!(
        rows[0].hours.as_ref().unwrap().status,
        HoursStatus::OpensAt(_)
    ));
    assert_eq!(
        rows[1].hours.as_ref().unwrap().status,
        HoursStatus::AlwaysOpen
    );
    assert_eq!(rows[0].geo_uri, "geo:37.851000,27.850000");

    query.filter.open_at = Some(now);
    let open: Vec<String> = pack
        .nearby(&data, &query, &chain)
        .unwrap()
        .into_iter()
        .map(|r| r.service_id)
        .collect();
    assert_eq!(open, ["hospital"]);
    query.filter = Filter {
        categories: vec!["migration".into()],
        open_at: None,
    };
    assert_eq!(pack.nearby(&data, &query, &chain).unwrap().len(), 1);
}

#[test]
fn an_older_pack_never_replaces_a_newer_one() {
    let (old, new) = (build(2), build(3));
    let dir = tempfile::tempdir().unwrap();
    let installed = install_pack(dir.path(), &std::fs::read(&new.path).unwrap()).unwrap();
    install_pack(dir.path(), &std::fs::read(&old.path).unwrap()).unwrap();
    assert_eq!(CityPack::open(&installed).unwrap().content_version(), 3);
}

/// A pack held in memory (the web has no files) opens with the same checks and answers the
/// same; bytes that are not a pack are refused under the name given.
#[test]
fn a_pack_opens_from_memory_as_from_its_file() {
    let built = build(2);
    let bytes = std::fs::read(&built.path).unwrap();
    let name = Path::new("memory/tiny.sqlite");
    let in_memory = CityPack::from_bytes(&bytes, name).unwrap();
    let from_file = open(&built.path);
    assert_eq!(in_memory.path(), name);
    assert_eq!(in_memory.content_version(), from_file.content_version());
    assert_eq!(in_memory.languages(), from_file.languages());
    let hits = |pack: &CityPack| -> Vec<String> {
        pack.search_hits("hast", "tr", 5)
            .unwrap()
            .into_iter()
            .map(|h| h.service_id)
            .collect()
    };
    assert_eq!(hits(&in_memory), hits(&from_file));
    assert!(!hits(&in_memory).is_empty());

    let mut damaged = bytes.clone();
    damaged[68..72].copy_from_slice(&0x1234_5678_u32.to_be_bytes()); // application_id
    let err = CityPack::from_bytes(&damaged, name).err().expect("refused");
    assert!(err.to_string().contains("memory/tiny.sqlite"), "{err}");
    assert!(CityPack::from_bytes(b"not a pack", name).is_err());
    assert!(CityPack::from_bytes(&[], name).is_err());
}
