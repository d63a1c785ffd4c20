//! "Report a problem": the link a service page opens so a reader can tell the guide's
//! editors that an entry is wrong. It names the entry, the content version and the page's
//! language, and nothing about the person; the app sends nothing itself — the phone's mail
//! app or browser does, only if the person sends it.

/// Whether `to` (city.toml's `report_to`) may become a report link: a `mailto:` address or
/// an `https://` form (`crate::is_safe_link`), as a pack is untrusted input.
pub fn is_report_address(to: &str) -> bool {
    match to.strip_prefix("mailto:") {
        Some(address) => {
            let (user, host) = address.split_once('@').unwrap_or_default();
            !user.is_empty()
                && host.contains('.')
                && address
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "@.-_+".contains(c))
        }
        None => crate::is_safe_link(to),
    }
}

/// The site a report address opens in the browser: the host of an `https://` form; `None`
/// for a `mailto:` address (the mail app opens, and nothing is sent until the person sends
/// it) or an address that is not a report address. A form is asked for first: its address
/// carries the entry and the reader's language to that site and into the browser's history.
pub fn report_form_host(to: &str) -> Option<String> {
    if to.starts_with("mailto:") || !is_report_address(to) {
        return None;
    }
    url::Url::parse(to).ok()?.host_str().map(str::to_string)
}

/// What a report says about the entry, before the person adds what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report<'a> {
    pub city: &'a str,
    pub service_id: &'a str,
    pub content_version: u64,
    pub lang: &'a str,
}

impl Report<'_> {
    /// The subject line: the entry and the version of the content it was read in.
    pub fn subject(&self) -> String {
        format!(
            "Merhaba {}: {} (content {}, {})",
            self.city, self.service_id, self.content_version, self.lang
        )
    }

    /// The link to open: a mail with the subject and a body to write in, or the form with
    /// the same facts as query fields. `None` when `to` is not a report address.
    pub fn link(&self, to: &str) -> Option<String> {
        if !is_report_address(to) {
            return None;
        }
        let version = self.content_version.to_string();
        let fields = [
            ("city", self.city),
            ("entry", self.service_id),
            ("content_version", version.as_str()),
            ("lang", self.lang),
        ];
        if to.starts_with("mailto:") {
            let body = fields
                .iter()
                .map(|(k, v)| format!("{k}: {v}"))
                .chain(["", "What is wrong:", ""].map(String::from))
                .collect::<Vec<_>>()
                .join("\n");
            Some(format!(
                "{to}?subject={}&body={}",
                encode(&self.subject()),
                encode(&body)
            ))
        } else {
            let mut url = url::Url::parse(to).ok()?;
            url.query_pairs_mut().extend_pairs(fields);
            Some(url.to_string())
        }
    }
}

/// Percent-encoding for a `mailto:` header value (RFC 6068): everything but unreserved
/// characters.
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {

    #[test]
    fn only_a_web_form_is_asked_for_first() {
        use super::report_form_host;
        assert_eq!(
            report_form_host("https://forms.example.org/r?x=1").as_deref(),
            Some("forms.example.org")
        );
        assert_eq!(report_form_host("mailto:editors@example.org"), None);
        assert_eq!(report_form_host("http://forms.example.org/r"), None);
        assert_eq!(report_form_host("javascript:alert(1)"), None);
    }

    use super::*;

    const REPORT: Report = Report {
        city: "aydin",
        service_id: "migration-office",
        content_version: 7,
        lang: "fa",
    };

    #[test]
    fn a_mail_report_names_the_entry_version_and_language_and_nothing_else() {
        let link = REPORT.link("mailto:editors@example.org").unwrap();
        assert!(link.starts_with("mailto:editors@example.org?subject=Merhaba%20aydin%3A%20migration-office%20%28content%207%2C%20fa%29&body="), "{link}");
        assert!(
            link.contains("entry%3A%20migration-office%0Acontent_version%3A%207%0Alang%3A%20fa"),
            "{link}"
        );
        assert!(!link.contains(' ') && !link.contains('\n'));
    }

    #[test]
    fn a_form_gets_the_same_facts_as_fields() {
        let link = REPORT.link("https://forms.example.org/report?x=1").unwrap();
        assert_eq!(
            link,
            "https://forms.example.org/report?x=1&city=aydin&entry=migration-office&content_version=7&lang=fa"
        );
    }

    #[test]
    fn only_mail_addresses_and_https_forms_are_report_addresses() {
        for bad in [
            "javascript:alert(1)",
            "http://example.org/form",
            "mailto:",
            "mailto:nobody",
            "mailto:a@b.org?cc=else@example.org",
            "mailto:a@b.org&body=x",
            "tel:112",
            "",
        ] {
            assert!(!is_report_address(bad), "{bad}");
            assert_eq!(REPORT.link(bad), None, "{bad}");
        }
        assert!(is_report_address("mailto:duzeltme+aydin@example.org"));
    }
}
