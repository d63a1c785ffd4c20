//! Courses as screens read them: the advisors' training of `content/<city>/courses/`, with a
//! reader's progress beside it (`crate::course`).

use std::collections::BTreeSet;

use serde::Serialize;

use super::{ServiceSummary, Source, Text};
pub use crate::content::QuestionKind;

/// A course in the list of courses: its title, what it is for and how long it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CourseSummary {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub lessons: Vec<LessonSummary>,
    pub sample: bool,
}

impl CourseSummary {
    /// About how long the whole course takes, in minutes.
    pub fn minutes(&self) -> u32 {
        self.lessons.iter().map(|l| l.minutes).sum()
    }

    pub fn questions(&self) -> u32 {
        self.lessons.iter().map(|l| l.questions).sum()
    }
}

/// A course with what its page shows besides its lessons.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Course {
    pub summary: CourseSummary,
    pub sources: Vec<Source>,
    pub checked: Option<String>,
    pub drafted: Option<String>,
    /// The course's texts in the reader's language are a translation not yet checked.
    pub unreviewed: bool,
}

/// A lesson in its course's list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LessonSummary {
    pub id: String,
    pub title: Text,
    pub minutes: u32,
    pub cards: u32,
    pub questions: u32,
    /// Changes when the lesson's questions do: progress made on another version is history.
    pub version: String,
}

/// A lesson to read: its cards, then its questions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Lesson {
    pub course_id: String,
    pub summary: LessonSummary,
    pub cards: Vec<Card>,
    pub questions: Vec<Question>,
    pub unreviewed: bool,
}

impl Lesson {
    /// How many steps the reader goes through: every card, then every question.
    pub fn steps(&self) -> usize {
        self.cards.len() + self.questions.len()
    }

    /// What step `index` is: a card, a question, or past the last question the lesson's end.
    pub fn step(&self, index: usize) -> Step<'_> {
        match self.cards.get(index) {
            Some(card) => Step::Card(index, card),
            None => match self.questions.get(index - self.cards.len()) {
                Some(q) => Step::Question(index - self.cards.len(), q),
                None => Step::End,
            },
        }
    }

    /// The language the reader's texts fell back to, if any of them did.
    pub fn fallback_language(&self, reader: &str) -> Option<&str> {
        let cards = self.cards.iter().map(|c| &c.text);
        let questions = self.questions.iter().flat_map(|q| {
            [&q.prompt, &q.feedback]
                .into_iter()
                .chain(q.choices.iter().flatten())
        });
        std::iter::once(&self.summary.title)
            .chain(cards)
            .chain(questions)
            .find(|t| t.is_fallback_for(reader))
            .map(|t| t.lang.as_str())
    }
}

/// One step of a lesson.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step<'a> {
    Card(usize, &'a Card),
    Question(usize, &'a Question),
    /// The lesson's end: its score, and what next.
    End,
}

/// A card: a short text, a picture maybe, and the guide's service it is about.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Card {
    pub text: Text,
    pub picture: Option<Picture>,
    pub service: Option<ServiceSummary>,
}

/// A picture shipped in the pack (`CityPack::picture` gives its bytes).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Picture {
    pub name: String,
    pub alt: Text,
}

/// A question at the end of a lesson.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Question {
    pub kind: QuestionKind,
    pub prompt: Text,
    /// The choices in order, counted from 1 by `right`; `None` for a true-false question's
    /// True and False, which the screen words in the reader's language.
    pub choices: Vec<Option<Text>>,
    /// The numbers of the right choices (from 1).
    pub right: BTreeSet<u32>,
    pub feedback: Text,
    pub service: Option<ServiceSummary>,
}

impl Question {
    /// Whether `picked` (choice numbers, from 1) is the right answer: exactly the right ones.
    pub fn is_right(&self, picked: &BTreeSet<u32>) -> bool {
        !picked.is_empty() && *picked == self.right
    }
}
