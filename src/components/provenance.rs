//! Where the facts of a page come from and how current they are: a source line under each
//! section, the entry's date, "may be out of date", national helplines, and "Report a
//! problem" (which opens the person's own mail app or browser; the app sends nothing).

use dioxus::prelude::*;
use merhaba_core::feedback::{report_form_host, Report};
use merhaba_core::{tel_uri, Service, Source};

use crate::state::use_app;

/// "Source: <title>, read <date>" for each page behind a section or a place.
#[component]
pub fn SourceLines(sources: Vec<Source>) -> Element {
    let app = use_app();
    let l = app.l10n();
    if sources.is_empty() {
        return rsx! {};
    }
    rsx! {
        ul { class: "source-lines",
            for source in sources {
                li { key: "{source.url}",
                    a { href: "{source.url}", rel: "noopener",
                        {source_line(l, &source)}
                    }
                }
            }
        }
    }
}

fn source_line(l: &merhaba_core::Localizer, source: &Source) -> String {
    match &source.read {
        Some(read) => l.t_args(
            "source-line",
            &[
                ("title", source.title.clone().into()),
                ("date", l.date(read).into()),
            ],
        ),
        None => l.t_args(
            "source-line-undated",
            &[("title", source.title.clone().into())],
        ),
    }
}

/// The entry's date: checked (or, a sample, drafted), and "may be out of date" when that
/// was more than a year before today in the city.
#[component]
pub fn EntryDate(service: Service) -> Element {
    let app = use_app();
    let l = app.l10n();
    let today = app.today();
    let date = |d: &str| l.date(d);
    rsx! {
        if service.out_of_date(today) {
            p { class: "notice out-of-date", role: "note",
                {l.t_args("out-of-date", &[("date", date(service.dated().unwrap_or_default()).into())])}
            }
        } else if let Some(checked) = &service.checked {
            p { class: "checked", {l.t_args("checked-on", &[("date", date(checked).into())])} }
        } else if let Some(drafted) = &service.drafted {
            p { class: "checked", {l.t_args("drafted-on", &[("date", date(drafted).into())])} }
        }
    }
}

/// National numbers that help with the service, as labelled call buttons.
#[component]
pub fn Helplines(numbers: Vec<String>) -> Element {
    let app = use_app();
    let l = app.l10n();
    if numbers.is_empty() {
        return rsx! {};
    }
    rsx! {
        div { class: "helplines",
            h3 { {l.t("helplines-title")} }
            div { class: "actions",
                for number in numbers {
                    a { key: "{number}", class: "button", href: tel_uri(&number),
                        span { "aria-hidden": "true", "☎️ " }
                        {l.t_args("helpline", &[("number", number.clone().into())])}
                    }
                }
            }
        }
    }
}

/// "Report a problem": a message to the city's editors naming this entry, the content
/// version and the reader's language, opened in the person's own app. A web form opens only
/// after the person has read what its address carries and said yes. Absent when the city
/// names no address.
#[component]
pub fn ReportProblem(service_id: String) -> Element {
    let app = use_app();
    // Hooks first, before any early return.
    let mut asking = use_signal(|| false);
    let l = app.l10n();
    let pack = app.pack();
    let Ok(city) = pack.city(&app.chain()) else {
        return rsx! {};
    };
    let report = Report {
        city: &city.id,
        service_id: &service_id,
        content_version: city.content_version,
        lang: app.lang(),
    };
    let to = city.report_to.as_deref().unwrap_or_default();
    let Some(link) = report.link(to) else {
        return rsx! {};
    };
    let Some(host) = report_form_host(to) else {
        return rsx! {
            div { class: "report-problem",
                a { class: "button", href: "{link}", rel: "noopener",
                    span { "aria-hidden": "true", "✉️ " }
                    {l.t("report-problem")}
                }
                p { class: "hint", {l.t("report-problem-note")} }
            }
        };
    };
    let carries = l.t_args(
        "report-form-ask",
        &[
            ("host", host.into()),
            ("city", report.city.into()),
            ("entry", report.service_id.into()),
            ("version", report.content_version.to_string().into()),
            ("lang", report.lang.into()),
        ],
    );
    rsx! {
        div { class: "report-problem",
            button {
                class: "button report-ask",
                "aria-expanded": if asking() { "true" } else { "false" },
                onclick: move |_| asking.toggle(),
                span { "aria-hidden": "true", "✉️ " }
                {l.t("report-problem")}
            }
            if asking() {
                div { class: "report-confirm", role: "group",
                    p { "{carries}" }
                    a { class: "button report-open", href: "{link}", target: "_blank", rel: "noopener noreferrer",
                        onclick: move |_| asking.set(false),
                        {l.t("report-form-open")}
                    }
                    button { class: "report-cancel", onclick: move |_| asking.set(false), {l.t("report-form-cancel")} }
                }
            }
        }
    }
}
