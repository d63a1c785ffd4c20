//! The editor's report (`merhaba-pack report`): for every entry, whether it is a sample or
//! checked and how old that is, which sections cite no page of their own, whether its only
//! sources are homepages, its places that share coordinates with another or have no phone
//! of their own; how far the holiday list reaches; and every validation error. Errors must
//! be fixed before publishing (the command exits non-zero); warnings say what to check next.

mod html;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::source::{ContentError, ContentSource, ServiceFile, SourceRef, SECTIONS};

/// Warn when the holiday list ends less than this many days after today.
const HOLIDAYS_AHEAD_DAYS: i64 = 365;

/// One entry's line in the report.
#[derive(Debug)]
pub struct Entry {
    pub id: String,
    pub sample: bool,
    /// `checked`, or (a sample) `drafted`.
    pub date: String,
    pub age_days: Option<i64>,
    /// Sections with text that no source names in its `for`.
    pub unsourced: Vec<&'static str>,
    pub sourced: usize,
    /// Every source is a site's front page.
    pub homepage_only: bool,
    pub places: usize,
    pub places_without_phone: usize,
    pub places_closed: usize,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Error,
    Warning,
}

#[derive(Debug)]
pub struct Finding {
    pub level: Level,
    pub text: String,
}

#[derive(Debug)]
pub struct Report {
    pub city: String,
    pub today: NaiveDate,
    pub entries: Vec<Entry>,
    /// Coordinates shared by places of different services or entries: (lat, lon) → who.
    pub shared: Vec<((f64, f64), Vec<String>)>,
    /// The last day of the holiday list.
    pub holidays_until: Option<String>,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.level == Level::Error)
    }

    pub fn samples(&self) -> usize {
        self.entries.iter().filter(|e| e.sample).count()
    }

    /// (sections with their own source, sections with text).
    pub fn sections(&self) -> (usize, usize) {
        let sourced = self.entries.iter().map(|e| e.sourced).sum();
        let all = sourced
            + self
                .entries
                .iter()
                .map(|e| e.unsourced.len())
                .sum::<usize>();
        (sourced, all)
    }

    /// The counts an editor tracks over time, one line.
    pub fn summary(&self) -> String {
        let (sourced, sections) = self.sections();
        let count = |f: fn(&Entry) -> bool| self.entries.iter().filter(|e| f(e)).count();
        format!(
            "{} entries: {} samples, {} checked ({} checked more than a year ago); \
             {sourced} of {sections} sections cite their own source; {} entries cite only \
             homepages; {} places without their own phone; {} coordinates shared; \
             holidays listed until {}; {} errors, {} warnings",
            self.entries.len(),
            self.samples(),
            self.entries.len() - self.samples(),
            count(|e| !e.sample && e.age_days.is_some_and(|d| d > 365)),
            count(|e| e.homepage_only),
            self.entries
                .iter()
                .map(|e| e.places_without_phone)
                .sum::<usize>(),
            self.shared.len(),
            self.holidays_until.as_deref().unwrap_or("(none)"),
            self.findings
                .iter()
                .filter(|f| f.level == Level::Error)
                .count(),
            self.findings
                .iter()
                .filter(|f| f.level == Level::Warning)
                .count(),
        )
    }

    /// The report as plain text: findings, then a line per entry, then the summary.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for f in &self.findings {
            let level = match f.level {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            out.push_str(&format!("{level}: {}\n", f.text));
        }
        for e in &self.entries {
            out.push_str(&format!(
                "{:<32} {:<7} {} ({}){}{}{}\n",
                e.id,
                if e.sample { "sample" } else { "checked" },
                e.date,
                e.age_days.map_or("?".into(), |d| format!("{d} days")),
                if e.unsourced.is_empty() {
                    String::new()
                } else {
                    format!("; no source for {}", e.unsourced.join(", "))
                },
                if e.homepage_only {
                    "; homepages only"
                } else {
                    ""
                },
                if e.places_without_phone > 0 {
                    format!(
                        "; {} of {} places without own phone",
                        e.places_without_phone, e.places
                    )
                } else {
                    String::new()
                },
            ));
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    pub fn html(&self) -> String {
        html::page(self)
    }
}

/// A URL naming only a site, not a page on it.
pub fn is_homepage(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| {
        matches!(
            u.path(),
            "" | "/" | "/index.html" | "/tr" | "/en" | "/tr/" | "/en/"
        ) && u.query().is_none()
    })
}

/// The report on a city's content as read (`validation` holds its validation errors,
/// empty when it validates), on `today`.
pub fn report(source: &ContentSource, validation: &[ContentError], today: NaiveDate) -> Report {
    let mut findings: Vec<Finding> = validation
        .iter()
        .map(|e| Finding {
            level: Level::Error,
            text: e.to_string(),
        })
        .collect();
    let entries = source
        .services
        .iter()
        .map(|s| entry(&s.value, today))
        .collect();

    let mut at: BTreeMap<(i64, i64), Vec<String>> = BTreeMap::new();
    for service in &source.services {
        for (i, p) in service.value.place.iter().enumerate() {
            let key = ((p.lat * 1e5).round() as i64, (p.lon * 1e5).round() as i64);
            at.entry(key)
                .or_default()
                .push(format!("{}/place[{i}]", service.value.id));
        }
    }
    let shared: Vec<_> = at
        .into_iter()
        .filter(|(_, who)| who.len() > 1)
        .map(|((lat, lon), who)| ((lat as f64 / 1e5, lon as f64 / 1e5), who))
        .collect();

    let holidays_until = source
        .holidays
        .as_ref()
        .and_then(|h| h.value.holiday.iter().map(|d| d.date.clone()).max());
    let ends = holidays_until
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    match ends {
        None => findings.push(Finding {
            level: Level::Warning,
            text: "holidays.toml lists no holidays: offices show open on Ramazan and Kurban Bayramı"
                .into(),
        }),
        Some(end) if end < today => findings.push(Finding {
            level: Level::Error,
            text: format!(
                "the holiday list ended on {end}: offices show open on this year's moving holidays; add the coming years to holidays.toml"
            ),
        }),
        Some(end) if (end - today).num_days() < HOLIDAYS_AHEAD_DAYS => findings.push(Finding {
            level: Level::Warning,
            text: format!("the holiday list runs out on {end}, less than a year from {today}: add the next years to holidays.toml"),
        }),
        Some(_) => {}
    }
    if let Some(to) = &source.city.value.report_to {
        if to.ends_with(".example") || to.contains(".example?") || to.contains("@example.") {
            findings.push(Finding {
                level: Level::Warning,
                text: format!("city.toml report_to `{to}` is on a reserved example domain: reports go nowhere until the editors' real address is set"),
            });
        }
    } else {
        findings.push(Finding {
            level: Level::Warning,
            text: "city.toml has no report_to: service pages offer no \"Report a problem\"".into(),
        });
    }
    for s in &source.services {
        let v = &s.value;
        if !v.sample && v.source.iter().all(|src| is_homepage(&src.url)) {
            findings.push(Finding {
                level: Level::Warning,
                text: format!(
                    "{}: checked, but cites only homepages: cite the pages that say it",
                    s.path.display()
                ),
            });
        }
    }
    findings.sort_by(|a, b| a.level.cmp(&b.level));
    Report {
        city: source.city.value.id.clone(),
        today,
        entries,
        shared,
        holidays_until,
        findings,
    }
}

fn entry(s: &ServiceFile, today: NaiveDate) -> Entry {
    let has_text = |section: &str| match section {
        "location" => s.location.is_some() || !s.place.is_empty(),
        _ => true,
    };
    let cites = |section: &str| {
        s.source
            .iter()
            .any(|src: &SourceRef| src.sections.iter().any(|x| x == section))
    };
    let mut unsourced = Vec::new();
    let mut sourced = 0;
    for section in SECTIONS {
        if !has_text(section) {
            continue;
        }
        // A location answered by places is sourced when every open place cites a page.
        let mut open = s.place.iter().filter(|p| !p.has_left()).peekable();
        let places_cited =
            section == "location" && open.peek().is_some() && open.all(|p| !p.source.is_empty());
        if cites(section) || places_cited {
            sourced += 1;
        } else {
            unsourced.push(section);
        }
    }
    let date = s.date().to_string();
    Entry {
        id: s.id.clone(),
        sample: s.sample,
        age_days: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
            .ok()
            .map(|d| (today - d).num_days()),
        date,
        unsourced,
        sourced,
        homepage_only: s.source.iter().all(|src| is_homepage(&src.url)),
        places: s.place.len(),
        places_without_phone: s
            .place
            .iter()
            .filter(|p| p.phone.is_none() && !p.has_left())
            .count(),
        places_closed: s.place.iter().filter(|p| p.has_left()).count(),
    }
}
