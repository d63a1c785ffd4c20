//! First-steps paths: the list, and one path as a checklist. On the person's own device a
//! tick is kept in the user database (never sent); in intake mode ticks belong to the visit
//! and are dropped with it (`crate::intake`).

use std::collections::BTreeSet;

use dioxus::prelude::*;

use crate::components::content::{
    ContentText, FallbackNotice, Inline, SampleBadge, SampleNotice, StoreError,
};
use crate::components::intake::{ClientText, Owner};
use crate::state::use_app;
use crate::views::NotFound;
use crate::Route;

#[component]
pub fn PathList() -> Element {
    let app = use_app();
    let l = app.l10n();
    let paths = match app.pack().first_steps(&app.chain()) {
        Ok(paths) => paths,
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 { {l.t("paths-title")} }
        p { class: "intro", {l.t("paths-intro")} }
        ul { class: "service-list path-list",
            for path in paths {
                li { key: "{path.id}",
                    Link { class: "service-item", to: Route::PathPage { id: path.id.clone() },
                        span { class: "service-name", Inline { text: path.title.clone() } }
                        ClientText { owner: Owner::PathTitle(path.id.clone()) }
                        if path.sample {
                            SampleBadge {}
                        }
                        span { class: "summary", Inline { text: path.audience } }
                        span { class: "count", {l.t_args("path-steps", &[("count", path.steps.into())])} }
                    }
                }
            }
        }
    }
}

#[component]
pub fn PathPage(id: String) -> Element {
    let app = use_app();
    // Hooks first, before any early return.
    let mut own_ticks = use_signal(|| app.user().ticks(&id).unwrap_or_default());
    let mut save_error = use_signal(|| None::<String>);
    let l = app.l10n();
    let reader = app.lang();
    let path = match app.pack().first_steps_path(&id, &app.chain()) {
        Ok(Some(path)) => path,
        Ok(None) => return rsx! { NotFound { segments: vec![id] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    let intake = app.intake();
    // Ticks: the visit's in intake mode, else the person's own.
    let ticks: BTreeSet<String> = match &intake {
        Some(visit) => visit
            .ticks
            .iter()
            .filter(|(p, _)| *p == id)
            .map(|(_, s)| s.clone())
            .collect(),
        None => own_ticks(),
    };
    let fallback = path.fallback_language(reader).map(str::to_string);
    rsx! {
        article { class: "path",
            nav { class: "breadcrumb", Link { to: Route::PathList {}, {l.t("paths-title")} } }
            h1 { Inline { text: path.title.clone() } }
            ClientText { owner: Owner::PathTitle(id.clone()) }
            p { class: "audience", Inline { text: path.audience.clone() } }
            if path.sample {
                SampleNotice {}
            }
            if let Some(lang) = fallback {
                FallbackNotice { lang }
            }
            if path.unreviewed {
                p { class: "notice unreviewed", role: "note", {l.t("translation-unreviewed")} }
            }
            p { class: "privacy",
                if intake.is_some() { {l.t("path-ticks-intake")} } else { {l.t("path-ticks-local")} }
            }
            ol { class: "path-steps",
                for step in path.steps.iter().cloned() {
                    li { key: "{step.service.id}", class: "path-step",
                        label { class: "tick",
                            input {
                                r#type: "checkbox",
                                checked: ticks.contains(&step.service.id),
                                onchange: {
                                    let mut app = app.clone();
                                    let (path_id, service_id) = (id.clone(), step.service.id.clone());
                                    move |e: Event<FormData>| {
                                        let done = e.checked();
                                        let key = (path_id.clone(), service_id.clone());
                                        if app.intake().is_some() {
                                            app.update_intake(|i| {
                                                if done { i.ticks.insert(key); } else { i.ticks.remove(&key); }
                                            });
                                        } else {
                                            save_error.set(app.user().set_tick(&path_id, &service_id, done).err().map(|e| e.to_string()));
                                            own_ticks.set(app.user().ticks(&path_id).unwrap_or_default());
                                        }
                                    }
                                },
                            }
                            span { class: "visually-hidden", {l.t("path-done")} }
                        }
                        div { class: "step-body",
                            Link { class: "step-service", to: Route::ServicePage { id: step.service.id.clone() },
                                Inline { text: step.service.name.clone() }
                            }
                            ClientText { owner: Owner::ServiceName(step.service.id.clone()) }
                            if step.service.sample {
                                SampleBadge {}
                            }
                            if let Some(bring) = step.bring.clone() {
                                p { class: "bring",
                                    span { class: "label", {l.t("path-bring")} ": " }
                                    Inline { text: bring }
                                }
                            }
                            if let Some(note) = step.note.clone() {
                                ContentText { text: note, class: "step-note" }
                            }
                        }
                    }
                }
            }
            if let Some(details) = save_error() {
                crate::components::content::SaveError { details }
            }
            Link { class: "button make-slip", to: Route::SlipComposer { path: id.clone() },
                span { "aria-hidden": "true", "🧾 " }
                {l.t("path-slip")}
            }
        }
    }
}
