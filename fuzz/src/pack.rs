//! City packs: a pack file of any bytes through `CityPack::open` and every reader a screen
//! calls, and search queries on the mini pack.

use std::sync::{Mutex, OnceLock};

use chrono::{DateTime, TimeZone, Utc};
use merhaba_core::search::highlight;
use merhaba_core::{CityPack, Filter, LanguageChain, NearbyQuery};

use crate::fixture::mini_pack_bytes;

/// A folder for the pack file under test, kept for the process.
fn scratch(cell: &'static OnceLock<Mutex<tempfile::TempDir>>) -> &'static Mutex<tempfile::TempDir> {
    cell.get_or_init(|| Mutex::new(tempfile::tempdir().expect("temp dir")))
}

fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 18, 9, 30, 0).unwrap()
}

/// `data` as a pack file: opened, then asked what each screen asks.
pub fn pack(data: &[u8]) {
    static DIR: OnceLock<Mutex<tempfile::TempDir>> = OnceLock::new();
    let dir = scratch(&DIR).lock().unwrap_or_else(|e| e.into_inner());
    let path = dir.path().join("fuzz.sqlite");
    std::fs::write(&path, data).expect("write the fuzz input");
    let Ok(pack) = CityPack::open(&path) else {
        return;
    };
    // Errors are fine (a damaged pack); panics, hangs and unbounded memory are not.
    let chain = LanguageChain::new("tr", pack.languages());
    let _ = pack.city(&chain);
    let _ = pack.localities(&chain);
    if let Ok(categories) = pack.categories(&chain) {
        for summary in categories.iter().take(8) {
            if let Ok(Some(category)) = pack.category(&summary.id, &chain) {
                for sub in category.submenus.iter().take(8) {
                    let _ = pack.submenu(&sub.id, &chain);
                }
            }
        }
    }
    if let Ok(ids) = pack.service_ids() {
        for id in ids.iter().take(8) {
            let _ = pack.service(id, &chain);
            let _ = pack.places(id, &chain);
            let _ = pack.menu_paths(id, &chain);
        }
    }
    for query in ["klinik", "eczane", "ders", "دواء", "a"] {
        let _ = pack.search(query, &chain, 20);
    }
    if let Ok(data) = pack.nearby_data() {
        let mut query = NearbyQuery {
            at: data.area.centre,
            k: 20,
            filter: Filter::default(),
            now: noon(),
        };
        let _ = pack.nearby(&data, &query, &chain);
        query.filter.open_at = Some(noon());
        if let Ok(categories) = pack.categories(&chain) {
            query.filter.categories = categories.into_iter().take(1).map(|c| c.id).collect();
        }
        let _ = pack.nearby(&data, &query, &chain);
    }
}

/// The mini pack, opened once per process.
fn mini() -> &'static Mutex<CityPack> {
    static PACK: OnceLock<Mutex<CityPack>> = OnceLock::new();
    PACK.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir").keep();
        let path = dir.join("mini.sqlite");
        std::fs::write(&path, mini_pack_bytes()).expect("write the mini pack");
        Mutex::new(CityPack::open(&path).expect("the mini pack opens"))
    })
}

/// `data` as a search query (what a person types) on the mini pack: the first byte picks
/// the reader's language and how many results, the rest is the query; each result's name
/// is highlighted with it. A query must never fail on a good pack.
pub fn search(data: &[u8]) {
    let (pick, query) = match data.split_first() {
        Some((pick, rest)) => (*pick, String::from_utf8_lossy(rest)),
        None => return,
    };
    let pack = mini().lock().unwrap_or_else(|e| e.into_inner());
    let readers = ["tr", "en", "ar", "fa", "xx"];
    let reader = readers[usize::from(pick) % readers.len()];
    let k = usize::from(pick / 8) + 1;
    let chain = LanguageChain::new(reader, pack.languages());
    pack.search_hits(&query, reader, k)
        .expect("search hits on a good pack");
    for result in pack
        .search(&query, &chain, k)
        .expect("search on a good pack")
    {
        let parts = highlight(&result.service.name.value, &query);
        let joined: String = parts.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            joined, result.service.name.value,
            "highlight keeps the text"
        );
    }
    // Highlighting any text with any query: split the input at its first tab.
    if let Some((text, query)) = query.split_once('\t') {
        let joined: String = highlight(text, query).into_iter().map(|(s, _)| s).collect();
        assert_eq!(joined, text, "highlight keeps the text");
    }
}
