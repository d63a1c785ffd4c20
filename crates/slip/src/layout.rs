//! Where everything goes on the A4 page: the heading, one block per service, the footer.
//!
//! The client's column is on the side their script starts from (the right for Arabic,
//! Persian and Pashto), the city's language in the other. Each service is cut into rows
//! (name, what to bring, place and address, hours, phone, the sample warning) and every row
//! starts at the same height in both columns, so a person at the office can point from one
//! to the other. Between the columns runs a narrow strip with the service's code to scan and,
//! under it, what scanning opens, in the client's language (the client is the one who scans).
//! A slip in one language has one wide column and the strip on its far side.
//!
//! The body text starts at 12 pt and shrinks in half points to 10 pt until the services fit
//! on one page. An entry no editor has checked says so under its name; when that does not
//! fit even at 10 pt, such entries get a red asterisk instead and the warning is said once,
//! above the footer. That way five services of the guide always fit, its longest included.

use merhaba_core::slip::{Pair, Slip, SlipItem};

use crate::grid::{grid, Area, Grid};
use crate::text::{lines, Line, Span};
use crate::SlipError;

/// A4 portrait, in points (the SVG's user units).
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
pub const MARGIN: f32 = 28.0;
/// Between a column and the code strip, and between the two halves of heading and footer.
pub const GUTTER: f32 = 10.0;
/// The side of a code, its quiet zone included.
pub const QR_SIZE: f32 = 64.0;
/// Body text sizes tried, largest first; the last is the floor.
const SIZES: [f32; 5] = [12.0, 11.5, 11.0, 10.5, 10.0];
/// A line's height and where its baseline sits, as multiples of its largest font size:
/// room for Arabic marks above and descenders below.
pub const LEADING: f32 = 1.25;
pub const ASCENT: f32 = 1.0;

/// Dark red: the sample warning.
const WARNING: &str = "#8a1c00";

/// Something drawn on the page.
#[derive(Clone, Debug)]
pub enum Mark {
    /// A line of text whose left edge is at `x` and baseline at `y`, in the language of
    /// column `lang` (0 the client's, 1 the city's).
    Line {
        line: Line,
        x: f32,
        y: f32,
        lang: usize,
    },
    /// A thin rule across the page.
    Rule { y: f32 },
    /// A thin rule `width` points long, centred on the page.
    Centred { y: f32, width: f32 },
    /// A rectangle round the page, `inset` points inside its edges, its line `stroke` points
    /// thick.
    Frame { inset: f32, stroke: f32 },
    /// A code to scan: what it says, its top-left corner and its side, in points.
    Qr {
        data: String,
        x: f32,
        y: f32,
        size: f32,
    },
}

/// The laid-out page.
pub struct Page {
    pub marks: Vec<Mark>,
    /// Each column's language, the client's first: its code and whether it is right to left.
    pub langs: Vec<(String, bool)>,
    /// The body text size it was laid out at, in points.
    pub size: f32,
}

/// Lays the slip out at the largest body size that fits it on one page: with a warning under
/// each unchecked entry if that fits, else with asterisks and one warning.
pub fn page(slip: &Slip) -> Result<Page, SlipError> {
    let all = slip.items.len();
    for footnote in [false, true] {
        // What fits at one size fits at every smaller one: the largest size first (most
        // slips), then the floor, then halving the sizes between.
        let attempt = |i: usize| try_page(slip, SIZES[i], all, footnote);
        if let Some(page) = attempt(0) {
            return Ok(page);
        }
        let Some(mut page) = attempt(SIZES.len() - 1) else {
            continue;
        };
        let (mut over, mut fit) = (0, SIZES.len() - 1);
        while fit - over > 1 {
            let middle = (over + fit) / 2;
            match attempt(middle) {
                Some(found) => (fit, page) = (middle, found),
                None => over = middle,
            }
        }
        return Ok(page);
    }
    // How many fit at the floor, the same way.
    let floor = SIZES[SIZES.len() - 1];
    let (mut fit, mut over) = (0, all);
    while over - fit > 1 {
        let middle = (fit + over) / 2;
        if try_page(slip, floor, middle, true).is_some() {
            fit = middle;
        } else {
            over = middle;
        }
    }
    Err(SlipError::TooMany { fit, wanted: all })
}

/// The page with the first `count` items at body size `size`, if they fit; `footnote`: the
/// sample warning said once instead of under each entry.
fn try_page(slip: &Slip, size: f32, count: usize, footnote: bool) -> Option<Page> {
    let grid = grid(slip);
    let mut marks = Vec::new();
    let title = both(&slip.labels.title, |t| vec![Span::new(t, size * 1.4, true)]);
    let mut y = row(&mut marks, &grid.halves, &title, MARGIN);
    y += size * 0.4;
    marks.push(Mark::Rule { y });
    // The footer sits on the bottom margin, the sample note (if any) above it; the services
    // must end above both.
    let small = (size * 0.9).max(10.0);
    let mut bottom = vec![both(&slip.labels.as_of, |t| {
        vec![Span::new(t, small, false)]
    })];
    let items = &slip.items[..count];
    if footnote && items.iter().any(|i| i.sample) {
        let note = |t: &str| vec![Span::new(&format!("* {t}"), size, false).colored(WARNING)];
        bottom.insert(0, both(&slip.labels.sample, note));
    }
    let heights: Vec<f32> = bottom
        .iter()
        .map(|r| row(&mut Vec::new(), &grid.halves, r, 0.0))
        .collect();
    let gap = size * 0.3;
    let bottom_top =
        PAGE_HEIGHT - MARGIN - heights.iter().sum::<f32>() - gap * (heights.len() - 1) as f32;
    for item in items {
        y = block(
            &mut marks,
            &grid,
            slip,
            item,
            size,
            footnote,
            y + size * 0.5,
        ) + size * 0.5;
        if y > bottom_top - size * 0.5 {
            return None;
        }
        marks.push(Mark::Rule { y });
    }
    let mut top = bottom_top;
    for (spans, height) in bottom.iter().zip(heights) {
        row(&mut marks, &grid.halves, spans, top);
        top += height + gap;
    }
    let codes = [&slip.client.code, &slip.local.code];
    let langs = grid
        .columns
        .iter()
        .zip(codes)
        .map(|((_, rtl), code)| (code.clone(), *rtl))
        .collect();
    Some(Page { marks, langs, size })
}

/// One service: its rows in the columns, its code in the strip. Returns where it ends.
fn block(
    marks: &mut Vec<Mark>,
    grid: &Grid,
    slip: &Slip,
    item: &SlipItem,
    size: f32,
    footnote: bool,
    top: f32,
) -> f32 {
    let labels = &slip.labels;
    let columns = &grid.columns;
    let gap = size * 0.2;
    let name = both(&item.name, |t| {
        let mut spans = vec![Span::new(t, size * 1.2, true)];
        if item.sample && footnote {
            spans.push(Span::new("\u{00A0}*", size * 1.2, true).colored(WARNING));
        }
        spans
    });
    let mut y = row(marks, columns, &name, top);
    if let Some(bring) = &item.bring {
        y = row(
            marks,
            columns,
            &labelled(&labels.bring, bring, size),
            y + gap,
        );
    }
    let place = match (&item.place, &item.address) {
        (Some(p), Some(a)) => Some(Pair {
            client: format!("{} – {}", p.client, a.client),
            local: format!("{} – {}", p.local, a.local),
        }),
        (Some(p), None) | (None, Some(p)) => Some(p.clone()),
        (None, None) => None,
    };
    if let Some(place) = &place {
        y = row(
            marks,
            columns,
            &labelled(&labels.address, place, size),
            y + gap,
        );
    }
    // Hours and phone numbers read left to right in every column.
    if let Some(hours) = &item.hours {
        let spans = both(&labels.hours, |label| {
            vec![
                Span::new(&format!("{label}: "), size, true),
                Span::ltr(hours, size, false),
            ]
        });
        y = row(marks, columns, &spans, y + gap);
    }
    if let Some(phone) = &item.phone {
        let spans = both(&labels.phone, |label| {
            vec![
                Span::new(&format!("{label}: "), size, true),
                Span::ltr(phone, size * 1.3, true),
            ]
        });
        y = row(marks, columns, &spans, y + gap);
    }
    if item.sample && !footnote {
        let warning = both(&labels.sample, |t| {
            vec![Span::new(t, size, false).colored(WARNING)]
        });
        y = row(marks, columns, &warning, y + gap);
    }
    let Some(qr) = &item.qr else { return y };
    let strip = grid.strip;
    marks.push(Mark::Qr {
        data: qr.clone(),
        x: strip.left,
        y: top,
        size: QR_SIZE,
    });
    let label = if qr.starts_with("geo:") {
        &labels.scan_map
    } else {
        &labels.scan_web
    };
    let mut below = top + QR_SIZE;
    let small = Span::new(&label.client, (size * 0.85).max(10.0), false);
    for line in lines(&[small], strip.width, slip.client.rtl) {
        let x = strip.left + (strip.width - line.width) / 2.0;
        let height = line.size * LEADING;
        marks.push(Mark::Line {
            x,
            y: below + line.size * ASCENT,
            line,
            lang: 0,
        });
        below += height;
    }
    y.max(below)
}

/// The same spans made for each text of a pair.
fn both(pair: &Pair, make: impl Fn(&str) -> Vec<Span>) -> [Vec<Span>; 2] {
    [make(&pair.client), make(&pair.local)]
}

/// "Label: text", the label in bold.
fn labelled(label: &Pair, text: &Pair, size: f32) -> [Vec<Span>; 2] {
    let one = |label: &str, text: &str| {
        vec![
            Span::new(&format!("{label}: "), size, true),
            Span::new(text, size, false),
        ]
    };
    [
        one(&label.client, &text.client),
        one(&label.local, &text.local),
    ]
}

/// Lays out one row in every column from `top` (right-aligned in a right-to-left column);
/// returns where the tallest ends.
fn row(marks: &mut Vec<Mark>, columns: &[(Area, bool)], spans: &[Vec<Span>; 2], top: f32) -> f32 {
    let mut bottom = top;
    for (lang, &(area, rtl)) in columns.iter().enumerate() {
        let mut y = top;
        for line in lines(&spans[lang], area.width, rtl) {
            let x = if rtl {
                area.left + area.width - line.width
            } else {
                area.left
            };
            let height = line.size * LEADING;
            marks.push(Mark::Line {
                x,
                y: y + line.size * ASCENT,
                line,
                lang,
            });
            y += height;
        }
        bottom = bottom.max(y);
    }
    bottom
}
