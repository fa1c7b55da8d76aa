//! What can be wrong with a dataset, where, and how to say it in the reader's language.

use super::raw::State;
use super::validate::SCHEMA_VERSION;
use crate::format::{counted, ReferenceTypography, Typography as _};
use crate::i18n::{Lang, Strings, Texts};

/// A place in the file, 1-based, counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// One thing wrong with the dataset: what, at which JSON path, at which line:column.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// `events[3].date`; `.` for the whole document.
    pub path: String,
    pub pos: Option<Pos>,
    pub kind: ProblemKind,
}

/// Every kind of problem, from bytes that are not text to references that do not resolve.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The bytes are not UTF-8.
    NotUtf8,
    /// The file is empty or only white space.
    EmptyFile,
    /// The file is larger than the app will read (bytes, limit).
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The JSON text ends before the document does.
    UnexpectedEnd,
    /// A JSON syntax error: which rule of JSON the text breaks.
    Syntax(SyntaxError),
    /// Nested deeper than the parser allows.
    TooDeep,
    /// A required field is absent.
    MissingField(String),
    /// A value of the wrong JSON type: what is there, what the format wants there.
    WrongType {
        found: Found,
        expected: Expected,
    },
    /// A word outside a fixed list (level, kind, confidence, unit): the word, and the list.
    UnknownValue {
        found: String,
        allowed: Vec<String>,
    },
    /// A field written twice in one object.
    DuplicateField(String),
    /// Any other shape error, in the parser's (English) words, which only the English
    /// message shows.
    Shape(String),
    /// `schema_version` this app does not read.
    UnsupportedSchemaVersion(u32),
    /// Two items share an id.
    DuplicateId(String),
    /// An id reference that does not resolve.
    UnknownPark(String),
    UnknownMetric(String),
    UnknownSource(String),
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadDate(String),
    /// Well-formed but impossible (`2019-02-30`).
    ImpossibleDate(String),
    /// Later than `meta.updated`.
    DateAfterUpdate {
        date: String,
        updated: String,
    },
    /// A park's first change of state dated before its opening.
    StatusBeforeOpened {
        date: String,
        opened: String,
    },
    /// A park's change of state dated before the change listed before it.
    StatusOutOfOrder {
        date: String,
        previous: String,
    },
    /// A change of state to the state the park is already in (the first from "open").
    StatusUnchanged(State),
    /// Version 1's `closed` or `closed_confidence`, which `status` replaced.
    ClosedIsNowStatus,
    /// A quantity below zero.
    Negative(f64),
    /// A rating place below 1 or not whole.
    BadRank(f64),
    /// A text lacks one of the two languages.
    MissingTranslation(Lang),
    /// An id or a text that is empty.
    Empty,
    /// A value or an event that names no source.
    NoSource,
    /// A source URL that is not http(s).
    BadUrl(String),
    /// A colour that is not `#rrggbb`.
    BadColor(String),
    /// The dataset lists no parks.
    NoParks,
    /// A field the format does not know (a warning: it is ignored).
    UnknownField,
}

impl ProblemKind {
    /// The locale key of the message, and its arguments.
    fn message_parts(&self, strings: &Strings) -> (&'static str, Vec<String>) {
        use ProblemKind::*;
        match self {
            NotUtf8 => ("not_utf8", vec![]),
            EmptyFile => ("empty_file", vec![]),
            TooLarge { bytes, limit } => {
                let t = ReferenceTypography { lang: strings.lang };
                let mib = *limit as f64 / (1024.0 * 1024.0);
                (
                    "too_large",
                    vec![
                        counted(&t, &strings.bytes, *bytes as f64),
                        counted(&t, &strings.bytes, *limit as f64),
                        fill(strings.megabytes, &[t.number(mib, 1)]),
                    ],
                )
            }
            UnexpectedEnd => ("unexpected_end", vec![]),
            Syntax(error) => (
                "syntax",
                vec![text_of(strings.json_syntax, error.key()).to_string()],
            ),
            TooDeep => ("too_deep", vec![]),
            MissingField(f) => ("missing_field", vec![f.clone()]),
            WrongType { found, expected } => (
                "wrong_type",
                vec![found.describe(strings), expected.describe(strings)],
            ),
            UnknownValue { found, allowed } => (
                "unknown_value",
                vec![found.clone(), quoted_list(strings, allowed)],
            ),
            DuplicateField(field) => ("duplicate_field", vec![field.clone()]),
            Shape(d) => ("shape", vec![d.clone()]),
            UnsupportedSchemaVersion(v) => (
                "schema_version",
                vec![v.to_string(), SCHEMA_VERSION.to_string()],
            ),
            DuplicateId(id) => ("duplicate_id", vec![id.clone()]),
            UnknownPark(id) => ("unknown_park", vec![id.clone()]),
            UnknownMetric(id) => ("unknown_metric", vec![id.clone()]),
            UnknownSource(id) => ("unknown_source", vec![id.clone()]),
            BadDate(d) => ("bad_date", vec![d.clone()]),
            ImpossibleDate(d) => ("impossible_date", vec![d.clone()]),
            DateAfterUpdate { date, updated } => {
                ("date_after_update", vec![date.clone(), updated.clone()])
            }
            StatusBeforeOpened { date, opened } => {
                ("status_before_opened", vec![date.clone(), opened.clone()])
            }
            StatusOutOfOrder { date, previous } => {
                ("status_out_of_order", vec![date.clone(), previous.clone()])
            }
            StatusUnchanged(State::Open) => ("status_already_open", vec![]),
            StatusUnchanged(State::Suspended) => ("status_already_suspended", vec![]),
            StatusUnchanged(State::Closed) => ("status_already_closed", vec![]),
            ClosedIsNowStatus => ("closed_is_now_status", vec![]),
            Negative(v) => ("negative", vec![v.to_string()]),
            BadRank(v) => ("bad_rank", vec![v.to_string()]),
            MissingTranslation(Lang::Ru) => ("missing_ru", vec![]),
            MissingTranslation(Lang::En) => ("missing_en", vec![]),
            Empty => ("empty", vec![]),
            NoSource => ("no_source", vec![]),
            BadUrl(u) => ("bad_url", vec![u.clone()]),
            BadColor(c) => ("bad_color", vec![c.clone()]),
            NoParks => ("no_parks", vec![]),
            UnknownField => ("unknown_field", vec![]),
        }
    }

    /// The locale key, for tests and for callers that group problems.
    pub fn key(&self) -> &'static str {
        self.message_parts(crate::i18n::strings(Lang::En)).0
    }

    /// The message in the reader's language, arguments filled in.
    pub fn message(&self, strings: &Strings) -> String {
        let (key, args) = self.message_parts(strings);
        let template = strings.problems.get(key).copied().unwrap_or(key);
        fill(template, &args)
    }
}

/// A rule of JSON the text breaks (serde_json's syntax errors, which its own words never
/// reach the reader in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxError {
    /// Not a value where one belongs (`NaN`, `Infinity`, a stray comma).
    ExpectedValue,
    /// No `:` after a field's name.
    ExpectedColon,
    /// No `,` or `}` after a field.
    ExpectedCommaOrBrace,
    /// No `,` or `]` after an element of a list.
    ExpectedCommaOrBracket,
    /// A word that is not `true`, `false` or `null`.
    UnknownWord,
    /// A field's name not in double quotes (single quotes, a comment, a trailing comma).
    KeyMustBeString,
    /// A `\` followed by something JSON does not know.
    InvalidEscape,
    /// A number JSON cannot read (`01`, `1.`).
    InvalidNumber,
    /// A number too large to hold.
    NumberOutOfRange,
    /// A `\u` escape that is not a character.
    InvalidUnicode,
    /// A raw tab or line break inside a string.
    ControlCharacter,
    /// A comma before a closing bracket.
    TrailingComma,
    /// Text after the end of the document.
    TrailingCharacters,
    /// Anything else the parser refused.
    Other,
}

impl SyntaxError {
    /// Every rule, for tests.
    pub const ALL: [SyntaxError; 14] = [
        SyntaxError::ExpectedValue,
        SyntaxError::ExpectedColon,
        SyntaxError::ExpectedCommaOrBrace,
        SyntaxError::ExpectedCommaOrBracket,
        SyntaxError::UnknownWord,
        SyntaxError::KeyMustBeString,
        SyntaxError::InvalidEscape,
        SyntaxError::InvalidNumber,
        SyntaxError::NumberOutOfRange,
        SyntaxError::InvalidUnicode,
        SyntaxError::ControlCharacter,
        SyntaxError::TrailingComma,
        SyntaxError::TrailingCharacters,
        SyntaxError::Other,
    ];

    /// The locale key (`json_syntax`).
    pub fn key(self) -> &'static str {
        use SyntaxError::*;
        match self {
            ExpectedValue => "expected_value",
            ExpectedColon => "expected_colon",
            ExpectedCommaOrBrace => "expected_comma_or_brace",
            ExpectedCommaOrBracket => "expected_comma_or_bracket",
            UnknownWord => "unknown_word",
            KeyMustBeString => "key_must_be_string",
            InvalidEscape => "invalid_escape",
            InvalidNumber => "invalid_number",
            NumberOutOfRange => "number_out_of_range",
            InvalidUnicode => "invalid_unicode",
            ControlCharacter => "control_character",
            TrailingComma => "trailing_comma",
            TrailingCharacters => "trailing_characters",
            Other => "other",
        }
    }
}

/// A value found where another type belongs, as the reader is told it.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A string, as written.
    Text(String),
    /// A number, as written.
    Number(String),
    Bool(bool),
    Null,
    Array,
    Object,
    Other,
}

impl Found {
    /// `строка «много»`, `text “много”`.
    pub fn describe(&self, strings: &Strings) -> String {
        let t = |key| text_of(strings.json_found, key);
        match self {
            Found::Text(v) => fill(t("text"), std::slice::from_ref(v)),
            Found::Number(v) => fill(t("number"), std::slice::from_ref(v)),
            Found::Bool(b) => fill(t("bool"), &[b.to_string()]),
            Found::Null => t("null").to_string(),
            Found::Array => t("array").to_string(),
            Found::Object => t("object").to_string(),
            Found::Other => t("other").to_string(),
        }
    }
}

/// The type the format wants where a value of another stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    /// Any number.
    Number,
    /// A whole number, 0 or more.
    WholeNumber,
    /// A whole number.
    Integer,
    /// A string.
    Text,
    /// A list (`[…]`).
    List,
    /// A text in both languages: `{"ru": …, "en": …}`.
    Texts,
    /// An object (`{…}`).
    Object,
    /// Anything but a list: a list stands where the format has an object or a single value.
    ObjectOrValue,
    /// `true` or `false`.
    Bool,
    /// One of these words (empty: the list is not known).
    Word(Vec<String>),
    Other,
}

impl Expected {
    /// `число`, `a number`, `одно из слов: «high», «medium»`.
    pub fn describe(&self, strings: &Strings) -> String {
        let t = |key| text_of(strings.json_expected, key).to_string();
        match self {
            Expected::Number => t("number"),
            Expected::WholeNumber => t("whole_number"),
            Expected::Integer => t("integer"),
            Expected::Text => t("text"),
            Expected::List => t("list"),
            Expected::Texts => t("texts"),
            Expected::Object => t("object"),
            Expected::ObjectOrValue => t("object_or_value"),
            Expected::Bool => t("bool"),
            Expected::Word(words) if words.is_empty() => t("any_word"),
            Expected::Word(words) => fill(&t("word"), &[quoted_list(strings, words)]),
            Expected::Other => t("other"),
        }
    }
}

/// The text for `key`, or the key itself if a locale lacks it (a test says none does).
fn text_of(texts: Texts, key: &str) -> &'static str {
    texts.get(key).copied().unwrap_or("")
}

/// Words of the file, each in the reader's quotes, separated by commas: «federal», «regional».
fn quoted_list(strings: &Strings, words: &[String]) -> String {
    words
        .iter()
        .map(|w| fill(strings.quoted, std::slice::from_ref(w)))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Problem {
    /// `12:5: events[3].date: message` — how the command line prints a problem, one line of
    /// `file:line:column: path: message` that editors and tools read (the whole file is `.`).
    pub fn describe(&self, strings: &Strings) -> String {
        self.described(strings, &self.path)
    }

    /// The same for the page's reader: a problem of the whole file is placed in words
    /// (`(весь файл): файл пуст`), not by the bare path `.`.
    pub fn describe_for_reader(&self, strings: &Strings) -> String {
        let path = if self.path == "." {
            strings.whole_file
        } else {
            &self.path
        };
        self.described(strings, path)
    }

    fn described(&self, strings: &Strings, path: &str) -> String {
        let at = self
            .pos
            .map(|p| format!("{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        format!("{at}{path}: {}", self.kind.message(strings))
    }
}

/// Replaces `{0}`, `{1}`, … in a template with the arguments.
pub fn fill(template: &str, args: &[String]) -> String {
    args.iter()
        .enumerate()
        .fold(template.to_string(), |text, (i, arg)| {
            text.replace(&format!("{{{i}}}"), arg)
        })
}

/// Every kind of problem, with payloads like those a file gives (every syntax rule, every
/// found and expected type): what the locale tests and the message tests render. A new kind
/// belongs here too.
pub fn samples() -> Vec<ProblemKind> {
    use ProblemKind::*;
    let s = |text: &str| text.to_string();
    let words = || vec![s("high"), s("medium"), s("derived")];
    let mut kinds = vec![
        NotUtf8,
        EmptyFile,
        TooLarge {
            bytes: 16_778_222,
            limit: 16 * 1024 * 1024,
        },
        TooLarge {
            bytes: 16_778_221,
            limit: 16 * 1024 * 1024,
        },
        UnexpectedEnd,
        TooDeep,
        MissingField(s("level")),
        UnknownValue {
            found: s("municipal"),
            allowed: vec![s("federal"), s("regional")],
        },
        DuplicateField(s("id")),
        Shape(s(
            "invalid length 1, expected struct RawText with 2 elements",
        )),
        UnsupportedSchemaVersion(3),
        DuplicateId(s("morion-digital")),
        UnknownPark(s("morion")),
        UnknownMetric(s("area")),
        UnknownSource(s("rbc")),
        BadDate(s("19-10")),
        ImpossibleDate(s("2019-02-30")),
        DateAfterUpdate {
            date: s("2027-01-01"),
            updated: s("2026-11-26"),
        },
        StatusBeforeOpened {
            date: s("2015"),
            opened: s("2016"),
        },
        StatusOutOfOrder {
            date: s("2022"),
            previous: s("2023-01-12"),
        },
        StatusUnchanged(State::Open),
        StatusUnchanged(State::Suspended),
        StatusUnchanged(State::Closed),
        ClosedIsNowStatus,
        Negative(-12.5),
        BadRank(2.5),
        MissingTranslation(Lang::Ru),
        MissingTranslation(Lang::En),
        Empty,
        NoSource,
        BadUrl(s("javascript:alert(1)")),
        BadColor(s("blue")),
        NoParks,
        UnknownField,
    ];
    kinds.extend(SyntaxError::ALL.map(Syntax));
    let found = [
        Found::Text(s("много")),
        Found::Number(s("2018")),
        Found::Bool(true),
        Found::Null,
        Found::Array,
        Found::Object,
        Found::Other,
    ];
    let expected = [
        Expected::Number,
        Expected::WholeNumber,
        Expected::Integer,
        Expected::Text,
        Expected::List,
        Expected::Texts,
        Expected::Object,
        Expected::ObjectOrValue,
        Expected::Bool,
        Expected::Word(words()),
        Expected::Word(Vec::new()),
        Expected::Other,
    ];
    for (i, found) in found.iter().enumerate() {
        for expected in expected.iter().skip(i % 2).step_by(2) {
            kinds.push(WrongType {
                found: found.clone(),
                expected: expected.clone(),
            });
        }
    }
    kinds
}

/// A message for each problem kind exists in both languages.
pub fn all_keys() -> Vec<&'static str> {
    samples().iter().map(ProblemKind::key).collect()
}

/// Problems in the order of the file.
pub fn sort_by_position(problems: &mut [Problem]) {
    problems.sort_by_key(|p| p.pos);
}
