//! Merhaba's UI-free core: the content model, the city pack (its one format: schema, writer,
//! reader, install), search, the user store, and localisation, opening hours and the nearby
//! index. See ARCHITECTURE.md's "entry points" for where each feature starts.
//!
//! Nothing here imports dioxus; the app and the publisher CLI both build on it.

// Links SQLite's host functions (clock, randomness) for the browser; see Cargo.toml.
#[cfg(target_arch = "wasm32")]
use sqlite_wasm_rs as _;

pub mod content;
pub mod course;
pub mod delta;
#[cfg(feature = "feed")]
pub mod feed;
pub mod feedback;
pub mod fold;
pub mod hours;
pub mod l10n;
mod link;
pub mod model;
pub mod nearby;
pub mod pack;
pub mod picture;
pub mod position;
pub mod read_aloud;
pub mod release;
pub mod search;
pub mod slip;
pub mod stem;
pub mod user;

pub use hours::{CityClock, Hours, HoursStatus};
pub use l10n::{Direction, LanguageChain, Localizer};
pub use link::{is_safe_link, link_refusal};
pub use model::*;
pub use nearby::{CityArea, Filter, Hit, NearbyIndex};
pub use pack::{
    build_pack, install_pack, open_installed, open_or_install, pack_path, CityPack, NearbyData,
    NearbyQuery, StoreError,
};
pub use position::{Compass, Position, PositionError};
pub use user::UserStore;
