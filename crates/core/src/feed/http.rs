//! HTTP for the feed: one reqwest client with time-outs, used by tough for metadata (the
//! `Transport`) and by the resumable, capped download of targets.
//!
//! Requests carry nothing but the file's URL and, for the timestamp and resumed downloads,
//! the standard caching and range headers: no cookies, no identifiers, no Referer, a fixed
//! user agent. Every file has a deadline scaled to its length (a slow-retrieval defence),
//! and a body the server encoded (gzip, say) is refused: the client never asks for one.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::header::{CONTENT_ENCODING, CONTENT_RANGE, RANGE};
use reqwest::StatusCode;
use tough::{Limits, Transport, TransportError, TransportErrorKind, TransportStream};
use url::Url;

use super::FeedError;

/// A connection that takes longer than this to open is given up.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection on which no byte arrives for this long is given up (a stalled server).
pub const READ_TIMEOUT: Duration = Duration::from_secs(15);

/// How long a file may take at most: this allowance, plus its length (for metadata, its
/// size cap) at [`MIN_RATE`]. A server that drips bytes just inside the read time-out is
/// given up on then, and the update says `unreachable`.
pub const ALLOWANCE: Duration = Duration::from_secs(30);
/// The slowest transfer waited for, in bytes a second (32 kbit/s).
pub const MIN_RATE: u64 = 4 * 1024;

/// Metadata larger than these is refused before it is parsed (an endless-data defence; the
/// real files are a few kilobytes). The transport holds every metadata file to its cap,
/// whatever length signed metadata declares for it.
pub(super) const LIMITS: Limits = Limits {
    max_root_size: 256 * 1024,
    max_targets_size: 4 * 1024 * 1024,
    max_timestamp_size: 16 * 1024,
    max_snapshot_size: 256 * 1024,
    max_root_updates: 64,
};

/// The cap of a metadata file, by its name.
fn cap_of(url: &Url) -> u64 {
    let file = url.path().rsplit('/').next().unwrap_or_default();
    match file {
        "timestamp.json" => LIMITS.max_timestamp_size,
        "snapshot.json" => LIMITS.max_snapshot_size,
        f if f.ends_with(".root.json") || f == "root.json" => LIMITS.max_root_size,
        _ => LIMITS.max_targets_size,
    }
}

/// Counts what the feed costs: requests made and body bytes received.
#[derive(Debug, Default)]
pub struct Traffic {
    pub requests: AtomicU64,
    pub bytes: AtomicU64,
}

impl Traffic {
    fn request(&self) {
        self.requests.fetch_add(1, Ordering::Relaxed);
    }
    fn received(&self, n: usize) {
        self.bytes.fetch_add(n as u64, Ordering::Relaxed);
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Http {
    client: reqwest::Client,
    pub(crate) traffic: Arc<Traffic>,
    /// [`ALLOWANCE`] and [`MIN_RATE`], or what a test sets.
    pub(crate) allowance: Duration,
    pub(crate) min_rate: u64,
}

impl Http {
    pub(crate) fn new(read_timeout: Duration) -> Result<Http, FeedError> {
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::aws_lc_rs::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| FeedError::Setup(e.to_string()))?
        .with_root_certificates(rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        })
        .with_no_client_auth();
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .user_agent("merhaba-feed/1")
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(read_timeout)
            .no_proxy()
            // A redirect may lead to another host (a CDN sending phones to its storage):
            // every file is checked against signed metadata wherever it comes from. It
            // never tells the next host where it came from, and never leaves https.
            .referer(false)
            .redirect(reqwest::redirect::Policy::custom(|attempt| {
                let downgrade = attempt.previous().iter().any(|u| u.scheme() == "https")
                    && attempt.url().scheme() != "https";
                if downgrade {
                    attempt.error("a redirect from https to plain http")
                } else if attempt.previous().len() > 5 {
                    attempt.error("more than 5 redirects")
                } else {
                    attempt.follow()
                }
            }))
            .build()
            .map_err(|e| FeedError::Setup(e.to_string()))?;
        Ok(Http {
            client,
            traffic: Arc::default(),
            allowance: ALLOWANCE,
            min_rate: MIN_RATE,
        })
    }

    /// Runs `fetch` (a whole request: headers and body) for a file of `length` bytes, giving
    /// up when it has not finished by the file's deadline.
    pub(crate) async fn within<T>(
        &self,
        url: &Url,
        length: u64,
        fetch: impl std::future::Future<Output = Result<T, FeedError>>,
    ) -> Result<T, FeedError> {
        let rate = self.min_rate.max(1);
        let deadline = self.allowance + Duration::from_millis(length.saturating_mul(1000) / rate);
        match tokio::time::timeout(deadline, fetch).await {
            Ok(result) => result,
            Err(_) => Err(FeedError::Unreachable {
                url: url.to_string(),
                reason: format!(
                    "not received by its deadline of {:.1} s ({} bytes at {rate} bytes a second, \
                     after {:.1} s to start)",
                    deadline.as_secs_f64(),
                    length,
                    self.allowance.as_secs_f64()
                ),
            }),
        }
    }

    pub(crate) async fn get(
        &self,
        url: &Url,
        headers: &[(reqwest::header::HeaderName, String)],
    ) -> Result<reqwest::Response, FeedError> {
        self.traffic.request();
        let mut request = self.client.get(url.clone());
        for (name, value) in headers {
            request = request.header(name, value);
        }
        let response = request
            .send()
            .await
            .map_err(|e| FeedError::unreachable(url, &e))?;
        // The client asks for no encoding, and cannot check the signed length and hash of
        // a body a server transformed: such a server is misconfigured (docs/publishing.md).
        match response.headers().get(CONTENT_ENCODING) {
            Some(encoding) if encoding.as_bytes() != b"identity" => Err(FeedError::Encoded {
                url: url.to_string(),
                encoding: String::from_utf8_lossy(encoding.as_bytes()).into_owned(),
            }),
            _ => Ok(response),
        }
    }

    /// Reads a small body whole, refusing more than `cap` bytes.
    pub(crate) async fn body(
        &self,
        url: &Url,
        response: reqwest::Response,
        cap: u64,
    ) -> Result<Vec<u8>, FeedError> {
        let mut body = Vec::new();
        let mut stream = response.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| FeedError::unreachable(url, &e))?;
            self.traffic.received(chunk.len());
            body.extend_from_slice(&chunk);
            if body.len() as u64 > cap {
                return Err(FeedError::TooLong {
                    url: url.to_string(),
                    declared: cap,
                });
            }
        }
        Ok(body)
    }

    /// Downloads `url` into `part`, resuming what an earlier attempt left there, and stops
    /// at `length` bytes: a server that sends more is refused. The file is then checked
    /// against `sha256`; a mismatch deletes it. Returns the bytes received by this call.
    pub(crate) async fn download(
        &self,
        url: &Url,
        part: &Path,
        length: u64,
        sha256: &[u8],
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64, FeedError> {
        let result = self
            .within(
                url,
                length,
                self.fetch_to(url, part, length, sha256, progress),
            )
            .await;
        // A write that failed (a full disk) leaves nothing behind to keep the disk full.
        if let Err(FeedError::Io { .. }) = result {
            let _ = std::fs::remove_file(part);
        }
        result
    }

    async fn fetch_to(
        &self,
        url: &Url,
        part: &Path,
        length: u64,
        sha256: &[u8],
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64, FeedError> {
        let io = |e| FeedError::io(part, e);
        let mut have = std::fs::metadata(part).map(|m| m.len()).unwrap_or(0);
        if have > length {
            std::fs::remove_file(part).map_err(io)?;
            have = 0;
        }
        let before = self.traffic.bytes.load(Ordering::Relaxed);
        if have < length {
            let range = [(RANGE, format!("bytes={have}-"))];
            let response = self
                .get(url, if have > 0 { &range[..] } else { &[] })
                .await?;
            let resumed = response.status() == StatusCode::PARTIAL_CONTENT
                && response
                    .headers()
                    .get(CONTENT_RANGE)
                    .and_then(|v| v.to_str().ok())
                    .is_some_and(|v| v.starts_with(&format!("bytes {have}-")));
            if !resumed {
                if response.status() != StatusCode::OK {
                    // A refused range (416, say) means the part kept here is of no use.
                    if have > 0 {
                        std::fs::remove_file(part).map_err(io)?;
                    }
                    return Err(FeedError::status_of(url, response.status()));
                }
                have = 0;
            }
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(resumed)
                .write(true)
                .truncate(!resumed)
                .open(part)
                .map_err(io)?;
            progress(have);
            let mut stream = response.bytes_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| FeedError::unreachable(url, &e))?;
                self.traffic.received(chunk.len());
                let room = (length - have) as usize;
                file.write_all(&chunk[..chunk.len().min(room)])
                    .map_err(io)?;
                have += chunk.len().min(room) as u64;
                progress(have);
                if chunk.len() > room {
                    drop(file);
                    std::fs::remove_file(part).map_err(io)?;
                    return Err(FeedError::TooLong {
                        url: url.to_string(),
                        declared: length,
                    });
                }
            }
            file.sync_data().map_err(io)?;
            if have < length {
                return Err(FeedError::Unreachable {
                    url: url.to_string(),
                    reason: format!("the connection closed after {have} of {length} bytes"),
                });
            }
        }
        if sha256_file(part).map_err(io)? != sha256 {
            std::fs::remove_file(part).map_err(io)?;
            return Err(FeedError::Refused(format!(
                "{url}: the file does not match the hash in the signed metadata"
            )));
        }
        Ok(self.traffic.bytes.load(Ordering::Relaxed) - before)
    }
}

pub(crate) fn sha256(bytes: &[u8]) -> Vec<u8> {
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, bytes)
        .as_ref()
        .to_vec()
}

fn sha256_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut context = aws_lc_rs::digest::Context::new(&aws_lc_rs::digest::SHA256);
    let mut file = std::fs::File::open(path)?;
    let mut buf = vec![0; 1 << 16];
    loop {
        match file.read(&mut buf)? {
            0 => return Ok(context.finish().as_ref().to_vec()),
            n => context.update(&buf[..n]),
        }
    }
}

/// tough's view of the feed: metadata files over [`Http`]. What the client asked for
/// before tough's walk (the next root, the timestamp) is handed over instead of being
/// asked for twice: a body, or `None` for a file the server did not have.
#[derive(Clone, Debug)]
pub(crate) struct MetadataTransport {
    pub(crate) http: Http,
    pub(crate) prefetched: Vec<(Url, Option<Vec<u8>>)>,
}

#[async_trait::async_trait]
impl Transport for MetadataTransport {
    async fn fetch(&self, url: Url) -> Result<TransportStream, TransportError> {
        let once = |bytes: Vec<u8>| -> TransportStream {
            Box::pin(futures_util::stream::once(async move {
                Ok(bytes::Bytes::from(bytes))
            }))
        };
        match self.prefetched.iter().find(|(asked, _)| *asked == url) {
            Some((_, Some(body))) => return Ok(once(body.clone())),
            Some((_, None)) => {
                return Err(TransportError::new(
                    TransportErrorKind::FileNotFound,
                    url.as_str(),
                ))
            }
            None => {}
        }
        // Read whole here, so that the file's cap and deadline hold whatever tough is told
        // by signed metadata, and so that a failure keeps its kind (`FeedError`) for the
        // status word.
        let cap = cap_of(&url);
        let fetch = async {
            let response = self.http.get(&url, &[]).await?;
            match response.status() {
                StatusCode::OK => self.http.body(&url, response, cap).await,
                status => Err(FeedError::status_of(&url, status)),
            }
        };
        match self.http.within(&url, cap, fetch).await {
            Ok(body) => Ok(once(body)),
            // The end of the root chain is a file not found.
            Err(
                e @ FeedError::Server {
                    status: 404 | 410, ..
                },
            ) => Err(TransportError::new_with_cause(
                TransportErrorKind::FileNotFound,
                url.as_str(),
                e,
            )),
            // Any other failure comes in the body: tough takes an error from `fetch` itself
            // for "no newer root" and would carry on with the old one; from the body it
            // ends the update.
            Err(e) => {
                let error =
                    TransportError::new_with_cause(TransportErrorKind::Other, url.as_str(), e);
                Ok(Box::pin(futures_util::stream::once(
                    async move { Err(error) },
                )))
            }
        }
    }
}
