//! `cargo xtask test`: the whole check, as CI runs it, in steps that stop at the first failure;
//! `--only` picks groups of steps.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use lexopt::Arg;

use crate::args;
use crate::process::{command, find_on_path, is_executable, output_of, repo_root, run};
use crate::setup::{setup, WASM_TARGET};
use crate::Result;

const APP_PACKAGE: &str = "perm-technoparks";
const WASM_BINDGEN_TEST_TIMEOUT: &str = "60";

/// `cargo xtask test [--skip-setup] [--only GROUPS]`: the whole check, as CI runs it.
pub fn cmd_test(args: &[String]) -> Result<()> {
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

    warn_if_disk_is_short(&repo_root());
    let steps: Vec<Step> = test_steps()
        .into_iter()
        .filter(|step| options.includes(step.group))
        .collect();
    for mut step in steps {
        // A whole check, not an edit loop: incremental caches would only add gigabytes to
        // target/ (1.4 GB in a clean run), and a CI machine's disk is not ours.
        if env::var_os("CARGO_INCREMENTAL").is_none() {
            step.command.env("CARGO_INCREMENTAL", "0");
        }
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

/// What a clean `cargo xtask test` writes under the repository (target/ 2.6 GB, node_modules
/// 0.4 GB, measured), with room to spare.
const DISK_NEEDED_KIB: u64 = 4 * 1024 * 1024;

/// Says so before the first step when the disk under the repository has less free space than a
/// clean run writes: out of space, the compilers fail with their own, far less clear errors.
fn warn_if_disk_is_short(root: &Path) {
    let report = output_of(&mut command("df", &["-Pk", &root.to_string_lossy()]));
    if let Some(free) = report.as_deref().and_then(free_kib) {
        if free < DISK_NEEDED_KIB {
            println!(
                "⚠ {:.1} GB free on the disk of {}: a clean `cargo xtask test` writes about 3 GB \
                 there (target/ and node_modules/), and may run out",
                free as f64 / (1024.0 * 1024.0),
                root.display()
            );
        }
    }
}

/// The free space (KiB) that `df -Pk <path>` reports: the fourth column of its second line.
fn free_kib(df_report: &str) -> Option<u64> {
    df_report
        .lines()
        .nth(1)?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()
}

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
    let mut parser = args::parser(args);
    while let Some(arg) = args::next("test", &mut parser)? {
        match arg {
            Arg::Long("skip-setup") => options.skip_setup = true,
            Arg::Long("only") => {
                let groups = args::value(&mut parser, "test: --only needs a group")?;
                for name in groups.split(',') {
                    options.only.push(parse_group(name.trim())?);
                }
            }
            other => return Err(args::unknown("test", other)),
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
            command: wasm_test_command(),
        },
        step(
            "release build",
            Group::E2e,
            &["xtask", "dist", "--skip-setup"],
        ),
        step("byte budget", Group::E2e, &["xtask", "budget"]),
        Step {
            name: "e2e tests",
            group: Group::E2e,
            command: e2e_command(&repo_root()),
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

/// The in-browser wasm-bindgen tests, in headless Chromium through chromedriver.
fn wasm_test_command() -> Command {
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
    wasm_test
}

/// The end-to-end tests against the release build in `dist/`; screenshots go to
/// `target/screenshots/`.
fn e2e_command(root: &Path) -> Command {
    // Playwright Test (playwright.config.mjs), from the npm packages `setup` installs.
    let mut e2e = command("node", &["node_modules/@playwright/test/cli.js", "test"]);
    e2e.env("DIST_DIR", root.join("dist"))
        .env("SCREENSHOT_DIR", root.join("target").join("screenshots"));
    e2e
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

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| arg.to_string()).collect()
    }

    #[test]
    fn reads_the_free_space_df_reports() {
        let report = "Filesystem     1024-blocks     Used Available Capacity Mounted on\n\
                      /dev/vda         263174212 23068672  73400320      24% /\n";
        assert_eq!(free_kib(report), Some(73_400_320));
        assert_eq!(free_kib("Filesystem 1024-blocks Used Available\n"), None);
        assert_eq!(free_kib("header\n/dev/vda 1 2 lots 3% /\n"), None);
    }

    #[test]
    fn parses_test_options() {
        let options = parse_test_options(&strings(&["--skip-setup", "--only", "e2e"])).unwrap();
        assert!(options.skip_setup);
        assert_eq!(options.only, vec![Group::E2e]);
        assert!(!options.includes(Group::Lint));

        let options = parse_test_options(&strings(&["--only=lint,native"])).unwrap();
        assert_eq!(options.only, vec![Group::Lint, Group::Native]);

        let options = parse_test_options(&strings(&["--only", "lint", "--only=wasm"])).unwrap();
        assert_eq!(options.only, vec![Group::Lint, Group::Wasm]);

        assert!(parse_test_options(&[]).unwrap().includes(Group::Wasm));
        assert!(parse_test_options(&strings(&["--only", "unit"])).is_err());
        assert!(parse_test_options(&strings(&["--only"])).is_err());
    }

    #[test]
    fn test_option_errors_name_what_was_typed() {
        let error = |args: &[&str]| parse_test_options(&strings(args)).unwrap_err();
        assert_eq!(error(&["--only"]), "test: --only needs a group");
        assert_eq!(error(&["--x"]), "test: unknown option `--x`");
        assert_eq!(error(&["foo"]), "test: unknown option `foo`");
        assert_eq!(error(&["--"]), "test: unknown option `--`");
        assert_eq!(error(&["--skip-setup", "--"]), "test: unknown option `--`");
        assert_eq!(
            error(&["--only=lint,bogus"]),
            "test: unknown group `bogus` (expected lint, native, wasm or e2e)"
        );
    }

    #[test]
    fn steps_run_in_order_and_each_group_has_some() {
        let steps = test_steps();
        let names: Vec<&str> = steps.iter().map(|step| step.name).collect();
        assert_eq!(names.first(), Some(&"fmt"));
        assert_eq!(names.last(), Some(&"e2e tests"));
        for group in [Group::Lint, Group::Native, Group::Wasm, Group::E2e] {
            assert!(steps.iter().any(|step| step.group == group), "{group:?}");
        }
    }

    #[test]
    fn the_e2e_tests_get_the_dist_and_screenshot_folders() {
        let root = Path::new("/repo");
        let e2e = e2e_command(root);
        let envs: Vec<(String, String)> = e2e
            .get_envs()
            .filter_map(|(key, value)| {
                Some((key.to_str()?.to_string(), value?.to_str()?.to_string()))
            })
            .collect();
        assert!(envs.contains(&("DIST_DIR".into(), "/repo/dist".into())));
        assert!(envs.contains(&("SCREENSHOT_DIR".into(), "/repo/target/screenshots".into())));
    }
}
