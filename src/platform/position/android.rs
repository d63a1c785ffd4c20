//! Android: the last known coarse position from LocationManager, through JNI.
//!
//! The app declares ACCESS_COARSE_LOCATION only (android/AndroidManifest.fragment.xml and
//! Dioxus.toml). Without the grant it asks for it with the system dialog and reports
//! `Refused`; the screen then offers the manual choice and a "Try again" button, which
//! finds the grant once the person has given it.

use std::time::{Duration, Instant};

use jni::objects::{JObject, JValue};
use jni::JavaVM;
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
    let ctx = ndk_context::android_context();
    // SAFETY: ndk-context hands out the process's JavaVM and the activity, both valid for
    // the life of the app.
    let vm = unsafe { JavaVM::from_raw(ctx.vm().cast()) }?;
    let activity = unsafe { JObject::from_raw(ctx.context().cast()) };
    let mut env = vm.attach_current_thread()?;

    let permission = env.new_string(PERMISSION)?;
    let granted = env
        .call_method(
            &activity,
            "checkSelfPermission",
            "(Ljava/lang/String;)I",
            &[JValue::Object(&permission)],
        )?
        .i()?;
    if granted != 0 {
        let array = env.new_object_array(1, "java/lang/String", &permission)?;
        env.call_method(
            &activity,
            "requestPermissions",
            "([Ljava/lang/String;I)V",
            &[JValue::Object(&array), JValue::Int(1)],
        )?;
        return Ok(Fix::Refused);
    }

    let service = env.new_string("location")?;
    let manager = env
        .call_method(
            &activity,
            "getSystemService",
            "(Ljava/lang/String;)Ljava/lang/Object;",
            &[JValue::Object(&service)],
        )?
        .l()?;
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        for provider in PROVIDERS {
            let name = env.new_string(provider)?;
            let location = env.call_method(
                &manager,
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
