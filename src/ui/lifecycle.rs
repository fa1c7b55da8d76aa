//! The lifecycle chart in the page, at its measured width, with its hit layer: park bars and
//! event marks, linked to the timeline both ways through the selected event; a lane's count
//! of a year (where it counts by year) lists that year's events in the timeline. Its frame
//! (heading, caption, hint, the periods table) is `view::LifecycleFrame`.

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::dom::{
    focus_first, hit_target, mark_selected, measured_width, move_tab_stop, region_index,
};
use super::state::use_app_state;
use crate::chart::{
    hit_markup, lifecycle, render_svg, ChartSpec, Datum, HitRole, Lifecycle as LifecycleChart,
};
use crate::contract::{LIFECYCLE, TIMELINE};
use crate::format::ReferenceTypography;
use crate::i18n::strings;
use crate::model::Dataset;
use crate::view::{part_lang, LifecycleFrame, ShownYears};

/// Park bars over the years, the filtered events (`years`, the timeline's) as marks; a mark
/// selects its event.
#[component]
pub fn Lifecycle(ds: Arc<Dataset>, years: ShownYears) -> impl IntoView {
    let state = use_app_state();
    let lang = part_lang(LIFECYCLE.to_string());
    let s = move || strings(lang.get());

    let (container, measured) = measured_width();

    // Laid out once the container's width is known (not first at a guessed width, then again).
    let (ds_for_table, ds_for_selection) = (ds.clone(), ds.clone());
    let chart = Memo::new(move |_| {
        let width = measured.get()?;
        let lang = lang.get();
        let shown: Vec<usize> = years.with(|years| {
            years
                .iter()
                .flat_map(|(_, events)| events.iter().copied())
                .collect()
        });
        Some(lifecycle(
            &ds,
            &shown,
            &ReferenceTypography { lang },
            width / state.vi.get().chart_scale(),
        ))
    });
    // Two drawings: the lanes, which a filter changes, and the parks below them, which it does
    // not (a string compared, not 200 parks' rows parsed and laid out again).
    let drawing = move |part: fn(&LifecycleChart) -> &ChartSpec| {
        chart.with(|c| {
            c.as_ref()
                .and_then(|c| render_svg(part(c)).ok())
                .unwrap_or_default()
        })
    };
    let lanes = move || drawing(|c| &c.lanes);
    let parks = Memo::new(move |_| drawing(|c| &c.parks));
    // The selected event, drawn over the chart: choosing one leaves the chart as it is.
    let selection = move || {
        let id = state.event.get()?;
        chart.with(|c| render_svg(&c.as_ref()?.selection_spec(&ds_for_selection, &id)).ok())
    };
    // The hit areas follow the selection by hand (`mark_selected`); a redraw draws it in place.
    let layer = NodeRef::<leptos::svg::Svg>::new();
    Effect::new(move |_| {
        let id = state.event.get();
        if let Some(layer) = layer.get() {
            mark_selected(&layer, id.as_deref());
        }
    });
    // The mark under the pointer or the focus, by its index.
    let pointed = RwSignal::new(None::<usize>);
    // The mark the keyboard is on; only it is in the tab order.
    let active = RwSignal::new(0usize);
    // Fewer marks (a filter): the keyboard's place must stay on a mark, or none would be in
    // the tab order.
    Effect::new(move |_| {
        let count = chart.with(|c| c.as_ref().map_or(0, |c| c.lanes.data.len()));
        if active.get_untracked() >= count {
            active.set(0);
        }
        // A mark pointed at by its index is another mark, or none, once the chart is redrawn.
        pointed.set(None);
    });
    // A mark's action: an event's selects it; a year's count lists that year's events of its
    // lane in the timeline, and the keyboard's focus goes to the first of them.
    let act = move |datum: &Datum| match datum.year {
        Some(count) => {
            state
                .filter
                .update(|f| *f = f.to_year(count.level, count.year));
            request_animation_frame(|| {
                focus_first(&format!(
                    "#{TIMELINE} li.event:not([hidden]) button.event-select"
                ));
            });
        }
        None => state.event.set(datum.event.clone()),
    };

    // The tab stop as drawn: the keyboard's place, or the first mark when a filter took that
    // one away (as the effect above decides).
    let regions = move || {
        chart.with(|c| {
            let Some(spec) = c.as_ref().map(|c| &c.lanes) else {
                return String::new();
            };
            let stop = Some(active.get_untracked())
                .filter(|&a| a < spec.data.len())
                .unwrap_or(0);
            let selected = state.event.get_untracked();
            let role = HitRole::Event {
                selected: selected.as_deref(),
            };
            hit_markup(spec.data.iter().map(|d| (d, d.label.clone())), stop, role)
        })
    };
    // The datum of the mark at `i`.
    let datum_at = move |i: usize| chart.with_untracked(|c| c.as_ref()?.lanes.data.get(i).cloned());
    let on_key = move |ev: KeyboardEvent| {
        let count = chart.with_untracked(|c| c.as_ref().map_or(0, |c| c.lanes.data.len()));
        if count == 0 {
            return;
        }
        let current = active.get_untracked().min(count - 1);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((current + 1) % count),
            "ArrowLeft" | "ArrowUp" => Some((current + count - 1) % count),
            "Home" => Some(0),
            "End" => Some(count - 1),
            "Enter" | " " => {
                ev.prevent_default();
                if let Some(datum) = datum_at(current) {
                    act(&datum);
                }
                None
            }
            _ => None,
        };
        if let Some(next) = next {
            ev.prevent_default();
            active.set(next);
            focus_first(&format!("#lifecycle .hit[data-index=\"{next}\"]"));
        }
    };
    // What the pointed mark says, or else the selected event's.
    let caption = move || {
        let pointed = pointed.get();
        let selected = state.event.get();
        chart.with(|c| {
            let data = &c.as_ref()?.lanes.data;
            pointed
                .and_then(|i| data.get(i))
                .or_else(|| {
                    let id = selected?;
                    data.iter()
                        .find(|d| d.event.as_deref() == Some(id.as_str()))
                })
                .map(|d| d.label.clone())
        })
    };

    view! {
        <LifecycleFrame ds=ds_for_table lang caption=Signal::derive(caption)>
            <div class="chart-wrap" node_ref=container>
                <div class="chart" role="img" aria-label=move || chart.with(|c| c.as_ref().map(|c| c.lanes.alt.clone()))>
                    <div inner_html=lanes></div>
                    <div inner_html=move || parks.get()></div>
                </div>
                <div class="chart selection-layer" inner_html=selection></div>
                <svg
                    node_ref=layer
                    class="hit-layer"
                    viewBox=move || chart.with(|c| c.as_ref().map(|c| format!("0 0 {} {}", c.lanes.width, c.height())))
                    role="group"
                    aria-label=move || s().lifecycle_hint
                    on:keydown=on_key
                    on:mouseleave=move |_| pointed.set(None)
                    // One listener each for all the marks (see `hit_target`).
                    on:focusin=move |ev| {
                        if let Some(region) = hit_target(ev.target()) {
                            move_tab_stop(&region);
                            if let Some(i) = region_index(&region) {
                                active.set(i);
                                pointed.set(Some(i));
                            }
                        }
                    }
                    on:mouseover=move |ev| {
                        if let Some(region) = hit_target(ev.target()) {
                            pointed.set(region_index(&region));
                        }
                    }
                    on:click=move |ev| {
                        let region = hit_target(ev.target());
                        if let Some(datum) = region.and_then(|r| datum_at(region_index(&r)?)) {
                            act(&datum);
                        }
                    }
                    inner_html=regions
                >
                </svg>
            </div>
        </LifecycleFrame>
    }
}
