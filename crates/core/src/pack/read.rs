//! The menus and the city: what the home, category, submenu and emergency screens read.

use std::collections::HashMap;

use rusqlite::OptionalExtension;

use super::schema::owner;
use super::{CityPack, StoreError};
use crate::content::Review;
use crate::hours::CityClock;
use crate::l10n::LanguageChain;
use crate::model::*;
use crate::nearby::CityArea;
use crate::position::Position;

/// Every translation of every field of one owner, ready to be resolved along a language chain.
pub(super) struct Texts(HashMap<String, Vec<(String, String)>>);

impl Texts {
    pub(super) fn pick(&self, field: &str, chain: &LanguageChain) -> Option<Text> {
        let candidates = self.0.get(field)?;
        chain.langs().iter().find_map(|lang| {
            candidates
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(l, v)| Text {
                    value: v.clone(),
                    lang: l.clone(),
                })
        })
    }

    /// A required field: the validator guarantees every pack language has it, so an empty
    /// text only shows up for a damaged pack, and the page still renders.
    pub(super) fn get(&self, field: &str, chain: &LanguageChain) -> Text {
        self.pick(field, chain).unwrap_or_else(|| Text {
            value: String::new(),
            lang: chain.reader().to_string(),
        })
    }
}

impl CityPack {
    pub(super) fn texts(&self, owner: &str) -> Result<Texts, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT field, lang, value FROM text WHERE owner = ?1")
            .map_err(|e| self.err(e))?;
        let mut map: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut rows = stmt.query([owner]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            // A text that is not text (not UTF-8, a number, NULL: a damaged or crafted pack)
            // is left out, as if it were not there; an error reading the file is not.
            let text = |i| row.get_ref(i).ok()?.as_str().ok().map(str::to_string);
            if let (Some(field), Some(lang), Some(value)) = (text(0), text(1), text(2)) {
                map.entry(field).or_default().push((lang, value));
            }
        }
        Ok(Texts(map))
    }

    /// How `owner`'s texts in `lang` came to be; `None` for a language the pack has no status
    /// for (it then has no texts in it either, and the page says so by falling back).
    pub(super) fn review(&self, owner: &str, lang: &str) -> Result<Option<Review>, StoreError> {
        let status: Option<String> = self
            .conn
            .prepare_cached("SELECT status FROM translation WHERE owner = ?1 AND lang = ?2")
            .and_then(|mut stmt| stmt.query_row([owner, lang], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        Ok(status.as_deref().and_then(Review::parse))
    }

    /// The city's emergency numbers, the general one (112) first.
    pub fn emergency_numbers(
        &self,
        chain: &LanguageChain,
    ) -> Result<Vec<EmergencyNumber>, StoreError> {
        self.strings("SELECT number FROM emergency ORDER BY position", [])?
            .into_iter()
            .map(|number| {
                let label = self.texts(&owner::emergency(&number))?.get("label", chain);
                Ok(EmergencyNumber { number, label })
            })
            .collect()
    }

    /// Every language the pack has texts in: its complete languages, then the partial ones
    /// (whose missing texts fall back along the chain).
    pub fn content_languages(&self) -> Result<Vec<String>, StoreError> {
        let partial: Option<String> = self.value(
            "SELECT value FROM pack_meta WHERE key = ?1",
            "partial_languages",
        )?;
        let mut all = self.languages.clone();
        for lang in partial.as_deref().unwrap_or_default().split(',') {
            if !lang.is_empty() && !all.iter().any(|a| a == lang) {
                all.push(lang.to_string());
            }
        }
        Ok(all)
    }

    /// The language the city's offices work in: a complete language of the pack (the first
    /// one when the pack names none it has).
    pub fn local_language(&self) -> Result<String, StoreError> {
        let named: Option<String> = self.value(
            "SELECT value FROM pack_meta WHERE key = ?1",
            "local_language",
        )?;
        Ok(named
            .filter(|l| self.languages.contains(l))
            .or_else(|| self.languages.first().cloned())
            .unwrap_or_else(|| crate::l10n::LAST_RESORT.to_string()))
    }

    pub fn city(&self, chain: &LanguageChain) -> Result<City, StoreError> {
        let texts = self.texts(owner::CITY)?;
        let emergency = self.emergency_numbers(chain)?;
        Ok(City {
            id: self.meta("city")?,
            name: texts.get("name", chain),
            languages: self.languages.clone(),
            content_version: self.content_version(),
            build_date: self.meta("build_date")?,
            report_to: self
                .value::<String>("SELECT value FROM pack_meta WHERE key = ?1", "report_to")?
                .filter(|to| crate::feedback::is_report_address(to)),
            local_language: self.local_language()?,
            unreviewed: self.review(owner::CITY, chain.reader())? == Some(Review::Unreviewed),
            emergency,
        })
    }

    pub fn categories(&self, chain: &LanguageChain) -> Result<Vec<CategorySummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, icon FROM category ORDER BY position")
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(id, icon)| {
                Ok(CategorySummary {
                    name: self.texts(&owner::category(&id))?.get("name", chain),
                    service_count: self.count(
                        "SELECT COUNT(DISTINCT ss.service_id) FROM service_submenu ss
                         JOIN submenu s ON s.id = ss.submenu_id WHERE s.category_id = ?1",
                        &id,
                    )?,
                    id,
                    icon,
                })
            })
            .collect()
    }

    pub fn category(
        &self,
        id: &str,
        chain: &LanguageChain,
    ) -> Result<Option<Category>, StoreError> {
        let icon: Option<String> = self.value("SELECT icon FROM category WHERE id = ?1", id)?;
        let Some(icon) = icon else { return Ok(None) };
        let submenus = self
            .strings(
                "SELECT id FROM submenu WHERE category_id = ?1 ORDER BY position",
                [id],
            )?
            .into_iter()
            .map(|sid| {
                Ok(SubmenuSummary {
                    name: self.texts(&owner::submenu(&sid))?.get("name", chain),
                    service_count: self.count(
                        "SELECT COUNT(*) FROM service_submenu WHERE submenu_id = ?1",
                        &sid,
                    )?,
                    id: sid,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Some(Category {
            id: id.to_string(),
            icon,
            name: self.texts(&owner::category(id))?.get("name", chain),
            submenus,
        }))
    }

    pub fn submenu(&self, id: &str, chain: &LanguageChain) -> Result<Option<Submenu>, StoreError> {
        let category_id: Option<String> =
            self.value("SELECT category_id FROM submenu WHERE id = ?1", id)?;
        let Some(category_id) = category_id else {
            return Ok(None);
        };
        let mut services = self
            .strings(
                "SELECT service_id FROM service_submenu WHERE submenu_id = ?1",
                [id],
            )?
            .into_iter()
            .map(|sid| self.service_summary(&sid, chain))
            .collect::<Result<Vec<_>, StoreError>>()?;
        services.sort_by_key(|s| s.name.value.to_lowercase());
        Ok(Some(Submenu {
            id: id.to_string(),
            name: self.texts(&owner::submenu(id))?.get("name", chain),
            category_name: self
                .texts(&owner::category(&category_id))?
                .get("name", chain),
            category_id,
            services,
        }))
    }

    /// The city's clock: its time zone and, when the pack names its country, public
    /// holidays, with the moving holidays and half days the pack carries (a row that does
    /// not read as a date is left out).
    pub fn clock(&self) -> Result<CityClock, StoreError> {
        let country = self.meta("country").ok();
        let clock = CityClock::new(&self.meta("timezone")?, country.as_deref()).map_err(|e| {
            StoreError::NotAPack {
                path: self.path.clone(),
                reason: e.to_string(),
            }
        })?;
        Ok(clock.with_holidays(&self.holidays()?))
    }

    /// The pack's `holiday` rows.
    pub fn holidays(&self) -> Result<Vec<crate::hours::Holiday>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT date, from_time FROM holiday ORDER BY date")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        let mut holidays = Vec::new();
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            // A row that is not a date (a number, not UTF-8) is left out, as one that does
            // not parse is: one bad row must not stop every opening-hours line.
            let date = row.get_ref(0).ok().and_then(|v| v.as_str().ok());
            let from = row.get_ref(1).ok().and_then(|v| v.as_str_or_null().ok());
            if let (Some(date), Some(from)) = (date, from) {
                holidays.extend(crate::hours::Holiday::parse(date, from));
            }
        }
        Ok(holidays)
    }

    /// Where this pack applies: its centre and bounding box.
    pub fn area(&self) -> Result<CityArea, StoreError> {
        let bad = |key: &str| StoreError::NotAPack {
            path: self.path.clone(),
            reason: format!("pack_meta `{key}` is not a list of coordinates"),
        };
        let numbers = |key: &str| -> Result<Vec<f64>, StoreError> {
            self.meta(key)?
                .split(',')
                .map(|v| v.trim().parse().map_err(|_| bad(key)))
                .collect()
        };
        let (c, b) = (numbers("centre")?, numbers("bbox")?);
        let (&[lat, lon], &[south, west, north, east]) = (c.as_slice(), b.as_slice()) else {
            return Err(bad("bbox"));
        };
        Ok(CityArea {
            city: self.meta("city")?,
            centre: Position::new(lat, lon).map_err(|_| bad("centre"))?,
            south,
            west,
            north,
            east,
        })
    }

    /// Districts and landmarks a person can pick as their position, districts first.
    pub fn localities(&self, chain: &LanguageChain) -> Result<Vec<Locality>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, kind, lat, lon FROM locality
                 ORDER BY kind = 'landmark', position",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, String, f64, f64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .filter_map(|(id, kind, lat, lon)| {
                // A row with impossible coordinates is skipped, not shown as a place to be.
                let position = Position::new(lat, lon).ok()?;
                Some((id, kind, position))
            })
            .map(|(id, kind, position)| {
                Ok(Locality {
                    name: self.texts(&owner::locality(&id))?.get("name", chain),
                    landmark: kind == "landmark",
                    id,
                    position,
                })
            })
            .collect()
    }

    /// The categories and submenus a service is listed under, in menu order.
    pub fn menu_paths(&self, id: &str, chain: &LanguageChain) -> Result<Vec<MenuPath>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT s.category_id, ss.submenu_id FROM service_submenu ss
                 JOIN submenu s ON s.id = ss.submenu_id JOIN category c ON c.id = s.category_id
                 WHERE ss.service_id = ?1 ORDER BY c.position, s.position",
            )
            .map_err(|e| self.err(e))?;
        let rows: Vec<(String, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        rows.into_iter()
            .map(|(category_id, submenu_id)| {
                Ok(MenuPath {
                    category_name: self
                        .texts(&owner::category(&category_id))?
                        .get("name", chain),
                    submenu_name: self.texts(&owner::submenu(&submenu_id))?.get("name", chain),
                    category_id,
                    submenu_id,
                })
            })
            .collect()
    }

    /// Every service id, for tests and tools that walk the whole pack.
    pub fn service_ids(&self) -> Result<Vec<String>, StoreError> {
        self.strings("SELECT id FROM service ORDER BY id", [])
    }
}
