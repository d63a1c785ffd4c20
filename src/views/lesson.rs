//! A lesson, one step at a time: its cards, then its questions with feedback at once, then
//! its end with the score. Every step the reader reaches and every answer is kept in the user
//! database at once, so leaving (or a restart, or a content update that leaves the lesson's
//! questions alone) comes back to the same place with the same score.

use std::collections::BTreeSet;

use dioxus::prelude::*;
use merhaba_core::course::{LessonProgress, LessonState, Score};
use merhaba_core::{Card, Lesson, Question, QuestionKind, Step};

use crate::components::content::{
    data_url, ContentText, FallbackNotice, Inline, SampleBadge, SaveError, StoreError,
};
use crate::state::use_app;
use crate::views::courses::lesson_state;
use crate::views::NotFound;
use crate::Route;

#[component]
pub fn LessonPage(id: String, lesson: String) -> Element {
    // Keyed by the lesson: "Next lesson" mounts a new reader, with the step that lesson
    // was left at, instead of carrying this one's over.
    rsx! { LessonReader { key: "{id}/{lesson}", id: id.clone(), lesson: lesson.clone() } }
}

#[component]
fn LessonReader(id: String, lesson: String) -> Element {
    let app = use_app();
    let chain = app.chain();
    let found = app.pack().lesson(&id, &lesson, &chain);
    // Hooks first, before any early return.
    let mut step = use_signal(|| match &found {
        Ok(Some(found)) => app
            .user()
            .lesson_progress(&id, &found.summary)
            .map(|p| p.step)
            .unwrap_or(0),
        _ => 0,
    });
    let mut save_error = use_signal(|| None::<String>);
    let l = app.l10n();
    let lesson_data = match found {
        Ok(Some(found)) => found,
        Ok(None) => return rsx! { NotFound { segments: vec!["course".into(), id, lesson] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    let course = app.pack().course(&id, &chain).ok().flatten();
    let progress = app
        .user()
        .lesson_progress(&id, &lesson_data.summary)
        .unwrap_or(LessonProgress {
            step: 0,
            attempts: 0,
            state: LessonState::New,
            answers: Default::default(),
        });
    let here = step().min(lesson_data.steps());
    let go = {
        let app = app.clone();
        let (course_id, lesson_id) = (id.clone(), lesson.clone());
        move |to: usize| {
            step.set(to);
            let saved = app.user().set_step(&course_id, &lesson_id, to);
            save_error.set(saved.err().map(|e| e.to_string()));
        }
    };
    let reader = app.lang();
    let fallback = lesson_data.fallback_language(reader).map(str::to_string);
    let steps = lesson_data.steps();
    let cards = lesson_data.cards.len();
    let next_lesson = course.as_ref().and_then(|c| {
        let lessons = &c.summary.lessons;
        let here = lessons.iter().position(|l| l.id == lesson)?;
        lessons.get(here + 1).map(|l| l.id.clone())
    });
    rsx! {
        article { class: "lesson",
            nav { class: "breadcrumb",
                Link { to: Route::CourseList {}, {l.t("courses-title")} }
                " › "
                Link { to: Route::CoursePage { id: id.clone() },
                    if let Some(course) = &course { Inline { text: course.summary.title.clone() } }
                }
            }
            h1 { Inline { text: lesson_data.summary.title.clone() } }
            if course.as_ref().is_some_and(|c| c.summary.sample) {
                SampleBadge {}
            }
            if let Some(lang) = fallback {
                FallbackNotice { lang }
            }
            if lesson_data.unreviewed {
                p { class: "notice unreviewed", role: "note", {l.t("translation-unreviewed")} }
            }
            progress { class: "lesson-progress", max: "{steps}", value: "{here}",
                "aria-label": l.t("lesson-where")
            }
            match lesson_data.step(here) {
                Step::Card(n, card) => rsx! {
                    CardView { card: card.clone(), n, count: cards }
                    div { class: "actions lesson-nav",
                        if n > 0 {
                            button { class: "back-step", onclick: { let mut go = go.clone(); move |_| go(n - 1) },
                                {l.t("lesson-back")}
                            }
                        }
                        button { class: "next-step", onclick: { let mut go = go.clone(); move |_| go(n + 1) },
                            if n + 1 == cards { {l.t("lesson-to-questions")} } else { {l.t("lesson-next")} }
                        }
                    }
                },
                Step::Question(q, question) => rsx! {
                    QuestionView {
                        key: "{lesson}-{q}",
                        course_id: id.clone(),
                        lesson: lesson_data.clone(),
                        q,
                        question: question.clone(),
                        on_next: { let mut go = go.clone(); move |_| go(cards + q + 1) },
                    }
                },
                Step::End => rsx! {
                    LessonEnd {
                        course_id: id.clone(),
                        lesson: lesson_data.clone(),
                        progress: progress.clone(),
                        next: next_lesson.clone(),
                        on_retake: {
                            let (mut go, app, course_id) = (go.clone(), app.clone(), id.clone());
                            let summary = lesson_data.summary.clone();
                            move |_| {
                                let taken = app.user().retake(&course_id, &summary);
                                save_error.set(taken.err().map(|e| e.to_string()));
                                go(cards);
                            }
                        },
                    }
                },
            }
            if let Some(details) = save_error() {
                SaveError { details }
            }
        }
    }
}

#[component]
fn CardView(card: Card, n: usize, count: usize) -> Element {
    let app = use_app();
    let l = app.l10n();
    let picture = card.picture.as_ref().and_then(|p| {
        let (mime, bytes) = app.pack().picture(&p.name).ok().flatten()?;
        Some((data_url(mime, &bytes), p.alt.clone()))
    });
    rsx! {
        section { class: "lesson-card",
            p { class: "step-count",
                {l.t_args("lesson-card", &[("n", (n + 1).into()), ("count", count.into())])}
            }
            ContentText { text: card.text.clone() }
            if let Some((src, alt)) = picture {
                img { class: "card-picture", src, alt: "{alt.value}", lang: "{alt.lang}" }
            }
            if let Some(service) = card.service.clone() {
                p { class: "guide-link",
                    span { {l.t("lesson-read-guide")} " " }
                    Link { to: Route::ServicePage { id: service.id.clone() }, Inline { text: service.name } }
                }
            }
        }
    }
}

/// One question: the choices, Check, then at once whether it was right and why, with the
/// guide's service it refers to. A wrong answer can be tried again; the score counts the
/// first try.
#[component]
fn QuestionView(
    course_id: String,
    lesson: Lesson,
    q: usize,
    question: Question,
    on_next: EventHandler<()>,
) -> Element {
    let app = use_app();
    let mut picked = use_signal(BTreeSet::<u32>::new);
    // The result of the last Check on this screen: shown until the next try.
    let mut result = use_signal(|| None::<bool>);
    let mut save_error = use_signal(|| None::<String>);
    let l = app.l10n();
    // Read at every render: an answer given on this screen changes it.
    let progress = app.user().lesson_progress(&course_id, &lesson.summary).ok();
    let solved = progress
        .as_ref()
        .and_then(|p| p.answers.get(&q))
        .is_some_and(|a| a.solved);
    let right_now = result().unwrap_or(solved);
    let answered = result().is_some() || solved;
    let count = lesson.questions.len();
    let multiple = question.kind == QuestionKind::Multiple;
    let check = {
        let app = app.clone();
        let question = question.clone();
        let summary = lesson.summary.clone();
        move |_| {
            let right = question.is_right(&picked());
            let saved = app.user().answer(&course_id, &summary, q, right, app.now());
            save_error.set(saved.err().map(|e| e.to_string()));
            result.set(Some(right));
        }
    };
    let running = progress
        .map(|p| p.running())
        .unwrap_or(Score { right: 0, of: 0 });
    rsx! {
        section { class: "lesson-question",
            p { class: "step-count",
                {l.t_args("lesson-question", &[("n", (q + 1).into()), ("count", count.into())])}
            }
            if running.of > 0 {
                p { class: "running-score",
                    {l.t_args("lesson-score-so-far", &[("right", running.right.into()), ("of", running.of.into())])}
                }
            }
            fieldset { class: "choices", disabled: answered,
                legend { ContentText { text: question.prompt.clone(), class: "prompt" } }
                p { class: "hint", if multiple { {l.t("lesson-pick-all")} } else { {l.t("lesson-pick-one")} } }
                for (i, choice) in question.choices.iter().enumerate() {
                    label { key: "{i}", class: "choice",
                        input {
                            r#type: if multiple { "checkbox" } else { "radio" },
                            name: "choice",
                            // Answered right before (this attempt): the right choices show.
                            checked: picked().contains(&(i as u32 + 1))
                                || (solved && result().is_none() && question.right.contains(&(i as u32 + 1))),
                            // A radio button says nothing of itself when it changes: the
                            // choice toggles, and a single answer replaces the last.
                            onchange: move |_| {
                                let n = i as u32 + 1;
                                picked.with_mut(|p| {
                                    if p.remove(&n) && multiple { return; }
                                    if !multiple { p.clear(); }
                                    p.insert(n);
                                });
                            },
                        }
                        match choice {
                            Some(text) => rsx! { Inline { text: text.clone() } },
                            None if i == 0 => rsx! { span { {l.t("lesson-true")} } },
                            None => rsx! { span { {l.t("lesson-false")} } },
                        }
                    }
                }
            }
            if !answered {
                button { class: "check", disabled: picked().is_empty(), onclick: check, {l.t("lesson-check")} }
            } else {
                div { class: if right_now { "feedback right" } else { "feedback wrong" }, role: "status",
                    p { class: "verdict",
                        strong { if right_now { {l.t("lesson-right")} } else { {l.t("lesson-wrong")} } }
                    }
                    ContentText { text: question.feedback.clone() }
                    if let Some(service) = question.service.clone() {
                        p { class: "guide-link",
                            span { {l.t("lesson-read-guide")} " " }
                            Link { to: Route::ServicePage { id: service.id.clone() }, Inline { text: service.name } }
                        }
                    }
                }
                div { class: "actions lesson-nav",
                    if right_now {
                        button { class: "next-step", onclick: move |_| on_next.call(()),
                            if q + 1 == count { {l.t("lesson-see-score")} } else { {l.t("lesson-next")} }
                        }
                    } else {
                        button { class: "try-again", onclick: move |_| { picked.set(BTreeSet::new()); result.set(None); },
                            {l.t("lesson-try-again")}
                        }
                    }
                }
            }
            if let Some(details) = save_error() {
                SaveError { details }
            }
        }
    }
}

/// The lesson's end: its state and best score, taking the questions again, and what next.
#[component]
fn LessonEnd(
    course_id: String,
    lesson: Lesson,
    progress: LessonProgress,
    next: Option<String>,
    on_retake: EventHandler<()>,
) -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        section { class: "lesson-end",
            h2 { {l.t("lesson-end")} }
            p { class: "lesson-state", role: "status", {lesson_state(l, &progress)} }
            div { class: "actions",
                if let Some(next) = next {
                    Link { class: "button next-lesson", to: Route::LessonPage { id: course_id.clone(), lesson: next },
                        {l.t("lesson-next-lesson")}
                    }
                } else {
                    Link { class: "button", to: Route::CoursePage { id: course_id.clone() },
                        {l.t("lesson-back-to-course")}
                    }
                }
                button { class: "retake", onclick: move |_| on_retake.call(()), {l.t("lesson-retake")} }
            }
        }
    }
}
