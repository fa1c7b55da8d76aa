//! `cargo xtask bench`: builds what the benchmark compares (the release `dist/`, the floor
//! app, the peer page) and runs `node bench/run.mjs`.

use crate::dist::{precompress, trunk_build};
use crate::process::{command, repo_root, run};
use crate::setup::{ensure_apt_tools, setup, COMPRESS_TOOLS};
use crate::Result;

/// `cargo xtask bench [options]`: builds what is compared (the release dist/, the floor app,
/// the peer page) and runs bench/run.mjs with the options given. The floor's dist gets its
/// `.br` copies as ours does: Lighthouse is served them as nginx's `brotli_static` serves.
pub fn cmd_bench(args: &[String]) -> Result<()> {
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
