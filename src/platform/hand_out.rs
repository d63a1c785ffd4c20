//! Handing a slip over: saving it where the person keeps files, opening it in the system's
//! viewer (to print it), or the share sheet. The slip is the one file a visit at the intake
//! desk can make (`crate::intake`), and never inside the app's data folder.
//!
//! - Desktop: saved to the Downloads folder; "Open to print" opens it in the system viewer.
//! - Web (phones): downloaded by the browser; "Share" is the phone's share sheet (Web Share
//!   API with files, Android Chrome and iOS Safari), offered where the browser has it.
//! - Android and iOS apps: every hand-out opens the system's share sheet, where the person
//!   chooses where it goes (save to Files, print, send). The file is written to the one
//!   folder `slips/` of the app's cache, emptied before each new file and at every start;
//!   Android hands it over as a content:// address with a read grant for that file only
//!   (android/MainActivity.kt), iOS as a file URL to UIActivityViewController. Not built on
//!   this project's machines (docs/mobile.md).

/// A slip file: its name, type and bytes.
pub struct HandOut<'a> {
    pub file_name: &'a str,
    pub mime: &'a str,
    pub bytes: &'a [u8],
}

#[cfg(not(any(target_arch = "wasm32", target_os = "android", target_os = "ios")))]
mod desktop {
    use std::path::PathBuf;

    use super::HandOut;

    /// Where a saved slip goes: the Downloads folder (never the data folder).
    fn folder() -> PathBuf {
        dirs::download_dir()
            .or_else(dirs::home_dir)
            .unwrap_or_else(std::env::temp_dir)
    }

    /// Saves the file under a name not yet taken; returns where it went.
    pub fn save(file: &HandOut) -> Result<String, String> {
        let dir = folder();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let (stem, ext) = file
            .file_name
            .rsplit_once('.')
            .unwrap_or((file.file_name, ""));
        let path = (1..1000)
            .map(|n| match n {
                1 => dir.join(file.file_name),
                n => dir.join(format!("{stem}-{n}.{ext}")),
            })
            .find(|p| !p.exists())
            .ok_or_else(|| format!("{}: too many slips saved already", dir.display()))?;
        std::fs::write(&path, file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path.display().to_string())
    }

    /// Saves the file and opens it in the system's viewer, from which it can be printed.
    pub fn open(file: &HandOut) -> Result<String, String> {
        let path = save(file)?;
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        std::process::Command::new(opener)
            .arg(&path)
            .spawn()
            .map_err(|e| format!("{opener} {path}: {e}"))?;
        Ok(path)
    }

    /// Whether this platform offers a share sheet the app can open.
    pub fn can_share() -> bool {
        false
    }

    pub async fn share(file: &HandOut<'_>) -> Result<String, String> {
        save(file)
    }
}

#[cfg(any(target_os = "android", target_os = "ios"))]
mod phone {
    use std::path::{Path, PathBuf};

    use super::HandOut;

    /// The one folder a file is written to for the share sheet to read: `slips/` of the app's
    /// cache (which no backup includes), holding at most the last file handed out.
    fn folder() -> PathBuf {
        #[cfg(target_os = "android")]
        let cache = PathBuf::from(format!("/data/data/{}/cache", crate::platform::APP_ID));
        // iOS sets TMPDIR to the app's own tmp folder.
        #[cfg(target_os = "ios")]
        let cache = std::env::temp_dir();
        cache.join("slips")
    }

    /// Removes what an earlier hand-out left for the share sheet: at every start, and
    /// before each new file.
    pub fn clean_up() {
        let _ = std::fs::remove_dir_all(folder());
    }

    /// Writes the file to the slips folder and opens the share sheet with it.
    pub fn save(file: &HandOut) -> Result<String, String> {
        clean_up();
        let dir = folder();
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = dir.join(file.file_name);
        std::fs::write(&path, file.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        sheet(&path, file.mime).map_err(|e| format!("the share sheet: {e}"))?;
        Ok(file.file_name.to_string())
    }

    /// Printing is one of the share sheet's choices.
    pub fn open(file: &HandOut) -> Result<String, String> {
        save(file)
    }

    pub fn can_share() -> bool {
        true
    }

    pub async fn share(file: &HandOut<'_>) -> Result<String, String> {
        save(file)
    }

    /// `MainActivity.shareSlip(name, mime)` (android/MainActivity.kt).
    #[cfg(target_os = "android")]
    fn sheet(path: &Path, mime: &str) -> Result<(), String> {
        use jni::objects::JValue;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        crate::platform::with_activity(|env, activity| {
            let (name, mime) = (env.new_string(&*name)?, env.new_string(mime)?);
            env.call_method(
                activity,
                "shareSlip",
                "(Ljava/lang/String;Ljava/lang/String;)V",
                &[JValue::Object(&name), JValue::Object(&mime)],
            )?;
            Ok(())
        })
        .map_err(|e| e.to_string())
    }

    /// UIActivityViewController over the app's window, anchored to it on an iPad.
    #[cfg(target_os = "ios")]
    fn sheet(path: &Path, _mime: &str) -> Result<(), String> {
        use objc2::rc::Retained;
        use objc2::runtime::AnyObject;
        use objc2::{MainThreadMarker, MainThreadOnly};
        use objc2_foundation::{NSArray, NSString, NSURL};
        use objc2_ui_kit::{UIActivityViewController, UIApplication};

        let mtm = MainThreadMarker::new().ok_or("not on the main thread")?;
        let url = NSURL::fileURLWithPath(&NSString::from_str(&path.to_string_lossy()));
        let item: Retained<AnyObject> = Retained::into_super(Retained::into_super(url));
        let items = NSArray::from_retained_slice(&[item]);
        // SAFETY: the items are file URLs, as UIActivityViewController takes them.
        let sheet = unsafe {
            UIActivityViewController::initWithActivityItems_applicationActivities(
                UIActivityViewController::alloc(mtm),
                &items,
                None,
            )
        };
        #[allow(deprecated)] // one window: the app has a single scene
        let root = UIApplication::sharedApplication(mtm)
            .keyWindow()
            .and_then(|window| window.rootViewController())
            .ok_or("no window to show the share sheet over")?;
        if let Some(popover) = sheet.popoverPresentationController() {
            popover.setSourceView(root.view().as_deref());
        }
        root.presentViewController_animated_completion(&sheet, true, None);
        Ok(())
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::HandOut;

    fn describe(e: JsValue) -> String {
        crate::platform::web::describe(&e)
    }

    fn blob(file: &HandOut) -> Result<web_sys::Blob, String> {
        let parts = Array::of1(&Uint8Array::from(file.bytes));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(file.mime);
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(describe)
    }

    /// A link to the file in memory, clicked: the browser downloads it (or `target` opens it
    /// in a new tab, from which it is printed).
    fn follow(file: &HandOut, download: bool) -> Result<String, String> {
        let url = web_sys::Url::create_object_url_with_blob(&blob(file)?).map_err(describe)?;
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let a: web_sys::HtmlAnchorElement = document
            .create_element("a")
            .map_err(describe)?
            .unchecked_into();
        a.set_href(&url);
        if download {
            a.set_download(file.file_name);
        } else {
            a.set_target("_blank");
        }
        a.click();
        revoke_later(url);
        Ok(file.file_name.to_string())
    }

    /// The file's bytes stay in the browser's memory only as long as the download or the
    /// opened tab needs them to start: the link is revoked after a minute.
    fn revoke_later(url: String) {
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                60_000,
            );
        }
    }

    pub fn save(file: &HandOut) -> Result<String, String> {
        follow(file, true)
    }

    pub fn open(file: &HandOut) -> Result<String, String> {
        follow(file, false)
    }

    fn navigator() -> Option<JsValue> {
        web_sys::window().map(|w| w.navigator().into())
    }

    /// Whether the browser can share files (the Web Share API's `canShare`).
    pub fn can_share() -> bool {
        navigator().is_some_and(|n| {
            Reflect::get(&n, &"canShare".into()).is_ok_and(|f| f.is_function())
                && Reflect::get(&n, &"share".into()).is_ok_and(|f| f.is_function())
        })
    }

    /// Opens the phone's share sheet with the file.
    pub async fn share(file: &HandOut<'_>) -> Result<String, String> {
        let options = web_sys::FilePropertyBag::new();
        options.set_type(file.mime);
        let parts = Array::of1(&blob(file)?.into());
        let shared =
            web_sys::File::new_with_blob_sequence_and_options(&parts, file.file_name, &options)
                .map_err(describe)?;
        let data = Object::new();
        Reflect::set(&data, &"files".into(), &Array::of1(&shared)).map_err(describe)?;
        let navigator = navigator().ok_or("no navigator")?;
        let call = |name: &str| -> Result<JsValue, String> {
            let f: js_sys::Function = Reflect::get(&navigator, &name.into())
                .map_err(describe)?
                .dyn_into()
                .map_err(describe)?;
            f.call1(&navigator, &data).map_err(describe)
        };
        if !call("canShare")?.is_truthy() {
            return Err("this browser cannot share files".into());
        }
        let promise: js_sys::Promise = call("share")?.dyn_into().map_err(describe)?;
        JsFuture::from(promise).await.map_err(describe)?;
        Ok(file.file_name.to_string())
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{can_share, open, save, share};
#[cfg(not(any(target_arch = "wasm32", target_os = "android", target_os = "ios")))]
pub use desktop::{can_share, open, save, share};
#[cfg(any(target_os = "android", target_os = "ios"))]
pub use phone::{can_share, clean_up, open, save, share};
