//! The bad-input corpus, as data: every `tests/fixtures/bad/<name>.json` is a small,
//! complete-looking dataset that differs from `_valid_minimal.json` in one way (or, for
//! `several_problems.json`, in several), beside `<name>.expect`: what the core says of it, as
//! a reader sees it. Each problem is a block: `error` or `warning`, line:column (1-based, in
//! characters; `-` where there is no place), the JSON path, then the kind, and the message in
//! Russian and in English, in the core's order (file order). Lines of `#` at the top of an
//! expect file say why the case is there; they are kept when the file is rewritten.
//!
//! A fixture whose problems differ, or one without an expect file, fails with a diff; after a
//! change meant to alter what the core says, `UPDATE_EXPECT=1 cargo test --test bad_input`
//! rewrites the expect files, and `git diff` shows what changed.
//!
//! The checks that are not one file and its problems live in the modules below.
#![cfg(not(target_arch = "wasm32"))]

mod described;
mod hostile;
mod nesting;
mod regressions;
mod size;
mod valid;

use std::path::{Path, PathBuf};

use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::{check_dataset, load_dataset, Checked, Problem};

/// How a failure tells the reader to accept what the core says now.
const UPDATE_HINT: &str = "UPDATE_EXPECT=1 cargo test --test bad_input";

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

fn read(file: &str) -> Vec<u8> {
    let path = fixture_dir().join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The minimal valid dataset as text: what the tests that build a file start from.
fn minimal_text() -> String {
    String::from_utf8(read("_valid_minimal.json")).expect("UTF-8")
}

/// The corpus's fixtures (`*.json`), sorted by name.
fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("fixture dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names
}

/// Every problem, one per line, as the command line prints it, with the kind's Debug form.
fn listing(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {:?}  {}", p.kind, p.describe(strings(Lang::En))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What an expect file holds (its `#` lines aside) for a checked file.
fn render(checked: &Checked) -> String {
    let (outcome, errors) = match &checked.outcome {
        Ok(_) => ("loads", &[][..]),
        Err(problems) => ("refused", &problems[..]),
    };
    let mut out = format!("{outcome}\n");
    let blocks = (errors.iter().map(|p| ("error", p)))
        .chain(checked.warnings.iter().map(|p| ("warning", p)));
    for (severity, p) in blocks {
        let place = p
            .pos
            .map_or(s("-"), |at| format!("{}:{}", at.line, at.column));
        out += &format!("\n{severity} {place} {}\n  kind: {:?}\n", p.path, p.kind);
        for (lang, name) in [(Lang::Ru, "ru"), (Lang::En, "en")] {
            out += &format!("  {name}: {}\n", p.kind.message(strings(lang)));
        }
    }
    out
}

/// An expect file split into its `#` lines and the rest.
fn split_note(text: &str) -> (String, String) {
    let body_at = text
        .lines()
        .take_while(|line| line.starts_with('#'))
        .map(|line| line.len() + 1)
        .sum::<usize>()
        .min(text.len());
    (text[..body_at].to_string(), text[body_at..].to_string())
}

/// A line diff (`-` expected, `+` got), from the longest common run of lines.
fn diff(want: &str, got: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut common = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            common[i][j] = if a[i] == b[j] {
                common[i + 1][j + 1] + 1
            } else {
                common[i + 1][j].max(common[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out += &format!("  {}\n", a[i]);
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || common[i + 1][j] >= common[i][j + 1]) {
            out += &format!("- {}\n", a[i]);
            i += 1;
        } else {
            out += &format!("+ {}\n", b[j]);
            j += 1;
        }
    }
    out
}

/// Checks one fixture against its expect file (rewriting it under `UPDATE_EXPECT`).
fn check(file: &str, update: bool) -> Result<(), String> {
    let bytes = read(file);
    let checked = check_dataset(&bytes);
    // The loader the app uses refuses with the same problems.
    let loaded = load_dataset(&bytes).err();
    if loaded.as_ref() != checked.outcome.as_ref().err() {
        return Err(format!("{file}: load_dataset disagrees with check_dataset"));
    }
    let got = render(&checked);
    let path = fixture_dir().join(file).with_extension("expect");
    let (note, want) = match std::fs::read_to_string(&path) {
        Ok(text) => split_note(&text),
        Err(_) if update => (String::new(), String::new()),
        Err(_) => {
            let name = file.replace(".json", ".expect");
            return Err(format!("{file}: no {name} beside it; run {UPDATE_HINT}"));
        }
    };
    if got == want {
        Ok(())
    } else if update {
        std::fs::write(&path, note + &got).map_err(|e| format!("{}: {e}", path.display()))
    } else {
        Err(format!(
            "{file} (- expected, + got):\n{}",
            diff(&want, &got)
        ))
    }
}

#[test]
fn every_fixture_gives_exactly_its_expected_problems() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let files = fixtures();
    let failures: Vec<String> = files
        .iter()
        .filter_map(|f| check(f, update).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ from their expect files:\n\n{}\n\
         If the core is right, rerun with {UPDATE_HINT} and review the diff.",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    let refused = files
        .iter()
        .filter(|f| load_dataset(&read(f)).is_err())
        .count();
    assert!(refused >= 60, "only {refused} refused fixtures");
}

#[test]
fn every_expect_file_has_its_fixture() {
    let orphans: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("fixture dir")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "expect"))
        .filter(|p| !p.with_extension("json").exists())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        orphans.is_empty(),
        "expect files without a fixture: {orphans:?}"
    );
}

fn s(text: &str) -> String {
    text.to_string()
}
