//! Taking over the prerendered first view (`src/prerender.rs`), shown until the data is in.
//! Its metric select works before the app does (`style.css` shows the chosen metric's view),
//! so the app starts from the reader's choice, follows it while it loads, and when it takes the
//! copy's place puts the keyboard focus on the same control.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, HtmlElement, HtmlSelectElement};

/// The prerendered copy's root (`prerender::first_view`).
const PRERENDER: &str = "prerender";

/// Starts `metric` from the copy's select and keeps it in step until the take-over.
pub fn follow_prerendered_select(metric: RwSignal<Option<String>>) {
    let Some(select) = document()
        .query_selector(&format!("#{PRERENDER} select"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlSelectElement>().ok())
    else {
        return;
    };
    // The first option is the default metric, which the state (and the URL) leaves out.
    let adopt = move |select: &HtmlSelectElement| {
        metric.set((select.selected_index() > 0).then(|| select.value()));
    };
    // A choice made before the app started, or kept by the browser on reload.
    if select.selected_index() > 0 {
        adopt(&select);
    }
    let on_change = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        if let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        {
            adopt(&select);
        }
    });
    let _ = select.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // One small closure for the life of the page; the select it listens to goes at the
    // take-over, and with it every call.
    on_change.forget();
}

/// Removes the copy; a control of it that had the keyboard focus hands it to the app's own,
/// or, where the app has none (its data failed), to the app's main region, so that the next
/// Tab goes on from there rather than from the top of the page.
pub fn take_over() {
    let Some(prerender) = document().get_element_by_id(PRERENDER) else {
        return;
    };
    let focus = document()
        .active_element()
        .filter(|active| prerender.contains(Some(active)))
        .map(|active| {
            counterpart(&active).or_else(|| {
                document()
                    .get_element_by_id("main")
                    .and_then(|main| main.dyn_into::<HtmlElement>().ok())
            })
        });
    prerender.remove();
    if let Some(control) = focus.flatten() {
        let _ = control.focus();
    }
}

/// The app's element for one of the copy's focusable ones: the metric select, or a source link
/// (the same address in the same park's card).
fn counterpart(element: &Element) -> Option<HtmlElement> {
    let found = if element.tag_name().eq_ignore_ascii_case("select") {
        document().get_element_by_id("metric-select")
    } else {
        let href = element.get_attribute("href")?;
        let park = card_of(element)?;
        let links = document()
            .query_selector_all("#compare-values .value-card a[href]")
            .ok()?;
        (0..links.length())
            .filter_map(|i| links.item(i)?.dyn_into::<Element>().ok())
            .find(|a| {
                a.get_attribute("href").as_deref() == Some(href.as_str())
                    && card_of(a).as_deref() == Some(park.as_str())
            })
    };
    found?.dyn_into::<HtmlElement>().ok()
}

/// The park whose value card holds `element`.
fn card_of(element: &Element) -> Option<String> {
    element
        .closest(".value-card")
        .ok()
        .flatten()?
        .get_attribute("data-park")
}
