use std::time::Instant;
fn main() {
    let path = std::path::Path::new("target/bench-search/synthetic.sqlite");
    let pack = merhaba_core::CityPack::open(path).unwrap();
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    for q in std::env::args().skip(1) {
        let t = Instant::now();
        let hits = pack.search_hits(&q, "en", 10).unwrap();
        println!(
            "{q:?}: {:.2} ms, {} hits",
            t.elapsed().as_secs_f64() * 1e3,
            hits.len()
        );
    }
    for e in [
        "\"ucret\"",
        "\"ucret\"*",
        "\"ucret\" OR \"ucret\"*",
        "{title keywords} : (\"ucret\" OR \"ucret\"*)",
        "{title} : (\"ucret\" OR \"ucret\"*)",
    ] {
        for table in ["search", "search_names"] {
            let t = Instant::now();
            let n: i64 = conn.query_row(&format!("SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?1 LIMIT 1001)"), [e], |r| r.get(0)).unwrap_or(-1);
            let t1 = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let all: i64 = conn
                .query_row(
                    &format!("SELECT count(*) FROM {table} WHERE {table} MATCH ?1"),
                    [e],
                    |r| r.get(0),
                )
                .unwrap_or(-1);
            println!(
                "{table:13} {e:50} limit1001: {n} in {t1:.2} ms; all: {all} in {:.2} ms",
                t.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}
