//! Courses end to end in core: written by the real pack writer, read back, and progress kept
//! in a real user database file across pack updates.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};

use super::{xapi, LessonState, Score};
use crate::content::CourseFile;
use crate::model::{QuestionKind, Step};
use crate::pack::testing::pack_with_courses;
use crate::{CityPack, LanguageChain, UserStore};

const COURSE: &str = r#"
id = "desk"
order = 1
sample = true
drafted = "2026-11-30"
translation = { en = "original" }
source = [{ url = "https://example.org/law/article-1", title = "The law", read = "2026-11-30" }]
title = { en = "At the desk" }
summary = { en = "For officers." }

[[lesson]]
id = "statuses"
minutes = 5
title = { en = "Statuses" }
[[lesson.card]]
text = { en = "Card one." }
service = "service-1"
[[lesson.card]]
text = { en = "Card two." }
image = "seats.svg"
alt = { en = "Three chairs." }
[[lesson.question]]
kind = "single"
prompt = { en = "Which office?" }
answers = [{ en = "The first" }, { en = "The second" }, { en = "The third" }]
right = [2]
feedback = { en = "The second one." }
service = "service-0"
[[lesson.question]]
kind = "true-false"
prompt = { en = "Children interpret." }
is_true = false
feedback = { en = "Never a child." }
[[lesson.question]]
kind = "multiple"
prompt = { en = "Which two?" }
answers = [{ en = "A" }, { en = "B" }, { en = "C" }]
right = [3, 1]
feedback = { en = "A and C." }

[[lesson]]
id = "plain"
minutes = 7
title = { en = "Plain language" }
[[lesson.card]]
text = { en = "Short sentences." }
[[lesson.question]]
kind = "true-false"
prompt = { en = "Short is better." }
is_true = true
feedback = { en = "Yes." }
"#;

const SVG: &[u8] = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><circle cx="2" cy="2" r="1"/></svg>"#;

fn course_file(edit: impl FnOnce(&mut CourseFile)) -> CourseFile {
    let mut course: CourseFile = toml::from_str(COURSE).unwrap();
    edit(&mut course);
    course
}

fn build(dir: &std::path::Path, course: &CourseFile) -> CityPack {
    let path = dir.join("tiny.sqlite");
    let images = BTreeMap::from([("seats.svg".to_string(), SVG.to_vec())]);
    pack_with_courses(2, std::slice::from_ref(course), &images, &path);
    CityPack::open(&path).unwrap()
}

fn at(time: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(time).unwrap()
}

fn chain(pack: &CityPack) -> LanguageChain {
    LanguageChain::new("en", pack.languages())
}

#[test]
fn a_course_reads_back_as_it_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let pack = build(dir.path(), &course_file(|_| {}));
    let chain = chain(&pack);
    let courses = pack.courses(&chain).unwrap();
    assert_eq!(courses.len(), 1);
    assert_eq!(courses[0].minutes(), 12);
    assert_eq!(courses[0].questions(), 4);
    let course = pack.course("desk", &chain).unwrap().unwrap();
    assert_eq!(course.sources[0].url, "https://example.org/law/article-1");
    assert!(course.summary.sample);
    let lesson = pack.lesson("desk", "statuses", &chain).unwrap().unwrap();
    assert_eq!(lesson.steps(), 5);
    assert_eq!(lesson.cards[0].service.as_ref().unwrap().id, "service-1");
    let picture = lesson.cards[1].picture.as_ref().unwrap();
    assert_eq!(picture.alt.value, "Three chairs.");
    assert_eq!(
        pack.picture(&picture.name).unwrap(),
        Some(("image/svg+xml", SVG.to_vec()))
    );
    let Step::Question(2, multiple) = lesson.step(4) else {
        panic!("step 4 is the third question");
    };
    assert_eq!(multiple.right, BTreeSet::from([1, 3]));
    assert!(multiple.is_right(&BTreeSet::from([3, 1])));
    assert!(!multiple.is_right(&BTreeSet::from([1])));
    assert!(!multiple.is_right(&BTreeSet::new()));
    let true_false = &lesson.questions[1];
    assert_eq!(true_false.kind, QuestionKind::TrueFalse);
    assert_eq!(true_false.choices, vec![None, None]);
    assert!(true_false.is_right(&BTreeSet::from([2])), "false is right");
    assert_eq!(lesson.step(5), Step::End);
    assert!(pack.lesson("desk", "nope", &chain).unwrap().is_none());
    assert!(pack.course("nope", &chain).unwrap().is_none());
}

#[test]
fn a_wrong_answer_then_the_right_one_scores_nothing_and_retaking_keeps_the_best() {
    let dir = tempfile::tempdir().unwrap();
    let pack = build(dir.path(), &course_file(|_| {}));
    let lesson = pack
        .lesson("desk", "statuses", &chain(&pack))
        .unwrap()
        .unwrap();
    let user = UserStore::open(&dir.path().join("user.sqlite")).unwrap();
    let summary = &lesson.summary;
    let now = at("2026-11-30T10:00:00+03:00");
    assert_eq!(
        user.lesson_progress("desk", summary).unwrap().state,
        LessonState::New
    );
    user.set_step("desk", "statuses", 2).unwrap();
    let p = user.answer("desk", summary, 0, false, now).unwrap();
    assert_eq!((p.attempts, p.running()), (1, Score { right: 0, of: 0 }));
    let p = user.answer("desk", summary, 0, true, now).unwrap();
    assert_eq!(p.running(), Score { right: 0, of: 1 });
    // A solved question stays solved: answering it again changes nothing.
    assert_eq!(user.answer("desk", summary, 0, false, now).unwrap(), p);
    user.answer("desk", summary, 1, true, now).unwrap();
    let p = user.answer("desk", summary, 2, true, now).unwrap();
    let done = LessonState::Done {
        best: Score { right: 2, of: 3 },
        on: "2026-11-30".into(),
    };
    assert_eq!(p.state, done);
    assert!(p.answers.is_empty(), "the attempt is over");

    // A worse retake keeps the best; a better one replaces it; every attempt is history.
    user.retake("desk", summary).unwrap();
    assert_eq!(user.lesson_progress("desk", summary).unwrap().step, 2);
    let later = at("2026-12-02T09:00:00+03:00");
    for q in 0..3 {
        user.answer("desk", summary, q, false, later).unwrap();
        user.answer("desk", summary, q, true, later).unwrap();
    }
    let p = user.lesson_progress("desk", summary).unwrap();
    let kept = LessonState::Done {
        best: Score { right: 2, of: 3 },
        on: "2026-12-02".into(),
    };
    assert_eq!((p.attempts, p.state), (2, kept));
    for q in 0..3 {
        user.answer("desk", summary, q, true, later).unwrap();
    }
    let p = user.lesson_progress("desk", summary).unwrap();
    assert!(matches!(
        p.state,
        LessonState::Done {
            best: Score { right: 3, of: 3 },
            ..
        }
    ));
    let scores: Vec<u32> = user
        .attempts()
        .unwrap()
        .iter()
        .map(|a| a.score.right)
        .collect();
    assert_eq!(scores, [2, 0, 3]);
}

#[test]
fn progress_survives_a_pack_update_that_leaves_the_questions_alone() {
    let dir = tempfile::tempdir().unwrap();
    let user_path = dir.path().join("user.sqlite");
    let pack = build(dir.path(), &course_file(|_| {}));
    let chain = chain(&pack);
    let course = &pack.courses(&chain).unwrap()[0];
    let user = UserStore::open(&user_path).unwrap();
    let now = at("2026-11-30T10:00:00+03:00");
    user.answer("desk", &course.lessons[1], 0, true, now)
        .unwrap();
    user.set_step("desk", "statuses", 3).unwrap();
    user.answer("desk", &course.lessons[0], 0, false, now)
        .unwrap();
    let before = user.course_progress(course).unwrap();
    assert_eq!(before.done(), 1);
    drop((user, pack));

    // The update rewords a card, retranslates nothing, adds a lesson before the others and
    // moves the two: progress is kept by id, and the same questions mean the same version.
    let updated = course_with_new_first_lesson();
    let pack = build(dir.path(), &updated);
    let course = pack.courses(&chain).unwrap().remove(0);
    assert_eq!(course.lessons.len(), 3);
    let user = UserStore::open(&user_path).unwrap();
    let after = user.course_progress(&course).unwrap();
    assert_eq!(after.lessons[0].state, LessonState::New);
    assert_eq!(after.lessons[1], before.lessons[1], "plain, now second");
    assert_eq!(after.lessons[2], before.lessons[0], "statuses, now third");
    assert_eq!(after.lessons[2].step, 3);
    assert_eq!(after.lessons[2].answers[&0].tries, 1);
    assert!(!after.is_complete());
}

fn course_with_new_first_lesson() -> CourseFile {
    course_file(|c| {
        c.lesson[0].card[0]
            .text
            .insert("en".into(), "Card one, reworded.".into());
        c.lesson.reverse();
        let mut first = c.lesson[1].clone();
        first.id = "welcome".into();
        c.lesson.insert(0, first);
    })
}

#[test]
fn a_lesson_whose_questions_changed_keeps_its_history_and_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    let user_path = dir.path().join("user.sqlite");
    let pack = build(dir.path(), &course_file(|_| {}));
    let chain = chain(&pack);
    let course = pack.courses(&chain).unwrap().remove(0);
    let user = UserStore::open(&user_path).unwrap();
    let now = at("2026-11-30T10:00:00+03:00");
    for lesson in &course.lessons {
        for q in 0..lesson.questions as usize {
            user.answer("desk", lesson, q, true, now).unwrap();
        }
    }
    let progress = user.course_progress(&course).unwrap();
    assert!(progress.is_complete());
    assert_eq!(progress.completed_on(), Some("2026-11-30"));
    user.set_step("desk", "plain", 0).unwrap();
    user.answer("desk", &course.lessons[1], 0, false, now)
        .unwrap();
    drop((user, pack));

    // A translation alone does not change the version; a changed right answer does.
    let translated = course_file(|c| {
        let prompt = &mut c.lesson[1].question[0].prompt;
        prompt.insert("tr".into(), "Kısa daha iyidir.".into());
    });
    let same = build(dir.path(), &translated)
        .courses(&chain)
        .unwrap()
        .remove(0);
    assert_eq!(same.lessons[1].version, course.lessons[1].version);
    let changed = course_file(|c| c.lesson[1].question[0].is_true = Some(false));
    let pack = build(dir.path(), &changed);
    let new = pack.courses(&chain).unwrap().remove(0);
    assert_eq!(new.lessons[0].version, course.lessons[0].version);
    assert_ne!(new.lessons[1].version, course.lessons[1].version);

    let user = UserStore::open(&user_path).unwrap();
    let progress = user.course_progress(&new).unwrap();
    assert!(progress.lessons[0].is_done());
    let history = LessonState::Changed {
        best: Score { right: 1, of: 1 },
        on: "2026-11-30".into(),
    };
    let plain = &progress.lessons[1];
    assert_eq!(plain.state, history);
    assert!(
        plain.answers.is_empty(),
        "the wrong answer was to the old question"
    );
    assert_eq!(plain.attempts, 2, "attempts are history too");
    assert!(!progress.is_complete());
    assert_eq!(progress.completed_on(), None);

    let p = user.answer(
        "desk",
        &new.lessons[1],
        0,
        true,
        at("2026-12-01T09:00:00+03:00"),
    );
    assert!(p.unwrap().is_done());
    let progress = user.course_progress(&new).unwrap();
    assert_eq!(progress.completed_on(), Some("2026-12-01"));
    assert_eq!(user.attempts().unwrap().len(), 3, "old attempts are kept");
}

#[test]
fn progress_exports_as_xapi_statements() {
    let dir = tempfile::tempdir().unwrap();
    let pack = build(dir.path(), &course_file(|_| {}));
    let chain = chain(&pack);
    let course = pack.courses(&chain).unwrap().remove(0);
    let user = UserStore::open(&dir.path().join("user.sqlite")).unwrap();
    for (i, lesson) in course.lessons.iter().enumerate() {
        let time = at(&format!("2026-11-30T1{i}:00:00+03:00"));
        for q in 0..lesson.questions as usize {
            if q == 1 {
                user.answer("desk", lesson, q, false, time).unwrap();
            }
            user.answer("desk", lesson, q, true, time).unwrap();
        }
    }
    let progress = user.course_progress(&course).unwrap();
    let attempts = user.attempts().unwrap();
    let all = xapi::statements(
        "tiny",
        &[(course, progress)],
        &attempts,
        "trainer@example.org",
    );
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 3, "two lessons and the course");
    let first = &all[0];
    assert_eq!(first["actor"]["mbox"], "mailto:trainer@example.org");
    assert_eq!(
        first["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/completed"
    );
    assert_eq!(
        first["object"]["id"],
        "urn:merhaba:tiny:course:desk:lesson:statuses"
    );
    assert_eq!(first["object"]["definition"]["name"]["en"], "Statuses");
    assert_eq!(first["result"]["score"]["raw"], 2);
    assert_eq!(first["result"]["score"]["max"], 3);
    assert_eq!(first["timestamp"], "2026-11-30T10:00:00+03:00");
    let parent = &first["context"]["contextActivities"]["parent"][0]["id"];
    assert_eq!(parent, "urn:merhaba:tiny:course:desk");
    let last = &all[2];
    assert_eq!(last["object"]["id"], "urn:merhaba:tiny:course:desk");
    assert_eq!(last["result"]["score"]["raw"], 3);
    assert_eq!(last["result"]["score"]["max"], 4);
    assert_eq!(last["timestamp"], "2026-11-30T11:00:00+03:00");
    let anonymous = xapi::actor("  ");
    assert_eq!(anonymous["account"]["name"], "anonymous");
    assert_eq!(xapi::actor("Ayşe K.")["account"]["name"], "Ayşe K.");
}

#[test]
fn a_typed_name_keeps_what_can_be_shown() {
    use super::{Certificate, CERTIFICATE_NAME_MAX};
    let name = |typed: &str| Certificate::name_from(typed);
    assert_eq!(
        name("  Amina \t\n Haddad  ").as_deref(),
        Some("Amina Haddad")
    );
    assert_eq!(name("Amina\u{0}\u{1b}[31m").as_deref(), Some("Amina[31m"));
    assert_eq!(name("\u{202e}أمينة\u{2066}").as_deref(), Some("أمينة"));
    // Persian and Kurdish need the zero-width joiners: they stay.
    assert_eq!(name("می\u{200c}خواهم").as_deref(), Some("می\u{200c}خواهم"));
    assert_eq!(name("\u{0}\u{feff}\u{ffff} \n"), None);
    let long = name(&"a".repeat(10_000)).unwrap();
    assert_eq!(long.chars().count(), CERTIFICATE_NAME_MAX);
    assert!(long.ends_with('…'));
}

/// Defence in depth: an SVG or a PNG the validator would refuse, put into a pack by hand
/// (the pack writer takes what it is given), is not shown; the plain one beside it still is.
#[test]
fn the_reader_shows_no_picture_the_validator_would_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.sqlite");
    let bad = br#"<svg xmlns="http://www.w3.org/2000/svg"><SCRIPT>alert(1)</SCRIPT></svg>"#;
    // A PNG that is only its signature and a header cut short.
    let cut = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec();
    let images = BTreeMap::from([
        ("seats.svg".to_string(), SVG.to_vec()),
        ("bad.svg".to_string(), bad.to_vec()),
        ("cut.png".to_string(), cut),
    ]);
    pack_with_courses(2, &[course_file(|_| {})], &images, &path);
    let pack = CityPack::open(&path).unwrap();
    assert_eq!(pack.picture("bad.svg").unwrap(), None);
    assert_eq!(pack.picture("cut.png").unwrap(), None);
    assert!(pack.picture("seats.svg").unwrap().is_some());
}
