//! Breaking a paragraph into lines of a column; `runs.rs` makes each line into pieces that
//! usvg draws exactly as a reader expects.
//!
//! usvg orders every `<text>` as if its paragraph were left to right (it ignores the SVG
//! `direction` property), and when one piece of text needs two fonts it falls back glyph by
//! glyph in a way that can drop letters. So the slip orders text itself: each line goes
//! through the Unicode Bidirectional Algorithm (the `unicode-bidi` crate usvg also uses) in
//! its column's direction, is split into runs of one direction and one font, and each run
//! becomes its own `<text>`, placed where the algorithm puts it. A right-to-left run always
//! starts and ends with a right-to-left letter, so usvg's own ordering of it is the right one;
//! punctuation at its ends (a colon, a bracket) is placed as a piece of its own, mirrored
//! where the algorithm mirrors it. Values that must read left to right inside right-to-left
//! text (opening hours, phone numbers) are isolated, as LRI…PDI would isolate them.

use crate::fonts::Font;
use crate::runs::layout;

/// A stretch of a paragraph in one style.
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    /// Font size in points.
    pub size: f32,
    /// Read left to right whatever the column's direction (hours, phone numbers).
    pub ltr: bool,
    /// Its SVG fill colour.
    pub color: &'static str,
}

impl Span {
    pub fn new(text: &str, size: f32, bold: bool) -> Span {
        Span {
            text: collapse(text),
            bold,
            size,
            ltr: false,
            color: BLACK,
        }
    }

    pub fn ltr(text: &str, size: f32, bold: bool) -> Span {
        Span {
            text: collapse(text),
            bold,
            size,
            ltr: true,
            color: BLACK,
        }
    }

    /// The same span in another colour.
    pub fn colored(self, color: &'static str) -> Span {
        Span { color, ..self }
    }
}

/// The colour of text unless a span says otherwise.
pub const BLACK: &str = "#000";

/// Runs of spaces, tabs and the like as one space, as SVG draws them; newlines and no-break
/// spaces kept.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c.is_whitespace() && !matches!(c, '\n' | '\u{00A0}') {
            ' '
        } else {
            c
        };
        if !(c == ' ' && out.ends_with([' ', '\n'])) {
            out.push(c);
        }
    }
    out
}

/// One `<text>` of a line: a run of one font and one direction.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub font: Font,
    pub size: f32,
    /// From the line's left edge to the piece's left edge, in points.
    pub x: f32,
    pub width: f32,
    /// Shaped right to left (usvg will find only right-to-left letters at its ends).
    pub rtl: bool,
    pub color: &'static str,
}

/// One line of a column.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
    /// The largest font size on the line, in points.
    pub size: f32,
}

/// Breaks `spans` into lines no wider than `width` points, for a column read right to left
/// when `rtl`. A line breaks after a space, or at a newline; a word wider than the column is
/// broken between letters. A left-to-right value (hours, a phone number) is kept on one line
/// when it fits on one.
pub fn lines(spans: &[Span], width: f32, rtl: bool) -> Vec<Line> {
    let whole: Vec<bool> = spans
        .iter()
        .map(|s| {
            let alone: Vec<(char, usize)> = s.text.chars().map(|c| (c, 0)).collect();
            s.ltr && layout(&alone, std::slice::from_ref(s), rtl).width <= width
        })
        .collect();
    let chars: Vec<(char, usize)> = spans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.text.chars().map(move |c| (c, i)))
        .collect();
    let mut out = Vec::new();
    for paragraph in chars.split(|&(c, _)| c == '\n') {
        let mut start = 0;
        loop {
            start += paragraph[start..]
                .iter()
                .take_while(|(c, _)| c.is_whitespace())
                .count();
            if start >= paragraph.len() {
                break;
            }
            let (end, line) = fill(paragraph, start, spans, &whole, width, rtl);
            out.push(line);
            start = end;
        }
    }
    out
}

/// The longest line from `start` that fits (at least one letter), and where the next begins.
fn fill(
    chars: &[(char, usize)],
    start: usize,
    spans: &[Span],
    whole: &[bool],
    width: f32,
    rtl: bool,
) -> (usize, Line) {
    // After a space, except inside a value kept whole.
    let breaks = (start + 1..=chars.len()).filter(|&i| {
        let inside = |i: usize| chars[i - 1].1 == chars[i].1 && whole[chars[i].1];
        i == chars.len() || chars[i - 1].0 == ' ' && !inside(i)
    });
    let breaks: Vec<usize> = breaks.collect();
    let fits = |k: usize| {
        let line = layout(&chars[start..breaks[k]], spans, rtl);
        (line.width <= width).then_some(line)
    };
    // The last break that fits: doubling steps past it, then halving back (a line is laid out
    // a handful of times, not once per word).
    if let Some(mut best) = fits(0) {
        let (mut fit, mut step) = (0, 1);
        let mut over = breaks.len();
        while fit + 1 < over {
            let probe = (fit + step).min(over - 1);
            match fits(probe) {
                Some(line) => (fit, best, step) = (probe, line, step * 2),
                None => (over, step) = (probe, 1.max(step / 2)),
            }
        }
        return (breaks[fit], best);
    }
    // The first word alone is too wide: as many letters as fit, at least one.
    let mut end = start + 1;
    let mut line = layout(&chars[start..end], spans, rtl);
    while end < chars.len() {
        let next = layout(&chars[start..end + 1], spans, rtl);
        if next.width > width {
            break;
        }
        end += 1;
        line = next;
    }
    (end, line)
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;
