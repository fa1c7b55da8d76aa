//! What can be wrong with a dataset, where, and how to say it in the reader's language.

use super::raw::State;
use super::validate::SCHEMA_VERSION;
use crate::i18n::{Lang, Strings};

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
    /// A JSON syntax error; the detail is the parser's own words.
    Syntax(String),
    /// Nested deeper than the parser allows.
    TooDeep,
    /// A required field is absent.
    MissingField(String),
    /// A value of the wrong JSON type (`found`, `expected` in the parser's words).
    WrongType {
        found: String,
        expected: String,
    },
    /// A word outside a fixed list (level, kind, confidence, unit).
    UnknownValue {
        found: String,
        allowed: String,
    },
    /// Any other shape error, in the parser's words.
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
    fn message_parts(&self) -> (&'static str, Vec<String>) {
        use ProblemKind::*;
        match self {
            NotUtf8 => ("not_utf8", vec![]),
            EmptyFile => ("empty_file", vec![]),
            TooLarge { bytes, limit } => ("too_large", vec![bytes.to_string(), limit.to_string()]),
            UnexpectedEnd => ("unexpected_end", vec![]),
            Syntax(d) => ("syntax", vec![d.clone()]),
            TooDeep => ("too_deep", vec![]),
            MissingField(f) => ("missing_field", vec![f.clone()]),
            WrongType { found, expected } => ("wrong_type", vec![found.clone(), expected.clone()]),
            UnknownValue { found, allowed } => {
                ("unknown_value", vec![found.clone(), allowed.clone()])
            }
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
            MissingTranslation(lang) => ("missing_translation", vec![lang.code().to_string()]),
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
        self.message_parts().0
    }

    /// The message in the reader's language, arguments filled in.
    pub fn message(&self, strings: &Strings) -> String {
        let (key, args) = self.message_parts();
        let template = strings.problems.get(key).copied().unwrap_or(key);
        fill(template, &args)
    }
}

impl Problem {
    /// `12:5: events[3].date: message` — how the app and the command line print a problem.
    pub fn describe(&self, strings: &Strings) -> String {
        let at = self
            .pos
            .map(|p| format!("{}:{}: ", p.line, p.column))
            .unwrap_or_default();
        format!("{at}{}: {}", self.path, self.kind.message(strings))
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

/// A message for each problem kind exists in both languages.
pub fn all_keys() -> Vec<&'static str> {
    use ProblemKind::*;
    let s = String::new;
    [
        NotUtf8,
        EmptyFile,
        TooLarge { bytes: 0, limit: 0 },
        UnexpectedEnd,
        Syntax(s()),
        TooDeep,
        MissingField(s()),
        WrongType {
            found: s(),
            expected: s(),
        },
        UnknownValue {
            found: s(),
            allowed: s(),
        },
        Shape(s()),
        UnsupportedSchemaVersion(0),
        DuplicateId(s()),
        UnknownPark(s()),
        UnknownMetric(s()),
        UnknownSource(s()),
        BadDate(s()),
        ImpossibleDate(s()),
        DateAfterUpdate {
            date: s(),
            updated: s(),
        },
        StatusBeforeOpened {
            date: s(),
            opened: s(),
        },
        StatusOutOfOrder {
            date: s(),
            previous: s(),
        },
        StatusUnchanged(State::Open),
        StatusUnchanged(State::Suspended),
        StatusUnchanged(State::Closed),
        ClosedIsNowStatus,
        Negative(0.0),
        BadRank(0.0),
        MissingTranslation(Lang::Ru),
        Empty,
        NoSource,
        BadUrl(s()),
        BadColor(s()),
        NoParks,
        UnknownField,
    ]
    .iter()
    .map(ProblemKind::key)
    .collect()
}

/// Problems in the order of the file.
pub fn sort_by_position(problems: &mut [Problem]) {
    problems.sort_by_key(|p| p.pos);
}
