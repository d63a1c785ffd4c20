//! The pictures of `courses/images/`: SVG or PNG, small, shown by some card, and an SVG holds
//! nothing that runs or loads another file.

use std::collections::BTreeSet;

use crate::source::{course_image_type, ContentError, ContentSource};

/// The most bytes of a course picture.
pub const IMAGE_MAX_BYTES: usize = 256 * 1024;

/// Every picture: an SVG or PNG, at most `IMAGE_MAX_BYTES`, shown by some card; an SVG with
/// no script, event handler, foreign object, entity or link to another file.
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
            Some("image/png") if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") => {
                problem("the file is named .png but is not a PNG image".into())
            }
            Some("image/svg+xml") => {
                if let Some(p) = svg_problem(bytes) {
                    problem(p);
                }
            }
            Some(_) => {}
            None => problem("a course picture is an .svg or a .png file".into()),
        }
    }
}

/// Why an SVG may not be shown, if it may not: not UTF-8 text, not an SVG, or holding what
/// runs or loads (scripts, event handlers, foreign objects, entities, links to other files).
fn svg_problem(bytes: &[u8]) -> Option<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some("the SVG is not UTF-8 text".into());
    };
    let lower = text.to_ascii_lowercase();
    if !lower.contains("<svg") {
        return Some("the file is named .svg but holds no <svg> element".into());
    }
    let banned = [
        ("<script", "a <script>"),
        ("<foreignobject", "a <foreignObject>"),
        ("<!entity", "an entity declaration"),
        ("<!doctype", "a DOCTYPE"),
        ("javascript:", "a javascript: link"),
    ];
    if let Some((_, what)) = banned.iter().find(|(s, _)| lower.contains(s)) {
        return Some(format!(
            "the SVG holds {what}: a course picture is plain shapes and text"
        ));
    }
    let handler = lower.match_indices(" on").any(|(at, _)| {
        let name: String = lower[at + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        lower[at + 1 + name.len()..].trim_start().starts_with('=')
    });
    if handler {
        return Some("the SVG holds an event handler (an on…= attribute)".into());
    }
    let external = lower.match_indices("href").any(|(at, _)| {
        let rest = lower[at + 4..].trim_start();
        rest.strip_prefix('=').is_some_and(|value| {
            let value = value.trim_start().trim_start_matches(['"', '\'']);
            !value.starts_with('#')
        })
    });
    if external {
        return Some(
            "the SVG links to another file (an href not starting with #): draw it inline".into(),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::svg_problem;

    #[test]
    fn svgs_that_run_or_load_are_named() {
        let ok = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/><use href="#a"/></svg>"##;
        assert_eq!(svg_problem(ok), None);
        for (bad, says) in [
            (&b"<svg><script>alert(1)</script></svg>"[..], "<script>"),
            (b"<svg onload = \"x()\"></svg>", "event handler"),
            (
                b"<svg><image href='https://x.example/a.png'/></svg>",
                "another file",
            ),
            (b"<svg><image xlink:href=\"a.png\"/></svg>", "another file"),
            (b"<svg><foreignObject/></svg>", "foreignObject"),
            (
                b"<!DOCTYPE svg [<!ENTITY x 'y'>]><svg/>",
                "entity declaration",
            ),
            (b"<!DOCTYPE svg><svg/>", "DOCTYPE"),
            (b"<html></html>", "no <svg>"),
            (b"\xff\xfe<svg/>", "UTF-8"),
        ] {
            let problem = svg_problem(bad).unwrap_or_default();
            assert!(problem.contains(says), "{problem:?} should say {says:?}");
        }
    }
}
