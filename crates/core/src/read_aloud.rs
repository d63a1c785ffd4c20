//! What "Listen" reads on a service page: the page in reading order, each text in the
//! language it is shown in (a page partly in a fallback language switches voice for those
//! parts), with phone numbers read digit by digit.

use crate::l10n::Localizer;
use crate::model::{Service, Text};

/// One stretch of speech in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utterance {
    pub lang: String,
    pub text: String,
}

/// The service page as speech: name, summary, the sample warning, each answer under its
/// heading, each place's name, address and phone number (or, for a place the service left,
/// where it went), and the helplines.
pub fn service_script(service: &Service, l: &Localizer) -> Vec<Utterance> {
    let mut script = Script(Vec::new());
    let ui = |text: String| Text {
        value: text,
        lang: l.lang().to_string(),
    };
    script.say(&service.name);
    script.say(&service.summary);
    if service.sample {
        script.say(&ui(l.t("sample-notice")));
    }
    script.say(&ui(l.t("section-rights")));
    script.say(&service.rights);
    script.say(&ui(l.t("section-cost")));
    script.say(&service.cost);
    script.say(&ui(l.t("section-location")));
    if let Some(note) = &service.location_note {
        script.say(note);
    }
    for place in &service.places {
        script.say(&place.name);
        if let Some(moved) = &place.moved_to {
            script.say(&ui(l.t_args(
                "place-moved",
                &[("place", moved.name.value.clone().into())],
            )));
            continue;
        }
        if let Some(date) = &place.closed_since {
            script.say(&ui(
                l.t_args("place-closed", &[("date", l.date(date).into())])
            ));
            continue;
        }
        script.say(&place.address);
        if let Some(phone) = &place.phone {
            let number = digit_by_digit(phone);
            script.say(&ui(l.t_args("place-call", &[("number", number.into())])));
        }
    }
    for number in &service.helplines {
        let number = digit_by_digit(number);
        script.say(&ui(l.t_args("helpline", &[("number", number.into())])));
    }
    script.0
}

struct Script(Vec<Utterance>);

impl Script {
    /// Adds `text`, joined to the stretch before it when that is in the same language.
    fn say(&mut self, text: &Text) {
        let value = text.value.trim();
        if value.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.lang == text.lang => {
                last.text.push_str("\n\n");
                last.text.push_str(value);
            }
            _ => self.0.push(Utterance {
                lang: text.lang.clone(),
                text: value.to_string(),
            }),
        }
    }
}

/// A phone number as separate digits, with a pause (a comma) where the number has a space or
/// a dash: "0256 213 00 00" → "0 2 5 6, 2 1 3, 0 0, 0 0". A voice reads "112" as a hundred
/// and twelve otherwise.
pub fn digit_by_digit(number: &str) -> String {
    number
        .split([' ', '-'])
        .filter(|group| !group.is_empty())
        .map(|group| {
            let digits: Vec<String> = group
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .map(|c| c.to_string())
                .collect();
            digits.join(" ")
        })
        .filter(|group| !group.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_read_digit_by_digit() {
        assert_eq!(digit_by_digit("112"), "1 1 2");
        assert_eq!(digit_by_digit("0256 213 00 00"), "0 2 5 6, 2 1 3, 0 0, 0 0");
        assert_eq!(
            digit_by_digit("+90 (256) 444-1-234"),
            "+ 9 0, 2 5 6, 4 4 4, 1, 2 3 4"
        );
    }

    fn text(value: &str, lang: &str) -> Text {
        Text {
            value: value.to_string(),
            lang: lang.to_string(),
        }
    }

    #[test]
    fn a_page_is_read_in_order_switching_language_for_fallback_texts() {
        let l = Localizer::new("tr", false);
        let service = Service {
            id: "x".into(),
            name: text("Aile hekimi", "tr"),
            summary: text("Sağlıkta ilk durağınız.", "tr"),
            rights: text("Everyone registered is assigned a family doctor.", "en"),
            cost: text("Ücretsiz.", "tr"),
            location_note: None,
            bring: None,
            places: vec![crate::model::Place {
                name: text("Efeler merkezi", "tr"),
                address: text("Efeler, Aydın", "tr"),
                lat: 37.8,
                lon: 27.8,
                opening_hours: None,
                phone: Some("112".into()),
                sources: Vec::new(),
                closed_since: None,
                moved_to: None,
            }],
            links: Vec::new(),
            sources: Vec::new(),
            helplines: Vec::new(),
            checked: Some("2026-11-28".into()),
            drafted: None,
            sample: false,
            sensitive: false,
            unreviewed: true,
            submenus: Vec::new(),
        };
        let script = service_script(&service, &l);
        let langs: Vec<&str> = script.iter().map(|u| u.lang.as_str()).collect();
        assert_eq!(langs, ["tr", "en", "tr"]);
        assert!(script[0].text.starts_with("Aile hekimi\n\nSağlıkta"));
        assert!(script[0].text.ends_with(&l.t("section-rights")));
        assert_eq!(
            script[1].text,
            "Everyone registered is assigned a family doctor."
        );
        assert!(script[2].text.contains("1 1 2"), "{}", script[2].text);
        assert!(!script[2].text.contains("112"));
    }
}
