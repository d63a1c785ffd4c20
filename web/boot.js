// Starts the web app: a file of its own, not a script inside index.html, so the page's
// Content-Security-Policy allows no inline script at all.
// The service worker keeps the whole release for use with no connection (sw.js).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("sw.js", { updateViaCache: "none" }).catch((e) => {
    console.warn("Merhaba: no offline copy on this browser:", e);
  });
}
import init from "./merhaba.js";
init({ module_or_path: "merhaba_bg.wasm" });
