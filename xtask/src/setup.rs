//! `cargo xtask setup`: installs what is missing, on a fresh machine all of it, and skips what
//! is there: the wasm32 target and the release build's pinned nightly with its `rust-src`
//! (rustup), Trunk and wasm-bindgen-cli (`cargo install`, the latter at the version Cargo.lock
//! pins), the npm packages (`npm ci`: binaryen 132's `wasm-opt`, playwright-core, lighthouse)
//! and the Debian packages (apt-get).

use std::path::{Path, PathBuf};

use lexopt::Arg;
use serde::Deserialize;

use crate::args;
use crate::process::{
    command, find_on_path, modified, output_of, privileged, read_file, repo_root, run,
    setup_command,
};
use crate::Result;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The toolchain the shipped WASM is built with (`dist::release_env`): a nightly, pinned, for
/// the standard library rebuilt with the app and panics that abort at once. Everything else
/// (the development build, clippy, the tests, the first view's native build) runs on the
/// default toolchain.
pub const RELEASE_TOOLCHAIN: &str = "nightly-2026-05-20";
const TRUNK_VERSION: &str = "0.21.14";
const WASM_OPT_VERSION: &str = "version_132";
/// Debian packages for the browser tests: (binary looked up on PATH, package that provides it).
pub const BROWSER_TOOLS: [(&str, &str); 3] = [
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("brotli", "brotli"),
];
/// gzip and brotli, for the precompressed copies and the size tables.
pub const COMPRESS_TOOLS: [(&str, &str); 2] = [("gzip", "gzip"), ("brotli", "brotli")];

/// `cargo xtask setup [--browser]`.
pub fn cmd_setup(args: &[String]) -> Result<()> {
    let mut browser = false;
    let mut parser = args::parser(args);
    while let Some(arg) = args::next("setup", &mut parser)? {
        match arg {
            Arg::Long("browser") => browser = true,
            other => return Err(args::unknown("setup", other)),
        }
    }
    setup(browser)
}

/// Installs whatever is missing; each step prints one line. `browser` adds the apt packages.
pub fn setup(browser: bool) -> Result<()> {
    println!("setup:");
    ensure_wasm_target()?;
    ensure_release_toolchain()?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "--locked", "trunk", "--version", TRUNK_VERSION],
    )?;
    let bindgen_version = locked_wasm_bindgen_version()?;
    // Without --locked: the locked install wants a webpki-roots version the registry lacks.
    ensure_cargo_tool(
        "wasm-bindgen",
        &bindgen_version,
        &["install", "wasm-bindgen-cli", "--version", &bindgen_version],
    )?;
    ensure_npm_packages()?;
    if browser {
        ensure_apt_tools(&BROWSER_TOOLS)?;
    }
    verify_wasm_opt()
}

/// Adds the wasm32 target through rustup unless it is already installed.
fn ensure_wasm_target() -> Result<()> {
    let installed = output_of(&mut command("rustup", &["target", "list", "--installed"]))
        .ok_or("`rustup target list --installed` failed; is rustup installed?")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("✓ rust target {WASM_TARGET} present");
        return Ok(());
    }
    println!("→ installing rust target {WASM_TARGET}");
    run(&mut setup_command(
        "rustup",
        &["target", "add", WASM_TARGET],
    ))
}

/// Installs `RELEASE_TOOLCHAIN` with the standard library's source unless it is there, and
/// fetches the crates that source depends on (Trunk builds offline) unless they are in
/// cargo's cache.
fn ensure_release_toolchain() -> Result<()> {
    if let Some(library) = release_library() {
        println!("✓ rust toolchain {RELEASE_TOOLCHAIN} with rust-src present");
        return fetch_library(&library);
    }
    println!("→ installing rust toolchain {RELEASE_TOOLCHAIN} with rust-src");
    run(&mut setup_command(
        "rustup",
        &[
            "toolchain",
            "install",
            RELEASE_TOOLCHAIN,
            "--profile",
            "minimal",
            "--component",
            "rust-src",
        ],
    ))?;
    let library = release_library().ok_or(format!(
        "after installing {RELEASE_TOOLCHAIN}, its rust-src (library/Cargo.toml) is missing"
    ))?;
    fetch_library(&library)
}

/// The manifest of `RELEASE_TOOLCHAIN`'s standard library source, if both are installed.
fn release_library() -> Option<PathBuf> {
    let mut sysroot = command("rustc", &["--print", "sysroot"]);
    sysroot.env("RUSTUP_TOOLCHAIN", RELEASE_TOOLCHAIN);
    let sysroot = output_of(&mut sysroot)?;
    let manifest =
        PathBuf::from(first_line(&sysroot)).join("lib/rustlib/src/rust/library/Cargo.toml");
    manifest.exists().then_some(manifest)
}

/// `cargo fetch` of the standard library's own dependencies, offline first.
fn fetch_library(manifest: &Path) -> Result<()> {
    let manifest = manifest.to_string_lossy();
    let fetch = |extra: &[&str]| {
        let mut args = vec!["fetch", "--manifest-path", &manifest];
        args.extend(extra);
        let mut cmd = setup_command("cargo", &args);
        cmd.env("RUSTUP_TOOLCHAIN", RELEASE_TOOLCHAIN);
        cmd
    };
    if output_of(&mut fetch(&["--offline"])).is_some() {
        println!("✓ the standard library's crates present");
        return Ok(());
    }
    println!("→ fetching the standard library's crates");
    run(&mut fetch(&[]))
}

/// Runs `cargo <install_args>` unless `<tool> --version` already reports `version`.
fn ensure_cargo_tool(tool: &str, version: &str, install_args: &[&str]) -> Result<()> {
    let found = output_of(&mut command(tool, &["--version"]));
    if let Some(output) = &found {
        if version_matches(output, version) {
            println!("✓ {tool} {version} present");
            return Ok(());
        }
    }
    let was = match &found {
        Some(output) => format!("found `{}`", first_line(output)),
        None => "not found".to_string(),
    };
    println!("→ installing {tool} {version} ({was}; takes minutes)");
    run(&mut setup_command("cargo", install_args))?;

    let now = output_of(&mut command(tool, &["--version"])).unwrap_or_default();
    if version_matches(&now, version) {
        Ok(())
    } else {
        Err(format!(
            "after installing, `{tool} --version` says `{}`, expected {version}; \
             another {tool} shadows ~/.cargo/bin on PATH?",
            first_line(&now)
        ))
    }
}

/// The `wasm-bindgen` version pinned in Cargo.lock (created with `cargo generate-lockfile` if absent).
fn locked_wasm_bindgen_version() -> Result<String> {
    let lock_path = repo_root().join("Cargo.lock");
    if !lock_path.exists() {
        println!("→ Cargo.lock missing, generating it");
        run(&mut setup_command("cargo", &["generate-lockfile"]))?;
    }
    let lock = read_file(&lock_path)?;
    let versions = locked_versions(&lock, "wasm-bindgen")
        .map_err(|e| format!("cannot parse {}: {e}", lock_path.display()))?;
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!(
            "{} has no `wasm-bindgen` package; the app must depend on it",
            lock_path.display()
        )),
        several => Err(format!(
            "{} has several wasm-bindgen versions ({}); the CLI can match only one",
            lock_path.display(),
            several.join(", ")
        )),
    }
}

/// What we read of Cargo.lock: its `[[package]]` entries.
#[derive(Deserialize)]
struct Lockfile {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

/// One `[[package]]` of Cargo.lock, with only the fields we read.
#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
}

/// Versions of `package` listed under `[[package]]` in a Cargo.lock text, sorted, no duplicates.
fn locked_versions(lock: &str, package: &str) -> std::result::Result<Vec<String>, toml::de::Error> {
    let lockfile: Lockfile = toml::from_str(lock)?;
    let mut versions: Vec<String> = lockfile
        .package
        .into_iter()
        .filter(|entry| entry.name == package)
        .map(|entry| entry.version)
        .collect();
    versions.sort();
    versions.dedup();
    Ok(versions)
}

/// Runs `npm ci` when node_modules is missing or older than package-lock.json.
fn ensure_npm_packages() -> Result<()> {
    let root = repo_root();
    let lock = root.join("package-lock.json");
    let Some(lock_time) = modified(&lock) else {
        return Err(format!(
            "{} is missing; run `npm install --no-audit --no-fund` once and commit it",
            lock.display()
        ));
    };
    // npm writes node_modules/.package-lock.json on every install; fall back to the folder.
    let modules = root.join("node_modules");
    let marker = modules.join(".package-lock.json");
    let installed_time = modified(&marker).or_else(|| modified(&modules));
    if installed_time.is_some_and(|time| time >= lock_time) {
        println!("✓ npm packages present (node_modules up to date)");
        return Ok(());
    }
    // Not installed for you: Debian 12's nodejs (18) is older than playwright-core needs (20).
    if find_on_path("npm").is_none() {
        return Err(
            "npm not found on PATH; install Node.js 20 or later with its npm \
             (NodeSource's or Debian 13's nodejs), then run this again"
                .to_string(),
        );
    }
    println!("→ installing npm packages (npm ci)");
    run(&mut setup_command(
        "npm",
        &["ci", "--no-audit", "--no-fund"],
    ))
}

/// Installs the Debian packages whose binaries are not on PATH (apt-get, as root or `sudo -n`).
pub fn ensure_apt_tools(tools: &[(&str, &str)]) -> Result<()> {
    let mut missing: Vec<&str> = Vec::new();
    for (binary, package) in tools {
        match find_on_path(binary) {
            Some(path) => println!("✓ {binary} present ({})", path.display()),
            None => missing.push(package),
        }
    }
    if missing.is_empty() {
        return Ok(());
    }
    println!("→ installing Debian packages: {}", missing.join(" "));
    run(&mut privileged(&["apt-get", "update"]))?;
    let mut install = vec![
        "env",
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get",
        "install",
        "-y",
    ];
    install.extend(&missing);
    run(&mut privileged(&install))?;

    for (binary, package) in tools {
        if find_on_path(binary).is_none() {
            return Err(format!(
                "`{binary}` still not on PATH after installing `{package}`"
            ));
        }
    }
    Ok(())
}

/// Fails unless the `wasm-opt` first on PATH is binaryen 132 (npm), which Trunk.toml pins.
fn verify_wasm_opt() -> Result<()> {
    let location = find_on_path("wasm-opt")
        .map(|path| path.display().to_string())
        .unwrap_or_else(|| "nowhere".to_string());
    match output_of(&mut command("wasm-opt", &["--version"])) {
        Some(output) if output.contains(WASM_OPT_VERSION) => {
            println!("✓ wasm-opt {WASM_OPT_VERSION} present ({location})");
            Ok(())
        }
        Some(output) => Err(format!(
            "wasm-opt at {location} reports `{}`, expected {WASM_OPT_VERSION} (npm binaryen 132.0.0 \
             in node_modules/.bin). Debian's binaryen 108 produces a WASM that fails at runtime. \
             Run `npm ci --no-audit --no-fund`.",
            first_line(&output)
        )),
        None => Err(
            "wasm-opt not found on PATH; run `npm ci --no-audit --no-fund` to get npm binaryen 132"
                .to_string(),
        ),
    }
}

/// Whether a `--version` output names exactly `version` as a word (`trunk 0.21.14`, `v0.21.14`).
fn version_matches(output: &str, version: &str) -> bool {
    output
        .split_whitespace()
        .any(|word| word == version || word.strip_prefix('v') == Some(version))
}

/// The first line of a command's output, trimmed.
fn first_line(output: &str) -> &str {
    output.lines().next().unwrap_or("").trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"

[[package]]
name = "xtask"
version = "0.1.0"

[metadata]
name = "wasm-bindgen"
version = "0.1.0"
"#;

    #[test]
    fn finds_the_locked_wasm_bindgen_version_only() {
        assert_eq!(
            locked_versions(LOCK, "wasm-bindgen").unwrap(),
            vec!["0.2.130"]
        );
        assert_eq!(
            locked_versions(LOCK, "wasm-bindgen-macro").unwrap(),
            vec!["0.2.131"]
        );
        assert!(locked_versions(LOCK, "leptos").unwrap().is_empty());
    }

    #[test]
    fn a_broken_lock_file_is_an_error() {
        assert!(locked_versions("[[package]]\nname = \"a\"\n", "a").is_err());
        assert!(locked_versions("[[package]\n", "a").is_err());
        assert_eq!(
            locked_versions("version = 4\n", "a").unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn this_repositorys_lock_pins_one_wasm_bindgen() {
        let lock = read_file(&repo_root().join("Cargo.lock")).unwrap();
        assert_eq!(locked_versions(&lock, "wasm-bindgen").unwrap().len(), 1);
    }

    #[test]
    fn version_must_match_a_whole_word() {
        assert!(version_matches("trunk 0.21.14\n", "0.21.14"));
        assert!(version_matches("wasm-bindgen 0.2.130", "0.2.130"));
        assert!(version_matches("tool v0.2.130", "0.2.130"));
        assert!(!version_matches("trunk 0.21.140", "0.21.14"));
        assert!(!version_matches("trunk 0.22.0", "0.21.14"));
    }
}
