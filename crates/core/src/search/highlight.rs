//! Marking the words of a text that a query matched, for the screen.

use super::{query_words, stem_of, TYPO_MIN_CHARS};
use crate::fold::{arabic_stems, edit_distance_within, fold};

/// Splits `text` into runs, marking the words that the query matched (by prefix, through
/// the Arabic article, or within one typo), for highlighting.
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let tokens = query_words(query);
    let matches = |word: &str| {
        let folded = fold(word);
        let stem = arabic_stems(&folded).unwrap_or(&folded).to_string();
        tokens.iter().any(|t| {
            folded.starts_with(t.as_str())
                || stem.starts_with(stem_of(t))
                || (t.chars().count() >= TYPO_MIN_CHARS && edit_distance_within(t, &folded, 1))
        })
    };
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, runs: &mut Vec<(String, bool)>| {
        if !word.is_empty() {
            let hit = matches(word);
            runs.push((std::mem::take(word), hit));
        }
    };
    for c in text.chars() {
        if is_word_char(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut runs);
            match runs.last_mut() {
                Some((s, false)) => s.push(c),
                _ => runs.push((c.to_string(), false)),
            }
        }
    }
    flush(&mut word, &mut runs);
    // Join neighbouring runs that are both unmatched.
    let mut joined: Vec<(String, bool)> = Vec::new();
    for (s, hit) in runs {
        match joined.last_mut() {
            Some((last, false)) if !hit => last.push_str(&s),
            _ => joined.push((s, hit)),
        }
    }
    joined
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200C}' | '\u{200D}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> Vec<String> {
        highlight(text, query)
            .into_iter()
            .filter(|(_, hit)| *hit)
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn highlight_marks_what_matched_and_keeps_the_text() {
        let runs = highlight("Göç İdaresi, Aydın", "goc ida");
        let text: String = runs.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(text, "Göç İdaresi, Aydın");
        assert_eq!(marked("Göç İdaresi, Aydın", "goc ida"), ["Göç", "İdaresi"]);
        assert_eq!(marked("قسم الطوارئ في المستشفى", "مستشفى"), ["المستشفى"]);
        assert_eq!(marked("مكتب هجرة", "الهجرة"), ["هجرة"]);
        assert_eq!(marked("Hastane acil servisi", "hastahne"), ["Hastane"]);
        assert!(marked("Hastane", "xyz").is_empty());
    }
}
