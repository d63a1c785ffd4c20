//! HTTP for the feed: one reqwest client with time-outs, used by tough for metadata (the
//! `Transport`) and by the resumable, capped download of targets.
//!
//! Requests carry nothing but the file's URL and, for the timestamp and resumed downloads,
//! the standard caching and range headers: no cookies, no identifiers, a fixed user agent.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use futures_util::StreamExt;
use reqwest::header::{CONTENT_RANGE, RANGE};
use reqwest::StatusCode;
use tough::{Transport, TransportError, TransportErrorKind, TransportStream};
use url::Url;

use super::FeedError;

/// A connection that takes longer than this to open is given up.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A connection on which no byte arrives for this long is given up (a stalled server).
pub const READ_TIMEOUT: Duration = Duration::from_secs(15);

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
            .build()
            .map_err(|e| FeedError::Setup(e.to_string()))?;
        Ok(Http {
            client,
            traffic: Arc::default(),
        })
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
        request
            .send()
            .await
            .map_err(|e| FeedError::unreachable(url, &e))
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

/// tough's view of the feed: metadata files over [`Http`]. The timestamp, already fetched
/// with a conditional request, is handed over instead of being fetched twice.
#[derive(Clone, Debug)]
pub(crate) struct MetadataTransport {
    pub(crate) http: Http,
    pub(crate) prefetched: Option<(Url, Vec<u8>)>,
}

#[async_trait::async_trait]
impl Transport for MetadataTransport {
    async fn fetch(&self, url: Url) -> Result<TransportStream, TransportError> {
        let once = |bytes: Vec<u8>| -> TransportStream {
            Box::pin(futures_util::stream::once(async move {
                Ok(bytes::Bytes::from(bytes))
            }))
        };
        if let Some((prefetched, body)) = &self.prefetched {
            if *prefetched == url {
                return Ok(once(body.clone()));
            }
        }
        let response = self.http.get(&url, &[]).await.map_err(|e| {
            TransportError::new_with_cause(TransportErrorKind::Other, url.as_str(), e)
        })?;
        match response.status() {
            StatusCode::OK => {}
            StatusCode::NOT_FOUND | StatusCode::GONE => {
                return Err(TransportError::new(
                    TransportErrorKind::FileNotFound,
                    url.as_str(),
                ))
            }
            status => {
                return Err(TransportError::new_with_cause(
                    TransportErrorKind::Other,
                    url.as_str(),
                    FeedError::status_of(&url, status),
                ))
            }
        }
        let traffic = self.http.traffic.clone();
        let url = url.to_string();
        Ok(Box::pin(response.bytes_stream().map(move |chunk| {
            chunk
                .inspect(|c| traffic.received(c.len()))
                .map_err(|e| TransportError::new_with_cause(TransportErrorKind::Other, &url, e))
        })))
    }
}
