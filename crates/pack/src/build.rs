//! Builds a city pack (one SQLite file) from a validated content source.
//!
//! Same source, same bytes: rows are written in a fixed order, nothing reads the clock
//! (the build date is the newest `checked` date of the content), and the file is vacuumed.

use std::path::Path;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use merhaba_core::pack_schema::{owner, PACK_APPLICATION_ID, PACK_SCHEMA, PACK_SCHEMA_VERSION};
use merhaba_core::search::{
    deletions, index_text, is_typo_term, row_keys, variant_key, COMMON_MIN_ROWS, COMMON_SHARE,
    FEW_ROWS, SEARCH_SCHEMA, TYPO_MIN_CHARS,
};
use rusqlite::{params, Connection};

use crate::source::{ContentSource, Translations};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Writes the pack to `out`: first to a temporary file beside it, renamed over `out` only
/// when complete, so a failed build never leaves a half-written pack in place.
pub fn build_pack(source: &ContentSource, out: &Path) -> Result<(), BuildError> {
    let tmp = out.with_extension("sqlite.partial");
    let shown = out.display().to_string();
    let io = |source| BuildError::Io {
        path: shown.clone(),
        source,
    };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let _ = std::fs::remove_file(&tmp);
    write(source, &tmp).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        BuildError::Sqlite {
            path: shown.clone(),
            source,
        }
    })?;
    std::fs::rename(&tmp, out).map_err(io)
}

fn write(source: &ContentSource, path: &Path) -> rusqlite::Result<()> {
    let mut conn = Connection::open(path)?;
    conn.execute_batch(
        "PRAGMA page_size = 4096; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
    )?;
    conn.pragma_update(None, "application_id", PACK_APPLICATION_ID)?;
    conn.pragma_update(None, "user_version", PACK_SCHEMA_VERSION)?;
    let tx = conn.transaction()?;
    tx.execute_batch(PACK_SCHEMA)?;
    tx.execute_batch(SEARCH_SCHEMA)?;
    let city = &source.city.value;
    let build_date = source
        .services
        .iter()
        .map(|s| s.value.checked.as_str())
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
    text(owner::CITY, "name", &city.name)?;
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
    for (i, cat) in source.categories.value.category.iter().enumerate() {
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
    for service in &source.services {
        let s = &service.value;
        tx.execute(
            "INSERT INTO service(id, sample, checked) VALUES (?1, ?2, ?3)",
            params![s.id, s.sample, s.checked],
        )?;
        for menu in &s.menus {
            let submenu = menu.split_once('/').map_or(menu.as_str(), |(_, sub)| sub);
            tx.execute(
                "INSERT OR IGNORE INTO service_submenu(submenu_id, service_id) VALUES (?1, ?2)",
                params![submenu, s.id],
            )?;
        }
        let o = owner::service(&s.id);
        for (field, t) in [
            ("name", &s.name),
            ("summary", &s.summary),
            ("rights", &s.rights),
            ("cost", &s.cost),
        ] {
            text(&o, field, t)?;
        }
        if let Some(location) = &s.location {
            text(&o, "location", location)?;
        }
        for (i, p) in s.place.iter().enumerate() {
            tx.execute(
                "INSERT INTO place(service_id, position, lat, lon, opening_hours, phone)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![s.id, i, p.lat, p.lon, p.opening_hours, p.phone],
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
        for (i, src) in s.source.iter().enumerate() {
            tx.execute(
                "INSERT INTO source(service_id, position, url, title) VALUES (?1, ?2, ?3, ?4)",
                params![s.id, i, src.url, src.title],
            )?;
        }
    }
    write_search_index(&tx, source)?;
    tx.commit()?;
    conn.execute_batch("INSERT INTO search(search) VALUES ('optimize'); VACUUM;")?;
    conn.close().map_err(|(_, e)| e)
}

/// A word and the word without its last one or two letters (when five or more remain), so a
/// typo in "vaccination" still reaches "vaccinations": corrections are matched as prefixes.
fn typo_forms(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut forms = vec![word.to_string()];
    for cut in 1..=2 {
        if chars.len() >= TYPO_MIN_CHARS + cut {
            forms.push(chars[..chars.len() - cut].iter().collect());
        }
    }
    forms
}

/// What the search index holds for one service in one language, before folding.
#[derive(Clone, Debug, serde::Serialize)]
pub struct SearchDocument {
    pub service: String,
    pub lang: String,
    /// The service's name.
    pub title: String,
    /// Its keywords, the names of its categories and submenus, and the names of its places.
    pub keywords: String,
    /// Everything else a person reads on its page.
    pub body: String,
}

/// One document per service and language, in source order.
pub fn search_documents(source: &ContentSource) -> Vec<SearchDocument> {
    let categories = &source.categories.value.category;
    let mut documents = Vec::new();
    for service in &source.services {
        let s = &service.value;
        for lang in s.name.keys() {
            let pick = |t: &Translations| t.get(lang).cloned().unwrap_or_default();
            let mut keywords: Vec<String> = s.keywords.iter().map(&pick).collect();
            for menu in &s.menus {
                let (cat_id, sub_id) = menu.split_once('/').unwrap_or((menu, ""));
                for cat in categories.iter().filter(|c| c.id == cat_id) {
                    keywords.push(pick(&cat.name));
                    keywords.extend(
                        cat.submenu
                            .iter()
                            .filter(|m| m.id == sub_id)
                            .map(|m| pick(&m.name)),
                    );
                }
            }
            // Place names are names people search for: they count as keywords.
            keywords.extend(s.place.iter().map(|p| pick(&p.name)));
            let mut body = vec![pick(&s.summary), pick(&s.rights), pick(&s.cost)];
            body.extend(s.location.iter().map(&pick));
            body.extend(s.place.iter().map(|p| pick(&p.address)));
            body.extend(s.link.iter().map(|l| pick(&l.title)));
            documents.push(SearchDocument {
                service: s.id.clone(),
                lang: lang.clone(),
                title: pick(&s.name),
                keywords: keywords.join(" "),
                body: body.join(" "),
            });
        }
    }
    documents
}

/// One FTS5 row per search document, folded. Then the typo table: every title and keyword
/// word of four letters or more (and its forms without the last one or two letters) under
/// each of its one-letter deletions.
fn write_search_index(tx: &rusqlite::Transaction, source: &ContentSource) -> rusqlite::Result<()> {
    let mut vocabulary = BTreeSet::new();
    // How many rows of each language each word is in, to find the common ones.
    let mut rows_with: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let mut rows_of: BTreeMap<&str, usize> = BTreeMap::new();
    // How many rows each word and short prefix is in, for ranking.
    let mut rows_holding: HashMap<String, usize> = HashMap::new();
    let documents = search_documents(source);
    for (rowid, doc) in (1_i64..).zip(&documents) {
        let (title, keywords, body) = (
            index_text(&doc.title),
            index_text(&doc.keywords),
            index_text(&doc.body),
        );
        // Typo tolerance covers names, keywords and menu names: what people look for by
        // name. Body words match exactly or by prefix, which keeps the pack small.
        for text in [&title, &keywords] {
            vocabulary.extend(
                text.split(' ')
                    .flat_map(typo_forms)
                    .filter(|w| is_typo_term(w)),
            );
        }
        let in_row: BTreeSet<&str> = [&title, &keywords, &body]
            .iter()
            .flat_map(|t| t.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        *rows_of.entry(&doc.lang).or_default() += 1;
        for key in row_keys(in_row.iter().copied()) {
            *rows_holding.entry(key).or_default() += 1;
        }
        for word in in_row {
            *rows_with.entry((&doc.lang, word.to_string())).or_default() += 1;
        }
        // The same rowid in both tables: a row of either is read through `search`.
        tx.execute(
            "INSERT INTO search(rowid, service_id, lang, title, keywords, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![rowid, doc.service, doc.lang, title, keywords, body],
        )?;
        tx.execute(
            "INSERT INTO search_names(rowid, title, keywords) VALUES (?1, ?2, ?3)",
            params![rowid, title, keywords],
        )?;
    }
    // Common words, with the most rows they have in any one language.
    let mut common: BTreeMap<&String, usize> = BTreeMap::new();
    for ((lang, word), rows) in &rows_with {
        if *rows > COMMON_MIN_ROWS && *rows as f64 > rows_of[lang] as f64 * COMMON_SHARE {
            let most = common.entry(word).or_default();
            *most = (*most).max(*rows);
        }
    }
    for (word, rows) in common {
        tx.execute(
            "INSERT INTO search_common(term, rows) VALUES (?1, ?2)",
            params![word, rows],
        )?;
    }
    let mut rows_row = tx.prepare("INSERT INTO search_rows(key, rows) VALUES (?1, ?2)")?;
    // Sorted, so that the same content gives the same bytes.
    let mut counted: Vec<(String, usize)> = rows_holding
        .into_iter()
        .filter(|(_, rows)| *rows as u64 > FEW_ROWS)
        .collect();
    counted.sort();
    for (key, rows) in counted {
        rows_row.execute(params![key, rows])?;
    }
    let mut term_row = tx.prepare("INSERT INTO search_term(id, term) VALUES (?1, ?2)")?;
    let mut typo_row =
        tx.prepare("INSERT OR IGNORE INTO search_typo(variant, term_id) VALUES (?1, ?2)")?;
    for (id, term) in vocabulary.iter().enumerate() {
        term_row.execute(params![id, term])?;
        for variant in deletions(term) {
            typo_row.execute(params![variant_key(&variant), id])?;
        }
    }
    Ok(())
}
