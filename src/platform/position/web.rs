//! The web: the browser's Geolocation API, coarse (`enableHighAccuracy: false`), with an
//! answer from the last few minutes accepted. The browser asks the person first; a refusal
//! comes back as `Refused`. The deadline is the app's own timer, because the browser's
//! `timeout` does not count the time its permission question is on screen.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use futures_channel::oneshot;
use merhaba_core::Position;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::Fix;

type Sender = Rc<RefCell<Option<oneshot::Sender<Fix>>>>;

fn send(sender: &Sender, fix: Fix) {
    if let Some(s) = sender.borrow_mut().take() {
        let _ = s.send(fix);
    }
}

pub async fn locate(timeout: Duration) -> Fix {
    let Some(window) = web_sys::window() else {
        return Fix::Unavailable("no window".into());
    };
    let geolocation = match window.navigator().geolocation() {
        Ok(g) => g,
        Err(_) => return Fix::Unavailable("this browser has no geolocation".into()),
    };
    let (sender, receiver) = oneshot::channel();
    let sender: Sender = Rc::new(RefCell::new(Some(sender)));

    let found = {
        let sender = sender.clone();
        Closure::once(move |p: web_sys::Position| {
            let c = p.coords();
            send(
                &sender,
                match Position::new(c.latitude(), c.longitude()) {
                    Ok(position) => Fix::Found(position),
                    Err(e) => Fix::Unavailable(e.to_string()),
                },
            )
        })
    };
    let failed = {
        let sender = sender.clone();
        Closure::once(move |e: web_sys::PositionError| {
            send(
                &sender,
                match e.code() {
                    web_sys::PositionError::PERMISSION_DENIED => Fix::Refused,
                    web_sys::PositionError::TIMEOUT => Fix::TimedOut,
                    _ => Fix::Unavailable(e.message()),
                },
            )
        })
    };
    let deadline = {
        let sender = sender.clone();
        Closure::once(move || send(&sender, Fix::TimedOut))
    };
    let options = web_sys::PositionOptions::new();
    options.set_enable_high_accuracy(false);
    options.set_maximum_age(5 * 60 * 1000);
    options.set_timeout(timeout.as_millis() as u32);
    if let Err(e) = geolocation.get_current_position_with_error_callback_and_options(
        found.as_ref().unchecked_ref(),
        Some(failed.as_ref().unchecked_ref()),
        &options,
    ) {
        return Fix::Unavailable(crate::platform::web::describe(&e));
    }
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        deadline.as_ref().unchecked_ref(),
        timeout.as_millis() as i32,
    );
    let fix = receiver.await.unwrap_or(Fix::TimedOut);
    // The callbacks not called stay alive for the browser, which may still call them later.
    found.forget();
    failed.forget();
    deadline.forget();
    fix
}
