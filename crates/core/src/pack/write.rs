//! Writes a city pack (one SQLite file) from a city's content.
//!
//! Same content, same bytes: rows are written in a fixed order, nothing reads the clock
//! (the build date is the newest `checked` or `drafted` date of the content), and the file is vacuumed.

use std::path::Path;

use rusqlite::{params, Connection};
use sha2::{Digest, Sha256};

use super::schema::{owner, PACK_APPLICATION_ID, PACK_SCHEMA, PACK_SCHEMA_VERSION, SEARCH_SCHEMA};
use super::StoreError;
use crate::content::{
    CityContent, LessonSource, QuestionKind, QuestionSource, Review, Reviews, Translations,
};

/// Writes the pack to `out`: first to a temporary file beside it, renamed over `out` only
/// when complete, so a failed build never leaves a half-written pack in place.
pub fn build_pack(content: &CityContent, out: &Path) -> Result<(), StoreError> {
    let tmp = out.with_extension("sqlite.partial");
    let io = |source| StoreError::Io {
        path: out.to_path_buf(),
        source,
    };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let _ = std::fs::remove_file(&tmp);
    write(content, &tmp).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        StoreError::Sqlite {
            path: out.to_path_buf(),
            source,
        }
    })?;
    std::fs::rename(&tmp, out).map_err(io)
}

fn write(content: &CityContent, path: &Path) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
    )?;
    conn.pragma_update(None, "application_id", PACK_APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", PACK_SCHEMA_VERSION)?;
    let tx = conn.transaction()?;
    tx.execute_batch(PACK_SCHEMA)?;
    tx.execute_batch(SEARCH_SCHEMA)?;
    let city = content.city;
    let build_date = content
        .services
        .iter()
        .map(|s| s.date())
        .max()
        .unwrap_or("1970-01-01");
    let meta = [
        ("schema_version", PACK_SCHEMA_VERSION.to_string()),
        ("city", city.id.clone()),
        ("content_version", city.content_version.to_string()),
        ("build_date", build_date.to_string()),
        ("languages", city.languages.join(",")),
        ("partial_languages", city.partial_languages.join(",")),
        ("timezone", city.timezone.clone()),
        ("country", city.country.clone()),
        ("report_to", city.report_to.clone().unwrap_or_default()),
        (
            "local_language",
            (city.local_language.as_ref())
                .or(city.languages.first())
                .cloned()
                .unwrap_or_default(),
        ),
        ("centre", format!("{},{}", city.centre.lat, city.centre.lon)),
        (
            "bbox",
            format!(
                "{},{},{},{}",
                city.bbox.south, city.bbox.west, city.bbox.north, city.bbox.east
            ),
        ),
    ];
    for (key, value) in &meta {
        tx.execute(
            "INSERT INTO pack_meta(key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
    }
    let text = |owner: &str, field: &str, t: &Translations| -> rusqlite::Result<()> {
        for (lang, value) in t {
            tx.execute(
                "INSERT INTO text(owner, field, lang, value) VALUES (?1, ?2, ?3, ?4)",
                params![owner, field, lang, value.trim()],
            )?;
        }
        Ok(())
    };
    let reviews = |owner: &str, reviews: &Reviews| -> rusqlite::Result<()> {
        for (lang, status) in reviews {
            tx.execute(
                "INSERT INTO translation(owner, lang, status) VALUES (?1, ?2, ?3)",
                params![owner, lang, status.as_str()],
            )?;
        }
        Ok(())
    };
    text(owner::CITY, "name", &city.name)?;
    reviews(owner::CITY, &city.translation)?;
    for (i, e) in city.emergency.iter().enumerate() {
        tx.execute(
            "INSERT INTO emergency(number, position) VALUES (?1, ?2)",
            params![e.number, i],
        )?;
        text(&owner::emergency(&e.number), "label", &e.label)?;
    }
    let localities = [("district", &city.district), ("landmark", &city.landmark)];
    for (kind, list) in localities {
        for (i, l) in list.iter().enumerate() {
            tx.execute(
                "INSERT INTO locality(id, kind, position, lat, lon) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![l.id, kind, i, l.lat, l.lon],
            )?;
            text(&owner::locality(&l.id), "name", &l.name)?;
        }
    }
    for (i, cat) in content.categories.iter().enumerate() {
        tx.execute(
            "INSERT INTO category(id, position, icon) VALUES (?1, ?2, ?3)",
            params![cat.id, i, cat.icon],
        )?;
        text(&owner::category(&cat.id), "name", &cat.name)?;
        for (j, sub) in cat.submenu.iter().enumerate() {
            tx.execute(
                "INSERT INTO submenu(id, category_id, position) VALUES (?1, ?2, ?3)",
                params![sub.id, cat.id, j],
            )?;
            text(&owner::submenu(&sub.id), "name", &sub.name)?;
        }
    }
    for s in &content.services {
        tx.execute(
            "INSERT INTO service(id, sample, checked, drafted, sensitive) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![s.id, s.sample, s.checked, s.drafted, s.sensitive],
        )?;
        for (i, number) in s.helpline.iter().enumerate() {
            tx.execute(
                "INSERT INTO helpline(service_id, position, number) VALUES (?1, ?2, ?3)",
                params![s.id, i, number],
            )?;
        }
        for menu in &s.menus {
            let submenu = menu.split_once('/').map_or(menu.as_str(), |(_, sub)| sub);
            tx.execute(
                "INSERT OR IGNORE INTO service_submenu(submenu_id, service_id) VALUES (?1, ?2)",
                params![submenu, s.id],
            )?;
        }
        let o = owner::service(&s.id);
        reviews(&o, &s.translation)?;
        for (field, t) in [
            ("name", &s.name),
            ("summary", &s.summary),
            ("rights", &s.rights),
            ("cost", &s.cost),
        ] {
            text(&o, field, t)?;
        }
        for (field, t) in [("location", &s.location), ("bring", &s.bring)] {
            if let Some(t) = t {
                text(&o, field, t)?;
            }
        }
        for (i, p) in s.place.iter().enumerate() {
            tx.execute(
                "INSERT INTO place(service_id, position, lat, lon, opening_hours, phone,
                                   place_id, closed_since, moved_to)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    s.id,
                    i,
                    p.lat,
                    p.lon,
                    p.opening_hours,
                    p.phone,
                    p.id,
                    p.closed_since,
                    p.moved_to
                ],
            )?;
            text(&owner::place(&s.id, i), "name", &p.name)?;
            text(&owner::place(&s.id, i), "address", &p.address)?;
        }
        for (i, l) in s.link.iter().enumerate() {
            tx.execute(
                "INSERT INTO link(service_id, position, url) VALUES (?1, ?2, ?3)",
                params![s.id, i, l.url],
            )?;
            text(&owner::link(&s.id, i), "title", &l.title)?;
        }
        let place_sources = s
            .place
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.source.iter().map(move |src| (Some(i), src)));
        let sources = s.source.iter().map(|src| (None, src)).chain(place_sources);
        for (i, (place, src)) in sources.enumerate() {
            tx.execute(
                "INSERT INTO source(service_id, position, url, title, read, place, sections)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    s.id,
                    i,
                    src.url,
                    src.title,
                    src.read,
                    place,
                    src.sections.join(",")
                ],
            )?;
        }
    }
    for (i, p) in content.paths.iter().enumerate() {
        tx.execute(
            "INSERT INTO path(id, position, sample, checked, drafted) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.id, i, p.sample, p.checked, p.drafted],
        )?;
        let o = owner::path(&p.id);
        reviews(&o, &p.translation)?;
        text(&o, "title", &p.title)?;
        text(&o, "audience", &p.audience)?;
        for (j, step) in p.step.iter().enumerate() {
            tx.execute(
                "INSERT INTO path_step(path_id, position, service_id) VALUES (?1, ?2, ?3)",
                params![p.id, j, step.service],
            )?;
            if let Some(note) = &step.note {
                text(&owner::step(&p.id, j), "note", note)?;
            }
        }
    }
    for (name, bytes) in content.course_images {
        let media_type = crate::content::course_image_type(name).unwrap_or_default();
        tx.execute(
            "INSERT INTO image(name, media_type, bytes) VALUES (?1, ?2, ?3)",
            params![name, media_type, bytes],
        )?;
    }
    for (i, c) in content.courses.iter().enumerate() {
        tx.execute(
            "INSERT INTO course(id, position, sample, checked, drafted) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![c.id, i, c.sample, c.checked, c.drafted],
        )?;
        let o = owner::course(&c.id);
        reviews(&o, &c.translation)?;
        text(&o, "title", &c.title)?;
        text(&o, "summary", &c.summary)?;
        for (j, src) in c.source.iter().enumerate() {
            tx.execute(
                "INSERT INTO course_source(course_id, position, url, title, read)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![c.id, j, src.url, src.title, src.read],
            )?;
        }
        for (j, lesson) in c.lesson.iter().enumerate() {
            tx.execute(
                "INSERT INTO lesson(course_id, id, position, minutes, version)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    c.id,
                    lesson.id,
                    j,
                    lesson.minutes,
                    lesson_version(lesson, &c.translation)
                ],
            )?;
            text(&owner::lesson(&c.id, &lesson.id), "title", &lesson.title)?;
            for (k, card) in lesson.card.iter().enumerate() {
                tx.execute(
                    "INSERT INTO card(course_id, lesson_id, position, image, service_id)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![c.id, lesson.id, k, card.image, card.service],
                )?;
                let o = owner::card(&c.id, &lesson.id, k);
                text(&o, "text", &card.text)?;
                if let Some(alt) = &card.alt {
                    text(&o, "alt", alt)?;
                }
            }
            for (k, q) in lesson.question.iter().enumerate() {
                let (choices, right) = choices(q);
                tx.execute(
                    "INSERT INTO question(course_id, lesson_id, position, kind, choices, right,
                                          service_id)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        c.id,
                        lesson.id,
                        k,
                        q.kind.as_str(),
                        choices,
                        right,
                        q.service
                    ],
                )?;
                let o = owner::question(&c.id, &lesson.id, k);
                text(&o, "prompt", &q.prompt)?;
                text(&o, "feedback", &q.feedback)?;
                for (n, answer) in q.answers.iter().enumerate() {
                    text(&o, &owner::choice(n + 1), answer)?;
                }
            }
        }
    }
    for h in content.holidays {
        tx.execute(
            "INSERT OR REPLACE INTO holiday(date, from_time) VALUES (?1, ?2)",
            params![h.date, h.from],
        )?;
    }
    crate::search::index::write(&tx, content)?;
    tx.commit()?;
    conn.execute_batch("INSERT INTO search(search) VALUES ('optimize'); VACUUM;")?;
    conn.close().map_err(|(_, e)| e)
}

/// The version of a lesson's questions: a hash of each question's kind, choices and right
/// answers and of its wording in the languages the course was written in (`original`).
/// Cards and translations can change without it: only a change to what is asked makes a
/// reader answer again.
pub fn lesson_version(lesson: &LessonSource, reviews: &Reviews) -> String {
    let originals: Vec<&String> = reviews
        .iter()
        .filter(|(_, r)| **r == Review::Original)
        .map(|(lang, _)| lang)
        .collect();
    let mut hash = Sha256::new();
    let mut put = |s: &str| {
        hash.update((s.len() as u64).to_le_bytes());
        hash.update(s.as_bytes());
    };
    for q in &lesson.question {
        let (choices, right) = choices(q);
        put(q.kind.as_str());
        put(&choices.to_string());
        put(&right);
        let texts = std::iter::once(&q.prompt).chain(&q.answers);
        for text in texts {
            for lang in &originals {
                put(text.get(*lang).map_or("", |t| t.trim()));
            }
        }
    }
    let digest = hash.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// How many choices a question offers and which are right (from 1, comma-separated), as the
/// pack stores them: a true-false question's choices are True (1) and False (2).
pub fn choices(q: &QuestionSource) -> (u32, String) {
    match q.kind {
        QuestionKind::TrueFalse => (2, if q.is_true == Some(false) { "2" } else { "1" }.into()),
        _ => {
            let mut right = q.right.clone();
            right.sort_unstable();
            right.dedup();
            let right: Vec<String> = right.iter().map(u32::to_string).collect();
            (q.answers.len() as u32, right.join(","))
        }
    }
}
