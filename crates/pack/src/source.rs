//! The content source format (docs/content-format.md): TOML files under `content/<city>/`,
//! read strictly, with errors that name the file, the line and the field.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::field_lines::FieldLines;

pub use merhaba_core::content::*;

/// A problem in the content source, pointing at where a person must look.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: Option<usize>,
    /// Dotted path of the field, e.g. `place[0].lat`.
    pub field: Option<String>,
    pub problem: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for ContentError {}

/// A parsed file together with its path and text, so later checks can point at lines.
#[derive(Clone, Debug)]
pub struct Parsed<T> {
    pub path: PathBuf,
    pub text: String,
    pub value: T,
    /// The line of every field, read from the text once, at the first error.
    lines: std::sync::OnceLock<FieldLines>,
}

impl<T> Parsed<T> {
    pub fn new(path: PathBuf, text: String, value: T) -> Parsed<T> {
        Parsed {
            path,
            text,
            value,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// An error at `field` (a dotted path such as `place[1].lat`), with its line when found.
    pub fn error(&self, field: &str, problem: impl Into<String>) -> ContentError {
        ContentError {
            file: self.path.clone(),
            line: self
                .lines
                .get_or_init(|| FieldLines::of(&self.text))
                .line_of(field),
            field: Some(field.to_string()),
            problem: problem.into(),
        }
    }
}

/// The whole content source of one city.
#[derive(Clone, Debug)]
pub struct ContentSource {
    pub dir: PathBuf,
    pub city: Parsed<CityFile>,
    pub categories: Parsed<CategoriesFile>,
    /// Sorted by file name, so builds do not depend on directory order.
    pub services: Vec<Parsed<ServiceFile>>,
    /// `paths/*.toml` in the order of their `order`, then of their file names.
    pub paths: Vec<Parsed<PathFile>>,
    /// `courses/*.toml` in the order of their `order`, then of their file names.
    pub courses: Vec<Parsed<CourseFile>>,
    /// The files of `courses/images/`: file name → bytes.
    pub course_images: BTreeMap<String, Vec<u8>>,
    /// `holidays.toml`, when the city has one.
    pub holidays: Option<Parsed<HolidaysFile>>,
}

impl ContentSource {
    /// The content as the pack writer takes it.
    pub fn content(&self) -> CityContent<'_> {
        CityContent {
            city: &self.city.value,
            categories: &self.categories.value.category,
            services: self.services.iter().map(|s| &s.value).collect(),
            paths: self.paths.iter().map(|p| &p.value).collect(),
            courses: self.courses.iter().map(|c| &c.value).collect(),
            course_images: &self.course_images,
            holidays: self.holidays.as_ref().map_or(&[][..], |h| &h.value.holiday),
        }
    }

    /// Reads every file; reports all files that cannot be read or parsed, not just the first.
    pub fn read(dir: &Path) -> Result<ContentSource, Vec<ContentError>> {
        let mut errors = Vec::new();
        let city = read_toml::<CityFile>(&dir.join("city.toml"), dir)
            .map_err(|e| errors.push(e))
            .ok();
        let categories = read_toml::<CategoriesFile>(&dir.join("categories.toml"), dir)
            .map_err(|e| errors.push(e))
            .ok();
        let services = read_folder::<ServiceFile>(dir, "services", true, &mut errors);
        let mut paths = read_folder::<PathFile>(dir, "paths", false, &mut errors);
        paths.sort_by_key(|p| p.value.order);
        let mut courses = read_folder::<CourseFile>(dir, "courses", false, &mut errors);
        courses.sort_by_key(|c| c.value.order);
        let course_images = read_images(dir, &mut errors);
        let holidays_path = dir.join("holidays.toml");
        let holidays = if std::fs::symlink_metadata(&holidays_path).is_ok() {
            read_toml::<HolidaysFile>(&holidays_path, dir)
                .map_err(|e| errors.push(e))
                .ok()
        } else {
            None
        };
        match (city, categories) {
            (Some(city), Some(categories)) if errors.is_empty() => Ok(ContentSource {
                dir: dir.to_path_buf(),
                city,
                categories,
                services,
                paths,
                courses,
                course_images,
                holidays,
            }),
            _ => Err(errors),
        }
    }
}

/// Every `*.toml` file of the folder `name` under `dir`, sorted by file name (so builds do
/// not depend on directory order). A folder that is not there is an error only when
/// `required`; every file that cannot be read or parsed is reported.
fn read_folder<T: DeserializeOwned>(
    dir: &Path,
    name: &str,
    required: bool,
    errors: &mut Vec<ContentError>,
) -> Vec<Parsed<T>> {
    let folder = dir.join(name);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&folder) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect(),
        Err(e) if required || e.kind() != std::io::ErrorKind::NotFound => {
            errors.push(ContentError {
                file: folder.clone(),
                line: None,
                field: None,
                problem: format!("cannot read the folder: {e}"),
            });
            Vec::new()
        }
        Err(_) => Vec::new(),
    };
    files.sort();
    files
        .iter()
        .filter_map(|p| read_toml::<T>(p, dir).map_err(|e| errors.push(e)).ok())
        .collect()
}

/// The files of `courses/images/` (none when the folder is not there), by file name; what
/// they may be is the validator's to say.
fn read_images(dir: &Path, errors: &mut Vec<ContentError>) -> BTreeMap<String, Vec<u8>> {
    let folder = dir.join("courses").join("images");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return BTreeMap::new();
    };
    let mut images = BTreeMap::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        match (name, read_content_file(&path, dir)) {
            (Some(name), Ok(bytes)) => {
                images.insert(name, bytes);
            }
            (_, Err(problem)) => errors.push(ContentError {
                file: path.clone(),
                line: None,
                field: None,
                problem,
            }),
            (None, Ok(_)) => {}
        }
    }
    images
}

/// The largest content file read (a city's services are one file each; the longest texts
/// allowed in six languages fit many times over).
pub const FILE_MAX_BYTES: u64 = 1 << 20;

/// The bytes of a content file under `root`: a plain file (not a FIFO, a device or a
/// folder, which would block or never end), not a link leading out of the content folder,
/// and at most `FILE_MAX_BYTES` long. Its type is checked before it is opened, as opening
/// a FIFO blocks.
fn read_content_file(path: &Path, root: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let link = std::fs::symlink_metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if link.file_type().is_symlink() {
        let target = std::fs::canonicalize(path)
            .map_err(|e| format!("the link leads nowhere readable: {e}"))?;
        let root = std::fs::canonicalize(root)
            .map_err(|e| format!("cannot read the content folder: {e}"))?;
        if !target.starts_with(&root) {
            return Err(format!(
                "the file is a link to {}, outside the content folder: copy the file instead",
                target.display()
            ));
        }
    }
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if !meta.is_file() {
        return Err(
            "not a plain file (a folder, a FIFO or a device): content files must be plain files"
                .to_string(),
        );
    }
    let too_big = |size: u64| {
        format!("the file is {size} bytes; the most allowed is {FILE_MAX_BYTES} (1 MiB)")
    };
    if meta.len() > FILE_MAX_BYTES {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(FILE_MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read the file: {e}"))?;
    match bytes.len() as u64 > FILE_MAX_BYTES {
        true => Err(too_big(bytes.len() as u64)),
        false => Ok(bytes),
    }
}

/// TOML's own message, with what it leaves out: the key a duplicate is, and that a date
/// must be written in quotes (TOML reads `2026-10-01` unquoted as a date-time value).
fn explain(text: &str, span: Option<std::ops::Range<usize>>, message: &str) -> String {
    let at = span
        .and_then(|s| text.get(s))
        .unwrap_or_default()
        .trim()
        .to_string();
    let date_like = at.len() >= 10
        && at.bytes().take(10).enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if message.starts_with("invalid type: map") && date_like {
        let date: String = at.chars().take(10).collect();
        format!("{date} is written as a TOML date; write it in quotes, as text: \"{date}\"")
    } else if message.starts_with("duplicate key") && !message.contains('`') {
        let key: String = at.chars().take(60).collect();
        format!("duplicate key `{key}`: a key may be written only once in a table")
    } else {
        message.to_string()
    }
}

/// Reads a UTF-8 TOML file of the content folder `root` strictly: a file that is not a
/// plain file or is too large, bad encoding, bad syntax, wrong types and unknown fields are
/// all errors, with a line number where there is one.
pub fn read_toml<T: DeserializeOwned>(path: &Path, root: &Path) -> Result<Parsed<T>, ContentError> {
    let error = |line, problem: String| ContentError {
        file: path.to_path_buf(),
        line,
        field: None,
        problem,
    };
    let bytes = read_content_file(path, root).map_err(|problem| error(None, problem))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        error(
            Some(line),
            format!("the file is not valid UTF-8 (bad byte at offset {valid}); save it as UTF-8"),
        )
    })?;
    let value = toml::from_str::<T>(&text).map_err(|e| {
        let line = e.span().map(|s| line_at(&text, s.start));
        error(line, explain(&text, e.span(), e.message().trim()))
    })?;
    Ok(Parsed::new(path.to_path_buf(), text, value))
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The line where a field such as `place[1].name.ar` is written. When the field itself is
/// absent, the line of its nearest present parent is given.
pub fn line_of_field(text: &str, field: &str) -> Option<usize> {
    FieldLines::of(text).line_of(field)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_line(field: &str, expected: Option<usize>) {
        let text =
            "id = \"x\"\n[name]\nen = \"A\"\n\n[[place]]\nlat = 1.0\n\n[[place]]\nlat = 2.0\n";
        assert_eq!(line_of_field(text, field), expected, "field {field}");
    }

    fn message<T: DeserializeOwned + std::fmt::Debug>(toml: &str) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.toml");
        std::fs::write(&path, toml).unwrap();
        read_toml::<T>(&path, dir.path()).unwrap_err().to_string()
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Dated {
        checked: String,
        name: Option<std::collections::BTreeMap<String, String>>,
    }

    #[test]
    fn toml_errors_say_what_to_write() {
        let date = message::<Dated>("checked = 2026-10-01\n");
        assert!(
            date.contains(":1:")
                && date.contains("write it in quotes")
                && date.contains("\"2026-10-01\""),
            "{date}"
        );
        let duplicate =
            message::<Dated>("checked = \"2026-10-01\"\n[name]\nen = \"a\"\nen = \"b\"\n");
        assert!(
            duplicate.contains(":4:") && duplicate.contains("duplicate key `en`"),
            "{duplicate}"
        );
    }

    #[test]
    fn fields_are_found_on_their_lines() {
        check_line("id", Some(1));
        check_line("name.en", Some(3));
        check_line("place[0].lat", Some(6));
        check_line("place[1].lat", Some(9));
        check_line("name.ar", Some(2));
        check_line("nothing", None);
    }
}
