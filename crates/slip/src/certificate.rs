//! The course completion certificate on one A4 page, portrait, in the reader's language.
//!
//! ```text
//! ╔═══════════════════════════════╗   a double frame round the page
//! ║                               ║
//! ║   Certificate of completion   ║   heading, large and bold
//! ║           ─────────           ║
//! ║        The course title       ║   large and bold, wrapped
//! ║           Their name          ║   large (when one was typed)
//! ║                               ║
//! ║  Completed on 30 November …   ║   body size
//! ║   Score: 17 of 21 answered …  ║
//! ║                               ║
//! ║           ─────────           ║
//! ║  Merhaba city guide, Aydın …  ║   footer, small, on the bottom
//! ╚═══════════════════════════════╝
//! ```
//!
//! Every line is centred and wrapped to the text width by the slip's own line layout
//! (`text.rs`), so right-to-left languages are ordered and shaped the same way. The block
//! from the heading to the score sits a little above the middle of the room the footer
//! leaves. When it does not fit, everything but the footer shrinks in steps to 60 %; when
//! even that is too tall (a name of thousands of letters), the text with the most lines loses
//! its last ones, ending in "…", until the page holds it.

use merhaba_core::course::Certificate;

use crate::layout::{Mark, Page, ASCENT, LEADING, PAGE_HEIGHT, PAGE_WIDTH};
use crate::text::{lines, Line, Span};

/// The two lines of the frame: how far inside the page's edges, and how thick.
const FRAME: [(f32, f32); 2] = [(24.0, 1.4), (30.0, 0.5)];
/// From the page's edges to the text, on every side.
const INSET: f32 = 64.0;
/// The scales tried for everything but the footer, largest first; the last is the floor.
const SCALES: [f32; 5] = [1.0, 0.9, 0.8, 0.7, 0.6];
/// Font sizes at scale 1, in points.
const HEADING: f32 = 30.0;
const TITLE: f32 = 22.0;
const NAME: f32 = 24.0;
const BODY: f32 = 13.0;
/// The smallest the date and score lines get, and the footer's size.
const SMALL: f32 = 10.0;
/// The centred rules' length.
const RULE: f32 = 140.0;
/// A text longer than this many characters is cut (with "…") before it is laid out: no
/// certificate needs more, and it bounds the work a pasted name can cause.
const MAX_CHARS: usize = 1000;

/// One paragraph of the certificate: its text and style, and the space above it at scale 1.
#[derive(Clone)]
struct Text {
    text: String,
    /// At scale 1, in points.
    size: f32,
    bold: bool,
    /// Shrinks with the scale (all but the footer).
    scaled: bool,
    gap: f32,
    /// A centred rule in the middle of the space above it.
    rule: bool,
}

/// Lays the certificate out: one page, every line inside the frame.
pub fn page(c: &Certificate) -> Page {
    let name = c.name.as_deref().filter(|n| !n.trim().is_empty());
    let text = |text: &str, size, bold, gap, rule| Text {
        text: cut(text, MAX_CHARS),
        size,
        bold,
        scaled: true,
        gap,
        rule,
    };
    let mut main = vec![
        text(&c.heading, HEADING, true, 0.0, false),
        text(&c.course, TITLE, true, 36.0, true),
    ];
    main.extend(name.map(|n| text(n, NAME, false, 20.0, false)));
    main.push(text(&c.completed, BODY, false, 34.0, false));
    main.push(text(&c.score, BODY, false, 6.0, false));
    let footer = Text {
        scaled: false,
        ..text(&c.footer, SMALL, false, 0.0, false)
    };

    let width = PAGE_WIDTH - 2.0 * INSET;
    let (top, bottom) = (INSET, PAGE_HEIGHT - INSET);
    // The footer's own gap (with its rule) above it, at every scale.
    let footer_gap = 28.0;
    let laid = |t: &Text, scale: f32| {
        let size = if t.scaled {
            (t.size * scale).max(SMALL)
        } else {
            t.size
        };
        lines(&[Span::new(&t.text, size, t.bold)], width, c.rtl)
    };
    // What is left between the top and the footer's rule once `blocks` are set at `scale`.
    let room = |blocks: &[Vec<Line>], footer: &[Line], scale: f32| {
        let main: f32 = main
            .iter()
            .zip(blocks)
            .map(|(t, b)| t.gap * scale + height(b))
            .sum();
        bottom - top - footer_gap - height(footer) - main
    };
    let mut scale = SCALES[SCALES.len() - 1];
    let mut blocks: Vec<Vec<Line>> = Vec::new();
    let mut foot: Vec<Line> = laid(&footer, 1.0);
    for s in SCALES {
        blocks = main.iter().map(|t| laid(t, s)).collect();
        scale = s;
        if room(&blocks, &foot, s) >= 0.0 {
            break;
        }
    }
    // Still too tall at the floor: the text with the most lines (the footer included) gives
    // up its last one, again and again.
    while room(&blocks, &foot, scale) < 0.0 {
        let most = blocks
            .iter()
            .map(Vec::len)
            .chain([foot.len()])
            .enumerate()
            .max_by_key(|&(i, n)| (n, usize::MAX - i))
            .filter(|&(_, n)| n > 1);
        let Some((i, n)) = most else { break };
        if i == blocks.len() {
            foot = shortened(&footer, n - 1, |t| laid(t, scale));
        } else {
            blocks[i] = shortened(&main[i], n - 1, |t| laid(t, scale));
        }
    }

    let mut marks: Vec<Mark> = FRAME
        .iter()
        .map(|&(inset, stroke)| Mark::Frame { inset, stroke })
        .collect();
    // The footer on the bottom, its rule above it.
    let foot_top = bottom - height(&foot);
    marks.push(Mark::Centred {
        y: foot_top - footer_gap / 2.0,
        width: RULE,
    });
    // The rest a little above the middle of the room left.
    let spare = room(&blocks, &foot, scale).max(0.0);
    place(&mut marks, foot, foot_top);
    let mut y = top + spare * 0.4;
    for (t, block) in main.iter().zip(blocks) {
        let gap = t.gap * scale;
        if t.rule {
            marks.push(Mark::Centred {
                y: y + gap / 2.0,
                width: RULE,
            });
        }
        y = place(&mut marks, block, y + gap);
    }
    Page {
        marks,
        langs: vec![(c.lang.clone(), c.rtl)],
        size: (BODY * scale).max(SMALL),
    }
}

/// The height of lines set one under the other.
fn height(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.size * LEADING).sum()
}

/// Centres `lines` from `top` down; returns where they end.
fn place(marks: &mut Vec<Mark>, lines: Vec<Line>, top: f32) -> f32 {
    let mut y = top;
    for line in lines {
        let height = line.size * LEADING;
        marks.push(Mark::Line {
            x: (PAGE_WIDTH - line.width) / 2.0,
            y: y + line.size * ASCENT,
            line,
            lang: 0,
        });
        y += height;
    }
    y
}

/// The longest start of `t` that, ending in "…", is laid out by `lay` in `max` lines or fewer.
fn shortened(t: &Text, max: usize, lay: impl Fn(&Text) -> Vec<Line>) -> Vec<Line> {
    let chars = t.text.chars().count();
    let at = |k: usize| {
        lay(&Text {
            text: cut(&t.text, k),
            ..t.clone()
        })
    };
    let (mut fit, mut over) = (0, chars);
    while over - fit > 1 {
        let middle = (fit + over) / 2;
        if at(middle).len() <= max {
            fit = middle;
        } else {
            over = middle;
        }
    }
    at(fit)
}

/// `text` cut to its first `max` characters and "…", if it is longer.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate(course: &str, name: Option<&str>) -> Certificate {
        Certificate {
            lang: "en".into(),
            rtl: false,
            heading: "Certificate of completion".into(),
            course: course.into(),
            name: name.map(str::to_owned),
            completed: "Completed on 30 November 2026".into(),
            score: "Score: 17 of 21 answered right at the first try".into(),
            footer: "Merhaba city guide, Aydın.".into(),
        }
    }

    /// Every line's box lies inside the inner frame, and no two lines overlap.
    fn inside(page: &Page) {
        let mut boxes: Vec<(f32, f32)> = Vec::new();
        for mark in &page.marks {
            if let Mark::Line { line, x, y, .. } = mark {
                let top = y - line.size * ASCENT;
                let bottom = top + line.size * LEADING;
                assert!(*x >= INSET - 0.01 && x + line.width <= PAGE_WIDTH - INSET + 0.01);
                assert!(top >= INSET - 0.01 && bottom <= PAGE_HEIGHT - INSET + 0.01);
                assert!(boxes
                    .iter()
                    .all(|&(t, b)| bottom <= t + 0.01 || top >= b - 0.01));
                boxes.push((top, bottom));
            }
        }
    }

    fn text(page: &Page) -> String {
        let mut out = String::new();
        for mark in &page.marks {
            if let Mark::Line { line, .. } = mark {
                line.pieces.iter().for_each(|p| out.push_str(&p.text));
            }
        }
        out
    }

    #[test]
    fn a_usual_certificate_at_full_size() {
        let page = page(&certificate("Your first week in Aydın", Some("Amina")));
        inside(&page);
        assert_eq!(page.size, BODY);
        assert_eq!(page.langs, [("en".to_owned(), false)]);
        let rules = page
            .marks
            .iter()
            .filter(|m| matches!(m, Mark::Centred { .. }));
        assert_eq!(rules.count(), 2);
    }

    #[test]
    fn a_long_title_wraps_whole() {
        let course = "Health insurance and the family doctor ".repeat(10);
        let page = page(&certificate(&course, Some("Amina")));
        inside(&page);
        let lines = page.marks.iter().filter(|m| matches!(m, Mark::Line { .. }));
        assert!(lines.count() > 8);
        assert!(!text(&page).contains('…'));
    }

    /// A name of thousands of letters shrinks the page to the floor and is cut with "…".
    #[test]
    fn far_too_much_text_is_cut_to_fit() {
        let name = "Abcdefghij klmnopqrst ".repeat(400);
        let course = "W".repeat(3000);
        let mut c = certificate(&course, Some(&name));
        c.footer = "Footer words ".repeat(200);
        let page = page(&c);
        inside(&page);
        assert_eq!(page.size, SMALL);
        assert!(text(&page).contains('…'));
    }

    #[test]
    fn no_name_no_name_line() {
        let blank = page(&certificate("A course", Some("  ")));
        let none = page(&certificate("A course", None));
        assert_eq!(text(&blank), text(&none));
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("Aydın", 10), "Aydın");
        assert_eq!(cut("Aydın is", 5), "Aydın…");
        assert_eq!(cut("ایدین", 2), "ای…");
    }
}
