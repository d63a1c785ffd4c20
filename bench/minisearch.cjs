// MiniSearch side of `cargo bench -p merhaba-pack --bench search`: the in-memory JavaScript
// search library used by the leading open-source app in this field, configured as such apps
// use it (prefix and fuzzy search, title boosted). Reads the corpus and queries the Rust
// bench wrote and prints one JSON object with its figures.
//
//   node minisearch.cjs cold <corpus.json> <query>      load JSON, build the index, search once
//   node minisearch.cjs keystrokes <corpus.json> <keystrokes.json>
//   node minisearch.cjs recall <corpus.json> <recall.json>
const fs = require('fs');
const MiniSearch = require('minisearch');

function build(corpusPath) {
  const docs = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
  docs.forEach((doc, i) => { doc.id = i; });
  const index = new MiniSearch({
    fields: ['title', 'keywords', 'body'],
    storeFields: ['service', 'lang'],
    searchOptions: { boost: { title: 10, keywords: 4 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(docs);
  return index;
}

function top(index, query, k) {
  const seen = [];
  for (const r of index.search(query)) {
    if (!seen.includes(r.service)) seen.push(r.service);
    if (seen.length === k) break;
  }
  return seen;
}

const [mode, corpus, arg] = process.argv.slice(2);
if (mode === 'cold') {
  const index = build(corpus);
  const first = top(index, arg, 10);
  console.log(JSON.stringify({ first: first[0] ?? null }));
} else if (mode === 'keystrokes') {
  const index = build(corpus);
  const keystrokes = JSON.parse(fs.readFileSync(arg, 'utf8'));
  const times = [];
  for (const q of keystrokes) {
    const t = process.hrtime.bigint();
    top(index, q, 10);
    times.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(JSON.stringify({ count: times.length, median_us: at(0.5), p99_us: at(0.99) }));
} else if (mode === 'recall') {
  const index = build(corpus);
  const cases = JSON.parse(fs.readFileSync(arg, 'utf8'));
  let found = 0;
  for (const c of cases) if (top(index, c.query, 3).includes(c.expected)) found++;
  console.log(JSON.stringify({ found, total: cases.length }));
} else {
  console.error('usage: node minisearch.cjs cold|keystrokes|recall <corpus.json> <arg>');
  process.exit(2);
}
