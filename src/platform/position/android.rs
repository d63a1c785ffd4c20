//! Android: the last known coarse position from LocationManager, through JNI.
//!
//! The app declares ACCESS_COARSE_LOCATION only (android/AndroidManifest.xml and
//! Dioxus.toml). Without the grant it asks for it with the system dialog and reports
//! `Refused`; the screen then offers the manual choice and a "Try again" button, which
//! finds the grant once the person has given it.

use std::time::{Duration, Instant};

use jni::objects::{JObject, JValue};
use merhaba_core::Position;

use super::Fix;

const PERMISSION: &str = "android.permission.ACCESS_COARSE_LOCATION";
/// Providers tried in order: network (Wi-Fi/cell, coarse), then fused and passive.
const PROVIDERS: [&str; 3] = ["network", "fused", "passive"];

pub fn request(timeout: Duration) -> Fix {
    match last_known(timeout) {
        Ok(fix) => fix,
        Err(e) => Fix::Unavailable(format!("Android location: {e}")),
    }
}

fn last_known(timeout: Duration) -> jni::errors::Result<Fix> {
    crate::platform::with_system_service("location", |env, activity, manager| {
        poll(env, activity, manager, timeout)
    })
}

fn poll(
    env: &mut jni::JNIEnv,
    activity: &JObject,
    manager: &JObject,
    timeout: Duration,
) -> jni::errors::Result<Fix> {
    let permission = env.new_string(PERMISSION)?;
    let granted = env
        .call_method(
            activity,
            "checkSelfPermission",
            "(Ljava/lang/String;)I",
            &[JValue::Object(&permission)],
        )?
        .i()?;
    if granted != 0 {
        let array = env.new_object_array(1, "java/lang/String", &permission)?;
        env.call_method(
            activity,
            "requestPermissions",
            "([Ljava/lang/String;I)V",
            &[JValue::Object(&array), JValue::Int(1)],
        )?;
        return Ok(Fix::Refused);
    }

    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        for provider in PROVIDERS {
            let name = env.new_string(provider)?;
            let location = env.call_method(
                manager,
                "getLastKnownLocation",
                "(Ljava/lang/String;)Landroid/location/Location;",
                &[JValue::Object(&name)],
            );
            let location = match location {
                Ok(value) => value.l()?,
                // An unknown provider throws; clear it and try the next one.
                Err(_) => {
                    env.exception_clear()?;
                    continue;
                }
            };
            if location.is_null() {
                continue;
            }
            let lat = env.call_method(&location, "getLatitude", "()D", &[])?.d()?;
            let lon = env
                .call_method(&location, "getLongitude", "()D", &[])?
                .d()?;
            return Ok(match Position::new(lat, lon) {
                Ok(p) => Fix::Found(p),
                Err(e) => Fix::Unavailable(e.to_string()),
            });
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    Ok(Fix::TimedOut)
}
