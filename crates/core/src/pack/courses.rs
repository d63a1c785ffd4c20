//! Courses for advisors: the list of them, one course with its lessons, one lesson with its
//! cards and questions, and the pictures cards show.

use std::collections::BTreeSet;

use rusqlite::OptionalExtension;

use super::schema::owner;
use super::{CityPack, StoreError};
use crate::content::{course_image_type, Review};
use crate::l10n::LanguageChain;
use crate::link::is_safe_link;
use crate::model::*;

/// The most choices a question read from a pack may have: a crafted pack cannot make the
/// app build a million of them.
const CHOICES_MAX: u32 = 16;

impl CityPack {
    /// The city's courses, in the editors' order, each with its lessons.
    pub fn courses(&self, chain: &LanguageChain) -> Result<Vec<CourseSummary>, StoreError> {
        let mut courses = Vec::new();
        for id in self.strings("SELECT id FROM course ORDER BY position", [])? {
            courses.extend(self.course_summary(&id, chain)?);
        }
        Ok(courses)
    }

    fn course_summary(
        &self,
        id: &str,
        chain: &LanguageChain,
    ) -> Result<Option<CourseSummary>, StoreError> {
        let Some(sample) = self.value::<bool>("SELECT sample FROM course WHERE id = ?1", id)?
        else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT l.id, l.minutes, l.version,
                        (SELECT COUNT(*) FROM card c WHERE c.course_id = l.course_id AND c.lesson_id = l.id),
                        (SELECT COUNT(*) FROM question q WHERE q.course_id = l.course_id AND q.lesson_id = l.id)
                 FROM lesson l WHERE l.course_id = ?1 ORDER BY l.position",
            )
            .map_err(|e| self.err(e))?;
        type Row = (String, u32, String, u32, u32);
        let rows: Vec<Row> = stmt
            .query_map([id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let lessons = rows
            .into_iter()
            .map(|(lesson, minutes, version, cards, questions)| {
                Ok(LessonSummary {
                    title: self.texts(&owner::lesson(id, &lesson))?.get("title", chain),
                    id: lesson,
                    minutes,
                    cards,
                    questions,
                    version,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let texts = self.texts(&owner::course(id))?;
        Ok(Some(CourseSummary {
            id: id.to_string(),
            title: texts.get("title", chain),
            summary: texts.get("summary", chain),
            lessons,
            sample,
        }))
    }

    /// One course with its lessons and sources; `None` when the pack has no course `id`.
    pub fn course(&self, id: &str, chain: &LanguageChain) -> Result<Option<Course>, StoreError> {
        let Some(summary) = self.course_summary(id, chain)? else {
            return Ok(None);
        };
        let (checked, drafted): (Option<String>, Option<String>) = self
            .conn
            .query_row(
                "SELECT checked, drafted FROM course WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(|e| self.err(e))?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT url, title, read FROM course_source WHERE course_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let sources: Vec<Source> = stmt
            .query_map([id], |r| {
                Ok(Source {
                    url: r.get(0)?,
                    title: r.get(1)?,
                    read: r.get(2)?,
                    sections: Vec::new(),
                })
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        Ok(Some(Course {
            summary,
            sources: sources
                .into_iter()
                .filter(|s| is_safe_link(&s.url))
                .collect(),
            checked,
            drafted,
            unreviewed: self.review(&owner::course(id), chain.reader())?
                == Some(Review::Unreviewed),
        }))
    }

    /// One lesson of a course with its cards and questions; `None` when there is no such lesson.
    pub fn lesson(
        &self,
        course_id: &str,
        lesson_id: &str,
        chain: &LanguageChain,
    ) -> Result<Option<Lesson>, StoreError> {
        let Some(course) = self.course_summary(course_id, chain)? else {
            return Ok(None);
        };
        let Some(summary) = course.lessons.into_iter().find(|l| l.id == lesson_id) else {
            return Ok(None);
        };
        let ids = [course_id, lesson_id];
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, image, service_id FROM card
                 WHERE course_id = ?1 AND lesson_id = ?2 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        type CardRow = (usize, Option<String>, Option<String>);
        let rows: Vec<CardRow> = stmt
            .query_map(ids, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let cards = rows
            .into_iter()
            .map(|(position, image, service)| {
                let texts = self.texts(&owner::card(course_id, lesson_id, position))?;
                Ok(Card {
                    text: texts.get("text", chain),
                    picture: image.map(|name| Picture {
                        name,
                        alt: texts.get("alt", chain),
                    }),
                    service: self.linked_service(service, chain)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, kind, choices, right, service_id FROM question
                 WHERE course_id = ?1 AND lesson_id = ?2 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        type QuestionRow = (usize, String, u32, String, Option<String>);
        let rows: Vec<QuestionRow> = stmt
            .query_map(ids, |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        let questions = rows
            .into_iter()
            .map(|(position, kind, choices, right, service)| {
                let texts = self.texts(&owner::question(course_id, lesson_id, position))?;
                let kind = QuestionKind::parse(&kind).unwrap_or(QuestionKind::Single);
                let choices = choices.min(CHOICES_MAX);
                Ok(Question {
                    kind,
                    prompt: texts.get("prompt", chain),
                    choices: (1..=choices as usize)
                        .map(|n| {
                            (kind != QuestionKind::TrueFalse)
                                .then(|| texts.get(&owner::choice(n), chain))
                        })
                        .collect(),
                    right: right
                        .split(',')
                        .filter_map(|n| n.parse().ok())
                        .filter(|n| (1..=choices).contains(n))
                        .collect::<BTreeSet<u32>>(),
                    feedback: texts.get("feedback", chain),
                    service: self.linked_service(service, chain)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(Lesson {
            course_id: course_id.to_string(),
            summary,
            cards,
            questions,
            unreviewed: self.review(&owner::course(course_id), chain.reader())?
                == Some(Review::Unreviewed),
        }))
    }

    fn linked_service(
        &self,
        id: Option<String>,
        chain: &LanguageChain,
    ) -> Result<Option<ServiceSummary>, StoreError> {
        id.map(|id| self.service_summary(&id, chain)).transpose()
    }

    /// A picture's media type and bytes; `None` when the pack has no such picture or holds one
    /// of a type courses may not show.
    pub fn picture(&self, name: &str) -> Result<Option<(&'static str, Vec<u8>)>, StoreError> {
        let row: Option<(String, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT media_type, bytes FROM image WHERE name = ?1",
                [name],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        // Checked again here, as the validator did (`crate::picture`): a pack may hold
        // anything. An SVG is parsed, a PNG decoded whole.
        Ok(row.and_then(|(stored, bytes)| {
            let media_type = course_image_type(name).filter(|t| *t == stored)?;
            crate::picture::refusal(media_type, &bytes)
                .is_none()
                .then_some((media_type, bytes))
        }))
    }
}
