//! One file per route.

mod category;
mod emergency;
mod home;
mod nearby;
mod not_found;
mod search;
mod service;
mod settings;
mod submenu;

pub use category::CategoryPage;
pub use emergency::Emergency;
pub use home::Home;
pub use nearby::Nearby;
pub use not_found::NotFound;
pub use search::Search;
pub use service::ServicePage;
pub use settings::Settings;
pub use submenu::SubmenuPage;
