//! What every screen shares, as signals: the city pack in use, the chosen language and its
//! UI strings, where the person is (for this session only) and what content updates did.
//! Reading one subscribes the reading component, so a new pack or language redraws exactly
//! the screens that use it.

use std::cell::OnceCell;
use std::rc::Rc;

use dioxus::prelude::*;
use merhaba_core::l10n::UI_LANGUAGES;
use merhaba_core::{CityPack, LanguageChain, Localizer, NearbyData, UserStore};

use crate::back_stack::BackStack;
use crate::boot::{Boot, Stores, Voices};
use crate::intake::Intake;
pub use crate::located::{Located, PositionSource};
use crate::update_state::UpdateState;

/// [`NearbyData`] of one pack, built the first time Nearby asks for it. It belongs to the
/// pack: a new pack brings a new, empty one (see `AppState::nearby`).
pub struct NearbyOfPack {
    pack: Rc<CityPack>,
    data: OnceCell<Result<Rc<NearbyData>, String>>,
}

impl NearbyOfPack {
    pub fn new(pack: Rc<CityPack>) -> NearbyOfPack {
        NearbyOfPack {
            pack,
            data: OnceCell::new(),
        }
    }

    fn get(&self) -> Result<Rc<NearbyData>, String> {
        self.data
            .get_or_init(|| {
                self.pack
                    .nearby_data()
                    .map(Rc::new)
                    .map_err(|e| e.to_string())
            })
            .clone()
    }
}

/// The same pack, the same data.
impl PartialEq for NearbyOfPack {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pack, &other.pack)
    }
}

/// Shared by every screen through the context; `use_app()` fetches it.
#[derive(Clone)]
pub struct AppState {
    /// The city pack in use; a content update sets a new one.
    pack: Signal<Rc<CityPack>>,
    /// Derived from `pack`, so a new pack drops the old one's data.
    nearby: Memo<NearbyOfPack>,
    user: Rc<UserStore>,
    localizers: Rc<Vec<Localizer>>,
    lang: Signal<&'static str>,
    /// Where the person is: in memory for this session only.
    pub located: Signal<Located>,
    /// Content updates: what the last check did, for Settings.
    pub updates: Signal<UpdateState>,
    /// Where content updates come from; none when this build does not update.
    feed_url: Option<Rc<str>>,
    /// Which languages "Listen" can read.
    voices: Rc<Voices>,
    /// Whether the speech engine has answered (at once for a fixed list of voices).
    pub speech_ready: Signal<bool>,
    /// A fixed today (rendering tests); otherwise the city's clock says.
    today: Option<chrono::NaiveDate>,
    /// The visit at the intake desk, while intake mode is on: in memory only
    /// (`crate::intake`).
    intake: Signal<Option<Intake>>,
    /// The screens Back goes through, in memory only (`crate::back_stack`).
    screens: Rc<BackStack>,
    /// After Quick exit: the neutral screen shows instead of the guide.
    hidden: Signal<bool>,
    /// Counts the times every screen was forgotten, so what a screen's elements hold (the
    /// text typed into the search box) is made anew too.
    forgotten: Signal<u32>,
}

/// Creates the app state for the guide over `stores` and provides it to every screen below
/// the calling component (the root).
pub(crate) fn use_app_state(boot: &Boot, stores: &Stores) -> AppState {
    let pack = use_signal(|| stores.pack.clone());
    let nearby = use_memo(move || NearbyOfPack::new(pack()));
    let lang = use_signal(|| boot.initial_language());
    let located = use_signal(|| boot.initial_location());
    let updates = use_signal(|| boot.initial_update_state());
    let speech_ready = use_signal(|| boot.voices() != Voices::Device);
    let intake = use_signal(|| boot.initial_intake());
    let hidden = use_signal(|| false);
    let forgotten = use_signal(|| 0);
    let screens = use_hook(|| Rc::new(BackStack::new(&boot.start())));
    use_context_provider(|| {
        let localizers = UI_LANGUAGES
            .iter()
            .map(|(code, _, _)| Localizer::new(code, boot.isolate_marks()))
            .collect();
        AppState {
            pack,
            nearby,
            user: stores.user.clone(),
            localizers: Rc::new(localizers),
            lang,
            located,
            updates,
            feed_url: boot.feed_url().map(Rc::from),
            voices: Rc::new(boot.voices()),
            speech_ready,
            today: boot.today(),
            intake,
            screens,
            hidden,
            forgotten,
        }
    })
}

impl AppState {
    /// Today's date in the city (for "may be out of date").
    pub fn today(&self) -> chrono::NaiveDate {
        let now = chrono::Utc::now();
        self.today.unwrap_or_else(|| match self.pack().clock() {
            Ok(clock) => clock.local(now).date(),
            Err(_) => now.date_naive(),
        })
    }

    /// Now in the city, with its offset (when an answer was given); noon of the fixed
    /// today in rendering tests.
    pub fn now(&self) -> chrono::DateTime<chrono::FixedOffset> {
        let now = chrono::Utc::now();
        match (self.today, self.pack().clock()) {
            (Some(day), _) => {
                day.and_time(chrono::NaiveTime::MIN)
                    .and_utc()
                    .fixed_offset()
                    + chrono::Duration::hours(12)
            }
            (None, Ok(clock)) => clock.at(now),
            (None, Err(_)) => now.fixed_offset(),
        }
    }

    /// The person's settings.
    pub fn user(&self) -> &UserStore {
        &self.user
    }

    /// The city pack in use; reading it subscribes the calling component to updates.
    pub fn pack(&self) -> Rc<CityPack> {
        (self.pack)()
    }

    /// The city pack in use, without subscribing (event handlers, background work).
    pub fn pack_now(&self) -> Rc<CityPack> {
        self.pack.peek().clone()
    }

    /// After an update installed a new version in place of the pack in use: opens it, and
    /// every screen reading the pack shows it from now on.
    pub fn reload_pack(&mut self) -> Result<(), String> {
        let path = self.pack_now().path().to_path_buf();
        let pack = CityPack::open(&path).map_err(|e| e.to_string())?;
        self.set_pack(pack);
        Ok(())
    }

    /// Every screen reading the pack shows `pack` from now on.
    pub fn set_pack(&mut self, pack: CityPack) {
        self.pack.set(Rc::new(pack));
    }

    /// The clock, spatial index and area of the pack in use, built once per pack.
    pub fn nearby(&self) -> Result<Rc<NearbyData>, String> {
        self.nearby.read().get()
    }

    pub fn feed_url(&self) -> Option<&str> {
        self.feed_url.as_deref()
    }

    /// Whether the device has a voice that reads `lang`; reading it subscribes the calling
    /// component to the engine's answer.
    pub fn can_read_aloud(&self, lang: &str) -> bool {
        (self.speech_ready)() && self.voices.read(lang)
    }

    /// The reader's language; reading it subscribes the calling component to changes.
    pub fn lang(&self) -> &'static str {
        (self.lang)()
    }

    /// UI strings in the reader's language.
    pub fn l10n(&self) -> &Localizer {
        self.l10n_for(self.lang())
    }

    /// UI strings in `lang` (English for a language the app has no UI strings in).
    pub fn l10n_for(&self, lang: &str) -> &Localizer {
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
        self.user.set_language(lang).map_err(|e| e.to_string())
    }
}

/// Intake mode (`crate::intake`): the visit lives in this signal and nowhere else.
impl AppState {
    /// The visit in progress, if intake mode is on; reading it subscribes the component.
    pub fn intake(&self) -> Option<Intake> {
        (self.intake)()
    }

    /// The client's language while intake mode is on and one is chosen.
    pub fn client_lang(&self) -> Option<&'static str> {
        self.intake.read().as_ref().and_then(|i| i.client)
    }

    pub fn start_intake(&mut self) {
        self.intake.set(Some(Intake::default()));
    }

    /// Leaves intake mode: everything about the visit is dropped, the screens it went
    /// through included.
    pub fn leave_intake(&mut self) {
        self.intake.set(None);
        self.forget_screens();
    }

    /// Clears the visit for the next client, the screens it went through included; the
    /// caseworker's large-text choice stays.
    pub fn next_client(&mut self) {
        let large_text = self.intake.peek().as_ref().is_some_and(|i| i.large_text);
        self.intake.set(Some(Intake {
            large_text,
            cleared: true,
            ..Intake::default()
        }));
        self.forget_screens();
    }

    /// Changes the visit in progress (nothing happens when intake mode is off).
    pub fn update_intake(&mut self, change: impl FnOnce(&mut Intake)) {
        if let Some(intake) = self.intake.write().as_mut() {
            change(intake);
        }
    }
}

/// Where the router keeps its place, and Quick exit.
impl AppState {
    /// The screens Back goes through (the router's history).
    pub fn screens(&self) -> Rc<BackStack> {
        self.screens.clone()
    }

    /// Quick exit: a neutral screen at once, every screen of the guide forgotten, and a
    /// visit at the intake desk ended (`crate::back_stack`, `views::neutral`).
    pub fn quick_exit(&mut self) {
        if self.intake.peek().is_some() {
            self.intake.set(None);
        }
        self.forget_screens();
        self.hidden.set(true);
    }

    /// Every screen forgotten (`BackStack::forget`), and what they held.
    fn forget_screens(&mut self) {
        self.screens.forget();
        self.forgotten += 1;
    }

    /// How many times every screen was forgotten; reading it subscribes the component.
    pub fn forgotten(&self) -> u32 {
        (self.forgotten)()
    }

    /// Whether the neutral screen shows; reading it subscribes the component.
    pub fn hidden(&self) -> bool {
        (self.hidden)()
    }

    /// Back from the neutral screen to the guide's home.
    pub fn unhide(&mut self) {
        self.hidden.set(false);
    }
}

pub fn use_app() -> AppState {
    use_context::<AppState>()
}
