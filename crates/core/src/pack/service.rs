//! A service: its page, its summary in lists, its places, and search results.

use rusqlite::OptionalExtension;

use super::schema::owner;
use super::{CityPack, StoreError};
use crate::content::Review;
use crate::l10n::LanguageChain;
use crate::link::is_safe_link;
use crate::model::*;
use crate::search::{SearchHit, SearchIndex};

/// A `place` row before its texts are resolved.
struct PlaceRow {
    position: usize,
    lat: f64,
    lon: f64,
    opening_hours: Option<String>,
    phone: Option<String>,
    closed_since: Option<String>,
    moved_to: Option<String>,
}

impl CityPack {
    /// Whether the service's pages carry Quick exit (`Service::sensitive`); an unknown id
    /// is not sensitive.
    pub fn service_is_sensitive(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self
            .value("SELECT sensitive FROM service WHERE id = ?1", id)?
            .unwrap_or(false))
    }

    pub fn service_summary(
        &self,
        id: &str,
        chain: &LanguageChain,
    ) -> Result<ServiceSummary, StoreError> {
        let texts = self.texts(&owner::service(id))?;
        let sample = self
            .value("SELECT sample FROM service WHERE id = ?1", id)?
            .unwrap_or(true);
        Ok(ServiceSummary {
            id: id.to_string(),
            name: texts.get("name", chain),
            summary: texts.get("summary", chain),
            sample,
        })
    }

    pub fn service(&self, id: &str, chain: &LanguageChain) -> Result<Option<Service>, StoreError> {
        type Row = (bool, Option<String>, Option<String>, bool);
        let row: Option<Row> = self
            .conn
            .query_row(
                "SELECT sample, checked, drafted, sensitive FROM service WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((sample, checked, drafted, sensitive)) = row else {
            return Ok(None);
        };
        let texts = self.texts(&owner::service(id))?;

        let places = self.places(id, chain)?;

        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT position, url FROM link WHERE service_id = ?1 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let link_rows: Vec<(usize, String)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(|e| self.err(e))?;
        // Links and sources a person could follow are kept only when safe (`is_safe_link`);
        // any other is left out, as a crafted pack may hold anything.
        let links = link_rows
            .into_iter()
            .filter(|(_, url)| is_safe_link(url))
            .map(|(pos, url)| {
                Ok(Link {
                    title: self.texts(&owner::link(id, pos))?.get("title", chain),
                    url,
                })
            })
            .collect::<Result<_, StoreError>>()?;

        let sources = self.sources(id, None)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT number FROM helpline WHERE service_id = ?1 ORDER BY position")
            .map_err(|e| self.err(e))?;
        let helplines = stmt
            .query_map([id], |r| r.get(0))
            .and_then(|rows| rows.collect::<Result<Vec<String>, _>>())
            .map_err(|e| self.err(e))?;

        let submenus = self
            .menu_paths(id, chain)?
            .into_iter()
            .map(|p| (p.submenu_id, p.submenu_name))
            .collect();

        Ok(Some(Service {
            id: id.to_string(),
            name: texts.get("name", chain),
            summary: texts.get("summary", chain),
            rights: texts.get("rights", chain),
            cost: texts.get("cost", chain),
            location_note: texts.pick("location", chain),
            bring: texts.pick("bring", chain),
            places,
            links,
            sources,
            helplines,
            checked,
            drafted,
            sample,
            sensitive,
            unreviewed: self.review(&owner::service(id), chain.reader())?
                == Some(Review::Unreviewed),
            submenus,
        }))
    }

    /// The places of a service, in their order in the content.
    pub fn places(
        &self,
        service_id: &str,
        chain: &LanguageChain,
    ) -> Result<Vec<Place>, StoreError> {
        let places = self.places_at(service_id, None, chain)?;
        Ok(places.into_iter().map(|(_, place)| place).collect())
    }

    /// The places of a service with their positions in its list (or only the one at
    /// position `only`), leaving out a row that cannot be read (a damaged or crafted pack),
    /// so one bad row hides one place, not the page.
    pub(crate) fn places_at(
        &self,
        service_id: &str,
        only: Option<usize>,
        chain: &LanguageChain,
    ) -> Result<Vec<(usize, Place)>, StoreError> {
        // Two statements, so that one place is looked up by its key, not found in a scan.
        let sql = match only {
            None => {
                "SELECT position, lat, lon, opening_hours, phone, closed_since, moved_to
                 FROM place WHERE service_id = ?1 ORDER BY position"
            }
            Some(_) => {
                "SELECT position, lat, lon, opening_hours, phone, closed_since, moved_to
                 FROM place WHERE service_id = ?1 AND position = ?2"
            }
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let read = |r: &rusqlite::Row| -> rusqlite::Result<PlaceRow> {
            Ok(PlaceRow {
                position: r.get(0)?,
                lat: r.get(1)?,
                lon: r.get(2)?,
                opening_hours: r.get(3)?,
                phone: r.get(4)?,
                closed_since: r.get(5)?,
                moved_to: r.get(6)?,
            })
        };
        let mut place_rows: Vec<PlaceRow> = Vec::new();
        let mut rows = match only {
            None => stmt.query(rusqlite::params![service_id]),
            Some(position) => stmt.query(rusqlite::params![service_id, position as i64]),
        }
        .map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            // A row of the wrong types is left out; an error reading the file is not.
            if let Ok(place) = read(row) {
                place_rows.push(place);
            }
        }
        place_rows
            .into_iter()
            .map(|row| {
                let t = self.texts(&owner::place(service_id, row.position))?;
                let place = Place {
                    name: t.get("name", chain),
                    address: t.get("address", chain),
                    lat: row.lat,
                    lon: row.lon,
                    opening_hours: row.opening_hours,
                    phone: row.phone,
                    sources: self.sources(service_id, Some(row.position))?,
                    closed_since: row.closed_since,
                    moved_to: match &row.moved_to {
                        Some(place_id) => self.moved_to(place_id, chain)?,
                        None => None,
                    },
                };
                Ok((row.position, place))
            })
            .collect()
    }

    /// The sources of a service as a whole and of its sections (`place` none), or of one
    /// of its places. Only safe links are kept (`is_safe_link`): a crafted pack may hold
    /// anything.
    fn sources(&self, service_id: &str, place: Option<usize>) -> Result<Vec<Source>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT url, title, read, sections FROM source
                 WHERE service_id = ?1 AND place IS ?2 ORDER BY position",
            )
            .map_err(|e| self.err(e))?;
        let sources: Vec<Source> = stmt
            .query_map(rusqlite::params![service_id, place], |r| {
                let sections: String = r.get(3)?;
                Ok(Source {
                    url: r.get(0)?,
                    title: r.get(1)?,
                    read: r.get(2)?,
                    sections: sections
                        .split(',')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect(),
                })
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.err(e))?;
        Ok(sources
            .into_iter()
            .filter(|s| is_safe_link(&s.url))
            .collect())
    }

    /// The place with `place_id` (unique in the city), as a moved place points at it.
    fn moved_to(
        &self,
        place_id: &str,
        chain: &LanguageChain,
    ) -> Result<Option<MovedTo>, StoreError> {
        let row: Option<(String, usize)> = self
            .conn
            .query_row(
                "SELECT service_id, position FROM place WHERE place_id = ?1",
                [place_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some((service_id, position)) = row else {
            return Ok(None);
        };
        let t = self.texts(&owner::place(&service_id, position))?;
        Ok(Some(MovedTo {
            service_id,
            name: t.get("name", chain),
            address: t.get("address", chain),
        }))
    }

    /// The best `k` services for `query`: those matching in the reader's language first, then
    /// those found only through another language (see `crate::search`).
    pub fn search_hits(
        &self,
        query: &str,
        reader: &str,
        k: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        SearchIndex::new(self.conn())
            .hits(query, reader, k)
            .map_err(|e| self.err(e))
    }

    /// Search results ready for a screen: each service in the reader's language, with its
    /// menu path and the language its match was found in.
    pub fn search(
        &self,
        query: &str,
        chain: &LanguageChain,
        k: usize,
    ) -> Result<Vec<SearchResult>, StoreError> {
        self.search_hits(query, chain.reader(), k)?
            .into_iter()
            .map(|hit| {
                let service: ServiceSummary = self.service_summary(&hit.service_id, chain)?;
                Ok(SearchResult {
                    path: self.menu_paths(&hit.service_id, chain)?,
                    in_reader_language: hit.lang == chain.reader(),
                    found_in: hit.lang,
                    service,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{craft, pack_of};
    use super::*;

    /// A crafted pack's links and sources with another scheme, a user name before the
    /// host, a look-alike host or spaces never reach the screen; https links do.
    #[test]
    fn only_safe_links_and_sources_are_read_from_a_pack() {
        let (_dir, path) = pack_of(1);
        craft(
            &path,
            "INSERT INTO link(service_id, position, url) VALUES
                 ('service-0', 1, 'javascript:alert(document.cookie)'),
                 ('service-0', 2, 'https://www.turkiye.gov.tr@evil.example/'),
                 ('service-0', 3, 'file:///etc/passwd'),
                 ('service-0', 4, 'data:text/html,<script>alert(1)</script>'),
                 ('service-0', 5, 'http://example.org/plain'),
                 ('service-0', 6, ' JavaScript:alert(1)'),
                 ('service-0', 7, 'https://example.org/ok'),
                 ('service-0', 8, 'https://evil.example\\@saglik.gov.tr/'),
                 ('service-0', 9, 'https://evil.example#@saglik.gov.tr'),
                 ('service-0', 10, 'https://%73aglik.gov.tr/'),
                 ('service-0', 11, 'https://192.168.1.1/saglik.gov.tr');
             INSERT INTO source(service_id, position, url, title) VALUES
                 ('service-0', 1, 'javascript:alert(1)', 'Bad'),
                 ('service-0', 2, 'tel:+901234', 'Call');",
        );
        let pack = CityPack::open(&path).unwrap();
        let chain = LanguageChain::new("en", pack.languages());
        let service = pack.service("service-0", &chain).unwrap().unwrap();
        let links: Vec<&str> = service.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            links,
            ["https://example.org/0/page", "https://example.org/ok"]
        );
        let sources: Vec<&str> = service.sources.iter().map(|s| s.url.as_str()).collect();
        assert_eq!(sources, ["https://example.org/0"]);
    }
}
