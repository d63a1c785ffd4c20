//! Screens rendered to HTML with dioxus-ssr from a pack built from the `mini` fixture:
//! home, a category, a submenu, a service in English and in Arabic (right-to-left, with the
//! fallback notice where a translation is missing), settings, emergency numbers, not found.

mod common;

use std::path::Path;

use common::render;
use merhaba::state::Stores;
use merhaba::Boot;
use merhaba_core::{CityPack, UserStore};

/// Builds the fixture pack into a temporary folder and returns a boot for it.
fn boot(dir: &Path, device_languages: &[&str]) -> Boot {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/pack/tests/fixtures/mini");
    let source = merhaba_pack::load(&fixture).expect("fixture is valid");
    let pack_path = dir.join("mini.sqlite");
    merhaba_pack::build_pack(&source, &pack_path).unwrap();
    let stores = Stores::new(
        CityPack::open(&pack_path).unwrap(),
        UserStore::open(&dir.join("user.sqlite")).unwrap(),
    );
    let langs = device_languages.iter().map(|s| s.to_string()).collect();
    Boot::new(Ok(stores), langs).without_isolation_marks()
}

/// Renders `path` for a device in `lang` and checks the page contains each expected piece
/// and none of the unexpected ones.
fn check(lang: &str, path: &str, expected: &[&str], unexpected: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let html = render(boot(dir.path(), &[lang]).at(path));
    for part in expected {
        assert!(
            html.contains(part),
            "{path} in {lang}: missing {part:?}\n{html}"
        );
    }
    for part in unexpected {
        assert!(
            !html.contains(part),
            "{path} in {lang}: unexpected {part:?}\n{html}"
        );
    }
    html
}

#[test]
fn home_shows_the_city_categories_and_emergency_bar() {
    check(
        "en-GB",
        "/",
        &[
            "Mini City",
            "What do you need help with?",
            r#"href="/category/health""#,
            "Health",
            "3 services",
            "1 service<",
            r#"href="tel:112""#,
            "All emergency numbers",
            r#"dir="ltr""#,
            r#"lang="en""#,
        ],
        &["nav-", "service-count", r#"class="back""#],
    );
}

#[test]
fn a_category_lists_its_submenus_with_a_way_back() {
    check(
        "en",
        "/category/health",
        &[
            "Health",
            r#"href="/submenu/hospitals""#,
            "Hospitals",
            "2 services",
            "Pharmacies",
            r#"class="back""#,
        ],
        &[],
    );
}

#[test]
fn a_submenu_lists_its_services_and_marks_samples() {
    let html = check(
        "en",
        "/submenu/hospitals",
        &[
            r#"href="/service/clinic""#,
            "Test clinic",
            "Evening Turkish course",
            "Sample",
            r#"href="/category/health""#,
        ],
        &[],
    );
    assert_eq!(
        html.matches(r#"class="badge sample""#).count(),
        1,
        "only the clinic is a sample"
    );
}

#[test]
fn a_service_in_english_answers_the_four_questions() {
    check(
        "en",
        "/service/clinic",
        &[
            "Test clinic",
            "Rights and obligations",
            "You may be seen without an appointment.",
            "Cost",
            "Free.",
            "Location",
            "1 Test Street",
            r#"href="geo:37.860000,27.840000""#,
            r#"href="tel:+902560000000""#,
            "Mo-Fr 08:00-17:00",
            "Internet resources",
            r#"href="https://example.org/clinic""#,
            "Clinic page",
            "Last checked on 2026-10-01",
            "This entry is a sample.",
        ],
        &[r#"class="notice fallback""#, "are not translated"],
    );
}

#[test]
fn a_service_in_arabic_is_right_to_left_with_arabic_text() {
    check(
        "ar-SY",
        "/service/clinic",
        &[
            r#"dir="rtl""#,
            r#"lang="ar""#,
            "العيادة التجريبية",
            "الحقوق والواجبات",
            "التكلفة",
            "مجاني.",
            "شارع الاختبار 1",
            "هذا الإدخال مثال.",
        ],
        &["Rights and obligations", "لأنها لم تُترجم بعد"],
    );
}

#[test]
fn a_missing_translation_falls_back_to_english_and_says_so() {
    let html = check(
        "ar",
        "/service/course",
        &[
            r#"dir="rtl""#,
            "Evening Turkish course",
            "تُعرض أجزاء من هذه الصفحة باللغة English لأنها لم تُترجم بعد.",
            "الحقوق والواجبات",
        ],
        &["هذا الإدخال مثال."],
    );
    // The English paragraphs are marked as English and laid out left to right.
    assert!(html.contains(r#"lang="en" dir="ltr""#), "{html}");
}

#[test]
fn settings_offer_every_language_in_its_own_name() {
    check(
        "tr-TR",
        "/settings",
        &[
            "Ayarlar",
            "English",
            "Türkçe",
            "العربية",
            r#"aria-checked="true""#,
            "içerik sürümü 3",
            "2026-11-02",
        ],
        &[],
    );
}

#[test]
fn the_emergency_page_lists_numbers_as_tel_links() {
    check(
        "en",
        "/emergency",
        &[r#"href="tel:112""#, "Emergency", "free"],
        &[],
    );
}

#[test]
fn an_unknown_page_or_id_is_not_a_dead_end() {
    for path in [
        "/nowhere",
        "/service/nope",
        "/category/nope",
        "/submenu/nope",
    ] {
        check(
            "en",
            path,
            &[
                "This page does not exist.",
                r#"href="/""#,
                "Go to the home screen",
            ],
            &[],
        );
    }
}

#[test]
fn a_saved_language_wins_over_the_device_language() {
    let dir = tempfile::tempdir().unwrap();
    let boot_en = boot(dir.path(), &["en"]);
    UserStore::open(&dir.path().join("user.sqlite"))
        .unwrap()
        .set_language("ar")
        .unwrap();
    let html = render(boot_en.at("/"));
    assert!(
        html.contains(r#"dir="rtl""#) && html.contains("الصحة"),
        "{html}"
    );
}

#[test]
fn a_pack_that_cannot_be_opened_explains_itself_in_every_language() {
    let html = render(Boot::new(
        Err("packs/aydin.sqlite: not a pack".into()),
        vec![],
    ));
    for part in [
        "The city guide could not be read.",
        "Şehir rehberi okunamadı.",
        "تعذرت قراءة دليل المدينة.",
        "packs/aydin.sqlite",
    ] {
        assert!(html.contains(part), "missing {part:?}\n{html}");
    }
}
