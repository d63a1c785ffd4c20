//! A person's course progress as xAPI 1.0.3 statements: a JSON file they may choose to hand
//! to a trainer who runs a learning record store (Moodle, Learning Locker). The app writes the
//! file; it never sends it.
//!
//! One statement per finished quiz attempt (verb `completed`, the lesson as object, its
//! course as parent, the score), and one per completed course. The actor is whoever the
//! person types at that moment (an e-mail address becomes `mbox`, anything else an account
//! name); nothing typed is kept.

use serde_json::{json, Value};

use super::{Attempt, CourseProgress, Score};
use crate::model::{CourseSummary, Text};

const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const LESSON: &str = "http://adlnet.gov/expapi/activities/lesson";
const COURSE: &str = "http://adlnet.gov/expapi/activities/course";
/// The home page of the accounts of learners who give a name, not an e-mail address: a
/// reserved domain, as there is no Merhaba account anywhere.
const ACCOUNT_HOME: &str = "https://merhaba.invalid/learner";

/// The activity id of a course, or of one of its lessons.
pub fn activity_id(city: &str, course: &str, lesson: Option<&str>) -> String {
    match lesson {
        Some(lesson) => format!("urn:merhaba:{city}:course:{course}:lesson:{lesson}"),
        None => format!("urn:merhaba:{city}:course:{course}"),
    }
}

/// The actor of the statements: an e-mail address as `mbox`, any other text as an account
/// name, nothing typed as an anonymous account.
pub fn actor(typed: &str) -> Value {
    let typed = typed.trim();
    if typed.contains('@') && !typed.contains(char::is_whitespace) {
        json!({ "objectType": "Agent", "mbox": format!("mailto:{typed}") })
    } else {
        let name = if typed.is_empty() { "anonymous" } else { typed };
        json!({
            "objectType": "Agent",
            "account": { "homePage": ACCOUNT_HOME, "name": name },
        })
    }
}

fn name(text: &Text) -> Value {
    json!({ text.lang.as_str(): text.value })
}

fn score(score: Score) -> Value {
    json!({ "raw": score.right, "min": 0, "max": score.of, "scaled": score.scaled() })
}

/// The statements of every finished attempt on the courses given, and of each completed
/// course, oldest first.
pub fn statements(
    city: &str,
    courses: &[(CourseSummary, CourseProgress)],
    attempts: &[Attempt],
    who: &str,
) -> Value {
    let actor = actor(who);
    let verb = json!({ "id": COMPLETED, "display": { "en-US": "completed" } });
    let mut out = Vec::new();
    for attempt in attempts {
        let Some((course, _)) = courses.iter().find(|(c, _)| c.id == attempt.course_id) else {
            continue;
        };
        let Some(lesson) = course.lessons.iter().find(|l| l.id == attempt.lesson_id) else {
            continue;
        };
        out.push(json!({
            "actor": actor,
            "verb": verb,
            "object": {
                "objectType": "Activity",
                "id": activity_id(city, &course.id, Some(&lesson.id)),
                "definition": { "type": LESSON, "name": name(&lesson.title) },
            },
            "result": { "score": score(attempt.score), "completion": true },
            "context": { "contextActivities": { "parent": [{
                "objectType": "Activity",
                "id": activity_id(city, &course.id, None),
            }] } },
            "timestamp": attempt.finished,
        }));
    }
    for (course, progress) in courses {
        if !progress.is_complete() {
            continue;
        }
        let last = attempts
            .iter()
            .filter(|a| {
                a.course_id == course.id
                    && course
                        .lessons
                        .iter()
                        .any(|l| l.id == a.lesson_id && l.version == a.version)
            })
            .map(|a| a.finished.as_str())
            .max();
        let Some(last) = last else { continue };
        out.push(json!({
            "actor": actor,
            "verb": verb,
            "object": {
                "objectType": "Activity",
                "id": activity_id(city, &course.id, None),
                "definition": { "type": COURSE, "name": name(&course.title) },
            },
            "result": { "score": score(progress.score()), "completion": true },
            "timestamp": last,
        }));
    }
    out.sort_by(|a, b| a["timestamp"].as_str().cmp(&b["timestamp"].as_str()));
    Value::Array(out)
}

/// `statements` as the JSON file the person saves (pretty-printed, for a trainer to read).
pub fn file(
    city: &str,
    courses: &[(CourseSummary, CourseProgress)],
    attempts: &[Attempt],
    who: &str,
) -> Vec<u8> {
    serde_json::to_vec_pretty(&statements(city, courses, attempts, who)).unwrap_or_default()
}
