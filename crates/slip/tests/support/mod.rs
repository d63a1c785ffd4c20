#![allow(dead_code)] // Each test file uses part of it.

//! Slips made from the shipped Aydın content, the command-line tools that read them back,
//! and the text normalisation the comparisons use.

use std::path::{Path, PathBuf};
use std::process::Command;

use std::sync::OnceLock;

use merhaba_core::content::ServiceFile;
use merhaba_core::slip::Slip;
use merhaba_core::CityPack;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A service file of the shipped content.
pub fn service(id: &str) -> ServiceFile {
    let path = repo().join(format!("content/aydin/services/{id}.toml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every service file of the shipped content.
pub fn all_services() -> Vec<ServiceFile> {
    let dir = repo().join("content/aydin/services");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| service(p.file_stem().unwrap().to_str().unwrap()))
        .collect()
}

/// The shipped Aydın pack, built once per test binary from content/aydin by the publisher's
/// own code, so slips come from `Slip::build` as in the app.
fn pack() -> CityPack {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    let path = PATH.get_or_init(|| {
        let source = merhaba_pack::load(&repo().join("content/aydin"))
            .unwrap_or_else(|e| panic!("the shipped content: {e:?}"));
        let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("slip-aydin-{}.sqlite", std::process::id()));
        merhaba_core::build_pack(&source.content(), &path).unwrap();
        path
    });
    CityPack::open(path).unwrap()
}

/// The `count` services with a place whose slip item has the most text in `client` and
/// Turkish together, longest first.
pub fn longest(client: &str, count: usize) -> Vec<String> {
    let pack = pack();
    let mut all: Vec<(usize, String)> = all_services()
        .iter()
        .filter(|s| s.place.iter().any(|p| !p.has_left()))
        .map(|s| {
            let slip = Slip::build(&pack, std::slice::from_ref(&s.id), client).unwrap();
            let i = &slip.items[0];
            let pairs = [
                Some(&i.name),
                i.bring.as_ref(),
                i.place.as_ref(),
                i.address.as_ref(),
            ];
            let len = pairs
                .iter()
                .flatten()
                .map(|p| p.client.chars().count() + p.local.chars().count())
                .sum();
            (len, s.id.clone())
        })
        .collect();
    all.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    all.into_iter().take(count).map(|(_, id)| id).collect()
}

/// The slip for `ids` in `client` with Turkish (the city's language) beside it, as the app
/// makes it.
pub fn slip(client: &str, ids: &[&str]) -> Slip {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    let slip = Slip::build(&pack(), &ids, client).unwrap();
    assert_eq!(slip.items.len(), ids.len(), "every service is in the pack");
    slip
}

/// Where a test writes what it made: a fresh temporary folder, and a copy in
/// `target/slip-out/<name>/` for a person to look at.
pub struct Out {
    pub dir: tempfile::TempDir,
    keep: PathBuf,
}

impl Out {
    pub fn new(name: &str) -> Out {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo().join("target"));
        let keep = target.join("slip-out").join(name);
        std::fs::create_dir_all(&keep).unwrap();
        Out {
            dir: tempfile::tempdir().unwrap(),
            keep,
        }
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    /// Writes `bytes` to the temporary folder and its copy; returns the temporary path.
    pub fn write(&self, file: &str, bytes: &[u8]) -> PathBuf {
        std::fs::write(self.keep.join(file), bytes).unwrap();
        let path = self.path(file);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Copies a file a tool wrote in the temporary folder for a person to look at.
    pub fn keep(&self, file: &str) {
        std::fs::copy(self.path(file), self.keep.join(file)).unwrap();
    }
}

/// Runs a tool and returns what it printed; fails naming the Debian package if it is missing
/// (scripts/setup.sh installs them).
pub fn run(tool: &str, package: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run {tool} ({e}): install the Debian package {package} (scripts/setup.sh test)"
        )
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Whitespace collapsed, bidi controls and joiners dropped (poppler adds embedding marks
/// around right-to-left lines), Arabic presentation forms folded by NFKC.
pub fn plain(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = text.nfkc().filter(|c| !is_control(*c)).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// For comparing OCR with the text: no spaces, joiners, tatweel or vowel marks, ي/ى and ی
/// as one letter, ك and ک as one, ه/ة as one, hamza carriers as bare letters, Arabic-Indic
/// digits as ASCII.
pub fn ocr_fold(text: &str) -> String {
    plain(text)
        .chars()
        .filter(|c| {
            !c.is_whitespace()
                && *c != '\u{0640}'
                && !matches!(*c as u32, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED)
        })
        .map(|c| match c {
            'ي' | 'ى' | 'ی' | 'ې' | 'ۍ' => 'ی',
            'ك' | 'ک' => 'ک',
            'ة' => 'ه',
            'أ' | 'إ' | 'آ' => 'ا',
            '٠'..='٩' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            c => c,
        })
        .collect()
}

/// Only the digits (ASCII, Arabic-Indic and Persian), as ASCII.
pub fn digits(text: &str) -> String {
    ocr_fold(text)
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}
