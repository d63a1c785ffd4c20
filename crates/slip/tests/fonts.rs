//! The bundled fonts, cut down by fonts/subset.sh, still have every letter the guide's
//! content uses, in all eight languages.

mod support;

use std::collections::BTreeSet;

use ttf_parser::Face;

#[test]
fn every_letter_of_the_content_has_a_glyph() {
    let faces: Vec<Face> = merhaba_slip::bundled_fonts()
        .iter()
        .map(|d| Face::parse(d, 0).unwrap())
        .collect();
    let mut texts: Vec<String> = Vec::new();
    for service in support::all_services() {
        let mut maps = vec![
            &service.name,
            &service.summary,
            &service.rights,
            &service.cost,
        ];
        maps.extend(service.location.as_ref());
        maps.extend(service.bring.as_ref());
        for place in &service.place {
            maps.push(&place.name);
            maps.push(&place.address);
        }
        texts.extend(maps.into_iter().flat_map(|m| m.values().cloned()));
        texts.extend(
            service
                .place
                .iter()
                .filter_map(|p| p.phone.clone().or(p.opening_hours.clone())),
        );
    }
    let missing: BTreeSet<char> = texts
        .iter()
        .flat_map(|t| t.chars())
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .filter(|&c| !faces.iter().any(|f| f.glyph_index(c).is_some()))
        .collect();
    assert!(
        missing.is_empty(),
        "no bundled font has {:?}: widen the ranges in fonts/subset.sh",
        missing
    );
}
