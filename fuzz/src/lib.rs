//! Fuzz targets for every parser of untrusted or hand-edited input (issue 12, "Fuzzing"):
//! one plain function per target, so `fuzz_targets/*.rs` are thin libFuzzer wrappers and
//! `tests/replay.rs` runs the saved corpora through the same code in `cargo test`.
//!
//! A target panics only on a bug: every error a parser returns for bad input is fine.
//! How to run them, and what they found: `fuzz/README.md`.

mod content;
mod fixture;
mod pack;
mod small;

pub use content::{content_city, content_service};
pub use fixture::{mini_pack_bytes, MINI_CITY, MINI_SERVICES};
pub use pack::{pack, search};
pub use small::{delta, feed, hours};

/// A fuzz target: one input, whatever its bytes.
pub type Target = fn(&[u8]);

/// Every target by name, as `fuzz_targets/` and `corpus/` name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("content_service", content_service),
    ("content_city", content_city),
    ("pack", pack),
    ("delta", delta),
    ("feed", feed),
    ("hours", hours),
    ("search", search),
];
