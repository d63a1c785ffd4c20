//! `export-hsds`: a city's content as Open Referral HSDS 3.0 JSON, so other directories and
//! referral tools can reuse it (docs/content-format.md, "Mapping to Open Referral HSDS 3.0").
//!
//! # Form
//! HSDS 3.0's canonical form is dereferenced JSON, and its schemas define objects, not files:
//! the one to publish is the service with everything nested (`schema/compiled/service.json`,
//! what the HSDS API's `GET /services/{id}` returns). HSDS is single-language, so there is one
//! export per language of the city's `languages` (partial languages would mix languages and
//! are left out):
//!
//! - `<out>/<lang>/services/<service id>.json`: one service each, with its `organization`,
//!   `phones`, `service_at_locations` (each with its `location`, the location's `phones` and
//!   `schedules`), `cost_options` and `attributes`;
//! - `<out>/<lang>/services.json`: all of them as one HSDS API `Page` (as `GET /services?full=true`
//!   answers: `contents` plus `total_items`, `page_number`, …).
//!
//! # Ids
//! HSDS ids are UUIDs: UUIDv5 (URL namespace) of `urn:merhaba:<city>:<kind>:<our key>`, so a
//! re-export gives the same ids and every language's export the same id for the same thing.
//! A place is keyed by its `id` when it has one, else by its service and position.
//!
//! # Mapping
//! - service: `name`; `description` ← summary, rights and the location note as paragraphs;
//!   `fees_description` and one `cost_option` (`amount_description`) ← cost; `url` ← the first
//!   link; `status` = `active`; `assured_date` ← `checked`; `alert` ← the app's own notice for
//!   a sample and for an unreviewed translation; `attributes` ← menus, as taxonomy terms of the
//!   guide's menu (category → submenu).
//! - `helpline` numbers → the service's `phones` (not a location's: a national line is not
//!   the office). A place's own `phone` → its location's `phones`.
//! - place → `location` (`physical`, name, coordinates, address text as `description`: HSDS
//!   `address` objects need a postal code and street fields the content does not have) with
//!   `opening_hours` as `schedules` (see `schedule`) and a `service_at_location`.
//! - a place the service has left (`closed_since` or `moved_to`) gets no `service_at_location`,
//!   so no tool sends anyone to the empty building; it is still exported, without phone or
//!   hours, among the organization's `locations`, its description saying (with the app's own
//!   words) since when it is closed and where the service went.
//! - organization: one for the guide, as the services' publisher (the content does not name
//!   the institution behind each service); `email` ← `report_to` when it is a `mailto:`.
//!
//! Not mapped: `languages` (the content says which languages the guide is written in, not
//! which ones each service is delivered in: exporting them would promise interpreters), the
//! other links, the sources (HSDS `metadata` is a change log, not a citation), and partial
//! languages.

mod schedule;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use chrono::{Datelike, Offset, TimeZone};
use merhaba_core::{Direction, Localizer};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::source::{PlaceSource, Review, ServiceFile, Translations};
use crate::ContentSource;

pub use schedule::{weekly, Span};

/// What an export wrote.
#[derive(Clone, Debug)]
pub struct Exported {
    pub languages: Vec<String>,
    pub services: usize,
    pub locations: usize,
    pub files: usize,
}

/// Writes the HSDS export of `source` as the folder `out`: `<lang>/services.json` and
/// `<lang>/services/<id>.json` for each complete language. The folder is replaced whole
/// (`crate::folder`): a failed or killed export leaves the last one as it was, and a
/// deleted service does not linger.
pub fn export(source: &ContentSource, out: &Path) -> anyhow::Result<Exported> {
    crate::folder::replace_whole(out, |staging| write_export(source, staging))
}

fn write_export(source: &ContentSource, out: &Path) -> anyhow::Result<Exported> {
    let city = &source.city.value;
    let mut exported = Exported {
        languages: city.languages.clone(),
        services: source.services.len(),
        locations: 0,
        files: 0,
    };
    for lang in &city.languages {
        let services = services(source, lang);
        let dir = out.join(lang).join("services");
        std::fs::create_dir_all(&dir).with_context(|| dir.display().to_string())?;
        for (file, service) in source.services.iter().zip(&services) {
            write(&dir.join(format!("{}.json", file.value.id)), service)?;
        }
        exported.locations = services.iter().map(count_locations).sum();
        let n = services.len();
        let page = json!({
            "total_items": n, "total_pages": 1, "page_number": 1, "size": n,
            "first_page": true, "last_page": true, "empty": n == 0, "contents": services,
        });
        write(&out.join(lang).join("services.json"), &page)?;
        exported.files += n + 1;
    }
    Ok(exported)
}

/// Every service of the city in `lang`, in file-name order.
pub fn services(source: &ContentSource, lang: &str) -> Vec<Value> {
    let city = &source.city.value;
    let rtl = Direction::of(lang) == Direction::Rtl;
    let cx = Ctx {
        city: &city.id,
        lang,
        l10n: Localizer::new(lang, rtl),
        utc_offset: utc_offset(&city.timezone),
        time_zone: &city.timezone,
        places: source
            .services
            .iter()
            .flat_map(|s| &s.value.place)
            .filter_map(|p| Some((p.id.as_deref()?, p)))
            .collect(),
        categories: source
            .categories
            .value
            .category
            .iter()
            .flat_map(|c| {
                c.submenu
                    .iter()
                    .map(move |s| (format!("{}/{}", c.id, s.id), (c, s)))
            })
            .map(|(menu, (c, s))| (menu, (&c.name, &s.name)))
            .collect(),
    };
    let organization = cx.organization(city.name.get(lang), city.report_to.as_deref());
    source
        .services
        .iter()
        .map(|s| cx.service(&s.value, &organization))
        .collect()
}

struct Ctx<'a> {
    city: &'a str,
    lang: &'a str,
    l10n: Localizer,
    utc_offset: Option<i32>,
    time_zone: &'a str,
    /// Places that have an `id`, for `moved_to`.
    places: BTreeMap<&'a str, &'a PlaceSource>,
    /// `category/submenu` → (category name, submenu name).
    categories: BTreeMap<String, (&'a Translations, &'a Translations)>,
}

impl Ctx<'_> {
    /// The stable UUID of one of our things.
    fn id(&self, kind: &str, key: &str) -> String {
        let name = format!("urn:merhaba:{}:{kind}:{key}", self.city);
        Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
    }

    fn text<'t>(&self, t: &'t Translations) -> &'t str {
        t.get(self.lang).map_or("", String::as_str)
    }

    fn organization(&self, city_name: Option<&String>, report_to: Option<&str>) -> Value {
        let city_name = city_name.map_or(self.city, String::as_str);
        let mut org = json!({
            "id": self.id("organization", "guide"),
            "name": format!("{} · {city_name}", self.l10n.t("app-name")),
            "description": format!("{}: {city_name}", self.l10n.t("settings-content")),
        });
        let email = report_to
            .and_then(|r| r.strip_prefix("mailto:"))
            .map(|r| r.split('?').next().unwrap_or_default())
            .filter(|e| e.contains('@') && !e.contains(char::is_whitespace));
        if let Some(email) = email {
            org["email"] = json!(email);
        }
        org
    }

    fn service(&self, s: &ServiceFile, organization: &Value) -> Value {
        let sid = self.id("service", &s.id);
        let description = [Some(&s.summary), Some(&s.rights), s.location.as_ref()]
            .into_iter()
            .flatten()
            .map(|t| self.text(t))
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
        let mut alerts = Vec::new();
        if s.sample {
            alerts.push(self.l10n.t("sample-notice"));
        }
        if s.translation.get(self.lang) == Some(&Review::Unreviewed) {
            alerts.push(self.l10n.t("translation-unreviewed"));
        }
        let phones: Vec<Value> = s
            .helpline
            .iter()
            .map(|number| {
                json!({
                    "id": self.id("phone", &format!("{}/helpline/{number}", s.id)),
                    "service_id": sid,
                    "number": number,
                    "type": "voice",
                    "description": self.l10n.t_args("helpline", &[("number", number.as_str().into())]),
                })
            })
            .collect();
        let mut service_at_locations = Vec::new();
        let mut closed = Vec::new();
        for (n, place) in s.place.iter().enumerate() {
            let key = place
                .id
                .clone()
                .unwrap_or_else(|| format!("{}/place/{n}", s.id));
            let location = self.location(&key, place);
            if place.has_left() {
                closed.push(location);
            } else {
                service_at_locations.push(json!({
                    "id": self.id("service_at_location", &format!("{}@{key}", s.id)),
                    "service_id": sid,
                    "location_id": location["id"],
                    "location": location,
                }));
            }
        }
        let mut organization = organization.clone();
        if !closed.is_empty() {
            organization["locations"] = json!(closed);
        }
        let attributes: Vec<Value> = s
            .menus
            .iter()
            .filter_map(|m| self.attribute(&sid, m))
            .collect();
        let mut service = json!({
            "id": sid,
            "organization_id": organization["id"],
            "name": self.text(&s.name),
            "description": description,
            "status": "active",
            "fees_description": self.text(&s.cost),
            "phones": phones,
            "service_at_locations": service_at_locations,
            "organization": organization,
            "cost_options": [{
                "id": self.id("cost_option", &s.id),
                "service_id": sid,
                "amount_description": self.text(&s.cost),
            }],
            "attributes": attributes,
        });
        if let Some(link) = s.link.first() {
            service["url"] = json!(link.url);
        }
        if let (false, Some(checked)) = (s.sample, &s.checked) {
            service["assured_date"] = json!(checked);
        }
        if !alerts.is_empty() {
            service["alert"] = json!(alerts.join("\n\n"));
        }
        service
    }

    fn location(&self, key: &str, place: &PlaceSource) -> Value {
        let lid = self.id("location", key);
        let mut description = self.text(&place.address).to_string();
        let mut location = json!({
            "id": lid,
            "location_type": "physical",
            "name": self.text(&place.name),
            "latitude": place.lat,
            "longitude": place.lon,
        });
        if place.has_left() {
            let closed = place.closed_since.as_ref().map(|since| {
                let date = self.l10n.date(since);
                self.l10n.t_args("place-closed", &[("date", date.into())])
            });
            let moved = place.moved_to.as_deref().and_then(|id| self.places.get(id));
            let moved = moved.map(|to| {
                let name = self.text(&to.name).to_string();
                self.l10n.t_args("place-moved", &[("place", name.into())])
            });
            let note: Vec<String> = closed.into_iter().chain(moved).collect();
            if !note.is_empty() {
                description = format!("{description}\n\n{}", note.join(" "));
            }
        } else {
            if let Some(number) = &place.phone {
                location["phones"] = json!([{
                    "id": self.id("phone", key),
                    "location_id": lid,
                    "number": number,
                    "type": "voice",
                }]);
            }
            if let Some(hours) = &place.opening_hours {
                let id = |n: usize| self.id("schedule", &format!("{key}/{n}"));
                location["schedules"] = json!(schedule::schedules(
                    hours,
                    &lid,
                    id,
                    self.utc_offset,
                    self.time_zone
                ));
            }
        }
        location["description"] = json!(description);
        location
    }

    /// The service's place in the guide's menu: a taxonomy term (the submenu) whose parent
    /// is the category's term.
    fn attribute(&self, service_id: &str, menu: &str) -> Option<Value> {
        let (category, submenu) = self.categories.get(menu)?;
        let (category_id, _) = menu.split_once('/')?;
        let term_id = self.id("taxonomy_term", menu);
        Some(json!({
            "id": self.id("attribute", &format!("{service_id}/{menu}")),
            "link_id": service_id,
            "link_entity": "service",
            "taxonomy_term_id": term_id,
            "taxonomy_term": {
                "id": term_id,
                "code": menu,
                "name": self.text(submenu),
                "description": self.text(category),
                "parent_id": self.id("taxonomy_term", category_id),
                "taxonomy": format!("merhaba:{}:menu", self.city),
                "language": self.lang,
            },
        }))
    }
}

/// The city's offset from UTC in seconds, when it is the same in January and July of this
/// year (no daylight saving time); HSDS schedules can state only one.
fn utc_offset(time_zone: &str) -> Option<i32> {
    let tz: chrono_tz::Tz = time_zone.parse().ok()?;
    let year = chrono::Utc::now().year();
    let offset = |month| {
        let at = chrono::NaiveDate::from_ymd_opt(year, month, 15)?.and_hms_opt(12, 0, 0)?;
        Some(tz.offset_from_utc_datetime(&at).fix().local_minus_utc())
    };
    let january = offset(1)?;
    (offset(7)? == january).then_some(january)
}

fn count_locations(service: &Value) -> usize {
    let open = service["service_at_locations"]
        .as_array()
        .map_or(0, Vec::len);
    let closed = service["organization"]["locations"]
        .as_array()
        .map_or(0, Vec::len);
    open + closed
}

fn write(path: &Path, value: &Value) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}
