//! The one rule for a picture a course may show ([`refusal`]), kept by the validator when a
//! pack is built and again by the pack reader when the app shows it (a pack is untrusted
//! input). A PNG is decoded whole, within a size limit ([`png_refusal`]).
//!
//! An SVG is parsed as XML (no DTD, so no entities) and every element and attribute must be
//! on an allowlist of plain drawing: shapes, paths, text, gradients, groups and `<use>` of
//! an element of the same file. Anything else is refused by name: scripts, event handlers,
//! `foreignObject`, `image`, `style` and CSS (`url()` other than `url(#id)`, `@import`),
//! links to other files, elements or attributes of other namespaces. Matching is on the
//! parsed names, so case, namespace prefixes and entities cannot hide one.

/// The SVG namespace, the only one whose elements are drawn.
const SVG: &str = "http://www.w3.org/2000/svg";
/// `xlink:href`, the older spelling of `href`.
const XLINK: &str = "http://www.w3.org/1999/xlink";
/// `xml:lang`, `xml:space`.
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// Elements a picture may hold.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "symbol",
    "use",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "marker",
];

/// Attributes any of them may carry (values are checked apart).
const ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "version",
    "viewBox",
    "preserveAspectRatio",
    "width",
    "height",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "d",
    "points",
    "dx",
    "dy",
    "rotate",
    "transform",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "opacity",
    "color",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "direction",
    "unicode-bidi",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientUnits",
    "gradientTransform",
    "spreadMethod",
    "clip-path",
    "clip-rule",
    "clipPathUnits",
    "markerWidth",
    "markerHeight",
    "markerUnits",
    "refX",
    "refY",
    "orient",
    "marker-start",
    "marker-mid",
    "marker-end",
    "role",
    "aria-label",
    "aria-hidden",
    "lang",
    "href",
];

/// Why a picture of `media_type` (as `course_image_type` names it) may not be shown; `None`
/// when it may. The validator and the pack reader both ask this.
pub fn refusal(media_type: &str, bytes: &[u8]) -> Option<String> {
    match media_type {
        "image/svg+xml" => svg_refusal(bytes),
        "image/png" => png_refusal(bytes),
        other => Some(format!("{other} is not a type of picture courses show")),
    }
}

/// The largest PNG a course may show, per side, in pixels: a small file that inflates to a
/// huge image (a decompression bomb) is refused before it is drawn.
pub const PNG_MAX_SIDE: u32 = 4096;

/// Why a PNG may not be shown: not a PNG, larger than [`PNG_MAX_SIDE`] on a side, or data
/// that does not decode whole (cut short, a bad checksum, damaged). `None` when it decodes.
pub fn png_refusal(bytes: &[u8]) -> Option<String> {
    let limits = png::Limits {
        bytes: 4 * (PNG_MAX_SIDE as usize).pow(2),
    };
    let mut reader = match png::Decoder::new_with_limits(bytes, limits).read_info() {
        Ok(reader) => reader,
        Err(e) => return Some(format!("the PNG does not decode: {e}")),
    };
    let (width, height) = reader.info().size();
    if width > PNG_MAX_SIDE || height > PNG_MAX_SIDE {
        return Some(format!(
            "the PNG is {width}×{height} pixels; the most allowed is {PNG_MAX_SIDE} on a side"
        ));
    }
    let mut pixels = vec![0; reader.output_buffer_size()];
    match reader.next_frame(&mut pixels) {
        Ok(_) => None,
        Err(e) => Some(format!("the PNG does not decode: {e}")),
    }
}

/// Why an SVG may not be shown, naming what it holds; `None` when it is plain drawing.
pub fn svg_refusal(bytes: &[u8]) -> Option<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Some("the SVG is not UTF-8 text".into());
    };
    let document = match roxmltree::Document::parse(text) {
        Ok(document) => document,
        Err(roxmltree::Error::DtdDetected) => {
            return Some("the SVG holds a DOCTYPE (and with it, maybe entities)".into())
        }
        Err(e) => return Some(format!("the SVG is not well-formed XML: {e}")),
    };
    let root = document.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG) {
        return Some(format!(
            "the file is named .svg but its root is <{}>, not an <svg> of the SVG namespace",
            root.tag_name().name()
        ));
    }
    for node in document.descendants() {
        if node.is_pi() {
            return Some("the SVG holds a processing instruction (<?…?>)".into());
        }
        if !node.is_element() {
            continue;
        }
        let tag = node.tag_name();
        let name = tag.name();
        if tag.namespace() != Some(SVG) || !ELEMENTS.contains(&name) {
            return Some(format!(
                "the SVG holds a <{name}> element{}: a course picture is plain shapes and text",
                tag.namespace()
                    .filter(|n| *n != SVG)
                    .map(|n| format!(" of the namespace {n}"))
                    .unwrap_or_default()
            ));
        }
        for attribute in node.attributes() {
            if let Some(problem) = attribute_refusal(name, &attribute) {
                return Some(problem);
            }
        }
    }
    None
}

/// Why one attribute of `<element>` may not stay.
fn attribute_refusal(element: &str, attribute: &roxmltree::Attribute) -> Option<String> {
    let name = attribute.name();
    let allowed = match attribute.namespace() {
        None => ATTRIBUTES.contains(&name),
        Some(XLINK) => name == "href",
        Some(XML) => name == "lang" || name == "space",
        Some(_) => false,
    };
    if !allowed {
        let kind = if name.to_ascii_lowercase().starts_with("on") {
            "an event handler"
        } else {
            "an attribute pictures may not carry"
        };
        return Some(format!("the SVG's <{element}> holds {kind}: {name}"));
    }
    let value = attribute.value().to_ascii_lowercase();
    if name == "href" && !value.trim_start().starts_with('#') {
        return Some(format!(
            "the SVG's <{element}> links to another file ({name}=\"{}\"): draw it inline",
            attribute.value()
        ));
    }
    if value.contains("@import") || value.contains("javascript:") || value.contains("expression(") {
        return Some(format!(
            "the SVG's <{element}> {name} holds script or CSS that loads"
        ));
    }
    // `url(` may name only an element of this file: url(#id).
    let mut rest = value.as_str();
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let target = rest.trim_start().trim_start_matches(['"', '\'']);
        if !target.starts_with('#') {
            return Some(format!(
                "the SVG's <{element}> {name} loads another file through url(): only url(#id) may stay"
            ));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{png_refusal, refusal, svg_refusal, PNG_MAX_SIDE};

    /// A grey PNG of `width` × `height` pixels, as an encoder writes it.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_image_data(&vec![128; (width * height) as usize])
            .unwrap();
        writer.finish().unwrap();
        bytes
    }

    #[test]
    fn a_png_is_shown_only_when_it_decodes_whole_and_small_enough() {
        let good = png(40, 30);
        assert_eq!(png_refusal(&good), None);
        assert_eq!(refusal("image/png", &good), None);
        let said = |bytes: &[u8]| png_refusal(bytes).unwrap_or_default();
        assert!(said(b"GIF89a").starts_with("the PNG does not decode"));
        // Cut short, in the header and in the data.
        assert!(said(&good[..20]).starts_with("the PNG does not decode"));
        assert!(said(&good[..good.len() - 20]).starts_with("the PNG does not decode"));
        // One byte of the compressed data changed: its checksum no longer holds.
        let mut damaged = good.clone();
        let data = damaged.windows(4).position(|w| w == b"IDAT").unwrap() + 6;
        damaged[data] ^= 0x55;
        assert!(
            said(&damaged).starts_with("the PNG does not decode"),
            "{}",
            said(&damaged)
        );
        // A few hundred bytes that would inflate to a picture wider than any screen.
        let wide = png(PNG_MAX_SIDE + 1, 1);
        assert!(wide.len() < 1024);
        assert_eq!(
            said(&wide),
            format!(
                "the PNG is {}×1 pixels; the most allowed is {PNG_MAX_SIDE} on a side",
                PNG_MAX_SIDE + 1
            )
        );
        // An SVG is never taken for a PNG, nor a type courses do not show.
        assert!(refusal("image/png", br#"<svg xmlns="http://www.w3.org/2000/svg"/>"#).is_some());
        assert!(refusal("image/gif", b"GIF89a").is_some());
    }

    const NS: &str = r#"xmlns="http://www.w3.org/2000/svg""#;

    #[test]
    fn plain_drawing_passes() {
        let ok = format!(
            r##"<svg {NS} xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><circle cx="5" cy="5" r="4" fill="url(#g)"/><use xlink:href="#g"/><text x="1" y="9" xml:lang="ar">مرحبا</text></svg>"##
        );
        assert_eq!(svg_refusal(ok.as_bytes()), None);
    }

    /// Each way past a substring check, refused by name.
    #[test]
    fn every_bypass_is_refused_by_name() {
        for (bad, says) in [
            (
                format!("<svg {NS}><SCRIPT>alert(1)</SCRIPT></svg>"),
                "<SCRIPT>",
            ),
            (
                format!("<svg {NS}><script>alert(1)</script></svg>"),
                "<script>",
            ),
            (
                format!(
                    r#"<svg {NS} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>x()</h:script></svg>"#
                ),
                "namespace",
            ),
            (
                format!(
                    r#"<svg {NS} xmlns:s="http://www.w3.org/2000/svg"><s:foreignObject/></svg>"#
                ),
                "foreignObject",
            ),
            (format!(r#"<svg {NS} OnLoad="x()"/>"#), "event handler"),
            (
                format!(r#"<svg {NS}><rect onclick = "x()"/></svg>"#),
                "event handler",
            ),
            (
                format!(
                    r#"<svg {NS} xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="other.svg#a"/></svg>"#
                ),
                "another file",
            ),
            (
                format!(r#"<svg {NS}><use href=" https://x.example/a.svg#b"/></svg>"#),
                "another file",
            ),
            (
                format!(r#"<svg {NS}><image href="a.png"/></svg>"#),
                "<image>",
            ),
            (
                format!(r#"<svg {NS}><rect fill="url(https://x.example/p)"/></svg>"#),
                "url()",
            ),
            (
                format!(r#"<svg {NS}><rect fill="URL( 'x.svg#p')"/></svg>"#),
                "url()",
            ),
            (
                format!(r#"<svg {NS}><rect style="fill:red"/></svg>"#),
                "style",
            ),
            (
                format!(r#"<svg {NS}><style>@import url(x.css);</style></svg>"#),
                "<style>",
            ),
            (
                format!(r#"<svg {NS}><rect class="a" fill="@import 'x'"/></svg>"#),
                "CSS",
            ),
            (
                format!(r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg {NS}>&x;</svg>"#),
                "DOCTYPE",
            ),
            (
                format!(r#"<?xml-stylesheet href="x.css"?><svg {NS}/>"#),
                "processing instruction",
            ),
            ("<svg><rect/></svg>".to_string(), "SVG namespace"),
            ("<html/>".to_string(), "<html>"),
            (format!("<svg {NS}><rect></svg>"), "well-formed"),
        ] {
            let problem = svg_refusal(bad.as_bytes()).unwrap_or_default();
            assert!(
                problem.contains(says),
                "{bad}: {problem:?} should say {says:?}"
            );
        }
        assert!(svg_refusal(b"\xff\xfe<svg/>").unwrap().contains("UTF-8"));
    }
}
