//! Whether the current connection is metered, for "Only on Wi-Fi / unmetered" updates.
//! `None` when the device cannot tell; the update then waits, as the person asked.

/// Linux: NetworkManager's `Metered` property over the D-Bus system bus.
#[cfg(target_os = "linux")]
pub fn metered() -> Option<bool> {
    let conn = zbus::blocking::Connection::system().ok()?;
    let manager = zbus::blocking::Proxy::new(
        &conn,
        "org.freedesktop.NetworkManager",
        "/org/freedesktop/NetworkManager",
        "org.freedesktop.NetworkManager",
    )
    .ok()?;
    // NMMetered: 1 yes, 2 no, 3 guessed yes, 4 guessed no, 0 unknown.
    match manager.get_property::<u32>("Metered").ok()? {
        1 | 3 => Some(true),
        2 | 4 => Some(false),
        _ => None,
    }
}

/// Android: ConnectivityManager.isActiveNetworkMetered(), through JNI.
#[cfg(target_os = "android")]
pub fn metered() -> Option<bool> {
    super::with_system_service("connectivity", |env, _, manager| {
        env.call_method(manager, "isActiveNetworkMetered", "()Z", &[])?
            .z()
    })
    .ok()
}

/// The web: the Network Information API's `navigator.connection`, where the browser has it
/// (Chromium on Android does; Safari and Firefox do not: unknown). `saveData` (the person's
/// data saver) and a cellular connection count as metered.
#[cfg(target_arch = "wasm32")]
pub fn metered() -> Option<bool> {
    use js_sys::Reflect;
    let navigator = web_sys::window()?.navigator();
    let connection = Reflect::get(&navigator, &"connection".into()).ok()?;
    if connection.is_undefined() || connection.is_null() {
        return None;
    }
    if Reflect::get(&connection, &"saveData".into())
        .ok()?
        .as_bool()
        == Some(true)
    {
        return Some(true);
    }
    match Reflect::get(&connection, &"type".into())
        .ok()?
        .as_string()?
        .as_str()
    {
        "cellular" | "wimax" => Some(true),
        "wifi" | "ethernet" => Some(false),
        _ => None,
    }
}

/// Elsewhere (iOS, Windows, macOS) the app does not ask yet: unknown.
#[cfg(not(any(target_os = "linux", target_os = "android", target_arch = "wasm32")))]
pub fn metered() -> Option<bool> {
    None
}
