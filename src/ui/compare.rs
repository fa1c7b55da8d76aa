//! The comparison, live: the shared panel and metric view (`view::ComparePanel`,
//! `view::MetricView`) on the reader's state, the chart measured and made explorable.

use std::sync::Arc;

use leptos::prelude::*;

use super::chart_view::ChartView;
use super::dom::measured_width;
use super::downloads::download_runner;
use super::state::use_app_state;
use crate::analysis::metric_catalogue;
use crate::chart::{compared, render_svg};
use crate::format::ReferenceTypography;
use crate::model::Dataset;
use crate::view::{ComparePanel, MetricView, ValueCards, ValuesTable};

/// Chart width before the container has been measured.
const DEFAULT_WIDTH: f64 = 560.0;

/// Compare the parks on one metric at a time: the panel, then the metric's view once
/// `view_drawn` and its value cards once `cards_drawn` (each a start-up step of its own,
/// `steps::DrawingSteps`).
#[component]
pub fn Compare(
    ds: Arc<Dataset>,
    view_drawn: Signal<bool>,
    cards_drawn: Signal<bool>,
) -> impl IntoView {
    let state = use_app_state();

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
    let (ds_for_chart, ds_for_downloads) = (ds.clone(), ds.clone());
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

    let on_metric = Callback::new(move |chosen: String| {
        let first = catalogue.get_untracked().first().map(|m| m.id.clone());
        // The default metric is left out of the URL.
        state
            .metric
            .set((Some(&chosen) != first.as_ref()).then_some(chosen));
    });
    // The reader's table switch (in the URL) flips whatever the visually-impaired mode's
    // "charts as tables" chose.
    let images_off = move || {
        let vi = state.vi.get();
        vi.on && vi.images_off
    };
    let as_table = Signal::derive(move || state.table.get() != images_off());
    let on_table = Callback::new(move |table: bool| state.table.set(table != images_off()));
    let headline =
        move || typeset.with(|c| c.as_ref().map(|c| c.headline.clone()).unwrap_or_default());
    let formula = move || typeset.with(|c| c.as_ref().and_then(|c| c.metric.formula.clone()));
    let alt =
        move || view_model.with(|c| c.as_ref().map(|c| c.chart.alt.clone()).unwrap_or_default());
    // Drawn only while shown, again when it changes (metric, language, width).
    let table = move || {
        let lang = state.lang.get();
        as_table
            .get()
            .then(|| view_model.get())
            .flatten()
            .map(|comparison| view! { <ValuesTable comparison lang/> })
    };
    let cards = move || {
        let lang = state.lang.get();
        cards_drawn
            .get()
            .then(|| cards.get())
            .flatten()
            .map(|cards| view! { <ValueCards ds=ds.clone() cards lang/> })
    };
    let selection = move || typeset.with(|c| c.as_ref().and_then(|c| c.selection.clone()));

    let on_download = download_runner(ds_for_downloads.clone(), view_model);
    // Its own step: the panel's task and the view's each run (and have V8 compile) about half
    // of what the two took in one task.
    let metric_view = move || {
        view_drawn.get().then(|| {
            let (ds, ds_for_chart) = (ds_for_downloads.clone(), ds_for_chart.clone());
            view! {
                <MetricView
                    ds
                    metric
                    headline=Signal::derive(headline)
                    formula=Signal::derive(formula)
                    selection=Signal::derive(selection)
                    alt=Signal::derive(alt)
                    table
                    cards=cards.clone()
                    container
                    on_download
                >
                    <ChartView ds=ds_for_chart comparison=view_model svg=Signal::derive(svg) width=measured.into()/>
                </MetricView>
            }
        })
    };

    view! {
        <ComparePanel metrics=catalogue metric as_table on_metric on_table>
            {metric_view}
        </ComparePanel>
    }
}
