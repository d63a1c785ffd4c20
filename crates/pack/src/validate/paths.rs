//! `paths/<id>.toml`: first-steps paths. Each is named like its file, listed at its own place,
//! dated like a service, complete in the city's languages, and made of steps that each name a
//! service of the city, once.

use std::collections::{BTreeMap, BTreeSet};

use super::provenance::check_dates;
use super::text::shown;
use super::{at_least_one, check_file_id, check_order, Langs};
use crate::source::{ContentError, ContentSource, Parsed, ServiceFile};

pub(super) fn check_paths(
    source: &ContentSource,
    langs: &Langs,
    services: &BTreeMap<&str, &Parsed<ServiceFile>>,
    latest: Option<&str>,
    errors: &mut Vec<ContentError>,
) {
    let mut ids: BTreeMap<&str, &Parsed<_>> = BTreeMap::new();
    let mut orders: BTreeMap<u32, &Parsed<_>> = BTreeMap::new();
    for file in &source.paths {
        let p = &file.value;
        check_file_id(file, ("path", "paths"), &p.id, &mut ids, errors);
        check_order(file, "path", p.order, &mut orders, errors);
        check_dates(file, (p.sample, &p.checked, &p.drafted), latest, errors);
        langs.check_reviews(file, &p.translation, errors);
        langs.check(file, "title", &p.title, errors);
        langs.check(file, "audience", &p.audience, errors);
        if p.step.is_empty() {
            errors.push(at_least_one(
                file,
                "step",
                "a path needs at least one step: add [[step]] tables, each naming a service",
            ));
        }
        let mut used = BTreeSet::new();
        for (i, step) in p.step.iter().enumerate() {
            if let Some(note) = &step.note {
                langs.check(file, &format!("step[{i}].note"), note, errors);
            }
            let at = format!("step[{i}].service");
            let Some(service) = services.get(step.service.as_str()) else {
                errors.push(file.error(
                    &at,
                    format!(
                        "unknown service `{}`: no file services/{}.toml in this city",
                        shown(&step.service),
                        shown(&step.service)
                    ),
                ));
                continue;
            };
            if !used.insert(step.service.as_str()) {
                errors.push(file.error(
                    &at,
                    format!(
                        "the service `{}` is already a step of this path: each service once",
                        shown(&step.service)
                    ),
                ));
            }
            if !p.sample && service.value.sample {
                errors.push(file.error(
                    &at,
                    format!(
                        "the path is checked (`sample = false`) but the service `{}` is a \
                         sample: a path is checked only when every step is",
                        shown(&step.service)
                    ),
                ));
            }
        }
    }
}
