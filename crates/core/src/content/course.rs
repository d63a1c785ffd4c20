//! `courses/<id>.toml`: the courses for advisors, officers and trainers, as editors write them.

use serde::Deserialize;

use super::{Reviews, SourceRef, Translations};

/// `courses/<id>.toml`: a course for the people who help newcomers (advisors, trainers,
/// officers): lessons of short cards, each lesson ending with questions.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    pub id: String,
    /// Where the course is listed among the city's courses (lowest first).
    pub order: u32,
    pub sample: bool,
    pub drafted: Option<String>,
    pub checked: Option<String>,
    #[serde(default)]
    pub translation: Reviews,
    /// Pages the course's facts come from.
    #[serde(default)]
    pub source: Vec<SourceRef>,
    pub title: Translations,
    /// Who the course is for and what it teaches, in a sentence or two.
    pub summary: Translations,
    #[serde(default)]
    pub lesson: Vec<LessonSource>,
}

/// One lesson: cards to read, then questions.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonSource {
    /// Unique in its course; progress is kept under it, so it never changes once shipped.
    pub id: String,
    /// About how long the lesson takes, in minutes.
    pub minutes: u32,
    pub title: Translations,
    #[serde(default)]
    pub card: Vec<CardSource>,
    #[serde(default)]
    pub question: Vec<QuestionSource>,
}

/// A card: a short text, with an optional picture and a link to the guide.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardSource {
    pub text: Translations,
    /// A picture in `courses/images/` (SVG or PNG), shipped in the pack.
    pub image: Option<String>,
    /// What the picture shows, for those who cannot see it; required with `image`.
    pub alt: Option<Translations>,
    /// The id of a service of the city this card is about ("Read in the guide").
    pub service: Option<String>,
}

/// How a question is answered.
#[derive(Clone, Copy, Debug, Deserialize, serde::Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionKind {
    /// One of `answers` is right.
    Single,
    /// Some of `answers` are right: all of them and only them must be picked.
    Multiple,
    /// The prompt is a statement; `is_true` says whether it is.
    TrueFalse,
}

impl QuestionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true-false",
        }
    }

    pub fn parse(value: &str) -> Option<QuestionKind> {
        [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::TrueFalse,
        ]
        .into_iter()
        .find(|k| k.as_str() == value)
    }
}

/// A question at the end of a lesson, with the feedback that explains its right answer.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionSource {
    pub kind: QuestionKind,
    pub prompt: Translations,
    /// The choices of a `single` or `multiple` question, in the order shown.
    #[serde(default)]
    pub answers: Vec<Translations>,
    /// The right choices of a `single` or `multiple` question, counted from 1.
    #[serde(default)]
    pub right: Vec<u32>,
    /// A `true-false` question: whether the statement is true.
    pub is_true: Option<bool>,
    /// Why the right answer is right; shown after every answer.
    pub feedback: Translations,
    /// The id of a service of the city the feedback refers to.
    pub service: Option<String>,
}

/// The media type of a course picture by its file name: SVG or PNG, nothing else.
pub fn course_image_type(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".svg") {
        Some("image/svg+xml")
    } else if lower.ends_with(".png") {
        Some("image/png")
    } else {
        None
    }
}
