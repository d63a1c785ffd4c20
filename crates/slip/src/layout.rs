//! Where everything goes on the A4 page: the heading, one block per service, the footer.
//!
//! The client's column is on the side their script starts from (the right for Arabic,
//! Persian and Pashto), the city's language in the other; the two are cut into rows (name,
//! what to bring, place and address, hours, phone, the sample warning) so that each row
//! starts at the same height in both and a person at the office can point from one to the
//! other. Between them runs a narrow strip with the service's code to scan. A slip in one
//! language has one wide column and the strip on its far side.

use merhaba_core::slip::{Pair, Slip, SlipItem};

use crate::text::{lines, Line, Span};
use crate::SlipError;

/// A4 portrait, in points (the SVG's user units).
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 34.0;
/// Between a column and the code strip.
const GUTTER: f32 = 12.0;
/// The side of a code, quiet zone included.
const QR_SIZE: f32 = 72.0;
/// Body text sizes tried, largest first; the last is the floor.
const SIZES: [f32; 5] = [12.0, 11.5, 11.0, 10.5, 10.0];
/// A line's height and where its baseline sits, as multiples of its largest font size:
/// room for Arabic marks above and descenders below.
const LEADING: f32 = 1.42;
const ASCENT: f32 = 1.08;

pub const TEXT: &str = "#000";
pub const WARNING: &str = "#8a1c00";

/// Something drawn on the page.
#[derive(Clone, Debug)]
pub enum Mark {
    /// A line of text whose left edge is at `x` and baseline at `y`.
    Line {
        line: Line,
        x: f32,
        y: f32,
        lang: usize,
        color: &'static str,
    },
    /// A thin horizontal rule.
    Rule { x1: f32, x2: f32, y: f32 },
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
    /// The language of each column, client's first: code and direction.
    pub langs: Vec<(String, bool)>,
    /// The body text size it was laid out at, in points.
    pub size: f32,
}

/// A column (or the code strip): its left edge and width, in points.
#[derive(Clone, Copy)]
struct Area {
    left: f32,
    width: f32,
}

struct Grid {
    /// Client's column first; one column when the slip has one language.
    columns: Vec<(Area, bool)>,
    strip: Area,
}

fn grid(slip: &Slip) -> Grid {
    let inner = PAGE_WIDTH - 2.0 * MARGIN;
    let strip_width = QR_SIZE;
    let client_rtl = slip.client.rtl;
    if slip.single_language() {
        let text = inner - strip_width - GUTTER;
        let (text_left, strip_left) = if client_rtl {
            (MARGIN + strip_width + GUTTER, MARGIN)
        } else {
            (MARGIN, MARGIN + text + GUTTER)
        };
        return Grid {
            columns: vec![(
                Area {
                    left: text_left,
                    width: text,
                },
                client_rtl,
            )],
            strip: Area {
                left: strip_left,
                width: strip_width,
            },
        };
    }
    let column = (inner - strip_width - 2.0 * GUTTER) / 2.0;
    let left = Area {
        left: MARGIN,
        width: column,
    };
    let right = Area {
        left: PAGE_WIDTH - MARGIN - column,
        width: column,
    };
    let strip = Area {
        left: MARGIN + column + GUTTER,
        width: strip_width,
    };
    let (client, local) = if client_rtl {
        (right, left)
    } else {
        (left, right)
    };
    Grid {
        columns: vec![(client, client_rtl), (local, slip.local.rtl)],
        strip,
    }
}

/// Lays the slip out at the largest body size that fits it on one page.
pub fn page(slip: &Slip) -> Result<Page, SlipError> {
    for size in SIZES {
        if let Some(page) = try_page(slip, size, slip.items.len()) {
            return Ok(page);
        }
    }
    let floor = SIZES[SIZES.len() - 1];
    let fit = (0..slip.items.len())
        .rev()
        .find(|&n| try_page(slip, floor, n).is_some())
        .unwrap_or(0);
    Err(SlipError::TooMany {
        fit,
        wanted: slip.items.len(),
    })
}

/// The page with the first `count` items at body size `size`, if they fit.
fn try_page(slip: &Slip, size: f32, count: usize) -> Option<Page> {
    let grid = grid(slip);
    let mut marks = Vec::new();
    let mut y = MARGIN;
    y = row(
        &mut marks,
        &grid,
        &[
            vec![Span::new(&slip.labels.title.client, size * 1.4, true)],
            vec![Span::new(&slip.labels.title.local, size * 1.4, true)],
        ],
        y,
        TEXT,
    );
    y += size * 0.4;
    marks.push(Mark::Rule {
        x1: MARGIN,
        x2: PAGE_WIDTH - MARGIN,
        y,
    });
    // The footer sits on the bottom margin; items must end above it.
    let footer_size = (size * 0.9).max(10.0);
    let footer_spans = [
        vec![Span::new(&slip.labels.as_of.client, footer_size, false)],
        vec![Span::new(&slip.labels.as_of.local, footer_size, false)],
    ];
    let footer_height = rows_height(&grid, &footer_spans);
    let footer_top = PAGE_HEIGHT - MARGIN - footer_height;
    for item in &slip.items[..count] {
        y += size * 0.7;
        y = block(&mut marks, &grid, slip, item, size, y);
        y += size * 0.7;
        if y > footer_top - size * 0.5 {
            return None;
        }
        marks.push(Mark::Rule {
            x1: MARGIN,
            x2: PAGE_WIDTH - MARGIN,
            y,
        });
    }
    row(&mut marks, &grid, &footer_spans, footer_top, TEXT);
    let langs = grid
        .columns
        .iter()
        .zip([&slip.client.code, &slip.local.code])
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
    top: f32,
) -> f32 {
    let labels = &slip.labels;
    let mut y = top;
    let gap = size * 0.3;
    y = row(
        marks,
        grid,
        &both(&item.name, |t| vec![Span::new(t, size * 1.2, true)]),
        y,
        TEXT,
    );
    if let Some(bring) = &item.bring {
        y += gap;
        y = row(marks, grid, &labelled(&labels.bring, bring, size), y, TEXT);
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
        y += gap;
        y = row(
            marks,
            grid,
            &labelled(&labels.address, place, size),
            y,
            TEXT,
        );
    }
    if let Some(hours) = &item.hours {
        y += gap;
        let spans = both(&labels.hours, |label| {
            vec![
                Span::new(format!("{label}: "), size, true),
                Span::ltr(hours, size, false),
            ]
        });
        y = row(marks, grid, &spans, y, TEXT);
    }
    if let Some(phone) = &item.phone {
        y += gap;
        let spans = both(&labels.phone, |label| {
            vec![
                Span::new(format!("{label}: "), size, true),
                Span::ltr(phone, size * 1.3, true),
            ]
        });
        y = row(marks, grid, &spans, y, TEXT);
    }
    if item.sample {
        y += gap;
        y = row(
            marks,
            grid,
            &both(&labels.sample, |t| vec![Span::new(t, size, false)]),
            y,
            WARNING,
        );
    }
    let Some(qr) = &item.qr else { return y };
    // The code, then what scanning it opens, in the strip.
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
    let texts: Vec<(&String, bool, usize)> = if slip.single_language() {
        vec![(&label.client, slip.client.rtl, 0)]
    } else {
        vec![
            (&label.client, slip.client.rtl, 0),
            (&label.local, slip.local.rtl, 1),
        ]
    };
    let small = (size * 0.85).max(10.0);
    for (text, rtl, lang) in texts {
        for line in lines(&[Span::new(text, small, false)], strip.width, rtl) {
            let x = strip.left + (strip.width - line.width) / 2.0;
            let height = line.size * LEADING;
            marks.push(Mark::Line {
                x,
                y: below + line.size * ASCENT,
                line,
                lang,
                color: TEXT,
            });
            below += height;
        }
    }
    y.max(below)
}

/// The same spans made for each of a pair's texts.
fn both(pair: &Pair, make: impl Fn(&str) -> Vec<Span>) -> [Vec<Span>; 2] {
    [make(&pair.client), make(&pair.local)]
}

/// "Label: text", the label in bold.
fn labelled(label: &Pair, text: &Pair, size: f32) -> [Vec<Span>; 2] {
    [
        vec![
            Span::new(format!("{}: ", label.client), size, true),
            Span::new(&text.client, size, false),
        ],
        vec![
            Span::new(format!("{}: ", label.local), size, true),
            Span::new(&text.local, size, false),
        ],
    ]
}

/// Lays out one row in every column from `top`; returns where the tallest ends.
fn row(
    marks: &mut Vec<Mark>,
    grid: &Grid,
    spans: &[Vec<Span>; 2],
    top: f32,
    color: &'static str,
) -> f32 {
    let mut bottom = top;
    for (lang, &(area, rtl)) in grid.columns.iter().enumerate() {
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
                color,
            });
            y += height;
        }
        bottom = bottom.max(y);
    }
    bottom
}

/// How tall a row would be.
fn rows_height(grid: &Grid, spans: &[Vec<Span>; 2]) -> f32 {
    let mut scratch = Vec::new();
    row(&mut scratch, grid, spans, 0.0, TEXT)
}
