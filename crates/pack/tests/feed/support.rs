//! What the feed tests stand on: a publisher with its own keys and a copy of the Aydın
//! content, nginx from Debian serving the feed on 127.0.0.1, a small misbehaving server for
//! faults, and a phone (a data folder with a pack and a user database) driven through
//! `merhaba-pack pull`, the same client the app runs.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

pub use crate::common::copy_dir;

pub const BIN: &str = env!("CARGO_BIN_EXE_merhaba-pack");

/// The pack schema this build reads and writes: its feed folder is `v<SCHEMA>/`.
pub const SCHEMA: u32 = merhaba_core::pack::schema::PACK_SCHEMA_VERSION as u32;

/// A target name under this build's schema folder: `aydin/1.pack.zst` → `v5/aydin/1.pack.zst`.
pub fn target(name: &str) -> String {
    format!("v{SCHEMA}/{name}")
}

/// Numbers that look random, the same for the same seed (xorshift): kill times a test can
/// repeat.
pub fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn sha256(bytes: &[u8]) -> String {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

/// An editor's machine: content, keys and the feed folder they publish.
pub struct Publisher {
    pub dir: tempfile::TempDir,
}

impl Publisher {
    /// New keys and version 1 of the Aydın content, published.
    pub fn new() -> Publisher {
        let publisher = Publisher {
            dir: tempfile::tempdir().unwrap(),
        };
        copy_dir(&repo().join("content/aydin"), &publisher.content());
        let keys = publisher.keys();
        let out = run(&["keys", "init", keys.to_str().unwrap()]);
        assert!(out.status.success(), "{out:?}");
        publisher.publish(&[]);
        publisher
    }

    pub fn content(&self) -> PathBuf {
        self.dir.path().join("content/aydin")
    }
    pub fn keys(&self) -> PathBuf {
        self.dir.path().join("keys")
    }
    pub fn feed(&self) -> PathBuf {
        self.dir.path().join("feed")
    }
    /// The root a phone ships with: version 1.
    pub fn shipped_root(&self) -> PathBuf {
        self.keys().join("1.root.json")
    }
    /// The published file of `name` (a [`target`] name).
    pub fn target_file(&self, name: &str) -> PathBuf {
        self.feed().join("targets").join(name)
    }
    /// The compressed pack of `version` as published.
    pub fn pack_file(&self, version: u64) -> PathBuf {
        self.target_file(&target(&format!("aydin/{version}.pack.zst")))
    }
    /// The pack of `version`, as a phone installs it.
    pub fn pack(&self, version: u64) -> Vec<u8> {
        let file = std::fs::read(self.pack_file(version)).unwrap();
        merhaba_core::delta::decompress(&file, merhaba_core::delta::MAX_PACK_LEN).unwrap()
    }

    pub fn publish(&self, extra: &[&str]) -> String {
        let (content, feed, keys) = (self.content(), self.feed(), self.keys());
        let mut args = vec![
            "publish",
            content.to_str().unwrap(),
            feed.to_str().unwrap(),
            "--keys",
            keys.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let out = run(&args);
        assert!(out.status.success(), "publish failed: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// An editor's correction: `count` service files get a new English summary, and the
    /// content version goes up by one.
    pub fn edit(&self, count: usize, note: &str) {
        let services = self.content().join("services");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&services)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for path in files.iter().take(count) {
            let text = std::fs::read_to_string(path).unwrap();
            let (mut in_summary, mut done) = (false, false);
            let edited: Vec<String> = text
                .lines()
                .map(|line| {
                    if line.starts_with('[') {
                        in_summary = line == "[summary]";
                    }
                    if in_summary && !done && line.starts_with("en = ") {
                        done = true;
                        format!("en = \"{note}\"")
                    } else {
                        line.to_string()
                    }
                })
                .collect();
            assert!(done, "{}: no English line to edit", path.display());
            std::fs::write(path, edited.join("\n") + "\n").unwrap();
        }
        let city = self.content().join("city.toml");
        let text = std::fs::read_to_string(&city).unwrap();
        let version: u64 = text
            .lines()
            .find_map(|l| l.strip_prefix("content_version = "))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        std::fs::write(
            &city,
            text.replace(
                &format!("content_version = {version}"),
                &format!("content_version = {}", version + 1),
            ),
        )
        .unwrap();
    }
}

/// nginx from Debian serving a folder on 127.0.0.1, in the foreground as this user.
pub struct Nginx {
    child: std::process::Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Nginx {
    pub fn serve(root: &Path) -> Nginx {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let d = dir.path().display();
        let conf = format!(
            "daemon off; master_process off; worker_processes 1;
pid {d}/nginx.pid; error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
  log_format feed '$request_uri $status $body_bytes_sent';
  access_log {d}/access.log feed;
  client_body_temp_path {d}/t1; proxy_temp_path {d}/t2; fastcgi_temp_path {d}/t3;
  uwsgi_temp_path {d}/t4; scgi_temp_path {d}/t5;
  default_type application/octet-stream;
  server {{ listen 127.0.0.1:{port}; root {}; }}
}}",
            root.display()
        );
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let nginx = ["/usr/sbin/nginx", "nginx"]
            .into_iter()
            .find(|p| Command::new(p).arg("-v").output().is_ok())
            .expect("nginx is installed by scripts/setup.sh");
        let mut child = Command::new(nginx)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .spawn()
            .unwrap();
        for _ in 0..200 {
            if TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Nginx { child, port, dir };
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!(
            "nginx did not start: {}",
            std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
        );
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Every request so far: (path, status, body bytes sent).
    pub fn log(&self) -> Vec<(String, u16, u64)> {
        std::fs::read_to_string(self.dir.path().join("access.log"))
            .unwrap_or_default()
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split(' ').collect();
                (
                    f[0].to_string(),
                    f[1].parse().unwrap(),
                    f[2].parse().unwrap(),
                )
            })
            .collect()
    }

    pub fn clear_log(&self) {
        std::fs::write(self.dir.path().join("access.log"), "").unwrap();
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// How the misbehaving server spoils requests whose path ends with `path`.
#[derive(Clone, Debug)]
pub enum Fault {
    /// Closes the connection after this many body bytes, the first time only.
    DropAfter(u64),
    /// Answers 500.
    Error,
    /// Sends the headers and then nothing, holding the connection open.
    Stall,
    /// Sends the file, then more and more bytes, with no length.
    Endless,
    /// Answers 416 (range not satisfiable) to any request for a range.
    RefuseRanges,
    /// Answers 404.
    NotFound,
    /// Sends the file one byte at a time, this long apart (a slow-retrieval attack).
    Drip(std::time::Duration),
    /// Answers 301 to the same path under this base URL (another origin).
    Redirect(String),
    /// Sends the file gzipped, with `Content-Encoding: gzip` (a server compressing on the
    /// fly although the client never asked for it).
    Gzip,
}

/// A tiny HTTP/1.0 server over a folder that spoils one file the way it is told.
pub struct BadServer {
    pub port: u16,
    /// Each request's path and the body bytes sent for it.
    pub log: Arc<Mutex<Vec<(String, u64)>>>,
    /// Each request's path and header lines, as soon as it is read.
    pub requests: Arc<Mutex<Vec<Heard>>>,
}

/// A request as the server heard it: its path and header lines.
pub type Heard = (String, Vec<String>);

impl BadServer {
    pub fn start(root: &Path, path: &str, fault: Fault) -> BadServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let sent = Arc::new(AtomicU64::new(0));
        let log = Arc::new(Mutex::new(Vec::new()));
        let (root, path, counter, requests) = (
            root.to_path_buf(),
            path.to_string(),
            sent.clone(),
            log.clone(),
        );
        let spoiled = Arc::new(Mutex::new(false));
        let heard = Arc::new(Mutex::new(Vec::new()));
        let seen = heard.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, path, counter, fault, spoiled, requests, seen) = (
                    root.clone(),
                    path.clone(),
                    counter.clone(),
                    fault.clone(),
                    spoiled.clone(),
                    requests.clone(),
                    seen.clone(),
                );
                std::thread::spawn(move || {
                    let before = counter.load(Ordering::Relaxed);
                    let spoil = Spoil {
                        path: &path,
                        fault,
                        spoiled: &spoiled,
                        seen: &seen,
                    };
                    let target = answer(stream, &root, spoil, &counter);
                    let sent = counter.load(Ordering::Relaxed) - before;
                    requests.lock().unwrap().push((target, sent));
                });
            }
        });
        BadServer {
            port,
            log,
            requests: heard,
        }
    }

    /// How many requests for paths ending with `suffix` have arrived (answered or not).
    pub fn asked(&self, suffix: &str) -> usize {
        let requests = self.requests.lock().unwrap();
        requests.iter().filter(|(p, _)| p.ends_with(suffix)).count()
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }

    /// Body bytes sent so far for paths ending with `suffix`.
    pub fn sent_for(&self, suffix: &str) -> u64 {
        let log = self.log.lock().unwrap();
        log.iter()
            .filter(|(p, _)| p.ends_with(suffix))
            .map(|(_, n)| n)
            .sum()
    }
}

/// What the server spoils, and what it has heard.
struct Spoil<'a> {
    /// Requests whose path ends with this are spoiled.
    path: &'a str,
    fault: Fault,
    /// Set once the first spoiled answer has gone out (for faults that happen once).
    spoiled: &'a Mutex<bool>,
    seen: &'a Mutex<Vec<Heard>>,
}

/// Answers one request (spoiling it if its path ends with `spoil.path`); returns the path.
fn answer(stream: TcpStream, root: &Path, spoil: Spoil<'_>, counter: &AtomicU64) -> String {
    let mut target = String::new();
    let _ = respond(stream, root, spoil, counter, &mut target);
    target
}

fn respond(
    mut stream: TcpStream,
    root: &Path,
    spoil: Spoil<'_>,
    counter: &AtomicU64,
    target: &mut String,
) -> std::io::Result<()> {
    let Spoil {
        path: spoil,
        fault,
        spoiled,
        seen,
    } = spoil;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut start = 0u64;
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some(r) = line.to_ascii_lowercase().strip_prefix("range: bytes=") {
            start = r.trim().trim_end_matches('-').parse().unwrap_or(0);
        }
        headers.push(line.trim().to_string());
    }
    *target = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    seen.lock().unwrap().push((target.clone(), headers));
    if let (Fault::Redirect(base), true) = (&fault, target.ends_with(spoil)) {
        let location = format!("{}{}", base.trim_end_matches('/'), target);
        return stream.write_all(
            format!("HTTP/1.0 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\n\r\n")
                .as_bytes(),
        );
    }
    let Ok(body) = std::fs::read(root.join(target.trim_start_matches('/'))) else {
        return stream.write_all(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    };
    let send = |stream: &mut TcpStream, bytes: &[u8]| -> std::io::Result<()> {
        stream.write_all(bytes)?;
        counter.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    };
    let body = &body[start.min(body.len() as u64) as usize..];
    let partial = if start > 0 {
        format!(
            "HTTP/1.0 206 Partial Content\r\nContent-Range: bytes {start}-{}/{}\r\n",
            start + body.len() as u64 - 1,
            start + body.len() as u64
        )
    } else {
        "HTTP/1.0 200 OK\r\n".to_string()
    };
    if !target.ends_with(spoil) {
        stream.write_all(format!("{partial}Content-Length: {}\r\n\r\n", body.len()).as_bytes())?;
        return send(&mut stream, body);
    }
    match fault {
        Fault::DropAfter(n) => {
            let first = !std::mem::replace(&mut *spoiled.lock().unwrap(), true);
            stream
                .write_all(format!("{partial}Content-Length: {}\r\n\r\n", body.len()).as_bytes())?;
            if first {
                send(&mut stream, &body[..n as usize])?;
                stream.shutdown(std::net::Shutdown::Both)
            } else {
                send(&mut stream, body)
            }
        }
        Fault::RefuseRanges if start > 0 => {
            stream.write_all(b"HTTP/1.0 416 Range Not Satisfiable\r\nContent-Length: 0\r\n\r\n")
        }
        Fault::RefuseRanges => {
            stream
                .write_all(format!("{partial}Content-Length: {}\r\n\r\n", body.len()).as_bytes())?;
            send(&mut stream, body)
        }
        Fault::Error => {
            stream.write_all(b"HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n")
        }
        Fault::NotFound => stream.write_all(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"),
        Fault::Drip(every) => {
            stream
                .write_all(format!("{partial}Content-Length: {}\r\n\r\n", body.len()).as_bytes())?;
            for byte in body.chunks(1) {
                send(&mut stream, byte)?;
                std::thread::sleep(every);
            }
            Ok(())
        }
        Fault::Gzip => {
            let mut gzip = Command::new("gzip")
                .args(["-c", "-n"])
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()?;
            gzip.stdin.take().unwrap().write_all(body)?;
            let gzipped = gzip.wait_with_output()?.stdout;
            stream.write_all(
                format!(
                    "{partial}Content-Encoding: gzip\r\nContent-Length: {}\r\n\r\n",
                    gzipped.len()
                )
                .as_bytes(),
            )?;
            send(&mut stream, &gzipped)
        }
        Fault::Redirect(_) => unreachable!("answered above"),
        Fault::Stall => {
            stream
                .write_all(format!("{partial}Content-Length: {}\r\n\r\n", body.len()).as_bytes())?;
            std::thread::sleep(std::time::Duration::from_secs(60));
            Ok(())
        }
        Fault::Endless => {
            stream.write_all(partial.as_bytes())?;
            stream.write_all(b"\r\n")?;
            send(&mut stream, body)?;
            let more = vec![b'x'; 64 * 1024];
            loop {
                send(&mut stream, &more)?;
            }
        }
    }
}

/// A phone: a data folder holding a city pack (or none) and a user database.
pub struct Phone {
    pub data: tempfile::TempDir,
    pub root: PathBuf,
}

/// What `pull` said.
#[derive(Debug)]
pub struct Pulled {
    pub ok: bool,
    pub stdout: String,
    pub stderr: String,
}

impl Pulled {
    /// The word after `status:` (refusals only).
    pub fn status(&self) -> &str {
        self.stdout
            .lines()
            .find_map(|l| l.strip_prefix("status: "))
            .unwrap_or("")
    }
    pub fn bytes(&self) -> u64 {
        self.stdout
            .lines()
            .find_map(|l| l.strip_prefix("downloaded "))
            .and_then(|l| l.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no byte count in {self:?}"))
    }
}

impl Phone {
    /// A phone trusting `root`, with `pack` installed (if any) and a user database
    /// holding the reader's settings.
    pub fn new(root: &Path, pack: Option<&[u8]>) -> Phone {
        let data = tempfile::tempdir().unwrap();
        if let Some(pack) = pack {
            merhaba_core::install_pack(data.path(), pack).unwrap();
        }
        let user = merhaba_core::UserStore::open(&data.path().join("user.sqlite")).unwrap();
        user.set_language("ar").unwrap();
        user.set_setting("updates.unmetered_only", "true").unwrap();
        drop(user);
        Phone {
            data,
            root: root.to_path_buf(),
        }
    }

    pub fn pull(&self, url: &str, extra: &[&str]) -> Pulled {
        let mut args = vec![
            "pull",
            url,
            self.data.path().to_str().unwrap(),
            "--root",
            self.root.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let out = run(&args);
        Pulled {
            ok: out.status.success(),
            stdout: String::from_utf8_lossy(&out.stdout).into(),
            stderr: String::from_utf8_lossy(&out.stderr).into(),
        }
    }

    /// Pulls expecting success and a line of output containing `saying`.
    /// The arguments of `merhaba-pack pull` from `url` into this phone, for a process a
    /// test starts and kills itself.
    pub fn pull_args(&self, url: &str) -> Vec<String> {
        vec![
            "pull".into(),
            url.into(),
            self.data.path().display().to_string(),
            "--root".into(),
            self.root.display().to_string(),
        ]
    }

    pub fn pull_saying(&self, url: &str, saying: &str) -> Pulled {
        let pulled = self.pull(url, &[]);
        assert!(pulled.ok, "{pulled:?}");
        assert!(pulled.stdout.contains(saying), "{saying:?}: {pulled:?}");
        pulled
    }

    pub fn pack_path(&self) -> PathBuf {
        merhaba_core::pack_path(self.data.path(), "aydin")
    }

    /// The installed version, after the pack passes SQLite's integrity check.
    pub fn version(&self) -> Option<u64> {
        merhaba_core::CityPack::open_checked(&self.pack_path())
            .ok()
            .map(|p| p.content_version())
    }

    /// Everything a refusal must leave as it was: the pack's bytes and the user database.
    pub fn state(&self) -> (Option<String>, String) {
        let pack = std::fs::read(self.pack_path()).ok().map(|b| sha256(&b));
        (pack, self.user_db())
    }

    /// The user database's settings, after its integrity check.
    pub fn user_db(&self) -> String {
        let conn = rusqlite::Connection::open(self.data.path().join("user.sqlite")).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        let mut stmt = conn
            .prepare("SELECT key || '=' || value FROM setting ORDER BY key")
            .unwrap();
        let rows: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert!(
            rows.contains(&"updates.unmetered_only=true".to_string()),
            "{rows:?}"
        );
        rows.join(";")
    }
}

/// The store of an app of another release, which reads packs of `schema`. This build's
/// store (`merhaba_core::install_pack`) reads only this build's schema, so a test that plays
/// an app of the previous release installs through this one. It keeps the promises the feed
/// relies on: one file per city at `pack_path`, a pack accepted only when it passes
/// `quick_check` and declares this schema, written beside the old one and renamed over it.
pub struct OtherRelease {
    pub schema: u32,
}

impl OtherRelease {
    fn open(&self, path: &Path) -> Option<(String, u64)> {
        let conn =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .ok()?;
        let one = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, String>(0)).ok();
        let schema: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ok()?;
        (schema == self.schema && one("PRAGMA quick_check")? == "ok").then_some(())?;
        let meta = |key: &str| one(&format!("SELECT value FROM pack_meta WHERE key = '{key}'"));
        Some((meta("city")?, meta("content_version")?.parse().ok()?))
    }
}

impl merhaba_core::feed::PackStore for OtherRelease {
    fn schema(&self) -> u32 {
        self.schema
    }
    fn installed_version(&self, data: &Path, city: &str) -> Option<u64> {
        self.open(&merhaba_core::pack_path(data, city))
            .map(|(_, version)| version)
    }
    fn install(
        &self,
        data: &Path,
        city: &str,
        version: u64,
        pack: &[u8],
    ) -> Result<(), merhaba_core::feed::FeedError> {
        let incoming = data.join("incoming.sqlite.tmp");
        let io = |source| merhaba_core::feed::FeedError::Io {
            path: incoming.clone(),
            source,
        };
        std::fs::write(&incoming, pack).map_err(io)?;
        if self.open(&incoming) != Some((city.to_string(), version)) {
            std::fs::remove_file(&incoming).map_err(io)?;
            return Err(merhaba_core::feed::FeedError::Refused(format!(
                "not a sound pack of schema {} for {city} version {version}",
                self.schema
            )));
        }
        std::fs::rename(&incoming, merhaba_core::pack_path(data, city)).map_err(io)
    }
}

impl Phone {
    /// Updates as an app of another release would: this build's feed client, installing
    /// into `store`.
    pub fn pull_as(
        &self,
        url: &str,
        store: OtherRelease,
    ) -> Result<merhaba_core::feed::Report, merhaba_core::feed::FeedError> {
        let root = std::fs::read(&self.root).unwrap();
        merhaba_core::feed::FeedClient::new(url, self.data.path(), &root)?
            .store(store)
            .update_blocking(None, &mut |_| {})?
            .or_first_failure()
    }
}

impl Publisher {
    /// The content version in `city.toml`.
    pub fn content_version(&self) -> u64 {
        std::fs::read_to_string(self.content().join("city.toml"))
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("content_version = "))
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    /// The content as the `merhaba-pack` of a release that writes packs of `schema` would
    /// build it: this build's pack with `PRAGMA user_version` set to `schema` (the header
    /// field at offset 60). Only the number tells packs of two releases apart here.
    pub fn pack_of_schema(&self, schema: u32) -> Vec<u8> {
        let out = self.dir.path().join(format!("built-{schema}.sqlite"));
        let built = run(&[
            "build",
            self.content().to_str().unwrap(),
            out.to_str().unwrap(),
        ]);
        assert!(built.status.success(), "{built:?}");
        let mut bytes = std::fs::read(&out).unwrap();
        bytes[60..64].copy_from_slice(&schema.to_be_bytes());
        bytes
    }

    /// Publishes the content as the `merhaba-pack` of a release writing packs of `schema`
    /// would: the library's `publish_packs`, which files packs by the schema they declare.
    pub fn publish_as_schema(&self, schema: u32) -> anyhow::Result<Vec<String>> {
        let pack = merhaba_pack::publish::BuiltPack {
            city: "aydin".into(),
            version: self.content_version(),
            city_toml: self.content().join("city.toml"),
            bytes: self.pack_of_schema(schema),
        };
        merhaba_pack::publish::publish_packs(
            &[pack],
            &self.feed(),
            &self.keys(),
            &merhaba_pack::publish::Options::default(),
        )
        .map(|p| p.lines)
    }

    /// Signs `targets` as the feed's metadata, one version up, as a compromised (or
    /// mistaken) publishing machine could: for attacks `publish` itself would not write.
    pub fn sign_targets(&self, targets: Vec<(String, tough::schema::Target)>) {
        self.sign_targets_as(targets, 1)
    }

    /// [`Publisher::sign_targets`], with the timestamp's version raised by `timestamp_step`
    /// (0: a timestamp signed again with the same version and new contents).
    pub fn sign_targets_as(
        &self,
        targets: Vec<(String, tough::schema::Target)>,
        timestamp_step: u64,
    ) {
        use tough::editor::RepositoryEditor;
        use tough::schema::{RoleType, Signed, Targets};
        let metadata = self.feed().join("metadata");
        let listed: Signed<Targets> =
            serde_json::from_slice(&std::fs::read(metadata.join("targets.json")).unwrap()).unwrap();
        let timestamp_version = serde_json::from_slice::<Signed<tough::schema::Timestamp>>(
            &std::fs::read(metadata.join("timestamp.json")).unwrap(),
        )
        .unwrap()
        .signed
        .version;
        let keys = self.keys();
        let signed = merhaba_pack::keys::block_on(async {
            let mut editor = RepositoryEditor::new(keys.join("root.json")).await.unwrap();
            for (name, target) in targets {
                editor.add_target(name, target).unwrap();
            }
            let next = |v: std::num::NonZeroU64| v.saturating_add(1);
            let in_a_day = jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24);
            editor
                .targets_version(next(listed.signed.version))
                .unwrap()
                .targets_expires(in_a_day)
                .unwrap()
                .snapshot_version(next(listed.signed.version))
                .snapshot_expires(in_a_day)
                .timestamp_version(timestamp_version.saturating_add(timestamp_step))
                .timestamp_expires(in_a_day);
            let keys: Vec<_> = [RoleType::Targets, RoleType::Snapshot, RoleType::Timestamp]
                .into_iter()
                .map(|r| merhaba_pack::keys::source(&merhaba_pack::keys::key_path(&keys, r)))
                .collect();
            editor.sign(&keys).await.unwrap()
        });
        // Dated after the timestamp it replaces, as `publish` does, so that a phone's
        // "changed since?" is answered with the new one.
        let timestamp = metadata.join("timestamp.json");
        let before = std::fs::metadata(&timestamp).unwrap().modified().unwrap();
        merhaba_pack::keys::block_on(signed.write(&metadata)).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&timestamp)
            .unwrap()
            .set_modified(before + std::time::Duration::from_secs(2))
            .unwrap();
    }

    /// Writes `pack` compressed as the target file `name` and returns its entry for the
    /// targets metadata (length, hash, and the signed contents a phone checks).
    pub fn pack_target(&self, name: &str, pack: &[u8]) -> tough::schema::Target {
        let file = self.target_file(name);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, merhaba_core::delta::compress(pack).unwrap()).unwrap();
        let mut signed =
            merhaba_pack::keys::block_on(tough::schema::Target::from_path(&file)).unwrap();
        signed.custom.insert(
            merhaba_core::feed::PACK_CONTENTS.to_string(),
            merhaba_core::feed::PackContents::of(pack).to_custom(),
        );
        signed
    }

    /// The targets the feed's metadata lists now.
    pub fn listed(&self) -> Vec<(String, tough::schema::Target)> {
        let listed: tough::schema::Signed<tough::schema::Targets> = serde_json::from_slice(
            &std::fs::read(self.feed().join("metadata/targets.json")).unwrap(),
        )
        .unwrap();
        listed
            .signed
            .targets
            .into_iter()
            .map(|(name, target)| (name.raw().to_string(), target))
            .collect()
    }
}

impl Publisher {
    /// Replaces the published pack of `version` (compressed file and signed entry) with
    /// `pack`, signed with the feed's keys, as a compromised publishing machine could: the
    /// phone's checks of the file and of its signed contents all pass.
    pub fn sign_pack(&self, version: u64, pack: &[u8]) {
        let name = target(&format!("aydin/{version}.pack.zst"));
        let signed = self.pack_target(&name, pack);
        let mut targets: Vec<_> = self
            .listed()
            .into_iter()
            .filter(|(n, _)| *n != name)
            .collect();
        targets.push((name, signed));
        self.sign_targets(targets);
    }
}

/// `pack` with `pack_meta` values changed: `(key, value)`.
pub fn with_meta(pack: &[u8], changes: &[(&str, &str)]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edited.sqlite");
    std::fs::write(&path, pack).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    for (key, value) in changes {
        let n = conn
            .execute(
                "UPDATE pack_meta SET value = ?2 WHERE key = ?1",
                [key, value],
            )
            .unwrap();
        assert_eq!(n, 1, "{key}");
    }
    drop(conn);
    std::fs::read(&path).unwrap()
}

impl Phone {
    /// Updates in this process with the app's client, set up by `configure` (for settings
    /// a test shortens, such as the download deadlines).
    pub fn update_with(
        &self,
        url: &str,
        configure: impl FnOnce(
            merhaba_core::feed::FeedClient,
        )
            -> Result<merhaba_core::feed::FeedClient, merhaba_core::feed::FeedError>,
    ) -> Result<merhaba_core::feed::Report, merhaba_core::feed::FeedError> {
        let root = std::fs::read(&self.root).unwrap();
        configure(merhaba_core::feed::FeedClient::new(
            url,
            self.data.path(),
            &root,
        )?)?
        .update_blocking(None, &mut |_| {})?
        .or_first_failure()
    }

    /// The files in `feed/downloads/`: parts kept for resuming.
    pub fn downloads(&self) -> Vec<String> {
        match std::fs::read_dir(self.data.path().join("feed/downloads")) {
            Ok(dir) => dir
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}
