//! Screens rendered to HTML with dioxus-ssr from a pack built from the `mini` fixture:
//! home, a category, a submenu, a service in English and in Arabic (right-to-left, with the
//! fallback notice where a translation is missing), settings, emergency numbers, not found.

mod common;

use std::path::Path;

use common::render;
use merhaba::Boot;
use merhaba_core::UserStore;

fn boot(dir: &Path, device_languages: &[&str]) -> Boot {
    common::mini_boot(dir, device_languages)
}

/// Renders `path` for a device in `lang` and checks the page contains each expected piece
/// and none of the unexpected ones.
fn check(lang: &str, path: &str, expected: &[&str], unexpected: &[&str]) -> String {
    check_with(lang, path, |boot| boot, expected, unexpected)
}

/// [`check`], with the boot adjusted first (a starting state, say).
fn check_with(
    lang: &str,
    path: &str,
    adjust: impl FnOnce(Boot) -> Boot,
    expected: &[&str],
    unexpected: &[&str],
) -> String {
    let dir = tempfile::tempdir().unwrap();
    let html = render(adjust(boot(dir.path(), &[lang]).at(path)));
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
            "Written on 1 October 2026; not yet checked",
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
            "2 Kasım 2026",
        ],
        &[],
    );
}

/// Settings says what the last update check did, in the reader's language.
#[test]
fn settings_show_each_update_state() {
    use merhaba::updates::UpdateState;
    let cases: [(&str, UpdateState, &[&str], &[&str]); 6] = [
        (
            "en",
            UpdateState::NotConfigured,
            &["This build of the app has no update address"],
            &["Check for updates"],
        ),
        (
            "en",
            UpdateState::Downloading {
                done: 3 * 1024,
                total: 750 * 1024,
            },
            &[
                "Downloading: 3 of 750 KB",
                r#"<progress max="768000" value="3072""#,
                "disabled",
                "Check for updates",
            ],
            &[],
        ),
        (
            "ar",
            UpdateState::NotConfirmed,
            &[
                "المحتوى بتاريخ ٢ نوفمبر ٢٠٢٦؛ تعذّر التأكد من أنه الأحدث.",
                r#"class="update-status warning""#,
            ],
            &[],
        ),
        (
            "en",
            UpdateState::Unreachable,
            &["Could not reach the update server. The guide works offline as before."],
            &[r#"class="update-status warning""#],
        ),
        (
            "tr",
            UpdateState::Installed { version: 4 },
            &["Rehber 4 sürümüne güncellendi."],
            &[],
        ),
        (
            "en",
            UpdateState::Refused("refused: a signature did not verify".into()),
            &[
                "An update was refused because it could not be verified. The guide is unchanged.",
                "refused: a signature did not verify",
            ],
            &[],
        ),
    ];
    for (lang, state, expected, unexpected) in cases {
        eprintln!("update state {state:?} in {lang}");
        let html = check_with(
            lang,
            "/settings",
            |boot| boot.update_state(state.clone()),
            expected,
            unexpected,
        );
        assert!(html.contains("Only on Wi-Fi") || lang != "en", "{html}");
    }
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

/// The page after the stylesheet, so class names in the CSS do not count as content.
fn nearby(lang: &str, path: &str, boot_with: impl FnOnce(Boot) -> Boot) -> String {
    let dir = tempfile::tempdir().unwrap();
    let html = render(boot_with(boot(dir.path(), &[lang]).at(path)));
    html.split_once("</style>")
        .expect("a stylesheet")
        .1
        .to_string()
}

fn at(lat: f64, lon: f64) -> impl FnOnce(Boot) -> Boot {
    move |b: Boot| b.at_position(merhaba_core::Position::new(lat, lon).unwrap())
}

/// Asserts the pieces appear in this order in the page.
fn in_order(html: &str, pieces: &[&str]) {
    let mut from = 0;
    for piece in pieces {
        let found = html[from..]
            .find(piece)
            .unwrap_or_else(|| panic!("{piece:?} missing or out of order in\n{html}"));
        from += found + piece.len();
    }
}

#[test]
fn nearby_lists_places_nearest_first_with_distance_direction_and_walk() {
    let html = nearby("en", "/nearby", at(37.85, 27.85));
    in_order(
        &html,
        &[
            "Near you",
            "Your position (set when the app was started)",
            "All topics",
            "<svg",
            r#"href="/service/course""#,
            "Community hall",
            "Evening Turkish course",
            "140 m",
            "north-east",
            "2 min walk",
            r#"href="/service/clinic""#,
            "1.4 km",
            "north-west",
            "18 min walk",
            r#"href="/service/pharmacy""#,
            "2.4 km",
            "Your position stays on this device",
        ],
    );
    // Directions open the phone's map app; the map draws one marker per place.
    assert!(html.contains(r#"href="geo:37.860000,27.840000""#), "{html}");
    assert_eq!(html.matches(r#"class="marker""#).count(), 3, "{html}");
    assert!(!html.contains("Location is off"), "{html}");
    assert!(!html.contains(">nearby-"), "a message id leaked: {html}");
}

#[test]
fn nearby_in_arabic_is_right_to_left_with_arabic_digits() {
    let html = nearby("ar", "/nearby", at(37.85, 27.85));
    in_order(
        &html,
        &[
            r#"dir="rtl""#,
            "بالقرب منك",
            r#"href="/service/course""#,
            "١٤٠ م",
            r#"href="/service/clinic""#,
            "١٫٤ كم",
            "شمال غرب",
        ],
    );
    // The map keeps north up and east right whatever the reading direction.
    assert!(html.contains(r#"class="map" dir="ltr""#), "{html}");
}

#[test]
fn nearby_filters_by_topic() {
    let html = nearby(
        "en",
        "/nearby?category=language&open=false",
        at(37.85, 27.85),
    );
    assert!(html.contains(r#"href="/service/course""#), "{html}");
    assert!(!html.contains(r#"href="/service/clinic""#), "{html}");
    assert!(!html.contains(r#"href="/service/pharmacy""#), "{html}");
}

#[test]
fn refused_location_offers_the_manual_choice_not_a_dead_end() {
    use merhaba::platform::position::Fix;
    use merhaba::state::Located;
    let html = nearby("en", "/nearby", |b| {
        b.located(Located::Failed(Fix::Refused))
    });
    in_order(
        &html,
        &[
            "Location is off or not allowed",
            "Try again",
            "Choose where you are",
            "Districts",
            "Centre",
            "Landmarks",
            "Old station",
        ],
    );
    assert!(
        !html.contains("nearby-list"),
        "no list without a position: {html}"
    );
    // Before the device answers, the same choice is already there.
    let html = nearby("tr", "/nearby", |b| b.located(Located::Asking));
    in_order(
        &html,
        &["Konumunuz bulunuyor", "Nerede olduğunuzu seçin", "Merkez"],
    );
}

#[test]
fn someone_outside_the_city_is_told_the_nearest_one_and_how_far() {
    // Istanbul, about 350 km north of the fixture city.
    let html = nearby("en", "/nearby", at(41.0054, 28.9768));
    assert!(
        html.contains("You are outside the cities this guide covers. The nearest is Mini City, 3"),
        "{html}"
    );
    assert!(html.contains(" km away."), "{html}");
    // The list still shows what is there, nearest first.
    in_order(
        &html,
        &[r#"href="/service/pharmacy""#, r#"href="/service/clinic""#],
    );
}

#[test]
fn every_screen_links_to_nearby() {
    let html = nearby("en", "/", |b| b);
    assert!(html.contains(r#"href="/nearby"#), "{html}");
    assert!(html.contains("What is near me and open now?"), "{html}");
}

/// The opening tag of the first `<tag` whose attributes contain `marker`.
fn opening_tag<'a>(html: &'a str, tag: &str, marker: &str) -> &'a str {
    let open = format!("<{tag} ");
    html.match_indices(&open)
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap() + 1])
        .find(|t| t.contains(marker))
        .unwrap_or_else(|| panic!("no <{tag}> with {marker:?} in\n{html}"))
}

#[test]
fn map_labels_carry_the_language_they_are_in() {
    // The district has no Arabic name: its English one is marked English, left to right.
    let html = nearby("ar", "/nearby", |b| {
        b.located(merhaba::state::Located::Asking)
    });
    let district = opening_tag(&html, "text", r#"class="district""#);
    assert!(
        district.contains(r#"lang="en""#) && district.contains(r#"direction="ltr""#),
        "{district}"
    );
    let html = nearby("tr", "/nearby", |b| {
        b.located(merhaba::state::Located::Asking)
    });
    let district = opening_tag(&html, "text", r#"class="district""#);
    assert!(district.contains(r#"lang="tr""#), "{district}");
    assert!(html.contains(">Merkez</text>"), "{html}");

    // Marker titles: an English place name and an Arabic one on an Arabic page.
    let html = nearby("ar", "/nearby", at(37.85, 27.85));
    for (name, lang, dir) in [
        ("Community hall", "en", "ltr"),
        ("مبنى العيادة", "ar", "rtl"),
    ] {
        let tag = format!(r#"<title lang="{lang}" dir="{dir}">{name}</title>"#);
        assert!(html.contains(&tag), "missing {tag}\n{html}");
    }
}

#[test]
fn topic_options_carry_the_language_of_their_names() {
    let html = nearby("ar", "/nearby", at(37.85, 27.85));
    let health = opening_tag(&html, "option", r#"value="health""#);
    assert!(
        health.contains(r#"lang="ar""#) && health.contains(r#"dir="rtl""#),
        "{health}"
    );
    in_order(&html, &[r#"value="health""#, "الصحة</option>"]);
    let html = nearby("en", "/nearby", at(37.85, 27.85));
    let language = opening_tag(&html, "option", r#"value="language""#);
    assert!(
        language.contains(r#"lang="en""#) && language.contains(r#"dir="ltr""#),
        "{language}"
    );
}

#[test]
fn a_pack_that_cannot_be_opened_speaks_the_device_language_first() {
    let html = render(Boot::new(
        Err("packs/aydin.sqlite: not a pack".into()),
        vec!["ar-SY".into()],
    ));
    let root = opening_tag(&html, "div", "boot-failure");
    assert!(
        root.contains(r#"lang="ar""#) && root.contains(r#"dir="rtl""#),
        "{root}"
    );
    in_order(
        &html,
        &[
            "تعذرت قراءة دليل المدينة.",
            "أغلق التطبيق ثم افتحه من جديد.",
            r#"lang="en" dir="ltr">The city guide could not be read."#,
            r#"lang="tr" dir="ltr">Şehir rehberi okunamadı."#,
            "تفاصيل لمن يساعدك:",
            r#"<pre class="error-details" lang="en" dir="ltr">packs/aydin.sqlite: not a pack"#,
        ],
    );
}

#[test]
fn a_pack_damaged_while_in_use_is_reported_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let boot = boot(dir.path(), &["tr"]);
    // The pack is open; now everything after its first page is lost on disk. The first
    // page (with the version SQLite checks) stays, so the damage shows at the next query.
    let path = dir.path().join("mini.sqlite");
    let mut bytes = std::fs::read(&path).unwrap();
    let page_size = match u16::from_be_bytes([bytes[16], bytes[17]]) {
        1 => 65_536,
        n => usize::from(n),
    };
    bytes[page_size..].fill(0);
    std::fs::write(&path, &bytes).unwrap();
    let html = render(boot.at("/category/health"));
    in_order(
        &html,
        &[
            r#"role="alert""#,
            "Şehir rehberi okunamadı.",
            "Uygulamayı kapatıp yeniden açın.",
            "Size yardım eden kişi için ayrıntılar:",
            r#"<pre class="error-details" lang="en" dir="ltr">"#,
        ],
    );
}

/// Issue 15: each section cites the page behind it with the day it was read; a place the
/// service left says where it went and offers no way to the empty building; "Report a
/// problem" names the entry, the content version and the language, and nothing else.
#[test]
fn a_service_cites_its_sources_per_section_and_says_where_a_place_moved() {
    let html = check(
        "en",
        "/service/clinic",
        &[
            "Source: Fixture source, read 1 October 2026",
            "Old clinic building",
            "Closed since 1 September 2026: the service no longer works here.",
            "Moved: the service is now at Community hall.",
            r#"href="/service/course""#,
            "Source: The clinic has moved, read 1 October 2026",
            "mailto:editors@example.org?subject=Merhaba%20mini%3A%20clinic%20%28content%203%2C%20en%29&#38;body=city%3A%20mini%0Aentry%3A%20clinic%0Acontent_version%3A%203%0Alang%3A%20en%0A%0AWhat%20is%20wrong%3A%0A\"",
            "Report a problem",
        ],
        // No directions to the old building, and no "Last checked" on a sample.
        &["geo:37.855000,27.845000", "Last checked", "may be out of date"],
    );
    in_order(
        &html,
        &[
            "Rights and obligations",
            "Source: Fixture source",
            "Cost",
            "Location",
            "Clinic building",
            "Old clinic building",
        ],
    );
    let ar = check(
        "ar",
        "/service/clinic",
        &[
            "المصدر: Fixture source",
            "انتقلت: الخدمة الآن في Community hall.",
        ],
        &[],
    );
    assert!(ar.contains("%28content%203%2C%20ar%29"), "{ar}");
}

/// An entry checked more than a year before today says it may be out of date; the day
/// before, it does not. National numbers are labelled helplines, apart from the place.
#[test]
fn an_entry_checked_over_a_year_ago_may_be_out_of_date() {
    let on = |day: &str| {
        let day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        move |boot: merhaba::Boot| boot.on_day(day)
    };
    check_with(
        "en",
        "/service/course",
        on("2027-11-02"),
        &[
            "Last checked on 2 November 2026",
            "Helpline 157",
            r#"href="tel:157""#,
            "National helplines",
        ],
        &["may be out of date"],
    );
    check_with(
        "tr",
        "/service/course",
        on("2027-11-03"),
        &["Son doğrulama 2 Kasım 2026: bilgiler güncel olmayabilir."],
        &["Last checked"],
    );
}

/// A page of the shipped Aydın pack, for a device in English, with `adjust` applied.
fn aydin_page(path: &str, adjust: impl FnOnce(Boot) -> Boot) -> String {
    let (dir, pack) = common::embedded_pack();
    let user = UserStore::open(&dir.path().join("user.sqlite")).unwrap();
    let stores = merhaba::boot::Stores::new(pack, user);
    let boot = Boot::new(Ok(stores), vec!["en".into()]).without_isolation_marks();
    render(adjust(boot.at(path)))
}

#[test]
fn sensitive_entries_and_intake_mode_carry_quick_exit_and_other_pages_do_not() {
    let quick_exit = r#"<button class="quick-exit""#;
    for id in ["womens-shelter", "sonim", "alo-183", "mental-health"] {
        let html = aydin_page(&format!("/service/{id}"), |b| b);
        assert!(html.contains(quick_exit), "{id}: no Quick exit\n{html}");
        assert!(html.contains("Quick exit"), "{id}: Quick exit unnamed");
    }
    for path in [
        "/",
        "/service/university-hospital",
        "/category/health",
        "/settings",
    ] {
        let html = aydin_page(path, |b| b);
        assert!(
            !html.contains(quick_exit),
            "{path}: Quick exit on a page not marked sensitive"
        );
    }
    for path in ["/", "/service/university-hospital", "/paths"] {
        let html = aydin_page(path, |b| b.in_intake("ar", &[]));
        assert!(
            html.contains(quick_exit),
            "{path} in intake mode: no Quick exit"
        );
    }
}

/// Copies the folder `from` into `to`, whole.
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_folder(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn a_report_form_opens_only_after_saying_what_it_carries_and_a_mail_opens_at_once() {
    // The fixture reports by mail: the mail app opens at once, and nothing is sent until the
    // person sends it.
    check(
        "en",
        "/service/clinic",
        &[r#"href="mailto:editors@example.org?subject="#],
        &["report-ask"],
    );
    // A city that reports through a web form: the page carries no link to it until asked.
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("mini");
    copy_folder(&common::mini_fixture(), &content);
    let city = content.join("city.toml");
    let text = std::fs::read_to_string(&city).unwrap();
    assert!(text.contains("report_to = \"mailto:editors@example.org\""));
    let text = text.replace(
        "mailto:editors@example.org",
        "https://forms.example.org/report",
    );
    std::fs::write(&city, text).unwrap();
    let html = render(common::source_boot(&content, dir.path(), &["en"]).at("/service/clinic"));
    assert!(
        html.contains(r#"class="button report-ask""#),
        "no Report button\n{html}"
    );
    assert!(
        !html.contains("forms.example.org/report"),
        "the form's address is on the page before the person asked for it\n{html}"
    );
}
