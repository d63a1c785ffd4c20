#![allow(dead_code)] // Each test file uses part of it.

//! Slips made from the shipped Aydın content, the command-line tools that read them back,
//! and the text normalisation the comparisons use.

use std::path::{Path, PathBuf};
use std::process::Command;

use merhaba_core::content::{ServiceFile, Translations};
use merhaba_core::slip::{Pair, Slip, SlipItem, SlipLabels, SlipLanguage};

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

fn pair(texts: &Translations, client: &str, local: &str) -> Pair {
    Pair {
        client: texts[client].clone(),
        local: texts[local].clone(),
    }
}

/// An item as the pack makes one: the first place still in use, its phone or else the
/// service's helpline, its position as a `geo:` URI.
pub fn item(service: &ServiceFile, client: &str, local: &str) -> SlipItem {
    let place = service.place.iter().find(|p| !p.has_left());
    SlipItem {
        service_id: service.id.clone(),
        name: pair(&service.name, client, local),
        bring: service.bring.as_ref().map(|b| pair(b, client, local)),
        place: place.map(|p| pair(&p.name, client, local)),
        address: place.map(|p| pair(&p.address, client, local)),
        hours: place.and_then(|p| p.opening_hours.clone()),
        phone: place
            .and_then(|p| p.phone.clone())
            .or_else(|| service.helpline.first().cloned()),
        qr: place.map(|p| format!("geo:{},{}", p.lat, p.lon)),
        sample: service.sample,
    }
}

/// The `count` services with a place whose slip item has the most text in `client` and
/// Turkish together, longest first.
pub fn longest(client: &str, count: usize) -> Vec<String> {
    let mut all: Vec<(usize, String)> = all_services()
        .iter()
        .filter(|s| s.place.iter().any(|p| !p.has_left()))
        .map(|s| {
            let i = item(s, client, "tr");
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

/// The slip's labels in one language (the app's own strings, `locales/*/main.ftl`).
fn labels(lang: &str) -> [&'static str; 9] {
    match lang {
        "ar" => [
            "إلى أين تذهب في آيدين",
            "أحضر معك",
            "العنوان",
            "أوقات العمل",
            "الهاتف",
            "مثال لم يراجعه محرر بعد: تأكد منه قبل أن تذهب.",
            "دليل مدينة مرحبا، المعلومات بتاريخ 28 نوفمبر 2026",
            "امسح الرمز لترى المكان على الخريطة",
            "امسح الرمز لتفتح الصفحة الرسمية على الإنترنت",
        ],
        "fa" => [
            "در آیدین کجا بروید",
            "همراه خود ببرید",
            "آدرس",
            "ساعت کار",
            "تلفن",
            "نمونه است و هنوز توسط ویراستار بررسی نشده: پیش از رفتن از درستی آن مطمئن شوید.",
            "راهنمای شهر مرحبا، اطلاعات به تاریخ ۲۸ نوامبر ۲۰۲۶",
            "برای دیدن مکان روی نقشه اسکن کنید",
            "برای باز کردن صفحه رسمی در اینترنت اسکن کنید",
        ],
        "tr" => [
            "Aydın: gidilecek yerler",
            "Yanınıza alın",
            "Adres",
            "Çalışma saatleri",
            "Telefon",
            "Örnek kayıt, henüz bir editör kontrol etmedi: gitmeden önce doğrulayın.",
            "Merhaba şehir rehberi, bilgiler 28 Kasım 2026 itibarıyla",
            "Yeri haritada görmek için tarayın",
            "Resmî internet sayfası için tarayın",
        ],
        other => panic!("no labels for {other}"),
    }
}

/// A slip for `ids` in `client` with Turkish (the city's language) beside it.
pub fn slip(client: &str, ids: &[&str]) -> Slip {
    let local = "tr";
    let (c, l) = (labels(client), labels(local));
    let p = |i: usize| Pair {
        client: c[i].to_owned(),
        local: l[i].to_owned(),
    };
    let rtl = |code: &str| matches!(code, "ar" | "fa" | "ps");
    Slip {
        client: SlipLanguage {
            code: client.into(),
            rtl: rtl(client),
        },
        local: SlipLanguage {
            code: local.into(),
            rtl: false,
        },
        labels: SlipLabels {
            title: p(0),
            bring: p(1),
            address: p(2),
            hours: p(3),
            phone: p(4),
            sample: p(5),
            as_of: p(6),
            scan_map: p(7),
            scan_web: p(8),
        },
        items: ids
            .iter()
            .map(|id| item(&service(id), client, local))
            .collect(),
    }
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
