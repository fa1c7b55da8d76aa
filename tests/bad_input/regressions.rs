//! Regressions found by the corpus that are not one file and its problems: a BOM before a bad
//! byte, a status in and out of order.

use perm_technoparks::model::{load_dataset, Pos, ProblemKind, State};

use super::{listing, minimal_text, s};

/// A BOM is not a column, also where a non-UTF-8 byte on line 1 is reported.
#[test]
fn bom_does_not_shift_the_column_of_a_bad_byte_on_line_one() {
    let plain = load_dataset(b"{\"a\xE9\"}").expect_err("not UTF-8");
    let with_bom = load_dataset(b"\xEF\xBB\xBF{\"a\xE9\"}").expect_err("not UTF-8");
    assert_eq!(plain[0].kind, ProblemKind::NotUtf8);
    assert_eq!(plain[0].pos, Some(Pos { line: 1, column: 4 }));
    assert_eq!(with_bom, plain);
}

/// The minimal dataset with a park suspended, resumed, then closed, each change sourced and
/// dated in order, loads with its status as written; the same changes out of their order in
/// the file do not.
#[test]
fn a_status_in_order_loads_and_each_change_is_kept() {
    let minimal = minimal_text();
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
        kinds.contains(&&ProblemKind::StatusUnchanged(State::Open))
            && kinds
                .iter()
                .any(|k| matches!(k, ProblemKind::StatusOutOfOrder { .. })),
        "{}",
        listing(&problems)
    );
}
