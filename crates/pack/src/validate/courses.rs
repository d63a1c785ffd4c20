//! `courses/<id>.toml`: courses for the people who help newcomers. Each is named like its
//! file, listed at its own place, dated and cited like a service, complete in the city's
//! languages; each lesson has cards and questions that can be answered, and every service
//! and picture they name exists (the pictures themselves: `picture`).

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

use super::fields::check_id;
use super::provenance::{check_dates, check_sources};
use super::text::shown;
use super::{at_least_one, check_file_id, check_order, Langs};
use crate::source::{
    ContentError, ContentSource, CourseFile, Parsed, QuestionKind, QuestionSource, ServiceFile,
};

/// How many choices a `single` or `multiple` question may offer.
const ANSWERS: RangeInclusive<usize> = 2..=6;
/// How long a lesson may say it takes, in minutes.
const MINUTES: RangeInclusive<u32> = 1..=120;

pub(super) fn check_courses(
    source: &ContentSource,
    langs: &Langs,
    services: &BTreeMap<&str, &Parsed<ServiceFile>>,
    latest: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    let mut ids: BTreeMap<&str, &Parsed<_>> = BTreeMap::new();
    let mut orders: BTreeMap<u32, &Parsed<_>> = BTreeMap::new();
    let mut shown_images = BTreeSet::new();
    for file in &source.courses {
        let c = &file.value;
        check_file_id(file, ("course", "courses"), &c.id, &mut ids, errors);
        check_order(file, "course", c.order, &mut orders, errors);
        check_dates(file, (c.sample, &c.checked, &c.drafted), latest, errors);
        check_sources(file, "source", &c.source, latest, errors);
        for (i, src) in c.source.iter().enumerate() {
            if !src.sections.is_empty() {
                errors.push(file.error(
                    &format!("source[{i}].for"),
                    "a course's sources back the whole course: leave out `for`",
                ));
            }
        }
        langs.check_reviews(file, &c.translation, errors);
        langs.check(file, "title", &c.title, errors);
        langs.check(file, "summary", &c.summary, errors);
        if c.lesson.is_empty() {
            errors.push(at_least_one(
                file,
                "lesson",
                "a course needs at least one [[lesson]]",
            ));
        }
        let known = Known {
            services,
            images: &source.course_images,
        };
        check_lessons(file, langs, &known, &mut shown_images, errors);
    }
    super::picture::check_images(source, &shown_images, errors);
}

/// What a course may name: the city's services and the pictures of `courses/images/`.
struct Known<'a> {
    services: &'a BTreeMap<&'a str, &'a Parsed<ServiceFile>>,
    images: &'a BTreeMap<String, Vec<u8>>,
}

impl Known<'_> {
    fn check_service(
        &self,
        file: &Parsed<CourseFile>,
        field: &str,
        id: Option<&String>,
        errors: &mut Vec<ContentError>,
    ) {
        if let Some(id) = id.filter(|id| !self.services.contains_key(id.as_str())) {
            errors.push(file.error(
                field,
                format!(
                    "unknown service `{}`: no file services/{}.toml in this city",
                    shown(id),
                    shown(id)
                ),
            ));
        }
    }
}

fn check_lessons<'a>(
    file: &'a Parsed<CourseFile>,
    langs: &Langs,
    known: &Known,
    shown_images: &mut BTreeSet<&'a str>,
    errors: &mut Vec<ContentError>,
) {
    let mut lesson_ids = BTreeSet::new();
    for (i, lesson) in file.value.lesson.iter().enumerate() {
        let at = |f: &str| format!("lesson[{i}].{f}");
        check_id(file, &at("id"), &lesson.id, errors);
        if !lesson_ids.insert(lesson.id.as_str()) {
            errors.push(file.error(
                &at("id"),
                format!(
                    "the lesson id `{}` is used twice in this course: progress is kept by it",
                    shown(&lesson.id)
                ),
            ));
        }
        if !MINUTES.contains(&lesson.minutes) {
            errors.push(file.error(
                &at("minutes"),
                format!(
                    "{} minutes: write how long the lesson takes, {} to {}",
                    lesson.minutes,
                    MINUTES.start(),
                    MINUTES.end()
                ),
            ));
        }
        langs.check(file, &at("title"), &lesson.title, errors);
        for (kind, empty) in [
            ("card", lesson.card.is_empty()),
            ("question", lesson.question.is_empty()),
        ] {
            if empty {
                let problem = format!("a lesson needs at least one [[lesson.{kind}]]");
                errors.push(at_least_one(file, &at(kind), &problem));
            }
        }
        for (j, card) in lesson.card.iter().enumerate() {
            let at = |f: &str| format!("lesson[{i}].card[{j}].{f}");
            langs.check(file, &at("text"), &card.text, errors);
            known.check_service(file, &at("service"), card.service.as_ref(), errors);
            match (&card.image, &card.alt) {
                (Some(image), alt) => {
                    if known.images.contains_key(image) {
                        shown_images.insert(image);
                    } else {
                        errors.push(file.error(
                            &at("image"),
                            format!(
                                "no picture `{}` in courses/images/: add the file or fix the name",
                                shown(image)
                            ),
                        ));
                    }
                    match alt {
                        Some(alt) => langs.check(file, &at("alt"), alt, errors),
                        None => errors.push(file.error(
                            &at("image"),
                            "a picture needs `alt`: what it shows, for those who cannot see it",
                        )),
                    }
                }
                (None, Some(_)) => errors.push(file.error(
                    &at("alt"),
                    "`alt` without `image`: describe a picture only when the card shows one",
                )),
                (None, None) => {}
            }
        }
        for (j, question) in lesson.question.iter().enumerate() {
            let at = format!("lesson[{i}].question[{j}]");
            check_question(file, &at, question, langs, errors);
            known.check_service(
                file,
                &format!("{at}.service"),
                question.service.as_ref(),
                errors,
            );
        }
    }
}

/// A question that can be answered: its choices, which of them are right, or whether the
/// statement is true, as its kind needs.
fn check_question(
    file: &Parsed<CourseFile>,
    at: &str,
    q: &QuestionSource,
    langs: &Langs,
    errors: &mut Vec<ContentError>,
) {
    let field = |f: &str| format!("{at}.{f}");
    langs.check(file, &field("prompt"), &q.prompt, errors);
    langs.check(file, &field("feedback"), &q.feedback, errors);
    for (k, answer) in q.answers.iter().enumerate() {
        langs.check(file, &format!("{at}.answers[{k}]"), answer, errors);
    }
    let mut problem = |f: &str, p: String| errors.push(file.error(&field(f), p));
    if q.kind == QuestionKind::TrueFalse {
        if q.is_true.is_none() {
            problem(
                "kind",
                "a true-false question needs `is_true = true` or `is_true = false`".into(),
            );
        }
        if !q.answers.is_empty() || !q.right.is_empty() {
            let f = if q.answers.is_empty() {
                "right"
            } else {
                "answers"
            };
            problem(
                f,
                "a true-false question has no `answers` or `right`: its choices are True \
                 and False, and `is_true` says which is right"
                    .into(),
            );
        }
        return;
    }
    let kind = q.kind.as_str();
    if q.is_true.is_some() {
        problem(
            "is_true",
            format!("`is_true` is for true-false questions; a {kind} question has `right`"),
        );
    }
    if !ANSWERS.contains(&q.answers.len()) {
        problem(
            "answers",
            format!(
                "a {kind} question offers {} to {} answers; this one has {}",
                ANSWERS.start(),
                ANSWERS.end(),
                q.answers.len()
            ),
        );
    }
    let count = q.answers.len() as u32;
    let mut seen = BTreeSet::new();
    for (k, &n) in q.right.iter().enumerate() {
        if n == 0 || n > count {
            problem(
                &format!("right[{k}]"),
                format!(
                    "answer {n} is out of range: this question has answers 1 to {count} \
                     (counted from 1)"
                ),
            );
        } else if !seen.insert(n) {
            problem(&format!("right[{k}]"), format!("answer {n} is named twice"));
        }
    }
    match (q.kind, seen.len()) {
        (_, 0) if q.right.is_empty() => problem(
            "right",
            "no right answer: write `right = [n]` with the number of the right answer, \
             counted from 1"
                .into(),
        ),
        (QuestionKind::Single, n) if n > 1 => problem(
            "right",
            format!(
                "a single question has one right answer; this one names {n}: make it \
                 `kind = \"multiple\"` or keep one"
            ),
        ),
        (QuestionKind::Multiple, n) if n as u32 == count && count > 0 => problem(
            "right",
            "every answer is right: a multiple question needs at least one wrong answer".into(),
        ),
        _ => {}
    }
}
