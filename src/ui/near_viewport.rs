//! What a change does first near the viewport, and the rest once the page is idle.
//!
//! **Layout.** The parts far below the first screen are laid out only as they near the viewport
//! (`style.css`: `content-visibility: auto` on the timeline's years and their events, the
//! lifecycle chart's box and the sources, under the app root's `lazy-layout`), each until then
//! at the size it had when last laid out (`contain-intrinsic-size: auto`). The parts keep a
//! margin for what their paint containment would clip (a focus ring, a year's dot on the
//! timeline's line), and on paper every part is laid out. The prerendered first view has the
//! same rule from the start (its timeline in one column only), at estimated sizes until laid
//! out; the take-over keeps the reader's place (`takeover::take_over`).
//!
//! **Language.** The timeline's years, the lifecycle chart and the sources are each drawn in a
//! language of their own (`view::LateParts`). A switch sets it at once for the parts within a
//! screen's height of the view, as an `IntersectionObserver` last saw them; the others follow
//! once the page is idle (at most a second later), before the whole layout below. So the
//! switch's frame sets and lays out the text on screen, not the page's whole text (at 412 px,
//! CPU ×1: 41 -> 25 ms with the layout near the viewport, stop 35; -> 11-12 ms with the text
//! and the years, stop 36; bench/LOG.md).
//!
//! Two things keep the remembered sizes true, so that a jump there (a scrollbar's drag) finds
//! each part where it is drawn and nothing on screen moves:
//! - the root is `lazy-layout` only once the app, unseen, has been laid out whole with all it
//!   draws at start-up, from the frame before the take-over: every part's size is remembered
//!   by then, and the take-over's own frame restyles only the parts near the view (it lifts
//!   `visibility`, which is inherited: at CPU ×4, 1 001 elements in 30–48 ms before, 161 in
//!   10–12 ms since; bench/LOG.md, stop 44);
//! - after a change that sets their text or width anew (the language, the visually-impaired
//!   mode, the window's width), the root leaves `lazy-layout` for one frame once the page is
//!   idle: the page's whole layout, done then rather than in the change's own frame.
//!   (Laying the parts out again a few per frame instead left a jump that moved by up to
//!   670 px in 2 runs of 15: bench/LOG.md, stop 35.)

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

use super::{dom, AppState};
use crate::i18n::Lang;
use crate::view::LateParts;

thread_local! {
    /// A whole layout is asked for and not yet done.
    static ASKED: Cell<bool> = const { Cell::new(false) };
    /// The parts' elements the observer watches, each with whether it is near the view (a
    /// JavaScript map, by the element itself).
    static SEEN: js_sys::Map = js_sys::Map::new();
    static OBSERVER: Option<IntersectionObserver> = observer();
}

/// Whether the root is `lazy-layout`, and the parts that follow a language switch late.
#[derive(Clone, Copy)]
pub struct NearViewport {
    lazy: RwSignal<bool>,
    lang: RwSignal<Lang>,
    parts: StoredValue<Vec<(String, RwSignal<Lang>)>>,
}

impl NearViewport {
    /// Provides the parts' languages, and follows the changes that leave the parts' text or
    /// sizes stale.
    pub fn new(state: AppState) -> Self {
        let this = Self {
            lazy: RwSignal::new(false),
            lang: state.lang,
            parts: StoredValue::new(Vec::new()),
        };
        provide_context(LateParts(this.parts));
        Effect::new(move |first: Option<()>| {
            let lang = state.lang.get();
            let _ = state.vi.get();
            if first.is_some() {
                this.set_near(lang);
                this.after_change();
            }
        });
        let width = Cell::new(window().inner_width().ok());
        let on_resize = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            // Only a new width: a phone's toolbar that slides away changes the height alone.
            let now = window().inner_width().ok();
            if width.replace(now.clone()) != now {
                this.after_change();
            }
        });
        let _ =
            window().add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
        // For the page's life, as the app it serves.
        on_resize.forget();
        this
    }

    /// Runs `shown` (the take-over) two frames from now, laying out near the viewport from the
    /// frame before it on: the next frame lays the unseen app out whole with what its last
    /// task drew (a chart drawn after a frame, `dom::measured_width`), and so each part's size
    /// is remembered; the one after skips the far parts at those sizes, so the take-over's own
    /// frame restyles only the parts near the view (`visibility` is inherited). Watches where
    /// the parts are from then on.
    pub fn show(self, shown: impl FnOnce() + 'static) {
        dom::after_next_frame(Box::new(move || {
            self.lazy.set(true);
            dom::after_next_frame(Box::new(move || {
                shown();
                self.parts.with_value(|parts| {
                    for (id, _) in parts {
                        near(id);
                    }
                });
            }));
        }));
    }

    /// The app root's class while on.
    pub fn class(self) -> &'static str {
        if self.lazy.get() {
            " lazy-layout"
        } else {
            ""
        }
    }

    /// Draws in `lang` now the parts near the view, or not yet watched (where they are is not
    /// known).
    fn set_near(self, lang: Lang) {
        self.set_parts(lang, |id| near(id).unwrap_or(true));
    }

    /// Draws in `lang` the parts not yet in it that `chosen` (by element id) picks.
    fn set_parts(self, lang: Lang, chosen: impl Fn(&str) -> bool) {
        let parts: Vec<RwSignal<Lang>> = self.parts.with_value(|parts| {
            parts
                .iter()
                .filter(|(id, part)| part.get_untracked() != lang && chosen(id))
                .map(|(_, part)| *part)
                .collect()
        });
        for part in parts {
            part.set(lang);
        }
    }

    /// Once the page is idle: draws every part in the reader's language, then lays the page
    /// out whole for one frame (the sizes the parts remember are taken after its layout) and
    /// near the viewport only again. The whole layout not before the app is shown (a
    /// visually-impaired mode chosen on the first view: it is laid out whole anyway); once
    /// for changes that come before it.
    fn after_change(self) {
        if ASKED.replace(true) {
            return;
        }
        dom::when_idle(Box::new(move || {
            self.set_parts(self.lang.get_untracked(), |_| true);
            if !self.lazy.get_untracked() {
                ASKED.set(false);
                return;
            }
            self.lazy.set(false);
            dom::after_next_frame(Box::new(move || {
                ASKED.set(false);
                self.lazy.set(true);
            }));
        }));
    }
}

/// Near: within a screen's height above or below the view.
const NEAR_MARGIN: &str = "100% 0px";

/// The observer that keeps `SEEN` (a hidden part is not near), with the margin on every scroll
/// container's view, the page's and that of the timeline's panel beside the chart on a wide
/// screen (Chromium 120 on); where that is not known, on the page's.
fn observer() -> Option<IntersectionObserver> {
    let on_change = Closure::<dyn Fn(js_sys::Array)>::new(|entries: js_sys::Array| {
        SEEN.with(|seen| {
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                seen.set(&entry.target(), &entry.is_intersecting().into());
            }
        });
    });
    let options = web_sys::IntersectionObserverInit::new();
    let scroll_margin = JsValue::from_str("scrollMargin");
    let _ = js_sys::Reflect::set(&options, &scroll_margin, &NEAR_MARGIN.into());
    let make = |options: &web_sys::IntersectionObserverInit| {
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), options).ok()
    };
    let observer = make(&options).and_then(|observer| {
        if js_sys::Reflect::has(&observer, &scroll_margin).unwrap_or(false) {
            Some(observer)
        } else {
            options.set_root_margin(NEAR_MARGIN);
            make(&options)
        }
    });
    // For the page's life, as the app it serves.
    on_change.forget();
    observer
}

/// Whether the part with element `id` is near, if the observer has reported on that element;
/// else watches it (a part drawn for the first time, or again) and says `None`.
fn near(id: &str) -> Option<bool> {
    let element = document().get_element_by_id(id)?;
    let near = SEEN.with(|seen| seen.get(&element)).as_bool();
    if near.is_none() {
        // Until its first report (watching an element twice watches it once).
        OBSERVER.with(|observer| observer.as_ref().map(|o| o.observe(&element)));
    }
    near
}
