//! Content TOML files through the publisher's read and `validate`, as `merhaba-pack
//! validate` and `build` run them; content that passes is built into a pack and read back.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use merhaba_core::{CityPack, LanguageChain};

use crate::fixture::write_mini;

/// A copy of the mini city in a folder of its own, one per target, kept for the process.
fn folder(cell: &'static OnceLock<Mutex<tempfile::TempDir>>) -> &'static Mutex<tempfile::TempDir> {
    cell.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        write_mini(dir.path());
        Mutex::new(dir)
    })
}

/// The mini city with `data` as one more service file.
pub fn content_service(data: &[u8]) {
    static DIR: OnceLock<Mutex<tempfile::TempDir>> = OnceLock::new();
    let dir = folder(&DIR).lock().unwrap_or_else(|e| e.into_inner());
    check(dir.path(), &dir.path().join("services/fuzz.toml"), data);
}

/// The mini city with `data` as its `city.toml`.
pub fn content_city(data: &[u8]) {
    static DIR: OnceLock<Mutex<tempfile::TempDir>> = OnceLock::new();
    let dir = folder(&DIR).lock().unwrap_or_else(|e| e.into_inner());
    check(dir.path(), &dir.path().join("city.toml"), data);
}

/// Writes `data` to `file` of the city in `dir`, reads and validates the city, and builds
/// and reads the pack of a city that passes.
fn check(dir: &Path, file: &PathBuf, data: &[u8]) {
    std::fs::write(file, data).expect("write the fuzz input");
    let Ok(source) = merhaba_pack::load(dir) else {
        return;
    };
    let out = dir.join("fuzz.sqlite");
    // A valid city the writer refuses is a bug in `validate`: whatever passes must build.
    merhaba_core::build_pack(&source.content(), &out).expect("validated content builds");
    let pack = CityPack::open(&out).expect("a pack just built opens");
    let chain = LanguageChain::new("en", pack.languages());
    pack.city(&chain).expect("the city of a pack just built");
    for id in pack.service_ids().expect("service ids") {
        pack.service(&id, &chain)
            .expect("a service of a pack just built");
    }
    let _ = std::fs::remove_file(&out);
}
