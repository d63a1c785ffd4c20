//! Merhaba's UI-free core: the content model, the city pack and user stores, and localisation, opening hours and the nearby index.
//!
//! Nothing here imports dioxus; the app and the publisher CLI both build on it.

pub mod delta;
pub mod feed;
pub mod fold;
pub mod hours;
pub mod l10n;
pub mod model;
pub mod nearby;
pub mod pack_schema;
pub mod position;
pub mod search;
pub mod store;
pub mod user;

pub use hours::{CityClock, Hours, HoursStatus};
pub use l10n::{Direction, LanguageChain, Localizer};
pub use model::*;
pub use nearby::{CityArea, Filter, Hit, NearbyIndex};
pub use position::{Compass, Position, PositionError};
pub use store::{install_pack, open_or_install, pack_path, CityPack, StoreError};
pub use user::UserStore;
