//! The slip read back by the tools a person or a machine would use on it: poppler's
//! pdftotext (the PDF's real text), tesseract (what a camera or a scanner sees), zbarimg
//! (the codes), pdfinfo (one page). Made from the shipped Aydın content in Arabic and in
//! Persian, with Turkish beside it. Every file is also copied to target/slip-out/.

mod support;

use merhaba_slip::SlipError;
use support::{digits, ocr_fold, plain, run, slip, Out};

/// Services with a place, its opening hours, and a phone: the place's own number or the
/// service's helpline.
const SERVICES: [&str; 3] = [
    "migration-office",
    "archaeology-museum",
    "family-social-services",
];

const POPPLER: &str = "poppler-utils";

#[test]
fn arabic_with_turkish() {
    read_back("ar", "ara+tur");
}

#[test]
fn persian_with_turkish() {
    read_back("fa", "fas+tur");
}

/// The PDF, its text, an OCR of a 300 dpi scan of it and its codes, checked against the slip.
fn read_back(client: &str, ocr_languages: &str) {
    let slip = slip(client, &SERVICES);
    let out = Out::new(&format!("{client}-tr"));
    out.write("slip.svg", merhaba_slip::svg(&slip).unwrap().as_bytes());
    let started = std::time::Instant::now();
    let pdf = merhaba_slip::pdf(&slip).unwrap();
    eprintln!(
        "{client}: pdf() took {:?}, {} bytes",
        started.elapsed(),
        pdf.len()
    );
    let pdf_path = out.write("slip.pdf", &pdf);
    let pdf_arg = pdf_path.to_str().unwrap();
    let png_path = out.write("slip.png", &merhaba_slip::png(&slip, 2.0).unwrap());

    // One page.
    let info = run("pdfinfo", POPPLER, &[pdf_arg]);
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["Pages:", "1"])),
        "{info}"
    );

    // The PDF's own text: each name in both languages, each phone number.
    let text = plain(&run("pdftotext", POPPLER, &[pdf_arg, "-"]));
    out.write("pdftotext.txt", text.as_bytes());
    for item in &slip.items {
        for name in [&item.name.client, &item.name.local] {
            assert!(
                text.contains(&plain(name)),
                "pdftotext lacks {name:?}; it read:\n{text}"
            );
        }
        let phone = item.phone.as_ref().unwrap();
        assert!(
            text.contains(phone.as_str()),
            "pdftotext lacks the phone {phone}; it read:\n{text}"
        );
    }

    // A 300 dpi scan, read by tesseract.
    let scan = out.path("scan");
    run(
        "pdftoppm",
        POPPLER,
        &[
            "-r",
            "300",
            "-png",
            "-singlefile",
            pdf_arg,
            scan.to_str().unwrap(),
        ],
    );
    out.keep("scan.png");
    let scan_png = out.path("scan.png");
    let ocr = run(
        "tesseract",
        "tesseract-ocr (with -ara, -fas, -tur)",
        &[scan_png.to_str().unwrap(), "-", "-l", ocr_languages],
    );
    out.write("ocr.txt", ocr.as_bytes());
    let ocr_lines: Vec<String> = ocr.lines().map(digits).collect();
    let folded = ocr_fold(&ocr);
    for item in &slip.items {
        // A line of the phone alone: its digits exactly, nothing more and nothing less.
        let phone = digits(item.phone.as_ref().unwrap());
        assert!(
            ocr_lines.contains(&phone),
            "OCR did not read the phone {phone} on a line of its own; it read:\n{ocr}"
        );
        // The name in the client's script: whole, or else every word of three letters or more.
        let name = ocr_fold(&item.name.client);
        let words: Vec<String> = item
            .name
            .client
            .split_whitespace()
            .map(ocr_fold)
            .filter(|w| w.chars().count() >= 3)
            .collect();
        let missing: Vec<&String> = words
            .iter()
            .filter(|w| !folded.contains(w.as_str()))
            .collect();
        assert!(
            folded.contains(&name) || missing.is_empty(),
            "OCR did not find {:?} (words missing: {missing:?}); it read:\n{ocr}",
            item.name.client
        );
    }

    // The codes, from the scan of the PDF and from the PNG: one per item, each exactly its
    // item's (several sample places share a position, so as a sorted list, not a set).
    let mut wanted: Vec<String> = slip.items.iter().filter_map(|i| i.qr.clone()).collect();
    wanted.sort();
    assert_eq!(wanted.len(), slip.items.len(), "every item has a place");
    for image in [&scan_png, &png_path] {
        let args = ["--raw", "-q", image.to_str().unwrap()];
        let mut found: Vec<String> = run("zbarimg", "zbar-tools", &args)
            .lines()
            .map(str::to_owned)
            .collect();
        found.sort();
        assert_eq!(found, wanted, "codes read from {}", image.display());
    }
}

/// The five services of the shipped content with the most to say on a slip (in the client's
/// language and Turkish) fit on one page; six fit or say how many do; far too many say so.
#[test]
fn five_fit_and_more_are_refused_clearly() {
    for client in ["ar", "fa"] {
        let longest = support::longest(client, 6);
        let five: Vec<&str> = longest[..5].iter().map(String::as_str).collect();
        eprintln!("{client}: the five longest: {five:?}");
        let pdf = merhaba_slip::pdf(&slip(client, &five))
            .unwrap_or_else(|e| panic!("{client}: five services: {e}"));
        let out = Out::new(&format!("{client}-tr-five"));
        let path = out.write("slip.pdf", &pdf);
        let info = run("pdfinfo", POPPLER, &[path.to_str().unwrap()]);
        assert!(
            info.lines()
                .any(|l| l.split_whitespace().eq(["Pages:", "1"])),
            "{info}"
        );

        let six: Vec<&str> = longest.iter().map(String::as_str).collect();
        match merhaba_slip::pdf(&slip(client, &six)) {
            Ok(pdf) => {
                out.write("six.pdf", &pdf);
            }
            Err(SlipError::TooMany { fit, wanted }) => {
                assert!(fit >= 5 && wanted == 6, "{fit} of {wanted}")
            }
            Err(e) => panic!("{client}: six services: {e}"),
        }

        let many: Vec<&str> = five.iter().cycle().take(12).copied().collect();
        let err = merhaba_slip::pdf(&slip(client, &many)).unwrap_err();
        let SlipError::TooMany { fit, wanted: 12 } = err else {
            panic!("{err}")
        };
        assert!((5..12).contains(&fit), "{fit}");
        let message = err.to_string();
        assert!(
            message.contains("12 services") && message.contains(&format!("{fit} do")),
            "{message}"
        );
    }
}

/// The same slip gives the same bytes: nothing depends on the machine or the clock.
#[test]
fn same_slip_same_bytes() {
    let slip = slip("fa", &SERVICES);
    assert!(merhaba_slip::svg(&slip).unwrap() == merhaba_slip::svg(&slip).unwrap());
    assert!(merhaba_slip::png(&slip, 1.0).unwrap() == merhaba_slip::png(&slip, 1.0).unwrap());
    // svg2pdf 0.13 writes the fonts in the order of a HashMap: the same objects, not always
    // in the same order. The text and the page are the same.
    let (a, b) = (
        merhaba_slip::pdf(&slip).unwrap(),
        merhaba_slip::pdf(&slip).unwrap(),
    );
    assert_eq!(a.len(), b.len());
    assert!(matches!(
        merhaba_slip::png(&slip, 0.0),
        Err(SlipError::Scale(_))
    ));
    assert!(matches!(
        merhaba_slip::png(&slip, f32::NAN),
        Err(SlipError::Scale(_))
    ));
}

/// A client who reads Turkish gets one column.
#[test]
fn one_language_one_column() {
    let slip = slip("tr", &SERVICES);
    assert!(slip.single_language());
    let svg = merhaba_slip::svg(&slip).unwrap();
    assert!(
        !svg.contains("Noto Sans Arabic\""),
        "no Arabic on a Turkish-only slip"
    );
    let pdf = merhaba_slip::pdf(&slip).unwrap();
    let out = Out::new("tr");
    let path = out.write("slip.pdf", &pdf);
    let text = plain(&run("pdftotext", POPPLER, &[path.to_str().unwrap(), "-"]));
    for item in &slip.items {
        assert!(text.contains(&plain(&item.name.local)), "{text}");
    }
    assert!(
        !text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{text}"
    );
}
