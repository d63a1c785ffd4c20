// Merhaba's service worker: keeps one whole release of the site (the shell, the wasm and the
// city pack) for use with no connection, and swaps to a newer release only once every file
// of it is cached and matches the SHA-256 that release.json gives for it. A release is one
// cache; the page is always served from the cache of the worker in control, so a new shell
// never meets an old pack or the reverse. `merhaba-pack site` writes the release id below;
// release.json is written by the same command (crates/pack/src/site.rs), read here and by
// the app (crates/core/src/release.rs).
const RELEASE = "__RELEASE__";
// Two deployments on one origin (two cities under two paths, say) keep apart: each one's
// caches are named for its own scope, and it touches no other.
const SCOPE = new URL(self.registration.scope).pathname;
const PREFIX = "merhaba:" + SCOPE + ":";
const CACHE = PREFIX + RELEASE;
// Where a refused release is noted, for Settings to say why (src/platform/web.rs reads it).
// Not a release: the next release taken into use drops it with the others.
const REFUSED = PREFIX + "refused";

const KEPT_HEADERS = ["Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options",
  "Permissions-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options"];

const scoped = (path) => new URL(path, self.registration.scope).href;

async function sha256(buffer) {
  const digest = await crypto.subtle.digest("SHA-256", buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// Fetches the file from the site and checks it against the manifest. "no-cache" asks the
// site whether the browser's copy (from the page's own first load) is current, so a first
// visit does not download the wasm twice; the hash is checked either way.
async function fetchChecked(path, expected) {
  const response = await fetch(scoped(path), { cache: "no-cache" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const hash = await sha256(body);
  if (hash !== expected.sha256 || body.byteLength !== expected.length) {
    throw new Error(`${path}: ${body.byteLength} bytes with SHA-256 ${hash}, ` +
                    `release.json says ${expected.length} bytes with ${expected.sha256}`);
  }
  const headers = { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" };
  // The host's security headers stay with the file when the cache answers for the host.
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  return new Response(body, { headers });
}

async function install() {
  // A note of an earlier refusal is about an earlier attempt.
  await caches.delete(REFUSED);
  const response = await fetch(scoped("release.json"), { cache: "no-store" });
  if (!response.ok) throw new Error(`release.json: HTTP ${response.status}`);
  const text = await response.text();
  const release = JSON.parse(text);
  // A host caught between two deploys can serve this worker with another release's files.
  if (release.release !== RELEASE) {
    throw new Error(`release.json is release ${release.release}, this worker is ${RELEASE}`);
  }
  // Releases never go back: one numbered lower than a release this scope installed (a
  // host or cache serving an old copy) is refused, and the one in use stays.
  const installed = await installedNumber();
  if (!(release.number >= installed)) {
    const reason = `release.json is release number ${release.number ?? 0}, older than ` +
                   `release number ${installed} installed here: refused`;
    await (await caches.open(REFUSED)).put(scoped("refused.txt"),
      new Response(reason, { headers: { "Content-Type": "text/plain; charset=utf-8" } }));
    throw new Error(reason);
  }
  const files = [];
  for (const [path, expected] of Object.entries(release.files)) {
    files.push([path, await fetchChecked(path, expected)]);
  }
  // Only a whole, checked release is written; a failure above leaves no cache behind.
  await caches.delete(CACHE);
  const cache = await caches.open(CACHE);
  for (const [path, response] of files) await cache.put(scoped(path), response);
  await cache.put(scoped("release.json"),
                  new Response(text, { headers: { "Content-Type": "application/json" } }));
}

// The highest number of the releases this scope keeps (in use, or waiting to be), 0 if none.
async function installedNumber() {
  let newest = 0;
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const kept = await (await caches.open(name)).match(scoped("release.json"));
    if (kept) newest = Math.max(newest, (await kept.json()).number || 0);
  }
  return newest;
}

self.addEventListener("install", (event) => {
  event.waitUntil(install());
  // The first release takes over at once: there is nothing older to keep in use.
  if (!self.registration.active) self.skipWaiting();
});

// A page that has loaded the new release's pack (or is about to) lets it take over.
self.addEventListener("message", (event) => {
  if (event.data === "activate") self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      // A cache named as releases before this one named theirs: dropped if it is ours.
      else if (name.startsWith("merhaba-") && await holdsOurs(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

async function holdsOurs(name) {
  const keys = await (await caches.open(name)).keys();
  return keys.some((request) => request.url.startsWith(self.registration.scope));
}

// Only the app's own files under its own path: any other page of the origin is left to the
// network, as if there were no worker.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.href.startsWith(self.registration.scope)) return;
  // The app is the one page, index.html: every screen lives in its memory.
  const page = url.pathname === SCOPE || url.pathname === SCOPE + "index.html";
  if (request.mode === "navigate" && !page) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const key = page ? scoped("index.html") : url.origin + url.pathname;
    const hit = await cache.match(key);
    return hit || fetch(request);
  })());
});
