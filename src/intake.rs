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

use dioxus::prelude::*;

use crate::state::AppState;

/// One visit at the desk.
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
}

impl Intake {
    pub fn on_slip(&self, service_id: &str) -> bool {
        self.slip.iter().any(|s| s == service_id)
    }
}

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

    /// Leaves intake mode: everything about the visit is dropped.
    pub fn leave_intake(&mut self) {
        self.intake.set(None);
    }

    /// Clears the visit for the next client; the caseworker's large-text choice stays.
    pub fn next_client(&mut self) {
        let large_text = self.intake.peek().as_ref().is_some_and(|i| i.large_text);
        self.intake.set(Some(Intake {
            large_text,
            ..Intake::default()
        }));
    }

    /// Changes the visit in progress (nothing happens when intake mode is off).
    pub fn update_intake(&mut self, change: impl FnOnce(&mut Intake)) {
        if let Some(intake) = self.intake.write().as_mut() {
            change(intake);
        }
    }
}
