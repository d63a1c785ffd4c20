//! Merhaba's UI-free core: the content model, the city pack and user stores, and localisation.
//!
//! Nothing here imports dioxus; the app and the publisher CLI both build on it.

pub mod fold;
pub mod l10n;
pub mod model;
pub mod pack_schema;
pub mod search;
pub mod store;
pub mod user;

pub use l10n::{Direction, LanguageChain, Localizer};
pub use model::*;
pub use store::{install_pack, open_or_install, pack_path, CityPack, StoreError};
pub use user::UserStore;
