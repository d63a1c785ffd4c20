//! The `fixtures/mini` city of the publisher's tests, as text, and its pack built once.

use std::path::Path;
use std::sync::OnceLock;

pub const MINI_CITY: &str = include_str!("../../crates/pack/tests/fixtures/mini/city.toml");
pub const MINI_CATEGORIES: &str =
    include_str!("../../crates/pack/tests/fixtures/mini/categories.toml");
/// The service files, by file name.
pub const MINI_SERVICES: &[(&str, &str)] = &[
    (
        "clinic.toml",
        include_str!("../../crates/pack/tests/fixtures/mini/services/clinic.toml"),
    ),
    (
        "course.toml",
        include_str!("../../crates/pack/tests/fixtures/mini/services/course.toml"),
    ),
    (
        "pharmacy.toml",
        include_str!("../../crates/pack/tests/fixtures/mini/services/pharmacy.toml"),
    ),
];

/// Writes the mini city into `dir` (`city.toml`, `categories.toml`, `services/`).
pub fn write_mini(dir: &Path) {
    std::fs::create_dir_all(dir.join("services")).expect("create services/");
    std::fs::write(dir.join("city.toml"), MINI_CITY).expect("write city.toml");
    std::fs::write(dir.join("categories.toml"), MINI_CATEGORIES).expect("write categories");
    for (name, text) in MINI_SERVICES {
        std::fs::write(dir.join("services").join(name), text).expect("write a service");
    }
}

/// The pack `merhaba-pack build` makes of the mini city, built once per process.
pub fn mini_pack_bytes() -> &'static [u8] {
    static PACK: OnceLock<Vec<u8>> = OnceLock::new();
    PACK.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        write_mini(dir.path());
        let source = merhaba_pack::load(dir.path()).expect("the mini fixture is valid");
        let out = dir.path().join("mini.sqlite");
        merhaba_core::build_pack(&source.content(), &out).expect("build the mini pack");
        std::fs::read(out).expect("read the mini pack")
    })
}
