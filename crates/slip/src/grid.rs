//! How the page's width is shared: the two text columns (each as wide as its language
//! needs), the code strip between them, and the halves the heading and footer use.

use merhaba_core::slip::Slip;

use crate::layout::{GUTTER, MARGIN, PAGE_WIDTH, QR_SIZE};
use crate::text::{lines, Span};

/// A stretch of the page's width: its left edge and its width, in points.
#[derive(Clone, Copy)]
pub struct Area {
    pub left: f32,
    pub width: f32,
}

/// The columns of a slip: for each language (the client's first) its area and direction.
pub struct Grid {
    /// The text columns of a service block.
    pub columns: Vec<(Area, bool)>,
    /// The heading's and footer's: each half of the page, the strip included.
    pub halves: Vec<(Area, bool)>,
    pub strip: Area,
}

/// The grid of `slip`: one column, or two sharing the width by how much each says.
pub fn grid(slip: &Slip) -> Grid {
    let inner = PAGE_WIDTH - 2.0 * MARGIN;
    let (client_rtl, local_rtl) = (slip.client.rtl, slip.local.rtl);
    if slip.single_language() {
        let text = inner - QR_SIZE - GUTTER;
        let (text_left, strip_left) = if client_rtl {
            (MARGIN + QR_SIZE + GUTTER, MARGIN)
        } else {
            (MARGIN, MARGIN + text + GUTTER)
        };
        let whole = Area {
            left: MARGIN,
            width: inner,
        };
        return Grid {
            columns: vec![(
                Area {
                    left: text_left,
                    width: text,
                },
                client_rtl,
            )],
            halves: vec![(whole, client_rtl)],
            strip: Area {
                left: strip_left,
                width: QR_SIZE,
            },
        };
    }
    // The columns share the width in proportion to how much each has to say (Turkish takes
    // more room than Arabic for the same words), so neither runs much longer than the other.
    let (client_text, local_text) = text_widths(slip);
    let share = (client_text / (client_text + local_text).max(1.0)).clamp(0.4, 0.6);
    let columns = inner - QR_SIZE - 2.0 * GUTTER;
    let (client_width, local_width) = (columns * share, columns * (1.0 - share));
    let half = (inner - GUTTER) / 2.0;
    let on_side = |right: bool, width: f32| Area {
        left: if right {
            PAGE_WIDTH - MARGIN - width
        } else {
            MARGIN
        },
        width,
    };
    Grid {
        columns: vec![
            (on_side(client_rtl, client_width), client_rtl),
            (on_side(!client_rtl, local_width), local_rtl),
        ],
        halves: vec![
            (on_side(client_rtl, half), client_rtl),
            (on_side(!client_rtl, half), local_rtl),
        ],
        strip: Area {
            left: MARGIN
                + if client_rtl {
                    local_width
                } else {
                    client_width
                }
                + GUTTER,
            width: QR_SIZE,
        },
    }
}

/// How wide the slip's texts in each language are, each on one line at 10 pt.
fn text_widths(slip: &Slip) -> (f32, f32) {
    let labels = &slip.labels;
    let mut pairs = vec![&labels.bring, &labels.address, &labels.hours, &labels.phone];
    for item in &slip.items {
        let texts = [
            Some(&item.name),
            item.bring.as_ref(),
            item.place.as_ref(),
            item.address.as_ref(),
        ];
        pairs.extend(texts.into_iter().flatten());
        if item.sample {
            pairs.push(&labels.sample);
        }
    }
    let width = |text: &str, rtl: bool| -> f32 {
        lines(&[Span::new(text, 10.0, false)], f32::MAX, rtl)
            .iter()
            .map(|l| l.width)
            .sum()
    };
    let client = pairs
        .iter()
        .map(|p| width(&p.client, slip.client.rtl))
        .sum();
    let local = pairs.iter().map(|p| width(&p.local, slip.local.rtl)).sum();
    (client, local)
}
