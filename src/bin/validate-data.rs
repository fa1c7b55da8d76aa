//! `validate-data FILE… [--lang ru|en]`: every problem of a dataset file, one per line, as
//! `file:line:column: json.path: message`; warnings (unknown fields) are marked as such and do
//! not fail the check. Exit code 0 valid, 1 invalid, 2 unreadable. With `--json`, the same as
//! one JSON array, an object per file: `{file, valid, problems, warnings}`, each problem
//! `{kind, path, line, column, message}` (what the check page's end-to-end test expects the
//! page to list).

use std::process::ExitCode;

use perm_technoparks::i18n::{strings, Lang, Strings};
use perm_technoparks::model::{check_dataset, Problem};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let mut lang = Lang::Ru;
    let mut files = Vec::new();
    let mut as_json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::from_code) {
                Some(l) => lang = l,
                None => return usage(),
            },
            "--json" => as_json = true,
            "-h" | "--help" => return usage(),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage();
    }
    let s = strings(lang);
    let mut worst = 0u8;
    let mut reports = Vec::new();
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{file}: {e}");
                worst = worst.max(2);
                continue;
            }
        };
        let checked = check_dataset(&bytes);
        if as_json {
            let problems = checked.outcome.as_ref().err().map_or(&[][..], |p| &p[..]);
            worst = worst.max(u8::from(!problems.is_empty()));
            reports.push(json!({
                "file": file,
                "valid": problems.is_empty(),
                "problems": listed(problems, s),
                "warnings": listed(&checked.warnings, s),
            }));
            continue;
        }
        for w in &checked.warnings {
            println!("{file}:{} ({})", w.describe(s), s.warning);
        }
        match checked.outcome {
            Ok(ds) => println!(
                "{file}: ok — {} parks, {} observations, {} events, {} sources",
                ds.parks.len(),
                ds.observations.len(),
                ds.events.len(),
                ds.sources.len()
            ),
            Err(problems) => {
                for p in &problems {
                    println!("{file}:{}", p.describe(s));
                }
                worst = worst.max(1);
            }
        }
    }
    if as_json {
        println!("{}", Value::Array(reports));
    }
    ExitCode::from(worst)
}

/// Problems as the JSON output lists them.
fn listed(problems: &[Problem], s: &Strings) -> Value {
    problems
        .iter()
        .map(|p| {
            json!({
                "kind": p.kind.key(),
                "path": p.path,
                "line": p.pos.map(|pos| pos.line),
                "column": p.pos.map(|pos| pos.column),
                "message": p.kind.message(s),
            })
        })
        .collect()
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo run --bin validate-data -- FILE… [--lang ru|en] [--json]");
    ExitCode::from(2)
}
