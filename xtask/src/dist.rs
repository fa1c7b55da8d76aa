//! `cargo xtask serve` and `cargo xtask dist`: Trunk's development server, and the release
//! build into `dist/` with a `.br` and a `.gz` copy beside every compressible file.

use std::path::Path;
use std::process::Command;

use lexopt::Arg;

use crate::args;
use crate::process::{command, repo_root, run, run_quiet};
use crate::setup::{ensure_apt_tools, setup, COMPRESS_TOOLS, RELEASE_TOOLCHAIN};
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
    if args.iter().any(|arg| arg == "--release") {
        release_env(&mut cmd);
    }
    cmd.args(args);
    run(&mut cmd)
}

/// What a release build of the app runs with: the pinned nightly (`RELEASE_TOOLCHAIN`), the
/// standard library rebuilt with the app (optimised for size, with LTO across it, and its
/// smaller algorithms: `optimize_for_size`), panics that abort at once, without their
/// messages' formatting, no source locations kept for them, and no `Debug` formatting:
/// 27.2 KB brotli less WASM (bench/README.md, "The WASM's cuts"). A panic stops the app as it
/// did before (a trap), and `public/boot.js` tells the reader. What `Debug` wrote that a reader
/// sees, the text serde quotes in a wrong-type message, `model::parse` reads from the file.
/// The post-build hook's native build runs on the default toolchain (Trunk.toml); stable
/// cargo ignores the `CARGO_UNSTABLE_` settings.
pub fn release_env(cmd: &mut Command) -> &mut Command {
    cmd.env("RUSTUP_TOOLCHAIN", RELEASE_TOOLCHAIN)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none",
        )
}

/// Options of `cargo xtask dist`.
#[derive(Debug, Default, PartialEq)]
struct DistOptions {
    public_url: Option<String>,
    skip_setup: bool,
}

/// Parses `--public-url P` / `--public-url=P` and `--skip-setup` of `cargo xtask dist`.
fn parse_dist_options(args: &[String]) -> Result<DistOptions> {
    let mut options = DistOptions::default();
    let mut parser = args::parser(args);
    while let Some(arg) = args::next("dist", &mut parser)? {
        match arg {
            Arg::Long("skip-setup") => options.skip_setup = true,
            Arg::Long("public-url") => {
                let url = args::value(&mut parser, "dist: --public-url needs a value")?;
                options.public_url = Some(url);
            }
            other => return Err(args::unknown("dist", other)),
        }
    }
    Ok(options)
}

/// `cargo xtask dist [--public-url P] [--skip-setup]`: setup, then a release build into
/// `dist/` with precompressed copies.
pub fn cmd_dist(args: &[String]) -> Result<()> {
    let options = parse_dist_options(args)?;
    if !options.skip_setup {
        setup(false)?;
    }
    trunk_build(options.public_url.as_deref())?;
    ensure_apt_tools(&COMPRESS_TOOLS)?;
    precompress(&repo_root().join("dist"))
}

/// `trunk build --release`, with `--public-url` when given.
pub fn trunk_build(public_url: Option<&str>) -> Result<()> {
    let mut cmd = command("trunk", &["build", "--release"]);
    release_env(&mut cmd);
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
        assert_eq!(parse_dist_options(&[]).unwrap(), DistOptions::default());
        let options = parse_dist_options(&strings(&["--public-url", "/app/"])).unwrap();
        assert_eq!(options.public_url.as_deref(), Some("/app/"));
        let options = parse_dist_options(&strings(&["--public-url=/x/"])).unwrap();
        assert_eq!(options.public_url.as_deref(), Some("/x/"));
        assert!(parse_dist_options(&strings(&["--release"])).is_err());
        assert_eq!(
            parse_dist_options(&strings(&["--skip-setup", "--public-url"])).unwrap_err(),
            "dist: --public-url needs a value"
        );
    }

    #[test]
    fn skip_setup_goes_before_or_after_the_url() {
        for args in [
            ["--skip-setup", "--public-url=/a/"],
            ["--public-url=/a/", "--skip-setup"],
        ] {
            let options = parse_dist_options(&strings(&args)).unwrap();
            assert!(options.skip_setup);
            assert_eq!(options.public_url.as_deref(), Some("/a/"));
        }
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
