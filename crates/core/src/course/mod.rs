//! Courses for advisors: where a reader stands in a lesson and a course (`LessonProgress`,
//! `CourseProgress`), from what the user database keeps (`crate::user`), against each
//! lesson's version (what it is made of: `crate::pack::write::lesson_version`). `xapi` writes
//! that progress as xAPI statements the person may hand to a trainer.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{CourseSummary, LessonSummary};

#[cfg(test)]
mod tests;
pub mod xapi;

/// Questions answered right at the first try, out of the lesson's questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Score {
    pub right: u32,
    pub of: u32,
}

impl Score {
    /// The share right, from 0 to 1 (1 for a lesson with no questions).
    pub fn scaled(self) -> f64 {
        match self.of {
            0 => 1.0,
            of => f64::from(self.right) / f64::from(of),
        }
    }
}

/// What a reader did with one question in the attempt under way.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answered {
    pub tries: u32,
    /// Right at the first try: what the score counts.
    pub first_right: bool,
    /// Answered right, at last: the quiz goes on.
    pub solved: bool,
}

/// Where a lesson stands for a reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LessonState {
    /// Never opened.
    New,
    /// Opened, its quiz not finished on this version.
    Started,
    /// Its quiz finished on this version: the best score and the day of the last finish.
    Done { best: Score, on: String },
    /// Finished on an earlier version of its questions, which changed since: history, and
    /// the lesson asks again.
    Changed { best: Score, on: String },
}

/// A reader's progress in one lesson, as the user database keeps it, read against the
/// lesson's current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonProgress {
    /// The step the reader was at (cards, then questions, then the lesson's end).
    pub step: usize,
    /// Quiz attempts begun, on any version.
    pub attempts: u32,
    pub state: LessonState,
    /// The attempt under way: question index → what was answered. Empty when none is.
    pub answers: BTreeMap<usize, Answered>,
}

impl LessonProgress {
    pub fn is_done(&self) -> bool {
        matches!(self.state, LessonState::Done { .. })
    }

    /// The score of the attempt under way so far: first-try rights among questions answered.
    pub fn running(&self) -> Score {
        let solved = self.answers.values().filter(|a| a.solved);
        Score {
            right: self.answers.values().filter(|a| a.first_right).count() as u32,
            of: solved.count() as u32,
        }
    }
}

/// The raw row of `lesson_progress` and the attempt under way, as `crate::user` reads them.
#[derive(Clone, Debug, Default)]
pub struct LessonRecord {
    pub step: usize,
    pub attempts: u32,
    pub best: Option<Score>,
    pub completed: Option<String>,
    /// The lesson version `best` and `completed` were earned on.
    pub version: Option<String>,
    pub opened: bool,
    /// The attempt under way, with the version it was begun on.
    pub answers: Vec<(String, usize, Answered)>,
}

impl LessonRecord {
    /// Where the lesson stands, given its current `version`: an attempt or a finish on
    /// another version is history, not progress.
    pub fn progress(self, lesson: &LessonSummary) -> LessonProgress {
        let current = self.version.as_deref() == Some(lesson.version.as_str());
        let state = match (self.best, self.completed) {
            (Some(best), Some(on)) if current => LessonState::Done { best, on },
            (Some(best), Some(on)) => LessonState::Changed { best, on },
            _ if self.opened => LessonState::Started,
            _ => LessonState::New,
        };
        let steps = (lesson.cards + lesson.questions) as usize;
        LessonProgress {
            step: self.step.min(steps),
            attempts: self.attempts,
            state,
            answers: self
                .answers
                .into_iter()
                .filter(|(version, q, _)| {
                    *version == lesson.version && *q < lesson.questions as usize
                })
                .map(|(_, q, a)| (q, a))
                .collect(),
        }
    }
}

/// A reader's progress through a whole course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseProgress {
    pub lessons: Vec<LessonProgress>,
}

impl CourseProgress {
    pub fn done(&self) -> usize {
        self.lessons.iter().filter(|l| l.is_done()).count()
    }

    /// Every lesson done on its current version.
    pub fn is_complete(&self) -> bool {
        !self.lessons.is_empty() && self.done() == self.lessons.len()
    }

    /// The sum of the best scores of the lessons done.
    pub fn score(&self) -> Score {
        let mut total = Score { right: 0, of: 0 };
        for lesson in &self.lessons {
            if let LessonState::Done { best, .. } = &lesson.state {
                total.right += best.right;
                total.of += best.of;
            }
        }
        total
    }

    /// The day the course was completed: the last lesson's finish, when all are done.
    pub fn completed_on(&self) -> Option<&str> {
        if !self.is_complete() {
            return None;
        }
        self.lessons
            .iter()
            .filter_map(|l| match &l.state {
                LessonState::Done { on, .. } => Some(on.as_str()),
                _ => None,
            })
            .max()
    }

    /// The lesson to go on with: the first not done, or the first.
    pub fn next_lesson<'a>(&self, course: &'a CourseSummary) -> Option<&'a LessonSummary> {
        let first_open = self.lessons.iter().position(|l| !l.is_done()).unwrap_or(0);
        course.lessons.get(first_open)
    }
}

/// A finished quiz attempt, for the history a person may export (`xapi`).
#[derive(Clone, Debug, PartialEq)]
pub struct Attempt {
    pub course_id: String,
    pub lesson_id: String,
    pub version: String,
    /// RFC 3339, with the city's offset.
    pub finished: String,
    pub score: Score,
}

/// The longest name a certificate shows, in characters; a longer one is cut with "…".
pub const CERTIFICATE_NAME_MAX: usize = 100;

impl Certificate {
    /// The name for a certificate from whatever was typed or pasted: characters that cannot
    /// be shown (controls, bidi overrides and isolates, byte-order marks, noncharacters) are
    /// left out, any run of spaces, tabs or line breaks is one space, and a name longer than
    /// [`CERTIFICATE_NAME_MAX`] is cut with "…". `None` when nothing is left.
    pub fn name_from(typed: &str) -> Option<String> {
        let shown = typed
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|&c| !unshowable(c));
        let mut name = String::new();
        for c in shown {
            if !(c == ' ' && (name.is_empty() || name.ends_with(' '))) {
                name.push(c);
            }
        }
        let name = name.trim_end();
        if name.is_empty() {
            return None;
        }
        if name.chars().count() > CERTIFICATE_NAME_MAX {
            let cut: String = name.chars().take(CERTIFICATE_NAME_MAX - 1).collect();
            return Some(format!("{}…", cut.trim_end()));
        }
        Some(name.to_string())
    }
}

/// A character a name on a certificate never shows.
fn unshowable(c: char) -> bool {
    let n = c as u32;
    c.is_control()
        || matches!(n, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0xFEFF | 0xFDD0..=0xFDEF)
        || n & 0xFFFE == 0xFFFE
}

/// A completion certificate, as data: what `merhaba-slip` lays out on one page (PDF, PNG).
/// The texts are in the reader's language; `name` is what the person typed on the completion
/// page at that moment, if anything, and is never stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Certificate {
    /// The reader's language code and whether it is written right to left.
    pub lang: String,
    pub rtl: bool,
    /// "Certificate of completion".
    pub heading: String,
    /// The course's title.
    pub course: String,
    pub name: Option<String>,
    /// "Completed on 30 November 2026".
    pub completed: String,
    /// "Score: 17 of 21 answered right at the first try".
    pub score: String,
    /// "Merhaba city guide, Aydın. A sample course: not yet checked by an editor."
    pub footer: String,
}
