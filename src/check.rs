//! The editors' check page (`check.html`, drawn by `ui::check`): what it says about a file,
//! computed here, natively tested. The problems themselves come from the same core as the
//! app's and `validate-data`'s (`model::check_dataset`); this adds the file's line each one is
//! on and the count («3 ошибки, 1 предупреждение»). Pure: no browser.

use crate::format::{counted, ReferenceTypography};
use crate::i18n::Strings;
use crate::model::{Pos, ProblemKind};

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
    /// The line before, when the place is the line's first character: a comma missing at the
    /// end of a line is found at the start of the next (its end, cut as `before` is).
    pub previous: Option<String>,
}

/// The line at `pos` in `text` (the file as read: a BOM is not a column, a CR ends no line);
/// `None` when the file has no such line.
pub fn excerpt(text: &str, pos: Pos) -> Option<Excerpt> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let index = pos.line.checked_sub(1)?;
    let previous = index.checked_sub(1).and_then(|i| lines.nth(i));
    let line = lines.next()?;
    let chars: Vec<char> = line.chars().collect();
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
    let first = chars.iter().position(|c| !c.is_whitespace());
    let previous = previous
        .filter(|_| first.is_none_or(|first| at <= first))
        .map(|p| {
            let p: Vec<char> = p.chars().collect();
            let start = p.len().saturating_sub(2 * EXCERPT_REACH);
            let tail: String = p[start..].iter().collect();
            if start > 0 {
                format!("…{tail}")
            } else {
                tail
            }
        });
    Some(Excerpt {
        line: pos.line,
        before,
        at: piece(at, (at + 1).min(chars.len())),
        after,
        previous,
    })
}

/// Whether a problem stopped the reading of the file (the JSON itself, or a value of the wrong
/// shape): then it is the only one listed, and the next show once it is fixed.
pub fn stops_reading(kind: &ProblemKind) -> bool {
    use ProblemKind::*;
    matches!(
        kind,
        NotUtf8
            | EmptyFile
            | TooLarge { .. }
            | UnexpectedEnd
            | Syntax(_)
            | TooDeep
            | MissingField(_)
            | WrongType { .. }
            | UnknownValue { .. }
            | DuplicateField(_)
            | Shape(_)
    )
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
    fn a_place_at_a_line_start_shows_the_line_before() {
        let text = "{\n  \"value\": 86000\n  \"date\": \"2019\"\n}";
        let e = excerpt(text, at(3, 3)).unwrap();
        assert_eq!(e.previous.as_deref(), Some("  \"value\": 86000"));
        assert_eq!(
            excerpt(text, at(3, 1)).unwrap().previous.as_deref(),
            Some("  \"value\": 86000")
        );
        // Not past the line's first character, nor on the first line.
        assert_eq!(excerpt(text, at(3, 4)).unwrap().previous, None);
        assert_eq!(excerpt(text, at(1, 1)).unwrap().previous, None);
        let long = format!("{}\n\"x\"", "a".repeat(500));
        let e = excerpt(&long, at(2, 1)).unwrap();
        assert_eq!(e.previous.unwrap().chars().count(), 2 * EXCERPT_REACH + 1);
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
    fn parse_problems_stop_the_reading_and_validation_ones_do_not() {
        use crate::model::load_dataset;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad/");
        let kind = |file: &str| {
            load_dataset(&std::fs::read(format!("{dir}{file}")).unwrap())
                .unwrap_err()
                .remove(0)
                .kind
        };
        for file in [
            "trailing_comma.json",
            "missing_level.json",
            "unknown_level.json",
            "empty.json",
            "duplicate_key.json",
            "wrong_type_value_string.json",
        ] {
            assert!(stops_reading(&kind(file)), "{file}");
        }
        for file in [
            "bad_color.json",
            "dangling_park_ref.json",
            "month_13.json",
            "rank_zero.json",
        ] {
            assert!(!stops_reading(&kind(file)), "{file}");
        }
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

/// `check.html` made from the built `index.html` (its head names the hashed JS, WASM and
/// stylesheet): the title is the check page's, the explorer's description goes, the check
/// page's own stylesheet (`contract::CHECK_CSS`) is linked, and `mark`, where the first view
/// would go, becomes the check page's root (`contract::CHECK_ROOT`, where the WASM mounts it)
/// with a word for a browser without script. `None` when the page lacks the mark, a title or
/// a head.
#[cfg(not(target_arch = "wasm32"))]
pub fn check_page(index: &str, mark: &str) -> Option<String> {
    use crate::contract::{APP_STOPPED, CHECK_CSS, CHECK_ROOT};
    use crate::html::escape;
    use crate::i18n::{strings, Lang};
    use crate::static_page::with_stylesheet;

    let s = strings(Lang::Ru);
    let start = index.find("<title>")? + "<title>".len();
    let end = start + index[start..].find("</title>")?;
    let mut page = format!(
        "{}{} — {}{}",
        &index[..start],
        escape(s.check_title),
        escape(s.app_title),
        &index[end..]
    );
    if let Some(at) = page
        .find("name=description")
        .or_else(|| page.find("name=\"description\""))
    {
        let open = page[..at].rfind("<meta")?;
        let close = at + page[at..].find('>')? + 1;
        page.replace_range(open..close, "");
    }
    if !page.contains(mark) {
        return None;
    }
    let root = format!(
        "<div id=\"{CHECK_ROOT}\" data-stopped=\"{APP_STOPPED}\"></div><noscript><main class=\"check-noscript\"><h1>{}</h1><p>{}</p></main></noscript>",
        escape(s.check_title),
        escape(s.check_noscript)
    );
    Some(with_stylesheet(&page, CHECK_CSS)?.replacen(mark, &root, 1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod page_tests {
    use super::*;

    use crate::contract::{APP_STOPPED, CHECK_ROOT, FIRST_VIEW_MARK as MARK};

    #[test]
    fn the_check_page_is_the_built_page_with_its_own_root() {
        // As Trunk's release build minifies it.
        let index = "<!doctype html><html lang=ru><title>Технопарки Перми</title>\
            <meta content=\"Morion Digital и «Технопарк Пермь»\" name=description>\
            <link href=./style-1.css rel=stylesheet><script src=./boot.js type=module></script>\
            </head><body><template id=first-view></template></body></html>";
        let page = check_page(index, MARK).unwrap();
        assert!(page.contains("<title>Проверка файла данных — Технопарки Перми</title>"));
        assert!(!page.contains("description"));
        assert!(page.contains("<link href=./style-1.css rel=stylesheet><script src=./boot.js"));
        assert!(page.contains("<link rel=\"stylesheet\" href=\"check.css\"></head>"));
        let root = format!("<div id=\"{CHECK_ROOT}\" data-stopped=\"{APP_STOPPED}\"></div>");
        assert!(page.contains(&format!("<body>{root}<noscript>")));
        assert!(!page.contains(MARK));
        // The development page (not minified) too.
        let dev = "<html><head><title>T</title>\n<meta name=\"description\" content=\"x\" />\n</head><body>\n<template id=first-view></template>\n</body>";
        let page = check_page(dev, MARK).unwrap();
        assert!(!page.contains("description") && page.contains(&root));
        assert_eq!(check_page("<title>T</title></head>", MARK), None);
    }

    /// The development build's hook (`Trunk.toml`) writes `check.html` by text substitution
    /// (the static-pages binary would be compiled after every edit): with the same root.
    #[test]
    fn the_development_hook_writes_the_same_root() {
        use crate::contract::{CHECK_CSS, CHECK_ROOT};
        let trunk = include_str!("../Trunk.toml");
        assert!(
            trunk.contains(&format!("s|{MARK}|<div id={CHECK_ROOT}></div>|")),
            "{trunk}"
        );
        assert!(trunk.contains(&format!("href={CHECK_CSS}")), "{trunk}");
        assert!(trunk.contains("check.html"));
    }
}
