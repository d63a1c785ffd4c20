//! The web app's side of the platform (wasm32 in a browser): the browser's languages, the
//! person's settings in browser storage, and the site's release (its pack) as the service
//! worker serves it. Position is in `position/web.rs`, network state in `network.rs`.

use base64::Engine;
use merhaba_core::release::{Release, RELEASE_FILE};
use merhaba_core::UserStore;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The browser storage key of the user database before it was named for the site's path.
const LEGACY_USER_KEY: &str = "merhaba.user";

/// The browser storage key of the user database: named for the path the site is served
/// under, so two deployments on one origin keep their own.
fn user_key() -> String {
    let path = window().location().pathname().unwrap_or_default();
    let dir = path
        .rsplit_once('/')
        .map(|(dir, _)| dir)
        .unwrap_or_default();
    format!("{LEGACY_USER_KEY}:{dir}/")
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the web app runs in a window")
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn device_languages() -> Vec<String> {
    let navigator = window().navigator();
    let mut languages: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if languages.is_empty() {
        languages.extend(navigator.language());
    }
    languages
}

/// The user database, kept whole in the browser's local storage after each change. Local
/// storage is synchronous, so the saved language is known before the first frame; the
/// database is a few kilobytes (ARCHITECTURE.md, "The web app"). Every open tab of the
/// site shares it: each change starts from what storage holds then (`in_memory_shared`),
/// so two tabs do not undo each other's answers.
pub fn user_store() -> Result<UserStore, String> {
    let storage = window().local_storage().ok().flatten();
    let key = user_key();
    let (reader, read_key) = (storage.clone(), key.clone());
    // A database saved before the key had the path is taken over (and kept under the key).
    let load = move || -> Option<Vec<u8>> {
        let s = reader.as_ref()?;
        let text = s
            .get_item(&read_key)
            .ok()
            .flatten()
            .or_else(|| s.get_item(LEGACY_USER_KEY).ok().flatten())?;
        base64::engine::general_purpose::STANDARD.decode(text).ok()
    };
    // Storage full or refused (a private window): the change lasts this session, the screen
    // that made it says it was not kept, and the next change saves everything again.
    let save = move |bytes: &[u8]| -> Result<(), String> {
        let storage = storage
            .as_ref()
            .ok_or("this browser gives the page no storage")?;
        let text = base64::engine::general_purpose::STANDARD.encode(bytes);
        storage.set_item(&key, &text).map_err(|e| describe(&e))?;
        // Nothing left behind under the old key once the new one holds everything.
        let _ = storage.remove_item(LEGACY_USER_KEY);
        Ok(())
    };
    UserStore::in_memory_shared(Box::new(load), Box::new(save)).map_err(|e| e.to_string())
}

/// A file of the site, relative to the page, as bytes: from the service worker's cache
/// when it has one, else from the site.
pub async fn fetch_bytes(path: &str) -> Result<Vec<u8>, String> {
    let failed = |e: wasm_bindgen::JsValue| format!("{path}: {}", describe(&e));
    let response = JsFuture::from(window().fetch_with_str(path))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.dyn_into().map_err(failed)?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The release this page belongs to and its pack's bytes, checked against the release's
/// hashes.
pub async fn load_release() -> Result<(Release, Vec<u8>), String> {
    let release = Release::parse(&fetch_bytes(RELEASE_FILE).await?).map_err(|e| e.to_string())?;
    let pack = fetch_bytes(&release.pack).await?;
    release
        .verify(&release.pack, &pack)
        .map_err(|e| e.to_string())?;
    Ok((release, pack))
}

/// What asking the site for a newer release found.
pub enum SiteUpdate {
    /// No service worker: this browser cannot keep the app offline, nor update it.
    NoWorker,
    /// The site could not be reached (offline) or answered with an error.
    Unreachable(String),
    /// The site's release is the one in use.
    Current,
    /// A newer release was cached whole by the service worker and is now in control.
    Installed,
    /// The service worker refused the site's release (one older than a release it
    /// installed); the old one stays.
    Refused(String),
    /// The service worker could not cache the new release whole; the old one stays.
    Failed(String),
}

/// Asks the service worker to look for a newer release of the site and, when it has cached
/// one whole, to take it into use. The page itself then loads the new pack.
pub async fn update_site() -> SiteUpdate {
    let container = window().navigator().service_worker();
    let registration = match JsFuture::from(container.get_registration()).await {
        Ok(r) if !r.is_undefined() => r.unchecked_into::<web_sys::ServiceWorkerRegistration>(),
        _ => return SiteUpdate::NoWorker,
    };
    // A release cached in an earlier session but not yet in use.
    if registration.waiting().is_none() {
        let update = match registration.update() {
            Ok(promise) => JsFuture::from(promise).await,
            Err(e) => Err(e),
        };
        if let Err(e) = update {
            return SiteUpdate::Unreachable(describe(&e));
        }
    }
    let worker = match (registration.installing(), registration.waiting()) {
        (Some(w), _) | (None, Some(w)) => w,
        (None, None) => return SiteUpdate::Current,
    };
    // The worker caches the whole release before it says "installed", or gives up
    // ("redundant"); polling keeps this free of event handler bookkeeping.
    loop {
        match worker.state() {
            web_sys::ServiceWorkerState::Installed => break,
            web_sys::ServiceWorkerState::Redundant => {
                return match refusal(&registration).await {
                    Some(reason) => SiteUpdate::Refused(reason),
                    None => SiteUpdate::Failed("the new release could not be cached whole".into()),
                }
            }
            web_sys::ServiceWorkerState::Activating | web_sys::ServiceWorkerState::Activated => {
                return SiteUpdate::Installed
            }
            _ => sleep_ms(100).await,
        }
    }
    let _ = worker.post_message(&"activate".into());
    loop {
        match worker.state() {
            web_sys::ServiceWorkerState::Activated => return SiteUpdate::Installed,
            web_sys::ServiceWorkerState::Redundant => {
                return SiteUpdate::Failed("the new release could not be taken into use".into())
            }
            _ => sleep_ms(100).await,
        }
    }
}

/// Why the service worker refused the release it was last offered, if it did: web/sw.js
/// notes it as `refused.txt` of its scope, in a cache of its own.
async fn refusal(registration: &web_sys::ServiceWorkerRegistration) -> Option<String> {
    let note = format!("{}refused.txt", registration.scope());
    let found = JsFuture::from(window().caches().ok()?.match_with_str(&note))
        .await
        .ok()?;
    let response = found.dyn_into::<web_sys::Response>().ok()?;
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// Loads the page again (a release whose pack this shell cannot read).
pub fn reload() {
    let _ = window().location().reload();
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// A JavaScript error's message, for the log and the details on screen.
pub fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}
