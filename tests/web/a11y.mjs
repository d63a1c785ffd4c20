// Accessibility of the web app, in the real Chromium that run.mjs uses, emulating the same
// phone (360×800, touch), on the site served on 127.0.0.1 by scripts/serve-site.mjs:
//   1. axe-core (WCAG 2 A and AA, 2.1 AA) on every screen in English, Arabic and Persian;
//      a "serious" or "critical" violation fails;
//   2. 200 % text (the browser's default font size set to 32 px, as a person's "large text"
//      does): a full-page screenshot of every screen, no sideways scrolling, no clipped text;
//   3. no word of a home tile broken across lines, in all eight languages, at normal and
//      at 200 % text;
//   4. every visible link, button, input and select at least 44×44 CSS px (links inside
//      running text excepted);
//   5. the focus order (Tab) of the home and a service screen follows reading order, left to
//      right in English and right to left in Arabic, and the focused element is not hidden
//      under the header or the emergency bar;
//   6. in Persian, no aria-label is the English one.
//
//   node tests/web/a11y.mjs SITE OUT
// SITE is the built site (scripts/web.sh), OUT a folder for the screenshots.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serveSite } from "../../scripts/serve-site.mjs";
import { launch, PHONE } from "./run.mjs";

const AXE = new URL("node_modules/axe-core/axe.min.js", import.meta.url).pathname;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];
const TERMINAL = { latitude: 37.842, longitude: 27.813, accuracy: 500 };
// The browser's languages at first start, from which the app takes its own.
const LOCALES = { en: "en-US", tr: "tr-TR", ar: "ar-SY", fa: "fa-IR", ps: "ps-AF", ru: "ru-RU", uk: "uk-UA", kmr: "ku-TR" };
const ALL = Object.keys(LOCALES);
const CHECKED = ["en", "ar", "fa"];
const RTL = new Set(["ar", "fa", "ps"]);
/** Every screen, with what is on it once it has been drawn. */
const SCREENS = [
  { name: "home", hash: "#/", ready: ".category-grid .tile" },
  { name: "category", hash: "#/category/health", ready: ".menu-list .menu-item" },
  { name: "submenu", hash: "#/submenu/hospitals", ready: ".service-list .service-item" },
  { name: "service", hash: "#/service/university-hospital", ready: "article.service .answer" },
  { name: "emergency", hash: "#/emergency", ready: ".emergency-list .emergency-number" },
  { name: "settings", hash: "#/settings", ready: ".lang-option" },
  { name: "search", hash: "#/search?q=hastane", ready: ".search-results .service-item" },
  { name: "nearby", hash: "#/nearby", ready: ".nearby-list .nearby-item" },
  { name: "not-found", hash: "#/no-such-page", ready: ".not-found" },
];

let siteUrl, out;
const failures = [];
const axeCounts = {};
const counts = { brokenWords: 0, smallTargets: 0, focusWalks: 0, focusBad: 0, focusStops: 0, wide: 0, clipped: 0, englishNames: 0, shots: 0 };
let passed = 0;

function fail(check, message) {
  failures.push(`${check}: ${message}`);
  console.log(`  FAIL  ${check}: ${message}`);
}

function ok(check, detail) {
  passed += 1;
  console.log(`  ok  ${check}: ${detail}`);
}

async function browser(work, lang, options = {}) {
  const context = await launch(join(work, `${lang}-${Math.random().toString(36).slice(2)}`), {
    locale: LOCALES[lang],
    permissions: ["geolocation"],
    geolocation: TERMINAL,
    // axe-core is injected as a script of the page, which the app's Content-Security-Policy
    // refuses; the policy itself is checked by tests/web/run.mjs.
    bypassCSP: true,
    ...options,
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on("pageerror", (e) => console.log(`  page error (${lang}): ${e.message}`));
  return { context, page };
}

/** Opens a screen by its route and waits until it is drawn, in its fonts, at the top. */
async function open(page, screen, lang) {
  if (!page.url().startsWith(siteUrl)) await page.goto(siteUrl + screen.hash);
  else await page.evaluate((hash) => { location.hash = hash; }, screen.hash);
  try {
    await page.locator(screen.ready).first().waitFor({ state: "visible", timeout: 20000 });
  } catch {
    const body = (await page.locator("body").innerText().catch(() => "")).slice(0, 400);
    throw new Error(`${screen.name} (${lang}) did not appear; the screen said:\n${body}`);
  }
  const appLang = await page.locator(".app").first().getAttribute("lang");
  if (appLang !== lang) throw new Error(`${screen.name}: the app is in ${appLang}, not ${lang}`);
  await page.evaluate(async () => {
    await document.fonts.ready;
    window.scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

// ---------------------------------------------------------------------------------------
// 1. axe-core

async function axe(page, screen, lang) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
      summary: v.nodes[0]?.failureSummary?.replace(/\s+/g, " ").slice(0, 200),
    }));
  }, AXE_TAGS);
  const tally = (axeCounts[lang] ??= { critical: 0, serious: 0, moderate: 0, minor: 0 });
  for (const v of violations) {
    tally[v.impact] = (tally[v.impact] || 0) + 1;
    const where = `${v.id} (${v.impact}) on ${screen.name} [${lang}]: ${v.help}; ${v.targets.slice(0, 6).join(", ")}${v.targets.length > 6 ? ` and ${v.targets.length - 6} more` : ""}`;
    if (v.impact === "serious" || v.impact === "critical") fail("axe", `${where} — ${v.summary}`);
    else console.log(`  note  axe: ${where}`);
  }
  if (!violations.length) ok(`axe ${screen.name} [${lang}]`, "no violations");
}

// ---------------------------------------------------------------------------------------
// 2. 200 % text

const sessions = new WeakMap();

/** Sets the browser's default font size to 32 px (and checks the app's root is then 34 px).
 * Again before each screen: a full-page screenshot resets the page's settings. */
async function largeText(page) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  await sessions.get(page).send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  if (size !== "34px") throw new Error(`200 % text did not take effect: the root font size is ${size}, not 34px`);
}

/** A screenshot of the whole page at 200 % text. Playwright's fullPage (and CDP's
 * captureBeyondViewport) resize the page for the capture, and a resize puts the browser's
 * font size back to 16 px: so the window is made as tall as the page, the text set large
 * again, and the window's screenshot taken; then the phone's screen comes back. */
async function wholePage(page, path) {
  let height = PHONE.viewport.height;
  for (let i = 0; i < 4; i++) {
    const needed = await page.evaluate(() => document.documentElement.scrollHeight);
    if (needed <= height) break;
    height = needed;
    await page.setViewportSize({ width: PHONE.viewport.width, height });
    await largeText(page);
  }
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path });
  const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  if (size !== "34px") throw new Error(`${path}: taken at a root font size of ${size}, not 34px`);
  await page.setViewportSize(PHONE.viewport);
  await largeText(page);
  counts.shots += 1;
}

async function fitsAtLargeText(page, screen, lang) {
  // Measured before the screenshot, which resizes the page to take it whole.
  const found = await page.evaluate((width) => {
    // A phone's browser shows a page wider than the screen zoomed out: the layout viewport
    // (innerWidth) grows with it, so the screen's own width is the measure too.
    const wide = Math.max(document.documentElement.scrollWidth, innerWidth) - width;
    const clipped = [];
    const outside = [];
    const name = (el) => `${el.tagName.toLowerCase()}${el.classList.length ? "." + [...el.classList].join(".") : ""} "${(el.innerText || el.textContent).trim().replace(/\s+/g, " ").slice(0, 40)}"`;
    const cuts = (el) => ["hidden", "clip", "auto", "scroll"].includes(getComputedStyle(el).overflowX);
    for (const el of document.querySelectorAll("body *")) {
      const style = getComputedStyle(el);
      // Hidden on purpose: not drawn, or the 1-px box of text only screen readers read.
      if (style.visibility === "hidden" || style.display === "none" || el.closest(".visually-hidden")) continue;
      if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
        clipped.push(`${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
      }
      // Off either side of the screen (in right-to-left pages, overflow goes off the left
      // edge, where scrollWidth does not count it and no scrolling reaches it).
      const box = el.getBoundingClientRect();
      if (box.width && (box.left < -1 || box.right > width + 1)) {
        let parent = el.parentElement;
        while (parent && parent !== document.body && !cuts(parent)) parent = parent.parentElement;
        if (!parent || parent === document.body) outside.push(`${name(el)} at ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
    }
    return { wide, clipped, outside, root: getComputedStyle(document.documentElement).fontSize };
  }, PHONE.viewport.width);
  if (found.root !== "34px") throw new Error(`${screen.name} [${lang}]: measured at a root font size of ${found.root}, not 34px`);
  const path = join(out, `${screen.name}-${lang}-200.png`);
  await wholePage(page, path);
  if (found.wide > 0) {
    counts.wide += 1;
    fail("200% text", `${screen.name} [${lang}] is ${found.wide} px wider than the screen (${path}); off the screen: ${found.outside.slice(0, 5).join("; ")}`);
  } else if (found.outside.length) {
    counts.wide += 1;
    fail("200% text", `${screen.name} [${lang}]: off the screen: ${found.outside.slice(0, 5).join("; ")}`);
  }
  for (const c of found.clipped) {
    counts.clipped += 1;
    fail("200% text", `${screen.name} [${lang}]: clipped ${c}`);
  }
  if (found.wide <= 0 && !found.outside.length && !found.clipped.length) ok(`200% text ${screen.name} [${lang}]`, `fits, nothing clipped (${path})`);
}

// ---------------------------------------------------------------------------------------
// 3. Words of the home tiles

async function brokenWords(page) {
  return page.evaluate(() => {
    const broken = [];
    for (const tile of document.querySelectorAll(".tile-name")) {
      const walker = document.createTreeWalker(tile, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (range.getClientRects().length > 1 && lines.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** Browsers with hyphenation dictionaries (Chrome on Android, Safari) hyphenate where this
 * Chromium (with no dictionaries) does not: "Transportati-on". So the style is checked too. */
async function hyphenated(page) {
  return page.evaluate(() => [...document.querySelectorAll(".tile-name")].some((el) => getComputedStyle(el).hyphens === "auto"));
}

async function tileWords(work) {
  for (const lang of ALL) {
    const { context, page } = await browser(work, lang);
    try {
      for (const size of ["normal", "200%"]) {
        if (size === "200%") await largeText(page);
        await open(page, SCREENS[0], lang);
        const broken = await brokenWords(page);
        if (await hyphenated(page)) fail("tile words", `[${lang}] tile names may be hyphenated (hyphens: auto)`);
        counts.brokenWords += broken.length;
        if (broken.length) {
          // The screen as it is (a full-page screenshot would put the text size back).
          await page.locator(".category-grid").first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(out, `home-${lang}-${size === "200%" ? "200" : "100"}-words.png`) });
          fail("tile words", `[${lang}] at ${size} text, broken across lines: ${broken.join(", ")}`);
        } else ok(`tile words [${lang}] ${size}`, "no word broken across lines");
      }
    } finally {
      await context.close();
    }
  }
}

// ---------------------------------------------------------------------------------------
// 4. Touch targets

async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link]");
    for (const el of controls) {
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || el.closest("[aria-hidden=true], [inert]")) continue;
      let box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // A link inside running text: its parent is a paragraph or list item with other text.
      const parent = el.parentElement;
      if (el.matches("a") && parent && parent.matches("p, li")) {
        const other = parent.textContent.replace(el.textContent, "").trim();
        if (other) continue;
      }
      // A checkbox or radio inside its label: the label is what a finger taps.
      const label = el.matches("input") && el.closest("label");
      if (label) box = label.getBoundingClientRect();
      if (box.width + 0.01 < 44 || box.height + 0.01 < 44) {
        const text = (el.innerText || el.value || el.getAttribute("aria-label") || el.placeholder || "").trim().replace(/\s+/g, " ");
        small.push(`${el.tagName.toLowerCase()}${el.className ? "." + [...el.classList].join(".") : ""} "${text.slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  });
}

// ---------------------------------------------------------------------------------------
// 5. Focus order

async function focusOrder(page, screen, lang) {
  await open(page, screen, lang);
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  const seen = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return null;
      const first = el.getClientRects()[0] || el.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      // Whether the focused element is seen: what is drawn at the middle of its first line is
      // it (or inside it), and not the header or the emergency bar.
      const cx = Math.min(Math.max(first.left + first.width / 2, 0), innerWidth - 1);
      const cy = Math.min(Math.max(first.top + first.height / 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(cx, cy);
      const fixed = (node) => { for (let n = node; n; n = n.parentElement) { const p = getComputedStyle(n).position; if (p === "fixed" || p === "sticky") return true; } return false; };
      return {
        id: el.outerHTML.slice(0, 60),
        text: (el.innerText || el.value || el.getAttribute("aria-label") || el.placeholder || "").trim().replace(/\s+/g, " ").slice(0, 30),
        x: first.left + scrollX, right: first.right + scrollX,
        y: box.top + scrollY, bottom: box.bottom + scrollY,
        // Sticky and fixed bars are where they are drawn, wherever the page is scrolled.
        pinned: fixed(el),
        hidden: !(top && (el === top || el.contains(top))) ? (top ? `${top.tagName.toLowerCase()}.${[...top.classList].join(".")}` : "nothing") : null,
      };
    });
    if (!at || (seen.length && seen[0].id === at.id && seen[0].y === at.y)) break;
    seen.push(at);
  }
  const rtl = RTL.has(lang);
  const describe = (s) => `"${s.text}" (${Math.round(rtl ? s.right : s.x)},${Math.round(s.y)})`;
  const problems = [];
  for (let i = 1; i < seen.length; i++) {
    const [a, b] = [seen[i - 1], seen[i]];
    if (a.pinned !== b.pinned) continue; // from the header into the page, or from the page to the bar
    const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.y, b.y);
    const sameRow = overlap > 0.5 * Math.min(a.bottom - a.y, b.bottom - b.y);
    if (sameRow) {
      const forward = rtl ? b.right <= a.right + 1 : b.x >= a.x - 1;
      if (!forward) problems.push(`${describe(a)} → ${describe(b)} goes ${rtl ? "right" : "left"} within a row`);
    } else if (b.y < a.y - 1) {
      problems.push(`${describe(a)} → ${describe(b)} goes up the page`);
    }
  }
  // The header comes first, the emergency bar last: a person reads the page between them.
  const pinned = seen.map((s) => (s.pinned ? (s.y < 300 ? "H" : "B") : "P")).join("").replace(/(.)\1+/g, "$1");
  if (!/^H?P?B?$/.test(pinned)) problems.push(`header, page and emergency bar are reached in the order ${pinned}`);
  for (const s of seen) if (s.hidden) problems.push(`${describe(s)} is focused under ${s.hidden}`);
  counts.focusWalks += 1;
  counts.focusStops += seen.length;
  if (seen.length < 3 || problems.length) counts.focusBad += 1;
  const sequence = seen.map(describe).join(" → ");
  if (seen.length < 3) fail("focus order", `${screen.name} [${lang}]: Tab reached only ${seen.length} elements: ${sequence}`);
  else if (problems.length) fail("focus order", `${screen.name} [${lang}]: ${problems.join("; ")}\n    sequence: ${sequence}`);
  else ok(`focus order ${screen.name} [${lang}]`, `${seen.length} stops in reading order`);
}

// ---------------------------------------------------------------------------------------
// 6. Accessible names in the reader's language

async function ariaLabels(page) {
  return page.evaluate(() => [...document.querySelectorAll("[aria-label]")].map((el) => el.getAttribute("aria-label").trim()));
}

// ---------------------------------------------------------------------------------------

async function main() {
  let site;
  [site, out] = process.argv.slice(2);
  if (!out) {
    console.error("usage: node tests/web/a11y.mjs SITE OUT");
    process.exit(2);
  }
  if (!existsSync(AXE)) {
    console.error(`a11y: ${AXE} is missing: run npm ci in tests/web`);
    process.exit(2);
  }
  mkdirSync(out, { recursive: true });
  const server = await serveSite(resolve(site));
  siteUrl = server.url;
  const work = mkdtempSync(join(tmpdir(), "merhaba-a11y-"));
  const labels = {};
  let appName = "";
  try {
    for (const lang of CHECKED) {
      console.log(`== ${lang}: axe, touch targets, names`);
      const { context, page } = await browser(work, lang);
      labels[lang] = {};
      for (const screen of SCREENS) {
        await open(page, screen, lang);
        await axe(page, screen, lang);
        const small = await smallTargets(page);
        counts.smallTargets += small.length;
        if (small.length) fail("touch targets", `${screen.name} [${lang}] smaller than 44×44: ${small.join("; ")}`);
        labels[lang][screen.name] = await ariaLabels(page);
        if (lang === "en" && screen.name === "home") appName = (await page.locator(".brand").first().innerText()).trim();
      }
      if (lang === "en" || lang === "ar") {
        console.log(`== ${lang}: focus order`);
        await focusOrder(page, SCREENS.find((s) => s.name === "home"), lang);
        await focusOrder(page, SCREENS.find((s) => s.name === "service"), lang);
      }
      console.log(`== ${lang}: 200 % text`);
      for (const screen of SCREENS) {
        await largeText(page);
        await open(page, screen, lang);
        await fitsAtLargeText(page, screen, lang);
      }
      await context.close();
    }

    console.log("== fa: aria-labels in Persian");
    const number = /^[\p{Nd}\s+().\-–]+$/u;
    for (const screen of SCREENS) {
      const english = new Set(labels.en[screen.name]);
      const same = labels.fa[screen.name].filter((label) => english.has(label) && label !== appName && !number.test(label));
      counts.englishNames += same.length;
      if (same.length) fail("names", `${screen.name} [fa]: aria-label in English: ${same.map((s) => JSON.stringify(s)).join(", ")}`);
      const empty = labels.fa[screen.name].filter((label) => !label);
      if (empty.length) fail("names", `${screen.name} [fa]: ${empty.length} empty aria-label`);
    }
    if (!counts.englishNames) ok("names [fa]", `${Object.values(labels.fa).flat().length} aria-labels, none the English one`);

    console.log("== all languages: words of the home tiles");
    await tileWords(work);
  } catch (e) {
    fail("run", e.message);
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }

  const axeLine = CHECKED.map((lang) => {
    const t = axeCounts[lang] || {};
    return `${lang} ${t.critical || 0} critical/${t.serious || 0} serious/${t.moderate || 0} moderate/${t.minor || 0} minor`;
  }).join(", ");
  console.log(`a11y: axe violations ${axeLine}; ${counts.brokenWords} broken words; ${counts.smallTargets} small targets; ` +
    `focus order: ${counts.focusWalks - counts.focusBad} of ${counts.focusWalks} walks in reading order (${counts.focusStops} stops); 200% text: ${counts.shots} screenshots, ${counts.wide} sideways, ${counts.clipped} clipped; ` +
    `${counts.englishNames} English aria-labels in fa`);
  console.log(`a11y: ${passed} passed, ${failures.length} failed`);
  process.exit(failures.length ? 1 : 0);
}

await main();
