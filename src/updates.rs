//! Content updates in the app: checked at start and from Settings, on a thread of their own
//! (no screen ever waits for the network), through the core's `FeedClient`, the same client
//! as `merhaba-pack pull`. When a new version is installed, every screen shows it at once;
//! the user database is never touched.

use std::path::PathBuf;

use dioxus::prelude::*;
use futures_util::StreamExt;
use merhaba_core::feed::{CityOutcome, FeedClient, FeedError, Report};

use crate::state::AppState;
pub use crate::update_state::UpdateState;

/// The feed's root metadata (its public keys) that this build trusts; see
/// docs/publishing.md before shipping to people.
pub const SHIPPED_ROOT: &[u8] = include_bytes!("../feed/root.json");

/// The user setting for "Only on Wi-Fi / unmetered connections".
pub const UNMETERED_ONLY: &str = "updates.unmetered_only";

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
    let Some(url) = app.feed_url().map(String::from) else {
        state.set(UpdateState::NotConfigured);
        return;
    };
    let unmetered_only = app
        .user()
        .setting(UNMETERED_ONLY)
        .ok()
        .flatten()
        .is_some_and(|v| v == "true");
    // Updates install beside the pack in use, for its city.
    let pack = app.pack_now();
    let dir = pack.path().parent().map(PathBuf::from).unwrap_or_default();
    let city = pack.meta("city").ok();
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
