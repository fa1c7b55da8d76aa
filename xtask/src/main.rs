//! Developer tasks for the perm-technoparks app, run as `cargo xtask <command>`.
//!
//! This file only dispatches: each command lives in its module (`setup`, `dist` with `serve`,
//! `test`, `sizes`, `budget`, `bench`); `process` runs commands with the tool PATH and `args`
//! reads options. An error is the message shown to the user, with exit code 1.

mod args;
mod bench;
mod budget;
mod dist;
mod process;
mod setup;
mod sizes;
mod test;

use std::env;
use std::process::ExitCode;

/// Result type of every task: the error is the message shown to the user.
type Result<T> = std::result::Result<T, String>;

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
        "setup" => setup::cmd_setup(rest),
        "serve" => dist::cmd_serve(rest),
        "dist" => dist::cmd_dist(rest),
        "test" => test::cmd_test(rest),
        "sizes" => sizes::cmd_sizes(rest),
        "budget" => budget::cmd_budget(rest),
        "bench" => bench::cmd_bench(rest),
        "help" | "-h" | "--help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_lists_every_command() {
        for command in ["setup", "serve", "dist", "test", "sizes", "budget", "bench"] {
            assert!(USAGE.contains(&format!("\n  {command} ")), "{command}");
        }
    }

    #[test]
    fn an_unknown_command_is_an_error_with_the_usage() {
        let error = dispatch(&["deploy".to_string()]).unwrap_err();
        assert!(error.starts_with("unknown command `deploy`\n\nusage: cargo xtask"));
    }
}
