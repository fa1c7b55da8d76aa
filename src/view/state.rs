//! The view state the components read, and which copy of the page they draw.

use leptos::prelude::*;

use crate::analysis::TimelineFilter;
use crate::contract::first_view_id;
use crate::i18n::Lang;
use crate::url::{Display, UrlState};
use crate::vi::ViSettings;

/// What the reader has chosen; every field is reflected in the query string (`ui::state`
/// keeps the two in step in the browser).
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// `None`: the dataset's first metric.
    pub metric: RwSignal<Option<String>>,
    pub filter: RwSignal<TimelineFilter>,
    /// The selected event, shared by the timeline and the lifecycle chart.
    pub event: RwSignal<Option<String>>,
    /// The comparison as a table.
    pub table: RwSignal<bool>,
    /// Embed mode, theme, visually-impaired mode: set by the host page's URL.
    pub display: RwSignal<Display>,
    /// The visually-impaired mode; its `on` is the URL's `a11y=1`.
    pub vi: RwSignal<ViSettings>,
}

impl AppState {
    /// The state a link describes, with the visually-impaired mode's settings.
    pub fn new(url: UrlState, vi: ViSettings) -> Self {
        AppState {
            lang: RwSignal::new(url.lang),
            metric: RwSignal::new(url.metric),
            filter: RwSignal::new(url.filter),
            event: RwSignal::new(url.event),
            table: RwSignal::new(url.table),
            display: RwSignal::new(url.display),
            vi: RwSignal::new(vi),
        }
    }
}

/// The state provided by `ui::provide_app_state` in the browser, or by the build.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

/// Which copy of the page a component draws: the app's, live, or the first view, written into
/// `index.html` at build time and shown until the app takes its place.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PageCopy {
    #[default]
    App,
    FirstView,
}

impl PageCopy {
    /// The element's id in this copy: the app's `name`, or the first view's `pre-{name}` (the
    /// two share the document until the take-over).
    pub fn id(self, name: &str) -> String {
        match self {
            PageCopy::App => name.to_string(),
            PageCopy::FirstView => first_view_id(name),
        }
    }

    /// Whether the controls only the app brings to life are drawn waiting for it (disabled,
    /// and dimmed by `style.css`).
    pub fn waits(self) -> bool {
        self == PageCopy::FirstView
    }
}

/// The copy being drawn: the first view's when the build provides it, else the app's.
pub fn use_page_copy() -> PageCopy {
    use_context::<PageCopy>().unwrap_or_default()
}

/// A fold (`<details>`) whose content the app draws once the reader first opens it, so that
/// neither the start-up nor a language switch draws what is folded away; the first view, which
/// has no script, holds it from the start. Its `<details>` calls `opened` on `toggle`.
#[derive(Clone, Copy)]
pub struct DrawnWhenOpened(RwSignal<bool>);

impl DrawnWhenOpened {
    pub fn new() -> Self {
        Self(RwSignal::new(use_page_copy() == PageCopy::FirstView))
    }

    /// Whether the content is drawn (tracked).
    pub fn drawn(self) -> bool {
        self.0.get()
    }

    /// The fold was opened or closed: drawn from now on (once: closing it again redraws nothing).
    pub fn opened(self) {
        if !self.0.get_untracked() {
            self.0.set(true);
        }
    }
}

/// How many events the timeline may list so far, while the app draws it a few events per task
/// (`ui::Explorer`, so that no start-up task is long). Where nobody provides it (the first view,
/// written at build time), all of them.
#[derive(Clone, Copy)]
pub struct EventsDrawn(pub Signal<usize>);

/// The events the timeline may list so far (`EventsDrawn`), or no limit.
pub fn events_drawn() -> Signal<usize> {
    use_context::<EventsDrawn>().map_or_else(|| Signal::stored(usize::MAX), |EventsDrawn(n)| n)
}

/// The parts of the page drawn in a language of their own, each with its element's id: the
/// timeline's years, the lifecycle chart, the sources. The app sets each to the reader's
/// language at once where the part is near the viewport, else once the page is idle
/// (`ui::near_viewport`), so that a switch sets the text on screen first. The first view,
/// drawn at build time, has none: there every part is in the reader's language.
#[derive(Clone, Copy)]
pub struct LateParts(pub StoredValue<Vec<(String, RwSignal<Lang>)>>);

/// The language the part whose element is `id` is drawn in (`LateParts`), or the reader's.
pub fn part_lang(id: String) -> RwSignal<Lang> {
    let state = use_app_state();
    let Some(LateParts(parts)) = use_context::<LateParts>() else {
        return state.lang;
    };
    let lang = RwSignal::new(state.lang.get_untracked());
    parts.update_value(|parts| parts.push((id, lang)));
    on_cleanup(move || parts.update_value(|parts| parts.retain(|(_, part)| *part != lang)));
    lang
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_has_a_language_of_its_own_only_where_the_app_lists_the_parts() {
        Owner::new().with(|| {
            let state = AppState::new(UrlState::default(), ViSettings::default());
            provide_context(state);
            assert_eq!(
                part_lang("sources".into()),
                state.lang,
                "the first view: the reader's"
            );

            let parts = StoredValue::new(Vec::new());
            provide_context(LateParts(parts));
            state.lang.set(Lang::En);
            let year = Owner::new();
            let lang = year.with(|| part_lang("year-2019".into()));
            assert_ne!(lang, state.lang, "the app: a signal of its own");
            assert_eq!(
                lang.get_untracked(),
                Lang::En,
                "in the reader's language to begin with"
            );
            assert_eq!(
                parts.with_value(|parts| parts.clone()),
                vec![("year-2019".to_string(), lang)],
                "listed with its element's id"
            );
            state.lang.set(Lang::Ru);
            assert_eq!(
                lang.get_untracked(),
                Lang::En,
                "set by the app (ui::near_viewport) only"
            );
            year.cleanup();
            assert!(
                parts.with_value(Vec::is_empty),
                "unlisted with its component"
            );
        });
    }

    #[test]
    fn a_fold_is_drawn_from_the_start_in_the_first_view_and_once_opened_in_the_app() {
        Owner::new().with(|| {
            let app = DrawnWhenOpened::new();
            // What the fold's content would be drawn by: run again only when `drawn` changes.
            let runs = StoredValue::new(0);
            let content = Memo::new(move |_| {
                runs.update_value(|n| *n += 1);
                app.drawn()
            });
            assert!(!content.get(), "the app: not yet");
            app.opened();
            assert!(content.get(), "opened: drawn");
            app.opened();
            app.opened();
            assert!(content.get());
            assert_eq!(
                runs.get_value(),
                2,
                "drawn once: closing it and opening it again draw nothing anew"
            );

            provide_context(PageCopy::FirstView);
            assert!(
                DrawnWhenOpened::new().drawn(),
                "the first view: from the start"
            );
        });
    }
}
