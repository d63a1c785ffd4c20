//! Where the router keeps its place: the screens a person went through, in the app's memory
//! and nowhere else, on every platform.
//!
//! **Invariant: no screen and no typed text reaches the browser's history.** On the web the
//! address bar only ever shows the app's own start address (the page's path, no `#`, no
//! query): browsers keep every address a page visits (for months, often synced to an
//! account), and a list of the screens of a women's shelter or a client's name typed into
//! search must not be among them. The browser's and Android's Back still go back one screen:
//! while the app has a screen to go back to, it owns one extra browser history entry at the
//! same address (the *guard*); Back leaves the guard, `popstate` tells the app, the app goes
//! back a screen and puts the guard back if there is still somewhere to go.
//!
//! What this trades: a reload starts at home, not on the screen it was on. A link with a
//! route after `#` (a shared link) still opens that screen, and the address is cleaned at
//! once.
//!
//! [`BackStack::forget`] drops every screen of a visit ("Next client", leaving intake mode,
//! Quick exit): the app is back at home and Back has nothing of the visit to show.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use dioxus::history::History;

/// The home screen's route.
const HOME: &str = "/";

type Updater = Arc<dyn Fn() + Send + Sync>;

/// The screens, most recent last; the current one is `current`.
#[derive(Clone, Debug, PartialEq)]
struct Screens {
    current: String,
    back: Vec<String>,
}

/// A [`History`] for the router that keeps the screens in memory only (see the module).
pub struct BackStack {
    screens: Rc<RefCell<Screens>>,
    /// The router's "the route changed" callback, for changes from outside the router (the
    /// browser's Back, [`BackStack::forget`]).
    updater: Rc<RefCell<Option<Updater>>>,
    #[cfg(target_arch = "wasm32")]
    browser: browser::Guard,
}

impl BackStack {
    /// A stack starting at `start` (a route); on the web, a route after `#` in the address
    /// the page was opened with takes its place, and the address is cleaned.
    pub fn new(start: &str) -> BackStack {
        #[cfg(target_arch = "wasm32")]
        let (browser, start) = {
            let (guard, linked) = browser::Guard::install();
            (guard, linked.unwrap_or_else(|| start.to_string()))
        };
        let stack = BackStack {
            screens: Rc::new(RefCell::new(Screens {
                current: start.to_string(),
                back: Vec::new(),
            })),
            updater: Rc::new(RefCell::new(None)),
            #[cfg(target_arch = "wasm32")]
            browser,
        };
        #[cfg(target_arch = "wasm32")]
        {
            let (screens, updater) = (stack.screens.clone(), stack.updater.clone());
            let (screens_too, updater_too) = (stack.screens.clone(), stack.updater.clone());
            stack.browser.listen(
                // The browser's Back left the guard: one screen back, in the app.
                move || {
                    let more = back_one(&screens);
                    notify(&updater);
                    more
                },
                // A link to a route after `#` followed within the page.
                move |route| {
                    push_one(&screens_too, route);
                    notify(&updater_too);
                    !screens_too.borrow().back.is_empty()
                },
            );
        }
        stack
    }

    /// Drops every screen: the app shows home, and Back has nowhere to go.
    pub fn forget(&self) {
        *self.screens.borrow_mut() = Screens {
            current: HOME.to_string(),
            back: Vec::new(),
        };
        self.changed();
        notify(&self.updater);
    }

    /// How many screens Back can go through (for tests and the browser's guard).
    pub fn depth(&self) -> usize {
        self.screens.borrow().back.len()
    }

    /// Tells the browser's side how many screens there are to go back to.
    fn changed(&self) {
        #[cfg(target_arch = "wasm32")]
        self.browser.settle(self.depth() > 0);
    }
}

impl History for BackStack {
    fn current_route(&self) -> String {
        self.screens.borrow().current.clone()
    }

    fn can_go_back(&self) -> bool {
        self.depth() > 0
    }

    fn go_back(&self) {
        back_one(&self.screens);
        self.changed();
    }

    /// There is no Forward: a screen left with Back is gone.
    fn can_go_forward(&self) -> bool {
        false
    }

    fn go_forward(&self) {}

    fn push(&self, route: String) {
        if push_one(&self.screens, route) {
            self.changed();
        }
    }

    fn replace(&self, route: String) {
        self.screens.borrow_mut().current = route;
    }

    /// The router gives its callback each time it is mounted; the last one is called.
    fn updater(&self, callback: Updater) {
        *self.updater.borrow_mut() = Some(callback);
    }
}

/// Tells the router the route changed from outside it.
fn notify(updater: &RefCell<Option<Updater>>) {
    let update = updater.borrow().clone();
    if let Some(update) = update {
        update();
    }
}

/// Opens `route` on top of the current screen (not the same screen twice); says whether it
/// did.
fn push_one(screens: &RefCell<Screens>, route: String) -> bool {
    let mut screens = screens.borrow_mut();
    if screens.current == route {
        return false;
    }
    let previous = std::mem::replace(&mut screens.current, route);
    screens.back.push(previous);
    true
}

/// Goes back one screen, if there is one; says whether there is still one to go back to.
fn back_one(screens: &RefCell<Screens>) -> bool {
    let mut screens = screens.borrow_mut();
    if let Some(previous) = screens.back.pop() {
        screens.current = previous;
    }
    !screens.back.is_empty()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The one browser history entry the app owns (see the module above).

    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    /// The state of the app's guard entries, numbered from 1 after the base entry, so
    /// `popstate` can tell them from the base entry and a Back from a Forward.
    const GUARD: &str = "merhaba-guard:";

    /// Shared with the `popstate` listener.
    #[derive(Clone)]
    pub struct Guard(Rc<Entries>);

    struct Entries {
        history: web_sys::History,
        /// The address without a route: the page's own path.
        address: String,
        /// The number of the guard entry the browser is at; 0 on the base entry. Usually
        /// at most 1; a link to a route followed within the page adds one more.
        at: Cell<u32>,
        /// The app itself went back off the guard; its `popstate` is not a Back to follow.
        own_back: Cell<bool>,
    }

    impl Entries {
        /// Makes the browser's current entry guard number `n`, at the clean address.
        fn mark(&self, n: u32) {
            let state = JsValue::from_str(&format!("{GUARD}{n}"));
            let _ = self
                .history
                .replace_state_with_url(&state, "", Some(&self.address));
            self.at.set(n);
        }

        /// The number of the guard entry the browser is at, 0 on the base entry.
        fn current(&self) -> u32 {
            self.history
                .state()
                .ok()
                .and_then(|s| s.as_string())
                .and_then(|s| s.strip_prefix(GUARD)?.parse().ok())
                .unwrap_or(0)
        }
    }

    impl Guard {
        /// Cleans the address of any route, and returns the route it carried (a shared
        /// link); the base entry is the page's path alone.
        pub fn install() -> (Guard, Option<String>) {
            let window = web_sys::window().expect("the web app runs in a window");
            let location = window.location();
            let history = window.history().expect("a window has a history");
            let address = location.pathname().unwrap_or_else(|_| "/".to_string());
            let linked = linked_route(&location);
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
            let guard = Guard(Rc::new(Entries {
                history,
                address,
                at: Cell::new(0),
                own_back: Cell::new(false),
            }));
            (guard, linked)
        }

        /// Puts a guard in place while there is a screen to go back to, and goes back to the
        /// base entry (so the next Back leaves the app, as on any home screen) when there is
        /// none.
        pub fn settle(&self, can_go_back: bool) {
            let e = &self.0;
            let at = e.at.get();
            if can_go_back && at == 0 {
                let state = JsValue::from_str(&format!("{GUARD}1"));
                if e.history
                    .push_state_with_url(&state, "", Some(&e.address))
                    .is_ok()
                {
                    e.at.set(1);
                }
            } else if !can_go_back && at > 0 {
                e.own_back.set(true);
                e.at.set(0);
                let _ = e.history.go_with_delta(-(at as i32));
            }
        }

        /// Runs `back` when the browser's Back leaves a guard, and `follow` when a link to a
        /// route after `#` is followed within the page; each says whether there is a screen
        /// to go back to afterwards.
        pub fn listen(
            &self,
            back: impl Fn() -> bool + 'static,
            follow: impl Fn(String) -> bool + 'static,
        ) {
            let guard = self.clone();
            let window = web_sys::window().expect("the web app runs in a window");
            let location = window.location();
            let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
                let e = &guard.0;
                if let Some(route) = linked_route(&location) {
                    // The link's entry, after the one the browser was at, becomes the next
                    // guard, at the clean address.
                    e.mark(e.at.get() + 1);
                    guard.settle(follow(route));
                    return;
                }
                let (was, now) = (e.at.get(), e.current());
                e.at.set(now);
                if e.own_back.replace(false) || now >= was {
                    // The app's own going back, or Forward onto a guard: nothing to show.
                    return;
                }
                guard.settle(back());
            });
            let _ = window
                .add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            listener.forget();
        }
    }

    /// The route after `#` in the address, if it holds one.
    fn linked_route(location: &web_sys::Location) -> Option<String> {
        location
            .hash()
            .ok()
            .map(|h| h.trim_start_matches('#').to_string())
            .filter(|route| route.starts_with('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(stack: &BackStack, routes: &[&str]) {
        for route in routes {
            stack.push(route.to_string());
        }
    }

    #[test]
    fn back_goes_through_the_screens_in_reverse_and_then_stops() {
        let stack = BackStack::new("/");
        walk(
            &stack,
            &["/category/health", "/submenu/hospitals", "/service/a"],
        );
        assert_eq!(stack.depth(), 3);
        stack.go_back();
        assert_eq!(stack.current_route(), "/submenu/hospitals");
        stack.go_back();
        stack.go_back();
        assert_eq!(stack.current_route(), "/");
        assert!(!stack.can_go_back());
        stack.go_back();
        assert_eq!(stack.current_route(), "/");
        assert!(!stack.can_go_forward());
    }

    #[test]
    fn typing_a_search_replaces_the_screen_and_leaves_no_prefix_to_go_back_to() {
        let stack = BackStack::new("/");
        stack.push("/search?q=a".into());
        for q in ["ay", "ays", "ayse"] {
            stack.replace(format!("/search?q={q}"));
        }
        assert_eq!(stack.depth(), 1);
        stack.go_back();
        assert_eq!(stack.current_route(), "/");
    }

    #[test]
    fn the_same_screen_twice_is_one_screen() {
        let stack = BackStack::new("/settings");
        walk(&stack, &["/settings", "/paths", "/paths"]);
        assert_eq!(stack.depth(), 1);
    }

    #[test]
    fn forget_leaves_home_with_nothing_behind_it_and_tells_the_router() {
        let stack = BackStack::new("/");
        let told = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = told.clone();
        stack.updater(Arc::new(move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }));
        walk(
            &stack,
            &["/settings", "/service/womens-shelter", "/search?q=ayse"],
        );
        stack.forget();
        assert_eq!(stack.current_route(), HOME);
        assert!(!stack.can_go_back());
        stack.go_back();
        assert_eq!(stack.current_route(), HOME);
        assert_eq!(told.load(std::sync::atomic::Ordering::SeqCst), 1);
    }
}
