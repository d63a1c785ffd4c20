//! The one rule for a URL that becomes a link a person follows, kept by the validator when a
//! pack is built and again by the pack reader (a pack is untrusted input).

/// Whether a URL read from a pack may become a link a person follows ([`link_refusal`]
/// says why not). A pack is untrusted input: a `javascript:`, `file:` or `data:` link in
/// the webview could run or read anything. (`tel:` and `geo:` links are made by the app
/// itself, from numbers: `tel_uri`, `geo_uri`.)
pub fn is_safe_link(url: &str) -> bool {
    link_refusal(url).is_none()
}

/// Why a URL may not be a link a person follows, or `None` when it may: the one rule for
/// the validator and the pack reader. https only, to a host name with a dot (not an IP
/// address), and nothing that makes it read as another host than the one it goes to: no
/// user name or password (`https://www.turkiye.gov.tr@evil.example/` goes to
/// evil.example), no `@` or `\` anywhere (`https://evil.example\@saglik.gov.tr/`,
/// `https://evil.example#@saglik.gov.tr`), no percent-encoding in the host, no spaces or
/// control characters.
pub fn link_refusal(url: &str) -> Option<String> {
    let parsed = match url::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(e) => return Some(format!("`{url}` is not a URL: {e}")),
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!("`{url}` contains spaces or control characters"));
    }
    if parsed.scheme() != "https" {
        return Some(format!("`{url}` must start with https://"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() || url.contains('@') {
        return Some(format!(
            "`{url}` has an `@`: it reads as another host than the one it goes to, `{}`",
            parsed.host_str().unwrap_or_default()
        ));
    }
    if url.contains('\\') {
        return Some(format!(
            "`{url}` has a backslash: it reads as another host than the one it goes to, `{}`",
            parsed.host_str().unwrap_or_default()
        ));
    }
    // The host as written: between `https://` and the first `/`, `?` or `#`.
    let written = url["https://".len().min(url.len())..]
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    if written.contains('%') {
        return Some(format!("`{url}` has a percent-encoded host"));
    }
    match parsed.host() {
        Some(url::Host::Domain(host)) if host.contains('.') => None,
        Some(url::Host::Ipv4(_) | url::Host::Ipv6(_)) => {
            Some(format!("`{url}` goes to an IP address, not a named host"))
        }
        _ => Some(format!("`{url}` has no proper host name")),
    }
}
