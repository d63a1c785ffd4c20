// The web app in a real Chromium (Debian's), emulating a phone: 360×800, touch, device scale
// 3. It does what a person does, on the site served on 127.0.0.1 by scripts/serve-site.mjs:
//   1. first visit: home → category → submenu → service → the browser's Back; Settings →
//      العربية (right to left); search "hastane" from the Arabic screen; Nearby with the
//      browser's position and, in another browser, with location denied (districts, a map
//      tap); the language kept across a reload, and the browser's language at first start;
//      the installability checks of the browser; the intake desk (a service in two languages,
//      a path made into a slip, previewed and downloaded, "Next client" leaving no trace);
//   2. offline (the browser's offline mode and the server stopped): the same walk again;
//   3. a newer release published: a download cut off halfway and the browser killed, then
//      the old guide opens with no connection; back online, the new release is taken whole
//      and Settings and the entry say so.
// Screenshots land in OUT. Every step prints "ok" or the run stops with what was on screen.
//
//   node tests/web/run.mjs SITE APP_DIR MERHABA_PACK OUT
// SITE is the built site (scripts/web.sh), APP_DIR wasm-bindgen's output for the app (to
// build the newer release), MERHABA_PACK the publisher binary.
import { chromium } from "playwright-core";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serveSite } from "../../scripts/serve-site.mjs";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
let site, appDir, packBin, out;

// Flags from the machine's notes: without them Chromium reaches for the network on its own.
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const PHONE = { viewport: { width: 360, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
// The bus terminal, as the desktop e2e test uses.
const TERMINAL = { latitude: 37.842, longitude: 27.813, accuracy: 500 };

let shots = 0;
let failures = 0;

function ok(step, detail) {
  console.log(`  ok  ${step}: ${detail}`);
}

// What the browser refused under the page's Content-Security-Policy, over every walk.
const refused = [];

export async function launch(profile, options = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "en-US",
    ...PHONE,
    ...options,
  });
  context.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|evaluate|apply|connect|compile|create)/i.test(message.text())) {
      refused.push(message.text());
    }
  });
  return context;
}

async function shot(page, name) {
  shots += 1;
  await page.screenshot({ path: join(out, `${String(shots).padStart(2, "0")}-${name}.png`) });
}

/** Waits until every text is on screen (visible), then takes a screenshot. */
async function see(page, step, texts, timeout = 20000) {
  for (const text of texts) {
    try {
      await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ timeout });
    } catch (e) {
      await shot(page, `${step}-FAILED`);
      const body = (await page.locator("body").innerText().catch(() => "")).slice(0, 600);
      throw new Error(`${step}: ${JSON.stringify(text)} not on screen; the screen said:\n${body}`);
    }
  }
  await shot(page, step);
  ok(step, `saw ${texts.join(", ")}`);
}

async function tap(page, text) {
  await page.getByText(text, { exact: false }).filter({ visible: true }).first().tap();
}

function firstPage(context) {
  return context.pages()[0] || context.newPage();
}

/** Nothing is cut off or scrolls sideways at the phone's width. */
async function fits(page, step) {
  const wide = await page.evaluate(() => {
    const bar = document.querySelector(".topbar");
    return { bar: bar.scrollWidth - bar.clientWidth, page: document.documentElement.scrollWidth - innerWidth };
  });
  if (wide.bar > 0 || wide.page > 0) {
    throw new Error(`${step}: wider than the screen (header by ${wide.bar} px, page by ${wide.page} px)`);
  }
}

/** The walk of a person's first minutes, as in the desktop e2e test. */
async function walk(page, step) {
  await see(page, `${step}home`, ["Aydın", "Health", "Education", "Emergency 112"]);
  await tap(page, "Health");
  await see(page, `${step}category-health`, ["Hospitals", "Pharmacies"]);
  await tap(page, "Hospitals");
  await see(page, `${step}submenu-hospitals`, ["University", "Interpreting"]);
  await tap(page, "University");
  await see(page, `${step}service`, ["Rights and obligations", "Cost", "sample"]);
  await fits(page, `${step}service`);
  // The browser's (and Android's) Back goes back a screen.
  await page.goBack();
  await see(page, `${step}back`, ["University", "Interpreting"]);
}

async function arabic(page, step) {
  await page.getByRole("link", { name: /Settings/ }).first().tap();
  await see(page, `${step}settings`, ["Language", "العربية"]);
  await tap(page, "العربية");
  await see(page, `${step}settings-ar`, ["الإعدادات", "اللغة"]);
  const dir = await page.locator(".app").first().getAttribute("dir");
  if (dir !== "rtl") throw new Error(`${step}settings-ar: the app's dir is ${dir}, not rtl`);
  // Right to left: Back sits on the right half of the screen, Settings on the left.
  const back = await page.locator(".back").first().boundingBox();
  const settings = await page.locator(".settings-link").first().boundingBox();
  if (!(back.x > 180 && settings.x < 180)) {
    throw new Error(`${step}settings-ar: Back at x=${back.x} and Settings at x=${settings.x}, not right to left`);
  }
  await fits(page, `${step}settings-ar`);
  ok(`${step}settings-ar`, `laid out right to left (Back at x=${Math.round(back.x)}, Settings at x=${Math.round(settings.x)}), header within the screen`);
}

async function searchArabic(page, step) {
  const box = page.locator(".search-box").first();
  await box.tap();
  await box.fill("hastane");
  await see(page, `${step}search-ar`, ["الطوارئ", "المستشفيات"]);
  await page.locator(".search-results .service-item").filter({ hasText: "أقسام" }).first().tap();
  await see(page, `${step}search-result-ar`, ["الطوارئ", "112", "الحقوق"]);
}

/** The intake desk on a phone: intake mode from Settings, the client's language (Arabic),
 * a service with both languages stacked row by row, a first-steps path made into a slip (the
 * preview drawn on the phone, the PDF downloaded and read back), then "Next client": the
 * browser's storage holds nothing of the visit. */
async function intake(page) {
  await page.goto(siteUrl + "#/settings");
  await tap(page, "Start intake mode");
  await see(page, "intake-on", ["Intake mode", "Next client", "العربية"]);
  await page.locator(".intake-bar .lang-option", { hasText: "العربية" }).first().tap();
  await page.goto(siteUrl + "#/service/family-doctor");
  await see(page, "intake-service", ["Family doctor", "طبيب الأسرة", "Add to slip"]);
  const cols = await page.locator(".pair-row").first().locator(".col").evaluateAll((cs) =>
    cs.map((c) => ({ dir: c.getAttribute("dir"), box: c.getBoundingClientRect().toJSON() })));
  if (cols.length !== 2 || cols[0].dir !== "ltr" || cols[1].dir !== "rtl" || !(cols[1].box.top >= cols[0].box.bottom - 1)) {
    throw new Error(`intake-service: expected an LTR cell above an RTL cell on a phone, got ${JSON.stringify(cols)}`);
  }
  await fits(page, "intake-service");
  ok("intake-service", "English above Arabic, row by row, within the screen");
  await page.goto(siteUrl + "#/path/new-temporary-protection");
  await see(page, "intake-path", ["Newly under temporary protection", "Make a slip of this path"]);
  await tap(page, "Make a slip of this path");
  await see(page, "intake-slip", ["Slip to take home", "Save as PDF"]);
  const drawn = await page.locator(".slip-preview").evaluate((img) => img.decode().then(() => img.naturalWidth));
  if (!(drawn > 500)) throw new Error(`intake-slip: the preview is ${drawn} px wide`);
  await page.locator(".slip-preview").scrollIntoViewIfNeeded();
  await shot(page, "intake-slip-preview");
  const [download] = await Promise.all([page.waitForEvent("download"), tap(page, "Save as PDF")]);
  const pdf = join(out, "web-slip.pdf");
  await download.saveAs(pdf);
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  for (const name of ["Geçici koruma", "Adres kaydı"]) {
    if (!text.includes(name)) throw new Error(`intake-slip: the PDF does not name ${name}:\n${text.slice(0, 500)}`);
  }
  ok("intake-slip", `previewed (${drawn} px) and downloaded as ${download.suggestedFilename()}, ${text.length} characters of text`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tap(page, "Next client");
  await see(page, "intake-next", ["Cleared: ready for the next client."]);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  // The user database, under its key named for the site's path (none if nothing was saved).
  const saved = JSON.parse(stored).find(([k]) => k.startsWith("merhaba.user"));
  const user = Buffer.from(saved?.[1] || "", "base64").toString("latin1");
  for (const trace of ["family-doctor", "new-temporary-protection", "temporary-protection", "intake"]) {
    if (stored.includes(trace) || user.includes(trace)) throw new Error(`intake-next: browser storage holds ${trace}`);
  }
  ok("intake-next", "the browser's storage holds nothing of the visit");
}

/** Every address in a closed Chromium profile's own `History` database (urls table). */
function historyAddresses(profile) {
  const db = join(profile, "Default", "History");
  const script = "import sqlite3, sys, json; c = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True); " +
    "print(json.dumps([r[0] for r in c.execute('SELECT url FROM urls ORDER BY id')]))";
  return JSON.parse(execFileSync("python3", ["-c", script, db], { encoding: "utf8" }));
}

/** Only the app's own start address may be in the browser's history: no `#`, no query, no
 * other path of the site. */
function checkHistory(step, profile) {
  const addresses = historyAddresses(profile);
  const own = addresses.filter((a) => a.startsWith(siteUrl));
  const beyond = own.filter((a) => a !== siteUrl);
  if (beyond.length) {
    throw new Error(`${step}: the browser's history holds ${beyond.length} address(es) beyond the start address: ${JSON.stringify(beyond)}`);
  }
  ok(step, `the browser's History file holds ${own.length} address(es) of the site, all the start address ${siteUrl}; 0 beyond it`);
}

/** What the browser's Back shows now: the page's text if still in the app, else where it went. */
async function afterBrowserBack(page) {
  await page.goBack({ timeout: 5000 }).catch(() => null);
  await page.waitForTimeout(500);
  if (!page.url().startsWith(siteUrl)) return { left: page.url(), text: "" };
  return { left: null, text: await page.locator("body").innerText().catch(() => "") };
}

/** Issue 23: an intake visit with a client's name typed into search, then "Next client":
 * Back shows nothing of the visit, and after the browser closes its History file holds no
 * screen and no search. */
async function intakeLeavesNoHistory(profile) {
  const context = await launch(profile);
  const page = await firstPage(context);
  await page.goto(siteUrl);
  await page.getByRole("link", { name: /Settings/ }).first().tap();
  await tap(page, "Start intake mode");
  await page.locator(".intake-bar .lang-option", { hasText: "العربية" }).first().tap();
  await tap(page, "Health");
  await tap(page, "Hospitals");
  await tap(page, "University");
  await see(page, "history-intake-service", ["Rights and obligations", "Add to slip"]);
  const box = page.locator(".search-box").first();
  await box.tap();
  await box.pressSequentially("ayse yilmaz", { delay: 40 });
  await page.waitForTimeout(300);
  // The browser's Back still goes back one screen, inside the app.
  await page.goBack();
  await see(page, "history-intake-back", ["Rights and obligations", "Add to slip"]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await tap(page, "Next client");
  await see(page, "history-next-client", ["Cleared: ready for the next client.", "Health"]);
  const typed = await page.locator(".search-box").first().inputValue();
  if (typed) throw new Error(`history-next-client: the search box still holds ${JSON.stringify(typed)}`);
  const back = await afterBrowserBack(page);
  for (const trace of ["University", "Hospitals", "ayse", "Rights and obligations"]) {
    if (back.text.includes(trace)) throw new Error(`history-back: Back after "Next client" shows ${trace}:\n${back.text.slice(0, 400)}`);
  }
  ok("history-back", back.left ? `Back after "Next client" left the app (for ${back.left})` : `Back after "Next client" shows nothing of the visit`);
  await context.close();
  checkHistory("history-intake", profile);
}

/** Issue 23: a reader opens the women's shelter, then Quick exit: a neutral screen, nothing
 * to go back to, nothing in the browser's history. */
async function quickExitLeavesNoHistory(profile) {
  const context = await launch(profile);
  const page = await firstPage(context);
  await page.goto(siteUrl);
  await tap(page, "Accommodation");
  await tap(page, "Emergency shelter");
  await tap(page, "Women's shelters");
  await see(page, "quick-exit-shelter", ["Women's shelters", "Quick exit"]);
  await tap(page, "Quick exit");
  await page.locator(".neutral-continue").waitFor({ timeout: 10000 });
  const neutral = await page.locator("body").innerText();
  for (const trace of ["Merhaba", "shelter", "Emergency"]) {
    if (neutral.includes(trace)) throw new Error(`quick-exit: the neutral screen shows ${trace}:\n${neutral}`);
  }
  await shot(page, "quick-exit-neutral");
  ok("quick-exit", `the neutral screen shows only ${JSON.stringify(neutral.trim().replace(/\s+/g, " "))}`);
  const back = await afterBrowserBack(page);
  if (back.text.includes("shelter") || back.text.includes("Accommodation")) {
    throw new Error(`quick-exit-back: Back after Quick exit shows the guide:\n${back.text.slice(0, 400)}`);
  }
  ok("quick-exit-back", back.left ? `Back after Quick exit left the app (for ${back.left})` : "Back after Quick exit shows nothing of the guide");
  await context.close();
  checkHistory("history-quick-exit", profile);
}

/** Issue 23: a browser whose storage refuses every write (full, or a private window): a
 * tick on a path says it was not kept, instead of being lost without a word. */
async function failedSaveIsShown(profile) {
  const context = await launch(profile);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  const page = await firstPage(context);
  await page.goto(siteUrl);
  await tap(page, "First steps");
  await tap(page, "Newly under temporary protection");
  await page.locator(".path-step input[type=checkbox]").first().check();
  await see(page, "save-failed", ["Your choice could not be saved on this device."]);
  const details = await page.locator(".notice.error").first().innerText();
  if (!details.includes("QuotaExceededError") && !details.includes("quota")) {
    throw new Error(`save-failed: the notice does not say why: ${details}`);
  }
  ok("save-failed", "a refused save is shown with its reason");
  await context.close();
}

/** The rows of one table of the user database a page keeps in local storage. */
async function savedRows(page, sql) {
  const saved = await page.evaluate(() =>
    Object.entries(localStorage).find(([k]) => k.startsWith("merhaba.user:"))?.[1] || "");
  const file = join(tmpdir(), `merhaba-user-${process.pid}.sqlite`);
  writeFileSync(file, Buffer.from(saved, "base64"));
  const script = "import sqlite3, sys, json; c = sqlite3.connect(sys.argv[1]); " +
    "print(json.dumps([list(r) for r in c.execute(sys.argv[2])]))";
  try {
    return JSON.parse(execFileSync("python3", ["-c", script, file, sql], { encoding: "utf8" }));
  } finally {
    rmSync(file, { force: true });
  }
}

/** Opens a lesson of the advisors' course and reads its cards up to the first question. */
async function toFirstQuestion(page, lesson) {
  await page.goto(siteUrl + `#/course/serving-newcomers/lesson/${lesson}`);
  await page.locator(".lesson").first().waitFor({ timeout: 20000 });
  for (let i = 0; i < 20 && !(await page.locator(".lesson-question").count()); i++) {
    await page.locator(".next-step").first().tap();
  }
  await page.locator(".lesson-question").first().waitFor();
}

/** Issue 23: two tabs of the app open at once, each answering a question of its own lesson:
 * the second tab's save does not undo the first's. */
async function twoTabsKeepTheirAnswers(profile) {
  const context = await launch(profile);
  const [first, second] = [await firstPage(context), await context.newPage()];
  // Both open before either answers: each starts from the same empty database.
  await toFirstQuestion(first, "legal-statuses");
  await toFirstQuestion(second, "rights-by-status");
  for (const page of [first, second]) {
    await page.locator(".choice").first().tap();
    await page.locator(".check").first().tap();
    await page.locator(".feedback").first().waitFor();
  }
  await shot(second, "two-tabs-second");
  const third = await context.newPage();
  await third.goto(siteUrl);
  await see(third, "two-tabs-third", ["Health"]);
  const answered = (await savedRows(third,
    "SELECT lesson_id FROM quiz_answer ORDER BY lesson_id")).map(([id]) => id);
  if (JSON.stringify(answered) !== JSON.stringify(["legal-statuses", "rights-by-status"])) {
    throw new Error(`two-tabs: the saved database holds answers of ${JSON.stringify(answered)}, not of both tabs' lessons`);
  }
  ok("two-tabs", `two tabs answered a question each; the saved database holds both (${answered.join(", ")})`);
  await context.close();
}

async function nearbyWithPosition(page) {
  await page.getByRole("link", { name: /Nearby/ }).first().tap();
  await see(page, "nearby-device", ["Your position (from this device)", "Bus Terminal"]);
  const names = await page.locator(".nearby-list li, .service-list li").allInnerTexts();
  const at = (word) => names.findIndex((t) => t.includes(word));
  // The museum moved 2 km east with its published address (issue 15): from the terminal,
  // the offices in the centre (2.4 km) come next, and the museum is no longer among the 20.
  if (!(at("Terminal") === 0 && at("Population") === 1)) {
    throw new Error(`nearby-device: expected Terminal, then Population, got ${JSON.stringify(names.map((t) => t.split("\n")[1]))}`);
  }
  ok("nearby-device", "bus terminal, then the population directorate in the centre");
}

async function nearbyDenied(context) {
  // No permission: the browser refuses at once; the screen offers the districts and the map.
  const page = await firstPage(context);
  await page.goto(siteUrl + "#/nearby");
  await see(page, "nearby-denied", ["Choose where you are", "Districts", "Nazilli"]);
  await tap(page, "Nazilli");
  await see(page, "nearby-picked", ["You chose", "Nazilli State Hospital"]);
  const map = await page.locator(".map").first().boundingBox();
  await page.touchscreen.tap(map.x + 30, map.y + map.height - 30);
  await see(page, "nearby-map-tap", ["You chose a point on the map"]);
}

async function installability(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  if (installabilityErrors.length) {
    throw new Error(`installability: ${JSON.stringify(installabilityErrors)}`);
  }
  const manifest = await cdp.send("Page.getAppManifest");
  if (manifest.errors.length) throw new Error(`manifest: ${JSON.stringify(manifest.errors)}`);
  ok("installable", `Page.getInstallabilityErrors returned none; manifest ${manifest.url.replace(siteUrl, "")} parsed without errors`);
}

/** The same content with one English summary changed and version 2: a correction. */
function publishNewerRelease(work) {
  const content = join(work, "aydin");
  cpSync(join(ROOT, "content", "aydin"), content, { recursive: true });
  const service = join(content, "services", "address-registration.toml");
  const old = 'en = "Your address must be registered; many services are given according to it."';
  const text = readFileSync(service, "utf8");
  if (!text.includes(old)) throw new Error("the entry to edit has changed; update this test");
  writeFileSync(service, text.replace(old, 'en = "This summary is a test of a content update."'));
  const city = join(content, "city.toml");
  writeFileSync(city, readFileSync(city, "utf8").replace("content_version = 1", "content_version = 2"));
  const site2 = join(work, "site2");
  execFileSync(packBin, ["site", content, site2, "--app", appDir, "--shell", join(ROOT, "web"),
    "--icons", join(ROOT, "assets", "icons")], { stdio: "inherit" });
  return site2;
}

let siteUrl;

async function main() {
  [site, appDir, packBin, out] = process.argv.slice(2);
  if (!out) {
    console.error("usage: node tests/web/run.mjs SITE APP_DIR MERHABA_PACK OUT");
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const server = await serveSite(resolve(site));
  siteUrl = server.url;
  const work = mkdtempSync(join(tmpdir(), "merhaba-web-"));
  const profile = join(work, "phone");
  try {
    // 1. First visit, online, with the position allowed.
    let context = await launch(profile, { permissions: ["geolocation"], geolocation: TERMINAL });
    let page = await firstPage(context);
    page.on("pageerror", (e) => console.log(`  page error: ${e.message}`));
    await page.goto(siteUrl);
    await walk(page, "");
    // A link to a route followed within the page (a pasted or shared address), one screen
    // deep: opened at a clean address, and one Back returns to the screen before it.
    await page.evaluate(() => { location.hash = "#/service/family-doctor"; });
    await see(page, "in-page-link", ["Family doctor"]);
    if (page.url() !== siteUrl) throw new Error(`in-page-link: the address is ${page.url()}`);
    await page.goBack();
    await see(page, "in-page-link-back", ["University", "Interpreting"]);
    const policy = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || "",
      inline: [...document.scripts].filter((s) => !s.src).length,
      referrer: document.querySelector('meta[name="referrer"]')?.content || "",
    }));
    if (!policy.csp.includes("script-src 'self' 'wasm-unsafe-eval'") || policy.inline || policy.referrer !== "no-referrer") {
      throw new Error(`csp: the page's policy is ${JSON.stringify(policy)}`);
    }
    ok("csp", `the app runs under "${policy.csp.split(";").slice(0, 2).join(";")}; …", no inline script, referrer ${policy.referrer}`);
    await installability(page);
    await nearbyWithPosition(page);
    await arabic(page, "");
    await searchArabic(page, "");
    await page.reload();
    // Home (no screen is kept in the address: ARCHITECTURE.md), still in Arabic: the
    // choice is kept.
    await see(page, "reload-ar", ["الإعدادات", "الصحة", "التعليم", "112"]);
    // The service worker answers for the app's own files only: another page of the origin
    // is the host's to answer (here a 404), not the app's shell from the cache.
    const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
    const other = await page.goto(siteUrl + "another-page/");
    const otherText = await page.locator("body").innerText().catch(() => "");
    if (!controlled || other.status() !== 404 || otherText.includes("Merhaba")) {
      throw new Error(`sw-scope: under a worker (${controlled}), another page answered ${other.status()}: ${otherText.slice(0, 200)}`);
    }
    ok("sw-scope", "with the service worker in control, another page of the origin is the host's 404, not the app");
    await context.close();

    // A browser set to Turkish opens in Turkish at first start.
    const turkish = await launch(join(work, "turkish"), { locale: "tr-TR" });
    const trPage = await firstPage(turkish);
    await trPage.goto(siteUrl);
    await see(trPage, "first-start-tr", ["Ayarlar", "Sağlık", "Eğitim"]);
    await turkish.close();

    const desk = await launch(join(work, "desk"), { acceptDownloads: true });
    await intake(await firstPage(desk));
    await desk.close();

    await intakeLeavesNoHistory(join(work, "desk-history"));
    await quickExitLeavesNoHistory(join(work, "reader-history"));
    await failedSaveIsShown(join(work, "storage-full"));
    await twoTabsKeepTheirAnswers(join(work, "two-tabs"));

    const denied = await launch(join(work, "denied"), { permissions: [] });
    await nearbyDenied(denied);
    await denied.close();

    // 2. Offline: the server gone and the browser offline; the guide opens as before.
    await server.close();
    context = await launch(profile, { offline: true });
    page = await firstPage(context);
    await page.goto(siteUrl);
    await see(page, "offline-home-ar", ["الصحة", "التعليم"]);
    await page.getByRole("link", { name: /الإعدادات/ }).first().tap();
    await tap(page, "English");
    await see(page, "offline-settings", ["Could not reach the update server"]);
    await page.locator(".back").first().tap();
    await walk(page, "offline-");
    await arabic(page, "offline-");
    await searchArabic(page, "offline-");
    await page.getByRole("link", { name: /الإعدادات/ }).first().tap();
    await tap(page, "English");
    await context.close();

    // 3. A newer release; its pack stops halfway and the browser is killed mid-download.
    const site2 = publishNewerRelease(work);
    const server2 = await serveSite(site2, new URL(siteUrl).port);
    server2.control.stall = (path) => path.startsWith("/packs/");
    context = await launch(profile);
    page = await firstPage(context);
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "update-started", ["Your address must be registered"]);
    for (let i = 0; i < 100 && !server2.control.served.some((s) => s.path.startsWith("/packs/")); i++) {
      await page.waitForTimeout(100);
    }
    if (!server2.control.served.some((s) => s.path.startsWith("/packs/"))) {
      throw new Error("update-started: the new release's pack was never asked for");
    }
    // Killed, not closed: SIGKILL to every process of this browser profile.
    execFileSync("pkill", ["-KILL", "-f", "--", `user-data-dir=${profile}`]);
    await context.close().catch(() => {});
    ok("update-cut", "the new pack's download stalled halfway; the browser was killed (SIGKILL)");

    context = await launch(profile, { offline: true });
    page = await firstPage(context);
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "after-cut-offline", ["Your address must be registered", "Rights and obligations"]);
    ok("after-cut-offline", "the old guide opens whole with no connection");
    await context.close();

    // A release whose pack does not match release.json (a host or proxy that altered it):
    // the service worker refuses the whole release and the old guide stays in use.
    const tampered = join(work, "tampered");
    cpSync(site2, tampered, { recursive: true });
    const pack = join(tampered, "packs", "aydin-2.sqlite");
    const bytes = readFileSync(pack);
    bytes[bytes.length - 1] ^= 1;
    writeFileSync(pack, bytes);
    server2.control.dir = tampered;
    server2.control.stall = () => false;
    context = await launch(profile);
    page = await firstPage(context);
    await page.goto(siteUrl + "#/settings");
    await see(page, "update-tampered", ["The update could not be installed"], 60000);
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "update-tampered-old", ["Your address must be registered"]);
    // And it opens again as before: the refused release never took over. (A reload opens
    // home: no screen is kept in the address.)
    await page.reload();
    await see(page, "update-tampered-reopened", ["Health", "Education"]);
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "update-tampered-reopened-entry", ["Your address must be registered", "Rights and obligations"]);
    await context.close();

    // Back online with the whole release: taken in the background, said in Settings.
    server2.control.dir = site2;
    context = await launch(profile);
    page = await firstPage(context);
    await page.goto(siteUrl + "#/settings");
    await see(page, "update-installed", ["The guide was updated to version"], 60000);
    const status = (await page.locator(".update-status").first().innerText()).replace(/[\u2068\u2069]/g, "");
    if (status !== "The guide was updated to version 2.") throw new Error(`update-installed: Settings said ${status}`);
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "update-shown", ["This summary is a test of a content update."]);
    await context.close();

    // A host or cache serving the first release again (numbered lower): refused, said in
    // Settings, and the newer guide stays.
    server2.control.dir = resolve(site);
    context = await launch(profile);
    page = await firstPage(context);
    await page.goto(siteUrl + "#/settings");
    await see(page, "rollback-refused", ["An update was refused"], 60000);
    const why = await page.locator(".update-details").first().innerText();
    if (!/older than release number \d+ installed here: refused/.test(why)) {
      throw new Error(`rollback-refused: Settings says ${why}`);
    }
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "rollback-kept", ["This summary is a test of a content update."]);
    await page.reload();
    await see(page, "rollback-reopened", ["Health", "Education"]);
    await page.goto(siteUrl + "#/service/address-registration");
    await see(page, "rollback-reopened-entry", ["This summary is a test of a content update."]);
    ok("rollback", `the older release was refused (${why.trim()}); the newer guide stays`);
    await context.close();
    await server2.close();
    if (refused.length) {
      throw new Error(`csp: the browser refused ${refused.length} thing(s) under the policy: ${JSON.stringify(refused.slice(0, 5))}`);
    }
    ok("csp-walks", "the browser refused nothing under the policy in any walk");
  } catch (e) {
    failures += 1;
    console.log(`web e2e FAILED: ${e.message}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`web e2e: ${shots} screenshots in ${out}; ${failures ? "FAILED" : "passed"}`);
  process.exit(failures ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
