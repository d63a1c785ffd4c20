//! Helpers shared by the app's integration tests.
#![allow(dead_code)]

use dioxus::prelude::*;
use std::path::Path;

use merhaba::boot::{Stores, EMBEDDED_PACK};
use merhaba::{Boot, Root, RootProps};
use merhaba_core::{install_pack, CityPack};

/// The Aydın pack the app embeds, installed into a temporary data folder.
pub fn embedded_pack() -> (tempfile::TempDir, CityPack) {
    let dir = tempfile::tempdir().unwrap();
    let path = install_pack(dir.path(), EMBEDDED_PACK).unwrap();
    let pack = CityPack::open(&path).unwrap();
    (dir, pack)
}

/// The whole app for `boot`, rendered to HTML with dioxus-ssr.
pub fn render(boot: Boot) -> String {
    let mut vdom = VirtualDom::new_with_props(Root, RootProps { boot });
    vdom.rebuild_in_place();
    dioxus_ssr::render(&vdom)
}

/// Builds the `mini` fixture's pack into `dir` and returns a boot for it, with the user
/// database beside it (`dir/user.sqlite`), for a device preferring `device_languages`.
pub fn mini_boot(dir: &Path, device_languages: &[&str]) -> Boot {
    source_boot(&mini_fixture(), dir, device_languages)
}

/// The `mini` fixture's content folder.
pub fn mini_fixture() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/pack/tests/fixtures/mini")
}

/// [`mini_boot`] for the city content in `source` (a changed copy of a fixture, say).
pub fn source_boot(source: &Path, dir: &Path, device_languages: &[&str]) -> Boot {
    let source = merhaba_pack::load(source).expect("fixture is valid");
    let pack_path = dir.join("mini.sqlite");
    merhaba_core::build_pack(&source.content(), &pack_path).unwrap();
    let stores = Stores::new(
        CityPack::open(&pack_path).unwrap(),
        merhaba_core::UserStore::open(&dir.join("user.sqlite")).unwrap(),
    );
    let langs = device_languages.iter().map(|s| s.to_string()).collect();
    Boot::new(Ok(stores), langs).without_isolation_marks()
}
