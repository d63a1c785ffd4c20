//! Helpers shared by the app's integration tests.
#![allow(dead_code)]

use dioxus::prelude::*;
use merhaba::boot::EMBEDDED_PACK;
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
