//! Integration tests of the publisher and the store: a pack built from `fixtures/mini`
//! answers each screen's queries; builds are byte-identical; every kind of bad input is
//! refused with an error naming the file, the line or field, and the problem.

use std::path::{Path, PathBuf};

mod common;

use common::copy_dir;
use merhaba_core::{install_pack, CityPack, LanguageChain};
use rusqlite::OptionalExtension;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// A copy of the fixture in a temporary folder, so a test can break one file.
fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    dir
}

fn build(dir: &Path, out: &Path) {
    let source = merhaba_pack::load(dir).unwrap_or_else(|e| panic!("{e:?}"));
    merhaba_core::build_pack(&source.content(), out).unwrap();
}

fn built_pack() -> (tempfile::TempDir, CityPack) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mini.sqlite");
    build(&fixture(), &out);
    let pack = CityPack::open(&out).unwrap();
    (dir, pack)
}

fn chain(pack: &CityPack, reader: &str) -> LanguageChain {
    LanguageChain::new(reader, pack.languages())
}

#[test]
fn building_twice_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.sqlite"), dir.path().join("b.sqlite"));
    build(&fixture(), &a);
    build(&fixture(), &b);
    let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(a.len() > 4096);
    assert!(a == b, "two builds of the same source differ");
}

#[test]
fn the_pack_records_its_versions_and_languages() {
    let (_dir, pack) = built_pack();
    let schema = merhaba_core::pack::schema::PACK_SCHEMA_VERSION.to_string();
    assert_eq!(pack.meta("schema_version").unwrap(), schema);
    assert_eq!(pack.meta("content_version").unwrap(), "3");
    assert_eq!(
        pack.meta("build_date").unwrap(),
        "2026-11-02",
        "newest checked date"
    );
    assert_eq!(pack.languages(), ["en", "tr"]);
    assert_eq!(pack.meta("partial_languages").unwrap(), "ar");
}

#[test]
fn city_and_categories_in_the_readers_language() {
    let (_dir, pack) = built_pack();
    let city = pack.city(&chain(&pack, "tr")).unwrap();
    assert_eq!(city.name.value, "Mini Şehir");
    assert_eq!(city.emergency[0].number, "112");
    assert_eq!(city.emergency[0].label.value, "Acil");
    let cats = pack.categories(&chain(&pack, "ar")).unwrap();
    let names: Vec<_> = cats.iter().map(|c| c.name.value.as_str()).collect();
    assert_eq!(names, ["الصحة", "اللغة"], "source order is kept");
    assert_eq!(
        cats[0].service_count, 3,
        "clinic, course and pharmacy are under health"
    );
    assert_eq!(cats[1].service_count, 1);
}

#[test]
fn a_category_lists_its_submenus_and_a_submenu_its_services() {
    let (_dir, pack) = built_pack();
    let en = chain(&pack, "en");
    let cat = pack.category("health", &en).unwrap().unwrap();
    let subs: Vec<_> = cat
        .submenus
        .iter()
        .map(|s| (s.id.as_str(), s.service_count))
        .collect();
    assert_eq!(subs, [("hospitals", 2), ("pharmacies", 1)]);
    let sub = pack.submenu("hospitals", &en).unwrap().unwrap();
    assert_eq!(sub.category_id, "health");
    assert_eq!(sub.category_name.value, "Health");
    let names: Vec<_> = sub.services.iter().map(|s| s.name.value.as_str()).collect();
    assert_eq!(
        names,
        ["Evening Turkish course", "Test clinic"],
        "sorted by name"
    );
    assert!(pack.category("nope", &en).unwrap().is_none());
    assert!(pack.submenu("nope", &en).unwrap().is_none());
    assert!(pack.service("nope", &en).unwrap().is_none());
}

#[test]
fn a_service_answers_the_four_questions() {
    let (_dir, pack) = built_pack();
    let s = pack
        .service("clinic", &chain(&pack, "tr"))
        .unwrap()
        .unwrap();
    assert_eq!(s.name.value, "Test kliniği");
    assert_eq!(s.rights.value, "Randevusuz muayene olabilirsiniz.");
    assert_eq!(s.cost.value, "Ücretsiz.");
    assert_eq!(s.places.len(), 2);
    assert_eq!(s.places[0].address.value, "Test Sokak 1");
    // The old building: closed, and where the clinic went, in the reader's language.
    assert!(s.places[1].is_closed());
    assert_eq!(s.places[1].closed_since.as_deref(), Some("2026-09-01"));
    let moved = s.places[1].moved_to.as_ref().unwrap();
    assert_eq!(
        (moved.service_id.as_str(), moved.name.value.as_str()),
        ("course", "Toplum salonu")
    );
    assert_eq!(s.places[1].sources[0].read.as_deref(), Some("2026-10-01"));
    assert_eq!(s.sources_for("rights")[0].url, "https://example.org/clinic");
    assert_eq!(
        s.places[0].opening_hours.as_deref(),
        Some("Mo-Fr 08:00-17:00")
    );
    assert_eq!(s.places[0].geo_uri(), "geo:37.860000,27.840000");
    assert_eq!(s.links[0].title.value, "Klinik sayfası");
    assert_eq!(s.sources[0].url, "https://example.org/clinic");
    assert_eq!(s.checked, None);
    assert_eq!(s.drafted.as_deref(), Some("2026-10-01"));
    assert!(s.sample);
    assert!(!s.has_fallback_for("tr"));
}

#[test]
fn a_missing_translation_falls_back_to_english_and_says_so() {
    let (_dir, pack) = built_pack();
    let s = pack
        .service("course", &chain(&pack, "ar"))
        .unwrap()
        .unwrap();
    assert_eq!(s.name.value, "Evening Turkish course");
    assert_eq!(s.name.lang, "en");
    assert!(s.has_fallback_for("ar"));
    assert!(!s.sample);
    assert_eq!(s.location_note.unwrap().value, "Lessons are also online.");
    let submenus: Vec<_> = s.submenus.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        submenus,
        ["hospitals", "turkish-courses"],
        "in category order"
    );
}

#[test]
fn installing_keeps_a_newer_pack_and_refuses_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let built = dir.path().join("built.sqlite");
    build(&fixture(), &built);
    let bytes = std::fs::read(&built).unwrap();
    let data = dir.path().join("data");
    let installed = install_pack(&data, &bytes).unwrap();
    assert_eq!(installed.file_name().unwrap(), "mini.sqlite");
    assert_eq!(std::fs::read(&installed).unwrap(), bytes);

    // A damaged pack (a b-tree page overwritten, or the file cut short) is refused and the
    // installed one stays as it was.
    let mut overwritten = bytes.clone();
    overwritten[4096..8192].fill(0xAB);
    let truncated = bytes[..bytes.len() / 2].to_vec();
    for damaged in [overwritten, truncated] {
        assert!(install_pack(&data, &damaged).is_err());
        assert_eq!(std::fs::read(&installed).unwrap(), bytes);
        let left: Vec<_> = std::fs::read_dir(&data)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    // An older content version does not replace a newer one.
    let older = copy_fixture();
    edit(
        older.path(),
        "city.toml",
        "content_version = 3",
        "content_version = 2",
    );
    let older_pack = dir.path().join("older.sqlite");
    build(older.path(), &older_pack);
    install_pack(&data, &std::fs::read(&older_pack).unwrap()).unwrap();
    assert_eq!(std::fs::read(&installed).unwrap(), bytes);

    // A damaged installed pack is replaced by a sound embedded one.
    std::fs::write(&installed, b"garbage").unwrap();
    install_pack(&data, &bytes).unwrap();
    assert_eq!(std::fs::read(&installed).unwrap(), bytes);
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Breaks the fixture with one edit and checks that validation names the file, the line and
/// the field, and says what is wrong.
fn check_rejected(file: &str, from: &str, to: &str, line: Option<usize>, expected: &[&str]) {
    let dir = copy_fixture();
    edit(dir.path(), file, from, to);
    let errors = match merhaba_pack::load(dir.path()) {
        Ok(_) => panic!("{file}: {from:?} → {to:?} was accepted"),
        Err(errors) => errors,
    };
    let error = &errors[0];
    let shown = error.to_string();
    assert!(error.file.ends_with(file), "{shown}");
    assert_eq!(error.line, line, "{shown}");
    for part in expected {
        assert!(shown.contains(part), "{shown:?} should contain {part:?}");
    }
}

#[test]
fn bad_input_is_rejected_with_file_line_field_and_problem() {
    let clinic = "services/clinic.toml";
    // Missing translation in a required language.
    check_rejected(
        clinic,
        "cost = { en = \"Free.\", tr = \"Ücretsiz.\", ",
        "cost = { ",
        Some(9),
        &["field `cost`", "missing translation in `en`"],
    );
    // Duplicate id.
    check_rejected(
        "services/pharmacy.toml",
        "id = \"pharmacy\"",
        "id = \"clinic\"",
        Some(1),
        &["duplicate service id `clinic`", "clinic.toml"],
    );
    check_rejected(
        "categories.toml",
        "id = \"pharmacies\"",
        "id = \"hospitals\"",
        Some(11),
        &["field `category[0].submenu[1].id`", "duplicate submenu id"],
    );
    // Unknown category and submenu.
    check_rejected(
        clinic,
        "health/hospitals",
        "wealth/hospitals",
        Some(2),
        &["field `menus[0]`", "unknown category `wealth`"],
    );
    check_rejected(
        clinic,
        "health/hospitals",
        "health/dentists",
        Some(2),
        &["unknown submenu `dentists` in category `health`"],
    );
    // Coordinates outside the city, and not numbers.
    check_rejected(
        clinic,
        "lat = 37.86",
        "lat = 41.01",
        Some(15),
        &["field `place[0].lat`", "outside the city"],
    );
    check_rejected(
        clinic,
        "lat = 37.86",
        "lat = \"north\"",
        Some(15),
        &["invalid type", "f64"],
    );
    check_rejected(
        clinic,
        "lat = 37.86",
        "lat = nan",
        Some(15),
        &["latitude NaN"],
    );
    // Broken URL.
    check_rejected(
        clinic,
        "url = \"https://example.org/clinic\"\ntitle",
        "url = \"htps//example org\"\ntitle",
        Some(21),
        &["field `link[0].url`", "is not a URL"],
    );
    check_rejected(
        clinic,
        "url = \"https://example.org/clinic\"\ntitle",
        "url = \"ftp://example.org/x\"\ntitle",
        Some(21),
        &["must start with https://"],
    );
    // Invalid opening hours.
    check_rejected(
        clinic,
        "Mo-Fr 08:00-17:00",
        "Mo-Fr 8 to 5",
        Some(17),
        &[
            "field `place[0].opening_hours`",
            "not valid OSM opening_hours",
        ],
    );
    // Unknown field (a typo of a real one).
    check_rejected(
        clinic,
        "sample = true",
        "sampel = true",
        Some(3),
        &["unknown field `sampel`"],
    );
    // Broken file encoding (Latin-1 bytes where UTF-8 is required).
    let dir = copy_fixture();
    let path = dir.path().join(clinic);
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.windows(5).position(|w| w == b"ni\xc4\x9fi").unwrap() + 2;
    bytes.splice(at..at + 2, [0xF0]);
    std::fs::write(&path, bytes).unwrap();
    let errors = merhaba_pack::load(dir.path()).unwrap_err();
    let shown = errors[0].to_string();
    assert!(
        shown.contains("clinic.toml:6:") && shown.contains("not valid UTF-8"),
        "{shown}"
    );
    // A language the city does not have, an empty text and a bad date.
    check_rejected(
        clinic,
        "ar = \"مجاني.\"",
        "fa = \"رایگان\"",
        Some(9),
        &["field `cost.fa`", "not a language of this city"],
    );
    check_rejected(
        clinic,
        "drafted = \"2026-10-01\"",
        "drafted = \"2026-02-30\"",
        Some(4),
        &["not a date"],
    );
    check_rejected(
        clinic,
        "phone = \"+90 256 000 00 00\"",
        "phone = \"call us\"",
        Some(18),
        &["not a phone number"],
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let dir = copy_fixture();
    edit(
        dir.path(),
        "services/clinic.toml",
        "lat = 37.86",
        "lat = 41.01",
    );
    edit(
        dir.path(),
        "services/pharmacy.toml",
        "health/pharmacies",
        "health/nope",
    );
    let errors = merhaba_pack::load(dir.path()).unwrap_err();
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn a_failed_build_leaves_the_previous_pack_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mini.sqlite");
    build(&fixture(), &out);
    let before = std::fs::read(&out).unwrap();
    // A build whose output folder cannot be written fails and leaves `out` as it was.
    let source = merhaba_pack::load(&fixture()).unwrap();
    let blocked = dir.path().join("file-not-folder");
    std::fs::write(&blocked, b"x").unwrap();
    assert!(merhaba_core::build_pack(&source.content(), &blocked.join("mini.sqlite")).is_err());
    assert_eq!(std::fs::read(&out).unwrap(), before);
}

/// The nearby queries of a built pack, through the same CLI editors use: nearest first,
/// filtered by category and by "open now" at a given time, as JSON lines.
#[test]
fn nearby_lists_places_nearest_first_through_the_cli() {
    let (dir, pack) = built_pack();
    let out = dir.path().join("mini.sqlite");
    let run = |args: &[&str]| -> Vec<serde_json::Value> {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_merhaba-pack"))
            .arg("nearby")
            .arg(&out)
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let ids = |lines: &[serde_json::Value]| -> Vec<String> {
        lines
            .iter()
            .map(|l| l["service"].as_str().unwrap().to_string())
            .collect()
    };
    // From the centre (37.85, 27.85): the hall 142 m away, the clinic 1.4 km, the pharmacy 2.3 km.
    let all = run(&["--at", "37.85,27.85"]);
    assert_eq!(ids(&all), ["course", "clinic", "pharmacy"]);
    let distances: Vec<f64> = all
        .iter()
        .map(|l| l["distance_m"].as_f64().unwrap())
        .collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]), "{distances:?}");
    assert!((distances[0] - 141.7).abs() < 0.5, "{distances:?}");
    // The clinic is north-west of the centre.
    let bearing = all[1]["bearing_deg"].as_f64().unwrap();
    assert!((270.0..360.0).contains(&bearing), "{bearing}");
    assert_eq!(all[0]["name"], "Community hall");

    assert_eq!(ids(&run(&["--at", "37.85,27.85", "-k", "1"])), ["course"]);
    assert_eq!(
        ids(&run(&["--at", "37.85,27.85", "--category", "language"])),
        ["course"]
    );
    // Monday 2026-11-30 at 10:00 in Aydın: the clinic is open, the pharmacy (19:00-08:00)
    // is not, the hall opens on Saturdays only.
    let monday = [
        "--at",
        "37.85,27.85",
        "--open-now",
        "--time",
        "2026-11-30T10:00:00+03:00",
    ];
    let open = run(&monday);
    assert_eq!(ids(&open), ["clinic"]);
    assert_eq!(open[0]["hours"]["state"], "open_until");
    assert_eq!(open[0]["hours"]["change"], "2026-11-30T17:00:00");
    // At 21:00 the pharmacy is the one open, until 08:00 the next morning.
    let night = run(&[
        "--at",
        "37.85,27.85",
        "--open-now",
        "--time",
        "2026-11-30T21:00:00+03:00",
    ]);
    assert_eq!(ids(&night), ["pharmacy"]);
    assert_eq!(night[0]["hours"]["change"], "2026-12-01T08:00:00");

    // Bad input is refused with what is wrong.
    for (args, expected) in [
        (vec!["--at", "37.85;27.85"], "LAT,LON"),
        (vec!["--at", "97,27"], "latitude 97 is out of range"),
        (
            vec!["--at", "37.85,27.85", "--category", "nope"],
            "--category nope: no such category",
        ),
        (vec!["-k", "3"], "--at LAT,LON is required"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_merhaba-pack"))
            .arg("nearby")
            .arg(&out)
            .args(&args)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }

    // Districts and landmarks to pick from, districts first, in the reader's language.
    let localities = pack.localities(&chain(&pack, "tr")).unwrap();
    let names: Vec<(&str, bool)> = localities
        .iter()
        .map(|l| (l.name.value.as_str(), l.landmark))
        .collect();
    assert_eq!(names, [("Merkez", false), ("Eski gar", true)]);
    let area = pack.area().unwrap();
    assert!(area.contains(&localities[0].position));
}

#[test]
fn bad_city_places_and_clock_are_rejected() {
    check_rejected(
        "city.toml",
        "timezone = \"Europe/Istanbul\"",
        "timezone = \"Europe/Aydin\"",
        Some(6),
        &[
            "field `timezone`",
            "`Europe/Aydin` is not an IANA time zone",
        ],
    );
    check_rejected(
        "city.toml",
        "country = \"TR\"",
        "country = \"Turkey\"",
        Some(7),
        &["field `country`", "`Turkey` is not an ISO 3166-1"],
    );
    check_rejected(
        "city.toml",
        "lat = 37.86\nlon = 27.86",
        "lat = 39.86\nlon = 27.86",
        Some(28),
        &["field `landmark[0].lat`", "outside the city's bounding box"],
    );
}

/// A pack of 1,200 entries: every one says "office" but one, which says "harbour"; every
/// other one also says "window"; one more names "sea", which every entry's text mentions.
fn offices() -> (tempfile::TempDir, PathBuf, CityPack) {
    let dir = copy_fixture();
    for i in 0..1200 {
        let (word, extra) = match i {
            7 => ("Harbour", ""),
            3 => ("Office", " by the sea"),
            i if i % 2 == 0 => ("Office", " window"),
            _ => ("Office", ""),
        };
        let lower = word.to_lowercase();
        std::fs::write(
            dir.path().join(format!("services/office-{i}.toml")),
            format!(
                r#"id = "office-{i}"
menus = ["health/pharmacies"]
sample = true
drafted = "2026-09-15"
translation = {{ en = "original", tr = "unreviewed", ar = "unreviewed" }}
source = [{{ url = "https://example.org/o", title = "Fixture source" }}]
name = {{ en = "{word} {i}{extra}", tr = "Ofis {i}" }}
summary = {{ en = "An {lower} by the sea.", tr = "Bir ofis." }}
rights = {{ en = "Ask at the {lower}.", tr = "Ofiste sorun." }}
cost = {{ en = "Free.", tr = "Ücretsiz." }}
"#
            ),
        )
        .unwrap();
    }
    let out = dir.path().join("big.sqlite");
    build(dir.path(), &out);
    let pack = CityPack::open(&out).unwrap();
    (dir, out, pack)
}

fn found(pack: &CityPack, query: &str) -> Vec<String> {
    pack.search_hits(query, "en", 3)
        .unwrap()
        .into_iter()
        .map(|h| h.service_id)
        .collect()
}

/// In a large pack, a word found in most entries ("office" here) is left out of a query
/// that has other words, and the query still finds what the other words name. When every
/// word is common, the least common one is searched.
#[test]
fn common_words_of_a_large_pack_do_not_drown_the_query() {
    let (_dir, out, pack) = offices();
    let common: Vec<String> = rusqlite::Connection::open(&out)
        .unwrap()
        .prepare("SELECT term FROM search_common ORDER BY term")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(common.contains(&"office".to_string()), "{common:?}");
    assert!(common.contains(&"window".to_string()), "{common:?}");
    assert!(!common.contains(&"harbour".to_string()), "{common:?}");
    let ids = |q: &str| found(&pack, q);
    // Were "office" kept, no entry would have both words and the any-word fallback would
    // list offices too.
    assert_eq!(ids("office harbour"), ["office-7"]);
    assert_eq!(ids("harbour office office"), ["office-7"]);
    // Both common: "window" (600 entries) is rarer than "office" (1,200), so it is searched.
    let found = ids("office window");
    assert_eq!(found.len(), 3);
    assert!(
        found
            .iter()
            .all(|id| id[7..].parse::<usize>().unwrap() % 2 == 0),
        "{found:?}"
    );
}

/// A query that matches more rows than are ranked still lists results: ranked among the
/// rows few enough to rank (here the names), then the first other matches.
#[test]
fn a_query_too_broad_to_rank_still_lists_results() {
    let (_dir, _out, pack) = offices();
    // 1,199 titles: too many to rank even among titles.
    assert_eq!(found(&pack, "office").len(), 3);
    // In every entry's text, and one name: that entry first, then two others.
    let sea = found(&pack, "sea");
    assert_eq!(sea.len(), 3, "{sea:?}");
    assert_eq!(sea[0], "office-3");
    // In 600 names and no other text: all 600 ranked, so equally good ones by index order.
    assert_eq!(
        found(&pack, "window"),
        ["office-0", "office-10", "office-100"]
    );
}

/// Packs are opened through an SQLite URI (as immutable files): a folder name with the
/// characters a URI gives meaning to must still open the same file.
#[test]
fn a_pack_opens_from_a_folder_with_uri_characters_in_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let odd = dir.path().join("a #b ?c %41 d");
    std::fs::create_dir(&odd).unwrap();
    let out = odd.join("mini.sqlite");
    build(&fixture(), &out);
    let pack = CityPack::open(&out).unwrap();
    assert_eq!(pack.path(), out);
    assert_eq!(pack.meta("content_version").unwrap(), "3");
    assert!(!dir.path().join("a ").exists(), "nothing written beside it");
}

/// Search trusts the row counts the publisher stores (`search_rows`) to skip passes over the
/// index, so they must be the index's own: for every word of the Aydın pack (English,
/// Turkish and Arabic) and every prefix of two to seven letters of one, FTS5 finds exactly
/// the stored number of rows, or, where none is stored, at most `FEW_ROWS`.
#[test]
fn stored_row_counts_are_the_indexs_own() {
    use merhaba_core::search::{COUNTED_PREFIX_CHARS, FEW_ROWS};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("aydin.sqlite");
    build(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/aydin"),
        &out,
    );
    let conn = rusqlite::Connection::open(&out).unwrap();
    conn.execute_batch("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search, 'row')")
        .unwrap();
    let words: Vec<String> = conn
        .prepare("SELECT term FROM vocab")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(words.len() > 1000, "{} words", words.len());
    let mut keys = std::collections::BTreeSet::from(["*".to_string()]);
    for word in &words {
        keys.insert(word.clone());
        let chars: Vec<char> = word.chars().collect();
        for n in 2..=chars.len().min(COUNTED_PREFIX_CHARS) {
            keys.insert(format!("{}*", chars[..n].iter().collect::<String>()));
        }
    }
    let mut stored = conn
        .prepare("SELECT rows FROM search_rows WHERE key = ?1")
        .unwrap();
    let mut count = conn
        .prepare("SELECT count(*) FROM search WHERE search MATCH ?1")
        .unwrap();
    let mut listed = 0;
    for key in &keys {
        let found: i64 = match key.strip_suffix('*') {
            Some("") => conn.query_row("SELECT count(*) FROM search", [], |r| r.get(0)),
            Some(prefix) => count.query_row([format!("\"{prefix}\"*")], |r| r.get(0)),
            None => count.query_row([format!("\"{key}\"")], |r| r.get(0)),
        }
        .unwrap();
        let rows: Option<i64> = stored.query_row([key], |r| r.get(0)).optional().unwrap();
        match rows {
            Some(rows) => {
                listed += 1;
                assert_eq!(
                    found, rows,
                    "search_rows says {rows} rows hold {key:?}; FTS5 finds {found}"
                );
            }
            None => assert!(
                found as u64 <= FEW_ROWS,
                "{key:?} is in {found} rows but not in search_rows"
            ),
        }
    }
    let total: i64 = conn
        .query_row("SELECT count(*) FROM search_rows", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        listed, total,
        "search_rows lists keys the index does not have"
    );
}
