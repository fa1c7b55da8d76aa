//! The dataset: its file format, parsing with positions, and validation. Pure: no browser.

pub mod dataset;
pub mod date;
pub mod parse;
pub mod problem;
pub mod raw;
pub mod validate;

pub use dataset::*;
pub use date::{PartialDate, Precision};
pub use problem::{Pos, Problem, ProblemKind};
pub use validate::load_dataset;
