//! The comparison: a metric selector, the chart, and each park's figures with provenance.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_view::ChartView;
use super::dom::measured_width;
use super::state::use_app_state;
use crate::analysis::metric_catalogue;
use crate::chart::{compared, render_svg};
use crate::contract::METRIC_SELECT;
use crate::format::ReferenceTypography;
use crate::i18n::strings;
use crate::model::Dataset;
use crate::view::ValueCard;

/// Chart width before the container has been measured.
const DEFAULT_WIDTH: f64 = 560.0;

/// Compare the parks on one metric at a time.
#[component]
pub fn Compare(ds: Arc<Dataset>) -> impl IntoView {
    let state = use_app_state();
    let s = move || strings(state.lang.get());

    let (container, measured) = measured_width();
    let width = Signal::derive(move || measured.get().unwrap_or(DEFAULT_WIDTH));

    let ds_for_catalogue = ds.clone();
    let catalogue = Memo::new(move |_| metric_catalogue(&ds_for_catalogue, state.lang.get()));
    // A metric from the URL that the dataset lacks falls back to the first one.
    let metric = Memo::new(move |_| {
        let list = catalogue.get();
        let wanted = state.metric.get();
        wanted
            .filter(|id| list.iter().any(|m| &m.id == id))
            .or_else(|| list.first().map(|m| m.id.clone()))
            .unwrap_or_default()
    });
    // The URL names the default or an unknown metric: rewrite it clean.
    Effect::new(move |_| {
        let list = catalogue.get();
        if let Some(wanted) = state.metric.get() {
            let is_default = list.first().is_some_and(|m| m.id == wanted);
            if is_default || !list.iter().any(|m| m.id == wanted) {
                state.metric.set(None);
            }
        }
    });
    // Typeset once per metric and language; laid out again only when the width changes.
    let ds_for_view = ds.clone();
    let typeset = Memo::new(move |_| {
        let t = ReferenceTypography {
            lang: state.lang.get(),
        };
        compared(&ds_for_view, &metric.get(), &t)
    });
    let view_model = Memo::new(move |_| {
        let width = width.get() / state.vi.get().chart_scale();
        typeset.with(|c| c.as_ref().map(|c| c.at(width)))
    });
    // Drawn once the container's width is known (the cards and the table need not wait).
    let svg = move || {
        measured
            .get()
            .and(view_model.get())
            .and_then(|c| render_svg(&c.chart).ok())
            .unwrap_or_default()
    };
    // The cards do not depend on the width: a resize must not rebuild them.
    let cards = Memo::new(move |_| typeset.with(|c| c.as_ref().map(|c| c.cards.clone())));

    let on_change = move |ev| {
        let chosen = event_target_value(&ev);
        let first = catalogue.get_untracked().first().map(|m| m.id.clone());
        // The default metric is left out of the URL.
        state
            .metric
            .set((Some(&chosen) != first.as_ref()).then_some(chosen));
    };

    view! {
        <section id="compare" class="panel" aria-labelledby="compare-title">
            <h2 id="compare-title">{move || s().compare_title}</h2>
            <div class="control">
                <label for=METRIC_SELECT>{move || s().metric_label}</label>
                <select id=METRIC_SELECT on:change=on_change prop:value=move || metric.get()>
                    {move || {
                        catalogue
                            .get()
                            .into_iter()
                            .map(|m| {
                                let selected = m.id == metric.get_untracked();
                                view! { <option value=m.id.clone() selected=selected>{m.label.clone()}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            {move || {
                typeset.with(|c| c.as_ref().and_then(|c| c.metric.formula.clone())).map(|formula| {
                    view! {
                        <p id="formula" class="formula">
                            {move || s().formula} ": " {formula}
                        </p>
                    }
                })
            }}
            <ChartView ds=ds.clone() comparison=view_model svg=Signal::derive(svg) container width=measured.into()/>
            <ul id="compare-values" class="value-cards">
                {move || {
                    let lang = state.lang.get();
                    cards
                        .get()
                        .map(|cards| {
                            cards
                                .into_iter()
                                .map(|card| view! { <ValueCard ds=ds.clone() card lang/> })
                                .collect_view()
                        })
                }}
            </ul>
        </section>
    }
}
