//! Courses (issue 17) rendered with dioxus-ssr from the `mini` fixture's course, with progress
//! written to the real user database first: the list with progress, a lesson's card with its
//! picture and guide link, a question answered with its feedback, the lesson's end, the course
//! page with a lesson whose questions changed, the completion page; in English and Arabic.
//! Answering in the real window, and progress surviving a restart: tests/e2e (walk_courses).

mod common;

use std::path::Path;

use common::{mini_boot, render};
use merhaba::Boot;
use merhaba_core::course::Score;
use merhaba_core::{CityPack, LanguageChain, UserStore};

/// The page without its style sheet (whose class names would match any check).
fn body(html: String) -> String {
    match html.split_once("</style>") {
        Some((_, body)) => body.to_string(),
        None => html,
    }
}

/// A boot for `lang` over the mini pack, after `progress` wrote to the user database.
fn boot_after(dir: &Path, lang: &str, progress: impl FnOnce(&CityPack, &UserStore)) -> Boot {
    let boot = mini_boot(dir, &[lang]);
    let pack = CityPack::open(&dir.join("mini.sqlite")).unwrap();
    let user = UserStore::open(&dir.join("user.sqlite")).unwrap();
    progress(&pack, &user);
    boot
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+03:00").unwrap()
}

/// Answers every question of the first lesson: the first wrongly, then rightly.
fn finish_first_lesson(pack: &CityPack, user: &UserStore) {
    let chain = LanguageChain::new("en", pack.languages());
    let course = pack.courses(&chain).unwrap().remove(0);
    let first = &course.lessons[0];
    user.answer("desk", first, 0, false, now()).unwrap();
    user.answer("desk", first, 0, true, now()).unwrap();
    user.answer("desk", first, 1, true, now()).unwrap();
}

fn page(lang: &str, path: &str, progress: impl FnOnce(&CityPack, &UserStore)) -> String {
    let dir = tempfile::tempdir().unwrap();
    body(render(boot_after(dir.path(), lang, progress).at(path)))
}

fn has_all(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(html.contains(part), "missing {part:?}\n{html}");
    }
}

#[test]
fn home_leads_to_the_courses() {
    let html = page("en", "/", |_, _| {});
    has_all(&html, &[r#"href="/courses""#, "Courses"]);
}

#[test]
fn the_course_list_shows_length_and_progress() {
    let html = page("en", "/courses", finish_first_lesson);
    has_all(
        &html,
        &[
            "At the desk",
            r#"href="/course/desk""#,
            "2 lessons, 3 questions · about 12 min",
            "1 of 2 lessons done",
            "Sample",
        ],
    );
    let fresh = page("ar", "/courses", |_, _| {});
    has_all(&fresh, &[r#"dir="rtl""#, "على المكتب", "٠ من ٢", "الدورات"]);
}

#[test]
fn the_course_page_lists_lessons_with_their_state_and_the_way_on() {
    let html = page("en", "/course/desk", finish_first_lesson);
    has_all(
        &html,
        &[
            "The first visit",
            "Done: 1 of 2 right at the first try, 30 November 2026",
            "Not started",
            "Continue",
            r#"href="/course/desk/lesson/second""#,
            "https://example.org/law/article-91",
            "Progress file for a trainer",
            "Your progress stays on this device",
        ],
    );
    let fresh = page("en", "/course/desk", |_, _| {});
    has_all(
        &fresh,
        &["Start the course", r#"href="/course/desk/lesson/first""#],
    );
    assert!(!fresh.contains("Progress file"), "nothing to export yet");
}

#[test]
fn a_card_shows_its_text_picture_and_guide_link() {
    let at_card =
        |step| move |_: &CityPack, user: &UserStore| user.set_step("desk", "first", step).unwrap();
    let html = page("en", "/course/desk/lesson/first", at_card(1));
    has_all(
        &html,
        &[
            "Card 2 of 2",
            "Sit so that the interpreter is beside you.",
            r#"src="data:image/svg+xml;base64,"#,
            r#"alt="Two chairs facing each other, a third beside them.""#,
            "To the questions",
            "Back",
        ],
    );
    let first = page("ar", "/course/desk/lesson/first", at_card(0));
    has_all(
        &first,
        &[
            r#"dir="rtl""#,
            "رحّب بالمراجع",
            "البطاقة ١ من ٢",
            r#"href="/service/clinic""#,
        ],
    );
    assert!(!first.contains("Back"), "no way back from the first card");
}

#[test]
fn an_answered_question_shows_its_feedback_and_the_score_so_far() {
    let answered = |user: &UserStore, pack: &CityPack| {
        let chain = LanguageChain::new("en", pack.languages());
        let course = pack.courses(&chain).unwrap().remove(0);
        user.set_step("desk", "first", 2).unwrap();
        user.answer("desk", &course.lessons[0], 0, false, now())
            .unwrap();
        user.answer("desk", &course.lessons[0], 0, true, now())
            .unwrap();
    };
    let html = page("en", "/course/desk/lesson/first", |p, u| answered(u, p));
    has_all(
        &html,
        &[
            "Question 1 of 2",
            "So far: 0 of 1 right at the first try",
            "Where does a sick newcomer go first?",
            "The health centre",
            "Right!",
            "The health centre sees anyone registered.",
            "In the guide:",
            r#"href="/service/clinic""#,
            "Next",
        ],
    );
    let ar = page("ar", "/course/desk/lesson/first", |p, u| answered(u, p));
    has_all(
        &ar,
        &[
            "يستقبل المركز الصحي كل شخص مسجل.",
            "السؤال ١ من ٢",
            "المركز الصحي",
        ],
    );

    // Not yet answered: the choices and Check, no feedback; a true-false question's choices
    // are True and False in the reader's language.
    let fresh = page("en", "/course/desk/lesson/first", |_, u| {
        u.set_step("desk", "first", 3).unwrap()
    });
    has_all(
        &fresh,
        &[
            "Question 2 of 2",
            r#"type="radio""#,
            "True",
            "False",
            "Check",
        ],
    );
    assert!(!fresh.contains("Never: ask for a trained interpreter."));
}

#[test]
fn the_lesson_end_gives_the_score_and_a_retake() {
    let html = page("en", "/course/desk/lesson/first", |p, u| {
        finish_first_lesson(p, u);
        u.set_step("desk", "first", 4).unwrap();
    });
    has_all(
        &html,
        &[
            "Lesson finished",
            "Done: 1 of 2 right at the first try",
            "Next lesson",
            r#"href="/course/desk/lesson/second""#,
            "Answer the questions again",
        ],
    );
}

#[test]
fn a_lesson_falls_back_and_says_so() {
    let html = page("ar", "/course/desk/lesson/second", |_, _| {});
    has_all(&html, &["One instruction at a time.", "English"]);
}

#[test]
fn a_finished_course_has_a_completion_page_with_the_score() {
    let html = page("en", "/course/desk/done", |p, u| {
        finish_first_lesson(p, u);
        let chain = LanguageChain::new("en", p.languages());
        let course = p.courses(&chain).unwrap().remove(0);
        u.answer("desk", &course.lessons[1], 0, true, now())
            .unwrap();
        let progress = u.course_progress(&course).unwrap();
        assert_eq!(progress.score(), Score { right: 2, of: 3 });
    });
    has_all(
        &html,
        &[
            "Certificate of completion",
            "At the desk",
            "Completed on 30 November 2026",
            "Score: 2 of 3 questions right at the first try",
            "Save as PDF",
            "it is not kept",
        ],
    );
    let unfinished = page("en", "/course/desk/done", finish_first_lesson);
    has_all(&unfinished, &["not finished yet"]);
    assert!(!unfinished.contains("Certificate of completion"));
}
