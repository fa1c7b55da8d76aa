//! The `validate-data` command, run as a process: what it prints (one line per problem,
//! `file:line:column: path: message`), in which language, and its exit code (0 valid,
//! 1 invalid, 2 unreadable; the worst of several files wins).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use perm_technoparks::format::{ReferenceTypography, Typography as _};
use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::check_dataset;

const BIN: &str = env!("CARGO_BIN_EXE_validate-data");

const BUNDLED: &str = "public/data/technoparks.json";
const BAD: &str = "tests/fixtures/bad";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/bad/<name>`, relative to the crate root (the command's working folder).
fn bad(name: &str) -> String {
    format!("{BAD}/{name}")
}

/// Runs the command in the crate root.
fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(root())
        .output()
        .expect("validate-data starts")
}

struct Ran {
    code: i32,
    stdout: Vec<String>,
    stderr: String,
}

fn ran(args: &[&str]) -> Ran {
    let out = run(args);
    Ran {
        code: out.status.code().expect("an exit code, not a signal"),
        stdout: String::from_utf8(out.stdout)
            .expect("stdout is UTF-8")
            .lines()
            .map(str::to_string)
            .collect(),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

impl std::fmt::Debug for Ran {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code,
            self.stdout.join("\n"),
            self.stderr
        )
    }
}

/// The "ok" line for a valid file, with the counts the library finds in it.
fn ok_line(file: &str) -> String {
    let ds = check_dataset(&std::fs::read(root().join(file)).expect("file"))
        .outcome
        .expect("the file is valid");
    format!(
        "{file}: ok — {} parks, {} observations, {} events, {} sources",
        ds.parks.len(),
        ds.observations.len(),
        ds.events.len(),
        ds.sources.len()
    )
}

/// Every problem of a refused file, as the command must print it.
fn problem_lines(file: &str, lang: Lang) -> Vec<String> {
    check_dataset(&std::fs::read(root().join(file)).expect("file"))
        .outcome
        .expect_err("the file is refused")
        .iter()
        .map(|p| format!("{file}:{}", p.describe(strings(lang))))
        .collect()
}

/// `file:LINE:COL: path: message`, for a problem with a place.
fn assert_shape(line: &str, file: &str) {
    let rest = line
        .strip_prefix(&format!("{file}:"))
        .unwrap_or_else(|| panic!("{line:?} does not start with {file:?}"));
    let parts: Vec<&str> = rest.splitn(4, ':').collect();
    assert_eq!(parts.len(), 4, "{line:?}");
    assert!(
        parts[0].parse::<usize>().is_ok_and(|n| n >= 1),
        "line number in {line:?}"
    );
    assert!(
        parts[1].parse::<usize>().is_ok_and(|n| n >= 1),
        "column in {line:?}"
    );
    let path = parts[2]
        .strip_prefix(' ')
        .unwrap_or_else(|| panic!("{line:?}"));
    assert!(!path.is_empty() && !path.contains(' '), "path in {line:?}");
    let message = parts[3]
        .strip_prefix(' ')
        .unwrap_or_else(|| panic!("{line:?}"));
    assert!(!message.is_empty(), "message in {line:?}");
}

#[test]
fn the_bundled_dataset_is_valid() {
    let r = ran(&[BUNDLED]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout, [ok_line(BUNDLED)], "{r:?}");
    assert!(
        r.stdout[0].starts_with(&format!("{BUNDLED}: ok — ")),
        "{r:?}"
    );
    assert_eq!(r.stderr, "", "{r:?}");
}

#[test]
fn a_bad_file_exits_1_with_one_russian_line_per_problem() {
    let file = bad("impossible_date.json");
    let r = ran(&[&file]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stdout,
        [format!(
            "{file}:84:15: events[0].date: даты «2019-02-30» не существует"
        )],
        "{r:?}"
    );
    assert_eq!(r.stderr, "", "{r:?}");
}

#[test]
fn every_problem_of_a_file_is_a_line_in_file_order() {
    let file = bad("several_problems.json");
    let r = ran(&[&file]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout, problem_lines(&file, Lang::Ru), "{r:?}");
    assert_eq!(r.stdout.len(), 8, "{r:?}");
    for line in &r.stdout {
        assert_shape(line, &file);
    }
    assert_eq!(
        r.stdout[0],
        format!("{file}:21:14: sources[1].url: адрес «ftp://akitrf.ru/rating/» должен быть полным: http:// или https:// и имя сайта")
    );
    assert_eq!(
        r.stdout[7],
        format!("{file}:99:16: events[1].title.en: нет текста на английском языке (en)")
    );
}

#[test]
fn lang_en_prints_english() {
    let file = bad("several_problems.json");
    for args in [
        vec!["--lang", "en", file.as_str()],
        vec![file.as_str(), "--lang", "en"],
    ] {
        let r = ran(&args);
        assert_eq!(r.code, 1, "{args:?}: {r:?}");
        assert_eq!(r.stdout, problem_lines(&file, Lang::En), "{args:?}: {r:?}");
        assert_eq!(
            r.stdout[1],
            format!("{file}:31:16: parks[0].color: the colour “blue” must be #rrggbb"),
            "{args:?}"
        );
    }
    // `--lang ru` is the default spelled out.
    let r = ran(&["--lang", "ru", &file]);
    assert_eq!(r.stdout, problem_lines(&file, Lang::Ru), "{r:?}");
}

#[test]
fn syntax_and_byte_problems_are_lines_of_the_same_shape() {
    for (name, line) in [
        (
            "trailing_comma.json",
            "103:5: events[1]: ошибка в записи JSON: лишняя запятая перед закрывающей скобкой",
        ),
        (
            "invalid_utf8.json",
            "5:49: .: файл не в кодировке UTF-8; сохраните его как UTF-8",
        ),
        (
            "truncated_eof.json",
            "100:36: events[1].summary.ru: файл обрывается: JSON не завершён (не хватает закрывающей скобки или кавычки?)",
        ),
    ] {
        let file = bad(name);
        let r = ran(&[&file]);
        assert_eq!(r.code, 1, "{name}: {r:?}");
        assert_eq!(r.stdout, [format!("{file}:{line}")], "{name}: {r:?}");
        assert_shape(&r.stdout[0], &file);
    }
}

#[test]
fn a_problem_without_a_place_has_no_line_and_column() {
    let file = bad("empty.json");
    let r = ran(&[&file]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(r.stdout, [format!("{file}:.: файл пуст")], "{r:?}");
}

#[test]
fn a_file_over_the_size_limit_is_invalid_not_unreadable() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!(
        "validate_cli_too_large_{}.json",
        std::process::id()
    ));
    let minimal = std::fs::read_to_string(root().join(bad("_valid_minimal.json"))).expect("file");
    let text = minimal.replacen(
        "{\n",
        &format!("{{\n  \"padding\": \"{}\",\n", "x".repeat(20 * 1024 * 1024)),
        1,
    );
    std::fs::write(&path, &text).expect("write the large file");
    let shown = path.to_string_lossy().into_owned();
    let r = ran(&["--lang", "en", &shown]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stdout,
        [format!(
            "{shown}:.: the file is too large: {}\u{a0}bytes; the limit is 16,777,216\u{a0}bytes (16\u{a0}MB)",
            ReferenceTypography { lang: Lang::En }.number(text.len() as f64, 0)
        )],
        "{r:?}"
    );
}

#[test]
fn unknown_fields_are_warnings_and_the_file_passes() {
    let file = bad("warn_unknown_fields.json");
    let r = ran(&[&file]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stdout,
        [
            format!("{file}:4:12: extra: неизвестное поле; оно не используется (опечатка?) (предупреждение)"),
            format!("{file}:33:17: parks[0].colour: неизвестное поле; оно не используется (опечатка?) (предупреждение)"),
            ok_line(&file),
        ],
        "{r:?}"
    );
    let r = ran(&["--lang", "en", &file]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        r.stdout[..2],
        [
            format!("{file}:4:12: extra: unknown field; it is ignored (a typo?) (warning)"),
            format!(
                "{file}:33:17: parks[0].colour: unknown field; it is ignored (a typo?) (warning)"
            ),
        ],
        "{r:?}"
    );
    assert_eq!(r.stderr, "", "{r:?}");
}

#[test]
fn a_missing_file_exits_2() {
    let file = bad("no_such_file.json");
    let r = ran(&[&file]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stdout.is_empty(), "{r:?}");
    assert!(
        r.stderr.starts_with(&format!("{file}: ")),
        "the error names the file: {r:?}"
    );
}

#[test]
fn no_arguments_or_a_bad_language_exit_2_with_usage() {
    for args in [
        vec![],
        vec!["--lang", "de", BUNDLED],
        vec![BUNDLED, "--lang"],
    ] {
        let r = ran(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stdout.is_empty(), "{args:?}: {r:?}");
        assert!(r.stderr.contains("usage"), "{args:?}: {r:?}");
    }
}

#[test]
fn with_several_files_every_file_is_checked_and_the_worst_exit_code_wins() {
    let valid = bad("_valid_minimal.json");
    let warned = bad("warn_unknown_fields.json");
    let invalid = bad("bad_color.json");
    let missing = bad("no_such_file.json");

    let r = ran(&[BUNDLED, &warned, &valid]);
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(r.stdout.len(), 5, "{r:?}");
    assert_eq!(r.stdout[0], ok_line(BUNDLED));
    assert_eq!(r.stdout[4], ok_line(&valid));

    let r = ran(&[&valid, &invalid, &warned]);
    assert_eq!(r.code, 1, "{r:?}");
    assert_eq!(
        r.stdout,
        [
            ok_line(&valid),
            format!("{invalid}:31:16: parks[0].color: цвет «blue» должен быть в виде #rrggbb"),
            format!("{warned}:4:12: extra: неизвестное поле; оно не используется (опечатка?) (предупреждение)"),
            format!("{warned}:33:17: parks[0].colour: неизвестное поле; оно не используется (опечатка?) (предупреждение)"),
            ok_line(&warned),
        ],
        "each file in the order given: {r:?}"
    );

    // Unreadable beats invalid, whatever the order; the files after it are still checked.
    for args in [
        [missing.as_str(), invalid.as_str(), valid.as_str()],
        [invalid.as_str(), missing.as_str(), valid.as_str()],
        [valid.as_str(), invalid.as_str(), missing.as_str()],
    ] {
        let r = ran(&args);
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stdout.contains(&ok_line(&valid)), "{args:?}: {r:?}");
        assert!(
            r.stdout
                .iter()
                .any(|l| l.starts_with(&format!("{invalid}:31:16: "))),
            "{args:?}: {r:?}"
        );
        assert!(
            r.stderr.starts_with(&format!("{missing}: ")),
            "{args:?}: {r:?}"
        );
    }
}
