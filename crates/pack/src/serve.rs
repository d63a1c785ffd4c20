//! `serve`: a feed folder over HTTP on 127.0.0.1, for trying a feed out before copying it to
//! a real web server. GET and HEAD of files under the folder, byte ranges, ETag and
//! If-None-Match (what the phone uses); nothing else.

use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves `root` until the process ends; `log` prints each request line to stderr.
pub fn serve(root: &Path, listener: TcpListener, log: bool) -> std::io::Result<()> {
    for stream in listener.incoming() {
        let root = root.to_path_buf();
        let stream = stream?;
        std::thread::spawn(move || {
            let _ = answer(&root, stream, log);
        });
    }
    Ok(())
}

fn answer(root: &Path, stream: TcpStream, log: bool) -> std::io::Result<()> {
    // Headers and body go out in separate writes; without this, Nagle's algorithm holds the
    // body back until the client's delayed acknowledgement (40 ms a response).
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request)? == 0 {
            return Ok(());
        }
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        let mut parts = request.split_whitespace();
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        if log {
            eprintln!("{method} {target}");
        }
        let Some(path) = file_path(root, target).filter(|p| p.is_file()) else {
            respond(&mut out, "404 Not Found", &[], b"not found\n", method)?;
            continue;
        };
        if method != "GET" && method != "HEAD" {
            respond(&mut out, "405 Method Not Allowed", &[], b"", method)?;
            continue;
        }
        let mut file = std::fs::File::open(&path)?;
        let meta = file.metadata()?;
        let len = meta.len();
        let modified = meta
            .modified()?
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let etag = format!("\"{modified:x}-{len:x}\"");
        if header("if-none-match") == Some(&etag) {
            respond(
                &mut out,
                "304 Not Modified",
                &[("ETag", &etag)],
                b"",
                method,
            )?;
            continue;
        }
        let range = header("range")
            .and_then(|r| r.strip_prefix("bytes="))
            .and_then(|r| r.strip_suffix('-'))
            .and_then(|start| start.parse::<u64>().ok())
            .filter(|&start| start < len);
        let start = range.unwrap_or(0);
        file.seek(std::io::SeekFrom::Start(start))?;
        let mut body = Vec::new();
        file.take(len - start).read_to_end(&mut body)?;
        let content_range = format!("bytes {start}-{}/{len}", len.saturating_sub(1));
        let mut extra = vec![("ETag", etag.as_str())];
        let status = if range.is_some() {
            extra.push(("Content-Range", &content_range));
            "206 Partial Content"
        } else {
            "200 OK"
        };
        respond(&mut out, status, &extra, &body, method)?;
    }
}

/// The file a request names, never outside `root`.
fn file_path(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split('?').next()?.strip_prefix('/')?;
    let relative = Path::new(path);
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| root.join(relative))
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nAccept-Ranges: bytes\r\n",
        body.len()
    );
    for (name, value) in headers {
        head += &format!("{name}: {value}\r\n");
    }
    head += "\r\n";
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(body)?;
    }
    out.flush()
}
