//! Courses for the people who help newcomers: the list with each course's length and the
//! reader's progress, and one course with its lessons, where to go on, the sources, and the
//! progress file for a trainer (xAPI; saved where the person chooses to keep it, never sent).

use dioxus::prelude::*;
use merhaba_core::course::{xapi, CourseProgress, LessonProgress, LessonState};
use merhaba_core::{CourseSummary, Localizer};

use crate::components::content::{
    FallbackNotice, HandOutStatus, Inline, SampleBadge, SampleNotice, StoreError,
};
use crate::components::provenance::SourceLines;
use crate::platform::hand_out::{self, HandOut};
use crate::state::{use_app, AppState};
use crate::views::NotFound;
use crate::Route;

/// The reader's progress through `course`; none recorded when the user database cannot be read.
fn progress_of(app: &AppState, course: &CourseSummary) -> CourseProgress {
    app.user()
        .course_progress(course)
        .unwrap_or(CourseProgress {
            lessons: Vec::new(),
        })
}

#[component]
pub fn CourseList() -> Element {
    let app = use_app();
    let l = app.l10n();
    let courses = match app.pack().courses(&app.chain()) {
        Ok(courses) => courses,
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 { {l.t("courses-title")} }
        p { class: "intro", {l.t("courses-intro")} }
        ul { class: "service-list course-list",
            for course in courses {
                li { key: "{course.id}",
                    Link { class: "service-item", to: Route::CoursePage { id: course.id.clone() },
                        span { class: "service-name", Inline { text: course.title.clone() } }
                        if course.sample {
                            SampleBadge {}
                        }
                        span { class: "summary", Inline { text: course.summary.clone() } }
                        span { class: "count", {length(l, &course)} }
                        span { class: "progress", {done_line(l, &progress_of(&app, &course), &course)} }
                    }
                }
            }
        }
    }
}

/// "5 lessons, 21 questions · about 50 minutes".
fn length(l: &Localizer, course: &CourseSummary) -> String {
    l.t_args(
        "course-length",
        &[
            ("lessons", course.lessons.len().into()),
            ("questions", course.questions().into()),
            ("minutes", course.minutes().into()),
        ],
    )
}

/// "2 of 5 lessons done".
fn done_line(l: &Localizer, progress: &CourseProgress, course: &CourseSummary) -> String {
    l.t_args(
        "course-progress",
        &[
            ("done", progress.done().into()),
            ("lessons", course.lessons.len().into()),
        ],
    )
}

/// A lesson's state in words: not started, started, done with its score, or changed since.
pub(crate) fn lesson_state(l: &Localizer, progress: &LessonProgress) -> String {
    match &progress.state {
        LessonState::New => l.t("lesson-new"),
        LessonState::Started => l.t("lesson-started"),
        LessonState::Done { best, on } => l.t_args(
            "lesson-done",
            &[
                ("right", best.right.into()),
                ("of", best.of.into()),
                ("date", l.date(on).into()),
            ],
        ),
        LessonState::Changed { best, on } => l.t_args(
            "lesson-changed",
            &[
                ("right", best.right.into()),
                ("of", best.of.into()),
                ("date", l.date(on).into()),
            ],
        ),
    }
}

#[component]
pub fn CoursePage(id: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let course = match app.pack().course(&id, &app.chain()) {
        Ok(Some(course)) => course,
        Ok(None) => return rsx! { NotFound { segments: vec!["course".into(), id] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    let summary = course.summary.clone();
    let progress = progress_of(&app, &summary);
    let reader = app.lang();
    let fallback = std::iter::once(&summary.title)
        .chain(summary.lessons.iter().map(|l| &l.title))
        .find(|t| t.is_fallback_for(reader))
        .map(|t| t.lang.clone());
    let next = progress.next_lesson(&summary).map(|l| l.id.clone());
    let started = progress.lessons.iter().any(|l| l.state != LessonState::New);
    rsx! {
        article { class: "course",
            nav { class: "breadcrumb", Link { to: Route::CourseList {}, {l.t("courses-title")} } }
            h1 { Inline { text: summary.title.clone() } }
            p { class: "audience", Inline { text: summary.summary.clone() } }
            p { class: "count", {length(l, &summary)} }
            if summary.sample {
                SampleNotice {}
            }
            if let Some(lang) = fallback {
                FallbackNotice { lang }
            }
            if course.unreviewed {
                p { class: "notice unreviewed", role: "note", {l.t("translation-unreviewed")} }
            }
            p { class: "privacy", {l.t("course-progress-local")} }
            p { class: "progress", role: "status", {done_line(l, &progress, &summary)} }
            if progress.is_complete() {
                Link { class: "button course-done", to: Route::CourseDone { id: id.clone() },
                    span { "aria-hidden": "true", "🎓 " } {l.t("course-certificate")}
                }
            } else if let Some(lesson) = next {
                Link { class: "button continue", to: Route::LessonPage { id: id.clone(), lesson },
                    if started { {l.t("course-continue")} } else { {l.t("course-start")} }
                }
            }
            h2 { {l.t("course-lessons")} }
            ol { class: "lesson-list",
                for (lesson, state) in summary.lessons.iter().zip(&progress.lessons) {
                    li { key: "{lesson.id}", class: if state.is_done() { "lesson done" } else { "lesson" },
                        Link { to: Route::LessonPage { id: id.clone(), lesson: lesson.id.clone() },
                            span { class: "lesson-title", Inline { text: lesson.title.clone() } }
                        }
                        span { class: "count",
                            {l.t_args("lesson-minutes", &[("minutes", lesson.minutes.into())])}
                        }
                        span { class: "lesson-state", {lesson_state(l, state)} }
                    }
                }
            }
            if !course.sources.is_empty() {
                h2 { {l.t("course-sources")} }
                SourceLines { sources: course.sources.clone() }
            }
            ProgressFile { course: summary, progress }
        }
    }
}

/// The progress file for a trainer: xAPI statements of every finished quiz of this course,
/// with whoever the person types as the actor (not kept), saved where files go.
#[component]
fn ProgressFile(course: CourseSummary, progress: CourseProgress) -> Element {
    let app = use_app();
    let mut who = use_signal(String::new);
    let mut status = use_signal(|| None::<Result<String, String>>);
    let l = app.l10n();
    let attempts: Vec<_> = app
        .user()
        .attempts()
        .unwrap_or_default()
        .into_iter()
        .filter(|a| a.course_id == course.id)
        .collect();
    if attempts.is_empty() {
        return rsx! {};
    }
    let city = app
        .pack()
        .city(&app.chain())
        .map(|c| c.id)
        .unwrap_or_default();
    let save = move |_| {
        let courses = [(course.clone(), progress.clone())];
        let bytes = xapi::file(&city, &courses, &attempts, &who());
        let file = HandOut {
            file_name: "merhaba-progress.json",
            mime: "application/json",
            bytes: &bytes,
        };
        status.set(Some(hand_out::save(&file)));
    };
    rsx! {
        section { class: "progress-file",
            h2 { {l.t("xapi-title")} }
            p { {l.t("xapi-intro")} }
            label { r#for: "xapi-who", {l.t("xapi-who")} }
            input {
                id: "xapi-who",
                r#type: "text",
                autocomplete: "off",
                value: "{who}",
                oninput: move |e| who.set(e.value()),
            }
            button { class: "save-progress", onclick: save, {l.t("xapi-save")} }
            HandOutStatus { status: status() }
        }
    }
}
