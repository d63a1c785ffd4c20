//! Content updates in the app: checked at start and from Settings, on a thread of their own
//! (no screen ever waits for the network), through the core's `FeedClient`, the same client
//! as `merhaba-pack pull`. When a new version is installed, every screen shows it at once;
//! the user database is never touched.

use dioxus::prelude::*;
use futures_util::StreamExt;
use merhaba_core::feed::{CityOutcome, FeedClient, FeedError, Report};

use crate::state::AppState;

/// The feed's root metadata (its public keys) that this build trusts; see
/// docs/publishing.md before shipping to people.
pub const SHIPPED_ROOT: &[u8] = include_bytes!("../feed/root.json");

/// The user setting for "Only on Wi-Fi / unmetered connections".
pub const UNMETERED_ONLY: &str = "updates.unmetered_only";

#[derive(Clone, Debug, PartialEq, Default)]
pub enum UpdateState {
    #[default]
    NotChecked,
    /// This build has no feed address.
    NotConfigured,
    /// The person asked for unmetered connections only, and this one is metered or unknown.
    WaitingForUnmetered,
    Checking,
    Downloading {
        done: u64,
        total: u64,
    },
    UpToDate,
    Installed {
        version: u64,
    },
    /// No connection, or the server failed: nothing changes, the guide works offline.
    Unreachable,
    /// The feed's signed metadata has expired: nothing new is installed.
    NotConfirmed,
    /// A signature, hash or version check failed.
    Refused(String),
    /// The update could not be written (a full disk, for one).
    Failed(String),
}

impl UpdateState {
    pub fn busy(&self) -> bool {
        matches!(
            self,
            UpdateState::Checking | UpdateState::Downloading { .. }
        )
    }
}

/// The feed's address: `--feed URL`, else `MERHABA_FEED_URL` at run time, else the same
/// variable when the app was built.
pub fn feed_url() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.windows(2)
        .find(|w| w[0] == "--feed")
        .map(|w| w[1].clone())
        .or_else(|| std::env::var("MERHABA_FEED_URL").ok())
        .or_else(|| option_env!("MERHABA_FEED_URL").map(String::from))
        .filter(|url| !url.is_empty())
}

enum Message {
    Waiting,
    Checking,
    Progress(u64, u64),
    Done(Result<Report, FeedError>),
}

/// Starts a check in the background, unless one is running.
pub fn check(app: &AppState) {
    let mut state = app.updates;
    if state.peek().busy() {
        return;
    }
    let Some(url) = feed_url() else {
        state.set(UpdateState::NotConfigured);
        return;
    };
    let unmetered_only = app
        .stores()
        .user
        .setting(UNMETERED_ONLY)
        .ok()
        .flatten()
        .is_some_and(|v| v == "true");
    let dir = app.stores().packs_dir();
    let city = app.stores().city_id();
    state.set(UpdateState::Checking);
    let (sender, mut messages) = futures_channel::mpsc::unbounded();
    std::thread::spawn(move || {
        let send = |m| {
            let _ = sender.unbounded_send(m);
        };
        if unmetered_only && crate::platform::network::metered() != Some(false) {
            return send(Message::Waiting);
        }
        send(Message::Checking);
        let result = FeedClient::new(&url, &dir, SHIPPED_ROOT).and_then(|client| {
            client.update_blocking(city.as_deref(), &mut |p| {
                send(Message::Progress(p.done, p.total))
            })
        });
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
            FeedError::Unreachable { .. } | FeedError::Server { .. } => UpdateState::Unreachable,
            FeedError::Expired { .. } => UpdateState::NotConfirmed,
            FeedError::Refused(_) | FeedError::TooLong { .. } => {
                UpdateState::Refused(e.to_string())
            }
            _ => UpdateState::Failed(e.to_string()),
        },
    }
}
