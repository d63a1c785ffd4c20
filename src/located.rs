//! Where the person is, as far as this session knows: asked of the device, picked by the
//! person, or fixed at start. Held in a session signal (`AppState::located`), never stored.

use merhaba_core::{Position, Text};

use crate::platform::position::Fix;

/// Where the person is, as far as this session knows. Never stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Located {
    /// Nearby has not asked the device yet.
    NotAsked,
    Asking,
    At {
        position: Position,
        how: PositionSource,
    },
    /// The device gave no position; the screen offers the manual choice.
    Failed(Fix),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PositionSource {
    Device,
    /// `--position` or `MERHABA_POSITION`.
    Fixed,
    /// A district or landmark the person picked.
    Picked(Text),
    Map,
}
