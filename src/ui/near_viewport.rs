//! The parts far below the first screen, laid out only as they near the viewport
//! (`style.css`: `content-visibility: auto` on the timeline's events and the sources, under the
//! app root's `lazy-layout`), each until then at the size it had when last laid out
//! (`contain-intrinsic-size: auto`). A language switch then sets the text on screen, not the
//! page's whole text (at 412 px, to the painted frame: 41 -> 28 ms at CPU ×1, 177 -> 127 ms
//! at ×4). The parts keep a margin for the focus ring their paint containment would clip, and
//! on paper every part is laid out.
//!
//! Two things keep those remembered sizes true, so that a jump there (a scrollbar's drag)
//! finds each part where it is drawn and nothing on screen moves:
//! - the root is `lazy-layout` only once the app has been shown whole for a frame, so at the
//!   take-over every part is laid out and its size remembered;
//! - after a change that sets their text or width anew (the language, the visually-impaired
//!   mode, the window's width), the parts skipped then are laid out again after the frame that
//!   shows it, a few per frame (`data-measure`), so that no task is long.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event};

use super::{dom, AppState};

/// The attribute that lays a skipped part out for one frame (`style.css`).
const MEASURE: &str = "data-measure";

/// Skipped parts laid out again per frame.
const PER_FRAME: usize = 4;

thread_local! {
    /// The parts whose contents the browser skips now (`contentvisibilityautostatechange`).
    static SKIPPED: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
    /// Laying parts out again; `AGAIN`: a change came meanwhile.
    static MEASURING: Cell<u8> = const { Cell::new(IDLE) };
}

const IDLE: u8 = 0;
const BUSY: u8 = 1;
const AGAIN: u8 = 2;

/// Whether the root is `lazy-layout`.
#[derive(Clone, Copy)]
pub struct NearViewport(RwSignal<bool>);

impl NearViewport {
    /// Follows the skipped parts and the changes that leave their sizes stale.
    pub fn new(state: AppState) -> Self {
        // Not a bubbling event: heard on its way down.
        listen(&document(), "contentvisibilityautostatechange", |ev| {
            let Some(part) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
                return;
            };
            let skipped = js_sys::Reflect::get(&ev, &"skipped".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            SKIPPED.with_borrow_mut(|parts| {
                parts.retain(|p| p != &part);
                if skipped {
                    parts.push(part);
                }
            });
        });
        Effect::new(move |first: Option<()>| {
            let _ = (state.lang.get(), state.vi.get());
            if first.is_some() {
                measure_again();
            }
        });
        let width = Cell::new(window().inner_width().ok());
        listen(&window(), "resize", move |_| {
            // Only a new width: a phone's toolbar that slides away changes the height alone.
            let now = window().inner_width().ok();
            if width.replace(now.clone()) != now {
                measure_again();
            }
        });
        Self(RwSignal::new(false))
    }

    /// Lays out near the viewport only from the frame after the one that showed the app whole.
    pub fn after_shown(self) {
        dom::after_next_frame(Box::new(move || self.0.set(true)));
    }

    /// The app root's class while on.
    pub fn class(self) -> &'static str {
        if self.0.get() {
            " lazy-layout"
        } else {
            ""
        }
    }
}

/// Calls `on` for each `kind` event at `target` (on its way down) for the page's life.
fn listen(target: &web_sys::EventTarget, kind: &str, on: impl Fn(Event) + 'static) {
    let on = Closure::<dyn Fn(Event)>::new(on);
    let _ =
        target.add_event_listener_with_callback_and_bool(kind, on.as_ref().unchecked_ref(), true);
    on.forget();
}

/// After the frame that shows the change, lays out again the parts skipped now, `PER_FRAME` a
/// frame.
fn measure_again() {
    if MEASURING.replace(BUSY) != IDLE {
        MEASURING.set(AGAIN);
        return;
    }
    dom::after_next_frame(Box::new(|| {
        let parts = SKIPPED
            .with_borrow(|parts| parts.iter().filter(|p| p.is_connected()).cloned().collect());
        measure(parts);
    }));
}

/// Lays out the first `PER_FRAME` of `parts` for a frame, then the rest; when done, starts over
/// if a change came meanwhile.
fn measure(mut parts: Vec<Element>) {
    if parts.is_empty() {
        if MEASURING.replace(IDLE) == AGAIN {
            measure_again();
        }
        return;
    }
    let rest = parts.split_off(PER_FRAME.min(parts.len()));
    for part in &parts {
        let _ = part.set_attribute(MEASURE, "");
    }
    dom::after_next_frame(Box::new(move || {
        for part in &parts {
            let _ = part.remove_attribute(MEASURE);
        }
        measure(rest);
    }));
}
