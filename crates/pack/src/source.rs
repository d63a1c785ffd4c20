//! The content source format (docs/content-format.md): TOML files under `content/<city>/`,
//! read strictly, with errors that name the file, the line and the field.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

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
}

impl<T> Parsed<T> {
    /// An error at `field` (a dotted path such as `place[1].lat`), with its line when found.
    pub fn error(&self, field: &str, problem: impl Into<String>) -> ContentError {
        ContentError {
            file: self.path.clone(),
            line: line_of_field(&self.text, field),
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
}

impl ContentSource {
    /// The content as the pack writer takes it.
    pub fn content(&self) -> CityContent<'_> {
        CityContent {
            city: &self.city.value,
            categories: &self.categories.value.category,
            services: self.services.iter().map(|s| &s.value).collect(),
        }
    }

    /// Reads every file; reports all files that cannot be read or parsed, not just the first.
    pub fn read(dir: &Path) -> Result<ContentSource, Vec<ContentError>> {
        let mut errors = Vec::new();
        let city = read_toml::<CityFile>(&dir.join("city.toml"))
            .map_err(|e| errors.push(e))
            .ok();
        let categories = read_toml::<CategoriesFile>(&dir.join("categories.toml"))
            .map_err(|e| errors.push(e))
            .ok();
        let services_dir = dir.join("services");
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(&services_dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect(),
            Err(e) => {
                errors.push(ContentError {
                    file: services_dir.clone(),
                    line: None,
                    field: None,
                    problem: format!("cannot read the folder: {e}"),
                });
                Vec::new()
            }
        };
        paths.sort();
        let services: Vec<_> = paths
            .iter()
            .filter_map(|p| read_toml::<ServiceFile>(p).map_err(|e| errors.push(e)).ok())
            .collect();
        match (city, categories) {
            (Some(city), Some(categories)) if errors.is_empty() => Ok(ContentSource {
                dir: dir.to_path_buf(),
                city,
                categories,
                services,
            }),
            _ => Err(errors),
        }
    }
}

/// Reads a UTF-8 TOML file strictly: bad encoding, bad syntax, wrong types and unknown
/// fields are all errors with a line number.
pub fn read_toml<T: DeserializeOwned>(path: &Path) -> Result<Parsed<T>, ContentError> {
    let error = |line, problem: String| ContentError {
        file: path.to_path_buf(),
        line,
        field: None,
        problem,
    };
    let bytes =
        std::fs::read(path).map_err(|e| error(None, format!("cannot read the file: {e}")))?;
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
        error(line, e.message().trim().to_string())
    })?;
    Ok(Parsed {
        path: path.to_path_buf(),
        text,
        value,
    })
}

fn line_at(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The line where a field such as `place[1].name.ar` is written, walking the TOML with spans.
/// When the field itself is absent, the line of its nearest present parent is given.
pub fn line_of_field(text: &str, field: &str) -> Option<usize> {
    let root = toml::de::DeTable::parse(text).ok()?;
    let root = toml::de::DeValue::Table(root.into_inner());
    let mut span = None;
    let mut current = Some(&root);
    let segments = field.split('.').flat_map(|part| {
        let mut pieces = part.split('[');
        let key = pieces.next().unwrap_or_default();
        std::iter::once(Err(key))
            .chain(pieces.filter_map(|p| p.trim_end_matches(']').parse::<usize>().ok().map(Ok)))
    });
    for segment in segments {
        let next = match (current, segment) {
            (Some(v), Err(key)) => v.get(key),
            (Some(v), Ok(index)) => v.get(index),
            (None, _) => None,
        };
        match next {
            Some(spanned) => {
                span = Some(spanned.span());
                current = Some(spanned.get_ref());
            }
            None => break,
        }
    }
    span.map(|s| line_at(text, s.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_line(field: &str, expected: Option<usize>) {
        let text =
            "id = \"x\"\n[name]\nen = \"A\"\n\n[[place]]\nlat = 1.0\n\n[[place]]\nlat = 2.0\n";
        assert_eq!(line_of_field(text, field), expected, "field {field}");
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
