//! Small browser helpers the components share.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// A container and its width in CSS pixels: `None` until it is first laid out visible (one
/// hidden from the start, as in the table view, waits to be shown); once hidden again it keeps
/// its last width. Measured as it mounts, before the frame is painted, then kept current by a
/// `ResizeObserver`: a window resize, a larger text size, a narrower column. A chart is drawn
/// at the width it is shown at (its text keeps its size on a phone), and only once it is known.
pub fn measured_width() -> (NodeRef<leptos::html::Div>, RwSignal<Option<f64>>) {
    let container = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(None::<f64>);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            // Hidden: keep the last width.
            let w = f64::from(el.client_width());
            if w > 0.0
                && width
                    .get_untracked()
                    .is_none_or(|old| (w - old).abs() >= 1.0)
            {
                width.set(Some(w));
            }
        }
    };
    let on_resize = Closure::<dyn FnMut()>::new(measure);
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return (container, width);
    };
    // The observer and its callback live as long as the component.
    let held = SendWrapper::new((observer.clone(), on_resize));
    Effect::new(move |_| {
        if let Some(el) = container.get() {
            let observer = observer.clone();
            let start = move || {
                measure();
                observer.observe(&el);
            };
            // Now, not at the observer's first report: that comes a frame late, which would
            // paint an empty chart first. While the explorer is drawn unseen at start-up, in
            // the task after the next frame: the drawing is a task of its own, and the frame
            // has laid out what came before it, which the measure would otherwise lay out
            // (the app's whole page, 31 ms of a 47 ms task at CPU x4: bench/LOG.md, stop 43).
            if super::drawing_unseen() {
                after_next_frame(Box::new(start));
            } else {
                start();
            }
        }
    });
    on_cleanup(move || held.0.disconnect());
    (container, width)
}

/// Moves the keyboard focus to the first element matching `selector` (HTML or SVG).
pub fn focus_first(selector: &str) {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return;
    };
    // SVG elements have `focus()` too, but web-sys only binds it on HtmlElement.
    call(&el, "focus", &JsValue::UNDEFINED);
}

/// `el.scrollIntoView({ block: "nearest" })`: only as far as it needs to, not at all when it
/// is in view.
pub fn scroll_into_view_nearest(el: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"nearest".into());
    call(el, "scrollIntoView", &options);
}

/// Calls `el`'s method `name` with one argument, through `Reflect`: what web-sys does not bind
/// where we need it, or binds with typed options that cost the WASM more.
fn call(el: &web_sys::Element, name: &str, arg: &JsValue) {
    if let Ok(method) = js_sys::Reflect::get(el, &name.into()) {
        if let Some(f) = method.dyn_ref::<js_sys::Function>() {
            let _ = f.call1(el, arg);
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

/// A hit region's `data-index`.
pub fn region_index(region: &web_sys::Element) -> Option<usize> {
    region.get_attribute("data-index")?.parse().ok()
}

/// Makes `region` the one region of its hit layer in the tab order: a roving tab stop, moved
/// here by hand as the focus arrives. (A reactive tab stop per region would wake every region
/// on every arrow key: 150 ms with 4 000 regions.) A layer is drawn with its stop in place
/// (`chart::hit_markup`), and a redraw writes it again, whatever this moved in between.
pub fn move_tab_stop(region: &web_sys::Element) {
    if let Some(layer) = region.parent_element() {
        if let Ok(Some(old)) = layer.query_selector(".hit[tabindex=\"0\"]") {
            let _ = old.set_attribute("tabindex", "-1");
        }
    }
    let _ = region.set_attribute("tabindex", "0");
}

/// Marks the hit region of the event `id` (its `data-event`) selected, and no other: by hand,
/// as `move_tab_stop`, so that a selection does not wake every region. A layer is drawn with
/// its selection in place.
pub fn mark_selected(layer: &web_sys::Element, id: Option<&str>) {
    let Ok(regions) = layer.query_selector_all(".hit[data-event]") else {
        return;
    };
    for region in
        (0..regions.length()).filter_map(|i| regions.item(i)?.dyn_into::<web_sys::Element>().ok())
    {
        let on = id.is_some() && region.get_attribute("data-event").as_deref() == id;
        let (class, pressed) = crate::chart::pressed_state(on);
        if region.get_attribute("aria-pressed").as_deref() != Some(pressed) {
            let _ = region.set_attribute("class", class);
            let _ = region.set_attribute("aria-pressed", pressed);
        }
    }
}

/// The menus (`details.menu`) close as menus do: on a click or a tap outside them, and on Esc,
/// which gives the keyboard's focus back to the menu's button. One listener each on the
/// document, for the life of the page.
pub fn close_menus_as_menus_do() {
    let open_menus = || {
        document()
            .query_selector_all("details.menu[open]")
            .ok()
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let on_click = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        for menu in open_menus() {
            if !menu.contains(target.as_ref()) {
                let _ = menu.remove_attribute("open");
            }
        }
    });
    let on_key =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |ev: web_sys::KeyboardEvent| {
            if ev.key() != "Escape" || ev.default_prevented() {
                return;
            }
            let active = document().active_element();
            for menu in open_menus() {
                // An open dialog of the menu's (the embed's) takes its own Esc first.
                if menu.query_selector("dialog[open]").ok().flatten().is_some() {
                    continue;
                }
                let _ = menu.remove_attribute("open");
                if active.as_ref().is_some_and(|a| menu.contains(Some(a))) {
                    if let Some(summary) = menu
                        .query_selector("summary")
                        .ok()
                        .flatten()
                        .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = summary.focus();
                    }
                }
            }
        });
    let doc = document();
    let _ = doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    let _ = doc.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
    on_click.forget();
    on_key.forget();
}

/// Runs `work` once the browser is idle after the frame being made (`requestIdleCallback`, at
/// most a second later); where the browser has no idle callbacks (Safari), 100 ms later, past
/// that frame. For work no reader waits to see, so that it runs neither inside an interaction
/// nor between its frame and the next input. (Boxed: one drawing of it in the WASM for every
/// caller.)
pub fn when_idle(work: Box<dyn FnOnce()>) {
    let work: js_sys::Function = Closure::once_into_js(work).unchecked_into();
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window()
        .request_idle_callback_with_options(&work, &options)
        .is_err()
    {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&work, 100);
    }
}

/// Runs `work` in the task after the next frame (an animation frame, then a zero `setTimeout`):
/// once that frame's style, layout and resize observations are done. (Boxed: one drawing of it
/// in the WASM for every caller.)
pub fn after_next_frame(work: Box<dyn FnOnce()>) {
    request_animation_frame(move || {
        set_timeout(work, std::time::Duration::ZERO);
    });
}

/// Resolves in a later task of the browser's event loop (a zero `setTimeout`): work after it
/// runs once the browser has had its turn at input and painting. The start-up yields with it so
/// that no task holds the main thread long (`load`, `Explorer`).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
