//! Content that used to validate and then hang, mislead or fail later (issue 12, items 8 and
//! 13): each kind is refused by `validate` with the file, the line, the field and what is
//! wrong; files that are not plain files are refused before they are opened; and the
//! command line takes any `-k`.

use std::path::{Path, PathBuf};

mod common;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture(), dir.path());
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The errors of the fixture with one edit; it must be refused.
fn errors_after(file: &str, from: &str, to: &str) -> Vec<merhaba_pack::ContentError> {
    let dir = copy_fixture();
    edit(dir.path(), file, from, to);
    match merhaba_pack::load(dir.path()) {
        Ok(_) => panic!("{file}: {from:?} → {} was accepted", shown(to)),
        Err(errors) => errors,
    }
}

fn shown(text: &str) -> String {
    text.chars().take(80).collect()
}

/// One edit is refused with an error in `file` at `line` whose message holds `expected`.
fn check_rejected(file: &str, from: &str, to: &str, line: usize, expected: &[&str]) {
    let errors = errors_after(file, from, to);
    let error = &errors[0];
    let message = error.to_string();
    assert!(error.file.ends_with(file), "{message}");
    assert_eq!(error.line, Some(line), "{message}");
    for part in expected {
        assert!(
            message.contains(part),
            "{message:?} should contain {part:?}"
        );
    }
    assert!(
        message.len() < 500,
        "the message is {} bytes long",
        message.len()
    );
}

const CLINIC: &str = "services/clinic.toml";

#[test]
fn texts_beyond_their_limits_are_refused_naming_the_limit() {
    let name = "x".repeat(1_000_000);
    check_rejected(
        CLINIC,
        "en = \"Test clinic\"",
        &format!("en = \"{name}\""),
        6,
        &[
            "field `name.en`",
            "1000000 characters long",
            "the most allowed here is 200",
        ],
    );
    let rights = "word ".repeat(1000);
    check_rejected(
        CLINIC,
        "en = \"You may be seen without an appointment.\"",
        &format!("en = \"{rights}\""),
        8,
        &["field `rights.en`", "the most allowed here is 4000"],
    );
    check_rejected(
        CLINIC,
        "title = \"Fixture source\"",
        &format!("title = \"{}\"", "t".repeat(201)),
        5,
        &["field `source[0].title`", "200"],
    );
    check_rejected(
        CLINIC,
        "phone = \"+90 256 000 00 00\"",
        &format!("phone = \"{}\"", "1".repeat(40)),
        18,
        &["field `place[0].phone`", "the most allowed here is 32"],
    );
    // Opening hours: OSM's own limit, and a bad value is quoted cut short, not whole.
    check_rejected(
        CLINIC,
        "Mo-Fr 08:00-17:00",
        &"Mo-Fr 08:00-17:00,".repeat(12_000),
        17,
        &[
            "field `place[0].opening_hours`",
            "the most allowed here is 255",
        ],
    );
    check_rejected(
        CLINIC,
        "Mo-Fr 08:00-17:00",
        &format!("Mo-Fr 08:00-17:00 {}", "x".repeat(200)),
        17,
        &["not valid OSM opening_hours", "… (218 characters)"],
    );
}

#[test]
fn invisible_misleading_and_control_characters_are_refused() {
    for (text, expected) in [
        ("\\u200B\\u200D", "only invisible characters"),
        ("\\u2060\\uFEFF ", "only invisible characters"),
        ("\\u202ETest clinic", "direction override U+202E"),
        ("Test\\u0000clinic", "control character U+0000"),
    ] {
        check_rejected(
            CLINIC,
            "en = \"Test clinic\"",
            &format!("en = \"{text}\""),
            6,
            &["field `name.en`", expected],
        );
    }
    // Joiners inside a word are how Persian and Arabic are written: allowed.
    let dir = copy_fixture();
    edit(
        dir.path(),
        CLINIC,
        "ar = \"العيادة التجريبية\"",
        "ar = \"العيادة\\u200Cالتجريبية\"",
    );
    merhaba_pack::load(dir.path()).unwrap();
}

#[test]
fn misleading_links_dates_names_and_empty_categories_are_refused() {
    check_rejected(
        CLINIC,
        "url = \"https://example.org/clinic\"\ntitle",
        "url = \"https://www.turkiye.gov.tr@evil.example/\"\ntitle",
        21,
        &[
            "field `link[0].url`",
            "has an `@`: it reads as another host than the one it goes to",
            "`evil.example`",
        ],
    );
    // Links that read as a trusted host and go elsewhere (or to no named host at all).
    for (link, said) in [
        (r"https://evil.example\\@saglik.gov.tr/", "has an `@`"),
        (r"https://evil.example\\saglik.gov.tr/", "has a backslash"),
        ("https://evil.example#@saglik.gov.tr", "has an `@`"),
        ("https://%73aglik.gov.tr/", "percent-encoded host"),
        ("https://192.168.1.1/saglik.gov.tr", "an IP address"),
        ("https://[::1]/saglik.gov.tr", "an IP address"),
    ] {
        check_rejected(
            CLINIC,
            "url = \"https://example.org/clinic\"\ntitle",
            &format!("url = \"{link}\"\ntitle"),
            21,
            &["field `link[0].url`", said],
        );
    }
    check_rejected(
        CLINIC,
        "url = \"https://example.org/clinic\"\ntitle",
        "url = \"http://example.org/clinic\"\ntitle",
        21,
        &["must start with https://"],
    );
    check_rejected(
        CLINIC,
        "drafted = \"2026-10-01\"",
        "drafted = \"2099-10-01\"",
        4,
        &["field `drafted`", "`2099-10-01` is in the future"],
    );
    check_rejected(
        "services/pharmacy.toml",
        "id = \"pharmacy\"",
        "id = \"chemist\"",
        1,
        &[
            "field `id`",
            "differs from the file name",
            "services/chemist.toml",
        ],
    );
    // The only service of `language` moves to health: the category is left empty.
    let errors = errors_after("services/course.toml", "\"language/turkish-courses\", ", "");
    let message = errors[0].to_string();
    assert!(errors[0].file.ends_with("categories.toml"), "{message}");
    assert_eq!(errors[0].line, Some(14), "{message}");
    assert!(
        message.contains("field `category[1]`")
            && message.contains("no service is listed in category `language`"),
        "{message}"
    );
}

/// A date within a day of the clock is accepted: an editor ahead of UTC writes their today.
#[test]
fn todays_date_is_not_in_the_future() {
    let dir = copy_fixture();
    let today = chrono::Utc::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string();
    edit(
        dir.path(),
        CLINIC,
        "drafted = \"2026-10-01\"",
        &format!("drafted = \"{today}\""),
    );
    merhaba_pack::load(dir.path()).unwrap();
    let source = merhaba_pack::ContentSource::read(dir.path()).unwrap();
    let errors = merhaba_pack::validate::validate_at(&source, Some("2000-01-01"));
    assert!(errors
        .iter()
        .any(|e| e.to_string().contains("in the future")));
}

#[test]
fn toml_errors_name_the_date_and_the_duplicate_key() {
    check_rejected(
        CLINIC,
        "drafted = \"2026-10-01\"",
        "drafted = 2026-10-01",
        4,
        &["write it in quotes", "\"2026-10-01\""],
    );
    check_rejected(
        CLINIC,
        "sample = true",
        "sample = true\nsample = false",
        4,
        &["duplicate key `sample`"],
    );
}

fn read_error(dir: &Path) -> String {
    let errors = merhaba_pack::load(dir).unwrap_err();
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A FIFO would block the reader for ever, `/dev/zero` would fill the memory, a link out of
/// the content folder would publish any file of the editor's machine: each is refused
/// before it is read, naming the file.
#[test]
fn files_that_are_not_plain_content_files_are_refused() {
    let dir = copy_fixture();
    let services = dir.path().join("services");
    let fifo = services.join("fifo.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let err = read_error(dir.path());
    assert!(
        err.contains("fifo.toml") && err.contains("not a plain file"),
        "{err}"
    );
    std::fs::remove_file(&fifo).unwrap();

    let zero = services.join("zero.toml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let err = read_error(dir.path());
    assert!(
        err.contains("zero.toml") && err.contains("outside the content folder"),
        "{err}"
    );
    std::fs::remove_file(&zero).unwrap();

    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.toml");
    std::fs::copy(services.join("clinic.toml"), &secret).unwrap();
    std::os::unix::fs::symlink(&secret, services.join("secret.toml")).unwrap();
    let err = read_error(dir.path());
    assert!(err.contains("outside the content folder"), "{err}");
    std::fs::remove_file(services.join("secret.toml")).unwrap();

    // A link inside the content folder is fine (it is part of the content).
    std::fs::rename(services.join("clinic.toml"), dir.path().join("clinic.toml")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("clinic.toml"), services.join("clinic.toml"))
        .unwrap();
    merhaba_pack::load(dir.path()).unwrap();

    // A file larger than any content file is not read.
    let big = services.join("big.toml");
    std::fs::write(&big, vec![b'#'; 2 << 20]).unwrap();
    let err = read_error(dir.path());
    assert!(
        err.contains("big.toml") && err.contains("the most allowed is 1048576"),
        "{err}"
    );
}

/// The fixture built into a pack, and a way to run `merhaba-pack CMD PACK ARGS...` on it.
fn fixture_pack() -> (tempfile::TempDir, impl Fn(&[&str]) -> std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mini.sqlite");
    let source = merhaba_pack::load(&fixture()).unwrap();
    merhaba_core::build_pack(&source.content(), &out).unwrap();
    let run = move |args: &[&str]| {
        let (cmd, rest) = args.split_first().unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_merhaba-pack"))
            .arg(cmd)
            .arg(&out)
            .args(rest)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {err}");
        output
    };
    (dir, run)
}

/// `-k` near the integer limit used to overflow (`k * 16` in search).
#[test]
fn any_k_is_taken_by_search_and_nearby() {
    let (_dir, run) = fixture_pack();
    let max = usize::MAX.to_string();
    for args in [
        vec!["search", "clinic", "-k", &max],
        vec!["nearby", "--at", "37.85,27.85", "-k", &max],
        // A weekday morning, when the fixture's weekday office is open: at the
        // moment the test runs, nothing might be.
        vec![
            "nearby",
            "--at",
            "37.85,27.85",
            "--open-now",
            "--time",
            "2026-11-30T09:30:00+03:00",
            "-k",
            &max,
        ],
    ] {
        assert!(!run(&args).stdout.is_empty(), "{args:?}");
    }
}

/// A position in the southern or western hemisphere (`--at -33.9,18.4`) and a search that
/// starts with a hyphen are values, not unknown options.
#[test]
fn a_negative_position_and_a_query_starting_with_a_hyphen_are_taken() {
    let (_dir, run) = fixture_pack();
    for at in ["-33.9,18.4", "37.85,-27.85"] {
        let listed = run(&["nearby", "--at", at]).stdout;
        assert!(
            !listed.is_empty(),
            "{at}: the fixture's places, however far"
        );
    }
    for query in [&["search", "-clinic"][..], &["search", "--", "-clinic"]] {
        run(query);
    }
}

/// Every language of an entry has a review status, and only the three there are: a
/// machine-assisted translation cannot pass as checked by leaving the status out.
#[test]
fn a_missing_or_unknown_review_status_is_refused() {
    let statuses = "translation = { en = \"original\", tr = \"unreviewed\", ar = \"unreviewed\" }";
    check_rejected(
        CLINIC,
        statuses,
        "translation = { en = \"original\", tr = \"unreviewed\" }",
        10,
        &["field `translation.ar`", "no review status for `ar`"],
    );
    check_rejected(
        CLINIC,
        statuses,
        "translation = { en = \"original\", tr = \"unreviewed\", ar = \"machine\" }",
        10,
        &[
            "unknown variant `machine`",
            "original",
            "reviewed",
            "unreviewed",
        ],
    );
    check_rejected(
        CLINIC,
        statuses,
        "translation = { en = \"reviewed\", tr = \"unreviewed\", ar = \"unreviewed\" }",
        10,
        &["field `translation`", "no language is marked \"original\""],
    );
    check_rejected(
        CLINIC,
        statuses,
        "translation = { en = \"original\", tr = \"unreviewed\", ar = \"unreviewed\", de = \"unreviewed\" }",
        10,
        &["field `translation.de`", "not a language of this city"],
    );
}

/// Issue 15: how facts are dated and sourced. Each mistake is refused naming the file, the
/// line and the field.
#[test]
fn provenance_mistakes_are_refused_naming_file_line_and_field() {
    // `checked` on a sample: only a verified entry is checked.
    check_rejected(
        CLINIC,
        "drafted = \"2026-10-01\"",
        "drafted = \"2026-10-01\"\nchecked = \"2026-10-02\"",
        5,
        &["field `checked`", "`checked` on a sample"],
    );
    // A verified entry without `checked`.
    check_rejected(
        "services/course.toml",
        "checked = \"2026-11-02\"\n",
        "",
        4,
        &["field `sample`", "needs `checked`"],
    );
    // A claim-level source that is not a URL, or backs a section that does not exist.
    check_rejected(
        CLINIC,
        "url = \"https://example.org/clinic\", title = \"Fixture source\"",
        "url = \"example.org/clinic\", title = \"Fixture source\"",
        5,
        &["field `source[0].url`", "is not a URL"],
    );
    check_rejected(
        CLINIC,
        "for = [\"rights\"]",
        "for = [\"rites\"]",
        5,
        &["field `source[0].for`", "`rites` is not a section"],
    );
    // A date read in the future.
    check_rejected(
        CLINIC,
        "read = \"2026-10-01\", for",
        "read = \"2099-10-01\", for",
        5,
        &["field `source[0].read`", "in the future"],
    );
    // A national helpline in a place's own phone field.
    check_rejected(
        CLINIC,
        "phone = \"+90 256 000 00 00\"",
        "phone = \"157\"",
        18,
        &["field `place[0].phone`", "national number", "helpline"],
    );
    // `moved_to` naming no place.
    check_rejected(
        CLINIC,
        "moved_to = \"community-hall\"",
        "moved_to = \"town-hall\"",
        31,
        &[
            "field `place[1].moved_to`",
            "no place has the id `town-hall`",
        ],
    );
    // Two places that each say they moved to the other.
    let dir = copy_fixture();
    edit(
        dir.path(),
        CLINIC,
        "name = { en = \"Old clinic building\"",
        "id = \"old-clinic\"\nname = { en = \"Old clinic building\"",
    );
    edit(
        dir.path(),
        "services/course.toml",
        "id = \"community-hall\"",
        "id = \"community-hall\"\nmoved_to = \"old-clinic\"",
    );
    let errors = merhaba_pack::load(dir.path()).expect_err("a circle of moves");
    let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    for circle in [
        "(old-clinic → community-hall → old-clinic)",
        "(community-hall → old-clinic → community-hall)",
    ] {
        assert!(
            all.iter()
                .any(|e| e.contains("moved_to") && e.contains(circle)),
            "{all:#?}"
        );
    }
    // A half day at no time of day, and an editors' address that is neither mail nor https.
    check_rejected(
        "holidays.toml",
        "from = \"13:00\"",
        "from = \"1pm\"",
        7,
        &["field `holiday[0].from`", "`1pm` is not a time of day"],
    );
    check_rejected(
        "city.toml",
        "report_to = \"mailto:editors@example.org\"",
        "report_to = \"javascript:alert(1)\"",
        8,
        &[
            "field `report_to`",
            "neither a mailto: address nor an https:// form",
        ],
    );
}

/// The editor's report: counts and per-entry lines, a holiday list that has run out is an
/// error (exit non-zero), one running out within a year a warning; an HTML page too.
#[test]
fn the_editors_report_lists_status_sources_and_the_holiday_list() {
    let dir = copy_fixture();
    let html = dir.path().join("report.html");
    let run = |today: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_merhaba-pack"))
            .args([
                "report",
                dir.path().to_str().unwrap(),
                "--today",
                today,
                "--html",
            ])
            .arg(&html)
            .output()
            .unwrap()
    };
    let out = run("2026-11-30");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("3 entries: 2 samples, 1 checked (0 checked more than a year ago)"),
        "{text}"
    );
    assert!(
        text.contains("warning: the holiday list runs out on 2027-05-16"),
        "{text}"
    );
    // The clinic's rights cite a page, the rest of it does not.
    let clinic = text.lines().find(|l| l.starts_with("clinic ")).unwrap();
    assert!(
        clinic.contains("no source for summary, cost, location"),
        "{clinic}"
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<td>clinic</td><td>sample</td>"), "{page}");

    let out = run("2028-01-01");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("error: the holiday list ended on 2027-05-16"),
        "{text}"
    );
    assert!(
        text.contains("1 checked (1 checked more than a year ago)"),
        "{text}"
    );
}

/// First-steps paths (issue 16): a step naming a service the city does not have, a service
/// twice, a path without steps, a missing translation and two paths in one place are each
/// refused with the file, the line and the field.
#[test]
fn bad_paths_are_refused_naming_file_line_and_field() {
    let path = "paths/arrival.toml";
    check_rejected(
        path,
        "service = \"clinic\"",
        "service = \"dentist\"",
        14,
        &[
            "step[1].service",
            "unknown service `dentist`",
            "services/dentist.toml",
        ],
    );
    check_rejected(
        path,
        "service = \"course\"",
        "service = \"pharmacy\"",
        18,
        &[
            "step[2].service",
            "`pharmacy` is already a step of this path",
        ],
    );
    let empty = "\n[[step]]\nservice = \"pharmacy\"\n\n[[step]]\nservice = \"clinic\"\nnote = { en = \"Go before noon.\", tr = \"Öğleden önce gidin.\" }\n\n[[step]]\nservice = \"course\"\n";
    check_rejected(path, empty, "\n", 2, &["field `step`", "at least one step"]);
    check_rejected(
        path,
        "note = { en = \"Go before noon.\", tr = \"Öğleden önce gidin.\" }",
        "note = { en = \"Go before noon.\" }",
        15,
        &["step[1].note", "missing translation in `tr`"],
    );
    check_rejected(
        path,
        "title = { en = \"Just arrived\", tr = \"Yeni geldim\", ar = \"وصلت للتو\" }",
        "title = { en = \"Just arrived\", ar = \"وصلت للتو\" }",
        7,
        &["field `title`", "missing translation in `tr`"],
    );

    check_rejected(
        path,
        "sample = true\ndrafted = \"2026-10-01\"",
        "sample = false\nchecked = \"2026-10-01\"",
        11,
        &[
            "step[0].service",
            "the service `pharmacy` is a sample",
            "checked only when every step is",
        ],
    );

    // A second path in the same place of the list, and named unlike its file.
    let dir = copy_fixture();
    let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
    std::fs::write(dir.path().join("paths/work.toml"), text).unwrap();
    let errors = merhaba_pack::load(dir.path()).expect_err("refused");
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let all = messages.join("\n");
    assert!(
        all.contains("paths/work.toml:2: field `id`: duplicate path id `arrival`"),
        "{all}"
    );
    assert!(
        all.contains("differs from the file name: name the file paths/arrival.toml"),
        "{all}"
    );
    assert!(
        all.contains("paths/work.toml:3: field `order`: order 1 is also used by"),
        "{all}"
    );
}

/// Each kind of bad course input is refused with the file, the line and the field: a question
/// with no right answer, a right answer out of range, an unknown service, a missing
/// translation, a single question with two right answers, a true-false question with
/// choices, a lesson id used twice, a picture that is not there or an SVG that runs script,
/// and a lesson without questions.
#[test]
fn bad_courses_are_refused_naming_file_line_and_field() {
    let course = "courses/desk.toml";
    check_rejected(
        course,
        "right = [2]",
        "right = []",
        33,
        &["lesson[0].question[0].right", "no right answer"],
    );
    check_rejected(
        course,
        "right = [2]",
        "right = [3]",
        33,
        &[
            "lesson[0].question[0].right[0]",
            "answer 3 is out of range",
            "answers 1 to 2",
        ],
    );
    check_rejected(
        course,
        "right = [1, 3]",
        "right = [1, 0]",
        59,
        &["lesson[1].question[0].right[1]", "answer 0 is out of range"],
    );
    check_rejected(
        course,
        "service = \"course\"",
        "service = \"dentist\"",
        61,
        &["lesson[1].question[0].service", "unknown service `dentist`"],
    );
    check_rejected(
        course,
        "service = \"clinic\"\n\n[[lesson.card]]",
        "service = \"clinic-x\"\n\n[[lesson.card]]",
        19,
        &["lesson[0].card[0].service", "unknown service `clinic-x`"],
    );
    check_rejected(
        course,
        "title = { en = \"Plain words\", tr = \"Sade sözcükler\" }",
        "title = { en = \"Plain words\" }",
        46,
        &["lesson[1].title", "missing translation in `tr`"],
    );
    check_rejected(
        course,
        "right = [2]",
        "right = [1, 2]",
        33,
        &[
            "lesson[0].question[0].right",
            "a single question has one right answer",
        ],
    );
    check_rejected(
        course,
        "is_true = false",
        "is_true = false\nright = [1]",
        41,
        &["lesson[0].question[1].right", "has no `answers` or `right`"],
    );
    check_rejected(
        course,
        "id = \"second\"",
        "id = \"first\"",
        44,
        &["lesson[1].id", "`first` is used twice"],
    );
    check_rejected(
        course,
        "image = \"seats.svg\"",
        "image = \"chairs.svg\"",
        23,
        &["lesson[0].card[1].image", "no picture `chairs.svg`"],
    );

    // A picture that runs script, and a file of another kind beside it.
    let dir = copy_fixture();
    let images = dir.path().join("courses/images");
    std::fs::write(
        images.join("seats.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"fetch('https://x.example')\"/>",
    )
    .unwrap();
    std::fs::write(images.join("notes.txt"), "draft").unwrap();
    std::fs::write(images.join("cut.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let errors = merhaba_pack::load(dir.path()).expect_err("refused");
    let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let all = all.join("\n");
    assert!(
        all.contains("courses/images/seats.svg: the SVG's <svg> holds an event handler: onload"),
        "{all}"
    );
    assert!(
        all.contains("courses/images/cut.png: the PNG does not decode"),
        "{all}"
    );
    assert!(
        all.contains("courses/images/notes.txt: no card shows this picture")
            && all.contains("a course picture is an .svg or a .png file"),
        "{all}"
    );

    // A lesson with no questions at all.
    let dir = copy_fixture();
    let file = dir.path().join(course);
    let text = std::fs::read_to_string(&file).unwrap();
    let cut = text
        .find("\n[[lesson.question]]\nkind = \"multiple\"")
        .unwrap();
    std::fs::write(&file, &text[..cut]).unwrap();
    let errors = merhaba_pack::load(dir.path()).expect_err("refused");
    let message = errors[0].to_string();
    assert!(
        message.contains("field `lesson[1].question`")
            && message.contains("at least one [[lesson.question]]"),
        "{message}"
    );
}

/// `validate` grows with the size of the mistakes, not with their square: a path with 2,000
/// steps naming no service takes about ten times as long as one with 200, not a hundred
/// (each error's line is looked up in one reading of the file). A ratio within one run,
/// not a time limit.
#[test]
fn validate_time_grows_about_linearly_with_the_errors() {
    let time_with = |steps: usize| -> (std::time::Duration, usize) {
        let dir = copy_fixture();
        let path = dir.path().join("paths/arrival.toml");
        let mut text = std::fs::read_to_string(&path).unwrap();
        for i in 0..steps {
            text.push_str(&format!("\n[[step]]\nservice = \"missing-{i}\"\n"));
        }
        std::fs::write(&path, text).unwrap();
        // The quickest of three runs: the machine is shared.
        (0..3)
            .map(|_| {
                let started = std::time::Instant::now();
                let errors = merhaba_pack::load(dir.path()).expect_err("unknown services");
                (started.elapsed(), errors.len())
            })
            .min()
            .unwrap()
    };
    let (small, small_errors) = time_with(200);
    let (large, large_errors) = time_with(2000);
    assert!(
        small_errors >= 200 && large_errors >= 2000,
        "{small_errors} {large_errors}"
    );
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("validate: {small:?} with {small_errors} errors, {large:?} with {large_errors}: {ratio:.1}×");
    assert!(
        ratio < 30.0,
        "10× the errors took {ratio:.1}× the time: {small:?} → {large:?}"
    );
}
