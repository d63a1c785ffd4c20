//! GeoClue 2 over the D-Bus system bus, where a Linux desktop runs it.
//!
//! GeoClue decides how to locate (GPS, Wi-Fi, or none); some of its sources ask a web
//! service, which is GeoClue's choice and the person's system setting, not the app's. The
//! app asks for neighbourhood accuracy only.

use std::time::{Duration, Instant};

use merhaba_core::Position;
use zbus::blocking::{Connection, Proxy};
use zbus::zvariant::OwnedObjectPath;

use super::Fix;

const SERVICE: &str = "org.freedesktop.GeoClue2";
/// GClueAccuracyLevel NEIGHBORHOOD: coarse is enough to list what is near.
const ACCURACY_NEIGHBORHOOD: u32 = 5;

pub fn request(timeout: Duration) -> Fix {
    match locate(timeout) {
        Ok(Some(position)) => position,
        Ok(None) => Fix::TimedOut,
        Err(e) if e.to_string().contains("AccessDenied") => Fix::Refused,
        Err(e) => Fix::Unavailable(format!("GeoClue: {e}")),
    }
}

fn locate(timeout: Duration) -> zbus::Result<Option<Fix>> {
    let deadline = Instant::now() + timeout;
    let conn = Connection::system()?;
    let manager = Proxy::new(
        &conn,
        SERVICE,
        "/org/freedesktop/GeoClue2/Manager",
        "org.freedesktop.GeoClue2.Manager",
    )?;
    let client_path: OwnedObjectPath = manager.call("GetClient", &())?;
    let client = Proxy::new(
        &conn,
        SERVICE,
        client_path.as_str(),
        "org.freedesktop.GeoClue2.Client",
    )?;
    client.set_property("DesktopId", crate::platform::APP_ID)?;
    client.set_property("RequestedAccuracyLevel", ACCURACY_NEIGHBORHOOD)?;
    let _: () = client.call("Start", &())?;
    let result = (|| {
        while Instant::now() < deadline {
            let location: OwnedObjectPath = client.get_property("Location")?;
            if location.as_str() != "/" {
                let loc = Proxy::new(
                    &conn,
                    SERVICE,
                    location.as_str(),
                    "org.freedesktop.GeoClue2.Location",
                )?;
                let lat: f64 = loc.get_property("Latitude")?;
                let lon: f64 = loc.get_property("Longitude")?;
                return Ok(Some(match Position::new(lat, lon) {
                    Ok(p) => Fix::Found(p),
                    Err(e) => Fix::Unavailable(format!("GeoClue gave {lat},{lon}: {e}")),
                }));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(None)
    })();
    let _: zbus::Result<()> = client.call("Stop", &());
    result
}
