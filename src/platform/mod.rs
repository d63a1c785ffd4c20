//! What differs between phones and desktops: where data lives, which languages the device
//! prefers and where it is. Each function has a plain fallback for targets without a
//! special case.

use std::path::PathBuf;

pub mod hand_out;
pub mod network;
pub mod position;
pub mod speech;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The Android application id, as in Dioxus.toml.
pub const APP_ID: &str = "org.merhaba.app";

/// The platform's folder for the installed city packs and the user database, unless
/// `MERHABA_DATA_DIR` says otherwise (read in `config.rs`).
#[cfg(target_os = "android")]
pub fn default_data_dir() -> PathBuf {
    // The app's private internal storage, in the folder `Context.getNoBackupFilesDir()`
    // names: no permission is needed to write here, and Android leaves it out of cloud
    // backup and device-to-device transfer (android/AndroidManifest.xml).
    PathBuf::from(format!("/data/data/{APP_ID}/no_backup"))
}

#[cfg(not(target_os = "android"))]
pub fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(std::env::temp_dir)
        .join("merhaba")
}

/// The device's preferred languages, most preferred first (BCP 47 tags).
#[cfg(not(target_arch = "wasm32"))]
pub fn device_languages() -> Vec<String> {
    sys_locale::get_locales().collect()
}

#[cfg(target_arch = "wasm32")]
pub use web::device_languages;

/// Android: runs `f` with this thread attached to the Java VM, given the app's activity and
/// a system service of it (`"location"`, `"connectivity"`), as the platform code needs.
#[cfg(target_os = "android")]
pub(crate) fn with_system_service<T>(
    service: &str,
    f: impl FnOnce(
        &mut jni::JNIEnv,
        &jni::objects::JObject,
        &jni::objects::JObject,
    ) -> jni::errors::Result<T>,
) -> jni::errors::Result<T> {
    use jni::objects::{JObject, JValue};
    let ctx = ndk_context::android_context();
    // SAFETY: ndk-context hands out the process's JavaVM and the activity, both valid for
    // the life of the app.
    let vm = unsafe { jni::JavaVM::from_raw(ctx.vm().cast()) }?;
    let activity = unsafe { JObject::from_raw(ctx.context().cast()) };
    let mut env = vm.attach_current_thread()?;
    let name = env.new_string(service)?;
    let manager = env
        .call_method(
            &activity,
            "getSystemService",
            "(Ljava/lang/String;)Ljava/lang/Object;",
            &[JValue::Object(&name)],
        )?
        .l()?;
    f(&mut env, &activity, &manager)
}
