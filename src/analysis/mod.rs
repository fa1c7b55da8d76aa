//! What the views show, computed from a validated dataset: metrics (including the derived
//! ones), each park's values for a metric, the filtered and grouped timeline. Pure.

mod metrics;
mod timeline;

pub mod diff;

pub use metrics::*;
pub use timeline::*;
