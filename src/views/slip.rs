//! The slip composer: the services to hand over (those put on the slip in intake mode, or a
//! path's steps), a preview of the page, and saving, opening to print or sharing it. The slip
//! is made on the device by `merhaba-slip`, in the client's language (the reader's own outside
//! intake mode) beside the city's.

use dioxus::prelude::*;
use merhaba_core::slip::{Slip, SLIP_MAX_ITEMS};
use merhaba_core::LanguageChain;

use crate::components::content::{data_url, ErrorDetails, HandOutStatus, Inline, StoreError};
use crate::platform::hand_out::{self, HandOut};
use crate::state::use_app;
use crate::Route;

#[component]
pub fn SlipComposer(path: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let pack = app.pack();
    let client = app.client_lang().unwrap_or(app.lang());
    let chain = app.chain();
    // The candidates: a path's steps, or what intake mode put on the slip.
    let candidates: Result<Vec<String>, String> = if path.is_empty() {
        Ok(app.intake().map(|i| i.slip).unwrap_or_default())
    } else {
        match pack.first_steps_path(&path, &chain) {
            Ok(Some(p)) => Ok(p.steps.into_iter().map(|s| s.service.id).collect()),
            Ok(None) => Ok(Vec::new()),
            Err(e) => Err(e.to_string()),
        }
    };
    let first: Vec<String> = candidates
        .iter()
        .flatten()
        .take(SLIP_MAX_ITEMS)
        .cloned()
        .collect();
    let mut chosen = use_signal(|| first);
    let mut status = use_signal(|| None::<Result<String, String>>);
    // Only what is still a candidate: after "Next client" the last client's slip is gone.
    let known = candidates.as_deref().unwrap_or_default();
    let ids: Vec<String> = chosen()
        .into_iter()
        .filter(|id| known.contains(id))
        .collect();
    let packs = app.clone();
    let slip = use_memo(use_reactive!(|ids, client| {
        Slip::build(&packs.pack_now(), &ids, client).map_err(|e| e.to_string())
    }));
    let preview = use_memo(move || -> Result<Option<String>, String> {
        let slip = slip.read().clone()?;
        if slip.items.is_empty() {
            return Ok(None);
        }
        let png = merhaba_slip::png(&slip, 1.0).map_err(|e| e.to_string())?;
        Ok(Some(data_url("image/png", &png)))
    });
    let names = |id: &str| {
        let ours = pack.service_summary(id, &chain).ok().map(|s| s.name);
        let theirs = pack
            .service_summary(id, &LanguageChain::new(client, pack.languages()))
            .ok()
            .map(|s| s.name)
            .filter(|_| client != app.lang());
        (ours, theirs)
    };
    let mut make = move |kind: Kind| {
        let result = slip.read().clone().and_then(|slip| kind.render(&slip));
        match result {
            Ok(bytes) => {
                let file = HandOut {
                    file_name: kind.file_name(),
                    mime: kind.mime(),
                    bytes: &bytes,
                };
                match kind {
                    Kind::Pdf | Kind::Png => status.set(Some(hand_out::save(&file))),
                    Kind::Print => status.set(Some(hand_out::open(&file))),
                    Kind::Share => {
                        let owned = (kind, bytes.clone());
                        spawn(async move {
                            let file = HandOut {
                                file_name: owned.0.file_name(),
                                mime: owned.0.mime(),
                                bytes: &owned.1,
                            };
                            status.set(Some(hand_out::share(&file).await));
                        });
                    }
                }
            }
            Err(e) => status.set(Some(Err(e))),
        }
    };
    // After every hook: a store error shows instead of the page.
    let candidates = match candidates {
        Ok(ids) => ids,
        Err(message) => return rsx! { StoreError { message } },
    };
    let ready = !ids.is_empty() && matches!(&*preview.read(), Ok(Some(_)));
    rsx! {
        h1 { {l.t("slip-compose-title")} }
        p { class: "intro", {l.t("slip-compose-hint")} }
        if candidates.is_empty() {
            p { class: "notice", role: "note", {l.t("slip-empty")} }
            Link { class: "button", to: Route::PathList {}, {l.t("paths-title")} }
        }
        ul { class: "slip-items",
            for id in candidates.iter().cloned() {
                li { key: "{id}",
                    label {
                        input {
                            r#type: "checkbox",
                            checked: ids.contains(&id),
                            disabled: !ids.contains(&id) && ids.len() >= SLIP_MAX_ITEMS,
                            onchange: {
                                let id = id.clone();
                                move |e: Event<FormData>| {
                                    let on = e.checked();
                                    chosen.with_mut(|c| {
                                        c.retain(|x| *x != id);
                                        if on { c.push(id.clone()); }
                                    });
                                    status.set(None);
                                }
                            },
                        }
                        {
                            let (ours, theirs) = names(&id);
                            rsx! {
                                if let Some(name) = ours { Inline { text: name } }
                                if let Some(name) = theirs {
                                    " · "
                                    Inline { text: name }
                                }
                            }
                        }
                    }
                }
            }
        }
        if candidates.len() > SLIP_MAX_ITEMS {
            p { class: "notice", role: "note",
                {l.t_args("slip-too-many", &[("count", SLIP_MAX_ITEMS.into())])}
            }
        }
        match &*preview.read() {
            Ok(Some(url)) => rsx! {
                img { class: "slip-preview", src: "{url}", alt: l.t("slip-preview") }
            },
            Ok(None) => rsx! {},
            Err(e) => rsx! {
                div { class: "notice error", role: "alert",
                    p { {l.t("slip-failed")} }
                    ErrorDetails { label: l.t("error-details"), details: e.clone() }
                }
            },
        }
        div { class: "actions slip-actions",
            button { class: "save-pdf", disabled: !ready, onclick: move |_| make(Kind::Pdf),
                span { "aria-hidden": "true", "📄 " } {l.t("slip-save-pdf")}
            }
            button { class: "save-png", disabled: !ready, onclick: move |_| make(Kind::Png),
                span { "aria-hidden": "true", "🖼️ " } {l.t("slip-save-png")}
            }
            if hand_out::can_share() {
                button { class: "share", disabled: !ready, onclick: move |_| make(Kind::Share),
                    span { "aria-hidden": "true", "📤 " } {l.t("slip-share")}
                }
            }
            button { class: "open-print", disabled: !ready, onclick: move |_| make(Kind::Print),
                span { "aria-hidden": "true", "🖨️ " } {l.t("slip-open")}
            }
        }
        HandOutStatus { status: status(), failed: l.t("slip-failed") }
    }
}

/// What to make of the slip.
#[derive(Clone, Copy)]
enum Kind {
    Pdf,
    Png,
    /// The PDF, shared through the phone's share sheet.
    Share,
    /// The PDF, opened in the system's viewer to print.
    Print,
}

impl Kind {
    fn render(self, slip: &Slip) -> Result<Vec<u8>, String> {
        match self {
            Kind::Png => merhaba_slip::png(slip, 2.0),
            _ => merhaba_slip::pdf(slip),
        }
        .map_err(|e| e.to_string())
    }

    fn file_name(self) -> &'static str {
        match self {
            Kind::Png => "merhaba-slip.png",
            _ => "merhaba-slip.pdf",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            _ => "application/pdf",
        }
    }
}
