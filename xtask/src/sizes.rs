//! `cargo xtask sizes`: what a reader's browser downloads from `dist/`, in parts (the first
//! view, the embed's first view, the app), raw, with `gzip -9` and with `brotli -q 11`, as
//! Markdown tables and `target/sizes.json`. `cargo xtask budget` measures the same parts.

use std::fs;
use std::path::Path;

use lexopt::Arg;
use serde::Serialize;
use serde::Serializer as _;

use crate::args;
use crate::dist::trunk_build;
use crate::process::{captured_len, command, read_file, repo_root, write_file};
use crate::setup::{ensure_apt_tools, setup, COMPRESS_TOOLS};
use crate::Result;

/// The page embed snippets frame (`url::EMBED_PAGE` in the app), written beside index.html.
const EMBED_PAGE: &str = "embed.html";
/// The dataset the first view fetches, relative to `dist/`.
const DATASET: &str = "data/technoparks.json";

/// `cargo xtask sizes [--no-build]`: build, then measure what the first view downloads.
pub fn cmd_sizes(args: &[String]) -> Result<()> {
    let mut build = true;
    let mut parser = args::parser(args);
    while let Some(arg) = args::next("sizes", &mut parser)? {
        match arg {
            Arg::Long("no-build") => build = false,
            other => return Err(args::unknown("sizes", other)),
        }
    }
    if build {
        setup(false)?;
        trunk_build(None)?;
    }
    ensure_apt_tools(&COMPRESS_TOOLS)?;

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
    write_file(&json_path, &sizes_json(&groups)?)?;
    println!("\nwritten {}", json_path.display());
    Ok(())
}

/// What a reader's browser downloads, in parts, each with its budget.
pub struct Part {
    pub name: &'static str,
    pub title: &'static str,
    /// Its key under `[workspace.metadata.budget]`.
    pub budget_key: &'static str,
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
pub fn measured_parts(dist: &Path) -> Result<Vec<(Part, Vec<SizeRow>)>> {
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
/// references (directly, or through boot.js, which names the JS glue and the WASM),
/// wasm-bindgen snippets, and the dataset.
fn downloaded_files(dist: &Path) -> Result<Vec<String>> {
    let index = read_file(&dist.join("index.html"))
        .map_err(|e| format!("{e}\n(run `cargo xtask dist` first)"))?;
    let mut assets = top_level_assets(dist)?;
    assets.sort_by_key(|name| (asset_rank(name), name.clone()));

    let mut referencing = vec![index];
    let mut files = vec!["index.html".to_string()];
    // Two passes: what index.html names and what the scripts found so far name (boot.js: the
    // JS glue and the WASM), then what those scripts name in turn.
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
pub fn files_under(dist: &Path, dir: &str) -> Result<Vec<String>> {
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

/// Sizes of one file, in bytes (a row of the table, an entry of sizes.json).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SizeRow {
    file: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

/// The sums of a part's rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
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

/// The sum of all rows.
pub fn total(rows: &[SizeRow]) -> Totals {
    Totals {
        raw: rows.iter().map(|row| row.raw).sum(),
        gzip: rows.iter().map(|row| row.gzip).sum(),
        brotli: rows.iter().map(|row| row.brotli).sum(),
    }
}

/// The rows and their total as a Markdown table.
pub fn size_table(rows: &[SizeRow]) -> String {
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

/// One part in sizes.json: its files and their total.
#[derive(Serialize)]
struct SizesEntry<'a> {
    files: &'a [SizeRow],
    total: Totals,
}

/// Each group's rows and total as JSON, for target/sizes.json: an object with one member per
/// group, in the order given.
fn sizes_json(groups: &[(&str, &[SizeRow])]) -> Result<String> {
    let mut json = Vec::new();
    let mut serializer = serde_json::Serializer::pretty(&mut json);
    serializer
        .collect_map(groups.iter().map(|&(name, rows)| {
            let entry = SizesEntry {
                files: rows,
                total: total(rows),
            };
            (name, entry)
        }))
        .map_err(|e| format!("cannot write sizes as JSON: {e}"))?;
    json.push(b'\n');
    String::from_utf8(json).map_err(|e| format!("cannot write sizes as JSON: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn rows() -> Vec<SizeRow> {
        let row = |file: &str, raw, gzip, brotli| SizeRow {
            file: file.into(),
            raw,
            gzip,
            brotli,
        };
        vec![
            row("index.html", 100, 60, 50),
            row("app_bg.wasm", 1000, 400, 300),
        ]
    }

    #[test]
    fn sizes_table_and_json_include_the_total() {
        let rows = rows();
        let table = size_table(&rows);
        assert!(table.contains("| index.html | 100 | 60 | 50 |"));
        assert!(table.contains("| **total** | **1100** | **460** | **350** |"));
        let text = sizes_json(&[("first view", &rows[..1]), ("app", &rows[1..])]).unwrap();
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            parsed,
            json!({
                "first view": {
                    "files": [{"file": "index.html", "raw": 100, "gzip": 60, "brotli": 50}],
                    "total": {"raw": 100, "gzip": 60, "brotli": 50}
                },
                "app": {
                    "files": [{"file": "app_bg.wasm", "raw": 1000, "gzip": 400, "brotli": 300}],
                    "total": {"raw": 1000, "gzip": 400, "brotli": 300}
                }
            })
        );
    }

    #[test]
    fn sizes_json_keeps_the_order_of_parts_and_fields() {
        let rows = rows();
        let text = sizes_json(&[("first view", &rows[..1]), ("app", &rows[1..])]).unwrap();
        let at = |needle: &str| text.find(needle).unwrap();
        assert!(at("\"first view\"") < at("\"app\""));
        assert!(at("\"file\"") < at("\"raw\""));
        assert!(at("\"raw\"") < at("\"gzip\""));
        assert!(at("\"gzip\"") < at("\"brotli\""));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn escapes_json_strings() {
        let row = SizeRow {
            file: "a\"b\\c\nd".into(),
            raw: 1,
            gzip: 1,
            brotli: 1,
        };
        let text = sizes_json(&[("part", std::slice::from_ref(&row))]).unwrap();
        assert!(text.contains(r#""file": "a\"b\\c\nd""#));
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed["part"]["files"][0]["file"], "a\"b\\c\nd");
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
    fn assets_are_ranked_js_wasm_css() {
        assert!(asset_rank("a.js") < asset_rank("a_bg.wasm"));
        assert!(asset_rank("a_bg.wasm") < asset_rank("a.css"));
        assert_eq!(asset_rank("index.html"), 3);
    }
}
