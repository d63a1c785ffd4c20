// Figures of the web app on a phone-sized Chromium, against the targets of issue 13:
//   - bytes on the wire (as served: gzip, as a static host or CDN sends them) on a first visit
//     and on a repeat visit with nothing new (targets: ≤ 3 MB and ≤ 5 KB);
//   - time from navigation to the painted home screen: a first visit over Lighthouse's
//     "Slow 4G" (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), and a repeat visit
//     offline (target: ≤ 1 s), median of RUNS.
// A benchmark, not a test: it prints the figures and their ratio to the target.
//   node tests/web/bench.mjs SITE [RUNS]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch } from "./run.mjs";
import { serveSite } from "../../scripts/serve-site.mjs";

const [site, runsArg] = process.argv.slice(2);
if (!site) {
  console.error("usage: node tests/web/bench.mjs SITE [RUNS]");
  process.exit(2);
}
const RUNS = Number(runsArg || 5);
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

// Marks the moment the home screen's category grid is first painted.
const PAINT_MARK = `
  new MutationObserver((_, observer) => {
    if (document.querySelector(".category-grid .tile")) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => { window.__homePainted = performance.now(); }, 0));
    }
  }).observe(document, { childList: true, subtree: true });`;

async function painted(page) {
  await page.waitForFunction(() => window.__homePainted !== undefined, null, { timeout: 120000 });
  return page.evaluate(() => window.__homePainted);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

async function visit(server, profile, { throttle = false, offline = false } = {}) {
  const context = await launch(profile, { offline });
  await context.addInitScript(PAINT_MARK);
  const page = context.pages()[0] || (await context.newPage());
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  }
  const before = server.control.served.length;
  await page.goto(server.url);
  const ms = await painted(page);
  // Let the service worker finish caching the release (its requests count for the visit).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(1500);
  await context.close();
  const requests = server.control.served.slice(before);
  return { ms, bytes: requests.reduce((n, r) => n + r.bytes, 0), requests };
}

const server = await serveSite(resolve(site));
const work = mkdtempSync(join(tmpdir(), "merhaba-bench-"));
try {
  const first = [];
  const repeat = [];
  const offline = [];
  for (let i = 0; i < RUNS; i++) {
    const profile = join(work, `phone-${i}`);
    first.push(await visit(server, profile, { throttle: true }));
    repeat.push(await visit(server, profile));
    offline.push(await visit(server, profile, { offline: true }));
  }
  const firstBytes = median(first.map((v) => v.bytes));
  const repeatBytes = median(repeat.map((v) => v.bytes));
  console.log(`first visit: ${kb(firstBytes)} on the wire (${first[0].requests.length} requests), target 3 MB: ${(firstBytes / (3 * 1024 * 1024)).toFixed(2)}× the target`);
  for (const r of first[0].requests) console.log(`    ${String(r.bytes).padStart(9)}  ${r.status}  ${r.path}`);
  console.log(`repeat visit, nothing new: ${kb(repeatBytes)} on the wire (${repeat[0].requests.length} requests), target 5 KB: ${(repeatBytes / (5 * 1024)).toFixed(2)}× the target`);
  for (const r of repeat[0].requests) console.log(`    ${String(r.bytes).padStart(9)}  ${r.status}  ${r.path}`);
  const firstMs = median(first.map((v) => v.ms));
  const offlineMs = median(offline.map((v) => v.ms));
  console.log(`navigation to painted home, first visit over Slow 4G: median ${firstMs.toFixed(0)} ms of ${RUNS} (${first.map((v) => v.ms.toFixed(0)).join(", ")})`);
  console.log(`navigation to painted home, repeat visit offline: median ${offlineMs.toFixed(0)} ms of ${RUNS} (${offline.map((v) => v.ms.toFixed(0)).join(", ")}), target 1000 ms: ${(offlineMs / 1000).toFixed(2)}× the target`);
} finally {
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
