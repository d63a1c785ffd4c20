//! Search benchmark (issue 4): Merhaba's pack search against MiniSearch, in the same run.
//!
//! A synthetic corpus of 20,000 services × 5 languages (100,000 translations with realistic
//! lengths, words drawn from the Aydın content) is built into a pack and written as JSON for
//! MiniSearch; 1,000 queries are replayed keystroke by keystroke in both. Printed: cold
//! process start to first result, per-keystroke median and p99, recall@3 on the Aydın recall
//! set, and the ratios. Needs node and npm (MiniSearch is installed into target/ if missing).
//!
//!   cargo bench -p merhaba-pack --bench search
//!
//! `SEARCH_BENCH_MERHABA_ONLY=1` stops after Merhaba's own per-keystroke figures and its
//! slowest keystrokes (a quick loop while working on speed).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use merhaba_core::search::index::search_documents;
use merhaba_core::CityPack;
use merhaba_pack::source::*;

const SERVICES: usize = 20_000;
const QUERIES: usize = 1_000;
/// MiniSearch with fuzzy matching takes about a minute per 300 keystrokes on this corpus, so
/// by default it replays the first 100 queries; Merhaba replays all of them and, for the
/// side-by-side ratio, the same first 100. `MINISEARCH_QUERIES=1000` replays all in both.
const MINISEARCH_QUERIES_DEFAULT: usize = 100;
const LANGS: [&str; 5] = ["en", "tr", "ar", "fa", "ku"];

/// xorshift64*: a fixed seed gives the same corpus and queries on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let work = root.join("target/bench-search");
    std::fs::create_dir_all(&work).unwrap();
    let aydin = merhaba_pack::load(&root.join("content/aydin")).expect("content/aydin is valid");

    println!(
        "corpus: {SERVICES} services x {} languages, words from content/aydin",
        LANGS.len()
    );
    let (source, words) = synthetic(&aydin);
    let pack_path = work.join("synthetic.sqlite");
    let t = Instant::now();
    merhaba_core::build_pack(&source.content(), &pack_path).unwrap();
    println!(
        "pack built in {:.1} s: {} bytes",
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&pack_path).unwrap().len()
    );
    let corpus_json = work.join("synthetic.json");
    write_json(&corpus_json, &search_documents(&source.content()));

    let queries = typed_queries(&source, &words);
    let shared_queries: usize = std::env::var("MINISEARCH_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MINISEARCH_QUERIES_DEFAULT)
        .min(QUERIES);
    let keystrokes = keystrokes_of(&queries);
    let shared_keystrokes = keystrokes_of(&queries[..shared_queries]);
    let keystrokes_json = work.join("keystrokes.json");
    write_json(&keystrokes_json, &shared_keystrokes);

    // Per keystroke, in one warm process each.
    let pack = CityPack::open(&pack_path).unwrap();
    let ours_timed = replay(&pack, &keystrokes);
    let ours: Vec<Duration> = ours_timed.iter().map(|(t, _)| *t).collect();
    let ours_shared: Vec<Duration> = replay(&pack, &shared_keystrokes)
        .iter()
        .map(|(t, _)| *t)
        .collect();
    println!(
        "Merhaba alone, all {} queries ({} keystrokes): median {:.3} ms, p99 {:.3} ms",
        queries.len(),
        keystrokes.len(),
        percentile(&ours, 0.5).as_secs_f64() * 1000.0,
        percentile(&ours, 0.99).as_secs_f64() * 1000.0
    );
    println!("slowest keystrokes:");
    for (t, q) in ours_timed.iter().rev().take(12) {
        println!("  {:8.3} ms  {q:?}", t.as_secs_f64() * 1000.0);
    }
    if std::env::var_os("SEARCH_BENCH_MERHABA_ONLY").is_some() {
        return;
    }

    let node = NodeSide::prepare(&root, &work);

    // Cold start: a fresh process opens the pack (Merhaba) or loads the JSON and builds its
    // index (MiniSearch), then answers one query. Median of 5.
    let cli = env!("CARGO_BIN_EXE_merhaba-pack");
    let first_query = &queries[0];
    let ours_cold = median(
        (0..5)
            .map(|_| {
                time_process(Command::new(cli).args([
                    "search",
                    pack_path.to_str().unwrap(),
                    first_query,
                ]))
            })
            .collect(),
    );
    let theirs_cold = median(
        (0..5)
            .map(|_| {
                time_process(&mut node.command(&[
                    "cold",
                    corpus_json.to_str().unwrap(),
                    first_query,
                ]))
            })
            .collect(),
    );

    let theirs = node.json(&[
        "keystrokes",
        corpus_json.to_str().unwrap(),
        keystrokes_json.to_str().unwrap(),
    ]);

    // Recall@3 on the Aydın recall set, each engine over the Aydın content.
    let recall = recall_cases(&root);
    let aydin_pack = work.join("aydin.sqlite");
    merhaba_core::build_pack(&aydin.content(), &aydin_pack).unwrap();
    let aydin_json = work.join("aydin.json");
    write_json(&aydin_json, &search_documents(&aydin.content()));
    let recall_json = work.join("recall.json");
    write_json(&recall_json, &recall);
    let aydin_pack = CityPack::open(&aydin_pack).unwrap();
    let ours_found = recall
        .iter()
        .filter(|c| {
            aydin_pack
                .search_hits(&c["query"], &c["reader"], 3)
                .unwrap()
                .iter()
                .any(|h| h.service_id == c["expected"])
        })
        .count();
    let theirs_recall = node.json(&[
        "recall",
        aydin_json.to_str().unwrap(),
        recall_json.to_str().unwrap(),
    ]);

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let (our_median, our_p99) = (
        ms(percentile(&ours_shared, 0.5)),
        ms(percentile(&ours_shared, 0.99)),
    );
    let (their_median, their_p99) = (
        theirs["median_us"].as_f64().unwrap() / 1000.0,
        theirs["p99_us"].as_f64().unwrap() / 1000.0,
    );
    let their_found = theirs_recall["found"].as_u64().unwrap() as usize;
    println!();
    println!(
        "side by side: the first {shared_queries} queries ({} keystrokes)",
        shared_keystrokes.len()
    );
    println!(
        "{:<34} {:>12} {:>12} {:>10}",
        "", "Merhaba", "MiniSearch", "ratio"
    );
    println!(
        "{:<34} {:>9.1} ms {:>9.1} ms {:>9.1}x",
        "cold start to first result",
        ms(ours_cold),
        ms(theirs_cold),
        ms(theirs_cold) / ms(ours_cold)
    );
    println!(
        "{:<34} {:>9.3} ms {:>9.3} ms {:>9.1}x",
        "per keystroke, median",
        our_median,
        their_median,
        their_median / our_median
    );
    println!(
        "{:<34} {:>9.3} ms {:>9.3} ms {:>9.1}x",
        "per keystroke, p99",
        our_p99,
        their_p99,
        their_p99 / our_p99
    );
    println!(
        "{:<34} {:>9.1} %  {:>9.1} %",
        format!("recall@3 ({} Aydın queries)", recall.len()),
        100.0 * ours_found as f64 / recall.len() as f64,
        100.0 * their_found as f64 / recall.len() as f64
    );
    println!();
    println!(
        "targets: cold start >= 10x faster: {}; p99 < 5 ms: {}; recall no worse: {}",
        yes(ms(theirs_cold) / ms(ours_cold) >= 10.0),
        yes(ms(percentile(&ours, 0.99)) < 5.0),
        yes(ours_found >= their_found)
    );
}

/// Times every keystroke's search in a warm process, fastest first.
fn replay<'a>(pack: &CityPack, keystrokes: &'a [String]) -> Vec<(Duration, &'a String)> {
    let mut times: Vec<(Duration, &String)> = keystrokes
        .iter()
        .map(|q| {
            let t = Instant::now();
            let _ = pack.search_hits(q, "en", 10).unwrap();
            (t.elapsed(), q)
        })
        .collect();
    times.sort();
    times
}

/// Every prefix of every query, as typed one key at a time.
fn keystrokes_of(queries: &[String]) -> Vec<String> {
    queries
        .iter()
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect()
}

fn yes(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "NOT met"
    }
}

/// Words of each language, taken from the Aydın content (its Kurmanji, `kmr`, stands for the
/// corpus's `ku`; its other languages are left out).
fn vocabulary(aydin: &ContentSource) -> BTreeMap<&'static str, Vec<String>> {
    let mut words: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for doc in search_documents(&aydin.content()) {
        let code = if doc.lang == "kmr" {
            "ku"
        } else {
            doc.lang.as_str()
        };
        let Some(lang) = LANGS.iter().find(|l| **l == code).copied() else {
            continue;
        };
        let text = format!("{} {} {}", doc.title, doc.keywords, doc.body);
        words.entry(lang).or_default().extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 1)
                .map(str::to_string),
        );
    }
    words
}

fn sentence(rng: &mut Rng, words: &[String], min: usize, max: usize) -> String {
    let n = min + rng.below(max - min + 1);
    (0..n)
        .map(|_| rng.pick(words).clone())
        .collect::<Vec<_>>()
        .join(" ")
}

fn synthetic(aydin: &ContentSource) -> (ContentSource, BTreeMap<&'static str, Vec<String>>) {
    let words = vocabulary(aydin);
    let mut rng = Rng(0x5EED_CAFE_F00D_BEEF);
    let all = |rng: &mut Rng, min, max| -> Translations {
        LANGS
            .iter()
            .map(|l| (l.to_string(), sentence(rng, &words[l], min, max)))
            .collect()
    };
    let mut city = aydin.city.clone();
    city.value.languages = LANGS.iter().map(|l| l.to_string()).collect();
    let mut categories = aydin.categories.clone();
    for cat in &mut categories.value.category {
        cat.name = all(&mut rng, 1, 3);
        for sub in &mut cat.submenu {
            sub.name = all(&mut rng, 1, 4);
        }
    }
    let menus: Vec<String> = categories
        .value
        .category
        .iter()
        .flat_map(|c| c.submenu.iter().map(move |s| format!("{}/{}", c.id, s.id)))
        .collect();
    let services = (0..SERVICES)
        .map(|i| {
            let value = ServiceFile {
                id: format!("s{i:05}"),
                menus: vec![rng.pick(&menus).clone()],
                sample: true,
                drafted: Some("2026-11-28".into()),
                checked: None,
                sensitive: false,
                helpline: Vec::new(),
                translation: Default::default(),
                source: vec![SourceRef {
                    url: "https://example.org".into(),
                    title: "synthetic".into(),
                    read: None,
                    sections: Vec::new(),
                }],
                name: all(&mut rng, 3, 7),
                summary: all(&mut rng, 8, 16),
                rights: all(&mut rng, 30, 70),
                cost: all(&mut rng, 6, 15),
                location: None,
                bring: None,
                keywords: None,
                place: Vec::new(),
                link: Vec::new(),
            };
            Parsed::new(PathBuf::from(format!("s{i:05}.toml")), String::new(), value)
        })
        .collect();
    (
        ContentSource {
            dir: PathBuf::from("synthetic"),
            city,
            categories,
            services,
            paths: Vec::new(),
            courses: Vec::new(),
            course_images: Default::default(),
            holidays: None,
        },
        words,
    )
}

/// What people type: one to three words of a service's name or text in one language; one
/// query in seven has a typo (two neighbouring letters swapped in a word of five or more).
fn typed_queries(
    source: &ContentSource,
    _words: &BTreeMap<&'static str, Vec<String>>,
) -> Vec<String> {
    let mut rng = Rng(0xC0FF_EE00_1234_5678);
    (0..QUERIES)
        .map(|_| {
            let service = &rng.pick(&source.services).value;
            let lang = *rng.pick(&LANGS);
            let text = if rng.below(10) < 7 {
                &service.name[lang]
            } else {
                &service.summary[lang]
            };
            let words: Vec<&str> = text.split(' ').collect();
            let n = 1 + rng.below(3.min(words.len()));
            let start = rng.below(words.len() - n + 1);
            let mut query: Vec<String> = words[start..start + n]
                .iter()
                .map(|w| w.to_string())
                .collect();
            if rng.below(7) == 0 {
                if let Some(w) = query.iter_mut().find(|w| w.chars().count() >= 5) {
                    let mut chars: Vec<char> = w.chars().collect();
                    let at = 1 + rng.below(chars.len() - 2);
                    chars.swap(at, at + 1);
                    *w = chars.into_iter().collect();
                }
            }
            query.join(" ")
        })
        .collect()
}

fn recall_cases(root: &Path) -> Vec<BTreeMap<String, String>> {
    let text = std::fs::read_to_string(root.join("tests/search/recall-aydin.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            [("query", f[0]), ("reader", f[1]), ("expected", f[2])]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) {
    std::fs::write(path, serde_json::to_vec(value).unwrap()).unwrap();
}

fn time_process(command: &mut Command) -> Duration {
    let t = Instant::now();
    let out = command.output().expect("process runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    t.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)]
}

/// node with MiniSearch installed beside the bench's files.
struct NodeSide {
    script: PathBuf,
    modules: PathBuf,
}

impl NodeSide {
    fn prepare(root: &Path, work: &Path) -> NodeSide {
        let modules = work.join("node_modules");
        if !modules.join("minisearch").exists() {
            let status = Command::new("npm")
                .args(["install", "--silent", "--no-audit", "--no-fund", "--prefix"])
                .arg(work)
                .arg("minisearch@7")
                .status()
                .expect("npm is installed");
            assert!(status.success(), "npm install minisearch failed");
        }
        NodeSide {
            script: root.join("bench/minisearch.cjs"),
            modules,
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("node");
        command
            .env("NODE_PATH", &self.modules)
            .arg(&self.script)
            .args(args);
        command
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.command(args).output().expect("node runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }
}
