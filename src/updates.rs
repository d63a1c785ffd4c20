//! Content updates in the app: checked at start and from Settings, in the background (no
//! screen ever waits for the network). When a new version is installed, every screen shows
//! it at once; the user database is never touched.
//!
//! Desktop and phones update from the signed content feed with the core's `FeedClient`, the
//! same client as `merhaba-pack pull`, on a thread of their own. The web app updates from its
//! own site: the service worker caches a newer release whole, then the page takes its pack
//! (ARCHITECTURE.md, "The web app").

use dioxus::prelude::*;

use crate::state::AppState;
pub use crate::update_state::UpdateState;

/// The feed's root metadata (its public keys) that this build trusts; see
/// docs/publishing.md before shipping to people.
#[cfg(not(target_arch = "wasm32"))]
pub const SHIPPED_ROOT: &[u8] = include_bytes!("../feed/root.json");

/// The user setting for "Only on Wi-Fi / unmetered connections".
pub const UNMETERED_ONLY: &str = "updates.unmetered_only";

/// Starts a check in the background, unless one is running.
pub fn check(app: &AppState) {
    let mut state = app.updates;
    if state.peek().busy() {
        return;
    }
    let unmetered_only = app
        .user()
        .setting(UNMETERED_ONLY)
        .ok()
        .flatten()
        .is_some_and(|v| v == "true");
    state.set(UpdateState::Checking);
    platform::check(app, unmetered_only);
}

/// Whether the person's "unmetered only" setting holds the update back on this connection.
fn held_back(unmetered_only: bool) -> bool {
    unmetered_only && crate::platform::network::metered() != Some(false)
}

#[cfg(not(target_arch = "wasm32"))]
mod platform {
    use std::path::PathBuf;

    use dioxus::prelude::*;
    use futures_util::StreamExt;
    use merhaba_core::feed::{CityOutcome, FeedClient, FeedError, Report};

    use super::{held_back, UpdateState, SHIPPED_ROOT};
    use crate::state::AppState;

    enum Message {
        Waiting,
        Checking,
        Progress(u64, u64),
        Done(Result<Report, FeedError>),
    }

    pub(super) fn check(app: &AppState, unmetered_only: bool) {
        let mut state = app.updates;
        let Some(url) = app.feed_url().map(String::from) else {
            state.set(UpdateState::NotConfigured);
            return;
        };
        // Updates install beside the pack in use, for its city.
        let pack = app.pack_now();
        let dir = pack.path().parent().map(PathBuf::from).unwrap_or_default();
        let city = pack.meta("city").ok();
        let (sender, mut messages) = futures_channel::mpsc::unbounded();
        std::thread::spawn(move || {
            let send = |m| {
                let _ = sender.unbounded_send(m);
            };
            if held_back(unmetered_only) {
                return send(Message::Waiting);
            }
            send(Message::Checking);
            // Updates build on the installed pack; on a first start it is still in memory.
            if let Err(e) = crate::boot::install_embedded(&dir) {
                return send(Message::Done(Err(FeedError::Io {
                    path: dir.clone(),
                    source: std::io::Error::other(e),
                })));
            }
            let result = FeedClient::new(&url, &dir, SHIPPED_ROOT).and_then(|client| {
                client.update_blocking(city.as_deref(), &mut |p| {
                    send(Message::Progress(p.done, p.total))
                })
            });
            // The app shows one city: an update of it that failed is the update's outcome.
            let result = result.and_then(Report::or_first_failure);
            send(Message::Done(result));
        });
        let mut app = app.clone();
        spawn(async move {
            while let Some(message) = messages.next().await {
                state.set(match message {
                    Message::Waiting => UpdateState::WaitingForUnmetered,
                    Message::Checking => UpdateState::Checking,
                    Message::Progress(done, total) => UpdateState::Downloading { done, total },
                    Message::Done(result) => outcome(&mut app, result),
                });
            }
        });
    }

    fn outcome(app: &mut AppState, result: Result<Report, FeedError>) -> UpdateState {
        match result {
            Ok(report) => {
                let installed = report
                    .cities
                    .iter()
                    .filter_map(|(_, outcome)| match outcome {
                        CityOutcome::Installed { to, .. } => Some(*to),
                        CityOutcome::Current { .. } => None,
                    })
                    .max();
                match installed {
                    Some(version) => match app.reload_pack() {
                        Ok(()) => UpdateState::Installed { version },
                        Err(e) => UpdateState::Failed(e),
                    },
                    None => UpdateState::UpToDate,
                }
            }
            Err(e) => match e {
                FeedError::Unreachable { .. } | FeedError::Server { .. } => {
                    UpdateState::Unreachable
                }
                FeedError::Expired { .. } => UpdateState::NotConfirmed,
                FeedError::Refused(_) | FeedError::TooLong { .. } => {
                    UpdateState::Refused(e.to_string())
                }
                _ => UpdateState::Failed(e.to_string()),
            },
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod platform {
    use dioxus::prelude::*;
    use merhaba_core::pack::schema::PACK_SCHEMA_VERSION;
    use merhaba_core::CityPack;

    use super::{held_back, UpdateState};
    use crate::platform::web::{self, SiteUpdate};
    use crate::state::AppState;

    pub(super) fn check(app: &AppState, unmetered_only: bool) {
        let mut state = app.updates;
        let mut app = app.clone();
        spawn(async move {
            if held_back(unmetered_only) {
                return state.set(UpdateState::WaitingForUnmetered);
            }
            let outcome = match web::update_site().await {
                // Not yet registered (the first visit) or not supported: nothing to say.
                SiteUpdate::NoWorker => UpdateState::NotChecked,
                SiteUpdate::Unreachable(_) => UpdateState::Unreachable,
                SiteUpdate::Current => UpdateState::UpToDate,
                SiteUpdate::Refused(e) => UpdateState::Refused(e),
                SiteUpdate::Failed(e) => UpdateState::Failed(e),
                SiteUpdate::Installed => take_new_pack(&mut app).await,
            };
            state.set(outcome);
        });
    }

    /// The service worker now serves the new release: its pack replaces the one in use,
    /// unless the new release's pack is of a schema this page's code cannot read (then the
    /// page loads again, as the new release).
    async fn take_new_pack(app: &mut AppState) -> UpdateState {
        let (release, bytes) = match web::load_release().await {
            Ok(loaded) => loaded,
            Err(e) => return UpdateState::Failed(e),
        };
        if release.schema != PACK_SCHEMA_VERSION {
            web::reload();
            return UpdateState::Checking;
        }
        let in_use = app.pack_now().content_version();
        if release.content_version <= in_use {
            // A new app shell with the same guide: it is used from the next start.
            return UpdateState::UpToDate;
        }
        match CityPack::from_bytes(&bytes, std::path::Path::new(&release.pack)) {
            Ok(pack) => {
                app.set_pack(pack);
                UpdateState::Installed {
                    version: release.content_version,
                }
            }
            Err(e) => UpdateState::Failed(e.to_string()),
        }
    }
}
