//! Every problem message a reader can get, rendered in Russian (and English): in the reader's
//! language, with no names from the code (Rust types, serde's wording) and no placeholder
//! left unfilled. Every kind with sample payloads, every file of the bad-input corpus, and
//! type errors made on purpose in the minimal dataset.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::problem::{samples, Expected, Found, SyntaxError};
use perm_technoparks::model::{check_dataset, load_dataset, Problem, ProblemKind};

/// Words from the code or from serde's English that must never reach a Russian reader.
const CODE_WORDS: [&str; 35] = [
    "Error",
    "f64",
    "f32",
    "u32",
    "u64",
    "i64",
    "usize",
    "String",
    "struct",
    "enum",
    "Raw",
    "Vec",
    "Option",
    "`",
    "expected",
    "invalid type",
    "invalid value",
    "invalid length",
    "unknown variant",
    "missing field",
    "duplicate field",
    "sequence",
    "integer",
    "floating point",
    "boolean",
    "a string",
    "map",
    "trailing",
    "EOF",
    "key must",
    "control character",
    "out of range",
    "one of",
    " or ",
    "unit value",
];

/// What is wrong with a Russian message, if anything.
fn faults(text: &str) -> Vec<String> {
    let mut found: Vec<String> = CODE_WORDS
        .iter()
        .filter(|w| text.contains(*w))
        .map(|w| format!("contains {w:?}"))
        .collect();
    if (0..6).any(|i| text.contains(&format!("{{{i}}}"))) {
        found.push("a placeholder is left".into());
    }
    // Russian prose, not English with Russian quotes: the words outside quotes and the JSON
    // path are Cyrillic (Latin only in what the file itself says, quoted or as JSON words).
    if !text
        .chars()
        .any(|c| ('а'..='я').contains(&c.to_ascii_lowercase()))
    {
        found.push("no Russian word".into());
    }
    found
}

fn check_ru(what: &str, problem: &Problem, failures: &mut Vec<String>) {
    let ru = problem.describe_for_reader(strings(Lang::Ru));
    let en = problem.describe_for_reader(strings(Lang::En));
    let bad = faults(&problem.kind.message(strings(Lang::Ru)));
    if !bad.is_empty() {
        failures.push(format!("{what}: {ru}\n    {}", bad.join("; ")));
    }
    for (lang, text) in [("ru", &ru), ("en", &en)] {
        if text.contains("{0}") || text.contains("{1}") || text.ends_with(": ") {
            failures.push(format!("{what} ({lang}): unfilled: {text}"));
        }
    }
}

#[test]
fn every_kind_of_problem_speaks_russian_without_code_words() {
    let mut failures = Vec::new();
    let kinds = samples();
    // Every syntax rule and every found and expected type is among them.
    for error in SyntaxError::ALL {
        assert!(kinds.contains(&ProblemKind::Syntax(error)), "{error:?}");
    }
    for kind in kinds {
        let problem = Problem {
            path: "events[1].title.ru".into(),
            pos: None,
            kind,
        };
        check_ru(&format!("{:?}", problem.kind), &problem, &mut failures);
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_bad_file_is_told_in_russian_without_code_words() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad");
    let mut failures = Vec::new();
    let mut told = 0;
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        // Each fixture's `.expect` file beside it is no dataset.
        .filter(|path| path.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let checked = check_dataset(&bytes);
        let mut problems = checked.warnings;
        if let Err(errors) = checked.outcome {
            problems.extend(errors);
        }
        if let Err(errors) = load_dataset(&bytes) {
            problems.extend(errors);
        }
        for p in &problems {
            check_ru(&name, p, &mut failures);
            told += 1;
        }
    }
    assert!(told >= 50, "only {told} problems in the corpus");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The minimal dataset with `from` replaced by `to` (once).
fn broken(from: &str, to: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad/_valid_minimal.json");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "fixture: {from}");
    text.replacen(from, to, 1).into_bytes()
}

fn only_problem(bytes: &[u8]) -> Problem {
    let mut problems = load_dataset(bytes).expect_err("the file must be refused");
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.remove(0)
}

#[test]
fn type_errors_are_told_in_the_readers_words() {
    let ru = |p: &Problem| p.kind.message(strings(Lang::Ru));
    let en = |p: &Problem| p.kind.message(strings(Lang::En));
    let cases: [(&str, &str, ProblemKind, &str, &str); 8] = [
        (
            "\"value\": 86000",
            "\"value\": \"много\"",
            ProblemKind::WrongType {
                found: Found::Text("много".into()),
                expected: Expected::Number,
            },
            "неверный тип значения: строка «много»; ожидается число",
            "wrong type: text “много”; expected a number",
        ),
        (
            "\"title\": {\"ru\": \"Тестовый набор\", \"en\": \"Test dataset\"}",
            "\"title\": 1",
            ProblemKind::WrongType {
                found: Found::Number("1".into()),
                expected: Expected::Texts,
            },
            "неверный тип значения: число 1; ожидается объект с текстами на двух языках {\"ru\": …, \"en\": …}",
            "wrong type: the number 1; expected an object with texts in both languages {\"ru\": …, \"en\": …}",
        ),
        (
            "\"sources\": [\"mirs\"],\n      \"confidence\": \"high\"",
            "\"sources\": \"mirs\",\n      \"confidence\": \"high\"",
            ProblemKind::WrongType {
                found: Found::Text("mirs".into()),
                expected: Expected::List,
            },
            "неверный тип значения: строка «mirs»; ожидается массив […]",
            "wrong type: text “mirs”; expected a list […]",
        ),
        (
            "\"opened\": \"2018\"",
            "\"opened\": 2018",
            ProblemKind::WrongType {
                found: Found::Number("2018".into()),
                expected: Expected::Text,
            },
            "неверный тип значения: число 2018; ожидается строка в кавычках",
            "wrong type: the number 2018; expected text in quotes",
        ),
        (
            // Well-formed JSON: not a syntax error, a word from the list is wanted.
            "\"confidence\": \"derived\"",
            "\"confidence\": true",
            ProblemKind::WrongType {
                found: Found::Bool(true),
                expected: Expected::Word(vec!["high".into(), "medium".into(), "derived".into()]),
            },
            "неверный тип значения: логическое значение true; ожидается одно из слов: «high», «medium», «derived»",
            "wrong type: the value true; expected one of the words “high”, “medium”, “derived”",
        ),
        (
            "\"level\": \"regional\"",
            "\"level\": \"municipal\"",
            ProblemKind::UnknownValue {
                found: "municipal".into(),
                allowed: vec!["federal".into(), "regional".into()],
            },
            "недопустимое значение «municipal»; допустимы: «federal», «regional»",
            "“municipal” is not allowed here; allowed: “federal”, “regional”",
        ),
        (
            "\"schema_version\": 2",
            "\"schema_version\": -1",
            ProblemKind::WrongType {
                found: Found::Number("-1".into()),
                expected: Expected::WholeNumber,
            },
            "неверный тип значения: число -1; ожидается целое неотрицательное число",
            "wrong type: the number -1; expected a whole number, 0 or more",
        ),
        (
            "\"value\": 86000",
            "\"value\": null",
            ProblemKind::WrongType {
                found: Found::Null,
                expected: Expected::Number,
            },
            "неверный тип значения: пустое значение null; ожидается число",
            "wrong type: null (no value); expected a number",
        ),
    ];
    for (from, to, kind, want_ru, want_en) in cases {
        let p = only_problem(&broken(from, to));
        assert_eq!(p.kind, kind, "{to}");
        assert_eq!(ru(&p), want_ru, "{to}");
        assert_eq!(en(&p), want_en, "{to}");
        assert!(faults(&ru(&p)).is_empty(), "{}", ru(&p));
    }
}

#[test]
fn sizes_and_places_are_typeset_and_pluralised() {
    let message = |kind: ProblemKind, lang| kind.message(strings(lang));
    let too_large = |bytes| ProblemKind::TooLarge {
        bytes,
        limit: 16 * 1024 * 1024,
    };
    assert_eq!(
        message(too_large(16_778_222), Lang::Ru),
        "файл слишком большой: 16\u{a0}778\u{a0}222\u{a0}байта; допускается не больше 16\u{a0}777\u{a0}216\u{a0}байт (16\u{a0}МБ)"
    );
    assert_eq!(
        message(too_large(16_778_221), Lang::Ru),
        "файл слишком большой: 16\u{a0}778\u{a0}221\u{a0}байт; допускается не больше 16\u{a0}777\u{a0}216\u{a0}байт (16\u{a0}МБ)"
    );
    assert_eq!(
        message(too_large(16_778_222), Lang::En),
        "the file is too large: 16,778,222\u{a0}bytes; the limit is 16,777,216\u{a0}bytes (16\u{a0}MB)"
    );
    // On the page a problem of the whole file is placed in words, not by the path `.`; the
    // command line keeps `.`, a path like any other for the tools that read its lines.
    let empty = Problem {
        path: ".".into(),
        pos: None,
        kind: ProblemKind::EmptyFile,
    };
    assert_eq!(
        empty.describe_for_reader(strings(Lang::Ru)),
        "(весь файл): файл пуст"
    );
    assert_eq!(
        empty.describe_for_reader(strings(Lang::En)),
        "(whole file): the file is empty"
    );
    assert_eq!(empty.describe(strings(Lang::Ru)), ".: файл пуст");
}

#[test]
fn the_check_catches_what_the_old_messages_said() {
    for old in [
        "неверный тип значения: string \"много\", ожидалось: f64",
        "неверный тип значения: integer `1`, ожидалось: struct RawText",
        "неверный тип значения: string \"morion-digital\", ожидалось: a sequence",
        "синтаксическая ошибка JSON (expected `,` or `}`)",
        "синтаксическая ошибка JSON (trailing comma)",
        "недопустимое значение «municipal»; допустимы: federal or regional",
        "нет ответа от сервера (TypeError: Failed to fetch)",
    ] {
        assert!(!faults(old).is_empty(), "{old}");
    }
}
