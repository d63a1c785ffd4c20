//! A category: its submenus.

use dioxus::prelude::*;

use crate::components::content::{Inline, StoreError};
use crate::state::use_app;
use crate::views::NotFound;
use crate::Route;

#[component]
pub fn CategoryPage(id: String) -> Element {
    let app = use_app();
    let l = app.l10n();
    let category = match app.pack().category(&id, &app.chain()) {
        Ok(Some(category)) => category,
        Ok(None) => return rsx! { NotFound { segments: vec![id] } },
        Err(e) => return rsx! { StoreError { message: e.to_string() } },
    };
    rsx! {
        h1 {
            span { class: "icon", "aria-hidden": "true", "{category.icon} " }
            Inline { text: category.name }
        }
        p { class: "intro", {l.t("category-choose")} }
        ul { class: "menu-list",
            for submenu in category.submenus {
                li { key: "{submenu.id}",
                    Link { class: "menu-item", to: Route::SubmenuPage { id: submenu.id.clone() },
                        span { class: "menu-name", Inline { text: submenu.name } }
                        span { class: "count",
                            {l.t_args("service-count", &[("count", submenu.service_count.into())])}
                        }
                    }
                }
            }
        }
    }
}
