//! The view state (`view::AppState`) in the browser: read from the URL and storage, and kept
//! in step with the URL, the history and the document.

use leptos::prelude::*;

use crate::contract::VI_STORAGE_KEY;
use crate::i18n::strings;
use crate::url::{Display, SetAside, Theme, UrlState};
use crate::vi::{ViScheme, ViSettings};
pub use crate::view::{use_app_state, AppState};

/// The URL writes put off until the page is idle: the newest's number, and whether any since
/// the last written adds a history entry.
struct Write {
    newest: std::cell::Cell<u32>,
    pushes: std::cell::Cell<bool>,
}

impl Write {
    /// A newer write's number: any waiting write is no longer the newest.
    fn newer(&self) -> u32 {
        let n = self.newest.get().wrapping_add(1);
        self.newest.set(n);
        n
    }
}

thread_local! {
    static WRITE: Write = const {
        Write {
            newest: std::cell::Cell::new(0),
            pushes: std::cell::Cell::new(false),
        }
    };
}

/// Reads the state from the URL, provides it as context, and keeps URL, `<html lang>` and
/// the title in step with it. Also returns what of the URL was set aside (`link_notice`).
pub fn provide_app_state() -> (AppState, RwSignal<Vec<SetAside>>) {
    let (initial, set_aside) = UrlState::read(&window().location().search().unwrap_or_default());
    let vi = stored_vi(&initial.display);
    let state = AppState::new(initial, vi);
    provide_context(state);

    Effect::new(move |_| {
        let lang = state.lang.get();
        // Only a change: setting even the same language restyles the whole page.
        if let Some(root) = document()
            .document_element()
            .filter(|root| root.get_attribute("lang").as_deref() != Some(lang.code()))
        {
            let _ = root.set_attribute("lang", lang.code());
        }
        // The tab's title is not drawn in the page: set once the page is idle, in the language
        // it is in then, rather than in a switch's frame (0.8 ms of its script at CPU ×1;
        // bench/LOG.md, stop 45), and only when it is another.
        crate::ui::dom::when_idle(Box::new(move || {
            let title = strings(state.lang.get_untracked()).app_title;
            if document().title() != title {
                document().set_title(title);
            }
        }));
    });
    // Filters, language and metric rewrite the current history entry; choosing an event or
    // the table view adds one, so that Back returns to the view before. Compared with the
    // state the current entry holds: after Back or Forward, the entry's own (set below), so
    // that following it adds nothing, even when a filter changes before the page is idle.
    let entry = StoredValue::new(None::<UrlState>);
    Effect::new(move |_| {
        let now = current_url_state(&state);
        let pushes = entry.with_value(|held| {
            held.as_ref()
                .is_some_and(|p| p.event != now.event || p.table != now.table)
        });
        // When the page is idle after the frame that shows the change. Writing history makes
        // the browser lay the page out at once: in the middle of the change's DOM updates that
        // is a layout done twice, and in a task right after the frame it held the next input
        // back (a filter with 5 000 events: 11–14 ms at CPU ×1, 85–103 ms at ×4).
        // Only the newest state is written, and as a new entry if any change since the last
        // write adds one; Back and Forward drop a write still waiting (the browser has set the
        // URL), which would otherwise add an entry after them.
        let query = now.to_query();
        let write = WRITE.with(|w| {
            w.pushes.set(w.pushes.get() || pushes);
            w.newer()
        });
        crate::ui::dom::when_idle(Box::new(move || {
            WRITE.with(|w| {
                if w.newest.get() == write {
                    write_query(&query, w.pushes.take());
                }
            });
        }));
        entry.set_value(Some(now));
    });
    // Back and forward: the URL is the state.
    let on_pop = window_event_listener(leptos::ev::popstate, move |_| {
        WRITE.with(|w| {
            w.newer();
            w.pushes.set(false);
        });
        let url = UrlState::from_query(&window().location().search().unwrap_or_default());
        entry.set_value(Some(url.clone()));
        state.lang.set(url.lang);
        state.metric.set(url.metric);
        state.filter.set(url.filter);
        state.event.set(url.event);
        state.table.set(url.table);
    });
    on_cleanup(move || on_pop.remove());
    Effect::new(move |_| store_vi(&state.vi.get()));
    (state, RwSignal::new(set_aside))
}

/// The reader's stored choice; the host's `a11y=1` turns the mode on whatever was stored, and
/// with `theme=dark` it starts white on black.
fn stored_vi(host: &Display) -> ViSettings {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(VI_STORAGE_KEY).ok().flatten())
        .map(|text| ViSettings::from_storage(&text))
        .unwrap_or_default();
    let dark_host = host.a11y && host.theme == Some(Theme::Dark);
    ViSettings {
        on: stored.on || host.a11y,
        scheme: if dark_host && stored.scheme == ViScheme::default() {
            ViScheme::WhiteOnBlack
        } else {
            stored.scheme
        },
        ..stored
    }
}

/// Keeps the choice for the next visit; where storage is refused (some embeds), it is not kept.
fn store_vi(settings: &ViSettings) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = storage.set_item(VI_STORAGE_KEY, &settings.to_storage());
    }
}

/// The state as a link carries it.
pub fn current_url_state(state: &AppState) -> UrlState {
    UrlState {
        lang: state.lang.get(),
        metric: state.metric.get(),
        filter: state.filter.get(),
        event: state.event.get(),
        table: state.table.get(),
        display: Display {
            a11y: state.vi.get().on,
            ..state.display.get()
        },
    }
}

/// Writes the query string: a new history entry when `push`, else in place. The path is kept,
/// so the app works from any sub-path; an unchanged query writes nothing.
fn write_query(query: &str, push: bool) {
    let location = window().location();
    if location.search().unwrap_or_default() == query {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{path}{query}{hash}");
    if let Ok(history) = window().history() {
        let none = wasm_bindgen::JsValue::NULL;
        let _ = if push {
            history.push_state_with_url(&none, "", Some(&url))
        } else {
            history.replace_state_with_url(&none, "", Some(&url))
        };
    }
}
