//! Small browser helpers the components share.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A container and its width in CSS pixels, kept current on window resizes: charts are drawn
/// at the width they are shown at, so their text keeps its size on a phone.
pub fn measured_width(initial: f64) -> (NodeRef<leptos::html::Div>, RwSignal<f64>) {
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(initial);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = f64::from(el.client_width());
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        container.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    (container, width)
}

/// Moves the keyboard focus to the first element matching `selector` (HTML or SVG).
pub fn focus_first(selector: &str) {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return;
    };
    // SVG elements have `focus()` too, but web-sys only binds it on HtmlElement.
    if let Ok(focus) = js_sys::Reflect::get(&el, &"focus".into()) {
        if let Some(f) = focus.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&el);
        }
    }
}

/// The hit region (`.hit`) an event happened in, if any: one listener on a chart's hit layer
/// serves all its regions, which say who they are in `data-*` attributes.
pub fn hit_target(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(".hit")
        .ok()?
}

/// The `data-index` of the hit region an event happened in.
pub fn hit_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    hit_target(target)?
        .get_attribute("data-index")?
        .parse()
        .ok()
}
