//! Turns `locales/{ru,en}.json` into Rust: the interface strings are static data (no JSON
//! parsing and no building at start in the browser), and a key missing from (or unknown to)
//! the `Strings` struct is a compile error. Also lists the fields of each kind of object in
//! the dataset file, read off its serde types (`build/fields.rs`), for `model::unknown`.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value};

/// The dataset file's serde types, the same source the crate compiles.
#[allow(dead_code)] // only deserialized, by the probe
#[path = "src/model/raw.rs"]
mod raw;

#[path = "build/fields.rs"]
mod fields;

fn main() {
    locales();
    println!("cargo:rerun-if-changed=src/model/raw.rs");
    let objects = fields::objects::<raw::RawDataset>();
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("fields.rs");
    std::fs::write(dest, fields::rust(&objects)).expect("fields.rs written");
}

/// `locales.rs`: the `Strings` of each language.
fn locales() {
    let mut out = String::new();
    for lang in ["ru", "en"] {
        let path = format!("locales/{lang}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let Value::Object(fields) = json else {
            panic!("{path}: the file must be a JSON object");
        };
        writeln!(out, "/// The `{lang}` interface strings.").unwrap();
        writeln!(out, "static {}: Strings = Strings {{", lang.to_uppercase()).unwrap();
        let variant = if lang == "ru" { "Ru" } else { "En" };
        writeln!(out, "    lang: Lang::{variant},").unwrap();
        for (key, value) in &fields {
            writeln!(out, "    {key}: {},", expression(&path, key, value)).unwrap();
        }
        writeln!(out, "}};").unwrap();
    }
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("locales.rs");
    std::fs::write(dest, out).expect("locales.rs written");
}

/// The Rust expression for a value, by its shape: text, plural forms, a map of texts, or a
/// map of label-and-formula pairs.
fn expression(path: &str, key: &str, value: &Value) -> String {
    match value {
        Value::String(text) => format!("{text:?}"),
        Value::Object(map) if is_forms(map) => {
            let form = |k: &str| match map.get(k) {
                Some(Value::String(t)) => format!("Some({t:?})"),
                _ => "None".into(),
            };
            format!(
                "Forms {{ one: {:?}, two: {}, few: {}, many: {}, other: {:?} }}",
                text_of(path, key, &map["one"]),
                form("two"),
                form("few"),
                form("many"),
                text_of(path, key, &map["other"]),
            )
        }
        Value::Object(map) if map.values().all(Value::is_string) => {
            let pairs: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("({k:?}, {:?})", text_of(path, key, v)))
                .collect();
            format!("Texts(&[{}])", pairs.join(", "))
        }
        Value::Object(map) => {
            let pairs: Vec<String> = map
                .iter()
                .map(|(k, v)| {
                    format!(
                        "({k:?}, DerivedStrings {{ label: {:?}, formula: {:?} }})",
                        text_of(path, key, &v["label"]),
                        text_of(path, key, &v["formula"])
                    )
                })
                .collect();
            format!("DerivedTexts(&[{}])", pairs.join(", "))
        }
        _ => panic!("{path}: \"{key}\" must be a text or an object of texts"),
    }
}

fn is_forms(map: &Map<String, Value>) -> bool {
    map.contains_key("one")
        && map.contains_key("other")
        && map
            .keys()
            .all(|k| ["one", "two", "few", "many", "other"].contains(&k.as_str()))
}

fn text_of<'a>(path: &str, key: &str, value: &'a Value) -> &'a str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{path}: \"{key}\" must contain texts only"))
}
