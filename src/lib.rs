//! Perm Technoparks Explorer: Morion Digital and Technopark Perm compared, beside a timeline
//! of the federal and regional support for technoparks.
//!
//! A pure core (`model`, `analysis`, `format`, `typography`, `chart`, `url`, `i18n`, `steps`)
//! that knows nothing of the browser; components drawn both by the app and at build time
//! (`view`); the browser's wiring (`ui`, wasm32 only) and the build's (`prerender`, native
//! only). See ARCHITECTURE.md.

pub mod analysis;
pub mod chart;
pub mod check;
pub mod contract;
pub mod export;
pub mod format;
pub mod html;
pub mod i18n;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod sizes;
pub mod static_page;
pub mod steps;
pub mod typography;
pub mod url;
pub mod vi;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
