//! Widgets shared by several screens.

pub mod content;
pub mod guide;
pub mod intake;
pub mod listen;
pub mod map;
pub mod provenance;
pub mod shell;
