//! The shipped Aydın pack, as embedded in the app: every category, submenu and service is
//! reachable and renders completely in English, Turkish and Arabic, with nothing falling
//! back to another language, and the counts the guide promises hold.

mod common;

use common::{embedded_pack, render};
use merhaba::boot::{Stores, EMBEDDED_PACK};
use merhaba::Boot;
use merhaba_core::{CityPack, LanguageChain, UserStore};

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
    assert_eq!(pack.languages(), ["en", "tr", "ar"]);
    let city = pack.city(&chain).unwrap();
    assert_eq!(city.emergency[0].number, "112");
}

#[test]
fn every_entry_is_reachable_and_complete_in_every_language() {
    let (_dir, pack) = embedded_pack();
    let mut reached = std::collections::BTreeSet::new();
    for lang in ["en", "tr", "ar"] {
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

#[test]
fn every_service_page_renders_in_arabic_right_to_left() {
    let (dir, pack) = embedded_pack();
    let ids = pack.service_ids().unwrap();
    let path = pack.path().to_path_buf();
    for id in ids {
        let stores = Stores::new(
            CityPack::open(&path).unwrap(),
            UserStore::open(&dir.path().join("user.sqlite")).unwrap(),
        );
        let boot = Boot::new(Ok(stores), vec!["ar".into()])
            .without_isolation_marks()
            .at(&format!("/service/{id}"));
        let html = render(boot);
        assert!(html.contains(r#"dir="rtl""#), "{id}");
        assert!(
            html.contains("الحقوق والواجبات") && html.contains("مصادر على الإنترنت"),
            "{id}"
        );
        assert!(
            !html.contains(r#"class="notice fallback""#),
            "{id} falls back"
        );
        assert!(!html.contains("This page does not exist"), "{id}");
    }
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
