//! How the app starts: the stores it opens (or why it could not), the first route, the
//! person's language preferences and whatever the [`Config`] fixed. Built once, before the
//! first render; the running app's state is in `state.rs`.

#[cfg(not(target_arch = "wasm32"))]
use std::path::PathBuf;
use std::rc::Rc;

use merhaba_core::l10n::{negotiate, UI_LANGUAGES};
use merhaba_core::{CityPack, Position, UserStore};

#[cfg(not(target_arch = "wasm32"))]
use crate::config::Config;
use crate::intake::Intake;
use crate::located::{Located, PositionSource};
use crate::platform;
use crate::update_state::UpdateState;

/// The Aydın pack, built from `content/aydin/` by build.rs, with its city id and version.
/// The web app does not embed it: its pack is a file of the site (`Boot::from_release`).
#[cfg(not(target_arch = "wasm32"))]
pub const EMBEDDED_PACK: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/aydin.sqlite"));
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED_CITY: &str = env!("MERHABA_PACK_CITY");
#[cfg(not(target_arch = "wasm32"))]
const EMBEDDED_VERSION: &str = env!("MERHABA_PACK_VERSION");

#[cfg(not(target_arch = "wasm32"))]
fn embedded_version() -> u64 {
    EMBEDDED_VERSION.parse().unwrap_or(0)
}

/// Installs the embedded pack into `packs` unless a pack as new is there (the base that
/// content updates install over). Run by the update check, off the screen's thread.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_embedded(packs: &std::path::Path) -> Result<(), String> {
    merhaba_core::open_or_install(packs, EMBEDDED_CITY, embedded_version(), EMBEDDED_PACK)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// The stores as opened at start. Once the guide runs, the pack lives in a signal of the
/// app state (a content update replaces it there).
pub struct Stores {
    pub pack: Rc<CityPack>,
    pub user: Rc<UserStore>,
}

impl Stores {
    pub fn new(pack: CityPack, user: UserStore) -> Stores {
        Stores {
            pack: Rc::new(pack),
            user: Rc::new(user),
        }
    }
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
    /// Where content updates come from; none means this build does not update.
    feed_url: Option<String>,
    /// What Settings says about updates before any check (tests of each state).
    update_state: UpdateState,
    /// Which languages "Listen" can read.
    voices: Voices,
    /// Today in the city, when fixed (rendering tests); otherwise the clock's.
    today: Option<chrono::NaiveDate>,
    /// Starts in intake mode (rendering tests).
    intake: Option<Intake>,
}

/// Where the voices for "Listen" come from: the device's speech engine, or a fixed list of
/// languages (rendering tests, which must not start an engine).
#[derive(Clone, Debug, PartialEq)]
pub enum Voices {
    Device,
    Only(Vec<String>),
}

impl Voices {
    /// Whether a voice reads `lang` (a content language code).
    pub fn read(&self, lang: &str) -> bool {
        match self {
            Voices::Device => platform::speech::can_read(lang),
            Voices::Only(langs) => langs.iter().any(|l| l == lang),
        }
    }
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
    /// The real app as `config` describes it.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_config(config: &Config) -> Boot {
        let mut boot = Boot::from_data_dir(config.data_dir.clone());
        boot.feed_url = config.feed_url.clone();
        boot.voices = Voices::Device;
        if let Some(position) = config.position {
            boot = boot.at_position(position);
        }
        match &config.start_route {
            Some(route) => boot.at(route),
            None => boot,
        }
    }

    /// Opens the stores in the data folder: the installed pack when it is as new as the
    /// embedded one, else the embedded pack itself, from memory. Copying it into the data
    /// folder (a write, an fsync and a check of 800 KB) waits for the first content update
    /// check, which needs it there ([`install_embedded`]), so it never delays the first frame.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_data_dir(data_dir: PathBuf) -> Boot {
        let stores = (|| {
            let packs = data_dir.join("packs");
            let pack = match merhaba_core::open_installed(&packs, EMBEDDED_CITY, embedded_version())
            {
                Some(pack) => pack,
                None => CityPack::from_bytes(
                    EMBEDDED_PACK,
                    &merhaba_core::pack_path(&packs, EMBEDDED_CITY),
                )
                .map_err(|e| e.to_string())?,
            };
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

    /// The web app: the site's pack as loaded (or why it could not be), and the settings
    /// kept in browser storage. The start route is the page address's (`#/service/...`).
    #[cfg(target_arch = "wasm32")]
    pub fn from_release(loaded: Result<(merhaba_core::release::Release, Vec<u8>), String>) -> Boot {
        use crate::platform::web;
        let stores = loaded.and_then(|(release, bytes)| {
            let pack = CityPack::from_bytes(&bytes, std::path::Path::new(&release.pack))
                .map_err(|e| e.to_string())?;
            Ok(Stores::new(pack, web::user_store()?))
        });
        Boot {
            updates: true,
            voices: Voices::Device,
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
            feed_url: None,
            update_state: Default::default(),
            voices: Voices::Only(Vec::new()),
            today: None,
            intake: None,
        }
    }

    /// Starts in intake mode with the client reading `client` (rendering tests).
    pub fn in_intake(mut self, client: &'static str, slip: &[&str]) -> Boot {
        self.intake = Some(Intake {
            client: Some(client),
            slip: slip.iter().map(|s| s.to_string()).collect(),
            ..Intake::default()
        });
        self
    }

    pub(crate) fn initial_intake(&self) -> Option<Intake> {
        self.intake.clone()
    }

    /// Starts on a fixed day (rendering tests of "may be out of date").
    pub fn on_day(mut self, today: chrono::NaiveDate) -> Boot {
        self.today = Some(today);
        self
    }

    pub(crate) fn today(&self) -> Option<chrono::NaiveDate> {
        self.today
    }

    /// Starts as if the device had voices for exactly `langs` (rendering tests).
    pub fn with_voices(mut self, langs: &[&str]) -> Boot {
        self.voices = Voices::Only(langs.iter().map(|l| l.to_string()).collect());
        self
    }

    pub(crate) fn voices(&self) -> Voices {
        self.voices.clone()
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
    pub fn update_state(mut self, state: UpdateState) -> Boot {
        self.update_state = state;
        self
    }

    pub(crate) fn initial_update_state(&self) -> UpdateState {
        self.update_state.clone()
    }

    pub(crate) fn checks_updates(&self) -> bool {
        self.updates
    }

    pub(crate) fn feed_url(&self) -> Option<String> {
        self.feed_url.clone()
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
        saved.unwrap_or_else(|| self.device_language())
    }

    /// The device's language where we have it: all there is to go on when no store opened.
    pub(crate) fn device_language(&self) -> &'static str {
        negotiate(&self.device_languages)
    }
}
