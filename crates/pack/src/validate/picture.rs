//! The pictures of `courses/images/`: SVG or PNG, small, shown by some card; an SVG holds
//! nothing that runs or loads another file, a PNG decodes whole.

use std::collections::BTreeSet;

use crate::source::{course_image_type, ContentError, ContentSource};

/// The most bytes of a course picture.
pub const IMAGE_MAX_BYTES: usize = 256 * 1024;

/// Every picture: an SVG or PNG, at most `IMAGE_MAX_BYTES`, shown by some card, and as
/// `merhaba_core::picture::refusal` allows (an SVG parsed, every element and attribute on an
/// allowlist; a PNG decoded whole).
pub(super) fn check_images(
    source: &ContentSource,
    shown_images: &BTreeSet<&str>,
    errors: &mut Vec<ContentError>,
) {
    for (name, bytes) in &source.course_images {
        let mut problem = |p: String| {
            errors.push(ContentError {
                file: source.dir.join("courses").join("images").join(name),
                line: None,
                field: None,
                problem: p,
            })
        };
        if bytes.len() > IMAGE_MAX_BYTES {
            problem(format!(
                "the picture is {} bytes; the most allowed is {IMAGE_MAX_BYTES} (256 KiB)",
                bytes.len()
            ));
        }
        if !shown_images.contains(name.as_str()) {
            problem("no card shows this picture: use it in a card's `image` or remove it".into());
        }
        match course_image_type(name) {
            Some(media_type) => {
                if let Some(p) = merhaba_core::picture::refusal(media_type, bytes) {
                    problem(p);
                }
            }
            None => problem("a course picture is an .svg or a .png file".into()),
        }
    }
}
