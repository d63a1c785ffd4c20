//! The shipped Aydın pack, as embedded in the app: every category, submenu and service is
//! reachable and renders completely in each of its eight languages, with nothing falling back
//! to another language, a review status for every language of every entry, and the counts the
//! guide promises hold.

mod common;

use common::{embedded_pack, render};
use merhaba::boot::{Stores, EMBEDDED_PACK};
use merhaba::Boot;
use merhaba_core::l10n::UI_LANGUAGES;
use merhaba_core::{CityPack, Direction, LanguageChain, Localizer, UserStore};

/// The languages the guide ships, in the order of the app's language list.
const LANGUAGES: [&str; 8] = ["en", "tr", "ar", "fa", "ps", "ru", "uk", "kmr"];

#[test]
fn the_app_speaks_every_language_of_the_guide() {
    let ui: Vec<&str> = UI_LANGUAGES.iter().map(|(code, _, _)| *code).collect();
    assert_eq!(ui, LANGUAGES);
}

/// Every text of the pack (names, sections, places, link titles, categories, submenus,
/// districts, landmarks, emergency labels) in every language, and a review status for every
/// language of the city and of every service: read from the pack file itself.
#[test]
fn every_text_of_the_pack_is_in_all_eight_languages_with_a_review_status() {
    let (_dir, pack) = embedded_pack();
    let conn = rusqlite::Connection::open(pack.path()).unwrap();
    let mut stmt = conn
        .prepare("SELECT owner, field, group_concat(lang) FROM text GROUP BY owner, field")
        .unwrap();
    let rows: Vec<(String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() > 500, "{} texts", rows.len());
    let mut incomplete = Vec::new();
    for (owner, field, langs) in &rows {
        let langs: Vec<&str> = langs.split(',').collect();
        let missing: Vec<&str> = LANGUAGES
            .iter()
            .copied()
            .filter(|l| !langs.contains(l))
            .collect();
        // Keywords are extra search words, in whichever languages an editor adds them.
        if !missing.is_empty() && field != "keywords" {
            incomplete.push(format!("{owner} {field}: no {missing:?}"));
        }
    }
    assert!(incomplete.is_empty(), "{}", incomplete.join("\n"));
    let owners: Vec<String> = std::iter::once("city".to_string())
        .chain(
            pack.service_ids()
                .unwrap()
                .iter()
                .map(|id| format!("service/{id}")),
        )
        .collect();
    for owner in owners {
        let statuses: Vec<(String, String)> = conn
            .prepare("SELECT lang, status FROM translation WHERE owner = ?1 ORDER BY lang")
            .unwrap()
            .query_map([&owner], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(statuses.len(), LANGUAGES.len(), "{owner}: {statuses:?}");
        // Machine-assisted translations are never passed off as reviewed.
        for (lang, status) in statuses {
            let expected = if lang == "en" {
                "original"
            } else {
                "unreviewed"
            };
            assert_eq!(status, expected, "{owner} in {lang}");
        }
    }
}

#[test]
fn the_guide_has_the_promised_size() {
    let (_dir, pack) = embedded_pack();
    let chain = LanguageChain::new("en", pack.languages());
    let categories = pack.categories(&chain).unwrap();
    let submenus: usize = categories
        .iter()
        .map(|c| {
            pack.category(&c.id, &chain)
                .unwrap()
                .unwrap()
                .submenus
                .len()
        })
        .sum();
    let services = pack.service_ids().unwrap().len();
    println!(
        "Aydın: {} categories, {submenus} submenus, {services} services",
        categories.len()
    );
    assert!(categories.len() >= 12);
    assert!(submenus >= 30);
    assert!(services >= 60);
    assert_eq!(pack.languages(), LANGUAGES);
    let city = pack.city(&chain).unwrap();
    assert_eq!(city.emergency[0].number, "112");
}

#[test]
fn every_entry_is_reachable_and_complete_in_every_language() {
    let (_dir, pack) = embedded_pack();
    let mut reached = std::collections::BTreeSet::new();
    for lang in LANGUAGES {
        let chain = LanguageChain::new(lang, pack.languages());
        for cat in pack.categories(&chain).unwrap() {
            assert_eq!(cat.name.lang, lang, "category {}", cat.id);
            let category = pack.category(&cat.id, &chain).unwrap().unwrap();
            assert!(
                !category.submenus.is_empty(),
                "category {} has no submenu",
                cat.id
            );
            for sub in category.submenus {
                let submenu = pack.submenu(&sub.id, &chain).unwrap().unwrap();
                assert!(!submenu.services.is_empty(), "submenu {} is empty", sub.id);
                for summary in submenu.services {
                    let s = pack.service(&summary.id, &chain).unwrap().unwrap();
                    assert!(!s.has_fallback_for(lang), "{} falls back in {lang}", s.id);
                    for text in [&s.name, &s.summary, &s.rights, &s.cost] {
                        assert!(
                            !text.value.trim().is_empty(),
                            "{}: empty text in {lang}",
                            s.id
                        );
                    }
                    assert!(
                        !s.places.is_empty() || s.location_note.is_some(),
                        "{}: no location answer",
                        s.id
                    );
                    assert!(!s.sources.is_empty(), "{}: no source", s.id);
                    reached.insert(s.id);
                }
            }
        }
    }
    assert_eq!(
        reached.len(),
        pack.service_ids().unwrap().len(),
        "every service is in a menu"
    );
}

/// Every service page in every language: the page's direction, its section titles in the
/// reader's language, no fallback, the note that the translation is not yet reviewed (once),
/// the date in the reader's digits and month names, and "Listen" only where a voice exists.
#[test]
fn every_service_page_renders_in_every_language() {
    let (dir, pack) = embedded_pack();
    let ids = pack.service_ids().unwrap();
    let path = pack.path().to_path_buf();
    for lang in LANGUAGES {
        let l = Localizer::new(lang, false);
        for id in &ids {
            let stores = Stores::new(
                CityPack::open(&path).unwrap(),
                UserStore::open(&dir.path().join("user.sqlite")).unwrap(),
            );
            let boot = Boot::new(Ok(stores), vec![lang.into()])
                .without_isolation_marks()
                .with_voices(&["en", "tr"])
                .at(&format!("/service/{id}"));
            let html = render(boot);
            let at = format!("{id} in {lang}");
            let dir_attr = format!(r#"dir="{}""#, Direction::of(lang).as_attr());
            assert!(html.contains(&dir_attr), "{at}: no {dir_attr}");
            for key in [
                "section-rights",
                "section-cost",
                "section-location",
                "section-internet",
            ] {
                assert!(html.contains(&l.t(key)), "{at}: no {key} ({})", l.t(key));
            }
            assert!(
                !html.contains(r#"class="notice fallback""#),
                "{at} falls back"
            );
            assert!(!html.contains("This page does not exist"), "{at}");
            let unreviewed = html.matches(&l.t("translation-unreviewed")).count();
            assert_eq!(unreviewed, usize::from(lang != "en"), "{at}: review notes");
            let chain = LanguageChain::new(lang, pack.languages());
            let service = pack.service(id, &chain).unwrap().unwrap();
            let date = l.date(service.dated().expect("every entry is dated"));
            assert!(html.contains(&date), "{at}: no date {date} in {lang}");
            let listen = html.contains(r#"class="listen""#);
            assert_eq!(listen, ["en", "tr"].contains(&lang), "{at}: Listen button");
        }
    }
}

#[test]
fn persian_and_pashto_pages_write_digits_in_their_script() {
    for lang in ["fa", "ps"] {
        let date = Localizer::new(lang, false).date("2026-11-28");
        assert!(
            date.contains("۲۰۲۶") && date.contains("۲۸"),
            "{lang}: {date}"
        );
    }
    let ru = Localizer::new("ru", false).date("2026-11-28");
    assert!(ru.starts_with("28 ") && ru.ends_with(" 2026"), "{ru}");
}

#[test]
fn the_embedded_pack_opens_from_memory_and_is_copied_once_off_screen() {
    let dir = tempfile::tempdir().unwrap();
    let packs = dir.path().join("packs");
    let installed = packs.join("aydin.sqlite");
    // The first start writes no pack: the guide is read from the embedded bytes.
    let first = Boot::from_data_dir(dir.path().to_path_buf()).without_isolation_marks();
    assert!(
        !installed.exists(),
        "nothing is copied before the first frame"
    );
    assert!(render(first).contains("Aydın"));

    // The update check installs it, once.
    merhaba::boot::install_embedded(&packs).unwrap();
    assert_eq!(std::fs::read(&installed).unwrap(), EMBEDDED_PACK);
    let written = std::fs::metadata(&installed).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    merhaba::boot::install_embedded(&packs).unwrap();
    let _second = Boot::from_data_dir(dir.path().to_path_buf());
    let again = std::fs::metadata(&installed).unwrap().modified().unwrap();
    assert_eq!(written, again, "a sound installed pack is not copied again");

    // A damaged installed pack: the guide still opens (from memory), and the next check
    // puts a sound copy back.
    std::fs::write(&installed, b"damaged").unwrap();
    let boot = Boot::from_data_dir(dir.path().to_path_buf()).without_isolation_marks();
    assert!(render(boot).contains("Aydın"));
    assert_eq!(
        std::fs::read(&installed).unwrap(),
        b"damaged",
        "the boot writes nothing"
    );
    merhaba::boot::install_embedded(&packs).unwrap();
    assert_eq!(
        std::fs::read(&installed).unwrap(),
        EMBEDDED_PACK,
        "a damaged pack is replaced"
    );
}

#[test]
fn home_says_once_that_a_translation_is_not_yet_checked() {
    let (dir, pack) = embedded_pack();
    let path = pack.path().to_path_buf();
    for lang in LANGUAGES {
        let stores = Stores::new(
            CityPack::open(&path).unwrap(),
            UserStore::open(&dir.path().join("user.sqlite")).unwrap(),
        );
        let html = render(Boot::new(Ok(stores), vec![lang.into()]).without_isolation_marks());
        let note = Localizer::new(lang, false).t("translation-unreviewed");
        assert_eq!(
            html.matches(&note).count(),
            usize::from(lang != "en"),
            "{lang}"
        );
    }
}

/// The Pashto letters (ټ ډ ړ ښ ګ ڼ ې ۍ) need a font that has them; the stylesheet must name
/// one that this machine has installed (fontconfig's answer), not leave them to chance.
#[test]
fn the_stylesheet_names_an_installed_font_with_the_pashto_letters() {
    let css = include_str!("../assets/main.css");
    let stack = css
        .lines()
        .find_map(|l| l.trim().strip_prefix("font-family:"))
        .expect("a font-family in :root");
    let families: Vec<&str> = stack
        .trim_end_matches(';')
        .split(',')
        .map(|f| f.trim().trim_matches('"'))
        .collect();
    let out = std::process::Command::new("fc-list")
        .args([":charset=067c 0689 0693 069a 06ab 06bc 06d0 06cd", "family"])
        .output()
        .expect("fc-list (fontconfig) runs");
    let with_pashto = String::from_utf8_lossy(&out.stdout).to_string();
    let found: Vec<&&str> = families
        .iter()
        .filter(|f| {
            with_pashto
                .lines()
                .any(|l| l.split(',').any(|n| n.trim() == **f))
        })
        .collect();
    assert!(
        !found.is_empty(),
        "none of {families:?} is an installed font with the Pashto letters; fonts that have them: {with_pashto}"
    );
}

/// The pack carries Türkiye's moving holidays (holidays.toml): a public office is closed on
/// Kurban Bayramı 2027 and, on the eve of Ramazan Bayramı 2027, from 13:00 (after its lunch
/// break it does not reopen). Without the list the hours engine would show it open.
#[test]
fn offices_close_on_the_moving_holidays_the_pack_carries() {
    use chrono::TimeZone;
    let (_dir, pack) = embedded_pack();
    let clock = pack.clock().unwrap();
    let office = clock.hours("Mo-Fr 08:00-12:00,13:00-17:00; PH off");
    let at = |y, m, d, h, min| {
        // Istanbul is UTC+3 all year.
        chrono::FixedOffset::east_opt(3 * 3600)
            .unwrap()
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    use merhaba_core::HoursStatus::*;
    // Monday 17 May 2027, the second day of Kurban Bayramı.
    assert_eq!(
        office.status(at(2027, 5, 17, 10, 0)),
        OpensAt(t("2027-05-20 08:00"))
    );
    // Monday 8 March 2027, the eve of Ramazan Bayramı (9–11 March).
    assert_eq!(
        office.status(at(2027, 3, 8, 10, 0)),
        OpenUntil(t("2027-03-08 12:00"))
    );
    assert_eq!(
        office.status(at(2027, 3, 8, 12, 30)),
        OpensAt(t("2027-03-12 08:00"))
    );
    assert!(!office.is_open(at(2027, 3, 8, 14, 0)));
}

/// The editor's report on the shipped content finds nothing to fix before publishing.
#[test]
fn the_editors_report_on_the_shipped_content_lists_no_errors() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/aydin");
    let source = merhaba_pack::ContentSource::read(&dir).unwrap();
    let errors = merhaba_pack::validate(&source);
    let report = merhaba_pack::report::report(&source, &errors, chrono::Utc::now().date_naive());
    assert!(!report.has_errors(), "{}", report.text());
}

/// The first-steps paths the intake desk walks through: at least the five common situations,
/// each in every language with nothing falling back, each step a service of the guide, and
/// each path page rendering its steps in order.
#[test]
fn the_first_steps_paths_cover_five_situations_in_every_language() {
    let (dir, pack) = embedded_pack();
    for lang in LANGUAGES {
        let chain = LanguageChain::new(lang, pack.languages());
        let paths = pack.first_steps(&chain).unwrap();
        assert!(paths.len() >= 5, "{lang}: {} paths", paths.len());
        for summary in &paths {
            let path = pack.first_steps_path(&summary.id, &chain).unwrap().unwrap();
            assert_eq!(path.fallback_language(lang), None, "{lang}: {}", path.id);
            assert!(
                path.steps.len() >= 4,
                "{}: {} steps",
                path.id,
                path.steps.len()
            );
            for step in &path.steps {
                let service = pack.service(&step.service.id, &chain).unwrap();
                assert!(
                    service.is_some(),
                    "{}: no service {}",
                    path.id,
                    step.service.id
                );
            }
            // A path is no more checked than its steps (the validator refuses that too).
            if !path.sample {
                assert!(path.steps.iter().all(|s| !s.service.sample), "{}", path.id);
            }
            let html = render(
                Boot::new(
                    Ok(Stores::new(
                        CityPack::open(pack.path()).unwrap(),
                        UserStore::open_in_memory().unwrap(),
                    )),
                    vec![lang.to_string()],
                )
                .at(&format!("/path/{}", path.id)),
            );
            // Names as written, whatever the renderer escaped (İŞKUR'a).
            let html = html
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&amp;", "&");
            let mut at = 0;
            for step in &path.steps {
                let found = html[at..].find(&step.service.name.value);
                at += found.unwrap_or_else(|| {
                    panic!("{lang}: {} step {} out of order", path.id, step.service.id)
                });
            }
        }
    }
    drop(dir);
}
