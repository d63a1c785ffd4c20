//! Builds the shipped city pack from `content/aydin/` so the app embeds it: `cargo run`
//! always shows the content as it is in the repository, with nothing built by hand first.
//! Only with the `embedded-pack` feature (desktop and mobile): the web app's pack is a file
//! of its site, and its build compiles none of this.

fn main() {
    #[cfg(feature = "embedded-pack")]
    embed();
}

#[cfg(feature = "embedded-pack")]
fn embed() {
    use std::path::Path;

    let content = Path::new("content/aydin");
    println!("cargo::rerun-if-changed={}", content.display());
    println!("cargo::rerun-if-changed=crates/pack/src");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("aydin.sqlite");
    let source = match merhaba_pack::load(content) {
        Ok(source) => source,
        Err(errors) => {
            for e in &errors {
                println!("cargo::error={e}");
            }
            std::process::exit(1);
        }
    };
    // The app installs its embedded pack only when the installed one is older or damaged.
    println!(
        "cargo::rustc-env=MERHABA_PACK_CITY={}",
        source.city.value.id
    );
    println!(
        "cargo::rustc-env=MERHABA_PACK_VERSION={}",
        source.city.value.content_version
    );
    if let Err(e) = merhaba_pack::build_pack(&source.content(), &out) {
        println!("cargo::error={e}");
        std::process::exit(1);
    }
}
