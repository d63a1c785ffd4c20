//! Breaking a paragraph into lines of a column, and each line into pieces that usvg draws
//! exactly as a reader expects.
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

use std::ops::Range;

use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

use crate::fonts::{self, Font, Script};

/// A stretch of a paragraph in one style.
#[derive(Clone, Debug)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    /// Font size in points.
    pub size: f32,
    /// Read left to right whatever the column's direction (hours, phone numbers).
    pub ltr: bool,
}

impl Span {
    pub fn new(text: impl Into<String>, size: f32, bold: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            size,
            ltr: false,
        }
    }

    pub fn ltr(text: impl Into<String>, size: f32, bold: bool) -> Span {
        Span {
            text: text.into(),
            bold,
            size,
            ltr: true,
        }
    }
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
}

/// One line of a column.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub pieces: Vec<Piece>,
    pub width: f32,
    /// The largest font size on the line, in points.
    pub size: f32,
}

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

/// Breaks `spans` into lines no wider than `width` points, for a column read right to left
/// when `rtl`. A line breaks after a space, or at a newline; a word wider than the column is
/// broken between letters.
pub fn lines(spans: &[Span], width: f32, rtl: bool) -> Vec<Line> {
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
            let (end, line) = fill(paragraph, start, spans, width, rtl);
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
    width: f32,
    rtl: bool,
) -> (usize, Line) {
    let breaks = (start + 1..=chars.len()).filter(|&i| i == chars.len() || chars[i - 1].0 == ' ');
    let mut best: Option<(usize, Line)> = None;
    for end in breaks {
        let line = layout(&chars[start..end], spans, rtl);
        if line.width > width {
            break;
        }
        best = Some((end, line));
    }
    if let Some(found) = best {
        return found;
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

/// Lays out one line (without breaking it): bidi order, font runs, positions.
pub fn layout(chars: &[(char, usize)], spans: &[Span], rtl: bool) -> Line {
    let chars = trim(chars);
    // The line as one string, left-to-right values isolated, and each byte's span.
    let mut text = String::new();
    let mut owner: Vec<Option<usize>> = Vec::new();
    let mut push = |text: &mut String, c: char, who: Option<usize>| {
        text.push(c);
        owner.extend(std::iter::repeat_n(who, c.len_utf8()));
    };
    for (k, &(c, span)) in chars.iter().enumerate() {
        let isolated = spans[span].ltr;
        if isolated && (k == 0 || chars[k - 1].1 != span) {
            push(&mut text, LRI, None);
        }
        push(&mut text, c, Some(span));
        if isolated && (k + 1 == chars.len() || chars[k + 1].1 != span) {
            push(&mut text, PDI, None);
        }
    }
    let base = if rtl { Level::rtl() } else { Level::ltr() };
    let info = BidiInfo::new(&text, Some(base));
    let mut pieces = Vec::new();
    let mut x = 0.0;
    let mut size: f32 = 0.0;
    if let Some(para) = info.paragraphs.first() {
        let (levels, runs) = info.visual_runs(para, para.range.clone());
        for run in runs {
            let odd = levels[run.start].is_rtl();
            for segment in segments(&text, &owner, run, odd, rtl, spans) {
                size = size.max(segment.size);
                place(segment, odd, &mut x, &mut pieces);
            }
        }
    }
    if size == 0.0 {
        size = spans.iter().map(|s| s.size).fold(0.0, f32::max);
    }
    Line {
        pieces,
        width: x,
        size,
    }
}

fn trim(chars: &[(char, usize)]) -> &[(char, usize)] {
    let start = chars.iter().take_while(|(c, _)| c.is_whitespace()).count();
    let end = chars.len()
        - chars[start..]
            .iter()
            .rev()
            .take_while(|(c, _)| c.is_whitespace())
            .count();
    &chars[start..end]
}

/// Letters of one font, size and direction, in logical order.
struct Segment {
    chars: Vec<char>,
    font: Font,
    size: f32,
}

/// Splits one bidi run (logical order) into stretches of one font and size.
fn segments(
    text: &str,
    owner: &[Option<usize>],
    run: Range<usize>,
    odd: bool,
    rtl: bool,
    spans: &[Span],
) -> Vec<Segment> {
    let letters: Vec<(char, usize)> = text[run.clone()]
        .char_indices()
        .filter_map(|(i, c)| owner[run.start + i].map(|span| (c, span)))
        .collect();
    let scripts = scripts(&letters, rtl, spans);
    let mut out: Vec<Segment> = Vec::new();
    for (&(c, span), script) in letters.iter().zip(scripts) {
        let font = Font {
            script,
            bold: spans[span].bold,
        };
        let size = spans[span].size;
        match out.last_mut() {
            Some(s) if s.font == font && s.size == size => s.chars.push(c),
            _ => out.push(Segment {
                chars: vec![c],
                font,
                size,
            }),
        }
    }
    if odd {
        out.reverse();
    }
    out
}

/// Which typeface draws each letter: Arabic letters in Noto Sans Arabic, Latin and
/// Cyrillic in Noto Sans, and digits, spaces and punctuation in the typeface of the letters
/// around them; with none around, the column's (the Arabic one in a right-to-left column,
/// except in the values read left to right).
fn scripts(letters: &[(char, usize)], rtl: bool, spans: &[Span]) -> Vec<Script> {
    let own: Vec<Option<Script>> = letters.iter().map(|&(c, _)| script_of(c)).collect();
    (0..letters.len())
        .map(|i| {
            let default = if rtl && !spans[letters[i].1].ltr {
                Script::Arabic
            } else {
                Script::Latin
            };
            let near = own[i]
                .or_else(|| own[..i].iter().rev().flatten().next().copied())
                .or_else(|| own[i..].iter().flatten().next().copied())
                .unwrap_or(default);
            let c = letters[i].0;
            let other = match near {
                Script::Latin => Script::Arabic,
                Script::Arabic => Script::Latin,
            };
            let covers = |script| {
                Font {
                    script,
                    bold: false,
                }
                .covers(c)
            };
            if !covers(near) && covers(other) {
                other
            } else {
                near
            }
        })
        .collect()
}

fn script_of(c: char) -> Option<Script> {
    let arabic = matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
    if arabic && !c.is_ascii_digit() && !matches!(c, '\u{060C}' | '\u{061F}' | '\u{0640}') {
        Some(Script::Arabic)
    } else if c.is_alphabetic() && !arabic {
        Some(Script::Latin)
    } else {
        None
    }
}

/// Puts a segment's pieces on the line from `x` on, in visual order.
fn place(segment: Segment, odd: bool, x: &mut f32, pieces: &mut Vec<Piece>) {
    let Segment { chars, font, size } = segment;
    let emit = |text: String, rtl: bool, x: &mut f32, pieces: &mut Vec<Piece>| {
        let width = fonts::width(&text, font, size, rtl);
        if !text.chars().all(|c| c.is_whitespace() || invisible(c)) {
            pieces.push(Piece {
                text,
                font,
                size,
                x: *x,
                width,
                rtl,
            });
        }
        *x += width;
    };
    if !odd {
        emit(chars.into_iter().collect(), false, x, pieces);
        return;
    }
    // Right to left: punctuation at either end stands alone, the rest is one piece.
    let strong = |c: &char| matches!(bidi_class(*c), BidiClass::R | BidiClass::AL);
    let first = chars.iter().position(strong);
    let last = chars.iter().rposition(strong);
    let (lead, core, trail) = match (first, last) {
        (Some(a), Some(b)) => (&chars[..a], &chars[a..=b], &chars[b + 1..]),
        _ => (&chars[..], &[][..], &[][..]),
    };
    for &c in trail.iter().rev() {
        emit(mirror(c).to_string(), false, x, pieces);
    }
    if !core.is_empty() {
        emit(core.iter().collect(), true, x, pieces);
    }
    for &c in lead.iter().rev() {
        emit(mirror(c).to_string(), false, x, pieces);
    }
}

/// Zero-width joiners and marks that draw nothing.
fn invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{061C}' | '\u{FEFF}')
}

/// The glyph a bracket takes in right-to-left text (Unicode's Bidi_Mirroring_Glyph, for the
/// characters the guide's texts use).
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &Line) -> Vec<&str> {
        line.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_label_and_an_ltr_value_read_right_to_left() {
        let spans = [
            Span::new("ساعات العمل: ", 10.0, true),
            Span::ltr("Mo-Fr 08:00-12:00", 10.0, false),
        ];
        let line = &lines(&spans, 500.0, true)[0];
        // Left to right on the page: the value, then the colon, then the label.
        assert_eq!(texts(line), ["Mo-Fr 08:00-12:00", ":", "ساعات العمل"]);
        assert_eq!(line.pieces[0].font.script, Script::Latin);
        assert!(line.pieces[2].rtl && line.pieces[2].font.bold);
    }

    #[test]
    fn a_bracket_at_the_end_of_a_right_to_left_line_is_mirrored_to_its_left() {
        let spans = [Span::new("التفصيلي بعد)", 10.0, false)];
        let line = &lines(&spans, 500.0, true)[0];
        assert_eq!(texts(line), ["(", "التفصيلي بعد"]);
        // Noto Sans Arabic has no brackets: they come from Noto Sans, mirrored by the layout.
        let paired = &lines(&[Span::new("آيدين (لم بعد)", 10.0, false)], 500.0, true)[0];
        assert_eq!(texts(paired), ["(", "لم بعد", ")", "آيدين"]);
    }

    #[test]
    fn lines_break_at_spaces_within_the_width() {
        let spans = [Span::new("Aydın İl Göç İdaresi Müdürlüğü", 10.0, false)];
        let all = lines(&spans, 80.0, false);
        assert!(all.len() > 1, "{all:?}");
        assert!(all.iter().all(|l| l.width <= 80.0));
        let joined: Vec<String> = all.iter().map(|l| texts(l).concat()).collect();
        assert_eq!(joined.join(" "), "Aydın İl Göç İdaresi Müdürlüğü");
    }

    #[test]
    fn digits_in_arabic_text_keep_their_order() {
        let line = &lines(&[Span::new("هاتف 157 الطابق", 10.0, false)], 500.0, true)[0];
        assert_eq!(texts(line), ["الطابق", "157", "هاتف"]);
    }
}
