//! The four bundled fonts, the one font database usvg draws with, and the measuring of a
//! run of text with the same shaper usvg uses.
//!
//! Noto Sans (Latin and Cyrillic: English, Turkish, Kurmanji, Russian, Ukrainian) and Noto
//! Sans Arabic (Arabic, Persian, Pashto), Regular and Bold, cut down by `fonts/subset.sh` to
//! what the guide's eight languages need (OFL 1.1, `fonts/OFL.txt`). They are compiled into
//! the program, and no font of the machine is ever loaded: the same slip comes out on every
//! phone, desktop and browser.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;
use rustybuzz::ttf_parser::GlyphId;

const LATIN_REGULAR: &[u8] = include_bytes!("../fonts/NotoSans-Regular.ttf");
const LATIN_BOLD: &[u8] = include_bytes!("../fonts/NotoSans-Bold.ttf");
const ARABIC_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansArabic-Regular.ttf");
const ARABIC_BOLD: &[u8] = include_bytes!("../fonts/NotoSansArabic-Bold.ttf");

/// The family names the SVG asks for (the fonts' own names).
pub const LATIN_FAMILY: &str = "Noto Sans";
pub const ARABIC_FAMILY: &str = "Noto Sans Arabic";

/// Which of the two typefaces draws a piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Script {
    /// Noto Sans: Latin and Cyrillic letters.
    Latin,
    /// Noto Sans Arabic: the Arabic alphabet with its Persian and Pashto letters.
    Arabic,
}

/// One of the four fonts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Font {
    pub script: Script,
    pub bold: bool,
}

impl Font {
    /// The SVG `font-family` that selects this font.
    pub fn family(self) -> &'static str {
        match self.script {
            Script::Latin => LATIN_FAMILY,
            Script::Arabic => ARABIC_FAMILY,
        }
    }

    fn index(self) -> usize {
        match (self.script, self.bold) {
            (Script::Latin, false) => 0,
            (Script::Latin, true) => 1,
            (Script::Arabic, false) => 2,
            (Script::Arabic, true) => 3,
        }
    }

    fn face(self) -> &'static rustybuzz::Face<'static> {
        &faces()[self.index()]
    }

    /// Whether this font has a glyph for `c`.
    pub fn covers(self, c: char) -> bool {
        self.face().glyph_index(c).is_some_and(|g| g != GlyphId(0))
    }
}

/// The font database usvg shapes and draws with: the four bundled fonts and nothing else,
/// loaded once.
pub fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for data in [LATIN_REGULAR, LATIN_BOLD, ARABIC_REGULAR, ARABIC_BOLD] {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family(LATIN_FAMILY);
        Arc::new(db)
    })
    .clone()
}

fn faces() -> &'static [rustybuzz::Face<'static>; 4] {
    static FACES: OnceLock<[rustybuzz::Face<'static>; 4]> = OnceLock::new();
    FACES.get_or_init(|| {
        [LATIN_REGULAR, LATIN_BOLD, ARABIC_REGULAR, ARABIC_BOLD].map(|data| {
            // The fonts are part of the program and are checked by the tests: a font that
            // does not parse is a broken build, not a condition to handle at run time.
            rustybuzz::Face::from_slice(data, 0).expect("a bundled font does not parse")
        })
    })
}

/// The advance width, in points, of `text` drawn in `font` at `size` points, shaped the way
/// usvg shapes it (rustybuzz with kerning, right to left when `rtl`, the script guessed from
/// the text).
pub fn width(text: &str, font: Font, size: f32, rtl: bool) -> f32 {
    if text.is_empty() {
        return 0.0;
    }
    let face = font.face();
    let direction = if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    };
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(direction);
    buffer.guess_segment_properties();
    let script = buffer.script();
    // A shaping plan takes longer to make than a line takes to shape: one per font,
    // direction and script, kept for the thread's life.
    let units: i64 = PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        let plan = plans
            .entry((font, rtl, script))
            .or_insert_with(|| rustybuzz::ShapePlan::new(face, direction, Some(script), None, &[]));
        let shaped = rustybuzz::shape_with_plan(face, plan, buffer);
        shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum()
    });
    units as f32 * size / face.units_per_em() as f32
}

type PlanKey = (Font, bool, rustybuzz::Script);

thread_local! {
    static PLANS: RefCell<HashMap<PlanKey, rustybuzz::ShapePlan>> = RefCell::new(HashMap::new());
}

/// The four bundled fonts (Noto Sans Regular and Bold, Noto Sans Arabic Regular and Bold),
/// for a test that checks every letter of the guide's content has a glyph.
pub fn bundled_fonts() -> [&'static [u8]; 4] {
    [LATIN_REGULAR, LATIN_BOLD, ARABIC_REGULAR, ARABIC_BOLD]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, font: Font) -> Vec<u32> {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::RightToLeft);
        rustybuzz::shape(font.face(), &[], buffer)
            .glyph_infos()
            .iter()
            .map(|g| g.glyph_id)
            .collect()
    }

    /// The PDF's text relies on it (svg.rs): the ligatures shaping always makes are the
    /// glyphs of their presentation forms, whose text NFKC folds back to their letters.
    #[test]
    fn required_ligatures_are_the_presentation_forms() {
        let forms = [
            // Lam with alef (madda, hamza above, hamza below, plain): isolated, then final.
            ("ل\u{0622}", '\u{FEF5}'),
            ("ل\u{0623}", '\u{FEF7}'),
            ("ل\u{0625}", '\u{FEF9}'),
            ("ل\u{0627}", '\u{FEFB}'),
            // Lam with alef maksura, as in على and إلى.
            ("ل\u{0649}", '\u{FC43}'),
        ];
        for bold in [false, true] {
            let font = Font {
                script: Script::Arabic,
                bold,
            };
            for (letters, isolated) in forms {
                assert_eq!(
                    glyphs(letters, font),
                    glyphs(&isolated.to_string(), font),
                    "{letters}"
                );
                // After a joining letter: right to left, the last letter's glyph comes first.
                let final_form = if isolated == '\u{FC43}' {
                    '\u{FC86}'
                } else {
                    char::from_u32(isolated as u32 + 1).unwrap()
                };
                let after = glyphs(&format!("ب{letters}"), font);
                assert_eq!(
                    after[..1],
                    glyphs(&final_form.to_string(), font)[..],
                    "ب{letters}"
                );
            }
            // Lam, hah and alef maksura after a joining letter.
            assert_eq!(glyphs("بلحى", font)[..1], glyphs("\u{FD82}", font)[..]);
        }
    }
}
