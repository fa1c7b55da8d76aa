//! The parts far below the first screen, laid out only as they near the viewport
//! (`style.css`: `content-visibility: auto` on the timeline's events and the sources, under the
//! app root's `lazy-layout`), each until then at the size it had when last laid out
//! (`contain-intrinsic-size: auto`). A language switch then sets the text on screen, not the
//! page's whole text (at 412 px, to the painted frame: 41 -> 25 ms at CPU ×1, 177 -> 113 ms
//! at ×4). The parts keep a margin for the focus ring their paint containment would clip, and
//! on paper every part is laid out.
//!
//! Two things keep those remembered sizes true, so that a jump there (a scrollbar's drag)
//! finds each part where it is drawn and nothing on screen moves:
//! - the root is `lazy-layout` only once the app has been shown whole for a frame, so at the
//!   take-over every part is laid out and its size remembered;
//! - after a change that sets their text or width anew (the language, the visually-impaired
//!   mode, the window's width), the root leaves `lazy-layout` for one frame once the page is
//!   idle: the page's whole layout, done then rather than in the change's own frame.
//!   (Laying the parts out again a few per frame instead left a jump that moved by up to
//!   670 px in 2 runs of 15: bench/LOG.md, stop 35.)

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::{dom, AppState};

thread_local! {
    /// A whole layout is asked for and not yet done.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the root is `lazy-layout`.
#[derive(Clone, Copy)]
pub struct NearViewport(RwSignal<bool>);

impl NearViewport {
    /// Follows the changes that leave the parts' sizes stale.
    pub fn new(state: AppState) -> Self {
        let this = Self(RwSignal::new(false));
        Effect::new(move |first: Option<()>| {
            let _ = (state.lang.get(), state.vi.get());
            if first.is_some() {
                this.lay_out_whole();
            }
        });
        let width = Cell::new(window().inner_width().ok());
        let on_resize = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
            // Only a new width: a phone's toolbar that slides away changes the height alone.
            let now = window().inner_width().ok();
            if width.replace(now.clone()) != now {
                this.lay_out_whole();
            }
        });
        let _ =
            window().add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
        // For the page's life, as the app it serves.
        on_resize.forget();
        this
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

    /// Once the page is idle, lays it out whole for one frame (the sizes the parts remember are
    /// taken after its layout), then near the viewport only again. Not while it is laid out
    /// whole anyway: before the app is shown (a visually-impaired mode chosen on the first
    /// view), or with a whole layout already asked for.
    fn lay_out_whole(self) {
        if !self.0.get_untracked() || ASKED.replace(true) {
            return;
        }
        dom::when_idle(Box::new(move || {
            self.0.set(false);
            dom::after_next_frame(Box::new(move || {
                ASKED.set(false);
                self.0.set(true);
            }));
        }));
    }
}
