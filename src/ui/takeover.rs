//! Taking over the prerendered first view (`src/prerender.rs`), shown until the data is in.
//! Its metric select, table switch and visually-impaired mode work before the app does
//! (`style.css` shows the chosen metric's view, as a chart or a table, in the chosen mode), so
//! the app starts from the reader's choices, follows them while it loads, and when it takes
//! the copy's place puts the keyboard focus on the same control and keeps what the reader was
//! reading where it was on the screen.

use std::cell::Cell;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, HtmlSelectElement};

use crate::contract::{
    first_view_id, APP_ROOT, FIRST_VIEW_ID_PREFIX, FIRST_VIEW_ID_SELECTOR, FIRST_VIEW_ROOT, MAIN,
    METRIC_SELECT, TIMELINE, VIEW_CHART, VIEW_TABLE, VI_SWITCH,
};
use crate::vi::{ViScheme, ViSettings, ViSize};

thread_local! {
    /// Whether the reader has scrolled the page or the copy's timeline (`follow_scrolling`).
    static SCROLLED: Cell<bool> = const { Cell::new(false) };
}

/// Starts `metric`, `table` and `vi` from the copy's select, table switch and visually-impaired
/// mode (a choice made before the app started, or kept by the browser on reload) and keeps
/// them in step until the take-over.
pub fn follow_prerendered_controls(
    metric: RwSignal<Option<String>>,
    table: RwSignal<bool>,
    vi: RwSignal<ViSettings>,
) {
    // Each sets its signal only when the choice differs (as drawn, the copy holds the state's).
    follow(
        &format!("#{}", first_view_id(METRIC_SELECT)),
        move |select: &HtmlSelectElement| {
            // The first option is the default metric, which the state (and the URL) leaves out.
            let chosen = (select.selected_index() > 0).then(|| select.value());
            if metric.get_untracked() != chosen {
                metric.set(chosen);
            }
        },
    );
    // The chart/table radios: each says, when checked, which is shown.
    for (name, is_table) in [(VIEW_TABLE, true), (VIEW_CHART, false)] {
        follow(
            &format!("#{}", first_view_id(name)),
            move |radio: &HtmlInputElement| {
                let chosen = radio.checked() == is_table;
                if table.get_untracked() != chosen {
                    table.set(chosen);
                }
            },
        );
    }
    follow_vi(vi);
    follow_scrolling();
}

/// Notes whether the reader has scrolled, before the app started or since, so that the take-over
/// reads where they are only then: reading a scroll position lays the page out at once, which
/// the take-over's frame would otherwise do once, after the copy has gone. Read here, before the
/// app's first elements are in, the page is laid out already.
fn follow_scrolling() {
    let scrolled = window().scroll_y().is_ok_and(|y| y > 0.0)
        || copy_timeline().is_some_and(|timeline| timeline.scroll_top() > 0);
    SCROLLED.set(scrolled);
    // The page's scrolling and any box's (capture: a box's does not bubble).
    let on_scroll = Closure::<dyn Fn()>::new(|| SCROLLED.set(true));
    let _ = document().add_event_listener_with_callback_and_bool(
        "scroll",
        on_scroll.as_ref().unchecked_ref(),
        true,
    );
    // As `follow`'s: one small closure for the life of the page.
    on_scroll.forget();
}

/// The copy's timeline, which scrolls in a box of its own beside the comparison.
fn copy_timeline() -> Option<Element> {
    document().get_element_by_id(&first_view_id(TIMELINE))
}

/// The visually-impaired mode as the copy's switch and settings bar have it: `None` while the
/// switch is off (the stored sizes and colours then stay as they are), else every choice.
fn copy_vi() -> Option<ViSettings> {
    let checked = |id: String| {
        document()
            .get_element_by_id(&id)
            .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|input| input.checked())
    };
    if !checked(VI_SWITCH.to_string()) {
        return None;
    }
    let defaults = ViSettings::default();
    Some(ViSettings {
        on: true,
        size: ViSize::ALL
            .into_iter()
            .find(|size| checked(format!("{VI_SWITCH}-size-{}", size.key())))
            .unwrap_or(defaults.size),
        scheme: ViScheme::ALL
            .into_iter()
            .find(|scheme| checked(format!("{VI_SWITCH}-scheme-{}", scheme.key())))
            .unwrap_or(defaults.scheme),
        images_off: checked(format!("{VI_SWITCH}-images")),
    })
}

/// Adopts the copy's visually-impaired mode now, and again on each change of its switch or
/// settings (one listener on the copy, for all of them).
fn follow_vi(vi: RwSignal<ViSettings>) {
    let adopt = move || {
        let current = vi.get_untracked();
        let chosen = copy_vi().unwrap_or(ViSettings {
            on: false,
            ..current
        });
        if current != chosen {
            vi.set(chosen);
        }
    };
    let Some(prerender) = document().get_element_by_id(FIRST_VIEW_ROOT) else {
        return;
    };
    adopt();
    let on_change = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        let id = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .map(|el| el.id())
            .unwrap_or_default();
        if id.starts_with(VI_SWITCH) {
            adopt();
        }
    });
    let _ =
        prerender.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // As `follow`'s: it goes with the copy at the take-over.
    on_change.forget();
}

/// Adopts the state of the copy's control at `selector` now, and again on each change.
fn follow<E: JsCast + Clone + 'static>(selector: &str, adopt: impl Fn(&E) + 'static) {
    let Some(control) = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<E>().ok())
    else {
        return;
    };
    adopt(&control);
    let on_change = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        if let Some(control) = ev.target().and_then(|t| t.dyn_into::<E>().ok()) {
            adopt(&control);
        }
    });
    let target = control.unchecked_ref::<web_sys::EventTarget>();
    let _ = target.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // One small closure per control for the life of the page; the control it listens to goes
    // at the take-over, and with it every call.
    on_change.forget();
}

/// Removes the copy; a control of it that had the keyboard focus hands it to the app's own,
/// or, where the app has none (its data failed), to the app's main region, so that the next
/// Tab goes on from there rather than from the top of the page. What the reader was reading
/// stays where it was on the screen.
pub fn take_over() {
    let Some(prerender) = document().get_element_by_id(FIRST_VIEW_ROOT) else {
        return;
    };
    // Only where the reader has scrolled (`follow_scrolling`).
    let scrolled = SCROLLED.get();
    let place = scrolled.then(|| reading_place(&prerender)).flatten();
    // Beside the comparison, the timeline scrolls in a box of its own: the app's is scrolled
    // as far as the copy's was (both laid out whole there, `style.css`).
    let timeline_scrolled = scrolled
        .then(|| copy_timeline().map(|copy| copy.scroll_top()))
        .flatten()
        .filter(|&top| top > 0);
    let focus = document()
        .active_element()
        .filter(|active| prerender.contains(Some(active)))
        .map(|active| {
            counterpart(&active).or_else(|| {
                document()
                    .get_element_by_id(MAIN)
                    .and_then(|main| main.dyn_into::<HtmlElement>().ok())
            })
        });
    prerender.remove();
    if let Some(top) = timeline_scrolled {
        if let Some(timeline) = document().get_element_by_id(TIMELINE) {
            timeline.set_scroll_top(top);
        }
    }
    if let Some((name, top)) = place {
        if let Some(same) = document().get_element_by_id(&name) {
            let moved = same.get_bounding_client_rect().top() - top;
            if moved != 0.0 {
                window().scroll_by_with_x_and_y(0.0, moved);
            }
        }
    }
    if let Some(control) = focus.flatten() {
        let _ = control.focus();
    }
}

/// Where the reader is in the copy: the innermost of its elements with an id (`pre-{name}`)
/// under the middle of the window, as the app's `name`, and how far below the window's top it
/// starts. The copy lays out its timeline, lifecycle chart and sources only as they near the
/// viewport (`style.css`), so a part above the reader that never came near it stands at an
/// estimated height, where the app, laid out whole, has its own: the same event can be higher
/// or lower in the app.
fn reading_place(prerender: &Element) -> Option<(String, f64)> {
    let screen = document().document_element()?;
    let middle = |extent: i32| extent as f32 / 2.0;
    let named = document()
        .element_from_point(
            middle(screen.client_width()),
            middle(screen.client_height()),
        )?
        .closest(FIRST_VIEW_ID_SELECTOR)
        .ok()??;
    if !prerender.contains(Some(&named)) {
        return None;
    }
    let name = named.id().strip_prefix(FIRST_VIEW_ID_PREFIX)?.to_string();
    Some((name, named.get_bounding_client_rect().top()))
}

/// The app's element for one of the copy's focusable ones: one with an id (`pre-{name}`), a
/// menu's summary (the same menu's), a download (the item of the same kind), the table, or a
/// source link (the same address in the same park's card).
fn counterpart(element: &Element) -> Option<HtmlElement> {
    let found = if let Some(name) = element.id().strip_prefix(FIRST_VIEW_ID_PREFIX) {
        // The first view's `pre-{name}` is the app's `name` (`view::PageCopy::id`): the metric
        // select, the chart/table radios, the visually-impaired mode's switch and settings,
        // the timeline's and the sources' elements.
        document().get_element_by_id(name)
    } else if element.tag_name().eq_ignore_ascii_case("summary") {
        let menu = element.parent_element()?.class_name();
        let menu = menu.split_whitespace().find(|c| c.ends_with("-menu"))?;
        document()
            .query_selector(&format!("#{APP_ROOT} .{menu} > summary"))
            .ok()?
    } else if let Some(kind) = element.get_attribute("data-kind") {
        // The download's kind is the id of the app's button (`export::Kind::id`).
        document().get_element_by_id(&kind)
    } else if element.class_list().contains("table-scroll") {
        document()
            .query_selector("#compare-chart .table-scroll")
            .ok()?
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
