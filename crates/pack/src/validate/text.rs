//! Checks of the texts people read: how long each may be, and the characters it may hold.
//!
//! Limits keep every text of the content within what a screen shows and what the build
//! handles in time linear in the content (see docs/content-format.md, "Limits"): a 1 MB name
//! once validated and then never built.

/// The longest name or title (of a service, place, category, submenu, link, source,
/// district, landmark; an emergency label), in characters.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest address.
pub const ADDRESS_MAX_CHARS: usize = 300;
/// The longest summary, and the longest list of keywords.
pub const SUMMARY_MAX_CHARS: usize = 1000;
/// The longest of the other texts: rights, cost, location.
pub const BODY_MAX_CHARS: usize = 4000;

/// The limit of a translated text, by the last name of its field (`place[0].name` → `name`).
pub fn limit_of(field: &str) -> usize {
    let last = field.rsplit('.').next().unwrap_or(field);
    let last = last.split('[').next().unwrap_or(last);
    match last {
        "name" | "title" | "label" => NAME_MAX_CHARS,
        "address" => ADDRESS_MAX_CHARS,
        "summary" | "keywords" => SUMMARY_MAX_CHARS,
        _ => BODY_MAX_CHARS,
    }
}

/// The problem with `value` if it has more than `most` characters.
pub fn too_long(value: &str, most: usize) -> Option<String> {
    // Counting stops just past the limit: a 1 GB value costs no more than a short one.
    value.chars().nth(most).map(|_| {
        format!(
            "the text is {} characters long; the most allowed here is {most}",
            value.chars().count()
        )
    })
}

/// A value quoted in an error message: at most 60 characters of it.
pub fn shown(value: &str) -> String {
    const MOST: usize = 60;
    match value.char_indices().nth(MOST) {
        Some((at, _)) => format!("{}… ({} characters)", &value[..at], value.chars().count()),
        None => value.to_string(),
    }
}

/// Characters that change the direction of the text after them until a closing mark
/// (embeddings and overrides): they can make a name read as something else, and a
/// missing closing mark garbles the rest of the screen. Isolates (U+2066–U+2069) and the
/// direction marks are allowed: they are how mixed Arabic and Latin text is written.
fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}')
}

/// Characters that show nothing: format characters (zero-width spaces and joiners,
/// direction marks, soft hyphens, byte-order marks) and spaces.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{17B4}'
                | '\u{17B5}'
                | '\u{180B}'..='\u{180F}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// The problem with a text people read, if any: too long for `limit`, a control character
/// (NUL and the like; line breaks and tabs are allowed in texts of more than one line), a
/// direction override, or nothing visible at all.
pub fn text_problem(value: &str, limit: usize) -> Option<String> {
    if let Some(problem) = too_long(value, limit) {
        return Some(problem);
    }
    if let Some(c) = value
        .chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Some(format!(
            "the text holds the control character U+{:04X}: remove it",
            c as u32
        ));
    }
    if let Some(c) = value.chars().find(|c| is_bidi_override(*c)) {
        return Some(format!(
            "the text holds the direction override U+{:04X}, which can make it read as \
             something else: remove it (use U+2066–U+2069 to isolate mixed-direction text)",
            c as u32
        ));
    }
    if value.chars().all(is_invisible) {
        return Some(
            if value.trim().is_empty() && !value.chars().any(is_invisible_format) {
                "the text is empty".to_string()
            } else {
                "the text shows nothing: it holds only invisible characters (zero-width spaces, \
             joiners or marks)"
                    .to_string()
            },
        );
    }
    None
}

fn is_invisible_format(c: char) -> bool {
    is_invisible(c) && !c.is_whitespace()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_show_nothing_or_mislead_are_named() {
        assert_eq!(text_problem("Göç İdaresi", 200), None);
        assert_eq!(text_problem("مكتب\u{200C}الهجرة", 200), None);
        assert_eq!(text_problem("Line one\nline two", 4000), None);
        assert_eq!(text_problem("  ", 200).unwrap(), "the text is empty");
        let zero_width = text_problem("\u{200B}\u{200D}\u{FEFF}", 200).unwrap();
        assert!(
            zero_width.contains("only invisible characters"),
            "{zero_width}"
        );
        let nul = text_problem("Clinic\0", 200).unwrap();
        assert!(nul.contains("U+0000"), "{nul}");
        let rlo = text_problem("\u{202E}cinilC", 200).unwrap();
        assert!(rlo.contains("U+202E"), "{rlo}");
        let long = text_problem(&"a".repeat(201), 200).unwrap();
        assert!(
            long.contains("201 characters") && long.contains("200"),
            "{long}"
        );
    }

    #[test]
    fn long_values_are_quoted_short() {
        let quoted = shown(&"x".repeat(200_000));
        assert!(quoted.len() < 100, "{quoted}");
        assert!(quoted.ends_with("(200000 characters)"), "{quoted}");
        assert_eq!(shown("Mo-Fr"), "Mo-Fr");
    }
}
