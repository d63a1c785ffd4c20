//! One file per route.

mod category;
mod course_done;
mod courses;
mod emergency;
mod home;
mod lesson;
mod nearby;
mod neutral;
mod not_found;
mod paths;
mod search;
mod service;
pub(crate) mod service_pair;
mod settings;
mod slip;
mod submenu;

pub use category::CategoryPage;
pub use course_done::CourseDone;
pub use courses::{CourseList, CoursePage};
pub use emergency::Emergency;
pub use home::Home;
pub use lesson::LessonPage;
pub use nearby::Nearby;
pub use neutral::Neutral;
pub use not_found::NotFound;
pub use paths::{PathList, PathPage};
pub use search::Search;
pub use service::ServicePage;
pub use settings::Settings;
pub use slip::SlipComposer;
pub use submenu::SubmenuPage;
