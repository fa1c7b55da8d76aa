//! The editors' check page (`check.html`, drawn by `ui::check`): what it says about a file,
//! computed here, natively tested. The problems themselves come from the same core as the
//! app's and `validate-data`'s (`model::check_dataset`); this adds the file's line each one is
//! on and the count («3 ошибки, 1 предупреждение»). Pure: no browser.

use crate::format::{counted, ReferenceTypography};
use crate::i18n::Strings;
use crate::model::Pos;

/// How many characters of a line are shown on each side of a problem's column: a minified
/// file is one line of a hundred thousand.
pub const EXCERPT_REACH: usize = 40;

/// The file's line where a problem is, cut around its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// 1-based, as the problem's position.
    pub line: usize,
    /// What comes before the column (`…` first when the line was cut).
    pub before: String,
    /// The character at the column; empty when the column is past the line's end (the file
    /// ended early, or a line break is where something else belongs).
    pub at: String,
    /// What comes after it (`…` last when cut).
    pub after: String,
}

/// The line at `pos` in `text` (the file as read: a BOM is not a column, a CR ends no line);
/// `None` when the file has no such line.
pub fn excerpt(text: &str, pos: Pos) -> Option<Excerpt> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let line = text.split('\n').nth(pos.line.checked_sub(1)?)?;
    let chars: Vec<char> = line.strip_suffix('\r').unwrap_or(line).chars().collect();
    let at = pos.column.saturating_sub(1).min(chars.len());
    let start = at.saturating_sub(EXCERPT_REACH);
    let end = (at + 1 + EXCERPT_REACH).min(chars.len());
    let piece = |from: usize, to: usize| chars[from..to].iter().collect::<String>();
    let mut before = piece(start, at);
    if start > 0 {
        before.insert(0, '…');
    }
    let mut after = piece((at + 1).min(chars.len()), end);
    if end < chars.len() {
        after.push('…');
    }
    Some(Excerpt {
        line: pos.line,
        before,
        at: piece(at, (at + 1).min(chars.len())),
        after,
    })
}

/// `3 ошибки, 1 предупреждение`, `1 problem, 0 warnings`.
pub fn tally(strings: &Strings, problems: usize, warnings: usize) -> String {
    let t = ReferenceTypography { lang: strings.lang };
    format!(
        "{}, {}",
        counted(&t, &strings.check_problems, problems as f64),
        counted(&t, &strings.check_warnings, warnings as f64)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{strings, Lang};

    fn at(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn the_line_is_cut_at_the_column() {
        let text = "{\n  \"a\": «много»,\r\n  \"b\": 1\n}";
        let e = excerpt(text, at(2, 8)).unwrap();
        assert_eq!(
            (e.line, e.before.as_str(), e.at.as_str(), e.after.as_str()),
            (2, "  \"a\": ", "«", "много»,")
        );
        assert_eq!(excerpt(text, at(5, 1)), None);
        assert_eq!(excerpt(text, at(0, 1)), None);
    }

    #[test]
    fn a_column_past_the_end_marks_nothing() {
        let e = excerpt("{\n  \"a\": [1,\n", at(2, 11)).unwrap();
        assert_eq!(
            (e.before.as_str(), e.at.as_str(), e.after.as_str()),
            ("  \"a\": [1,", "", "")
        );
    }

    #[test]
    fn a_bom_is_not_a_column() {
        let e = excerpt("\u{feff}{\"a\": 1}", at(1, 2)).unwrap();
        assert_eq!((e.before.as_str(), e.at.as_str()), ("{", "\""));
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line: String = (0..500)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let e = excerpt(&line, at(1, 250)).unwrap();
        assert_eq!(e.before.chars().count(), EXCERPT_REACH + 1);
        assert!(e.before.starts_with('…') && e.after.ends_with('…'));
        assert_eq!(e.at, line[249..250]);
        assert_eq!(e.after.chars().count(), EXCERPT_REACH + 1);
        let e = excerpt(&line, at(1, 1)).unwrap();
        assert!(!e.before.starts_with('…'));
    }

    #[test]
    fn counts_take_the_plural_forms() {
        let ru = strings(Lang::Ru);
        assert_eq!(tally(ru, 3, 1), "3\u{a0}ошибки, 1\u{a0}предупреждение");
        assert_eq!(tally(ru, 5, 2), "5\u{a0}ошибок, 2\u{a0}предупреждения");
        assert_eq!(tally(ru, 21, 11), "21\u{a0}ошибка, 11\u{a0}предупреждений");
        assert_eq!(tally(ru, 0, 0), "0\u{a0}ошибок, 0\u{a0}предупреждений");
        let en = strings(Lang::En);
        assert_eq!(tally(en, 3, 1), "3 problems, 1 warning");
        assert_eq!(tally(en, 1, 0), "1 problem, 0 warnings");
    }
}
