//! The bundled dataset loads, validates, and says what the sources say. The tests are in
//! `tests/dataset/`, by topic; this file holds what they share.
#![cfg(not(target_arch = "wasm32"))]

mod basics;
mod charts;
mod facts;
mod sources;
mod typography;

use perm_technoparks::model::{load_dataset, Dataset};

fn bundled() -> Dataset {
    let bytes = include_bytes!("../../public/data/technoparks.json");
    match load_dataset(bytes) {
        Ok(ds) => ds,
        Err(problems) => panic!("bundled dataset is invalid: {problems:#?}"),
    }
}

/// A text with its no-break spaces as plain ones: what a test compares, whatever the
/// typographer decides about spacing.
fn plain(text: &str) -> String {
    text.replace(['\u{a0}', '\u{202f}'], " ")
}

fn event<'a>(ds: &'a Dataset, id: &str) -> &'a perm_technoparks::model::Event {
    ds.events
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("event {id} is in the dataset"))
}
