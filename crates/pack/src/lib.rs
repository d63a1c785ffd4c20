//! The publisher's side of Merhaba: read a city's content source, validate it, build its pack.

mod field_lines;
mod folder;
pub mod hsds;
pub mod keys;
pub mod publish;
pub mod report;
pub mod serve;
pub mod site;
pub mod source;
pub mod validate;

pub use merhaba_core::build_pack;
pub use source::{ContentError, ContentSource};
pub use validate::validate;

/// Reads and validates `content/<city>/`, returning every problem found.
pub fn load(dir: &std::path::Path) -> Result<ContentSource, Vec<ContentError>> {
    let source = ContentSource::read(dir)?;
    let errors = validate(&source);
    if errors.is_empty() {
        Ok(source)
    } else {
        Err(errors)
    }
}
