//! What the last content update check did, as Settings shows it. Kept apart from the check
//! itself (`updates.rs`) so the app state can hold it without depending on the feed.

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
