//! The laid-out page as SVG text: one `<text>` per piece of a line, codes as paths.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use qrcode::{Color, EcLevel, QrCode};

use crate::fonts::{Font, Script};
use crate::layout::{Mark, Page, MARGIN, PAGE_HEIGHT, PAGE_WIDTH};
use crate::SlipError;

/// The hidden line's text: a space between letters, and the presentation forms of the
/// ligatures the Arabic font always makes (`fonts/subset.sh` keeps them).
const ARABIC_FIXUP: &str =
    "ا ا \u{FEF5} \u{FEF6} \u{FEF7} \u{FEF8} \u{FEF9} \u{FEFA} \u{FEFB} \u{FEFC} \
     \u{FC43} \u{FC86} \u{FD82}";

/// Modules of white around a code, as the QR standard asks.
const QUIET_ZONE: usize = 4;

pub fn write(page: &Page) -> Result<String, SlipError> {
    let mut out = String::with_capacity(64 * 1024);
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 {PAGE_WIDTH} {PAGE_HEIGHT}">
<!-- merhaba-slip: body text {} pt -->
<rect width="{PAGE_WIDTH}" height="{PAGE_HEIGHT}" fill="#fff"/>
"##,
        page.size
    );
    let mut used = BTreeSet::new();
    // Arabic pieces whose letters carry marks, by font (see below).
    let mut marked: BTreeMap<Font, Vec<&str>> = BTreeMap::new();
    for mark in &page.marks {
        match mark {
            Mark::Line { line, x, y, lang } => {
                let (code, rtl) = &page.langs[*lang];
                let _ = write!(
                    out,
                    r#"<g xml:lang="{}" direction="{}">"#,
                    escape(code),
                    if *rtl { "rtl" } else { "ltr" }
                );
                for piece in &line.pieces {
                    used.insert(piece.font);
                    if piece.font.script == Script::Arabic && piece.text.chars().any(is_mark) {
                        marked.entry(piece.font).or_default().push(&piece.text);
                    }
                    // Anchored in the middle: the one anchor that means the same whether a
                    // renderer honours `direction` (browsers) or not (usvg).
                    let _ = write!(
                        out,
                        r#"<text x="{:.2}" y="{y:.2}" font-family="{}" font-size="{:.2}" font-weight="{}" text-anchor="middle" direction="{}" fill="{}">{}</text>"#,
                        x + piece.x + piece.width / 2.0,
                        piece.font.family(),
                        piece.size,
                        if piece.font.bold { 700 } else { 400 },
                        if piece.rtl { "rtl" } else { "ltr" },
                        piece.color,
                        escape(&piece.text),
                    );
                }
                out.push_str("</g>\n");
            }
            Mark::Rule { y } => {
                let (x1, x2) = (MARGIN, PAGE_WIDTH - MARGIN);
                let _ = writeln!(
                    out,
                    r##"<path d="M{x1:.2} {y:.2}H{x2:.2}" stroke="#555" stroke-width="0.6"/>"##
                );
            }
            Mark::Centred { y, width } => {
                let x1 = (PAGE_WIDTH - width) / 2.0;
                let _ = writeln!(
                    out,
                    r##"<path d="M{x1:.2} {y:.2}h{width:.2}" stroke="#555" stroke-width="0.6"/>"##
                );
            }
            Mark::Frame { inset, stroke } => {
                let (w, h) = (PAGE_WIDTH - 2.0 * inset, PAGE_HEIGHT - 2.0 * inset);
                let _ = writeln!(
                    out,
                    r##"<rect x="{inset:.2}" y="{inset:.2}" width="{w:.2}" height="{h:.2}" fill="none" stroke="#555" stroke-width="{stroke:.2}"/>"##
                );
            }
            Mark::Qr { data, x, y, size } => qr(&mut out, data, *x, *y, *size)?,
        }
    }
    // svg2pdf gives each glyph of a font one Unicode text, the last one it meets. In the
    // Arabic font two kinds of glyph need a better one than they may have met: the space
    // glyph, which also draws the invisible joiners (Persian writes a zero-width non-joiner
    // inside words), and the required ligatures (lam-alef, lam-alef maksura), whose text
    // "لا" readers that reverse right-to-left lines letter by letter (poppler) turn into
    // "ال". A hidden line per Arabic font at the very end makes the space read as a space
    // and each ligature as its presentation form, which NFKC (and most readers) fold back to
    // its letters. It draws nothing; `fonts.rs` tests that the ligatures are those glyphs.
    //
    // A letter carrying a vowel mark (أُ, بّ) is one cluster of two glyphs, and usvg gives the
    // whole text to the mark's glyph and none to the letter's, which would make that letter
    // unreadable wherever else it stands on the page. Before that line, the pieces with marks
    // are said again without them (each letter its own text) and each mark alone (its own).
    for font in used.into_iter().filter(|f| f.script == Script::Arabic) {
        let mut marks = BTreeSet::new();
        for text in marked.get(&font).into_iter().flatten() {
            marks.extend(text.chars().filter(|c| is_mark(*c)));
            let bare: String = text.chars().filter(|c| !is_mark(*c)).collect();
            hidden(&mut out, font, &bare);
        }
        for mark in marks {
            hidden(&mut out, font, &mark.to_string());
        }
        hidden(&mut out, font, ARABIC_FIXUP);
    }
    out.push_str("</svg>\n");
    Ok(out)
}

/// A `<text>` that draws nothing, in `font`, read right to left.
fn hidden(out: &mut String, font: Font, text: &str) {
    let _ = writeln!(
        out,
        r#"<text x="0" y="0" visibility="hidden" font-family="{}" font-size="10" font-weight="{}" direction="rtl">{}</text>"#,
        font.family(),
        if font.bold { 700 } else { 400 },
        escape(text),
    );
}

/// A mark the Arabic font sets on a letter: the vowels, shadda, sukun, superscript alef and
/// the Quranic marks.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// A code as one path of its dark modules, on white with its quiet zone, `size` points wide.
fn qr(out: &mut String, data: &str, x: f32, y: f32, size: f32) -> Result<(), SlipError> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M).map_err(|e| {
        SlipError::Code {
            data: data.to_owned(),
            reason: e.to_string(),
        }
    })?;
    let width = code.width();
    let colors = code.to_colors();
    let module = size / (width + 2 * QUIET_ZONE) as f32;
    let _ = write!(
        out,
        r##"<rect x="{x:.2}" y="{y:.2}" width="{size:.2}" height="{size:.2}" fill="#fff"/><path fill="#000" d=""##
    );
    for row in 0..width {
        let mut col = 0;
        while col < width {
            if colors[row * width + col] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < width && colors[row * width + col] == Color::Dark {
                col += 1;
            }
            let left = x + (start + QUIET_ZONE) as f32 * module;
            let top = y + (row + QUIET_ZONE) as f32 * module;
            let _ = write!(
                out,
                "M{left:.3} {top:.3}h{:.3}v{module:.3}h-{:.3}z",
                (col - start) as f32 * module,
                (col - start) as f32 * module
            );
        }
    }
    out.push_str("\"/>\n");
    Ok(())
}

/// Text as XML character data or an attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
