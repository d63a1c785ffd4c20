//! The intake desk (issue 16) rendered with dioxus-ssr from the `mini` fixture: a service in
//! two languages side by side, each column in its own direction with its own notices; the
//! intake bar; first-steps paths in order, with the client's names in intake mode; the slip
//! composer with its preview. Nothing about the client is kept: see tests/e2e (the walk in
//! the real window) and `intake_leaves_no_trace_in_the_user_database` below.

mod common;

use common::{mini_boot, render};

/// The page at `path` for a caseworker reading `desk`, in intake mode with a client reading
/// `client` and `slip` on the slip.
fn intake_page(desk: &str, client: &'static str, slip: &[&str], path: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    body(render(
        mini_boot(dir.path(), &[desk])
            .in_intake(client, slip)
            .at(path),
    ))
}

/// The page without its style sheet (whose class names would match any check).
fn body(html: String) -> String {
    match html.split_once("</style>") {
        Some((_, body)) => body.to_string(),
        None => html,
    }
}

/// The pieces of `html` from each `<div class="pair-row">` to the next.
fn rows(html: &str) -> Vec<&str> {
    html.split(r#"<div class="pair-row">"#).skip(1).collect()
}

#[test]
fn a_service_in_intake_mode_shows_both_languages_row_by_row() {
    let html = intake_page("tr", "ar", &[], "/service/clinic");
    let rows = rows(&html);
    assert!(
        rows.len() >= 6,
        "name, summary, bring, rights, cost, location: {html}"
    );
    for row in &rows {
        // Each row: the caseworker's cell left to right, then the client's right to left.
        let ltr = row.find(r#"<div class="col" lang="tr" dir="ltr">"#);
        let rtl = row.find(r#"<div class="col" lang="ar" dir="rtl">"#);
        assert!(
            matches!((ltr, rtl), (Some(a), Some(b)) if a < b),
            "a row without both columns: {row}"
        );
    }
    for (tr, ar) in [
        ("Test kliniği", "العيادة التجريبية"),
        ("Kimlik kartınız.", "بطاقة هويتك."),
        (
            "Randevusuz muayene olabilirsiniz.",
            "يمكنك المراجعة من دون موعد.",
        ),
        ("Haklar ve yükümlülükler", "الحقوق والواجبات"),
        ("Test Sokak 1", "شارع الاختبار 1"),
    ] {
        let row = rows
            .iter()
            .find(|r| r.contains(tr))
            .unwrap_or_else(|| panic!("{tr} missing: {html}"));
        assert!(row.contains(ar), "{ar} is not beside {tr}: {row}");
    }
    // The place the clinic left is not offered in either column.
    assert!(!html.contains("Eski Sokak 9") && !html.contains("الشارع القديم 9"));
    // The bar: the client's language chosen among languages named in their own script.
    assert!(
        html.contains(r#"aria-checked="true" lang="ar" dir="rtl">العربية</button>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"lang="en" dir="ltr">English</button>"#),
        "{html}"
    );
    assert!(html.contains("Danışanın dili"), "{html}");
    for control in ["Sonraki danışan", "Not kâğıdına ekle"] {
        assert!(html.contains(control), "missing {control:?}: {html}");
    }
}

#[test]
fn a_missing_translation_says_so_in_its_column_only() {
    // The course has no Arabic: the client's column falls back to English and says so in
    // Arabic; the Turkish column is complete and says nothing.
    let html = intake_page("tr", "ar", &[], "/service/course");
    let heading = rows(&html)[0];
    let (tr, ar) = heading
        .split_once(r#"<div class="col" lang="ar" dir="rtl">"#)
        .expect("two columns");
    assert!(!tr.contains("notice fallback"), "{tr}");
    assert!(
        ar.contains("تُعرض أجزاء من هذه الصفحة باللغة English لأنها لم تُترجم بعد."),
        "{ar}"
    );
    assert_eq!(html.matches("notice fallback").count(), 1, "{html}");
    // The English fallback text is marked English, left to right, inside the Arabic column.
    assert!(ar.contains(r#"lang="en" dir="ltr""#), "{ar}");
}

#[test]
fn without_a_client_language_a_service_has_one_column() {
    let dir = tempfile::tempdir().unwrap();
    let html = body(render(mini_boot(dir.path(), &["en"]).at("/service/clinic")));
    assert!(!html.contains("pair-row"), "{html}");
    assert!(!html.contains("intake-bar"), "{html}");
    assert!(!html.contains("Add to slip"), "{html}");
}

#[test]
fn a_path_lists_its_steps_in_order_with_what_to_bring() {
    let dir = tempfile::tempdir().unwrap();
    let html = render(mini_boot(dir.path(), &["en"]).at("/path/arrival"));
    let steps: Vec<usize> = ["Night pharmacy", "Test clinic", "Evening Turkish course"]
        .iter()
        .map(|name| {
            html.find(name)
                .unwrap_or_else(|| panic!("{name} missing: {html}"))
        })
        .collect();
    assert!(
        steps.windows(2).all(|w| w[0] < w[1]),
        "steps out of order: {html}"
    );
    assert_eq!(html.matches(r#"class="path-step""#).count(), 3, "{html}");
    for piece in [
        "Just arrived",
        "People in their first week.",
        "Your ID card.",
        "Go before noon.",
        "Your ticks stay on this device and are never sent.",
        r#"href="/slip?path=arrival""#,
    ] {
        assert!(html.contains(piece), "missing {piece:?}: {html}");
    }
    // Listed from home and in the list of paths, with its number of steps.
    let list = render(mini_boot(dir.path(), &["en"]).at("/paths"));
    assert!(
        list.contains("Just arrived") && list.contains("3 steps"),
        "{list}"
    );
    let home = render(mini_boot(dir.path(), &["en"]).at("/"));
    assert!(home.contains(r#"href="/paths""#), "{home}");
}

#[test]
fn in_intake_mode_a_path_names_each_step_in_the_clients_language_too() {
    let html = intake_page("tr", "ar", &[], "/path/arrival");
    assert!(
        html.contains("Yeni geldim") && html.contains("وصلت للتو"),
        "{html}"
    );
    assert!(
        html.contains(r#"<span class="client-text" lang="ar" dir="rtl">العيادة التجريبية</span>"#),
        "{html}"
    );
    assert!(
        html.contains("Danışma modunda işaretler saklanmaz"),
        "{html}"
    );
}

#[test]
fn the_slip_composer_previews_the_chosen_services() {
    let html = intake_page("tr", "ar", &["clinic", "pharmacy"], "/slip");
    assert!(
        html.contains(r#"class="slip-preview" src="data:image/png;base64,"#),
        "{html}"
    );
    assert!(
        html.contains("Test kliniği") && html.contains("العيادة التجريبية"),
        "{html}"
    );
    assert_eq!(
        html.matches(r#"type="checkbox" checked"#).count(),
        2,
        "{html}"
    );
    // Nothing chosen: a way to choose, not an empty page.
    let empty = intake_page("en", "ar", &[], "/slip");
    assert!(empty.contains("No services chosen yet"), "{empty}");
    assert!(!empty.contains("slip-preview"), "{empty}");
}
