//! The dataset: its file format, parsing with positions, and validation. Pure: no browser.

pub mod dataset;
pub mod date;
pub mod parse;
pub mod problem;
pub mod raw;
mod unknown;
pub mod validate;

pub use dataset::*;
pub use date::{PartialDate, Precision};
pub use problem::{Pos, Problem, ProblemKind};
pub use validate::{check_dataset, check_dataset_scanning, load_dataset, load_parsed, Checked};

/// The JSON Schema of the dataset file, for editors (`public/data/technoparks.schema.json`).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(raw::RawDataset);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
