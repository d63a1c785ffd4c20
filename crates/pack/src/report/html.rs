//! The editor's report as one plain HTML page (no scripts, no external files).

use super::{Level, Report};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(super) fn page(r: &Report) -> String {
    let mut out = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Editor's report: {city}</title>\
         <style>body{{font-family:sans-serif;margin:1rem}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #999;padding:.2rem .4rem;text-align:start}}\
         .error{{color:#a00}}.warning{{color:#850}}</style></head><body>\
         <h1>Editor's report: {city}, {today}</h1><p>{summary}</p>",
        city = escape(&r.city),
        today = r.today,
        summary = escape(&r.summary()),
    );
    if !r.findings.is_empty() {
        out.push_str("<h2>To fix and to check</h2><ul>");
        for f in &r.findings {
            let class = if f.level == Level::Error {
                "error"
            } else {
                "warning"
            };
            out.push_str(&format!(
                "<li class=\"{class}\">{class}: {}</li>",
                escape(&f.text)
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str(
        "<h2>Entries</h2><table><tr><th>entry</th><th>status</th><th>date</th><th>age (days)</th>\
         <th>sections without a source</th><th>homepages only</th><th>places</th>\
         <th>without own phone</th><th>moved or closed</th></tr>",
    );
    for e in &r.entries {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&e.id),
            if e.sample { "sample" } else { "checked" },
            escape(&e.date),
            e.age_days.map_or("?".into(), |d| d.to_string()),
            e.unsourced.join(", "),
            if e.homepage_only { "yes" } else { "" },
            e.places,
            e.places_without_phone,
            e.places_closed,
        ));
    }
    out.push_str("</table>");
    if !r.shared.is_empty() {
        out.push_str("<h2>Places sharing coordinates</h2><ul>");
        for ((lat, lon), who) in &r.shared {
            out.push_str(&format!(
                "<li>{lat}, {lon}: {}</li>",
                escape(&who.join(", "))
            ));
        }
        out.push_str("</ul>");
    }
    out.push_str("</body></html>\n");
    out
}
