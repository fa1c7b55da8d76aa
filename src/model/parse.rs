//! From bytes to [`RawDataset`]: the first syntax or shape error, with its path and line:column.

use std::collections::HashMap;

use serde::Deserialize as _;

use super::problem::{Expected, Found, Pos, Problem, ProblemKind, SyntaxError};
use super::raw::RawDataset;

/// Parses the file's bytes. Fails with the first problem: bytes, syntax, or shape.
///
/// This is what the app runs: it does not track unknown fields, whose tracking doubles the
/// deserialisation code shipped to the browser.
pub fn parse_raw(bytes: &[u8]) -> Result<RawDataset, Problem> {
    let text = checked_text(bytes)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let raw = RawDataset::deserialize(&mut de).map_err(|e| shape_problem(text, &e))?;
    de.end().map_err(|e| to_problem(text, ".".into(), &e))?;
    Ok(raw)
}

/// Like [`parse_raw`], and also returns the paths of fields the format does not know (a
/// misspelt field is a warning: the rest of the file is still good). For the validator.
pub fn parse_raw_noting_unknown(bytes: &[u8]) -> Result<(RawDataset, Vec<String>), Problem> {
    let text = checked_text(bytes)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let mut unknown = Vec::new();
    let mut note = |path: serde_ignored::Path<'_>| unknown.push(ignored_path(&path));
    let noting = serde_ignored::Deserializer::new(&mut de, &mut note);
    let raw = RawDataset::deserialize(noting).map_err(|e| shape_problem(text, &e))?;
    de.end().map_err(|e| to_problem(text, ".".into(), &e))?;
    Ok((raw, unknown))
}

/// The file as text, once it is known to be small enough, UTF-8, not empty, an object, and
/// not nested too deep; a BOM is dropped.
fn checked_text(bytes: &[u8]) -> Result<&str, Problem> {
    if bytes.len() > MAX_BYTES {
        return Err(Problem {
            path: ".".into(),
            pos: None,
            kind: ProblemKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_BYTES,
            },
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        // from_utf8 just said this prefix is valid.
        let prefix = std::str::from_utf8(valid).unwrap_or_default();
        let prefix = prefix.strip_prefix('\u{feff}').unwrap_or(prefix);
        Problem {
            path: ".".into(),
            pos: Some(end_position(prefix)),
            kind: ProblemKind::NotUtf8,
        }
    })?;
    // A byte-order mark is harmless: editors on Windows add it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem {
            path: ".".into(),
            pos: None,
            kind: ProblemKind::EmptyFile,
        });
    }
    // serde_json skips unknown fields without its depth limit; refuse deep nesting first, so
    // that nothing downstream (the position scanner included) recurses without bound.
    if let Some(pos) = too_deep_at(text) {
        return Err(Problem {
            path: ".".into(),
            pos: Some(pos),
            kind: ProblemKind::TooDeep,
        });
    }
    // serde would read an array as the fields of the dataset, in order; the file is an object.
    if text.trim_start().starts_with('[') {
        let blank = text.len() - text.trim_start().len();
        return Err(Problem {
            path: ".".into(),
            pos: Some(end_position(&text[..blank])),
            kind: ProblemKind::WrongType {
                found: Found::Array,
                expected: Expected::ObjectOrValue,
            },
        });
    }
    Ok(text)
}

/// `events[3].colour`, in the same notation as every other path.
fn ignored_path(path: &serde_ignored::Path) -> String {
    use serde_ignored::Path;
    match path {
        Path::Root => String::new(),
        Path::Seq { parent, index } => format!("{}[{index}]", ignored_path(parent)),
        Path::Map { parent, key } => match ignored_path(parent) {
            p if p.is_empty() => key.clone(),
            p => format!("{p}.{key}"),
        },
        Path::Some { parent }
        | Path::NewtypeStruct { parent }
        | Path::NewtypeVariant { parent } => ignored_path(parent),
    }
}

/// A problem serde found, with the path of the value it was reading: the innermost value
/// whose text holds the place serde stopped at (for a missing field, the object's closing
/// brace; at the end of a cut file, the value it cuts).
fn shape_problem(text: &str, e: &serde_json::Error) -> Problem {
    let path = (e.line() > 0)
        .then(|| path_at(text, e.line(), e.column()))
        .flatten()
        .unwrap_or_else(|| ".".into());
    to_problem(text, path, e)
}

/// The path of the innermost value that holds byte `column` (1-based, serde_json's count) of
/// line `line`.
fn path_at(text: &str, line: usize, column: usize) -> Option<String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - body.len();
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    // serde_json's place past the last byte (a cut file) is the last byte's value.
    let at = (line_start + column.saturating_sub(1))
        .checked_sub(bom)?
        .min(body.len().saturating_sub(1));
    let spans = scan_spans(body);
    spans
        .iter()
        .filter(|(_, start, end)| *start <= at && at < *end)
        .max_by_key(|(_, start, _)| *start)
        .map(|(path, _, _)| {
            if path.is_empty() {
                ".".into()
            } else {
                path.clone()
            }
        })
}

/// The largest file the app reads: room for the benchmark's scale dataset (200 parks × 20
/// years, 5 000 events: about 6 MB, a hundred times today's), refusing anything absurd.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// How deep arrays and objects may nest; serde_json's own limit for what it reads.
pub const MAX_DEPTH: usize = 128;

/// Where nesting first exceeds [`MAX_DEPTH`], if it does. Counts brackets outside strings.
fn too_deep_at(text: &str) -> Option<Pos> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut pos = Pos { line: 1, column: 1 };
    for c in text.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else {
            match c {
                '"' => in_string = true,
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(pos);
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        if c == '\n' {
            pos.line += 1;
            pos.column = 1;
        } else {
            pos.column += 1;
        }
    }
    None
}

fn to_problem(text: &str, path: String, e: &serde_json::Error) -> Problem {
    let pos = (e.line() > 0).then(|| char_position(text, e.line(), e.column()));
    let message = strip_position(&e.to_string());
    let kind = match e.classify() {
        serde_json::error::Category::Eof => ProblemKind::UnexpectedEnd,
        serde_json::error::Category::Syntax if message.contains("recursion limit") => {
            ProblemKind::TooDeep
        }
        serde_json::error::Category::Syntax => {
            let error = syntax_error(&message);
            // serde_json reads a word from a fixed list (level, kind, confidence…) only from a
            // string, and calls anything else "expected value": if a well-formed value is
            // there (`true`, `2`, `null`, `[…]`), the JSON is fine and the type is wrong.
            let at = (e.line() > 0).then(|| byte_offset(text, e.line(), e.column()));
            match at.and_then(|at| value_at(text, at).map(|found| (at, found))) {
                Some((at, found)) if error == SyntaxError::ExpectedValue => {
                    ProblemKind::WrongType {
                        found,
                        expected: Expected::Word(words_allowed_at(text, at)),
                    }
                }
                _ => ProblemKind::Syntax(error),
            }
        }
        _ => match classify_shape(&message) {
            // serde names the text it found with `Debug`, which the browser's build leaves out
            // (`-Zfmt-debug=none`, xtask/src/dist.rs): the text is read from the file.
            ProblemKind::WrongType {
                found: Found::Text(_),
                expected,
            } => {
                let at = (e.line() > 0).then(|| byte_offset(text, e.line(), e.column()));
                ProblemKind::WrongType {
                    found: at
                        .and_then(|at| string_closing_at(text, at))
                        .map_or(Found::Other, Found::Text),
                    expected,
                }
            }
            kind => kind,
        },
    };
    Problem { path, pos, kind }
}

/// The JSON string whose closing quote is at byte `at`, where serde_json stops once it has
/// read a string of the wrong type, decoded.
fn string_closing_at(text: &str, at: usize) -> Option<String> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    // Back to the opening quote: the first one not escaped (after an even run of backslashes).
    let start = (0..at).rev().find(|&i| {
        bytes[i] == b'"' && bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count() % 2 == 0
    })?;
    Some(Scanner::new(text.get(start..=at)?, false).string())
}

/// serde_json's syntax messages, each a rule of JSON the reader is told in their language.
fn syntax_error(message: &str) -> SyntaxError {
    use SyntaxError::*;
    match message {
        "expected value" => ExpectedValue,
        "expected `:`" => ExpectedColon,
        "expected `,` or `}`" => ExpectedCommaOrBrace,
        "expected `,` or `]`" => ExpectedCommaOrBracket,
        "expected ident" => UnknownWord,
        "expected `\"`" | "key must be a string" => KeyMustBeString,
        "invalid escape" => InvalidEscape,
        "invalid number" => InvalidNumber,
        "number out of range" => NumberOutOfRange,
        "trailing comma" => TrailingComma,
        "trailing characters" => TrailingCharacters,
        m if m.starts_with("control character") => ControlCharacter,
        m if m.contains("unicode") || m.contains("surrogate") || m.contains("hex escape") => {
            InvalidUnicode
        }
        _ => Other,
    }
}

/// The byte offset of serde_json's (line, byte column), 1-based, in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// The well-formed JSON value that starts at byte `at`, if one does: what serde_json would
/// have read there.
fn value_at(text: &str, at: usize) -> Option<Found> {
    let rest = text.get(at..)?;
    let word_ends = |w: &str| {
        rest.strip_prefix(w)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
    };
    if word_ends("true") {
        return Some(Found::Bool(true));
    }
    if word_ends("false") {
        return Some(Found::Bool(false));
    }
    if word_ends("null") {
        return Some(Found::Null);
    }
    if rest.starts_with('[') {
        return Some(Found::Array);
    }
    if rest.starts_with('{') {
        return Some(Found::Object);
    }
    let number: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E'))
        .collect();
    is_json_number(&number).then_some(Found::Number(number))
}

/// Whether `number` is a JSON number: a minus sign or none, an integer part (no leading zero
/// but `0` itself), then a fraction and an exponent or neither. Checked by its grammar, not by
/// parsing it: Rust's float parser and its tables cost the WASM 5 KB brotli for this one check
/// (bench/LOG.md, stop 42).
fn is_json_number(number: &str) -> bool {
    let bytes = number.as_bytes();
    let mut at = usize::from(bytes.first() == Some(&b'-'));
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        *at > start
    };
    match bytes.get(at) {
        Some(b'0') => at += 1,
        Some(b'1'..=b'9') => {
            digits(&mut at);
        }
        _ => return false,
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        if !digits(&mut at) {
            return false;
        }
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(bytes.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        if !digits(&mut at) {
            return false;
        }
    }
    at == bytes.len()
}

/// The words allowed where a value of the wrong type stands in `text` at byte `at`: read
/// from serde's own list, by putting an empty word in the value's place.
fn words_allowed_at(text: &str, at: usize) -> Vec<String> {
    let Some(value) = value_at(text, at) else {
        return Vec::new();
    };
    let len = match value {
        Found::Bool(true) | Found::Null => 4,
        Found::Bool(false) => 5,
        Found::Number(n) => n.len(),
        // A list or an object: its end is not needed, serde stops at the empty word first.
        _ => 1,
    };
    let probe = format!("{}\"\"{}", &text[..at], &text[at + len..]);
    match RawDataset::deserialize(&mut serde_json::Deserializer::from_str(&probe)) {
        Err(e) => match classify_shape(&strip_position(&e.to_string())) {
            ProblemKind::UnknownValue { allowed, .. } => allowed,
            _ => Vec::new(),
        },
        Ok(_) => Vec::new(),
    }
}

/// serde's data messages, taken apart: the names of fields and allowed words are the file's
/// own and are kept; serde's and Rust's words for types become [`Found`] and [`Expected`].
fn classify_shape(message: &str) -> ProblemKind {
    let between_ticks = |s: &str| s.split('`').nth(1).unwrap_or_default().to_string();
    if let Some(rest) = message.strip_prefix("missing field ") {
        ProblemKind::MissingField(between_ticks(rest))
    } else if let Some(rest) = message.strip_prefix("duplicate field ") {
        ProblemKind::DuplicateField(between_ticks(rest))
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let allowed = rest
            .split_once(", expected ")
            .map(|(_, list)| ticked_words(list))
            .unwrap_or_default();
        ProblemKind::UnknownValue {
            found: between_ticks(rest),
            allowed,
        }
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        ProblemKind::WrongType {
            found: found_of(found),
            expected: expected_of(expected),
        }
    } else if let Some(rest) = message.strip_prefix("invalid length ") {
        let expected = rest.split_once(", expected ").map_or("", |(_, e)| e);
        ProblemKind::WrongType {
            found: Found::Array,
            expected: expected_of(expected),
        }
    } else {
        ProblemKind::Shape(message.to_string())
    }
}

/// `` `a` or `b` ``, `` one of `a`, `b`, `c` ``: the words between backticks.
fn ticked_words(list: &str) -> Vec<String> {
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// serde's description of the value it found (`string "x"`, `` integer `1` ``, `sequence`).
fn found_of(text: &str) -> Found {
    let ticked = || text.split('`').nth(1).unwrap_or_default().to_string();
    if text.starts_with("string ") {
        // The text itself is read from the file (`string_closing_at`).
        Found::Text(String::new())
    } else if text.starts_with("integer ") || text.starts_with("floating point ") {
        Found::Number(ticked())
    } else if let Some(b) = text.strip_prefix("boolean ") {
        Found::Bool(b.contains("true"))
    } else {
        match text {
            "null" => Found::Null,
            "sequence" => Found::Array,
            "map" => Found::Object,
            _ => Found::Other,
        }
    }
}

/// What serde's visitor wanted, from the Rust type it names (`f64`, `struct RawText`).
fn expected_of(text: &str) -> Expected {
    match text {
        "f64" | "f32" => Expected::Number,
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Expected::WholeNumber,
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Expected::Integer,
        "a string" | "a borrowed string" | "string" | "a character" | "char" => Expected::Text,
        "a sequence" => Expected::List,
        "a boolean" => Expected::Bool,
        "a map" | "map" => Expected::Object,
        t if t.starts_with("struct RawText") => Expected::Texts,
        t if t.starts_with("struct ") => Expected::Object,
        t if t.contains('`') => Expected::Word(ticked_words(t)),
        t if t.starts_with("enum ") || t.starts_with("variant identifier") => {
            Expected::Word(Vec::new())
        }
        _ => Expected::Other,
    }
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// serde_json counts columns in bytes, up to the offending one; readers count characters.
fn char_position(text: &str, line: usize, byte_column: usize) -> Pos {
    let line_text = text
        .split('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default();
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end += 1;
    }
    Pos {
        line,
        column: line_text[..end].chars().count().max(1),
    }
}

fn end_position(prefix: &str) -> Pos {
    let line = prefix.matches('\n').count() + 1;
    let last = prefix.rsplit('\n').next().unwrap_or_default();
    Pos {
        line,
        column: last.chars().count() + 1,
    }
}

/// Where each value of a well-formed JSON text starts, by path (`events[3].date`).
///
/// Validation works on typed values and knows paths, not places; this map gives them places.
pub fn value_positions(text: &str) -> HashMap<String, Pos> {
    scan(text).positions
}

/// What a scan of a well-formed JSON text finds: where each value starts, and which are arrays.
pub struct Scan {
    pub positions: HashMap<String, Pos>,
    /// Paths whose value is an array, in file order (`""` for the whole document).
    pub arrays: Vec<String>,
}

/// Scans a JSON text that serde has already read (so it is well-formed and not too deep).
pub fn scan(text: &str) -> Scan {
    let mut scanner = Scanner::new(text.strip_prefix('\u{feff}').unwrap_or(text), false);
    scanner.value(String::new());
    Scan {
        positions: scanner.out,
        arrays: scanner.arrays,
    }
}

/// Every value's path and byte range `[start, end)` in `text` (no BOM). Also reads text that is
/// not well-formed after some point (where serde stopped), always to its end.
fn scan_spans(text: &str) -> Vec<(String, usize, usize)> {
    let mut scanner = Scanner::new(text, true);
    scanner.value(String::new());
    scanner.spans.unwrap_or_default()
}

/// Lists in the format. An array anywhere else is a mistake that serde would quietly read as
/// the fields of an object, in order.
const LIST_FIELDS: [&str; 7] = [
    "sources",
    "parks",
    "metrics",
    "observations",
    "events",
    "status",
    "unknowns",
];

/// A quick look, without building paths: whether any array is not the value of a list field
/// (by its raw key). `false` means [`misplaced_arrays`] would find nothing; `true` means it
/// must look (a key written with escapes is only decoded there).
pub fn may_have_misplaced_array(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Per open container: whether it is an object.
    let mut objects: Vec<bool> = Vec::new();
    let mut last_string = (0, 0);
    let mut key: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                last_string = (start, i.min(bytes.len()));
            }
            b':' => key = Some(last_string),
            b',' => key = None,
            b'{' => {
                objects.push(true);
                key = None;
            }
            b'[' => {
                let listed = objects.last() == Some(&true)
                    && key.is_some_and(|(s, e)| {
                        text.get(s..e).is_some_and(|k| LIST_FIELDS.contains(&k))
                    });
                if !listed {
                    return true;
                }
                objects.push(false);
            }
            b'}' | b']' => {
                objects.pop();
                key = None;
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Arrays where the format has objects or single values (`"meta": [...]`, a file in `[ ]`).
pub fn misplaced_arrays(scan: &Scan) -> Vec<Problem> {
    let mut outermost: Vec<&String> = Vec::new();
    for path in &scan.arrays {
        let last = path.rsplit('.').next().unwrap_or_default();
        // Arrays come in file order: one inside a reported array is the same mistake.
        let inside = outermost
            .iter()
            .any(|outer| path.starts_with(outer.as_str()));
        if !LIST_FIELDS.contains(&last) && !inside {
            outermost.push(path);
        }
    }
    outermost
        .into_iter()
        .map(|path| {
            let shown = if path.is_empty() { "." } else { path.as_str() };
            Problem {
                path: shown.to_string(),
                pos: scan.positions.get(shown).copied(),
                kind: ProblemKind::WrongType {
                    found: Found::Array,
                    expected: Expected::ObjectOrValue,
                },
            }
        })
        .collect()
}

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
    /// Bytes read so far.
    offset: usize,
    out: HashMap<String, Pos>,
    arrays: Vec<String>,
    /// Each value's path and byte range, when asked for (`scan_spans`).
    spans: Option<Vec<(String, usize, usize)>>,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, spans: bool) -> Self {
        Scanner {
            chars: text.chars().peekable(),
            pos: Pos { line: 1, column: 1 },
            offset: 0,
            out: HashMap::new(),
            arrays: Vec::new(),
            spans: spans.then(Vec::new),
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.pos.line += 1;
            self.pos.column = 1;
        } else {
            self.pos.column += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    fn value(&mut self, path: String) {
        self.skip_ws();
        let start = self.offset;
        if self.spans.is_none() {
            let shown = if path.is_empty() {
                ".".to_string()
            } else {
                path.clone()
            };
            self.out.insert(shown, self.pos);
        }
        self.value_body(&path);
        // A stray bracket or comma where a value belongs: step over it (text past serde's
        // stopping point need not be well-formed), so every call makes progress.
        if self.offset == start && self.chars.peek().is_some() {
            self.bump();
        }
        let end = self.offset;
        if let Some(spans) = &mut self.spans {
            spans.push((path, start, end));
        }
    }

    fn value_body(&mut self, path: &str) {
        match self.chars.peek() {
            Some('{') => self.object(path),
            Some('[') => {
                self.arrays.push(path.to_string());
                self.array(path)
            }
            Some('"') => {
                self.string();
            }
            Some(_) => {
                while self
                    .chars
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.bump();
                }
            }
            None => {}
        }
    }

    fn object(&mut self, path: &str) {
        self.bump();
        loop {
            self.skip_ws();
            match self.chars.peek() {
                Some('"') => {
                    let key = self.string();
                    self.skip_ws();
                    self.bump(); // ':'
                    let child = if path.is_empty() {
                        key
                    } else {
                        format!("{path}.{key}")
                    };
                    self.value(child);
                    self.skip_ws();
                    if self.chars.peek() == Some(&',') {
                        self.bump();
                    }
                }
                Some('}') | None => {
                    self.bump();
                    return;
                }
                Some(_) => {
                    self.bump();
                }
            }
        }
    }

    fn array(&mut self, path: &str) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_ws();
            match self.chars.peek() {
                Some(']') | None => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                Some(_) => {
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                }
            }
        }
    }

    fn string(&mut self) -> String {
        self.bump();
        let mut out = String::new();
        while let Some(c) = self.bump() {
            match c {
                '"' => break,
                '\\' => match self.bump() {
                    Some('u') => out.push(self.unicode_escape()),
                    Some('n') => out.push('\n'),
                    Some('t') => out.push('\t'),
                    Some('r') => out.push('\r'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some(other) => out.push(other),
                    None => break,
                },
                c => out.push(c),
            }
        }
        out
    }

    /// The character after `\u`: four hex digits, or a surrogate pair of two escapes.
    fn unicode_escape(&mut self) -> char {
        let first = self.hex4();
        if (0xD800..0xDC00).contains(&first) && self.chars.peek() == Some(&'\\') {
            self.bump();
            self.bump(); // 'u'
            let second = self.hex4();
            let code = 0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF);
            return char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        }
        char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    fn hex4(&mut self) -> u32 {
        (0..4).fold(0, |acc, _| {
            let digit = self.bump().and_then(|c| c.to_digit(16)).unwrap_or(0);
            acc * 16 + digit
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_by_their_grammar() {
        for yes in [
            "0", "-0", "7", "2018", "-12", "0.5", "86000.25", "1e5", "1E+5", "-2.5e-3",
        ] {
            assert!(is_json_number(yes), "{yes}");
        }
        for no in [
            "", "-", "01", "1.", ".5", "+1", "1e", "1e+", "1.2.3", "--1", "1-2", "e5",
        ] {
            assert!(!is_json_number(no), "{no}");
        }
    }

    #[test]
    fn a_string_of_the_wrong_type_is_quoted_from_the_file_escapes_and_all() {
        let text = "{\"a\": [1, \"x \\\"y\\\" \\\\ \\u00e9\"]}";
        let error = serde_json::from_str::<std::collections::HashMap<String, Vec<f64>>>(text)
            .expect_err("a string is not a number");
        let problem = to_problem(text, "a[1]".into(), &error);
        assert_eq!(
            problem.kind,
            ProblemKind::WrongType {
                found: Found::Text("x \"y\" \\ é".into()),
                expected: Expected::Number,
            }
        );
    }

    #[test]
    fn the_quick_look_never_misses_a_misplaced_array() {
        let cases = [
            (
                "{\"sources\": [], \"events\": [{\"parks\": [\"a\"]}]}",
                false,
            ),
            ("{\"meta\": [1]}", true),
            ("{\"events\": [[1]]}", true),
            ("{\"a\": {\"b\": \"[x]\"}, \"sources\": []}", false),
            ("{\"a\": \"\\\"\", \"note\": [\"x\"]}", true),
            ("{\"sour\\u0063es\": []}", true),
            ("{\"events\": [{\"id\": 1}, {\"title\": [\"x\"]}]}", true),
        ];
        for (text, expected) in cases {
            assert_eq!(may_have_misplaced_array(text), expected, "{text}");
            if !expected {
                assert!(misplaced_arrays(&scan(text)).is_empty(), "{text}");
            }
        }
        // An escaped key is only decoded by the full scan, which finds nothing wrong.
        assert!(misplaced_arrays(&scan("{\"sour\\u0063es\": []}")).is_empty());
        let real = include_str!("../../public/data/technoparks.json");
        assert!(!may_have_misplaced_array(real));
    }

    #[test]
    fn positions_follow_paths_into_objects_and_arrays() {
        let text = "{\n  \"a\": [1, {\"b\": \"ü\"}],\n  \"c\": {\"d\": null}\n}";
        let map = value_positions(text);
        assert_eq!(map["."], Pos { line: 1, column: 1 });
        assert_eq!(map["a"], Pos { line: 2, column: 8 });
        assert_eq!(
            map["a[1].b"],
            Pos {
                line: 2,
                column: 18
            }
        );
        assert_eq!(
            map["c.d"],
            Pos {
                line: 3,
                column: 14
            }
        );
    }

    #[test]
    fn syntax_error_has_character_column_not_byte_column() {
        // Cyrillic letters are two bytes each: the column must count them once.
        let err = parse_raw("{\"ё\": Ж}".as_bytes()).unwrap_err();
        assert!(matches!(err.kind, ProblemKind::Syntax(_)));
        assert_eq!(err.pos, Some(Pos { line: 1, column: 7 }));
    }
}
