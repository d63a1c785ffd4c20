//! Reading a page aloud with the device's own speech engine, offline: speech-dispatcher on
//! Linux, AVSpeechSynthesizer on iOS and macOS, SAPI/WinRT on Windows (all through the `tts`
//! crate), the Web Speech API in a browser.
//!
//! "Listen" is offered only for a language the engine has a voice for, found in the engine's
//! list of voices, never assumed: a button that reads Pashto with an English voice, or
//! nothing at all, is worse than none. Android's engine gives no list through `tts`, so the
//! button stays hidden there until that is built (noted in ARCHITECTURE.md).
//!
//! Nothing is sent anywhere: every engine here speaks on the device.

use merhaba_core::read_aloud::Utterance;

/// Whether a voice's language (a BCP 47 tag from the engine) speaks `lang`, a content language
/// code. Kurmanji is often filed under the macrolanguage `ku`.
fn speaks(voice_lang: &str, lang: &str) -> bool {
    let primary = voice_lang
        .split(['-', '_'])
        .next()
        .unwrap_or(voice_lang)
        .to_ascii_lowercase();
    primary == lang || (lang == "kmr" && primary == "ku")
}

#[cfg(not(target_arch = "wasm32"))]
mod engine {
    use std::sync::mpsc::{channel, Sender};
    use std::sync::{Mutex, OnceLock};

    use tts::{Tts, Voice};

    use super::{speaks, Utterance};

    enum Command {
        Read(Vec<Utterance>),
        Stop,
    }

    /// The languages the engine has voices for, once it has answered, and the way to it.
    struct Speech {
        languages: Vec<String>,
        commands: Sender<Command>,
        /// Languages already logged as having no voice.
        told: Vec<String>,
    }

    static SPEECH: OnceLock<Option<Mutex<Speech>>> = OnceLock::new();

    /// Starts the engine on its own thread (connecting to it can take a moment) and ends
    /// once it has answered; until then no language has a voice.
    pub async fn start() {
        if SPEECH.get().is_some() {
            return;
        }
        let (answered, answer) = futures_channel::oneshot::channel::<()>();
        let started = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || {
                let tts = Tts::default().and_then(|tts| Ok((tts.voices()?, tts)));
                let (voices, tts) = match tts {
                    Ok(ready) => ready,
                    Err(e) => {
                        eprintln!("speech: no speech engine ({e}); Listen is hidden");
                        let _ = SPEECH.set(None);
                        let _ = answered.send(());
                        return;
                    }
                };
                let mut languages: Vec<String> =
                    voices.iter().map(|v| v.language().to_string()).collect();
                languages.sort();
                languages.dedup();
                let (commands, received) = channel();
                let _ = SPEECH.set(Some(Mutex::new(Speech {
                    languages,
                    commands,
                    told: Vec::new(),
                })));
                let _ = answered.send(());
                run(tts, voices, received);
            });
        if started.is_ok() {
            let _ = answer.await;
        }
    }

    fn run(mut tts: Tts, voices: Vec<Voice>, commands: std::sync::mpsc::Receiver<Command>) {
        for command in commands {
            match command {
                Command::Stop => {
                    let _ = tts.stop();
                }
                Command::Read(script) => {
                    let _ = tts.stop();
                    for utterance in script {
                        let Some(voice) = voices
                            .iter()
                            .find(|v| speaks(v.language().as_ref(), &utterance.lang))
                        else {
                            continue;
                        };
                        if let Err(e) = tts.set_voice(voice) {
                            eprintln!("speech: cannot use the {} voice: {e}", utterance.lang);
                            continue;
                        }
                        if let Err(e) = tts.speak(utterance.text, false) {
                            eprintln!("speech: {e}");
                        }
                    }
                }
            }
        }
    }

    pub fn can_read(lang: &str) -> bool {
        let Some(Some(speech)) = SPEECH.get() else {
            return false;
        };
        let Ok(mut speech) = speech.lock() else {
            return false;
        };
        let found = speech.languages.iter().any(|l| speaks(l, lang));
        if !found && !speech.told.iter().any(|l| l == lang) {
            eprintln!("speech: the engine has no voice for `{lang}`; Listen is hidden");
            speech.told.push(lang.to_string());
        }
        found
    }

    fn send(command: Command) {
        if let Some(Some(speech)) = SPEECH.get() {
            if let Ok(speech) = speech.lock() {
                let _ = speech.commands.send(command);
            }
        }
    }

    pub fn read(script: Vec<Utterance>) {
        send(Command::Read(script));
    }

    pub fn stop() {
        send(Command::Stop);
    }
}

#[cfg(target_arch = "wasm32")]
mod engine {
    use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

    use super::{speaks, Utterance};

    fn synthesis() -> Option<SpeechSynthesis> {
        web_sys::window()?.speech_synthesis().ok()
    }

    fn voice_for(synthesis: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
        synthesis
            .get_voices()
            .iter()
            .filter_map(|v| wasm_bindgen::JsCast::dyn_into::<SpeechSynthesisVoice>(v).ok())
            .find(|v| speaks(&v.lang(), lang))
    }

    /// Asks for the voice list, which browsers fill in a moment after the first request, and
    /// ends once it has voices or after two seconds (a browser with none).
    pub async fn start() {
        for _ in 0..8 {
            match synthesis() {
                Some(s) if s.get_voices().length() > 0 => return,
                Some(_) => crate::platform::web::sleep_ms(250).await,
                None => return,
            }
        }
    }

    pub fn can_read(lang: &str) -> bool {
        synthesis().is_some_and(|s| voice_for(&s, lang).is_some())
    }

    pub fn read(script: Vec<Utterance>) {
        let Some(s) = synthesis() else { return };
        s.cancel();
        for utterance in script {
            let Some(voice) = voice_for(&s, &utterance.lang) else {
                continue;
            };
            if let Ok(u) = SpeechSynthesisUtterance::new_with_text(&utterance.text) {
                u.set_voice(Some(&voice));
                u.set_lang(&voice.lang());
                s.speak(&u);
            }
        }
    }

    pub fn stop() {
        if let Some(s) = synthesis() {
            s.cancel();
        }
    }
}

pub use engine::{can_read, read, start, stop};

#[cfg(test)]
mod tests {
    use super::speaks;

    #[test]
    fn a_voice_speaks_its_primary_language() {
        assert!(speaks("en-GB", "en"));
        assert!(speaks("tr", "tr"));
        assert!(speaks("fa-Latn", "fa"));
        assert!(speaks("ku", "kmr"));
        assert!(!speaks("ur", "ps"));
        assert!(!speaks("en", "tr"));
    }
}
