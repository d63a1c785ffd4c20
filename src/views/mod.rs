//! One file per route.

mod category;
mod emergency;
mod home;
mod not_found;
mod service;
mod settings;
mod submenu;

pub use category::CategoryPage;
pub use emergency::Emergency;
pub use home::Home;
pub use not_found::NotFound;
pub use service::ServicePage;
pub use settings::Settings;
pub use submenu::SubmenuPage;
