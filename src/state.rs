//! What every screen shares: the open stores, the chosen language and its UI strings, and
//! where the person is (for this session only).

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use dioxus::prelude::*;
use merhaba_core::l10n::{negotiate, UI_LANGUAGES};
use merhaba_core::{
    open_or_install, CityArea, CityClock, CityPack, LanguageChain, Localizer, NearbyIndex,
    Position, Text, UserStore,
};

use crate::platform;
use crate::platform::position::Fix;

/// The Aydın pack, built from `content/aydin/` by build.rs, with its city id and version.
pub const EMBEDDED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/aydin.sqlite"));
const EMBEDDED_CITY: &str = env!("MERHABA_PACK_CITY");
const EMBEDDED_VERSION: &str = env!("MERHABA_PACK_VERSION");

/// The stores the app reads and writes.
pub struct Stores {
    /// Replaced when a content update installs a new version.
    pack: RefCell<Rc<CityPack>>,
    pub user: UserStore,
    /// Built the first time Nearby opens, from the pack; dropped when the pack changes.
    nearby: RefCell<Option<Result<Rc<NearbyData>, String>>>,
}

impl Stores {
    pub fn new(pack: CityPack, user: UserStore) -> Stores {
        Stores {
            pack: RefCell::new(Rc::new(pack)),
            user,
            nearby: RefCell::new(None),
        }
    }

    /// The folder the packs are installed in, where content updates install too.
    pub fn packs_dir(&self) -> PathBuf {
        let pack = self.pack.borrow();
        pack.path().parent().map(PathBuf::from).unwrap_or_default()
    }

    /// The id of the city whose pack is in use (read without subscribing anything).
    pub fn city_id(&self) -> Option<String> {
        self.pack.borrow().meta("city").ok()
    }

    /// Opens the pack that an update just installed in place of the one in use.
    fn reopen(&self) -> Result<(), String> {
        let path = self.pack.borrow().path().to_path_buf();
        let pack = CityPack::open(&path).map_err(|e| e.to_string())?;
        *self.pack.borrow_mut() = Rc::new(pack);
        *self.nearby.borrow_mut() = None;
        Ok(())
    }
}

/// What the Nearby screen needs from the pack beyond texts.
pub struct NearbyData {
    pub clock: CityClock,
    pub index: NearbyIndex,
    pub area: CityArea,
}

/// Where the person is, as far as this session knows. Never stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Located {
    /// Nearby has not asked the device yet.
    NotAsked,
    Asking,
    At {
        position: Position,
        how: PositionSource,
    },
    /// The device gave no position; the screen offers the manual choice.
    Failed(Fix),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PositionSource {
    Device,
    /// `--position` or `MERHABA_POSITION`.
    Fixed,
    /// A district or landmark the person picked.
    Picked(Text),
    Map,
}

/// Two handles are equal when they are the same open stores (Dioxus props must compare).
impl PartialEq for Stores {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// How the app starts: its stores (or why they could not be opened), the first route and
/// the person's language preferences. Compared by identity, as Dioxus props must be.
#[derive(Clone)]
pub struct Boot {
    stores: Result<Rc<Stores>, String>,
    start: String,
    device_languages: Vec<String>,
    isolate: bool,
    located: Located,
    /// Whether to check the feed at start (the real app; not rendering tests).
    updates: bool,
    /// What Settings says about updates before any check (tests of each state).
    update_state: crate::updates::UpdateState,
}

impl PartialEq for Boot {
    fn eq(&self, other: &Self) -> bool {
        let same_stores = match (&self.stores, &other.stores) {
            (Ok(a), Ok(b)) => Rc::ptr_eq(a, b),
            (Err(a), Err(b)) => a == b,
            _ => false,
        };
        same_stores && self.start == other.start
    }
}

impl Boot {
    /// Installs the embedded pack into the data folder if needed and opens the stores there.
    pub fn from_data_dir(data_dir: PathBuf) -> Boot {
        let stores = (|| {
            // The embedded pack is copied once: only when no pack of its version or a newer
            // one (for example from a content update) is installed.
            let version = EMBEDDED_VERSION.parse().unwrap_or(0);
            let pack = open_or_install(
                &data_dir.join("packs"),
                EMBEDDED_CITY,
                version,
                EMBEDDED_PACK,
            )
            .map_err(|e| e.to_string())?;
            let user_path = data_dir.join("user.sqlite");
            let user =
                UserStore::open(&user_path).map_err(|e| format!("{}: {e}", user_path.display()))?;
            Ok(Stores::new(pack, user))
        })();
        Boot {
            updates: true,
            ..Boot::new(stores, platform::device_languages())
        }
    }

    pub fn new(stores: Result<Stores, String>, device_languages: Vec<String>) -> Boot {
        Boot {
            stores: stores.map(Rc::new),
            start: "/".into(),
            device_languages,
            isolate: true,
            located: Located::NotAsked,
            updates: false,
            update_state: Default::default(),
        }
    }

    /// Starts from a fixed position (tests and demos) instead of asking the device.
    pub fn at_position(mut self, position: Position) -> Boot {
        self.located = Located::At {
            position,
            how: PositionSource::Fixed,
        };
        self
    }

    /// Starts as if the device had already answered (tests of the refused state).
    pub fn located(mut self, located: Located) -> Boot {
        self.located = located;
        self
    }

    pub(crate) fn initial_location(&self) -> Located {
        self.located.clone()
    }

    /// Starts at another route (tests and deep links).
    pub fn at(mut self, path: &str) -> Boot {
        self.start = path.to_string();
        self
    }

    /// Turns Unicode isolation marks off, so tests can compare plain strings.
    pub fn without_isolation_marks(mut self) -> Boot {
        self.isolate = false;
        self
    }

    pub(crate) fn stores(&self) -> Result<Rc<Stores>, String> {
        self.stores.clone()
    }

    pub(crate) fn start(&self) -> String {
        self.start.clone()
    }

    /// Starts as if an update check had ended in `state` (tests of Settings).
    pub fn update_state(mut self, state: crate::updates::UpdateState) -> Boot {
        self.update_state = state;
        self
    }

    pub(crate) fn initial_update_state(&self) -> crate::updates::UpdateState {
        self.update_state.clone()
    }

    pub(crate) fn checks_updates(&self) -> bool {
        self.updates
    }

    pub(crate) fn isolate_marks(&self) -> bool {
        self.isolate
    }

    /// The saved choice if there is one, else the device's language where we have it.
    pub(crate) fn initial_language(&self) -> &'static str {
        let saved = match &self.stores {
            Ok(stores) => stores.user.language().ok().flatten(),
            Err(_) => None,
        };
        let saved =
            saved.and_then(|lang| UI_LANGUAGES.iter().map(|(c, _, _)| *c).find(|c| *c == lang));
        saved.unwrap_or_else(|| negotiate(&self.device_languages))
    }
}

/// Shared by every screen through the context; `use_app()` fetches it.
#[derive(Clone)]
pub struct AppState {
    stores: Rc<Stores>,
    localizers: Rc<Vec<Localizer>>,
    lang: Signal<&'static str>,
    /// Where the person is: in memory for this session only.
    pub located: Signal<Located>,
    /// Bumped when an update installs a new pack; every screen reading the pack follows.
    content: Signal<u64>,
    /// Content updates: what the last check did, for Settings.
    pub updates: Signal<crate::updates::UpdateState>,
}

impl AppState {
    pub(crate) fn new(
        stores: Rc<Stores>,
        lang: Signal<&'static str>,
        located: Signal<Located>,
        updates: Signal<crate::updates::UpdateState>,
        isolate: bool,
    ) -> AppState {
        let localizers = UI_LANGUAGES
            .iter()
            .map(|(code, _, _)| Localizer::new(code, isolate))
            .collect();
        AppState {
            stores,
            localizers: Rc::new(localizers),
            lang,
            located,
            content: Signal::new(0),
            updates,
        }
    }

    pub fn stores(&self) -> &Stores {
        &self.stores
    }

    /// After an update installed a new version: every screen shows it from now on.
    pub fn reload_pack(&mut self) -> Result<(), String> {
        self.stores.reopen()?;
        *self.content.write() += 1;
        Ok(())
    }

    /// The clock, spatial index and area of the pack, built once.
    pub fn nearby(&self) -> Result<Rc<NearbyData>, String> {
        let pack = self.pack();
        self.stores
            .nearby
            .borrow_mut()
            .get_or_insert_with(|| {
                let build = || -> Result<NearbyData, merhaba_core::StoreError> {
                    let clock = pack.clock()?;
                    Ok(NearbyData {
                        index: pack.nearby_index(&clock)?,
                        area: pack.area()?,
                        clock,
                    })
                };
                build().map(Rc::new).map_err(|e| e.to_string())
            })
            .clone()
    }

    /// The city pack in use; reading it subscribes the calling component to updates.
    pub fn pack(&self) -> Rc<CityPack> {
        let _ = (self.content)();
        self.stores.pack.borrow().clone()
    }

    /// The reader's language; reading it subscribes the calling component to changes.
    pub fn lang(&self) -> &'static str {
        (self.lang)()
    }

    /// UI strings in the reader's language.
    pub fn l10n(&self) -> &Localizer {
        let lang = self.lang();
        self.localizers
            .iter()
            .find(|l| l.lang() == lang)
            .unwrap_or(&self.localizers[0])
    }

    /// The order in which content translations are tried for the reader.
    pub fn chain(&self) -> LanguageChain {
        LanguageChain::new(self.lang(), self.pack().languages())
    }

    /// Switches the whole app to `lang` at once and remembers the choice.
    pub fn set_lang(&mut self, lang: &'static str) -> Result<(), String> {
        self.lang.set(lang);
        self.stores
            .user
            .set_language(lang)
            .map_err(|e| e.to_string())
    }
}

pub fn use_app() -> AppState {
    use_context::<AppState>()
}
