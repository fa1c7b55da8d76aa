//! The comparison chart made explorable: focusable hit regions laid over the plotters SVG
//! (from the chart spec's coordinates), a tooltip for mouse, touch and keyboard, and a table
//! of the same values.

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::dom::{focus_first, hit_target, move_tab_stop, region_index};
use super::state::use_app_state;
use crate::chart::{hit_markup, value_description, Comparison, HitRole, ShownValue};
use crate::i18n::strings;
use crate::model::Dataset;
use crate::view::ConfidenceMark;

/// Widest a tooltip gets, in CSS pixels; it never leaves the chart.
const TOOLTIP_WIDTH: f64 = 240.0;

/// The chart with its hit layer and tooltip.
#[component]
pub fn ChartView(
    ds: Arc<Dataset>,
    comparison: Memo<Option<Comparison>>,
    svg: Signal<String>,
    // The container's width; `None` until it is laid out, and then nothing is drawn yet.
    width: Signal<Option<f64>>,
) -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());
    // The datum under the pointer or the focus; `active` keeps the keyboard's place.
    let shown = RwSignal::new(None::<usize>);
    let active = RwSignal::new(0usize);
    Effect::new(move |_| {
        comparison.track();
        shown.set(None);
        active.set(0);
    });

    // Read in place (`with`): a large chart's spec is costly to clone on every keypress.
    let alt =
        move || comparison.with(|c| c.as_ref().map(|c| c.chart.alt.clone()).unwrap_or_default());
    let data = move || {
        width
            .get()
            .and(comparison.get())
            .map(|c| c.chart.data)
            .unwrap_or_default()
    };
    let scale = move || {
        let spec_width = comparison.with(|c| c.as_ref().map_or(1.0, |c| c.chart.width));
        width.get().unwrap_or(spec_width) / spec_width
    };

    let ds_for_keys = ds.clone();
    let ds_for_regions = ds.clone();
    let on_key = move |ev: KeyboardEvent| {
        let count = data().len();
        if count == 0 {
            return;
        }
        let current = active.get_untracked();
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((current + 1) % count),
            "ArrowLeft" | "ArrowUp" => Some((current + count - 1) % count),
            "Home" => Some(0),
            "End" => Some(count - 1),
            "Escape" => {
                shown.set(None);
                None
            }
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(url) = comparison
                    .with_untracked(|c| value_of(c, current))
                    .and_then(|(_, v)| v.value.sources.first().cloned())
                    .and_then(|id| ds_for_keys.source(&id).map(|src| src.url.clone()))
                {
                    let _ = window().open_with_url_and_target(&url, "_blank");
                }
                None
            }
            _ => None,
        };
        if let Some(next) = next {
            ev.prevent_default();
            active.set(next);
            shown.set(Some(next));
            focus_first(&format!("#compare-chart .hit[data-index=\"{next}\"]"));
        }
    };

    // One box per value, read out with its date, sources and confidence, as its tooltip shows
    // them; a new chart starts the keyboard at the first (then `move_tab_stop` moves it).
    let regions = move || {
        let lang = state.lang.get();
        if width.get().is_none() {
            return String::new();
        }
        comparison.with(|c| {
            let Some(chart) = c.as_ref().map(|c| &c.chart) else {
                return String::new();
            };
            let labels = chart.data.iter().enumerate().map(|(i, d)| {
                let label = match value_of(c, i) {
                    Some((_, v)) => format!(
                        "{}; {}",
                        d.label,
                        value_description(&ds_for_regions, &v, lang)
                    ),
                    None => d.label.clone(),
                };
                (d, label)
            });
            hit_markup(labels, 0, HitRole::Value)
        })
    };

    // The drawing, its keyboard layer and the tooltip; the frame around them is the shared
    // `view::MetricView`'s.
    view! {
        <div class="chart" role="img" aria-label=alt inner_html=move || svg.get()></div>
        <svg
            class="hit-layer"
            viewBox=move || comparison.with(|c| c.as_ref().map(|c| format!("0 0 {} {}", c.chart.width, c.chart.height)).unwrap_or_default())
            role="group"
            aria-label=move || s().chart_keys_hint
            on:keydown=on_key
            on:mouseleave=move |_| shown.set(None)
            // One listener each for all the regions, which say who they are in data-index.
            on:focusin=move |ev| {
                if let Some(region) = hit_target(ev.target()) {
                    move_tab_stop(&region);
                    if let Some(i) = region_index(&region) {
                        active.set(i);
                        shown.set(Some(i));
                    }
                }
            }
            on:focusout=move |_| shown.set(None)
            on:mouseover=move |ev| {
                if let Some(i) = hit_target(ev.target()).and_then(|r| region_index(&r)) {
                    shown.set(Some(i));
                }
            }
            on:click=move |ev| {
                if let Some(i) = hit_target(ev.target()).and_then(|r| region_index(&r)) {
                    shown.set(Some(i));
                }
            }
            inner_html=regions
        >
        </svg>
        {move || {
            let index = shown.get()?;
            let (datum, name, value) = comparison.with(|c| {
                let datum = c.as_ref()?.chart.data.get(index)?.clone();
                let (name, value) = value_of(c, index)?;
                Some((datum, name, value))
            })?;
            let k = scale();
            let chart_width = width.get()?;
            let tip_width = TOOLTIP_WIDTH.min(chart_width);
            let centre = (datum.x + datum.w / 2.0) * k;
            let left = (centre - tip_width / 2.0).clamp(0.0, (chart_width - tip_width).max(0.0));
            let top = (datum.y + datum.h) * k + 6.0;
            Some(view! {
                <div
                    class="tooltip"
                    id="chart-tooltip"
                    role="tooltip"
                    style:left=format!("{left:.0}px")
                    style:top=format!("{top:.0}px")
                    style:width=format!("{tip_width:.0}px")
                >
                    <p class="tooltip-park">{name}</p>
                    <p class="tooltip-value">{value.text.clone()}</p>
                    <p class="tooltip-meta">
                        {value.date.clone()} " · "
                        {value
                            .value
                            .sources
                            .iter()
                            .filter_map(|id| ds.source(id))
                            .map(|src| src.publisher.get(state.lang.get_untracked()).to_string())
                            .collect::<Vec<_>>()
                            .join(", ")}
                        " · "
                        <ConfidenceMark confidence=value.value.confidence lang=state.lang.get_untracked()/>
                    </p>
                </div>
            })
        }}
    }
}

/// The park name and value a datum stands for.
fn value_of(comparison: &Option<Comparison>, index: usize) -> Option<(String, ShownValue)> {
    let c = comparison.as_ref()?;
    let datum = c.chart.data.get(index)?;
    let card = c.cards.iter().find(|card| card.park == datum.park)?;
    Some((card.name.clone(), card.values.get(datum.value)?.clone()))
}
