//! Size: a file too large is refused before it is read; the limit itself is allowed.

use perm_technoparks::format::{counted, ReferenceTypography};
use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::parse::MAX_BYTES;
use perm_technoparks::model::{check_dataset, load_dataset, Problem, ProblemKind::TooLarge};

use super::{listing, minimal_text, s};

/// The minimal dataset with `"padding": "xxx…"` (`n` letters) as its first field.
fn padded(n: usize) -> String {
    let padding = "x".repeat(n);
    minimal_text().replacen("{\n", &format!("{{\n  \"padding\": \"{padding}\",\n"), 1)
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
