//! The fields the format does not know, found in the scan of the text (every value's path,
//! `parse::scan`) rather than by a second, warning-noting deserializer (`serde_ignored`, which
//! `check_dataset` uses natively): the browser's check page (`ui::check`) reports the same
//! warnings without a second copy of the whole deserializer in the WASM (about 40 KB brotli).
//! A test holds the two to the same answer, on the bad-input corpus and with a field added to
//! every object of the bundled dataset.

use super::parse::Scan;

// `OBJECTS`: the fields of each kind of object, by its path with the indices dropped
// (`parks[].status[]`; a text in both languages, `meta.title`, is an object of `ru` and `en`),
// read off the serde types of `raw.rs` when the crate is built (`build/fields.rs`).
include!(concat!(env!("OUT_DIR"), "/fields.rs"));

/// The paths of the fields the format does not know (the caller puts them in file order).
/// Nothing inside one is reported, as serde skips it whole: a path inside an unknown field has
/// a parent that is no known kind of object. Nor inside version 1's `closed`, read whole.
pub fn unknown_fields(scan: &Scan) -> Vec<String> {
    let mut unknown = Vec::new();
    for path in scan.positions.keys() {
        // An element of a list has no name; the whole document is `.`.
        let Some((parent, key)) = split_key(path) else {
            continue;
        };
        let pattern = pattern(parent);
        let Some((_, known)) = OBJECTS.iter().find(|(p, _)| *p == pattern) else {
            continue;
        };
        if !known.contains(&key) {
            unknown.push(path.clone());
        }
    }
    unknown
}

/// `parks[0].colour` → (`parks[0]`, `colour`); `extra` → (``, `extra`); `None` for a list's
/// element or the whole document.
fn split_key(path: &str) -> Option<(&str, &str)> {
    if path == "." || path.ends_with(']') {
        return None;
    }
    Some(match path.rfind('.') {
        Some(dot) => (&path[..dot], &path[dot + 1..]),
        None => ("", path),
    })
}

/// A path with its indices dropped: `parks[1].status[0]` → `parks[].status[]`.
fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::OBJECTS;
    use crate::model::{check_dataset, check_dataset_scanning, Problem};

    fn same(bytes: &[u8], what: &str) {
        let noted = check_dataset(bytes);
        let scanned = check_dataset_scanning(bytes);
        let errors =
            |c: &crate::model::Checked| -> Option<Vec<Problem>> { c.outcome.clone().err() };
        assert_eq!(errors(&scanned), errors(&noted), "{what}: problems");
        assert_eq!(scanned.outcome.is_ok(), noted.outcome.is_ok(), "{what}");
        assert_eq!(scanned.warnings, noted.warnings, "{what}: warnings");
    }

    /// `OBJECTS` is read off the serde types: a spot check of what that must give.
    #[test]
    fn the_field_lists_follow_the_serde_types() {
        let fields = |path: &str| OBJECTS.iter().find(|(p, _)| *p == path).map(|(_, f)| *f);
        // A field's serde name (`$schema` is `schema` in Rust), the optional ones too.
        assert_eq!(fields("").map(|f| f[0]), Some("$schema"));
        assert!(fields("").is_some_and(|f| f.contains(&"unknowns")));
        // Lists, options and texts in both languages are followed down.
        assert_eq!(fields("parks[].status[].note"), Some(&["ru", "en"][..]));
        assert_eq!(fields("parks[].founder"), Some(&["ru", "en"][..]));
        // Version 1's `closed` is read whole (a JSON value): no fields of its own.
        assert!(fields("parks[]").is_some_and(|f| f.contains(&"closed")));
        assert_eq!(fields("parks[].closed"), None);
        // 9 kinds of object, 18 texts.
        assert_eq!(OBJECTS.len(), 27);
    }

    #[test]
    fn finds_what_serde_ignored_finds_in_the_corpus() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bad");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            // Each fixture's `.expect` file beside it is no dataset.
            if path.extension().is_none_or(|x| x != "json") {
                continue;
            }
            same(&std::fs::read(&path).unwrap(), &path.display().to_string());
            files += 1;
        }
        assert!(files > 50);
    }

    #[test]
    fn finds_a_field_added_to_any_object() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/technoparks.json"
        ))
        .unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        // Every object of the file, once each kind (the first of each list).
        let mut objects = Vec::new();
        collect(&value, String::new(), &mut objects);
        assert!(objects.len() > 20, "{objects:?}");
        for pointer in objects {
            let mut changed = value.clone();
            let object = changed
                .pointer_mut(&pointer)
                .unwrap()
                .as_object_mut()
                .unwrap();
            object.insert(
                "colour".into(),
                serde_json::json!({"nested": {"x": 2}, "n": 1}),
            );
            let bytes = serde_json::to_vec_pretty(&changed).unwrap();
            same(&bytes, &pointer);
            assert_eq!(
                check_dataset_scanning(&bytes).warnings.len(),
                1,
                "{pointer}"
            );
        }
        // Version 1's `closed` is read whole: nothing inside it is unknown.
        let mut v1 = value.clone();
        v1["parks"][0]["closed"] = serde_json::json!({"date": "2020", "why": "x"});
        same(&serde_json::to_vec(&v1).unwrap(), "closed");
    }

    fn collect(value: &serde_json::Value, pointer: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                out.push(pointer.clone());
                for (key, child) in map {
                    collect(child, format!("{pointer}/{key}"), out);
                }
            }
            serde_json::Value::Array(items) => {
                if let Some(first) = items.first() {
                    collect(first, format!("{pointer}/0"), out);
                }
            }
            _ => {}
        }
    }
}
