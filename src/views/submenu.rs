//! A submenu: the services in it.

use dioxus::prelude::*;

use crate::components::content::{Inline, SampleBadge, StoreError};
use crate::components::intake::{ClientText, Owner};
use crate::state::use_app;
use crate::views::NotFound;
use crate::Route;

#[component]
pub fn SubmenuPage(id: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let submenu = match app.pack().submenu(&id, &app.chain()) {
        Ok(Some(submenu)) => submenu,
        Ok(None) => return rsx! { NotFound { segments: vec![id] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        nav { class: "breadcrumb",
            Link { to: Route::CategoryPage { id: submenu.category_id.clone() },
                Inline { text: submenu.category_name }
            }
        }
        h1 { Inline { text: submenu.name } }
        h2 { class: "visually-hidden", {l.t("submenu-services")} }
        ul { class: "service-list",
            for service in submenu.services {
                li { key: "{service.id}",
                    Link { class: "service-item", to: Route::ServicePage { id: service.id.clone() },
                        span { class: "service-name", Inline { text: service.name } }
                        ClientText { owner: Owner::ServiceName(service.id.clone()) }
                        if service.sample {
                            SampleBadge {}
                        }
                        span { class: "summary", Inline { text: service.summary } }
                    }
                }
            }
        }
    }
}
