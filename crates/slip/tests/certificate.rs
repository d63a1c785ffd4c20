//! The course completion certificate read back as the slip is: poppler's pdftotext (the
//! PDF's real text), pdfinfo (one page), tesseract (what the PNG shows). Every file is also
//! copied to target/slip-out/certificate-*/.

mod support;

use merhaba_core::course::Certificate;
use merhaba_slip::SlipError;
use support::{plain, run, Out};

const POPPLER: &str = "poppler-utils";

fn english(course: &str) -> Certificate {
    Certificate {
        lang: "en".into(),
        rtl: false,
        heading: "Certificate of completion".into(),
        course: course.into(),
        name: Some("Amina Haddad".into()),
        completed: "Completed on 30 November 2026".into(),
        score: "Score: 17 of 21 answered right at the first try".into(),
        footer: "Merhaba city guide, Aydın. A sample course: not yet checked by an editor.".into(),
    }
}

fn arabic() -> Certificate {
    Certificate {
        lang: "ar".into(),
        rtl: true,
        heading: "شهادة إتمام".into(),
        course: "أسبوعك الأول في آيدين: التسجيل والصحة والمدرسة".into(),
        name: Some("أمينة حداد".into()),
        completed: "أُنجزت في 30 نوفمبر 2026".into(),
        score: "النتيجة: 17 من 21 إجابة صحيحة من المحاولة الأولى".into(),
        footer: "دليل مرحبا لمدينة آيدين. دورة تجريبية: لم يراجعها محرر بعد.".into(),
    }
}

/// The PDF written to `out`, checked to be one page; returns its text from pdftotext.
fn pdf_text(out: &Out, pdf: &[u8]) -> String {
    assert!(pdf.starts_with(b"%PDF-"));
    let path = out.write("certificate.pdf", pdf);
    let path = path.to_str().unwrap();
    let info = run("pdfinfo", POPPLER, &[path]);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["Pages:", "1"])),
        "{info}"
    );
    let text = run("pdftotext", POPPLER, &[path, "-"]);
    out.write("pdftotext.txt", text.as_bytes());
    text
}

/// Without any whitespace: lines may wrap anywhere, and poppler spaces right-to-left text
/// its own way.
fn squeezed(text: &str) -> String {
    plain(text).split_whitespace().collect()
}

#[test]
fn english_with_a_name_reads_back() {
    let c = english("Your first week in Aydın: registration, health and school");
    let out = Out::new("certificate-en");
    let pdf = merhaba_slip::certificate_pdf(&c).unwrap();
    eprintln!("en: certificate PDF {} bytes", pdf.len());
    let text = plain(&pdf_text(&out, &pdf));
    let name = c.name.as_deref().unwrap();
    for wanted in [
        &c.heading,
        &c.course,
        name,
        &c.completed,
        &c.score,
        &c.footer,
    ] {
        assert!(
            text.contains(&plain(wanted)),
            "pdftotext lacks {wanted:?}; it read:\n{text}"
        );
    }

    // The PNG shows the same text to a reader: tesseract finds the heading and the name.
    let png = merhaba_slip::certificate_png(&c, 2.0).unwrap();
    eprintln!("en: certificate PNG at 2.0 {} bytes", png.len());
    let path = out.write("certificate.png", &png);
    let ocr = run(
        "tesseract",
        "tesseract-ocr (with -eng)",
        &[path.to_str().unwrap(), "-", "-l", "eng"],
    );
    out.write("ocr.txt", ocr.as_bytes());
    let ocr = plain(&ocr);
    for wanted in [c.heading.as_str(), name] {
        assert!(
            ocr.contains(wanted),
            "OCR lacks {wanted:?}; it read:\n{ocr}"
        );
    }
}

#[test]
fn arabic_reads_back_right_to_left() {
    let c = arabic();
    let out = Out::new("certificate-ar");
    let pdf = merhaba_slip::certificate_pdf(&c).unwrap();
    eprintln!("ar: certificate PDF {} bytes", pdf.len());
    let text = squeezed(&pdf_text(&out, &pdf));
    // The date line's first letter carries a damma (أُ): the name's first letter, the same
    // glyph bare, must still read as itself.
    let name = c.name.as_ref().unwrap();
    for wanted in [&c.course, &c.heading, name, &c.completed, &c.footer] {
        assert!(
            text.contains(&squeezed(wanted)),
            "pdftotext lacks {wanted:?}; it read:\n{text}"
        );
    }
    out.write(
        "certificate.png",
        &merhaba_slip::certificate_png(&c, 1.0).unwrap(),
    );
}

/// A PNG of the page at the scale asked for: 595.28 points wide, so many pixels per point.
#[test]
fn png_has_the_width_of_its_scale() {
    let c = english("Your first week in Aydın");
    for (scale, width) in [(1.0, 596), (2.0, 1191)] {
        let png = merhaba_slip::certificate_png(&c, scale).unwrap();
        eprintln!("certificate PNG at {scale}: {} bytes", png.len());
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((w, h), (width, (841.89 * scale).ceil() as u32));
    }
    for bad in [0.0, -1.0, f32::NAN, 11.0] {
        assert!(matches!(
            merhaba_slip::certificate_png(&c, bad),
            Err(SlipError::Scale(_))
        ));
    }
}

/// A course title of 400 characters wraps onto more lines and the page still holds all of
/// it, on one page.
#[test]
fn a_very_long_title_fits_on_one_page() {
    let words = "Everyday life in Aydın: buses, doctors, schools and offices. ";
    let course: String = words.repeat(10).chars().take(400).collect();
    assert_eq!(course.chars().count(), 400);
    let c = english(&course);
    let out = Out::new("certificate-long");
    let text = squeezed(&pdf_text(&out, &merhaba_slip::certificate_pdf(&c).unwrap()));
    for wanted in [&c.course, &c.heading, &c.score, &c.footer] {
        assert!(
            text.contains(&squeezed(wanted)),
            "pdftotext lacks {wanted:?}; it read:\n{text}"
        );
    }
    out.write(
        "certificate.png",
        &merhaba_slip::certificate_png(&c, 1.0).unwrap(),
    );
}

/// Whatever is typed as a name gives a certificate, not an error (issue 23): control
/// characters, a NUL, bidi overrides, lone combining marks, 10,000 letters, and a run of
/// pseudo-random characters from every plane. The name read back is the one typed, less the
/// characters that cannot be shown.
#[test]
fn any_typed_name_gives_a_certificate() {
    let mut names: Vec<String> = vec![
        "Amina\u{0}Haddad".into(),
        "Amina\u{1}\u{7}\u{1b}[31m\tHaddad\r\n".into(),
        "\u{202e}Amina Haddad\u{202c}".into(),
        "\u{301}\u{200d}Amina".into(),
        "<script>&amp;\"'</tspan>Amina".into(),
        "a".repeat(10_000),
        "أمينة ".repeat(2_000),
        "\u{feff}\u{fffe}\u{ffff}Amina".into(),
    ];
    // A small, fixed pseudo-random generator: the same names on every run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..6 {
        let name: String = (0..200)
            .filter_map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from_u32((seed % 0x11_0000) as u32)
            })
            .collect();
        names.push(name);
    }
    for (i, typed) in names.iter().enumerate() {
        let mut c = english("Serving newcomers at a public office");
        c.name = Certificate::name_from(typed);
        let pdf = merhaba_slip::certificate_pdf(&c)
            .unwrap_or_else(|e| panic!("name {i} ({typed:.40?}…): {e}"));
        assert!(pdf.starts_with(b"%PDF"), "name {i}: not a PDF");
        merhaba_slip::certificate_png(&c, 0.5)
            .unwrap_or_else(|e| panic!("name {i} ({typed:.40?}…) as PNG: {e}"));
    }
    let out = Out::new("certificate-typed");
    let mut c = english("Serving newcomers at a public office");
    c.name = Certificate::name_from("Amina\u{0}\u{1b} Haddad\u{202e}");
    assert_eq!(c.name.as_deref(), Some("Amina Haddad"));
    let text = squeezed(&pdf_text(&out, &merhaba_slip::certificate_pdf(&c).unwrap()));
    assert!(
        text.contains(&squeezed("Amina Haddad")),
        "pdftotext read:\n{text}"
    );
}
