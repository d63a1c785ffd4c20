//! `export-hsds`: every JSON object written validates against the official Open Referral HSDS
//! 3.0 schemas (tests/hsds/schema, copied from openreferral/specification: the canonical
//! modular ones, resolved offline, and the compiled service view), and reading the JSON back
//! finds every service, every place (as a location) and every phone of the content.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jsonschema::{Registry, Validator};
use merhaba_pack::ContentSource;
use serde_json::{json, Value};

mod common;

/// Where the canonical schemas are published: their relative `$ref`s resolve against it.
const BASE: &str = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The official schemas, with `format` (uuid, uri, email) checked, and nothing fetched.
struct Schemas {
    /// `schema/service.json` and the modular schemas it refers to.
    canonical: Validator,
    /// `schema/compiled/service_with_definitions.json`.
    compiled: Validator,
    /// The API's `Page` (openapi.json), which `services.json` is.
    page: Validator,
}

impl Schemas {
    fn load() -> Schemas {
        let dir = manifest().join("tests/hsds/schema");
        let mut resources = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".json") && name != "openapi.json" {
                resources.push((format!("{BASE}{name}"), read_json(&path)));
            }
        }
        assert!(
            resources.len() >= 20,
            "schemas missing in {}",
            dir.display()
        );
        let registry = Registry::new()
            .extend(resources)
            .and_then(|r| r.prepare())
            .expect("the HSDS schemas load");
        let options = || {
            jsonschema::options()
                .should_validate_formats(true)
                .offline()
        };
        let canonical = options()
            .with_registry(&registry)
            .build(&json!({ "$ref": format!("{BASE}service.json") }))
            .expect("service.json compiles");
        let compiled = options()
            .build(&read_json(
                &dir.join("compiled/service_with_definitions.json"),
            ))
            .expect("the compiled schema compiles");
        let openapi = read_json(&dir.join("openapi.json"));
        let page = options()
            .build(&openapi["components"]["schemas"]["Page"])
            .expect("Page compiles");
        Schemas {
            canonical,
            compiled,
            page,
        }
    }

    fn check(&self, validator: &Validator, what: &str, value: &Value) {
        let errors: Vec<String> = validator
            .iter_errors(value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{what}: {}", errors.join("\n"));
    }
}

/// Exports `content` into a temporary folder and checks every file against the schemas.
fn export_and_validate(content: &Path) -> (tempfile::TempDir, ContentSource) {
    let source = merhaba_pack::load(content).unwrap_or_else(|e| panic!("{e:#?}"));
    let out = tempfile::tempdir().unwrap();
    let exported = merhaba_pack::hsds::export(&source, out.path()).unwrap();
    let schemas = Schemas::load();
    let languages = &source.city.value.languages;
    assert_eq!(&exported.languages, languages);
    assert_eq!(
        exported.files,
        languages.len() * (source.services.len() + 1)
    );
    for lang in languages {
        let dir = out.path().join(lang);
        let page = read_json(&dir.join("services.json"));
        schemas.check(&schemas.page, &format!("{lang}/services.json"), &page);
        let contents = page["contents"].as_array().expect("a Page has contents");
        assert_eq!(page["total_items"], json!(source.services.len()));
        assert_eq!(contents.len(), source.services.len());
        let mut ids = BTreeSet::new();
        for (n, service) in contents.iter().enumerate() {
            let what = format!("{lang}/services.json contents[{n}]");
            schemas.check(&schemas.canonical, &what, service);
            schemas.check(&schemas.compiled, &what, service);
            assert!(
                ids.insert(service["id"].to_string()),
                "{what}: id used twice"
            );
        }
        let files: Vec<PathBuf> = std::fs::read_dir(dir.join("services"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(files.len(), source.services.len());
        for file in files {
            let service = read_json(&file);
            let what = file.display().to_string();
            schemas.check(&schemas.canonical, &what, &service);
            schemas.check(&schemas.compiled, &what, &service);
            assert!(
                contents.contains(&service),
                "{what} is not in services.json"
            );
        }
    }
    (out, source)
}

/// Every location of an exported service: those it is offered at, and closed ones.
fn locations(service: &Value) -> Vec<&Value> {
    let open = service["service_at_locations"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|sal| &sal["location"]);
    let closed = service["organization"]["locations"]
        .as_array()
        .into_iter()
        .flatten();
    open.chain(closed).collect()
}

fn numbers(phones: &Value) -> Vec<&str> {
    phones
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["number"].as_str())
        .collect()
}

/// Reads the export back and finds each service, place and phone of the content in it.
fn round_trip(out: &Path, source: &ContentSource) {
    for lang in &source.city.value.languages {
        for parsed in &source.services {
            let s = &parsed.value;
            let file = out
                .join(lang)
                .join("services")
                .join(format!("{}.json", s.id));
            let service = read_json(&file);
            let what = format!("{lang}: service {}", s.id);
            assert_eq!(service["name"], json!(s.name[lang]), "{what}");
            assert_eq!(service["status"], "active", "{what}");
            assert_eq!(service["fees_description"], json!(s.cost[lang]), "{what}");
            assert_eq!(
                service["cost_options"][0]["amount_description"],
                json!(s.cost[lang])
            );
            for number in &s.helpline {
                assert!(
                    numbers(&service["phones"]).contains(&number.as_str()),
                    "{what}: {number}"
                );
            }
            let found = locations(&service);
            assert_eq!(found.len(), s.place.len(), "{what}: locations");
            for place in &s.place {
                let name = &place.name[lang];
                let location = found
                    .iter()
                    .find(|l| l["name"] == json!(name))
                    .unwrap_or_else(|| panic!("{what}: place {name} is not exported"));
                assert_eq!(location["latitude"], json!(place.lat), "{what}: {name}");
                assert_eq!(location["longitude"], json!(place.lon), "{what}: {name}");
                assert!(location["description"]
                    .as_str()
                    .unwrap()
                    .contains(&place.address[lang]));
                let offered = service["service_at_locations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|sal| sal["location_id"] == location["id"]);
                assert_eq!(offered, !place.has_left(), "{what}: {name}");
                let phones = numbers(&location["phones"]);
                let hours = location["schedules"].as_array().map_or(0, Vec::len);
                if place.has_left() {
                    assert!(phones.is_empty() && hours == 0, "{what}: {name} is closed");
                } else {
                    assert_eq!(
                        phones,
                        place.phone.iter().map(String::as_str).collect::<Vec<_>>()
                    );
                    assert_eq!(hours > 0, place.opening_hours.is_some(), "{what}: {name}");
                }
            }
        }
    }
}

#[test]
fn the_schemas_refuse_what_hsds_forbids() {
    let schemas = Schemas::load();
    let id = "0b6a1c38-2c5e-5b2e-9d54-1c1e5e0c7a11";
    let good = json!({ "id": id, "name": "A", "status": "active" });
    let bad = [
        json!({ "id": "family-doctor", "name": "A", "status": "active" }),
        json!({ "id": id, "name": "A" }),
        json!({ "id": id, "name": "A", "status": "open" }),
        json!({ "id": id, "name": "A", "status": "active", "url": "not a url" }),
        // Nested objects are checked too: a phone needs a number, a location its type.
        json!({ "id": id, "name": "A", "status": "active", "phones": [{ "id": id }] }),
        json!({ "id": id, "name": "A", "status": "active",
                "service_at_locations": [{ "id": id, "location": { "id": id } }] }),
    ];
    for validator in [&schemas.canonical, &schemas.compiled] {
        assert!(validator.is_valid(&good));
        for value in &bad {
            assert!(!validator.is_valid(value), "{value}");
        }
    }
}

#[test]
fn the_shipped_content_exports_as_valid_hsds_and_reads_back() {
    let content = manifest().join("../../content/aydin");
    let (out, source) = export_and_validate(&content);
    round_trip(out.path(), &source);
    // The common opening hours of public offices become weekly schedules.
    let office = source
        .services
        .iter()
        .find(|s| {
            s.value.place.iter().any(|p| {
                p.opening_hours.as_deref() == Some("Mo-Fr 08:00-12:00,13:00-17:00; PH off")
                    && !p.has_left()
            })
        })
        .expect("an office with the usual hours");
    let service = read_json(
        &out.path()
            .join(format!("en/services/{}.json", office.value.id)),
    );
    let schedules = locations(&service)
        .into_iter()
        .flat_map(|l| l["schedules"].as_array().cloned().unwrap_or_default())
        .collect::<Vec<_>>();
    let first = &schedules[0];
    assert_eq!(first["freq"], "WEEKLY");
    assert_eq!(first["byday"], "MO,TU,WE,TH,FR");
    assert_eq!(first["opens_at"], "08:00+03:00");
    assert_eq!(first["closes_at"], "12:00+03:00");
    assert_eq!(first["timezone"], json!(3));
}

#[test]
fn the_fixture_exports_helplines_and_closed_places() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&manifest().join("tests/fixtures/mini"), dir.path());
    // A helpline for the clinic, and its old building, closed, that moved to a new one.
    let clinic = dir.path().join("services/clinic.toml");
    let text = std::fs::read_to_string(&clinic).unwrap();
    let (head, tail) = text.split_once("\n[[place]]").unwrap();
    let moved = r#"
[[place]]
id = "clinic-new"
name = { en = "New clinic", tr = "Yeni klinik", ar = "العيادة الجديدة" }
address = { en = "2 Test Street", tr = "Test Sokak 2", ar = "شارع الاختبار 2" }
lat = 37.87
lon = 27.85
opening_hours = "24/7"

[[place]]
id = "clinic-old"
name = { en = "Old clinic", tr = "Eski klinik", ar = "العيادة القديمة" }
address = { en = "3 Test Street", tr = "Test Sokak 3", ar = "شارع الاختبار 3" }
lat = 37.88
lon = 27.85
opening_hours = "Mo-Fr 08:00-17:00"
phone = "+90 256 000 00 01"
closed_since = "2025-12-15"
moved_to = "clinic-new"
"#;
    let text = format!("helpline = [\"184\"]\n{head}{moved}\n[[place]]{tail}");
    std::fs::write(&clinic, text).unwrap();

    let (out, source) = export_and_validate(dir.path());
    round_trip(out.path(), &source);
    assert!(
        !out.path().join("ar").exists(),
        "a partial language is not exported"
    );
    let service = read_json(&out.path().join("en/services/clinic.json"));
    assert_eq!(numbers(&service["phones"]), ["184"]);
    assert_eq!(service["phones"][0]["description"], "Helpline 184");
    let old = &service["organization"]["locations"][0];
    let note = old["description"].as_str().unwrap();
    assert!(
        note.contains("3 Test Street") && note.contains("New clinic"),
        "{note}"
    );
    assert!(service["alert"].as_str().unwrap().contains("sample"));

    // Re-exporting gives the same bytes: the ids are derived, not drawn.
    let again = tempfile::tempdir().unwrap();
    merhaba_pack::hsds::export(&source, again.path()).unwrap();
    for lang in ["en", "tr"] {
        let file = |root: &Path| std::fs::read(root.join(lang).join("services.json")).unwrap();
        assert_eq!(file(out.path()), file(again.path()), "{lang}");
    }
    // The same entity has the same id in every language's export.
    let tr = read_json(&out.path().join("tr/services/clinic.json"));
    assert_eq!(tr["id"], service["id"]);
    assert_eq!(tr["organization"]["locations"][0]["id"], old["id"]);

    // The folder is replaced whole: a service file of an earlier export does not linger,
    // and nothing of the writing is left beside it.
    let export = again.path().join("export");
    merhaba_pack::hsds::export(&source, &export).unwrap();
    let stale = export.join("en/services/removed-service.json");
    std::fs::write(&stale, "{}").unwrap();
    merhaba_pack::hsds::export(&source, &export).unwrap();
    assert!(!stale.exists());
    let beside: Vec<_> = std::fs::read_dir(again.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.') || name.ends_with(".old"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}
