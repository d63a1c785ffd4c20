//! One line in reading order: the Unicode Bidirectional Algorithm in the column's
//! direction, then runs of one font, then pieces that usvg cannot misorder (text.rs says
//! why).

use std::ops::Range;

use unicode_bidi::{bidi_class, BidiClass, BidiInfo, Level};

use crate::fonts::{self, Font, Script};
use crate::text::{Line, Piece, Span};

const LRI: char = '\u{2066}';
const PDI: char = '\u{2069}';

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
    color: &'static str,
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
        let (size, color) = (spans[span].size, spans[span].color);
        match out.last_mut() {
            Some(s) if s.font == font && s.size == size && s.color == color => s.chars.push(c),
            _ => out.push(Segment {
                chars: vec![c],
                font,
                size,
                color,
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

/// The typeface a letter needs, if it is a letter of one of the two (not a digit, a space,
/// punctuation or the Arabic comma, question mark and tatweel, which both can draw).
fn script_of(c: char) -> Option<Script> {
    let arabic = matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF);
    let shared = matches!(c, '\u{060C}' | '\u{061F}' | '\u{0640}' | '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}');
    if arabic && !shared {
        Some(Script::Arabic)
    } else if c.is_alphabetic() && !arabic {
        Some(Script::Latin)
    } else {
        None
    }
}

/// Puts a segment's pieces on the line from `x` on, in visual order.
fn place(segment: Segment, odd: bool, x: &mut f32, pieces: &mut Vec<Piece>) {
    let Segment {
        chars,
        font,
        size,
        color,
    } = segment;
    // Spaces at either end of a piece are left out of its text (SVG would drop them, and a
    // middle anchor would then be off) and kept as room beside it.
    let emit = |text: String, rtl: bool, x: &mut f32, pieces: &mut Vec<Piece>| {
        let core = text.trim_matches(|c: char| c.is_whitespace() || invisible(c));
        if core.is_empty() {
            *x += fonts::width(&text, font, size, rtl);
            return;
        }
        let start = text.find(core).unwrap_or(0);
        let (before, after) = (&text[..start], &text[start + core.len()..]);
        let (left, right) = if rtl {
            (after, before)
        } else {
            (before, after)
        };
        *x += fonts::width(left, font, size, false);
        let width = fonts::width(core, font, size, rtl);
        let text = core.to_owned();
        pieces.push(Piece {
            text,
            font,
            size,
            x: *x,
            width,
            rtl,
            color,
        });
        *x += width + fonts::width(right, font, size, false);
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
