//! Search over the shipped Aydın pack, with the code the app runs: the recall set in
//! tests/search/recall-aydin.tsv (recall@3 printed, at least 95 % required), reader's
//! language first, matches through another language labelled, and the search screen.

mod common;

use common::{embedded_pack, render};
use merhaba::boot::Stores;
use merhaba::Boot;
use merhaba_core::{LanguageChain, UserStore};

#[test]
fn recall_at_3_on_the_recall_set_is_at_least_95_percent() {
    let (_dir, pack) = embedded_pack();
    let set = include_str!("search/recall-aydin.tsv");
    let (mut found, mut total, mut misses) = (0, 0, Vec::new());
    for line in set
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [query, reader, expected, case] = fields[..] else {
            panic!("recall-aydin.tsv: bad line {line:?}")
        };
        assert!(
            pack.service_ids().unwrap().iter().any(|id| id == expected),
            "unknown service {expected}"
        );
        total += 1;
        let hits = pack.search_hits(query, reader, 3).unwrap();
        if hits.iter().any(|h| h.service_id == expected) {
            found += 1;
        } else {
            let got: Vec<_> = hits.iter().map(|h| h.service_id.as_str()).collect();
            misses.push(format!(
                "  {query:?} ({reader}, {case}): expected {expected}, got {got:?}"
            ));
        }
    }
    let recall = found as f64 / total as f64;
    println!("recall@3 = {found}/{total} = {:.1} %", recall * 100.0);
    for miss in &misses {
        println!("{miss}");
    }
    assert!(total >= 60, "the recall set has {total} queries");
    assert!(
        recall >= 0.95,
        "recall@3 {:.1} % is below 95 %:\n{}",
        recall * 100.0,
        misses.join("\n")
    );
}

#[test]
fn the_readers_language_comes_first_and_other_matches_are_labelled() {
    let (_dir, pack) = embedded_pack();
    let chain = LanguageChain::new("ar", pack.languages());
    // Some Arabic texts name the hospital as its sign does ("Aydın Şehir Hastanesi"): those
    // match in the reader's language and come first; the rest are found through Turkish.
    let results = pack.search("hastane", &chain, 5).unwrap();
    assert!(results.iter().any(|r| r.found_in == "tr"), "{results:?}");
    let first_other = results.iter().position(|r| !r.in_reader_language);
    for (i, r) in results.iter().enumerate() {
        assert_eq!(r.in_reader_language, r.found_in == "ar");
        assert!(r.found_in == "ar" || r.found_in == "tr", "{}", r.found_in);
        if first_other.is_some_and(|first| i > first) {
            assert!(!r.in_reader_language, "the reader's language comes first");
        }
        assert_eq!(r.service.name.lang, "ar", "shown in the reader's language");
        assert!(!r.path.is_empty(), "with its category path");
    }
    let results = pack.search("مستشفى", &chain, 5).unwrap();
    assert!(results
        .iter()
        .all(|r| r.in_reader_language && r.found_in == "ar"));
}

#[test]
fn nothing_is_searched_for_less_than_two_letters() {
    let (_dir, pack) = embedded_pack();
    assert!(pack.search_hits("", "en", 5).unwrap().is_empty());
    assert!(pack.search_hits(" ", "en", 5).unwrap().is_empty());
    assert!(pack.search_hits("a", "en", 5).unwrap().is_empty());
    assert!(pack.search_hits("\"*()", "en", 5).unwrap().is_empty());
}

fn render_at(path: &str, lang: &str) -> String {
    let (dir, pack) = embedded_pack();
    let stores = Stores::new(
        pack,
        UserStore::open(&dir.path().join("user.sqlite")).unwrap(),
    );
    render(
        Boot::new(Ok(stores), vec![lang.into()])
            .without_isolation_marks()
            .at(path),
    )
}

#[test]
fn the_search_screen_highlights_matches_and_shows_the_path() {
    let html = render_at("/search?q=family%20doctor", "en");
    assert!(html.contains(r#"href="/service/family-doctor""#), "{html}");
    assert!(
        html.contains("<mark>Family</mark>") && html.contains("<mark>doctor</mark>"),
        "{html}"
    );
    assert!(
        html.contains("Health</bdi> › <bdi lang=\"en\" dir=\"ltr\">Family doctors</bdi>"),
        "{html}"
    );
}

#[test]
fn the_search_screen_in_arabic_labels_matches_found_through_turkish() {
    let html = render_at("/search?q=hastane", "ar");
    assert!(html.contains(r#"dir="rtl""#));
    assert!(html.contains("وُجد عبر Türkçe"), "{html}");
}

#[test]
fn no_result_offers_topics_and_emergency_numbers() {
    let html = render_at("/search?q=xqzzy", "en");
    assert!(html.contains("Nothing found for"), "{html}");
    assert!(html.contains(r#"href="/category/health""#), "{html}");
    assert!(html.contains(r#"href="tel:112""#), "{html}");
}
