// Serves the web app's folder (scripts/web.sh) on 127.0.0.1, as a static host or CDN would:
// the right Content-Type for each file (application/wasm, the manifest's type), gzip when the
// browser accepts it, ETag and 304, and nothing outside the folder.
//   node scripts/serve-site.mjs DIR [PORT]
// The web tests (tests/web/) import serveSite and use `control` to stall one file midway,
// the way a phone's connection drops in the middle of a download.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".sqlite": "application/vnd.sqlite3",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".json", ".webmanifest", ".css", ".sqlite"]);

export function serveSite(dir, port = 0) {
  // dir: the folder served (a test publishes a new release by pointing it elsewhere).
  // stall: a function of the path; when it says yes, half the file is sent and the
  // connection then hangs until the server closes. served: bytes of bodies sent, by path.
  const control = { dir, stall: () => false, served: [], hangs: new Set() };
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      if (path.endsWith("/")) path += "index.html";
      const root = normalize(control.dir);
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) return end(res, 404);
      let info;
      try { info = await stat(file); } catch { return end(res, 404); }
      if (!info.isFile()) return end(res, 404);
      if (req.method !== "GET" && req.method !== "HEAD") return end(res, 405);
      let body = await readFile(file);
      const etag = '"' + createHash("sha256").update(body).digest("hex").slice(0, 16) + '"';
      const headers = {
        "Content-Type": TYPES[extname(file)] || "application/octet-stream",
        "Cache-Control": "no-cache",
        ETag: etag,
        Vary: "Accept-Encoding",
      };
      if (req.headers["if-none-match"] === etag) {
        control.served.push({ path, bytes: 0, status: 304 });
        res.writeHead(304, headers);
        return res.end();
      }
      if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] || "")) {
        body = gzipSync(body, { level: 9 });
        headers["Content-Encoding"] = "gzip";
      }
      headers["Content-Length"] = body.length;
      control.served.push({ path, bytes: body.length, status: 200 });
      res.writeHead(200, headers);
      if (req.method === "HEAD") return res.end();
      if (control.stall(path)) {
        res.write(body.subarray(0, body.length >> 1));
        control.hangs.add(res);
        return;
      }
      res.end(body);
    } catch (e) {
      end(res, 500);
    }
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const close = () => new Promise((done) => {
        for (const res of control.hangs) res.destroy();
        server.closeAllConnections();
        server.close(done);
      });
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, control, close });
    });
  });
}

function end(res, status) {
  res.writeHead(status, { "Content-Type": "text/plain" });
  res.end(status === 404 ? "not found\n" : "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node scripts/serve-site.mjs DIR [PORT]");
    process.exit(2);
  }
  const site = await serveSite(dir, Number(port || 8080));
  console.log(`serving ${dir} at ${site.url}`);
}
