//! Line layout: order, fonts, mirroring, breaking.

use super::*;
use crate::fonts::Script;

fn texts(line: &Line) -> Vec<&str> {
    line.pieces.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn a_label_and_an_ltr_value_read_right_to_left() {
    let spans = [
        Span::new("ساعات العمل: ", 10.0, true),
        Span::ltr("Mo-Fr 08:00-12:00", 10.0, false),
    ];
    let line = &lines(&spans, 500.0, true)[0];
    // Left to right on the page: the value, then the colon, then the label.
    assert_eq!(texts(line), ["Mo-Fr 08:00-12:00", ":", "ساعات العمل"]);
    assert_eq!(line.pieces[0].font.script, Script::Latin);
    assert!(line.pieces[2].rtl && line.pieces[2].font.bold);
}

#[test]
fn a_bracket_at_the_end_of_a_right_to_left_line_is_mirrored_to_its_left() {
    let spans = [Span::new("التفصيلي بعد)", 10.0, false)];
    let line = &lines(&spans, 500.0, true)[0];
    assert_eq!(texts(line), ["(", "التفصيلي بعد"]);
    // Noto Sans Arabic has no brackets: they come from Noto Sans, mirrored by the layout.
    let paired = &lines(&[Span::new("آيدين (لم بعد)", 10.0, false)], 500.0, true)[0];
    assert_eq!(texts(paired), ["(", "لم بعد", ")", "آيدين"]);
}

#[test]
fn lines_break_at_spaces_within_the_width() {
    let spans = [Span::new("Aydın İl Göç İdaresi Müdürlüğü", 10.0, false)];
    let all = lines(&spans, 80.0, false);
    assert!(all.len() > 1, "{all:?}");
    assert!(all.iter().all(|l| l.width <= 80.0));
    let joined: Vec<String> = all.iter().map(|l| texts(l).concat()).collect();
    assert_eq!(joined.join(" "), "Aydın İl Göç İdaresi Müdürlüğü");
}

#[test]
fn digits_in_arabic_text_keep_their_order() {
    let line = &lines(&[Span::new("هاتف 157 الطابق", 10.0, false)], 500.0, true)[0];
    assert_eq!(texts(line), ["الطابق", "157", "هاتف"]);
}
