//! Perm Technoparks Explorer: Morion Digital and Technopark Perm compared, beside a timeline
//! of the federal and regional support for technoparks.
//!
//! A pure core (`model`, `analysis`, `format`, `typography`, `chart`, `url`, `i18n`) that knows
//! nothing of the browser, and a thin Leptos view layer (`ui`, wasm32 only). See ARCHITECTURE.md.

pub mod analysis;
pub mod chart;
pub mod export;
pub mod format;
pub mod html;
pub mod i18n;
pub mod model;
pub mod prerender;
pub mod static_page;
pub mod typography;
pub mod url;
pub mod vi;

#[cfg(target_arch = "wasm32")]
pub mod ui;
