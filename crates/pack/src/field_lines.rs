//! Where each field of a content file is written, so that errors name their line.

/// Where each field of a TOML text is written: every dotted path (`place[1].name.ar`) and
/// its line, from one walk of the parsed text, so that a file with a thousand errors is
/// not parsed a thousand times.
#[derive(Clone, Debug, Default)]
pub(crate) struct FieldLines(std::collections::HashMap<String, usize>);

impl FieldLines {
    pub(crate) fn of(text: &str) -> FieldLines {
        let mut lines = FieldLines::default();
        let Ok(root) = toml::de::DeTable::parse(text) else {
            return lines;
        };
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let line = |offset: usize| starts.partition_point(|&start| start <= offset);
        let mut stack: Vec<(String, &toml::de::DeValue)> = root
            .get_ref()
            .iter()
            .map(|(key, value)| {
                lines
                    .0
                    .insert(key.get_ref().to_string(), line(value.span().start));
                (key.get_ref().to_string(), value.get_ref())
            })
            .collect();
        while let Some((path, value)) = stack.pop() {
            let children: Vec<(String, &toml::Spanned<toml::de::DeValue>)> = match value {
                toml::de::DeValue::Table(table) => table
                    .iter()
                    .map(|(key, child)| (format!("{path}.{}", key.get_ref()), child))
                    .collect(),
                toml::de::DeValue::Array(array) => array
                    .iter()
                    .enumerate()
                    .map(|(i, child)| (format!("{path}[{i}]"), child))
                    .collect(),
                _ => Vec::new(),
            };
            for (child_path, child) in children {
                lines.0.insert(child_path.clone(), line(child.span().start));
                stack.push((child_path, child.get_ref()));
            }
        }
        lines
    }

    /// The line of `field`, or of its nearest parent that is written.
    pub(crate) fn line_of(&self, field: &str) -> Option<usize> {
        let mut path = field;
        loop {
            if let Some(&line) = self.0.get(path) {
                return Some(line);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }
}
