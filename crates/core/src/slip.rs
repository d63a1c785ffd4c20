//! The slip a client takes home from the intake desk, as data: for each chosen service its
//! name, what to bring, address, opening hours, phone and a code to scan, in the client's
//! language with the city's own language beside it, the guide's date and a warning on
//! unchecked entries. `merhaba-slip` lays it out and renders it (PDF and PNG); the pack
//! builds it (`CityPack::slip`).

use serde::Serialize;

use crate::l10n::{Direction, LanguageChain, Localizer};
use crate::model::{Place, Service, Text};
use crate::pack::{CityPack, StoreError};

/// One text in the two languages of a slip.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// In the client's language (or the language it fell back to).
    pub client: String,
    /// In the city's own language, for the office the client shows the slip to. Equal to
    /// `client` when the client reads the city's language.
    pub local: String,
}

/// A language of the slip: its code and whether it is written right to left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SlipLanguage {
    pub code: String,
    pub rtl: bool,
}

/// What the slip's labels say, in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SlipLabels {
    /// The heading: "Where to go" with the city's name.
    pub title: Pair,
    pub bring: Pair,
    pub address: Pair,
    pub hours: Pair,
    pub phone: Pair,
    /// Said under an entry that no editor has checked yet.
    pub sample: Pair,
    /// "Merhaba city guide, as of 28 November 2026".
    pub as_of: Pair,
    /// Under the code: what scanning it opens.
    pub scan_map: Pair,
    pub scan_web: Pair,
}

/// One service on the slip.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlipItem {
    pub service_id: String,
    pub name: Pair,
    pub bring: Option<Pair>,
    /// The first place the service is still at.
    pub place: Option<Pair>,
    pub address: Option<Pair>,
    /// As the content writes them (OpenStreetMap `opening_hours`), left to right.
    pub hours: Option<String>,
    /// The place's own number, or else the service's helpline.
    pub phone: Option<String>,
    /// What the code opens: the place's `geo:` position, or else the service's first web page.
    pub qr: Option<String>,
    /// No editor has checked the entry yet.
    pub sample: bool,
}

/// A whole slip, ready to lay out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Slip {
    pub client: SlipLanguage,
    pub local: SlipLanguage,
    pub labels: SlipLabels,
    pub items: Vec<SlipItem>,
}

impl Slip {
    /// Whether the client reads the city's own language: then the slip has one column.
    pub fn single_language(&self) -> bool {
        self.client.code == self.local.code
    }
}

/// The most services on one slip: more would not fit one page in large enough type.
pub const SLIP_MAX_ITEMS: usize = 5;

impl Slip {
    /// The slip for `service_ids` (in that order; unknown ids are left out) in `client_lang`
    /// beside the city's own language, from `pack`.
    pub fn build(
        pack: &CityPack,
        service_ids: &[String],
        client_lang: &str,
    ) -> Result<Slip, StoreError> {
        let client = Localizer::new(client_lang, false);
        let client_chain = LanguageChain::new(client.lang(), pack.languages());
        let city = pack.city(&client_chain)?;
        let local = Localizer::new(&city.local_language, false);
        let local_chain = LanguageChain::new(local.lang(), pack.languages());
        let local_city = pack.city(&local_chain)?;
        let pair = |key: &str| Pair {
            client: client.t(key),
            local: local.t(key),
        };
        let labels = SlipLabels {
            title: Pair {
                client: client.t_args("slip-title", &[("city", city.name.value.clone().into())]),
                local: local.t_args(
                    "slip-title",
                    &[("city", local_city.name.value.clone().into())],
                ),
            },
            bring: pair("slip-bring"),
            address: pair("place-address"),
            hours: pair("place-hours"),
            phone: pair("slip-phone"),
            sample: pair("slip-sample"),
            as_of: Pair {
                client: client.t_args(
                    "slip-as-of",
                    &[("date", client.date(&city.build_date).into())],
                ),
                local: local.t_args(
                    "slip-as-of",
                    &[("date", local.date(&city.build_date).into())],
                ),
            },
            scan_map: pair("slip-scan-map"),
            scan_web: pair("slip-scan-web"),
        };
        let mut items = Vec::new();
        for id in service_ids {
            let (Some(theirs), Some(ours)) = (
                pack.service(id, &client_chain)?,
                pack.service(id, &local_chain)?,
            ) else {
                continue;
            };
            items.push(SlipItem::of(&theirs, &ours));
        }
        Ok(Slip {
            client: SlipLanguage::of(&client),
            local: SlipLanguage::of(&local),
            labels,
            items,
        })
    }
}

impl SlipLanguage {
    fn of(l: &Localizer) -> SlipLanguage {
        SlipLanguage {
            code: l.lang().to_string(),
            rtl: l.direction() == Direction::Rtl,
        }
    }
}

impl SlipItem {
    /// One service, from its page in the client's language and in the city's own.
    fn of(theirs: &Service, ours: &Service) -> SlipItem {
        let both = |a: &Text, b: &Text| Pair {
            client: a.value.clone(),
            local: b.value.clone(),
        };
        let open = |s: &Service| s.places.iter().find(|p| !p.is_closed()).cloned();
        let (place, local_place) = (open(theirs), open(ours));
        let places = place.as_ref().zip(local_place.as_ref());
        SlipItem {
            service_id: theirs.id.clone(),
            name: both(&theirs.name, &ours.name),
            bring: theirs
                .bring
                .as_ref()
                .zip(ours.bring.as_ref())
                .map(|(a, b)| both(a, b)),
            place: places.map(|(a, b)| both(&a.name, &b.name)),
            address: places.map(|(a, b)| both(&a.address, &b.address)),
            hours: place.as_ref().and_then(|p| p.opening_hours.clone()),
            phone: place
                .as_ref()
                .and_then(|p| p.phone.clone())
                .or_else(|| theirs.helplines.first().cloned()),
            qr: place
                .as_ref()
                .map(Place::geo_uri)
                .or_else(|| theirs.links.first().map(|l| l.url.clone())),
            sample: theirs.sample,
        }
    }
}
