//! Fetching the bundled dataset and turning every failure into something the reader can act on.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::parse::parse_raw;
use crate::model::{load_parsed, Dataset, Problem};

pub use crate::export::DATA_URL;

/// Why the dataset is not shown.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// No response: offline, blocked, refused.
    #[error("network: {0}")]
    Network(String),
    /// A response, but not 2xx.
    #[error("HTTP {0}")]
    Http(u16),
    /// The file arrived but is not a valid dataset: every problem found (shared: the error
    /// is cloned into the view, and a deep copy of the problems costs the WASM 1.9 KB).
    #[error("{} problems", .0.len())]
    Invalid(Arc<[Problem]>),
}

/// The dataset as the app has it: `None` while it loads. A signal and a task of its own rather
/// than Leptos's `LocalResource`, whose asynchronous machinery ran (and was compiled) in the
/// start-up's first task for this one fetch (bench/LOG.md, stop 42).
#[derive(Clone, Copy)]
pub struct Loaded(RwSignal<Option<Result<Arc<Dataset>, LoadError>>>);

impl Loaded {
    /// Starts the fetch.
    pub fn start() -> Self {
        let loaded = Self(RwSignal::new(None));
        loaded.fetch();
        loaded
    }

    /// What has arrived, if anything (tracked).
    pub fn get(self) -> Option<Result<Arc<Dataset>, LoadError>> {
        self.0.get()
    }

    /// Fetches again (Retry): loading until the new answer.
    pub fn retry(self) {
        self.0.set(None);
        self.fetch();
    }

    fn fetch(self) {
        leptos::task::spawn_local(async move { self.0.set(Some(fetch_dataset().await)) });
    }
}

/// Fetches, parses and validates the dataset.
async fn fetch_dataset() -> Result<Arc<Dataset>, LoadError> {
    let response = gloo_net::http::Request::get(DATA_URL)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let bytes = response
        .binary()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    // Parsing, then validation in the next task, so that neither holds the main thread long:
    // each a `technoparks:parse-validate` entry in the browser's performance timeline (their
    // sum read by the benchmark, `cargo xtask bench`).
    let start = mark_start();
    let raw = parse_raw(&bytes);
    measure_since(&start);
    super::dom::next_task().await;
    let loaded = raw.map_err(|problem| vec![problem]).and_then(|raw| {
        let start = mark_start();
        let loaded = load_parsed(&bytes, &raw);
        measure_since(&start);
        loaded
    });
    // Drawing what was loaded is the next task's work, not this one's.
    super::dom::next_task().await;
    loaded
        .map(Arc::new)
        .map_err(|problems| LoadError::Invalid(problems.into()))
}

/// Marks the start of a `technoparks:parse-validate` measure (`measure_since`).
fn mark_start() -> Option<web_sys::Performance> {
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        let _ = p.mark(PARSE_START);
    }
    performance
}

/// Ends the `technoparks:parse-validate` measure that `mark_start` began.
fn measure_since(performance: &Option<web_sys::Performance>) {
    if let Some(p) = performance {
        let _ = p.measure_with_start_mark("technoparks:parse-validate", PARSE_START);
    }
}

const PARSE_START: &str = "technoparks:parse-start";
