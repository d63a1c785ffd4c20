//! `merhaba-pack tuf-client`: the client-under-test command line of the TUF conformance
//! suite (theupdateframework/tuf-conformance, CLIENT-CLI.md) over the app's own update code:
//! [`FeedClient`] with its transport, caps, deadlines, trusted-metadata store and "already
//! current" check. Exit code 0 when the step succeeded, 1 when it did not.

use std::path::Path;
use std::process::ExitCode;

use merhaba_core::feed::{FeedClient, FeedError};

use crate::cli::{TufClientArgs, TufStep};

pub fn run(args: &TufClientArgs) -> ExitCode {
    match step(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("status: {}", e.status());
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn step(args: &TufClientArgs) -> Result<(), FeedError> {
    let dir = &args.metadata_dir;
    let missing = |option: &str| FeedError::Setup(format!("{option} is required for this step"));
    if let TufStep::Init { trusted_root } = &args.step {
        let root = std::fs::read(trusted_root).map_err(|e| FeedError::Io {
            path: trusted_root.clone(),
            source: e,
        })?;
        let kept = dir.join("root.json");
        return std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&kept, root))
            .map_err(|e| FeedError::Io {
                path: kept,
                source: e,
            });
    }
    let metadata_url = args
        .metadata_url
        .as_deref()
        .ok_or_else(|| missing("--metadata-url"))?;
    let targets_url = args.target_base_url.as_deref().unwrap_or(metadata_url);
    let root_path = dir.join("root.json");
    let root = std::fs::read(&root_path).map_err(|e| FeedError::Io {
        path: root_path,
        source: e,
    })?;
    let client = FeedClient::of_repository(metadata_url, targets_url, &dir.join("merhaba"), &root)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| FeedError::Setup(e.to_string()))?;
    let result = match &args.step {
        TufStep::Init { .. } => Ok(()),
        TufStep::Refresh => runtime.block_on(client.refresh()),
        TufStep::Download => {
            let target_dir = args
                .target_dir
                .as_ref()
                .ok_or_else(|| missing("--target-dir"))?;
            if args.target_names.is_empty() {
                return Err(missing("--target-name"));
            }
            runtime
                .block_on(client.download_targets(&args.target_names, target_dir))
                .map(|paths| {
                    for path in paths {
                        eprintln!("{}", path.display());
                    }
                })
        }
    };
    // What the client trusts after this step, whether it succeeded or not, is what the
    // suite reads in the metadata folder.
    show_trusted(&client.trusted_dir(), dir)?;
    result
}

/// Copies the roles the client trusts (`root.json`, `timestamp.json`, ...) from its own
/// store into `dir`, and removes from `dir` those it no longer trusts. Only role files are
/// shown: tough keeps a clock-rollback record beside them (`latest_known_time.json`).
fn show_trusted(trusted: &Path, dir: &Path) -> Result<(), FeedError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| FeedError::Io { path, source }
    };
    let is_role = |name: &str| name.ends_with(".json") && name != "latest_known_time.json";
    let names = |dir: &Path| -> Result<Vec<String>, FeedError> {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io(dir)(e)),
        };
        Ok(entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| is_role(name))
            .collect())
    };
    let kept = names(trusted)?;
    for name in names(dir)? {
        if name != "root.json" && !kept.contains(&name) {
            std::fs::remove_file(dir.join(&name)).map_err(io(&dir.join(&name)))?;
        }
    }
    for name in kept {
        std::fs::copy(trusted.join(&name), dir.join(&name)).map_err(io(&dir.join(&name)))?;
    }
    Ok(())
}
