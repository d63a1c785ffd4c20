//! The slip a caseworker hands a client at the intake desk: one A4 page with the services
//! they should go to, in the client's language with the city's own language beside it.
//!
//! ```text
//! Slip ──layout──▶ SVG (our own layout, real <text>) ──usvg──▶ tree ──svg2pdf──▶ PDF
//!                                                                 └──resvg────▶ PNG
//! ```
//!
//! Why this way: the whole chain is Rust with no system library, so the same page comes out
//! on Android, iOS, desktop and the web (wasm32), with the fonts compiled in (`fonts/`) and
//! never the machine's: the SVG and the PNG are the same bytes everywhere; the PDF is the
//! same page, text and fonts, though svg2pdf 0.13 writes its font objects in hash-map order,
//! so two PDFs of one slip can differ in the order of their objects. The alternative, printing a webview to PDF, is not
//! reachable from the app on Android and gives a different page on each platform. usvg
//! shapes the text with rustybuzz (Arabic letters joined), svg2pdf writes it as real text
//! with the fonts embedded and cut down to the glyphs used, so a screen reader, a search or
//! `pdftotext` reads the names back, and resvg draws the PNG a client can be sent on a
//! messaging app.
//!
//! usvg lays every line out as if it read left to right, so the layout (`text.rs`,
//! `runs.rs`) orders right-to-left text itself with the Unicode Bidirectional Algorithm and
//! hands usvg only pieces of one direction and one font. Lines are measured with the same
//! shaper and fonts usvg draws with, so they wrap where they are drawn. `layout.rs` places
//! the heading, the services and the footer; `svg.rs` writes them, codes included.
//!
//! The course completion certificate goes the same way from its own layout
//! (`certificate.rs`): [`certificate_pdf`], [`certificate_png`].
//!
//! ```no_run
//! # fn demo(slip: &merhaba_core::slip::Slip) -> Result<(), merhaba_slip::SlipError> {
//! let pdf = merhaba_slip::pdf(slip)?; // to print
//! let png = merhaba_slip::png(slip, 2.0)?; // to send: 1191 × 1684 pixels
//! # Ok(()) }
//! ```

mod certificate;
mod fonts;
mod grid;
mod layout;
mod runs;
mod svg;
mod text;

use merhaba_core::course::Certificate;
use merhaba_core::slip::Slip;
use resvg::{tiny_skia, usvg};

#[doc(hidden)]
pub use fonts::bundled_fonts;

/// Why a slip could not be made.
#[derive(Debug, thiserror::Error)]
pub enum SlipError {
    /// Even at the smallest type the slip allows, the services do not fit on one page.
    #[error(
        "{wanted} services do not fit on one page of the slip even at the smallest type; \
         {fit} do: hand out two slips"
    )]
    TooMany { fit: usize, wanted: usize },
    /// What a service's code should open cannot be made into a QR code.
    #[error("the code for {data:?} cannot be made: {reason}")]
    Code { data: String, reason: String },
    /// The PNG was asked for at a scale that is not a positive number of pixels per point,
    /// or so large that the picture would not fit in memory.
    #[error("a slip cannot be drawn at {0} pixels per point (from 0.1 to 10)")]
    Scale(f32),
    /// The renderer refused the page (a bug in this crate, not in the slip).
    #[error("the slip could not be rendered: {0}")]
    Render(String),
}

/// The slip laid out on an A4 page, as SVG with real `<text>`: the input of [`pdf`] and
/// [`png`]. Its fonts are named ("Noto Sans", "Noto Sans Arabic") but not embedded; a
/// browser showing it uses its own copies.
pub fn svg(slip: &Slip) -> Result<String, SlipError> {
    svg::write(&layout::page(slip)?)
}

/// The slip as a one-page PDF, with the bundled fonts embedded (only the glyphs it uses)
/// and its text extractable.
pub fn pdf(slip: &Slip) -> Result<Vec<u8>, SlipError> {
    print(&tree(&layout::page(slip)?)?)
}

/// The slip as a PNG on white, `pixels_per_point` pixels for each point of the page (2.0
/// gives 1191 × 1684 pixels, enough for a phone screen; 300 / 72 is print quality).
pub fn png(slip: &Slip, pixels_per_point: f32) -> Result<Vec<u8>, SlipError> {
    check_scale(pixels_per_point)?;
    draw(&tree(&layout::page(slip)?)?, pixels_per_point)
}

/// A course's completion certificate as a one-page PDF, like [`pdf`]: A4 portrait, in the
/// certificate's language and direction, every text wrapped to fit on the page.
pub fn certificate_pdf(certificate: &Certificate) -> Result<Vec<u8>, SlipError> {
    print(&tree(&certificate::page(certificate))?)
}

/// A course's completion certificate as a PNG on white, like [`png`] (2.0 pixels per point
/// gives 1191 × 1684 pixels).
pub fn certificate_png(
    certificate: &Certificate,
    pixels_per_point: f32,
) -> Result<Vec<u8>, SlipError> {
    check_scale(pixels_per_point)?;
    draw(&tree(&certificate::page(certificate))?, pixels_per_point)
}

/// The laid-out page as usvg's tree, its text shaped with the bundled fonts only.
fn tree(page: &layout::Page) -> Result<usvg::Tree, SlipError> {
    let svg = svg::write(page)?;
    let options = usvg::Options {
        fontdb: fonts::database(),
        font_family: fonts::LATIN_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(&svg, &options).map_err(|e| SlipError::Render(e.to_string()))
}

/// The page as a one-page PDF.
fn print(tree: &usvg::Tree) -> Result<Vec<u8>, SlipError> {
    // The tree is in CSS pixels (96 per inch): so many pixels make the A4 page in points.
    let page = svg2pdf::PageOptions { dpi: 96.0 };
    svg2pdf::to_pdf(tree, svg2pdf::ConversionOptions::default(), page)
        .map_err(|e| SlipError::Render(e.to_string()))
}

/// Refuses a scale that is not a positive number of pixels per point, or too large.
fn check_scale(pixels_per_point: f32) -> Result<(), SlipError> {
    if (0.1..=10.0).contains(&pixels_per_point) {
        Ok(())
    } else {
        Err(SlipError::Scale(pixels_per_point))
    }
}

/// The page drawn on white at `pixels_per_point` (checked by [`check_scale`]), as a PNG.
fn draw(tree: &usvg::Tree, pixels_per_point: f32) -> Result<Vec<u8>, SlipError> {
    let scale = pixels_per_point * layout::PAGE_WIDTH / tree.size().width();
    let width = (tree.size().width() * scale).ceil() as u32;
    let height = (tree.size().height() * scale).ceil() as u32;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or(SlipError::Scale(pixels_per_point))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    encode_png(&pixmap, pixels_per_point).map_err(|e| SlipError::Render(e.to_string()))
}

/// The page as an RGB PNG (it is opaque: no alpha channel to carry), compressed hard, with
/// its resolution recorded so that it prints at A4.
fn encode_png(
    pixmap: &tiny_skia::Pixmap,
    pixels_per_point: f32,
) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| [p.red(), p.green(), p.blue()])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Best);
    let per_metre = (pixels_per_point * 72.0 / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}
