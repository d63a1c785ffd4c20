//! Progress through courses in the user database: where a reader is in each lesson, the
//! quiz attempt under way and every finished attempt. Kept by course and lesson id, never by
//! position, so a content update that adds or reorders lessons loses nothing; a lesson whose
//! questions changed keeps its history and asks again (`crate::course::LessonRecord`).

use chrono::{DateTime, FixedOffset};
use rusqlite::{params, OptionalExtension};

use super::UserStore;
use crate::course::{Answered, Attempt, CourseProgress, LessonProgress, LessonRecord, Score};
use crate::model::{CourseSummary, LessonSummary};

impl UserStore {
    /// What the database holds for one lesson, read against its current version.
    pub fn lesson_progress(
        &self,
        course_id: &str,
        lesson: &LessonSummary,
    ) -> rusqlite::Result<LessonProgress> {
        Ok(self.lesson_record(course_id, &lesson.id)?.progress(lesson))
    }

    /// Progress through every lesson of `course`.
    pub fn course_progress(&self, course: &CourseSummary) -> rusqlite::Result<CourseProgress> {
        let lessons = course
            .lessons
            .iter()
            .map(|l| self.lesson_progress(&course.id, l))
            .collect::<rusqlite::Result<_>>()?;
        Ok(CourseProgress { lessons })
    }

    fn lesson_record(&self, course_id: &str, lesson_id: &str) -> rusqlite::Result<LessonRecord> {
        let conn = self.conn.borrow();
        type Row = (
            usize,
            u32,
            Option<u32>,
            Option<u32>,
            Option<String>,
            Option<String>,
        );
        let row: Option<Row> = conn
            .query_row(
                "SELECT step, attempts, best_score, out_of, completed, version
                 FROM lesson_progress WHERE course_id = ?1 AND lesson_id = ?2",
                [course_id, lesson_id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((step, attempts, best, of, completed, version)) = row else {
            return Ok(LessonRecord::default());
        };
        let mut stmt = conn.prepare_cached(
            "SELECT version, question, tries, first_right, solved FROM quiz_answer
             WHERE course_id = ?1 AND lesson_id = ?2 ORDER BY question",
        )?;
        let answers = stmt
            .query_map([course_id, lesson_id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    Answered {
                        tries: r.get(2)?,
                        first_right: r.get(3)?,
                        solved: r.get(4)?,
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(LessonRecord {
            step,
            attempts,
            best: best.zip(of).map(|(right, of)| Score { right, of }),
            completed,
            version,
            opened: true,
            answers,
        })
    }

    /// Remembers that the reader is at `step` of a lesson (and that they opened it).
    pub fn set_step(&self, course_id: &str, lesson_id: &str, step: usize) -> rusqlite::Result<()> {
        self.caught_up()?;
        self.conn.borrow().execute(
            "INSERT INTO lesson_progress(course_id, lesson_id, step) VALUES (?1, ?2, ?3)
                 ON CONFLICT(course_id, lesson_id) DO UPDATE SET step = excluded.step",
            params![course_id, lesson_id, step],
        )?;
        self.saved()
    }

    /// Records an answer to question `question` of a lesson, right or not, at `now`. The
    /// first answer of an attempt begins it (an attempt begun on another version of the
    /// lesson is dropped); a question already answered right is left as it is; the answer
    /// that solves the last question finishes the attempt: its score is kept in the
    /// history, the best score and the day are updated, and the next answer begins a new
    /// attempt. Returns the lesson's progress after it.
    pub fn answer(
        &self,
        course_id: &str,
        lesson: &LessonSummary,
        question: usize,
        right: bool,
        now: DateTime<FixedOffset>,
    ) -> rusqlite::Result<LessonProgress> {
        self.caught_up()?;
        let before = self.lesson_progress(course_id, lesson)?;
        if question >= lesson.questions as usize
            || before.answers.get(&question).is_some_and(|a| a.solved)
        {
            return Ok(before);
        }
        let ids = params![course_id, lesson.id];
        let mut conn = self.conn.borrow_mut();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO lesson_progress(course_id, lesson_id) VALUES (?1, ?2)",
            ids,
        )?;
        if before.answers.is_empty() {
            tx.execute(
                "DELETE FROM quiz_answer WHERE course_id = ?1 AND lesson_id = ?2",
                ids,
            )?;
            tx.execute(
                "UPDATE lesson_progress SET attempts = attempts + 1
                 WHERE course_id = ?1 AND lesson_id = ?2",
                ids,
            )?;
        }
        let mut answered = before.answers.get(&question).copied().unwrap_or_default();
        answered.tries += 1;
        answered.first_right = answered.tries == 1 && right;
        answered.solved = right;
        tx.execute(
            "INSERT OR REPLACE INTO quiz_answer(course_id, lesson_id, version, question, tries,
                                                first_right, solved)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                course_id,
                lesson.id,
                lesson.version,
                question,
                answered.tries,
                answered.first_right,
                answered.solved
            ],
        )?;
        let mut answers = before.answers;
        answers.insert(question, answered);
        if answers.values().filter(|a| a.solved).count() == lesson.questions as usize {
            let score = Score {
                right: answers.values().filter(|a| a.first_right).count() as u32,
                of: lesson.questions,
            };
            finish(&tx, course_id, lesson, score, now)?;
        }
        tx.commit()?;
        drop(conn);
        self.saved()?;
        self.lesson_progress(course_id, lesson)
    }

    /// Takes a lesson's quiz again: the attempt under way is dropped and the reader goes back
    /// to the first question. The best score, the day and the history stay.
    pub fn retake(&self, course_id: &str, lesson: &LessonSummary) -> rusqlite::Result<()> {
        self.caught_up()?;
        let conn = self.conn.borrow();
        conn.execute(
            "DELETE FROM quiz_answer WHERE course_id = ?1 AND lesson_id = ?2",
            [course_id, &lesson.id],
        )?;
        drop(conn);
        self.set_step(course_id, &lesson.id, lesson.cards as usize)
    }

    /// Every finished attempt, oldest first.
    pub fn attempts(&self) -> rusqlite::Result<Vec<Attempt>> {
        let conn = self.conn.borrow();
        let mut stmt = conn.prepare_cached(
            "SELECT course_id, lesson_id, version, finished, score, out_of FROM quiz_attempt
             ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Attempt {
                course_id: r.get(0)?,
                lesson_id: r.get(1)?,
                version: r.get(2)?,
                finished: r.get(3)?,
                score: Score {
                    right: r.get(4)?,
                    of: r.get(5)?,
                },
            })
        })?;
        rows.collect()
    }
}

/// How many finished attempts of one lesson the history keeps, newest first.
pub const ATTEMPTS_KEPT: u32 = 20;

/// Ends the attempt under way with `score`: into the history, and the lesson's best score and
/// day (a best earned on another version of the lesson is replaced).
fn finish(
    tx: &rusqlite::Transaction,
    course_id: &str,
    lesson: &LessonSummary,
    score: Score,
    now: DateTime<FixedOffset>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO quiz_attempt(course_id, lesson_id, version, finished, score, out_of)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            course_id,
            lesson.id,
            lesson.version,
            now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            score.right,
            score.of
        ],
    )?;
    // The history is bounded: a lesson's oldest attempts make room for its newest.
    tx.execute(
        "DELETE FROM quiz_attempt WHERE course_id = ?1 AND lesson_id = ?2 AND rowid NOT IN (
             SELECT rowid FROM quiz_attempt WHERE course_id = ?1 AND lesson_id = ?2
             ORDER BY rowid DESC LIMIT ?3)",
        params![course_id, lesson.id, ATTEMPTS_KEPT],
    )?;
    tx.execute(
        "UPDATE lesson_progress SET
             best_score = CASE WHEN version IS ?3 AND best_score >= ?4 THEN best_score ELSE ?4 END,
             out_of = ?5, completed = ?6, version = ?3
         WHERE course_id = ?1 AND lesson_id = ?2",
        params![
            course_id,
            lesson.id,
            lesson.version,
            score.right,
            score.of,
            now.date_naive().to_string()
        ],
    )?;
    tx.execute(
        "DELETE FROM quiz_answer WHERE course_id = ?1 AND lesson_id = ?2",
        params![course_id, lesson.id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    /// The history keeps each lesson's newest [`ATTEMPTS_KEPT`] attempts, in order; the
    /// count of attempts begun is not the history.
    #[test]
    fn the_attempt_history_keeps_each_lessons_newest_attempts() {
        let user = UserStore::open_in_memory().unwrap();
        let lesson = LessonSummary {
            id: "statuses".into(),
            title: Text {
                value: "Statuses".into(),
                lang: "en".into(),
            },
            minutes: 5,
            cards: 2,
            questions: 3,
            version: "v1".into(),
        };
        let day = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+03:00").unwrap();
        for attempt in 0..ATTEMPTS_KEPT + 5 {
            for q in 0..lesson.questions as usize {
                if attempt % 2 == 1 {
                    user.answer("desk", &lesson, q, false, day).unwrap();
                }
                user.answer("desk", &lesson, q, true, day).unwrap();
            }
        }
        let scores: Vec<u32> = user
            .attempts()
            .unwrap()
            .iter()
            .map(|a| a.score.right)
            .collect();
        let newest: Vec<u32> = (5..ATTEMPTS_KEPT + 5)
            .map(|a| if a % 2 == 0 { lesson.questions } else { 0 })
            .collect();
        assert_eq!(scores, newest);
        assert_eq!(
            user.lesson_progress("desk", &lesson).unwrap().attempts,
            ATTEMPTS_KEPT + 5
        );
    }
}
