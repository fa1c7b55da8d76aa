//! The bad-input corpus: every file in `tests/fixtures/bad/` is a small, complete-looking
//! dataset that differs from `_valid_minimal.json` in one way (or, for `several_problems.json`,
//! in several). Each must be refused with exactly the expected problems: kind and payload,
//! JSON path, and line:column (1-based, in characters), in file order.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use perm_technoparks::analysis::metric_catalogue;
use perm_technoparks::chart::{comparison, render_svg};
use perm_technoparks::format::{counted, ReferenceTypography};
use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::parse::MAX_BYTES;
use perm_technoparks::model::problem::{Expected as Wanted, Found, SyntaxError};
use perm_technoparks::model::{
    check_dataset, load_dataset, Dataset, Pos, Problem, ProblemKind, State, Text,
};

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
            // The object whose closing brace follows the trailing comma.
            "trailing_comma.json",
            vec![at(Syntax(SyntaxError::TrailingComma), "events[1]", 103, 5)],
        ),
        (
            "trailing_garbage.json",
            vec![at(Syntax(SyntaxError::TrailingCharacters), ".", 106, 1)],
        ),
        (
            // The path is the object holding the key twice; the place, the second key.
            "duplicate_key.json",
            vec![at(DuplicateField(s("id")), "metrics[0]", 45, 27)],
        ),
        (
            "number_out_of_range.json",
            vec![at(
                Syntax(SyntaxError::NumberOutOfRange),
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
                    found: Found::Text(s("86000")),
                    expected: Wanted::Number,
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
                    allowed: vec![s("federal"), s("regional")],
                },
                "events[0].level",
                85,
                26,
            )],
        ),
        // --- semantics: one problem each ---
        (
            "schema_version_3.json",
            vec![at(UnsupportedSchemaVersion(3), "schema_version", 3, 21)],
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
        // --- a park's status: dated, in order, each a change, sourced ---
        (
            // Opened 2010-12, suspended in 2009.
            "status_before_opened.json",
            vec![at(
                StatusBeforeOpened {
                    date: s("2009"),
                    opened: s("2010-12"),
                },
                "parks[1].status[0].date",
                40,
                40,
            )],
        ),
        (
            "status_out_of_order.json",
            vec![at(
                StatusOutOfOrder {
                    date: s("2020"),
                    previous: s("2021-03"),
                },
                "parks[1].status[1].date",
                41,
                35,
            )],
        ),
        (
            // Suspended twice in a row.
            "status_unchanged.json",
            vec![at(
                StatusUnchanged(State::Suspended),
                "parks[1].status[1].state",
                41,
                19,
            )],
        ),
        (
            // A park is open from its opening: "open" first changes nothing.
            "status_first_open.json",
            vec![at(
                StatusUnchanged(State::Open),
                "parks[1].status[0].state",
                40,
                19,
            )],
        ),
        (
            "status_no_source.json",
            vec![at(NoSource, "parks[1].status[0].sources", 40, 56)],
        ),
        (
            "status_unknown_source.json",
            vec![at(
                UnknownSource(s("aif")),
                "parks[1].status[0].sources[1]",
                40,
                65,
            )],
        ),
        (
            "status_after_update.json",
            vec![at(
                DateAfterUpdate {
                    date: s("2024-07"),
                    updated: s("2024-06-30"),
                },
                "parks[1].status[0].date",
                40,
                37,
            )],
        ),
        (
            "status_note_without_en.json",
            vec![at(
                MissingTranslation(Lang::En),
                "parks[1].status[0].note.en",
                40,
                101,
            )],
        ),
        (
            // A file of version 1: its `closed` and `closed_confidence` are named, not ignored.
            "v1_closed.json",
            vec![
                at(UnsupportedSchemaVersion(1), "schema_version", 3, 21),
                at(ClosedIsNowStatus, "parks[1].closed", 39, 17),
                at(ClosedIsNowStatus, "parks[1].closed_confidence", 40, 28),
            ],
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
        // --- more syntax: what JSON is not (JavaScript literals, comments, quotes) ---
        (
            // `NaN` is JavaScript, not JSON: the parser stops at its first letter.
            "nan_literal.json",
            vec![at(
                Syntax(SyntaxError::ExpectedValue),
                "observations[0].value",
                59,
                16,
            )],
        ),
        (
            "infinity_literal.json",
            vec![at(
                Syntax(SyntaxError::ExpectedValue),
                "observations[1].value",
                67,
                16,
            )],
        ),
        (
            // `-1e400`: below the smallest f64; the place is the number's last digit.
            "negative_out_of_range.json",
            vec![at(
                Syntax(SyntaxError::NumberOutOfRange),
                "observations[0].value",
                59,
                21,
            )],
        ),
        (
            // A comma after the last field of an object (trailing_comma.json: of an array).
            "trailing_comma_object.json",
            vec![at(
                Syntax(SyntaxError::TrailingComma),
                "observations[0]",
                63,
                5,
            )],
        ),
        (
            // `// where each value comes from` between two top-level fields.
            "line_comment.json",
            vec![at(Syntax(SyntaxError::KeyMustBeString), ".", 10, 3)],
        ),
        (
            // `'id': 'akit'`
            "single_quotes.json",
            vec![at(
                Syntax(SyntaxError::KeyMustBeString),
                "sources[1]",
                18,
                7,
            )],
        ),
        (
            // A raw tab in "Ministry<TAB>news": the place is the tab itself.
            "control_char_in_string.json",
            vec![at(
                Syntax(SyntaxError::ControlCharacter),
                "sources[0].title.en",
                13,
                62,
            )],
        ),
        // --- more shape ---
        (
            "schema_version_string.json",
            vec![at(
                WrongType {
                    found: Found::Text(s("1")),
                    expected: Wanted::WholeNumber,
                },
                "schema_version",
                3,
                23,
            )],
        ),
        (
            // The whole dataset wrapped in `[ … ]`: the document is not an object.
            "top_level_array.json",
            vec![at(
                WrongType {
                    found: Found::Array,
                    expected: Wanted::ObjectOrValue,
                },
                ".",
                1,
                1,
            )],
        ),
        (
            "unknown_unit.json",
            vec![at(
                UnknownValue {
                    found: s("km2"),
                    allowed: ["m2", "rub", "rub_per_m2", "year", "years", "rank", "count"]
                        .map(s)
                        .to_vec(),
                },
                "metrics[0].unit",
                47,
                19,
            )],
        ),
        (
            "status_unknown_state.json",
            vec![at(
                UnknownValue {
                    found: s("paused"),
                    allowed: vec![s("open"), s("suspended"), s("closed")],
                },
                "parks[1].status[0].state",
                40,
                26,
            )],
        ),
        // --- more semantics ---
        (
            // An investment metric and its one observation, 1.5 billion roubles below zero.
            "negative_investment.json",
            vec![at(
                Negative(-1_500_000_000.0),
                "observations[3].value",
                88,
                16,
            )],
        ),
        (
            "missing_ru_name.json",
            vec![at(MissingTranslation(Lang::Ru), "parks[1].name.ru", 36, 15)],
        ),
        (
            // `"en": "  \t "`: white space only is as good as nothing.
            "blank_publisher.json",
            vec![at(Empty, "sources[1].publisher.en", 20, 41)],
        ),
        (
            // sources[0] pasted again as a third source.
            "duplicate_source_id.json",
            vec![at(DuplicateId(s("mirs")), "sources[2].id", 25, 13)],
        ),
        (
            // metrics[0] pasted again as a third metric.
            "duplicate_metric_id.json",
            vec![at(DuplicateId(s("area_m2")), "metrics[2].id", 55, 13)],
        ),
        (
            "dangling_source_ref_park.json",
            vec![at(
                UnknownSource(s("kommersant")),
                "parks[1].sources[1]",
                40,
                27,
            )],
        ),
        (
            // A value of 2025 in a dataset updated 2024-06-30.
            "observation_after_updated.json",
            vec![at(
                DateAfterUpdate {
                    date: s("2025"),
                    updated: s("2024-06-30"),
                },
                "observations[2].date",
                76,
                15,
            )],
        ),
        (
            "observation_no_sources.json",
            vec![at(NoSource, "observations[1].sources", 69, 18)],
        ),
        (
            // Month and day must have two digits each.
            "unpadded_date.json",
            vec![at(BadDate(s("2019-1-5")), "events[0].date", 84, 15)],
        ),
        (
            "status_bad_date.json",
            vec![at(BadDate(s("2020-1")), "parks[1].status[0].date", 40, 40)],
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

/// Files that load with warnings: each file and every warning, in file order.
fn warned() -> Vec<(&'static str, Vec<Expected>)> {
    vec![(
        // `"extra": {…}` at the top, `"colour"` beside parks[0]'s `"color"`. The place is the
        // value's; the nested `extra.note` is not reported apart from `extra`.
        "warn_unknown_fields.json",
        vec![
            at(UnknownField, "extra", 4, 12),
            at(UnknownField, "parks[0].colour", 33, 17),
        ],
    )]
}

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
    let warned = warned();
    let listed: Vec<&str> = corpus()
        .iter()
        .chain(&warned)
        .map(|(f, _)| *f)
        .chain(VALID)
        .collect();
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
    assert!(corpus().len() >= 45, "only {} bad fixtures", corpus().len());
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
        ["88:16: events[0].title.en: нет текста на английском языке (en)"]
    );
    assert_eq!(
        describe("event_after_updated.json", Lang::En),
        ["95:15: events[1].date: the date “2024-07” is after the dataset’s update date (2024-06-30)"]
    );
    // No place: no `line:column: ` prefix (the command line's form: the whole file is `.`).
    assert_eq!(describe("empty.json", Lang::Ru), [".: файл пуст"]);
    assert_eq!(
        describe("unknown_level.json", Lang::Ru),
        ["85:26: events[0].level: недопустимое значение «municipal»; допустимы: «federal», «regional»"]
    );
}

// --- Warnings: unknown fields are noted, not refused. ---

/// An [`Expected`] with its own path.
type Owned = (ProblemKind, String, Option<(usize, usize)>);

/// Checks a file that must load, with exactly `expected` as warnings, in that order.
fn check_warned(file: &str, expected: &[Expected]) -> Result<(), String> {
    let checked = check_dataset(&read(file));
    if let Err(problems) = &checked.outcome {
        return Err(format!("{file}: refused:\n{}", listing(problems)));
    }
    let got: Vec<Owned> = checked
        .warnings
        .iter()
        .map(|p| {
            (
                p.kind.clone(),
                p.path.clone(),
                p.pos.map(|Pos { line, column }| (line, column)),
            )
        })
        .collect();
    let want: Vec<Owned> = expected
        .iter()
        .map(|(kind, path, pos)| (kind.clone(), path.to_string(), *pos))
        .collect();
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{file}:\n expected warnings {want:#?}\n got:\n{}",
            listing(&checked.warnings)
        ))
    }
}

#[test]
fn unknown_fields_are_warnings_with_their_places_in_file_order() {
    let failures: Vec<String> = warned()
        .iter()
        .filter_map(|(file, expected)| check_warned(file, expected).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn unknown_fields_change_nothing_in_the_dataset() {
    let minimal = load("_valid_minimal.json").expect("minimal loads");
    for (file, _) in warned() {
        assert_eq!(load(file).as_ref(), Ok(&minimal), "{file}");
    }
    // The minimal dataset itself has nothing to warn about (`$schema` is a known field).
    assert!(check_dataset(&read("_valid_minimal.json"))
        .warnings
        .is_empty());
}

#[test]
fn warnings_are_kept_beside_errors() {
    let text = String::from_utf8(read("warn_unknown_fields.json")).expect("UTF-8");
    let text = text.replacen("\"color\": \"#1f5fa8\"", "\"color\": \"blue\"", 1);
    let checked = check_dataset(text.as_bytes());
    let errors = checked.outcome.expect_err("a bad colour is refused");
    assert_eq!(
        errors,
        [Problem {
            path: s("parks[0].color"),
            pos: Some(Pos {
                line: 32,
                column: 16
            }),
            kind: BadColor(s("blue")),
        }],
        "{}",
        listing(&errors)
    );
    let paths: Vec<&str> = checked.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["extra", "parks[0].colour"]);
}

#[test]
fn warnings_are_described_in_russian_and_english() {
    let checked = check_dataset(&read("warn_unknown_fields.json"));
    let described = |lang| -> Vec<String> {
        checked
            .warnings
            .iter()
            .map(|w| w.describe(strings(lang)))
            .collect()
    };
    assert_eq!(
        described(Lang::Ru),
        [
            "4:12: extra: неизвестное поле; оно не используется (опечатка?)",
            "33:17: parks[0].colour: неизвестное поле; оно не используется (опечатка?)",
        ]
    );
    assert_eq!(
        described(Lang::En),
        [
            "4:12: extra: unknown field; it is ignored (a typo?)",
            "33:17: parks[0].colour: unknown field; it is ignored (a typo?)",
        ]
    );
}

// --- Size: a file too large is refused before it is read. ---

/// The minimal dataset with `"padding": "xxx…"` (`n` letters) as its first field.
fn padded(n: usize) -> String {
    let minimal = String::from_utf8(read("_valid_minimal.json")).expect("UTF-8");
    let padding = "x".repeat(n);
    minimal.replacen("{\n", &format!("{{\n  \"padding\": \"{padding}\",\n"), 1)
}

#[test]
fn a_twenty_megabyte_file_is_too_large() {
    assert_eq!(MAX_BYTES, 16 * 1024 * 1024);
    let text = padded(20 * 1024 * 1024);
    assert!(text.len() > 20 * 1024 * 1024);
    let checked = check_dataset(text.as_bytes());
    let problems = checked.outcome.expect_err("20 MB is refused");
    assert_eq!(
        problems,
        [Problem {
            path: s("."),
            pos: None,
            kind: TooLarge {
                bytes: text.len(),
                limit: MAX_BYTES
            },
        }],
        "{}",
        listing(&problems)
    );
    assert!(
        checked.warnings.is_empty(),
        "the file was not read, so no warnings"
    );
    // The size grouped, in its plural form (`…583 байта`), the limit with its unit.
    let bytes = |lang| {
        let t = ReferenceTypography { lang };
        counted(&t, &strings(lang).bytes, text.len() as f64)
    };
    assert_eq!(
        problems[0].describe(strings(Lang::Ru)),
        format!(
            ".: файл слишком большой: {}; допускается не больше 16\u{a0}777\u{a0}216\u{a0}байт (16\u{a0}МБ)",
            bytes(Lang::Ru)
        )
    );
    assert_eq!(
        problems[0].describe(strings(Lang::En)),
        format!(
            ".: the file is too large: {}; the limit is 16,777,216\u{a0}bytes (16\u{a0}MB)",
            bytes(Lang::En)
        )
    );
}

#[test]
fn the_size_limit_is_inclusive() {
    let overhead = padded(0).len();
    let at_limit = padded(MAX_BYTES - overhead);
    assert_eq!(at_limit.len(), MAX_BYTES);
    let checked = check_dataset(at_limit.as_bytes());
    assert!(
        checked.outcome.is_ok(),
        "exactly MAX_BYTES is refused: {}",
        listing(&checked.outcome.err().unwrap_or_default())
    );
    let paths: Vec<&str> = checked.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(paths, ["padding"]);

    let over = padded(MAX_BYTES - overhead + 1);
    assert_eq!(
        load_dataset(over.as_bytes())
            .err()
            .map(|p| p[0].kind.clone()),
        Some(TooLarge {
            bytes: MAX_BYTES + 1,
            limit: MAX_BYTES
        })
    );
}

// --- Hostile text: valid data, kept exactly, and never markup in a chart. ---

const HOSTILE: &str = "<img src=x onerror=alert(1)><script>alert(2)</script>";

/// The minimal dataset with every optional text added, an investment metric (so that every
/// derived metric has values), and every text in both languages replaced by [`HOSTILE`].
/// Returns the JSON text and how many texts it holds.
fn hostile_dataset() -> (String, usize) {
    use serde_json::{json, Value};
    let mut v: Value = serde_json::from_slice(&read("_valid_minimal.json")).expect("JSON");
    let text = || json!({"ru": "?", "en": "?"});
    for park in v["parks"].as_array_mut().expect("parks") {
        park["founder"] = text();
        park["address"] = text();
        park["note"] = text();
    }
    v["metrics"]
        .as_array_mut()
        .expect("metrics")
        .push(json!({"id": "investment_rub", "label": text(), "unit": "rub"}));
    for metric in v["metrics"].as_array_mut().expect("metrics") {
        metric["description"] = text();
    }
    for park in ["morion-digital", "technopark-perm"] {
        v["observations"]
            .as_array_mut()
            .expect("observations")
            .push(json!({
                "park": park, "metric": "investment_rub", "value": 1.5e9, "date": "2020",
                "sources": ["mirs"], "confidence": "high"
            }));
    }
    for list in ["observations", "events"] {
        for item in v[list].as_array_mut().expect("a list") {
            item["note"] = text();
        }
    }
    fn replace(v: &mut Value) -> usize {
        match v {
            Value::Object(map) if !map.is_empty() && map.keys().all(|k| k == "ru" || k == "en") => {
                for value in map.values_mut() {
                    *value = Value::String(HOSTILE.into());
                }
                1
            }
            Value::Object(map) => map.values_mut().map(replace).sum(),
            Value::Array(items) => items.iter_mut().map(replace).sum(),
            _ => 0,
        }
    }
    let texts = replace(&mut v);
    (serde_json::to_string_pretty(&v).expect("JSON"), texts)
}

/// Every text of a dataset, named by where it is.
fn all_texts(ds: &Dataset) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> = vec![
        (s("meta.title"), &ds.meta.title),
        (s("meta.description"), &ds.meta.description),
        (s("meta.license"), &ds.meta.license),
    ];
    for (i, x) in ds.sources.iter().enumerate() {
        out.push((format!("sources[{i}].title"), &x.title));
        out.push((format!("sources[{i}].publisher"), &x.publisher));
    }
    for (i, x) in ds.parks.iter().enumerate() {
        out.push((format!("parks[{i}].name"), &x.name));
        out.extend(x.founder.iter().map(|t| (format!("parks[{i}].founder"), t)));
        out.extend(x.address.iter().map(|t| (format!("parks[{i}].address"), t)));
        out.extend(x.note.iter().map(|t| (format!("parks[{i}].note"), t)));
    }
    for (i, x) in ds.metrics.iter().enumerate() {
        out.push((format!("metrics[{i}].label"), &x.label));
        out.extend(
            x.description
                .iter()
                .map(|t| (format!("metrics[{i}].description"), t)),
        );
    }
    for (i, x) in ds.observations.iter().enumerate() {
        out.extend(
            x.note
                .iter()
                .map(|t| (format!("observations[{i}].note"), t)),
        );
    }
    for (i, x) in ds.events.iter().enumerate() {
        out.push((format!("events[{i}].title"), &x.title));
        out.push((format!("events[{i}].summary"), &x.summary));
        out.extend(x.note.iter().map(|t| (format!("events[{i}].note"), t)));
    }
    out
}

#[test]
fn hostile_text_is_valid_data_and_is_kept_exactly() {
    let (text, count) = hostile_dataset();
    let ds = match load_dataset(text.as_bytes()) {
        Ok(ds) => ds,
        Err(problems) => panic!("the hostile dataset is refused:\n{}", listing(&problems)),
    };
    let texts = all_texts(&ds);
    assert_eq!(
        texts.len(),
        count,
        "every text of the file is in the dataset"
    );
    for (at, t) in texts {
        assert_eq!(t.ru, HOSTILE, "{at}.ru");
        assert_eq!(t.en, HOSTILE, "{at}.en");
    }
}

#[test]
fn hostile_text_is_escaped_in_every_comparison_chart() {
    let (text, _) = hostile_dataset();
    let ds = load_dataset(text.as_bytes()).expect("the hostile dataset loads");
    for lang in [Lang::Ru, Lang::En] {
        let t = ReferenceTypography { lang };
        let catalogue = metric_catalogue(&ds, lang);
        assert!(
            catalogue.len() >= 6,
            "{lang:?}: every stated and derived metric"
        );
        for metric in catalogue {
            let c = comparison(&ds, &metric.id, &t, 600.0)
                .unwrap_or_else(|| panic!("{lang:?} {}: no comparison", metric.id));
            assert!(
                !c.chart.data.is_empty(),
                "{lang:?} {}: the chart has no values",
                metric.id
            );
            for card in &c.cards {
                assert_eq!(card.name, HOSTILE, "{lang:?} {}: card name", metric.id);
            }
            assert!(c.chart.alt.contains(HOSTILE), "{lang:?} {}: alt", metric.id);
            let svg =
                render_svg(&c.chart).unwrap_or_else(|e| panic!("{lang:?} {}: {e}", metric.id));
            let at = format!("{lang:?} {}:\n{svg}", metric.id);
            assert!(svg.contains("&lt;img"), "no escaped name in {at}");
            assert!(svg.contains("&lt;script&gt;"), "no escaped name in {at}");
            assert!(!svg.contains("<img"), "raw <img in {at}");
            assert!(!svg.contains("<script"), "raw <script in {at}");
        }
    }
}

// --- Regressions and open bugs found by this corpus. ---

/// Open bug: serde's derived `Deserialize` also reads a struct from an array of its fields in
/// order, so the whole dataset written as `[null, 1, {meta}, [sources], …]` LOADS. The format
/// (and the JSON Schema) says the document is an object.
#[test]
fn a_dataset_written_as_an_array_of_its_fields_is_refused() {
    let v: serde_json::Value = serde_json::from_slice(&read("_valid_minimal.json")).expect("JSON");
    let fields = [
        "$schema",
        "schema_version",
        "meta",
        "sources",
        "parks",
        "metrics",
        "observations",
        "events",
    ];
    let array = serde_json::Value::Array(fields.iter().map(|f| v[*f].clone()).collect());
    let text = serde_json::to_string_pretty(&array).expect("JSON");
    match load_dataset(text.as_bytes()) {
        Ok(_) => panic!("a dataset written as an array of its fields loads"),
        Err(problems) => {
            assert_eq!(problems.len(), 1, "{}", listing(&problems));
            assert_eq!(problems[0].path, ".", "{}", listing(&problems));
        }
    }
    // The same inside: `meta` as an array of its four fields.
    let meta = serde_json::json!([
        v["meta"]["title"],
        v["meta"]["description"],
        v["meta"]["license"],
        v["meta"]["updated"]
    ]);
    let mut inner = v.clone();
    inner["meta"] = meta;
    let text = serde_json::to_string_pretty(&inner).expect("JSON");
    assert!(
        load_dataset(text.as_bytes()).is_err(),
        "`meta` written as an array of its fields loads"
    );
}

/// A key written with an escape (`"d\u0061te"`, which is `"date"`) is placed at its value.
#[test]
fn a_problem_under_an_escaped_key_is_placed_at_its_value() {
    let minimal = String::from_utf8(read("_valid_minimal.json")).expect("UTF-8");
    // `      "d\u0061te": "2019-02-30",` — the key is 11 characters, the value starts at column 20.
    let text = minimal.replacen(
        "\"date\": \"2019-10-10\"",
        "\"d\\u0061te\": \"2019-02-30\"",
        1,
    );
    let problems = load_dataset(text.as_bytes()).expect_err("an impossible date");
    assert_eq!(
        problems,
        [Problem {
            path: s("events[0].date"),
            pos: Some(Pos {
                line: 84,
                column: 20
            }),
            kind: ImpossibleDate(s("2019-02-30")),
        }],
        "{}",
        listing(&problems)
    );
}

/// The quick look that spares a valid file the full scan never misses what the scan finds.
#[test]
fn the_quick_array_check_agrees_with_the_full_scan_on_every_fixture() {
    use perm_technoparks::model::parse::{may_have_misplaced_array, misplaced_arrays, scan};
    let dir = std::path::Path::new("tests/fixtures/bad");
    for entry in std::fs::read_dir(dir).expect("fixtures") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if !misplaced_arrays(&scan(&text)).is_empty() {
            assert!(may_have_misplaced_array(&text), "{}", path.display());
        }
    }
}

/// The minimal dataset with a park suspended, resumed, then closed, each change sourced and
/// dated in order, loads with its status as written; the same changes out of their order in
/// the file do not.
#[test]
fn a_status_in_order_loads_and_each_change_is_kept() {
    let minimal = String::from_utf8(read("_valid_minimal.json")).expect("UTF-8");
    let anchor = "      \"opened_confidence\": \"medium\",\n";
    let changes = [
        r#"{"state": "suspended", "date": "2020-03", "sources": ["mirs"], "confidence": "high"}"#,
        r#"{"state": "open", "date": "2021", "sources": ["akit"], "confidence": "medium", "note": {"ru": "Возобновил работу", "en": "Resumed"}}"#,
        r#"{"state": "closed", "date": "2023-09", "sources": ["akit"], "confidence": "derived"}"#,
    ];
    let with = |list: &[&str]| {
        minimal.replacen(
            anchor,
            &format!("{anchor}      \"status\": [{}],\n", list.join(", ")),
            1,
        )
    };
    let ds = load_dataset(with(&changes).as_bytes())
        .unwrap_or_else(|problems| panic!("refused:\n{}", listing(&problems)));
    let park = ds.park("technopark-perm").unwrap();
    let states: Vec<(State, String)> = park
        .status
        .iter()
        .map(|c| (c.state, c.date.to_string()))
        .collect();
    assert_eq!(
        states,
        [
            (State::Suspended, s("2020-03")),
            (State::Open, s("2021")),
            (State::Closed, s("2023-09")),
        ]
    );
    assert_eq!(park.stopped().map(|c| c.state), Some(State::Closed));
    assert_eq!(
        park.status[1].note.as_ref().map(|n| n.en.as_str()),
        Some("Resumed")
    );
    let swapped = [changes[1], changes[0], changes[2]];
    let problems = load_dataset(with(&swapped).as_bytes()).expect_err("out of order");
    let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
    assert!(
        kinds.contains(&&StatusUnchanged(State::Open))
            && kinds.iter().any(|k| matches!(k, StatusOutOfOrder { .. })),
        "{}",
        listing(&problems)
    );
}
