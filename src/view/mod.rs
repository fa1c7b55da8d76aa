//! Components written once and drawn twice: live by the app (`ui`, in the browser) and to HTML
//! at build time for the first view (`prerender`, natively, with Leptos' `ssr`). They read the
//! state and call the core; what only a browser can do (measured widths, listeners on the
//! document, the URL, storage) stays in `ui`.

mod compare;
mod header;
mod lifecycle;
mod sources;
mod state;
mod table;
mod timeline;
mod unknowns;

pub use compare::{ComparePanel, MetricView, ShareMenu, ValueCards, ValuesTable};
pub use header::{ActionButton, SiteHeader, ViPanel};
pub use lifecycle::LifecycleFrame;
pub use sources::{ConfidenceMark, SourceLinks, Sources};
pub use state::{
    part_lang, use_app_state, use_page_copy, AppState, EventsDrawn, LateParts, PageCopy,
};
pub use timeline::{shown_years, ShownYears, Timeline, PAGE as TIMELINE_PAGE};
pub use unknowns::Unknowns;
