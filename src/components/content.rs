//! Content text on screen: marked with the language it is really in, so a fallback English
//! paragraph inside an Arabic page is shaped and laid out left to right.

use dioxus::prelude::*;
use merhaba_core::{tel_uri, Direction, Text};

use crate::state::use_app;

/// A block of content text; blank lines in the source start new paragraphs.
#[component]
pub fn ContentText(text: Text, #[props(default)] class: String) -> Element {
    let dir = Direction::of(&text.lang).as_attr();
    rsx! {
        div { class: "content-text {class}", lang: "{text.lang}", dir,
            for paragraph in text.value.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
                p { "{paragraph}" }
            }
        }
    }
}

/// A short piece of content text inside a line (names, addresses).
#[component]
pub fn Inline(text: Text) -> Element {
    rsx! {
        bdi { lang: "{text.lang}", dir: Direction::of(&text.lang).as_attr(), "{text.value}" }
    }
}

/// "This entry is a sample" — shown on every unchecked entry.
#[component]
pub fn SampleBadge() -> Element {
    let app = use_app();
    rsx! { span { class: "badge sample", {app.l10n().t("sample-badge")} } }
}

/// "Sample: this entry has not been checked…", on the page of an unchecked entry.
#[component]
pub fn SampleNotice() -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        p { class: "notice sample", role: "note",
            strong { {l.t("sample-badge")} ": " }
            {l.t("sample-notice")}
        }
    }
}

/// Says which language a page falls back to when parts of it are not translated.
#[component]
pub fn FallbackNotice(lang: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let name = merhaba_core::l10n::language_name(&lang);
    rsx! {
        p { class: "notice fallback", role: "note",
            {l.t_args("fallback-notice", &[("lang", name.into())])}
        }
    }
}

/// When a query on the store fails, say so plainly instead of showing an empty page.
#[component]
pub fn StoreError(message: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        div { class: "notice error", role: "alert",
            p { {l.t("error-store")} }
            p { {l.t("error-store-hint")} }
            ErrorDetails { label: l.t("error-details"), details: message }
        }
    }
}

/// A choice in Settings that could not be written to the user database.
#[component]
pub fn SaveError(details: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        div { class: "notice error", role: "alert",
            p { {l.t("error-save")} }
            ErrorDetails { label: l.t("error-details"), details }
        }
    }
}

/// The technical reason behind an error, for whoever helps the person or reads a bug
/// report: worded by the libraries, in English, under a label in the reader's language.
#[component]
pub fn ErrorDetails(label: String, details: String) -> Element {
    rsx! {
        p { class: "error-details-label", "{label}" }
        pre { class: "error-details", lang: "en", dir: "ltr", "{details}" }
    }
}

/// What a person does with a place: open it in the phone's map app (`geo:`, which offline map
/// apps handle too) and call it (`tel:`). In a browser, which may hand `geo:` to no app (iOS
/// Safari does not), a web map of the place too.
#[component]
pub fn PlaceActions(geo_uri: String, phone: Option<String>) -> Element {
    let app = use_app();
    let l = app.l10n();
    rsx! {
        div { class: "actions",
            a { class: "button", href: "{geo_uri}",
                span { "aria-hidden": "true", "🧭 " }
                {l.t("place-directions")}
            }
            if cfg!(target_arch = "wasm32") {
                if let Some(url) = merhaba_core::web_map_url(&geo_uri) {
                    a { class: "button", href: "{url}", target: "_blank", rel: "noopener noreferrer",
                        span { "aria-hidden": "true", "🗺️ " }
                        {l.t("place-web-map")}
                    }
                }
            }
            if let Some(phone) = phone {
                a { class: "button", href: tel_uri(&phone),
                    span { "aria-hidden": "true", "📞 " }
                    {l.t_args("place-call", &[("number", phone.clone().into())])}
                }
            }
        }
    }
}

/// Bytes as a `data:` URL, to show a picture or a made file without writing it anywhere.
pub fn data_url(mime: &str, bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// Where a file handed out (a slip, a certificate, a progress file) was saved, or why it was
/// not, with `failed` said first when given.
#[component]
pub fn HandOutStatus(
    status: Option<Result<String, String>>,
    #[props(default)] failed: String,
) -> Element {
    let app = use_app();
    let l = app.l10n();
    match status {
        Some(Ok(file)) => rsx! {
            p { class: "slip-status", role: "status",
                {l.t_args("slip-saved", &[("file", file.into())])}
            }
        },
        Some(Err(e)) => rsx! {
            div { class: "notice error", role: "alert",
                if !failed.is_empty() {
                    p { {failed} }
                }
                ErrorDetails { label: l.t("error-details"), details: e }
            }
        },
        None => rsx! {},
    }
}
