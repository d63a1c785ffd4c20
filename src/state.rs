//! What every screen shares: the open stores, the chosen language and its UI strings.

use std::path::PathBuf;
use std::rc::Rc;

use dioxus::prelude::*;
use merhaba_core::l10n::{negotiate, UI_LANGUAGES};
use merhaba_core::{open_or_install, CityPack, LanguageChain, Localizer, UserStore};

use crate::platform;

/// The Aydın pack, built from `content/aydin/` by build.rs, with its city id and version.
pub const EMBEDDED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/aydin.sqlite"));
const EMBEDDED_CITY: &str = env!("MERHABA_PACK_CITY");
const EMBEDDED_VERSION: &str = env!("MERHABA_PACK_VERSION");

/// The stores the app reads and writes.
pub struct Stores {
    pub pack: CityPack,
    pub user: UserStore,
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
            Ok(Stores { pack, user })
        })();
        Boot::new(stores, platform::device_languages())
    }

    pub fn new(stores: Result<Stores, String>, device_languages: Vec<String>) -> Boot {
        Boot {
            stores: stores.map(Rc::new),
            start: "/".into(),
            device_languages,
            isolate: true,
        }
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
}

impl AppState {
    pub(crate) fn new(stores: Rc<Stores>, lang: Signal<&'static str>, isolate: bool) -> AppState {
        let localizers = UI_LANGUAGES
            .iter()
            .map(|(code, _, _)| Localizer::new(code, isolate))
            .collect();
        AppState {
            stores,
            localizers: Rc::new(localizers),
            lang,
        }
    }

    pub fn pack(&self) -> &CityPack {
        &self.stores.pack
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
