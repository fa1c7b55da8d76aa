//! How a problem is told on one line (`line:column: path: message`), for every problem and
//! warning of the corpus; the messages themselves are in the expect files.

use perm_technoparks::i18n::{strings, Lang};
use perm_technoparks::model::check_dataset;

use super::{fixtures, read};

#[test]
fn every_problem_is_described_as_place_path_and_message() {
    let mut told = 0;
    for file in fixtures() {
        let checked = check_dataset(&read(&file));
        let errors = checked.outcome.err().unwrap_or_default();
        for p in errors.iter().chain(&checked.warnings) {
            for lang in [Lang::Ru, Lang::En] {
                let message = p.kind.message(strings(lang));
                // No place: no `line:column: ` prefix (the whole file is `.`).
                let want = match p.pos {
                    Some(at) => format!("{}:{}: {}: {message}", at.line, at.column, p.path),
                    None => format!("{}: {message}", p.path),
                };
                assert_eq!(p.describe(strings(lang)), want, "{file} {lang:?}");
            }
            told += 1;
        }
    }
    assert!(told >= 70, "only {told} problems in the corpus");
}
