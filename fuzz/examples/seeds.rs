//! Writes the seed corpora that need code to make (`scripts/fuzz.sh seeds` runs it): the
//! mini pack, deltas and compressed packs of it, search queries, feed names. Content files
//! and opening-hours strings are copied from the real content by the script.

use std::path::Path;

fn put(target: &str, name: &str, data: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), data).unwrap();
}

/// A delta target input: the pick byte, the declared length (3 bytes), the body.
fn delta_input(pick: u8, declared: usize, body: &[u8]) -> Vec<u8> {
    let len = (declared as u32).to_le_bytes();
    [&[pick, len[0], len[1], len[2]][..], body].concat()
}

fn main() {
    let mini = merhaba_fuzz::mini_pack_bytes();
    put("pack", "mini.sqlite", mini);

    let mut edited = mini.to_vec();
    let at = edited.len() / 2;
    edited[at..at + 16].copy_from_slice(b"a changed entry!");
    let patch = merhaba_core::delta::make(mini, &edited).unwrap();
    put(
        "delta",
        "mini-edit.delta",
        &delta_input(0, edited.len(), &patch),
    );
    let whole = merhaba_core::delta::compress(mini).unwrap();
    put(
        "delta",
        "mini.pack.zst",
        &delta_input(1, mini.len(), &whole),
    );
    let small = merhaba_core::delta::compress(b"SQLite format 3\0").unwrap();
    put("delta", "header.zst", &delta_input(1, 16, &small));

    let queries: &[&str] = &[
        "klinik",
        "eczane",
        "hastane",
        "ders",
        "kurs",
        "doktor",
        "pharmacy",
        "clinic",
        "صيدلية",
        "العيادة",
        "دواء",
        "داروخانه",
        "ECZANE",
        "İlaç",
        "ilac",
        "klnik",
        "türkçe kursu",
        "a",
        "the clinic\tThe Clinic of Efeler",
    ];
    for (i, q) in queries.iter().enumerate() {
        put(
            "search",
            &format!("q{i:02}"),
            &[&[i as u8 * 9][..], q.as_bytes()].concat(),
        );
    }

    let feed: &[&str] = &[
        "v5/aydin/3.pack.zst\n{\"pack\":{\"length\":802816,\"sha256\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}",
        "v5/aydin/2-3.delta\n{}",
        "v4/izmir/12.pack.zst\n{\"pack\":{\"length\":1}}",
        "v5/aydin/3-2.delta",
    ];
    for (i, f) in feed.iter().enumerate() {
        put("feed", &format!("f{i}"), f.as_bytes());
    }
}
