//! Developer tasks for the perm-technoparks app, run as `cargo xtask <command>`.
//!
//! Std-only on purpose: it has to build on a machine where nothing else is installed yet.
//! Every external command gets a PATH with `<repo>/node_modules/.bin` and `~/.cargo/bin`
//! first, so `wasm-opt` is npm's binaryen 132 (never Debian's 108, which breaks the app),
//! and `trunk` / `wasm-bindgen` are the ones `cargo install` put there.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

/// Result type of every task: the error is the message shown to the user.
type Result<T> = std::result::Result<T, String>;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
const APP_PACKAGE: &str = "perm-technoparks";
/// The page embed snippets frame (`url::EMBED_PAGE` in the app), written beside index.html.
const EMBED_PAGE: &str = "embed.html";
const TRUNK_VERSION: &str = "0.21.14";
const WASM_OPT_VERSION: &str = "version_132";
const SERVE_ADDRESS: &str = "127.0.0.1";
const SERVE_PORT: &str = "8080";
const WASM_BINDGEN_TEST_TIMEOUT: &str = "60";
/// Debian packages for the browser tests: (binary looked up on PATH, package that provides it).
const BROWSER_TOOLS: [(&str, &str); 3] = [
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("brotli", "brotli"),
];
/// The dataset the first view fetches, relative to `dist/`.
const DATASET: &str = "data/technoparks.json";

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup [--browser]          install missing tools (wasm target, trunk, wasm-bindgen-cli,
                             npm packages; --browser adds chromium, chromedriver, brotli)
  serve [trunk args…]        setup, then `trunk serve` on http://127.0.0.1:8080
  dist [--public-url P] [--skip-setup]
                             setup, then `trunk build --release` into dist/, with
                             .br and .gz copies of every text file beside it
  test [--skip-setup] [--only lint|native|wasm|e2e[,…]]
                             setup (with browser), then fmt, clippy (native + wasm32),
                             native tests, wasm tests in headless chromium, release build,
                             end-to-end tests; stops at the first failure
  sizes [--no-build]         dist, then raw / gzip / brotli sizes of the first view (the
                             page and its stylesheet) and of the app downloaded beside it
                             (Markdown tables, and target/sizes.json)
  budget                     the brotli totals of the first view and of the app against
                             the budgets in Cargo.toml ([workspace.metadata.budget]);
                             fails when either is over
  bench [run.mjs options…]   dist, the floor app and the peer page, then the benchmark
                             (bench/run.mjs: bytes, load and interaction timings,
                             throttled and not, ratios, then Lighthouse mobile, median
                             of 3; target/bench/report.json), then the scale run on
                             scale-data's synthetic dataset (target/bench/report-scale.json);
                             with options, one run (`--lighthouse-only`: the audit alone)";

/// Entry point: runs the command and turns an error into a message and exit code 1.
fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nxtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Picks the task named by the first argument and hands it the rest.
fn dispatch(args: &[String]) -> Result<()> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "setup" => cmd_setup(rest),
        "serve" => cmd_serve(rest),
        "dist" => cmd_dist(rest),
        "test" => cmd_test(rest),
        "sizes" => cmd_sizes(rest),
        "budget" => cmd_budget(rest),
        "bench" => cmd_bench(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

// ───────────────────────────── commands ─────────────────────────────

/// `cargo xtask setup [--browser]`.
fn cmd_setup(args: &[String]) -> Result<()> {
    let mut browser = false;
    for arg in args {
        match arg.as_str() {
            "--browser" => browser = true,
            other => return Err(format!("setup: unknown option `{other}`")),
        }
    }
    setup(browser)
}

/// `cargo xtask serve`: setup, then `trunk serve` with live reload: a development build
/// (`Trunk.toml`), or the shipped one with `--release`; extra args go to trunk.
fn cmd_serve(args: &[String]) -> Result<()> {
    setup(false)?;
    let mut cmd = command(
        "trunk",
        &["serve", "--address", SERVE_ADDRESS, "--port", SERVE_PORT],
    );
    cmd.args(args);
    run(&mut cmd)
}

/// `cargo xtask dist [--public-url P] [--skip-setup]`: setup, then a release build into
/// `dist/` with precompressed copies.
fn cmd_dist(args: &[String]) -> Result<()> {
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

/// `cargo xtask budget`: fails when the first view's or the app's brotli total is over its
/// budget.
fn cmd_budget(args: &[String]) -> Result<()> {
    if let Some(arg) = args.first() {
        return Err(format!("budget: unknown option `{arg}`"));
    }
    ensure_apt_tools(&COMPRESS_TOOLS)?;
    let cargo_toml = read_file(&repo_root().join("Cargo.toml"))?;
    let dist = repo_root().join("dist");
    let mut over = Vec::new();
    for (part, rows) in measured_parts(&dist)? {
        let budget = budget_of(&cargo_toml, part.budget_key)?;
        println!("\n{}", part.title);
        print!("{}", size_table(&rows));
        let total = total(&rows).brotli;
        let verdict = budget_verdict(part.name, total, budget);
        println!("{verdict}");
        if total > budget {
            over.push(verdict);
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

/// `cargo xtask bench [options]`: builds what is compared (the release dist/, the floor app,
/// the peer page) and runs bench/run.mjs with the options given. The floor's dist gets its
/// `.br` copies as ours does: Lighthouse is served them as nginx's `brotli_static` serves.
fn cmd_bench(args: &[String]) -> Result<()> {
    setup(true)?;
    let root = repo_root();
    trunk_build(None)?;
    ensure_apt_tools(&COMPRESS_TOOLS)?;
    precompress(&root.join("dist"))?;
    let floor = root.join("bench").join("floor-app");
    let mut floor_build = command(
        "trunk",
        &[
            "build",
            "--release",
            "--dist",
            &root.join("target/bench/floor-dist").to_string_lossy(),
        ],
    );
    floor_build
        .current_dir(&floor)
        .env("CARGO_TARGET_DIR", root.join("target/bench/floor-target"));
    run(&mut floor_build)?;
    precompress(&root.join("target/bench/floor-dist"))?;
    if !args.is_empty() {
        let mut bench = command("node", &["bench/run.mjs"]);
        bench.args(args);
        return run(&mut bench);
    }
    // The real dataset, then the scale run on the synthetic one.
    run(&mut command(
        "node",
        &["bench/run.mjs", "--out", "target/bench/report.json"],
    ))?;
    let scale = "target/bench/scale/technoparks.json";
    run(&mut command(
        "cargo",
        &[
            "run",
            "--quiet",
            "--release",
            "--bin",
            "scale-data",
            "--",
            scale,
        ],
    ))?;
    run(&mut command(
        "node",
        &[
            "bench/run.mjs",
            "--dataset",
            scale,
            "--out",
            "target/bench/report-scale.json",
        ],
    ))
}

/// `cargo xtask test [--skip-setup] [--only GROUPS]`: the whole check, as CI runs it.
fn cmd_test(args: &[String]) -> Result<()> {
    let options = parse_test_options(args)?;
    let mut results: Vec<StepResult> = Vec::new();

    if !options.skip_setup {
        let browser = options.includes(Group::Wasm) || options.includes(Group::E2e);
        let outcome = timed("setup", &mut results, || setup(browser));
        if let Err(message) = outcome {
            print_summary(&results);
            return Err(format!("setup failed: {message}"));
        }
    }

    let steps: Vec<Step> = test_steps()
        .into_iter()
        .filter(|step| options.includes(step.group))
        .collect();
    for mut step in steps {
        println!("\n━━ {} ━━", step.name);
        let outcome = timed(step.name, &mut results, || run(&mut step.command));
        if let Err(message) = outcome {
            print_summary(&results);
            return Err(format!("step `{}` failed: {message}", step.name));
        }
    }
    print_summary(&results);
    Ok(())
}

/// `cargo xtask sizes [--no-build]`: build, then measure what the first view downloads.
fn cmd_sizes(args: &[String]) -> Result<()> {
    let mut build = true;
    for arg in args {
        match arg.as_str() {
            "--no-build" => build = false,
            other => return Err(format!("sizes: unknown option `{other}`")),
        }
    }
    if build {
        setup(false)?;
        trunk_build(None)?;
    }
    ensure_apt_tools(&[("gzip", "gzip"), ("brotli", "brotli")])?;

    let dist = repo_root().join("dist");
    let parts = measured_parts(&dist)?;
    for (part, rows) in &parts {
        println!("\n{}\n", part.title);
        print!("{}", size_table(rows));
    }
    let json_path = repo_root().join("target").join("sizes.json");
    let groups: Vec<(&str, &[SizeRow])> = parts
        .iter()
        .map(|(part, rows)| (part.name, rows.as_slice()))
        .collect();
    write_file(&json_path, &sizes_json(&groups))?;
    println!("\nwritten {}", json_path.display());
    Ok(())
}

// ───────────────────────────── setup ─────────────────────────────

/// Installs whatever is missing; each step prints one line. `browser` adds the apt packages.
fn setup(browser: bool) -> Result<()> {
    println!("setup:");
    ensure_wasm_target()?;
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
    let versions = locked_versions(&lock, "wasm-bindgen");
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
    println!("→ installing npm packages (npm ci)");
    run(&mut setup_command(
        "npm",
        &["ci", "--no-audit", "--no-fund"],
    ))
}

/// Installs the Debian packages whose binaries are not on PATH (apt-get, as root or `sudo -n`).
fn ensure_apt_tools(tools: &[(&str, &str)]) -> Result<()> {
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

// ───────────────────────────── test steps ─────────────────────────────

/// The groups `--only` can select.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Group {
    Lint,
    Native,
    Wasm,
    E2e,
}

/// Parses a group name given to `--only`.
fn parse_group(name: &str) -> Result<Group> {
    match name {
        "lint" => Ok(Group::Lint),
        "native" => Ok(Group::Native),
        "wasm" => Ok(Group::Wasm),
        "e2e" => Ok(Group::E2e),
        other => Err(format!(
            "test: unknown group `{other}` (expected lint, native, wasm or e2e)"
        )),
    }
}

/// Options of `cargo xtask test`.
#[derive(Debug, Default, PartialEq)]
struct TestOptions {
    skip_setup: bool,
    /// Empty means every group.
    only: Vec<Group>,
}

impl TestOptions {
    /// Whether steps of `group` run.
    fn includes(&self, group: Group) -> bool {
        self.only.is_empty() || self.only.contains(&group)
    }
}

/// Parses `--skip-setup`, `--only G[,G…]` and `--only=G[,G…]` (repeatable).
fn parse_test_options(args: &[String]) -> Result<TestOptions> {
    let mut options = TestOptions::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let groups = match arg.as_str() {
            "--skip-setup" => {
                options.skip_setup = true;
                continue;
            }
            "--only" => iter.next().ok_or("test: --only needs a group")?.as_str(),
            other => match other.strip_prefix("--only=") {
                Some(value) => value,
                None => return Err(format!("test: unknown option `{other}`")),
            },
        };
        for name in groups.split(',') {
            options.only.push(parse_group(name.trim())?);
        }
    }
    Ok(options)
}

/// One step of `cargo xtask test`.
struct Step {
    name: &'static str,
    group: Group,
    command: Command,
}

/// All steps of `cargo xtask test`, in order.
fn test_steps() -> Vec<Step> {
    let root = repo_root();
    let wasm_clippy = [
        "clippy",
        "--lib",
        "--target",
        WASM_TARGET,
        "-p",
        APP_PACKAGE,
        "--",
        "-D",
        "warnings",
    ];
    let mut wasm_test = command(
        "cargo",
        // Only the in-browser suite: the other test files are native-only.
        &[
            "test",
            "--target",
            WASM_TARGET,
            "-p",
            APP_PACKAGE,
            "--test",
            "browser",
        ],
    );
    if let Some(driver) = chromedriver() {
        wasm_test.env("CHROMEDRIVER", driver);
    }
    if env::var_os("WASM_BINDGEN_TEST_TIMEOUT").is_none() {
        wasm_test.env("WASM_BINDGEN_TEST_TIMEOUT", WASM_BINDGEN_TEST_TIMEOUT);
    }
    // While the files move to Playwright Test, both runners (*.test.mjs, *.spec.mjs).
    let mut e2e = command(
        "sh",
        &[
            "-c",
            "node --test tests/e2e/ && node node_modules/@playwright/test/cli.js test",
        ],
    );
    e2e.env("DIST_DIR", root.join("dist"))
        .env("SCREENSHOT_DIR", root.join("target").join("screenshots"));

    vec![
        step("fmt", Group::Lint, &["fmt", "--all", "--", "--check"]),
        step(
            "clippy",
            Group::Lint,
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        step("clippy wasm32", Group::Lint, &wasm_clippy),
        step("native tests", Group::Native, &["test", "--workspace"]),
        Step {
            name: "wasm tests (chromium)",
            group: Group::Wasm,
            command: wasm_test,
        },
        Step {
            name: "release build",
            group: Group::E2e,
            command: command("cargo", &["xtask", "dist", "--skip-setup"]),
        },
        Step {
            name: "byte budget",
            group: Group::E2e,
            command: command("cargo", &["xtask", "budget"]),
        },
        Step {
            name: "e2e tests",
            group: Group::E2e,
            command: e2e,
        },
    ]
}

/// A step that runs `cargo <args>`.
fn step(name: &'static str, group: Group, args: &[&str]) -> Step {
    Step {
        name,
        group,
        command: command("cargo", args),
    }
}

/// The chromedriver for wasm-bindgen-test-runner: /usr/bin/chromedriver, else the one on PATH.
fn chromedriver() -> Option<PathBuf> {
    let debian = PathBuf::from("/usr/bin/chromedriver");
    if is_executable(&debian) {
        Some(debian)
    } else {
        find_on_path("chromedriver")
    }
}

/// Outcome of one timed step, for the summary.
struct StepResult {
    name: String,
    duration: Duration,
    passed: bool,
}

/// Runs `task`, recording its name, duration and outcome in `results`.
fn timed(
    name: &str,
    results: &mut Vec<StepResult>,
    task: impl FnOnce() -> Result<()>,
) -> Result<()> {
    let start = Instant::now();
    let outcome = task();
    results.push(StepResult {
        name: name.to_string(),
        duration: start.elapsed(),
        passed: outcome.is_ok(),
    });
    outcome
}

/// Prints one line per step with its outcome and duration.
fn print_summary(results: &[StepResult]) {
    println!("\nsummary:");
    for result in results {
        let mark = if result.passed { "✓" } else { "✗" };
        println!(
            "  {mark} {:<24} {:>7.1} s",
            result.name,
            result.duration.as_secs_f64()
        );
    }
}

// ───────────────────────────── dist & sizes ─────────────────────────────

/// `trunk build --release`, with `--public-url` when given.
fn trunk_build(public_url: Option<&str>) -> Result<()> {
    let mut cmd = command("trunk", &["build", "--release"]);
    if let Some(url) = public_url {
        cmd.args(["--public-url", url]);
    }
    run(&mut cmd)
}

/// gzip and brotli, for the precompressed copies and the size tables.
const COMPRESS_TOOLS: [(&str, &str); 2] = [("gzip", "gzip"), ("brotli", "brotli")];

/// What a server sends compressed: text, and WASM.
const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "json", "svg", "csv", "wasm", "txt", "map",
];

/// Writes `file.br` (brotli -q 11) and `file.gz` (gzip -9) beside every compressible file in
/// `dist`, for servers that send precompressed files (nginx `gzip_static`, `brotli_static`).
fn precompress(dist: &Path) -> Result<()> {
    let mut count = 0;
    for file in files_under(dist, "")? {
        let compressible = Path::new(&file)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|ext| COMPRESSIBLE.contains(&ext));
        if !compressible {
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

/// The `key = N` value (bytes) of Cargo.toml's `[workspace.metadata.budget]`.
fn budget_of(cargo_toml: &str, key: &str) -> Result<u64> {
    let mut in_section = false;
    for line in cargo_toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line == "[workspace.metadata.budget]";
        } else if in_section {
            if let Some(value) = line
                .strip_prefix(key)
                .and_then(|rest| rest.trim_start().strip_prefix('='))
            {
                let number = value
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .replace('_', "");
                return number
                    .parse()
                    .map_err(|_| format!("budget: `{line}` is not a whole number of bytes"));
            }
        }
    }
    Err(format!(
        "budget: Cargo.toml has no `{key} = N` under [workspace.metadata.budget]"
    ))
}

/// One line saying how the total of `part` compares with its budget.
fn budget_verdict(part: &str, total: u64, budget: u64) -> String {
    let percent = total as f64 * 100.0 / budget as f64;
    if total > budget {
        format!(
            "✗ {part} {total} B brotli is over the budget of {budget} B by {} B ({percent:.1} %)",
            total - budget
        )
    } else {
        format!(
            "✓ {part} {total} B brotli, within the budget of {budget} B ({percent:.1} %; {} B to spare)",
            budget - total
        )
    }
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

/// What a reader's browser downloads, in parts, each with its budget.
struct Part {
    name: &'static str,
    title: &'static str,
    /// Its key under `[workspace.metadata.budget]`.
    budget_key: &'static str,
}

const FIRST_VIEW: Part = Part {
    name: "first view",
    title: "First view: the page (every metric prerendered, its select working) and its stylesheet",
    budget_key: "first-view-brotli",
};
const EMBED_FIRST_VIEW: Part = Part {
    name: "embed's first view",
    title: "The embed's first view (what embed snippets frame): embed.html and the stylesheet",
    budget_key: "first-view-brotli",
};
const APP: Part = Part {
    name: "app",
    title: "The app: loader, JS, WASM and dataset, downloaded beside the first view (which needs none of them)",
    budget_key: "app-brotli",
};

/// Whether a downloaded file belongs to the first view: the page and its stylesheets, all that
/// index.html needs to be painted with its select working (an e2e test shows it works with
/// nothing else; the app's files download beside it). bench/run.mjs splits its bytes the same
/// way (`firstView`).
fn in_first_view(file: &str) -> bool {
    file == "index.html" || file.ends_with(".css")
}

/// The downloaded files of each part, measured. The embed's first view is the same page with
/// another prerender (`embed.html`, written by the build beside index.html) and the same
/// stylesheet.
fn measured_parts(dist: &Path) -> Result<Vec<(Part, Vec<SizeRow>)>> {
    let (first, app): (Vec<String>, Vec<String>) = downloaded_files(dist)?
        .into_iter()
        .partition(|file| in_first_view(file));
    let measure_all = |files: &[String]| -> Result<Vec<SizeRow>> {
        files.iter().map(|file| measure(dist, file)).collect()
    };
    let mut parts = vec![(FIRST_VIEW, measure_all(&first)?)];
    if dist.join(EMBED_PAGE).is_file() {
        let embed: Vec<String> = std::iter::once(EMBED_PAGE.to_string())
            .chain(first.iter().filter(|f| f.ends_with(".css")).cloned())
            .collect();
        parts.push((EMBED_FIRST_VIEW, measure_all(&embed)?));
    } else {
        println!("note: dist/{EMBED_PAGE} not found, left out");
    }
    parts.push((APP, measure_all(&app)?));
    Ok(parts)
}

/// Files (relative to `dist`) a reader downloads: index.html, the JS, WASM and CSS it
/// references (directly or from the JS glue), wasm-bindgen snippets, and the dataset.
fn downloaded_files(dist: &Path) -> Result<Vec<String>> {
    let index = read_file(&dist.join("index.html"))
        .map_err(|e| format!("{e}\n(run `cargo xtask dist` first)"))?;
    let mut assets = top_level_assets(dist)?;
    assets.sort_by_key(|name| (asset_rank(name), name.clone()));

    let mut referencing = vec![index];
    let mut files = vec!["index.html".to_string()];
    // Two passes: what index.html names, then what the JS it names imports.
    for _ in 0..2 {
        for name in &assets {
            if !files.contains(name) && referencing.iter().any(|text| text.contains(name.as_str()))
            {
                files.push(name.clone());
                if name.ends_with(".js") {
                    referencing.push(read_file(&dist.join(name))?);
                }
            }
        }
    }
    files.extend(files_under(dist, "snippets")?);
    if dist.join(DATASET).is_file() {
        files.push(DATASET.to_string());
    } else {
        println!("note: dist/{DATASET} not found, left out");
    }
    Ok(files)
}

/// Names of the `.js`, `.wasm` and `.css` files directly in `dist`.
fn top_level_assets(dist: &Path) -> Result<Vec<String>> {
    let entries = fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if asset_rank(&name) < 3 && entry.path().is_file() {
            names.push(name);
        }
    }
    Ok(names)
}

/// Table order of an asset: JS, then WASM, then CSS; 3 for anything else.
fn asset_rank(name: &str) -> u8 {
    if name.ends_with(".js") {
        0
    } else if name.ends_with(".wasm") {
        1
    } else if name.ends_with(".css") {
        2
    } else {
        3
    }
}

/// Every file below `dist/<dir>`, relative to `dist`, sorted (empty if the folder is absent).
fn files_under(dist: &Path, dir: &str) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending = vec![dist.join(dir)];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry
                .map_err(|e| format!("cannot list {}: {e}", folder.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if let Ok(relative) = path.strip_prefix(dist) {
                found.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Sizes of one file, in bytes.
#[derive(Debug, Clone, PartialEq)]
struct SizeRow {
    file: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

/// Measures `dist/<file>` raw, with `gzip -9` and with `brotli -q 11`.
fn measure(dist: &Path, file: &str) -> Result<SizeRow> {
    let path = dist.join(file);
    let raw = fs::metadata(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    let path_arg = path.to_string_lossy();
    // -n: no file name or time in the header, as when served with Content-Encoding: gzip.
    let gzip = captured_len(&mut command("gzip", &["-9", "-n", "-c", &path_arg]))?;
    let brotli = captured_len(&mut command("brotli", &["-q", "11", "-c", &path_arg]))?;
    Ok(SizeRow {
        file: file.to_string(),
        raw,
        gzip,
        brotli,
    })
}

/// The sum of all rows, named "total".
fn total(rows: &[SizeRow]) -> SizeRow {
    SizeRow {
        file: "total".to_string(),
        raw: rows.iter().map(|row| row.raw).sum(),
        gzip: rows.iter().map(|row| row.gzip).sum(),
        brotli: rows.iter().map(|row| row.brotli).sum(),
    }
}

/// The rows and their total as a Markdown table.
fn size_table(rows: &[SizeRow]) -> String {
    let mut table = String::from(
        "| file | raw (B) | gzip -9 (B) | brotli -q 11 (B) |\n| --- | ---: | ---: | ---: |\n",
    );
    for row in rows {
        table.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            row.file, row.raw, row.gzip, row.brotli
        ));
    }
    let sum = total(rows);
    table.push_str(&format!(
        "| **total** | **{}** | **{}** | **{}** |\n",
        sum.raw, sum.gzip, sum.brotli
    ));
    table
}

/// Each group's rows and total as JSON, for target/sizes.json.
fn sizes_json(groups: &[(&str, &[SizeRow])]) -> String {
    let entry = |row: &SizeRow| {
        format!(
            "{{\"file\": \"{}\", \"raw\": {}, \"gzip\": {}, \"brotli\": {}}}",
            json_escape(&row.file),
            row.raw,
            row.gzip,
            row.brotli
        )
    };
    let group = |(name, rows): &(&str, &[SizeRow])| {
        let files: Vec<String> = rows
            .iter()
            .map(|row| format!("      {}", entry(row)))
            .collect();
        let sum = total(rows);
        format!(
            "  \"{}\": {{\n    \"files\": [\n{}\n    ],\n    \"total\": {{\"raw\": {}, \"gzip\": {}, \"brotli\": {}}}\n  }}",
            json_escape(name),
            files.join(",\n"),
            sum.raw,
            sum.gzip,
            sum.brotli
        )
    };
    let parts: Vec<String> = groups.iter().map(group).collect();
    format!("{{\n{}\n}}\n", parts.join(",\n"))
}

/// Escapes a string for use inside JSON double quotes.
fn json_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => escaped.push_str("\\\""),
            '\\' => escaped.push_str("\\\\"),
            c if (c as u32) < 0x20 => escaped.push_str(&format!("\\u{:04x}", c as u32)),
            c => escaped.push(c),
        }
    }
    escaped
}

// ───────────────────────────── Cargo.lock & versions ─────────────────────────────

/// Versions of `package` listed under `[[package]]` in a Cargo.lock text, sorted, no duplicates.
fn locked_versions(lock: &str, package: &str) -> Vec<String> {
    let mut versions = Vec::new();
    let mut current_name: Option<String> = None;
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            // `[[package]]` starts a new entry; other tables (e.g. `[metadata]`) end it.
            current_name = None;
        } else if let Some(name) = toml_string_value(line, "name") {
            current_name = Some(name);
        } else if let Some(version) = toml_string_value(line, "version") {
            if current_name.as_deref() == Some(package) {
                versions.push(version);
            }
        }
    }
    versions.sort();
    versions.dedup();
    versions
}

/// The value of a `key = "value"` line, or None if the line is something else.
fn toml_string_value(line: &str, key: &str) -> Option<String> {
    let value = line
        .strip_prefix(key)?
        .trim_start()
        .strip_prefix('=')?
        .trim();
    let value = value.strip_prefix('"')?.strip_suffix('"')?;
    Some(value.to_string())
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

// ───────────────────────────── processes & paths ─────────────────────────────

/// The repository root: the folder above this crate.
fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// PATH for every command: node_modules/.bin, ~/.cargo/bin ($CARGO_HOME/bin), then the inherited PATH.
fn tool_path() -> OsString {
    let mut dirs = vec![repo_root().join("node_modules").join(".bin")];
    if let Some(home) = env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    if let Some(cargo_home) = env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(cargo_home).join("bin"));
    }
    if let Some(inherited) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&inherited));
    }
    let mut unique: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        if !unique.contains(&dir) {
            unique.push(dir);
        }
    }
    env::join_paths(unique).unwrap_or_else(|_| env::var_os("PATH").unwrap_or_default())
}

/// A command run in the repo root with the tool PATH.
fn command(program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(repo_root())
        .env("PATH", tool_path());
    cmd
}

/// A command for installing things: like `command`, plus CI=true and no standard input.
fn setup_command(program: &str, args: &[&str]) -> Command {
    let mut cmd = command(program, args);
    cmd.env("CI", "true").stdin(Stdio::null());
    cmd
}

/// A setup command that needs root: as is when we are root, else through `sudo -n`.
fn privileged(args: &[&str]) -> Command {
    let (program, rest) = args.split_first().unwrap_or((&"true", &[]));
    if is_root() {
        setup_command(program, rest)
    } else {
        let mut sudo_args = vec!["-n"];
        sudo_args.extend(args);
        setup_command("sudo", &sudo_args)
    }
}

/// Whether this process runs as root (`id -u` prints 0).
fn is_root() -> bool {
    output_of(&mut command("id", &["-u"])).is_some_and(|uid| uid.trim() == "0")
}

/// The command line, for messages.
fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Runs a command with inherited output; an error names the command and its exit status.
fn run(cmd: &mut Command) -> Result<()> {
    let line = describe(cmd);
    println!("  $ {line}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Stdout and stderr of a command that succeeded; None if it could not start or failed.
fn output_of(cmd: &mut Command) -> Option<String> {
    let output = cmd.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text)
}

/// Runs a command without echoing it; an error (with its stderr) if it fails.
fn run_quiet(cmd: &mut Command) -> Result<()> {
    captured_len(cmd).map(|_| ())
}

/// Byte length of a command's stdout; an error if it cannot start or fails.
fn captured_len(cmd: &mut Command) -> Result<u64> {
    let line = describe(cmd);
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{line}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout.len() as u64)
}

/// The first executable called `name` in the tool PATH.
fn find_on_path(name: &str) -> Option<PathBuf> {
    env::split_paths(&tool_path())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// Whether `path` is a file with an execute bit.
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

/// Modification time of a file or folder, None if it does not exist.
fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|meta| meta.modified()).ok()
}

/// Reads a text file; the error names the file.
fn read_file(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes a text file, creating its folder; the error names the file.
fn write_file(path: &Path, contents: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
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
"#;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| arg.to_string()).collect()
    }

    #[test]
    fn reads_the_budget_from_its_section_only() {
        let toml = "[package]\nfirst-view-brotli = 1\n\n[workspace.metadata.budget]\n# bytes\nfirst-view-brotli = 122_880 # 120 KiB\napp-brotli = 262_144\n";
        assert_eq!(budget_of(toml, "first-view-brotli"), Ok(122_880));
        assert_eq!(budget_of(toml, "app-brotli"), Ok(262_144));
        assert!(budget_of(toml, "other-brotli").is_err());
        assert!(budget_of("[package]\nfirst-view-brotli = 1\n", "first-view-brotli").is_err());
        assert!(budget_of(
            "[workspace.metadata.budget]\nfirst-view-brotli = lots\n",
            "first-view-brotli"
        )
        .is_err());
    }

    #[test]
    fn the_verdict_says_over_or_within() {
        assert!(budget_verdict("app", 101, 100).starts_with("✗ app 101 B"));
        assert!(budget_verdict("first view", 100, 100).starts_with("✓ first view"));
        assert!(budget_verdict("app", 99, 100).contains("1 B to spare"));
    }

    #[test]
    fn finds_the_locked_wasm_bindgen_version_only() {
        assert_eq!(locked_versions(LOCK, "wasm-bindgen"), vec!["0.2.130"]);
        assert_eq!(locked_versions(LOCK, "wasm-bindgen-macro"), vec!["0.2.131"]);
        assert!(locked_versions(LOCK, "leptos").is_empty());
    }

    #[test]
    fn reads_only_quoted_values_of_the_exact_key() {
        assert_eq!(toml_string_value(r#"name = "a""#, "name"), Some("a".into()));
        assert_eq!(toml_string_value(r#"names = "a""#, "name"), None);
        assert_eq!(toml_string_value("version = 4", "version"), None);
    }

    #[test]
    fn version_must_match_a_whole_word() {
        assert!(version_matches("trunk 0.21.14\n", "0.21.14"));
        assert!(version_matches("wasm-bindgen 0.2.130", "0.2.130"));
        assert!(version_matches("tool v0.2.130", "0.2.130"));
        assert!(!version_matches("trunk 0.21.140", "0.21.14"));
        assert!(!version_matches("trunk 0.22.0", "0.21.14"));
    }

    #[test]
    fn parses_test_options() {
        let options = parse_test_options(&strings(&["--skip-setup", "--only", "e2e"])).unwrap();
        assert!(options.skip_setup);
        assert_eq!(options.only, vec![Group::E2e]);
        assert!(!options.includes(Group::Lint));

        let options = parse_test_options(&strings(&["--only=lint,native"])).unwrap();
        assert_eq!(options.only, vec![Group::Lint, Group::Native]);

        assert!(parse_test_options(&[]).unwrap().includes(Group::Wasm));
        assert!(parse_test_options(&strings(&["--only", "unit"])).is_err());
        assert!(parse_test_options(&strings(&["--only"])).is_err());
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
    fn tool_path_puts_npm_and_cargo_binaries_first() {
        let path = tool_path();
        let dirs: Vec<PathBuf> = env::split_paths(&path).collect();
        assert_eq!(dirs[0], repo_root().join("node_modules").join(".bin"));
        if let Some(home) = env::var_os("HOME") {
            assert_eq!(dirs[1], PathBuf::from(home).join(".cargo").join("bin"));
        }
    }

    #[test]
    fn sizes_table_and_json_include_the_total() {
        let rows = vec![
            SizeRow {
                file: "index.html".into(),
                raw: 100,
                gzip: 60,
                brotli: 50,
            },
            SizeRow {
                file: "app_bg.wasm".into(),
                raw: 1000,
                gzip: 400,
                brotli: 300,
            },
        ];
        let table = size_table(&rows);
        assert!(table.contains("| index.html | 100 | 60 | 50 |"));
        assert!(table.contains("| **total** | **1100** | **460** | **350** |"));
        let json = sizes_json(&[("first view", &rows[..1]), ("app", &rows[1..])]);
        assert!(json.contains(r#""first view": {"#));
        assert!(json.contains(r#""app": {"#));
        assert!(
            json.contains(r#"{"file": "app_bg.wasm", "raw": 1000, "gzip": 400, "brotli": 300}"#)
        );
        assert!(json.contains(r#""total": {"raw": 100, "gzip": 60, "brotli": 50}"#));
        assert!(json.contains(r#""total": {"raw": 1000, "gzip": 400, "brotli": 300}"#));
    }

    #[test]
    fn the_first_view_is_the_page_and_its_stylesheets() {
        assert!(in_first_view("index.html"));
        assert!(in_first_view("style-1dcc6661a671a68d.css"));
        for app in [
            "boot.js",
            "app-1.js",
            "app-1_bg.wasm",
            "data/technoparks.json",
        ] {
            assert!(!in_first_view(app), "{app}");
        }
    }

    #[test]
    fn escapes_json_strings() {
        assert_eq!(json_escape(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(json_escape("a\nb"), "a\\u000ab");
    }
}
