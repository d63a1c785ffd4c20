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

/// What a phone app does once at start, before the data folder is read: the file an
/// earlier share sheet was given is removed, and on iOS the data folder (user database and
/// packs) is marked to stay out of iCloud and computer backups, as Android's `no_backup`
/// folder is by its place. Nothing to do on a desktop.
#[cfg(any(target_os = "android", target_os = "ios"))]
pub fn prepare(data_dir: &std::path::Path) {
    hand_out::clean_up();
    #[cfg(target_os = "ios")]
    if let Err(e) = exclude_from_backup(data_dir) {
        eprintln!(
            "merhaba: {}: not excluded from backup: {e}",
            data_dir.display()
        );
    }
    #[cfg(target_os = "android")]
    let _ = data_dir;
}

#[cfg(not(any(target_os = "android", target_os = "ios")))]
pub fn prepare(_data_dir: &std::path::Path) {}

/// iOS: `NSURLIsExcludedFromBackupKey` on the data folder (created first: the mark belongs
/// to the folder, and covers what is written in it later).
#[cfg(target_os = "ios")]
fn exclude_from_backup(dir: &std::path::Path) -> Result<(), String> {
    use objc2::runtime::AnyObject;
    use objc2_foundation::{NSNumber, NSString, NSURLIsExcludedFromBackupKey, NSURL};
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let url = NSURL::fileURLWithPath_isDirectory(&NSString::from_str(&dir.to_string_lossy()), true);
    let number = NSNumber::numberWithBool(true);
    let yes: &AnyObject = &number;
    // SAFETY: the key takes an NSNumber holding a boolean; the key is Foundation's constant.
    unsafe { url.setResourceValue_forKey_error(Some(yes), NSURLIsExcludedFromBackupKey) }
        .map_err(|e| e.localizedDescription().to_string())
}

/// The device's preferred languages, most preferred first (BCP 47 tags).
#[cfg(not(target_arch = "wasm32"))]
pub fn device_languages() -> Vec<String> {
    sys_locale::get_locales().collect()
}

#[cfg(target_arch = "wasm32")]
pub use web::device_languages;

/// Android: runs `f` with this thread attached to the Java VM, given the app's activity.
#[cfg(target_os = "android")]
pub(crate) fn with_activity<T>(
    f: impl FnOnce(&mut jni::JNIEnv, &jni::objects::JObject) -> jni::errors::Result<T>,
) -> jni::errors::Result<T> {
    use jni::objects::JObject;
    let ctx = ndk_context::android_context();
    // SAFETY: ndk-context hands out the process's JavaVM and the activity, both valid for
    // the life of the app.
    let vm = unsafe { jni::JavaVM::from_raw(ctx.vm().cast()) }?;
    let activity = unsafe { JObject::from_raw(ctx.context().cast()) };
    let mut env = vm.attach_current_thread()?;
    let result = f(&mut env, &activity);
    // A Java exception (a method missing from an activity built without ours) is reported
    // as this error, not left pending for the next call.
    if env.exception_check().unwrap_or(false) {
        let _ = env.exception_clear();
    }
    result
}

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
    with_activity(|env, activity| {
        let name = env.new_string(service)?;
        let manager = env
            .call_method(
                activity,
                "getSystemService",
                "(Ljava/lang/String;)Ljava/lang/Object;",
                &[jni::objects::JValue::Object(&name)],
            )?
            .l()?;
        f(env, activity, &manager)
    })
}
