//! `validate-data FILE… [--lang ru|en]`: every problem of a dataset file, one per line, as
//! `file:line:column: json.path: message`; warnings (unknown fields) are marked as such and do
//! not fail the check. Exit code 0 valid, 1 invalid, 2 unreadable.

use std::process::ExitCode;

use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::check_dataset;

fn main() -> ExitCode {
    let mut lang = Lang::Ru;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::from_code) {
                Some(l) => lang = l,
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage();
    }
    let s = strings(lang);
    let mut worst = 0u8;
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
    ExitCode::from(worst)
}

fn usage() -> ExitCode {
    eprintln!("usage: cargo run --bin validate-data -- FILE… [--lang ru|en]");
    ExitCode::from(2)
}
