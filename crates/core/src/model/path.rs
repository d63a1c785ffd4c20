//! First-steps paths as screens read them: ordered checklists of services for one common
//! situation, written by editors (`content/<city>/paths/`).

use serde::Serialize;

use super::{ServiceSummary, Text};

/// A first-steps path in a list: its title, who it is for and how many steps it has.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathSummary {
    pub id: String,
    pub title: Text,
    pub audience: Text,
    pub steps: u32,
    pub sample: bool,
}

/// A first-steps path: an ordered checklist for one common situation, written by editors.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FirstStepsPath {
    pub id: String,
    pub title: Text,
    pub audience: Text,
    pub steps: Vec<PathStep>,
    pub sample: bool,
    pub checked: Option<String>,
    pub drafted: Option<String>,
    /// The path's texts in the reader's language are a translation not yet checked.
    pub unreviewed: bool,
}

/// One step of a path: the service to go to, what to bring there and what to know on this
/// path.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PathStep {
    pub service: ServiceSummary,
    pub bring: Option<Text>,
    pub note: Option<Text>,
}

impl FirstStepsPath {
    /// The language the reader's texts fell back to, if any of them did.
    pub fn fallback_language(&self, reader: &str) -> Option<&str> {
        let steps = self.steps.iter().flat_map(|s| {
            [Some(&s.service.name), s.bring.as_ref(), s.note.as_ref()]
                .into_iter()
                .flatten()
        });
        [&self.title, &self.audience]
            .into_iter()
            .chain(steps)
            .find(|t| t.is_fallback_for(reader))
            .map(|t| t.lang.as_str())
    }
}
