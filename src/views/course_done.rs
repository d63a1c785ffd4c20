//! A finished course: the completion page (course, date, score) and its certificate, saved
//! as a PDF or a picture. A name typed here goes on the certificate being made and nowhere
//! else: it is not stored, and it is gone when the page is left.

use dioxus::prelude::*;
use merhaba_core::course::{Certificate, CourseProgress};
use merhaba_core::Course;

use crate::components::content::{HandOutStatus, Inline, StoreError};
use crate::platform::hand_out::{self, HandOut};
use crate::state::{use_app, AppState};
use crate::views::NotFound;
use crate::Route;

#[component]
pub fn CourseDone(id: String) -> Element {
    let app = use_app();
    let mut name = use_signal(String::new);
    let mut status = use_signal(|| None::<Result<String, String>>);
    let l = app.l10n();
    let course = match app.pack().course(&id, &app.chain()) {
        Ok(Some(course)) => course,
        Ok(None) => return rsx! { NotFound { segments: vec!["course".into(), id] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    let progress = app.user().course_progress(&course.summary).ok();
    let Some((progress, completed)) = progress.and_then(|p| {
        let on = p.completed_on()?.to_string();
        Some((p, on))
    }) else {
        // Not finished (yet, or again after a content update): the course page says what is left.
        return rsx! {
            p { class: "notice", role: "status", {l.t("course-not-complete")} }
            Link { class: "button", to: Route::CoursePage { id: id.clone() }, {l.t("lesson-back-to-course")} }
        };
    };
    let certificate = certificate(&app, &course, &progress, &completed, &name());
    let save = move |png: bool| {
        let made = match png {
            true => merhaba_slip::certificate_png(&certificate, 2.0),
            false => merhaba_slip::certificate_pdf(&certificate),
        };
        status.set(Some(made.map_err(|e| e.to_string()).and_then(|bytes| {
            hand_out::save(&HandOut {
                file_name: if png {
                    "merhaba-certificate.png"
                } else {
                    "merhaba-certificate.pdf"
                },
                mime: if png { "image/png" } else { "application/pdf" },
                bytes: &bytes,
            })
        })));
    };
    let mut save_pdf = save.clone();
    let mut save_png = save;
    let score = progress.score();
    rsx! {
        article { class: "course-done",
            nav { class: "breadcrumb",
                Link { to: Route::CoursePage { id: id.clone() }, Inline { text: course.summary.title.clone() } }
            }
            h1 { {l.t("certificate-heading")} }
            p { class: "course-title", Inline { text: course.summary.title.clone() } }
            p { class: "completed", {l.t_args("certificate-completed", &[("date", l.date(&completed).into())])} }
            p { class: "score",
                {l.t_args("certificate-score", &[("right", score.right.into()), ("of", score.of.into())])}
            }
            if course.summary.sample {
                p { class: "notice sample", role: "note", {l.t("certificate-sample")} }
            }
            label { r#for: "certificate-name", {l.t("certificate-name")} }
            input {
                id: "certificate-name",
                r#type: "text",
                autocomplete: "off",
                value: "{name}",
                oninput: move |e| name.set(e.value()),
            }
            div { class: "actions",
                button { class: "save-pdf", onclick: move |_| save_pdf(false),
                    span { "aria-hidden": "true", "📄 " } {l.t("slip-save-pdf")}
                }
                button { class: "save-png", onclick: move |_| save_png(true),
                    span { "aria-hidden": "true", "🖼️ " } {l.t("slip-save-png")}
                }
            }
            HandOutStatus { status: status() }
        }
    }
}

/// The certificate in the reader's language, with the name typed now (if any).
fn certificate(
    app: &AppState,
    course: &Course,
    progress: &CourseProgress,
    completed: &str,
    name: &str,
) -> Certificate {
    let l = app.l10n();
    let score = progress.score();
    let city = app
        .pack()
        .city(&app.chain())
        .map(|c| c.name.value)
        .unwrap_or_default();
    let mut footer = l.t_args("certificate-footer", &[("city", city.into())]);
    if course.summary.sample {
        footer = format!("{footer} {}", l.t("certificate-sample"));
    }
    Certificate {
        lang: app.lang().to_string(),
        rtl: merhaba_core::Direction::of(app.lang()) == merhaba_core::Direction::Rtl,
        heading: l.t("certificate-heading"),
        course: course.summary.title.value.clone(),
        name: Certificate::name_from(name),
        completed: l.t_args(
            "certificate-completed",
            &[("date", l.date(completed).into())],
        ),
        score: l.t_args(
            "certificate-score",
            &[("right", score.right.into()), ("of", score.of.into())],
        ),
        footer,
    }
}
