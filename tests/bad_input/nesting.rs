//! `{"x": [[[[…10 000…]]]], "schema_version": 1, …}`: an ignored field nested far too deep.
//!
//! A stack overflow aborts the whole test binary, so the check runs in a child process and
//! the test reports how it ended.

use perm_technoparks::model::{load_dataset, ProblemKind};

use super::{listing, minimal_text};

/// Set in the child process that runs [`deep_nesting_child`].
const DEEP_CHILD: &str = "BAD_INPUT_DEEP_CHILD";

#[test]
fn nesting_ten_thousand_deep_is_too_deep() {
    let exe = std::env::current_exe().expect("test binary");
    let out = std::process::Command::new(exe)
        .args([
            "nesting::deep_nesting_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(DEEP_CHILD, "1")
        .output()
        .expect("child test process starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "10 000 levels of nesting: the child process ended with {}\n--- stdout\n{stdout}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs only as the child of [`nesting_ten_thousand_deep_is_too_deep`]; passes trivially else.
#[test]
fn deep_nesting_child() {
    if std::env::var_os(DEEP_CHILD).is_none() {
        return;
    }
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let text = minimal_text().replacen("{\n", &format!("{{\n  \"x\": {deep},\n"), 1);
    let problems = match load_dataset(text.as_bytes()) {
        Ok(_) => panic!("10 000 levels of nesting loaded"),
        Err(problems) => problems,
    };
    assert_eq!(problems.len(), 1, "{}", listing(&problems));
    assert_eq!(
        problems[0].kind,
        ProblemKind::TooDeep,
        "{}",
        listing(&problems)
    );
    assert_eq!(problems[0].path, ".", "{}", listing(&problems));
    // Somewhere in the run of brackets on line 2 (`  "x": ` is 7 characters).
    let pos = problems[0].pos.expect("a place");
    assert!(
        pos.line == 2 && (8..8 + 10_000).contains(&pos.column),
        "{}",
        listing(&problems)
    );
}
