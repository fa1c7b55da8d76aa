//! `cargo xtask serve` and `cargo xtask dist`: Trunk's development server, and the release
//! build into `dist/` with a `.br` and a `.gz` copy beside every compressible file.

use std::path::Path;

use crate::process::{command, repo_root, run, run_quiet};
use crate::setup::{ensure_apt_tools, setup, COMPRESS_TOOLS};
use crate::sizes::files_under;
use crate::Result;

const SERVE_ADDRESS: &str = "127.0.0.1";
const SERVE_PORT: &str = "8080";

/// What a server sends compressed: text, and WASM.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "json", "svg", "csv", "wasm", "txt", "map",
];

/// `cargo xtask serve`: setup, then `trunk serve` with live reload: a development build
/// (`Trunk.toml`), or the shipped one with `--release`; extra args go to trunk.
pub fn cmd_serve(args: &[String]) -> Result<()> {
    setup(false)?;
    let mut cmd = command(
        "trunk",
        &["serve", "--address", SERVE_ADDRESS, "--port", SERVE_PORT],
    );
    cmd.args(args);
    run(&mut cmd)
}

/// Parses `--public-url P` / `--public-url=P` of `cargo xtask dist`.
fn parse_public_url(args: &[String]) -> Result<Option<String>> {
    let mut public_url = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--public-url" {
            let value = iter.next().ok_or("dist: --public-url needs a value")?;
            public_url = Some(value.clone());
        } else if let Some(value) = arg.strip_prefix("--public-url=") {
            public_url = Some(value.to_string());
        } else {
            return Err(format!("dist: unknown option `{arg}`"));
        }
    }
    Ok(public_url)
}

/// `cargo xtask dist [--public-url P] [--skip-setup]`: setup, then a release build into
/// `dist/` with precompressed copies.
pub fn cmd_dist(args: &[String]) -> Result<()> {
    let skip_setup = args.iter().any(|a| a == "--skip-setup");
    let rest: Vec<String> = args
        .iter()
        .filter(|a| *a != "--skip-setup")
        .cloned()
        .collect();
    let public_url = parse_public_url(&rest)?;
    if !skip_setup {
        setup(false)?;
    }
    trunk_build(public_url.as_deref())?;
    ensure_apt_tools(&COMPRESS_TOOLS)?;
    precompress(&repo_root().join("dist"))
}

/// `trunk build --release`, with `--public-url` when given.
pub fn trunk_build(public_url: Option<&str>) -> Result<()> {
    let mut cmd = command("trunk", &["build", "--release"]);
    if let Some(url) = public_url {
        cmd.args(["--public-url", url]);
    }
    run(&mut cmd)
}

/// Writes `file.br` (brotli -q 11) and `file.gz` (gzip -9) beside every compressible file in
/// `dist`, for servers that send precompressed files (nginx `gzip_static`, `brotli_static`).
pub fn precompress(dist: &Path) -> Result<()> {
    let mut count = 0;
    for file in files_under(dist, "")? {
        if !is_compressible(&file) {
            continue;
        }
        let path = dist.join(&file).to_string_lossy().into_owned();
        let br = format!("{path}.br");
        run_quiet(&mut command(
            "brotli",
            &["-q", "11", "-f", "-o", &br, &path],
        ))?;
        run_quiet(&mut command("gzip", &["-9", "-n", "-k", "-f", &path]))?;
        count += 1;
    }
    println!(
        "precompressed {count} files (.br, .gz) in {}",
        dist.display()
    );
    Ok(())
}

/// Whether a server sends `file` compressed (by its extension).
fn is_compressible(file: &str) -> bool {
    Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| arg.to_string()).collect()
    }

    #[test]
    fn parses_public_url() {
        assert_eq!(parse_public_url(&[]).unwrap(), None);
        let url = parse_public_url(&strings(&["--public-url", "/app/"])).unwrap();
        assert_eq!(url.as_deref(), Some("/app/"));
        let url = parse_public_url(&strings(&["--public-url=/x/"])).unwrap();
        assert_eq!(url.as_deref(), Some("/x/"));
        assert!(parse_public_url(&strings(&["--release"])).is_err());
    }

    #[test]
    fn text_and_wasm_are_compressed_images_are_not() {
        assert!(is_compressible("index.html"));
        assert!(is_compressible("app-1_bg.wasm"));
        assert!(is_compressible("data/technoparks.json"));
        assert!(!is_compressible("charts/a.png"));
        assert!(!is_compressible("index.html.br"));
    }
}
