//! The bad-input corpus: every file in `tests/fixtures/bad/` is a small, complete-looking
//! dataset that differs from `_valid_minimal.json` in one way (or, for `several_problems.json`,
//! in several). Each must be refused with exactly the expected problems: kind and payload,
//! JSON path, and line:column (1-based, in characters), in file order.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::{load_dataset, Dataset, Pos, Problem, ProblemKind};

use ProblemKind::*;

/// One expected problem: what, where in the JSON, where in the text (`None`: no place).
type Expected = (ProblemKind, &'static str, Option<(usize, usize)>);

fn at(kind: ProblemKind, path: &'static str, line: usize, column: usize) -> Expected {
    (kind, path, Some((line, column)))
}

fn nowhere(kind: ProblemKind, path: &'static str) -> Expected {
    (kind, path, None)
}

fn s(text: &str) -> String {
    text.to_string()
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

fn read(file: &str) -> Vec<u8> {
    let path = fixture_dir().join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn load(file: &str) -> Result<Dataset, Vec<Problem>> {
    load_dataset(&read(file))
}

/// Every problem, one per line, as the app prints it, with the kind's Debug form.
fn listing(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {:?}  {}", p.kind, p.describe(strings(Lang::En))))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads a fixture and checks that it is refused with exactly `expected`, in that order.
fn check(file: &str, expected: &[Expected]) -> Result<(), String> {
    let problems = match load(file) {
        Ok(_) => return Err(format!("{file}: loaded, but expected {expected:#?}")),
        Err(problems) => problems,
    };
    let got: Vec<Expected> = problems
        .iter()
        .map(|p| {
            (
                p.kind.clone(),
                // Leaked only in a test, to compare against the table's &'static str.
                &*Box::leak(p.path.clone().into_boxed_str()),
                p.pos.map(|Pos { line, column }| (line, column)),
            )
        })
        .collect();
    if got == expected {
        Ok(())
    } else {
        Err(format!(
            "{file}:\n expected {expected:#?}\n got:\n{}",
            listing(&problems)
        ))
    }
}

/// The corpus: each file and every problem it must produce, in file order.
fn corpus() -> Vec<(&'static str, Vec<Expected>)> {
    vec![
        // --- bytes and syntax: the first problem only ---
        (
            // Cut inside `"Морион Дидж`: the column counts the Cyrillic letters once each.
            "truncated_eof.json",
            vec![at(UnexpectedEnd, "events[1].summary.ru", 100, 36)],
        ),
        (
            // serde_path_to_error names the key it could not read `?`.
            "trailing_comma.json",
            vec![at(Syntax(s("trailing comma")), "events[1]", 103, 5)],
        ),
        (
            "trailing_garbage.json",
            vec![at(Syntax(s("trailing characters")), ".", 106, 1)],
        ),
        (
            // The path is the object holding the key twice; the place, the second key.
            "duplicate_key.json",
            vec![at(Shape(s("duplicate field `id`")), "metrics[0]", 45, 27)],
        ),
        (
            "number_out_of_range.json",
            vec![at(
                Syntax(s("number out of range")),
                "observations[1].value",
                67,
                20,
            )],
        ),
        (
            // A Latin-1 "é" (0xE9) in "Caf_ dataset": the place of the bad byte.
            "invalid_utf8.json",
            vec![at(NotUtf8, ".", 5, 49)],
        ),
        ("empty.json", vec![nowhere(EmptyFile, ".")]),
        ("whitespace_only.json", vec![nowhere(EmptyFile, ".")]),
        // --- shape ---
        (
            "wrong_type_value_string.json",
            vec![at(
                WrongType {
                    found: s("string \"86000\""),
                    expected: s("f64"),
                },
                "observations[0].value",
                59,
                22,
            )],
        ),
        (
            // The line with `"level"` is gone; serde notices at the object's closing brace.
            "missing_level.json",
            vec![at(MissingField(s("level")), "events[0]", 91, 5)],
        ),
        (
            "unknown_level.json",
            vec![at(
                UnknownValue {
                    found: s("municipal"),
                    allowed: s("federal or regional"),
                },
                "events[0].level",
                85,
                26,
            )],
        ),
        // --- semantics: one problem each ---
        (
            "schema_version_2.json",
            vec![at(UnsupportedSchemaVersion(2), "schema_version", 3, 21)],
        ),
        (
            // parks[0] pasted again as a third park.
            "duplicate_park_id.json",
            vec![at(DuplicateId(s("morion-digital")), "parks[2].id", 43, 13)],
        ),
        (
            "duplicate_event_id.json",
            vec![at(
                DuplicateId(s("strategic-session-2019")),
                "events[1].id",
                94,
                13,
            )],
        ),
        (
            "dangling_park_ref.json",
            vec![at(UnknownPark(s("morion")), "observations[0].park", 57, 15)],
        ),
        (
            "dangling_metric_ref.json",
            vec![at(
                UnknownMetric(s("area")),
                "observations[1].metric",
                66,
                17,
            )],
        ),
        (
            "dangling_source_ref_event.json",
            vec![at(UnknownSource(s("rbc")), "events[1].sources[1]", 101, 27)],
        ),
        (
            "bad_date_format.json",
            vec![at(BadDate(s("19-10")), "events[1].date", 95, 15)],
        ),
        (
            "impossible_date.json",
            vec![at(
                ImpossibleDate(s("2019-02-30")),
                "events[0].date",
                84,
                15,
            )],
        ),
        (
            "month_13.json",
            vec![at(
                ImpossibleDate(s("2019-13-01")),
                "parks[0].opened",
                29,
                17,
            )],
        ),
        (
            // meta.updated is 2024-06-30; July 2024 cannot have happened yet.
            "event_after_updated.json",
            vec![at(
                DateAfterUpdate {
                    date: s("2024-07"),
                    updated: s("2024-06-30"),
                },
                "events[1].date",
                95,
                15,
            )],
        ),
        (
            "closed_before_opened.json",
            vec![at(ClosedBeforeOpened, "parks[1].closed", 38, 17)],
        ),
        (
            "negative_area.json",
            vec![at(Negative(-16949.0), "observations[1].value", 67, 16)],
        ),
        (
            "rank_zero.json",
            vec![at(BadRank(0.0), "observations[2].value", 75, 16)],
        ),
        (
            "rank_fraction.json",
            vec![at(BadRank(2.5), "observations[2].value", 75, 16)],
        ),
        (
            // The missing key has no place of its own: the title object's place stands in.
            "missing_en_title.json",
            vec![at(
                MissingTranslation(Lang::En),
                "events[0].title.en",
                88,
                16,
            )],
        ),
        ("empty_id.json", vec![at(Empty, "events[1].id", 94, 13)]),
        (
            "event_no_sources.json",
            vec![at(NoSource, "events[0].sources", 90, 18)],
        ),
        (
            "javascript_url.json",
            vec![at(
                BadUrl(s("javascript:alert(1)")),
                "sources[0].url",
                15,
                14,
            )],
        ),
        (
            "data_url.json",
            vec![at(
                BadUrl(s("data:text/html,<script>alert(1)</script>")),
                "sources[1].url",
                21,
                14,
            )],
        ),
        (
            "bad_color.json",
            vec![at(BadColor(s("blue")), "parks[0].color", 31, 16)],
        ),
        (
            // Same file with CRLF line ends: the `\r` does not shift any column.
            "crlf_bad_color.json",
            vec![at(BadColor(s("blue")), "parks[0].color", 31, 16)],
        ),
        (
            // A one-line file after a BOM: the BOM is not a column.
            "bom_bad_color.json",
            vec![at(BadColor(s("blue")), "parks[0].color", 1, 454)],
        ),
        (
            // No parks: that, and every reference to the parks that were there.
            "empty_parks.json",
            vec![
                at(NoParks, "parks", 25, 12),
                at(
                    UnknownPark(s("morion-digital")),
                    "observations[0].park",
                    40,
                    15,
                ),
                at(
                    UnknownPark(s("technopark-perm")),
                    "observations[1].park",
                    48,
                    15,
                ),
                at(
                    UnknownPark(s("morion-digital")),
                    "observations[2].park",
                    56,
                    15,
                ),
                at(
                    UnknownPark(s("morion-digital")),
                    "events[0].parks[0]",
                    70,
                    17,
                ),
                at(
                    UnknownPark(s("technopark-perm")),
                    "events[0].parks[1]",
                    70,
                    35,
                ),
                at(
                    UnknownPark(s("morion-digital")),
                    "events[1].parks[0]",
                    81,
                    17,
                ),
            ],
        ),
        // --- several at once, all reported, in file order (not validation order) ---
        (
            "several_problems.json",
            vec![
                at(
                    BadUrl(s("ftp://akitrf.ru/rating/")),
                    "sources[1].url",
                    21,
                    14,
                ),
                at(BadColor(s("blue")), "parks[0].color", 31, 16),
                at(
                    UnknownSource(s("kommersant")),
                    "parks[1].sources[1]",
                    40,
                    27,
                ),
                at(UnknownPark(s("morion")), "observations[0].park", 57, 15),
                at(BadRank(0.0), "observations[2].value", 75, 16),
                at(ImpossibleDate(s("2019-02-30")), "events[0].date", 84, 15),
                at(
                    DuplicateId(s("strategic-session-2019")),
                    "events[1].id",
                    94,
                    13,
                ),
                at(MissingTranslation(Lang::En), "events[1].title.en", 99, 16),
            ],
        ),
    ]
}

/// Files that must load.
const VALID: [&str; 2] = ["_valid_minimal.json", "bom_valid.json"];

#[test]
fn every_bad_fixture_gives_exactly_its_problems() {
    let failures: Vec<String> = corpus()
        .iter()
        .filter_map(|(file, expected)| check(file, expected).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n\n{}",
        failures.len(),
        corpus().len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_fixture_file_is_in_the_table() {
    let listed: Vec<&str> = corpus().iter().map(|(f, _)| *f).chain(VALID).collect();
    let mut on_disk: Vec<String> = std::fs::read_dir(fixture_dir())
        .expect("fixture dir")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".json"))
        .collect();
    on_disk.sort();
    let unlisted: Vec<&String> = on_disk
        .iter()
        .filter(|f| !listed.contains(&f.as_str()))
        .collect();
    assert!(
        unlisted.is_empty(),
        "fixtures without expectations: {unlisted:?}"
    );
    assert!(on_disk.len() >= 25, "only {} fixtures", on_disk.len());
}

#[test]
fn the_minimal_dataset_loads_and_a_bom_changes_nothing() {
    let minimal = match load("_valid_minimal.json") {
        Ok(ds) => ds,
        Err(problems) => panic!("_valid_minimal.json is refused:\n{}", listing(&problems)),
    };
    assert_eq!(minimal.parks.len(), 2);
    assert_eq!(minimal.events.len(), 2);
    assert_eq!(minimal.observations.len(), 3);
    let bytes = read("bom_valid.json");
    assert_eq!(
        &bytes[..3],
        b"\xEF\xBB\xBF",
        "the fixture starts with a BOM"
    );
    match load_dataset(&bytes) {
        Ok(with_bom) => assert_eq!(with_bom, minimal),
        Err(problems) => panic!("bom_valid.json is refused:\n{}", listing(&problems)),
    }
}

#[test]
fn every_bad_fixture_is_the_minimal_dataset_changed() {
    // Guards the corpus itself: a fixture that drifted into being valid proves nothing.
    for (file, _) in corpus() {
        assert!(load(file).is_err(), "{file} loads");
    }
}

/// Set in the child process that runs [`deep_nesting_child`].
const DEEP_CHILD: &str = "BAD_INPUT_DEEP_CHILD";

/// `{"x": [[[[…10 000…]]]], "schema_version": 1, …}`: an ignored field nested far too deep.
///
/// A stack overflow aborts the whole test binary, so the check runs in a child process and
/// this test reports how it ended.
#[test]
fn nesting_ten_thousand_deep_is_too_deep() {
    let exe = std::env::current_exe().expect("test binary");
    let out = std::process::Command::new(exe)
        .args([
            "deep_nesting_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DEEP_CHILD, "1")
        .output()
        .expect("child test process starts");
    assert!(
        out.status.success(),
        "10 000 levels of nesting: the child process ended with {}\n--- stdout\n{}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs only as the child of [`nesting_ten_thousand_deep_is_too_deep`]; passes trivially else.
#[test]
fn deep_nesting_child() {
    if std::env::var_os(DEEP_CHILD).is_none() {
        return;
    }
    let minimal = String::from_utf8(read("_valid_minimal.json")).expect("UTF-8");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let text = minimal.replacen("{\n", &format!("{{\n  \"x\": {deep},\n"), 1);
    let problems = match load_dataset(text.as_bytes()) {
        Ok(_) => panic!("10 000 levels of nesting loaded"),
        Err(problems) => problems,
    };
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_eq!(problems[0].kind, TooDeep, "{}", listing(&problems));
    assert_eq!(problems[0].path, ".", "{}", listing(&problems));
    // Somewhere in the run of brackets on line 2 (`  "x": ` is 7 characters).
    let pos = problems[0].pos.expect("a place");
    assert!(
        pos.line == 2 && (8..8 + 10_000).contains(&pos.column),
        "{}",
        listing(&problems)
    );
}

// --- Regressions: bugs the corpus found in the core. ---

/// A URL with a scheme but no host is refused, `https://` as much as `http://`.
#[test]
fn https_without_a_host_is_a_bad_url() {
    let minimal = String::from_utf8(read("_valid_minimal.json")).expect("UTF-8");
    for url in ["http://", "https://"] {
        let text = minimal.replace("\"https://akitrf.ru/rating/\"", &format!("\"{url}\""));
        let problems = load_dataset(text.as_bytes()).err().unwrap_or_default();
        assert_eq!(
            problems,
            [Problem {
                path: s("sources[1].url"),
                pos: Some(Pos {
                    line: 21,
                    column: 14
                }),
                kind: BadUrl(s(url)),
            }],
            "source url {url:?}"
        );
    }
}

/// A BOM is not a column, also where a non-UTF-8 byte on line 1 is reported.
#[test]
fn bom_does_not_shift_the_column_of_a_bad_byte_on_line_one() {
    let plain = load_dataset(b"{\"a\xE9\"}").expect_err("not UTF-8");
    let with_bom = load_dataset(b"\xEF\xBB\xBF{\"a\xE9\"}").expect_err("not UTF-8");
    assert_eq!(plain[0].kind, NotUtf8);
    assert_eq!(plain[0].pos, Some(Pos { line: 1, column: 4 }));
    assert_eq!(with_bom, plain);
}

fn describe(file: &str, lang: Lang) -> Vec<String> {
    load(file)
        .expect_err("fixture is refused")
        .iter()
        .map(|p| p.describe(strings(lang)))
        .collect()
}

#[test]
fn problems_are_described_in_russian_and_english() {
    assert_eq!(
        describe("impossible_date.json", Lang::Ru),
        ["84:15: events[0].date: даты «2019-02-30» не существует"]
    );
    assert_eq!(
        describe("impossible_date.json", Lang::En),
        ["84:15: events[0].date: the date “2019-02-30” does not exist"]
    );
    assert_eq!(
        describe("dangling_source_ref_event.json", Lang::Ru),
        ["101:27: events[1].sources[1]: нет источника с идентификатором «rbc»"]
    );
    assert_eq!(
        describe("missing_en_title.json", Lang::Ru),
        ["88:16: events[0].title.en: нет текста на языке «en»"]
    );
    assert_eq!(
        describe("event_after_updated.json", Lang::En),
        ["95:15: events[1].date: the date 2024-07 is after the dataset's update date (2024-06-30)"]
    );
    // No place: no `line:column: ` prefix.
    assert_eq!(describe("empty.json", Lang::Ru), [".: файл пуст"]);
    assert_eq!(
        describe("unknown_level.json", Lang::Ru),
        ["85:26: events[0].level: недопустимое значение «municipal»; допустимы: federal or regional"]
    );
}
