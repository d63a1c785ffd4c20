//! Intake mode: a caseworker shows the guide to a client at the desk, every page in two
//! languages, and hands over a slip.
//!
//! **Invariant: nothing about the client is kept.** The client's language, the services put
//! on the slip and the steps ticked together live in [`Intake`], in memory, for this visit
//! only. No code path writes any of it to the user database or to a file of the data folder;
//! "Next client" and leaving intake mode drop it. The only file a visit can make is the slip,
//! and only where the caseworker saves it (`platform::hand_out`). tests/intake.rs and the
//! end-to-end intake walk check this.

use std::collections::BTreeSet;

/// One visit at the desk. `AppState` holds it while intake mode is on (`AppState::intake`,
/// `start_intake`, `next_client`, `leave_intake`, `update_intake`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Intake {
    /// The client's language; none until the caseworker picks it.
    pub client: Option<&'static str>,
    /// Type large enough to read across a desk (the caseworker's choice: kept for the next
    /// client, dropped on leaving).
    pub large_text: bool,
    /// The services chosen for the slip, in the order chosen.
    pub slip: Vec<String>,
    /// Steps ticked with the client: (path id, service id).
    pub ticks: BTreeSet<(String, String)>,
    /// The last visit was just cleared ("Next client") and no client language is chosen
    /// yet: the bar says so. Part of the visit, not of a component, so a new visit never
    /// shows it.
    pub cleared: bool,
}

impl Intake {
    pub fn on_slip(&self, service_id: &str) -> bool {
        self.slip.iter().any(|s| s == service_id)
    }
}
